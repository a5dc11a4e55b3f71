"""Small dialogs, each with a classmethod `ask` that tests can replace."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.domain.details import clean_details
from reader.domain.errors import ReaderError
from reader.domain.models import Article
from reader.domain.wording import counted

if TYPE_CHECKING:
    from reader.services.importing import ImportReport

IMPORT_FILTER = "Articles (*.html *.htm *.xhtml *.txt *.text *.md *.markdown);;All files (*)"


class EditArticleDialog(QDialog):
    """Correct what the importer found: title, author, published date and site."""

    FIELDS = (("title", "Title"), ("author", "Author"), ("published", "Published"), ("site", "Site"))

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setObjectName("edit_article_dialog")
        self.setMinimumWidth(460)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label in self.FIELDS:
            edit = QLineEdit(getattr(article, name) or "", objectName=f"edit_{name}")
            self.edits[name] = edit
            form.addRow(label, edit)
        self.edits["published"].setPlaceholderText("e.g. 2020-12-24 08:54")
        self.error = QLabel(objectName="edit_error")
        self.error.setStyleSheet("color: #c0392b;")
        # A message wider than the form wraps instead of being cut off (it repeats what was typed).
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   objectName="edit_buttons")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def _accept_if_valid(self) -> None:
        # The rules of `reader edit` (a title, a readable date); the first broken one is shown
        # under the form and the dialog stays open.
        try:
            clean_details(self.values())
        except ReaderError as error:
            message = str(error)
            self.error.setText(message[:1].upper() + message[1:] + ".")
            grow_to_fit(self)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, article: Article) -> dict[str, str] | None:
        """The fields the user changed, or None if cancelled or nothing changed."""
        dialog = cls(article, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        changed = {name: value for name, value in dialog.values().items()
                   if value != (getattr(article, name) or "")}
        return changed or None


def grow_to_fit(dialog: QDialog) -> None:
    """Make `dialog` as tall as its layout needs at its width, after a message appeared in it.

    Qt sets a window's minimum size without the height a wrapped label needs at that width, so
    a message of two lines squeezed the fields above it instead of growing the dialog.
    """
    needed = dialog.layout().totalHeightForWidth(dialog.width())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def ask_import_files(parent: QWidget | None) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Import articles", "", IMPORT_FILTER)
    return files


def ask_import_folder(parent: QWidget | None) -> str:
    return QFileDialog.getExistingDirectory(parent, "Import a folder of articles")


def report_summary(report: ImportReport) -> str:
    """One line for the status bar about what an import did."""
    parts = []
    if report.imported:
        parts.append(f"Imported {counted(len(report.imported), 'article')}")
    if report.updated:
        parts.append(f"{len(report.updated)} updated to a new version")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} already in the library")
    if report.failures:
        parts.append(f"{len(report.failures)} could not be imported")
    if report.cancelled:
        parts.append("cancelled")
    return "; ".join(parts) or "Nothing to import"

