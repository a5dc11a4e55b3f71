"""Preferences: the reading theme and font, what the colours mean, the Markdown export's layout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.domain.colors import PALETTE
from reader.domain.errors import ReaderError
from reader.services.settings import THEMES, Settings
from reader.ui.appearance import MAX_FONT_SIZE, MIN_FONT_SIZE
from reader.ui.dialogs import grow_to_fit
from reader.ui.theme import resolve_theme


TemplateCheck = Callable[[Path], object]


class PreferencesDialog(QDialog):
    """Edits a copy of the settings; `ask` returns it, or None when cancelled.

    `check_template(path)` loads a template as the export will (raising ReaderError naming the
    line); a template chosen or accepted here goes through it, so a broken one is refused here
    and not at the next export.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 check_template: TemplateCheck | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(480)
        self._settings = settings
        self._check_template = check_template
        reading = QGroupBox("Reading")
        reading_form = QFormLayout(reading)
        self.theme = QComboBox(objectName="preferences_theme")
        for key in THEMES:
            self.theme.addItem(_THEME_LABELS.get(key, key.capitalize()), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.font_family = QComboBox(objectName="preferences_font")
        self.font_family.addItem("Default serif", "")
        families = QFontDatabase.families()
        if settings.font_family and settings.font_family not in families:
            families = [settings.font_family, *families]  # not installed here: kept, not dropped
        for family in families:
            self.font_family.addItem(family, family)
        self.font_family.setCurrentIndex(max(0, self.font_family.findData(settings.font_family)))
        self.font_size = QSpinBox(objectName="preferences_font_size", suffix=" px")
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setValue(settings.font_size)
        reading_form.addRow("Theme:", self.theme)
        reading_form.addRow("Font:", self.font_family)
        reading_form.addRow("Text size:", self.font_size)
        colors = QGroupBox("What the colours mean")
        color_form = QFormLayout(colors)
        self.color_names: dict[str, QLineEdit] = {}
        theme = resolve_theme(settings.theme)
        for number, color in enumerate(PALETTE, start=1):
            # as the highlights look in the reading pane, in the theme in use
            swatch = QLabel(f"  {number}  ", objectName=f"color_swatch_{color}")
            swatch.setStyleSheet(f"background: {theme.highlights[color]}; color: {theme.text};"
                                 f" border: 1px solid {theme.underline[color]}; border-radius: 4px;")
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
        browse = QPushButton("Choose\u2026", objectName="choose_template")
        browse.clicked.connect(self._choose_template)
        template_row = QHBoxLayout()
        template_row.addWidget(QLabel("Template:"))
        template_row.addWidget(self.template, 1)
        template_row.addWidget(browse)
        self.template_error = QLabel(objectName="template_error")
        self.template_error.setWordWrap(True)
        self.template_error.hide()
        self.template.textChanged.connect(lambda: self.template_error.hide())  # being corrected
        self.group_by_color = QCheckBox("Group highlights by colour", objectName="export_group_by_color")
        self.group_by_color.setChecked(settings.export_group_by_color)
        export_form.addLayout(template_row)
        export_form.addWidget(self.template_error)
        export_form.addWidget(self.group_by_color)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   objectName="preferences_buttons")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(reading)
        layout.addWidget(colors)
        layout.addWidget(export)
        layout.addWidget(buttons)

    def chosen(self) -> Settings:
        names = {color: " ".join(edit.text().split()) for color, edit in self.color_names.items()}
        return replace(self._settings, color_names=names, export_template=self.template.text().strip(),
                       export_group_by_color=self.group_by_color.isChecked(), theme=self.theme.currentData(),
                       font_family=self.font_family.currentData(), font_size=self.font_size.value())

    def _choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Markdown export template", self.template.text(),
                                              "Jinja2 templates (*.j2 *.jinja *.md *.txt);;All files (*)")
        if path:
            self.template.setText(path)
            self.template_is_valid()

    def template_is_valid(self) -> bool:
        """Whether the template field is empty (the default layout) or names a template that
        loads; if not, the field shows why (the file and line)."""
        text = self.template.text().strip()
        if not text or self._check_template is None:
            return True
        try:
            self._check_template(Path(text).expanduser())
        except ReaderError as error:
            self.template_error.setText(str(error))
            self.template_error.show()
            grow_to_fit(self)
            self.template.setFocus()
            return False
        return True

    def _accept_if_valid(self) -> None:
        if self.template_is_valid():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings,
            check_template: TemplateCheck | None = None) -> Settings | None:
        dialog = cls(settings, parent, check_template)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


_THEME_LABELS = {"system": "Follow the system"}
_EXAMPLES = {"yellow": "key point", "green": "agree", "blue": "to look up", "pink": "disagree", "purple": "quote"}
