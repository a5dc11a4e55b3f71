"""Preferences: what each highlight colour means, and how Markdown exports are laid out."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.domain.colors import PALETTE
from reader.services.settings import Settings
from reader.ui.theme import THEMES


class PreferencesDialog(QDialog):
    """Edits a copy of the settings; `ask` returns it, or None when cancelled."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(480)
        self._settings = settings
        colors = QGroupBox("What the colours mean")
        color_form = QFormLayout(colors)
        self.color_names: dict[str, QLineEdit] = {}
        for number, color in enumerate(PALETTE, start=1):
            swatch = QLabel(f"  {number}  ")
            swatch.setStyleSheet(f"background: {THEMES['light'].highlights[color]}; border-radius: 4px;"
                                 " color: #333;")
            edit = QLineEdit(settings.color_names.get(color, ""), objectName=f"color_name_{color}")
            edit.setPlaceholderText(f"{color} (e.g. {_EXAMPLES[color]})")
            row = QHBoxLayout()
            row.addWidget(swatch)
            row.addWidget(edit, 1)
            color_form.addRow(row)
            self.color_names[color] = edit
        export = QGroupBox("Markdown export")
        export_form = QVBoxLayout(export)
        self.template = QLineEdit(settings.export_template, objectName="export_template")
        self.template.setPlaceholderText("The default layout (front matter, quotes, notes, block ids)")
        browse = QPushButton("Choose\u2026")
        browse.clicked.connect(self._choose_template)
        template_row = QHBoxLayout()
        template_row.addWidget(QLabel("Template:"))
        template_row.addWidget(self.template, 1)
        template_row.addWidget(browse)
        self.group_by_color = QCheckBox("Group highlights by colour", objectName="export_group_by_color")
        self.group_by_color.setChecked(settings.export_group_by_color)
        export_form.addLayout(template_row)
        export_form.addWidget(self.group_by_color)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(colors)
        layout.addWidget(export)
        layout.addWidget(buttons)

    def chosen(self) -> Settings:
        names = {color: " ".join(edit.text().split()) for color, edit in self.color_names.items()}
        return replace(self._settings, color_names=names, export_template=self.template.text().strip(),
                       export_group_by_color=self.group_by_color.isChecked())

    def _choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Markdown export template", self.template.text(),
                                              "Jinja2 templates (*.j2 *.jinja *.md *.txt);;All files (*)")
        if path:
            self.template.setText(path)

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings) -> Settings | None:
        dialog = cls(settings, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


_EXAMPLES = {"yellow": "key point", "green": "agree", "blue": "to look up", "pink": "disagree", "purple": "quote"}
