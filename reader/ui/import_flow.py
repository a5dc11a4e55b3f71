"""Importing from the window: menus, drops and the clipboard, with progress and one final report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject

from reader.services.changes import Changes
from reader.services.importing import ImportReport, ImportService
from reader.ui.dialogs import ImportProblemsDialog, ask_import_files, ask_import_folder, report_summary
from reader.ui.events import LibraryEvents
from reader.ui.import_runner import ImportRunner
from reader.ui.status import StatusBar

_WEB = ("http://", "https://")


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
        if lines and all(line.startswith(_WEB) and " " not in line for line in lines):
            return lines
        if lines and all(Path(line).expanduser().exists() for line in lines):
            return lines
    return []


class ImportFlow(QObject):
    """Starts imports, shows their progress in the status bar and reports the outcome once."""

    def __init__(self, window, importer: ImportService, events: LibraryEvents, status: StatusBar) -> None:
        super().__init__(window)
        self._window, self._events, self._status = window, events, status
        self.runner = ImportRunner(importer, self)
        self.runner.progress.connect(status.show_progress)
        self.runner.started.connect(lambda: status.show_progress(0, 0, ""))
        self.runner.finished.connect(self._on_finished)
        status.cancel_requested.connect(self.runner.cancel)

    def ask_files(self) -> None:
        files = ask_import_files(self._window)
        if files:
            self.import_paths(files)

    def ask_folder(self) -> None:
        folder = ask_import_folder(self._window)
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> bool:
        return self._started(self.runner.import_paths(paths))

    def can_import(self, mime: QMimeData) -> bool:
        return bool(sources_in(mime)) or mime.hasText() or mime.hasHtml()

    def from_mime(self, mime: QMimeData) -> bool:
        """Import what was dropped or pasted: files, folders, web addresses, a page or text."""
        sources = sources_in(mime)
        if sources:
            return self.import_paths(sources)
        if mime.hasHtml() and mime.html().strip():
            return self._started(self.runner.import_bytes(mime.html().encode("utf-8"), "clipboard", "clipboard.html"))
        if mime.hasText() and mime.text().strip():
            return self._started(self.runner.import_bytes(mime.text().encode("utf-8"), "clipboard", "clipboard.txt"))
        self._status.showMessage("Nothing to import: copy some text, a page, file paths or a web address.", 6000)
        return False

    def wait(self) -> None:
        self.runner.wait()

    def _started(self, started: bool) -> bool:
        if not started:
            self._status.showMessage("An import is already running; wait for it or cancel it.", 6000)
        return started

    def _on_finished(self, report: ImportReport) -> None:
        self._status.hide_progress()
        self._status.showMessage(report_summary(report), 10000)
        added = [item.article.id for item in report.imported]
        if added:
            self._events.publish(Changes.of(added=added, tags=True))
        updated = [item.article.id for item in report.updated]  # new versions: text and highlights moved
        if updated:
            self._events.publish(Changes.of(articles=updated, highlights_of=updated, tags=True, listing=True))
        shown = added + updated + [item.article.id for item in report.duplicates]
        target = shown[0] if shown else 0
        if target:
            self._window.library.select_article(target)
        if report.failures:
            ImportProblemsDialog.ask(self._window, report)
