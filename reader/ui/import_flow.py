"""Importing from the window: menus, drops and the clipboard, with progress and one final report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData

from reader.services.changes import Changes
from reader.services.fetch import is_url
from reader.ui.background import JobRunner, ProgressFlow
from reader.ui.dialogs import ask_import_files, ask_import_folder, report_summary
from reader.ui.import_problems import ImportProblemsDialog
from reader.ui.events import LibraryEvents
from reader.ui.status import StatusBar

if TYPE_CHECKING:
    from reader.services.importing import ImportReport, ImportService


def sources_in(mime: QMimeData) -> list[str]:
    """Files, folders and web addresses named by dropped or pasted data (empty for plain text)."""
    if mime.hasUrls():
        found = []
        for url in mime.urls():
            if url.isLocalFile():
                found.append(url.toLocalFile())
            elif url.scheme() in ("http", "https"):
                found.append(url.toString())
        return found
    if mime.hasText():
        lines = [line.strip() for line in mime.text().splitlines() if line.strip()]
        if lines and all(is_url(line) and " " not in line for line in lines):
            return lines
        if lines and all(_is_existing_path(line) for line in lines):
            return lines
    return []


def _is_existing_path(text: str) -> bool:
    try:
        return Path(text).expanduser().exists()
    except (OSError, ValueError):  # copied text: a line too long for a file name, a NUL byte
        return False


class ImportFlow(ProgressFlow):
    """Starts imports, shows their progress in the status bar and reports the outcome once."""

    failure_title = "Import failed"
    verb = "Importing"

    def __init__(self, window, importer: ImportService, events: LibraryEvents, status: StatusBar,
                 runner: JobRunner) -> None:
        super().__init__(window, runner, status)
        self._importer, self._events = importer, events

    def describe(self, item: str) -> str:
        return item if is_url(item) else Path(item).name

    def ask_files(self) -> None:
        files = ask_import_files(self._window)
        if files:
            self.import_paths(files)

    def ask_folder(self) -> None:
        folder = ask_import_folder(self._window)
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> bool:
        """Import files, folders and web addresses in the background."""
        return self._start(lambda progress, cancelled: self._importer.import_paths(
            paths, progress=progress, should_cancel=cancelled))

    def can_import(self, mime: QMimeData) -> bool:
        return bool(sources_in(mime)) or mime.hasText() or mime.hasHtml()

    def from_mime(self, mime: QMimeData) -> bool:
        """Import what was dropped or pasted: files, folders, web addresses, a page or text."""
        sources = sources_in(mime)
        if sources:
            return self.import_paths(sources)
        for present, data, name in ((mime.hasHtml(), mime.html(), "clipboard.html"),
                                    (mime.hasText(), mime.text(), "clipboard.txt")):
            if present and data.strip():
                payload = data.encode("utf-8")
                return self._start(lambda progress, cancelled: self._importer.import_bytes(
                    payload, source="clipboard", name=name))
        self._status.showMessage("Nothing to import: copy some text, a page, file paths or a web address.", 6000)
        return False

    def _on_finished(self, report: ImportReport) -> None:
        self._status.hide_progress()
        self._status.showMessage(report_summary(report), 10000)
        added = [item.article.id for item in report.imported]
        annotated = [article.id for restore in report.restored for article in restore.present]
        updated = [item.article.id for item in report.updated]  # new versions: text and highlights moved
        if added:
            self._events.publish(Changes.of(added=added, tags=True))
        if annotated or updated:
            # annotation files add highlights to articles the library had; re-imports move them
            touched = annotated + updated
            self._events.publish(Changes.of(articles=touched, highlights_of=touched, tags=True, listing=True))
        for restore in report.restored:
            self._status.showMessage(f"{Path(restore.source).name}: {restore.summary()}", 10000)
        shown = added + updated + [item.article.id for item in report.duplicates]
        target = shown[0] if shown else 0
        if target:
            self._window.library.select_article(target)
        if report.failures:
            ImportProblemsDialog.ask(self._window, report)
