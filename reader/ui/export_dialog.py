"""File > Export: what to export, in which format, and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

MARKDOWN, JSON = "markdown", "json"
BACKUP_NAME = "reader-backup.json"  # the file a JSON export proposes in the folder chosen


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for: `article_ids` empty means every article (narrowed by `tag`)."""

    kind: str
    destination: Path
    article_ids: tuple[int, ...] = ()
    tag: str | None = None
    group_by_color: bool = False
    force: bool = False


class ExportDialog(QDialog):
    """Choose the articles (open, selected, all, tagged), Markdown or JSON, and the destination.

    Given `previous` (an export that failed) and its `error`, it opens on that export's choices
    with the error above the buttons, so the user changes what failed and exports again.
    """

    def __init__(self, parent: QWidget | None, *, open_id: int, selected_ids: list[int], tags: list[str],
                 group_by_color: bool, last_folder: str, previous: ExportRequest | None = None,
                 error: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export notes")
        self.setMinimumWidth(520)
        self._open_id, self._selected = open_id, selected_ids
        self._destinations: dict[str, str] = {}  # each format's, while the other is chosen

        scope = QGroupBox("Articles")
        scope_layout = QVBoxLayout(scope)
        self.scope_group = QButtonGroup(self)
        self.open_article = QRadioButton("The open article", objectName="scope_open")
        self.selected_articles = QRadioButton(f"The selected articles ({len(selected_ids)})", objectName="scope_selected")
        self.all_articles = QRadioButton("All articles", objectName="scope_all")
        self.tagged_articles = QRadioButton("Articles and highlights tagged", objectName="scope_tag")
        self.tag_combo = QComboBox(objectName="scope_tag_name")
        self.tag_combo.addItems(tags)
        tagged_row = QHBoxLayout()
        tagged_row.addWidget(self.tagged_articles)
        tagged_row.addWidget(self.tag_combo, 1)
        for button in (self.open_article, self.selected_articles, self.all_articles, self.tagged_articles):
            self.scope_group.addButton(button)
        scope_layout.addWidget(self.open_article)
        scope_layout.addWidget(self.selected_articles)
        scope_layout.addWidget(self.all_articles)
        scope_layout.addLayout(tagged_row)
        self.open_article.setEnabled(bool(open_id))
        self.selected_articles.setEnabled(len(selected_ids) > 1)
        self.tagged_articles.setEnabled(bool(tags))
        self.tag_combo.setEnabled(bool(tags))
        (self.open_article if open_id else self.all_articles).setChecked(True)

        form = QGroupBox("Format")
        form_layout = QVBoxLayout(form)
        self.markdown = QRadioButton("Markdown, one file per article (Obsidian, Logseq, any editor)",
                                     objectName="format_markdown")
        self.json = QRadioButton("Annotation JSON: a full backup that Import restores", objectName="format_json")
        self.markdown.setChecked(True)
        self.group_by_color = QCheckBox("Group highlights by colour", objectName="group_by_color")
        self.group_by_color.setChecked(group_by_color)
        self.force = QCheckBox("Replace files I edited since the last export", objectName="force")
        # Markdown's own choices under its label, so they do not read as two more formats
        style = self.style()
        markdown_options = QVBoxLayout()
        markdown_options.setContentsMargins(
            style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
            + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing), 0, 0, 0)
        markdown_options.addWidget(self.group_by_color)
        markdown_options.addWidget(self.force)
        form_layout.addWidget(self.markdown)
        form_layout.addLayout(markdown_options)
        form_layout.addWidget(self.json)

        self.destination = QLineEdit(last_folder, objectName="destination")
        self.destination.setPlaceholderText("Choose a folder")
        browse = QPushButton("Browse\u2026", objectName="browse")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(QLabel("To:"))
        where.addWidget(self.destination, 1)
        where.addWidget(browse)
        self.hint = QLabel(objectName="export_hint")
        self.hint.setWordWrap(True)
        self.error = QLabel(error, objectName="export_error")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(error))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (scope, form):
            layout.addWidget(widget)
        layout.addLayout(where)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if previous is not None:
            self._restore(previous)
        self.markdown.toggled.connect(self._switch_format)
        self.markdown.toggled.connect(self._update)
        self.destination.textChanged.connect(self._update)
        self._update()

    def request(self) -> ExportRequest:
        if self.open_article.isChecked():
            ids: tuple[int, ...] = (self._open_id,)
        elif self.selected_articles.isChecked():
            ids = tuple(self._selected)
        else:
            ids = ()
        tag = self.tag_combo.currentText() if self.tagged_articles.isChecked() else None
        kind = MARKDOWN if self.markdown.isChecked() else JSON
        return ExportRequest(kind, Path(self.destination.text().strip()).expanduser(), ids, tag,
                             self.group_by_color.isChecked(), self.force.isChecked())

    def _restore(self, previous: ExportRequest) -> None:
        """Show the choices of `previous`, made in a dialog given the same articles and tags."""
        if previous.tag is not None:
            self.tagged_articles.setChecked(True)
            self.tag_combo.setCurrentText(previous.tag)
        elif previous.article_ids and previous.article_ids == (self._open_id,):
            self.open_article.setChecked(True)
        elif previous.article_ids:
            self.selected_articles.setChecked(True)
        else:
            self.all_articles.setChecked(True)
        (self.markdown if previous.kind == MARKDOWN else self.json).setChecked(True)
        self.group_by_color.setChecked(previous.group_by_color)
        self.force.setChecked(previous.force)
        self.destination.setText(str(previous.destination))

    def _switch_format(self, markdown: bool) -> None:
        """Markdown goes into a folder, JSON into a file: each format gets its own destination
        back, or one made from the other's (the folder's reader-backup.json, the file's folder).
        A folder proposed for JSON only made the export fail."""
        text = self.destination.text().strip()
        left, chosen = (JSON, MARKDOWN) if markdown else (MARKDOWN, JSON)
        self._destinations[left] = text
        made = self._destinations.get(chosen, "")
        if not made and text:
            path = Path(text).expanduser()
            made = str(path.parent) if markdown and path.suffix.lower() == ".json" else (
                str(path / BACKUP_NAME) if not markdown and path.is_dir() else "")
        if made:
            self.destination.setText(made)

    def _browse(self) -> None:
        current = self.destination.text().strip()
        if self.markdown.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, "Export into folder", current)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export backup", current or BACKUP_NAME,
                                                    "Annotation JSON (*.json)")
        if chosen:
            self.destination.setText(chosen)

    def _update(self) -> None:
        markdown = self.markdown.isChecked()
        self.group_by_color.setEnabled(markdown)
        self.force.setEnabled(markdown)
        self.destination.setPlaceholderText("Choose a folder" if markdown else "Choose a file (.json)")
        self.hint.setText(
            "Exporting again into the same folder updates changed articles in place and leaves your own "
            "edits alone." if markdown else "Keeps articles, highlights, notes, tags and colours; "
            "File > Import restores it into any library.")
        self.export_button.setEnabled(bool(self.destination.text().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, **choices) -> ExportRequest | None:
        """The export the user asked for, or None if cancelled."""
        dialog = cls(parent, **choices)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
