"""Imports in a worker thread, with progress and cancel, so the window never freezes."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from reader.domain.errors import ReaderError
from reader.services.importing import ImportFailure, ImportReport, ImportService

ImportJob = Callable[[ImportService, Callable[[int, int, str], None], Callable[[], bool]], ImportReport]


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)

    def __init__(self, importer: ImportService, job: ImportJob, cancelled: threading.Event) -> None:
        super().__init__()
        self._importer, self._job, self._cancelled = importer, job, cancelled

    def run(self) -> None:
        try:
            report = self._job(self._importer, self.progress.emit, self._cancelled.is_set)
        except ReaderError as error:  # the library itself failed (locked, disk full): one message
            report = ImportReport(failures=[ImportFailure("library", str(error))])
        self.finished.emit(report)


class ImportRunner(QObject):
    """Runs one import at a time off the GUI thread.

    Signals:
        started(): an import began.
        progress(int, int, str): done, total, the source being imported.
        finished(object): the ImportReport, in the GUI thread.
    """

    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(object)

    def __init__(self, importer: ImportService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._importer = importer
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancelled = threading.Event()

    def is_running(self) -> bool:
        return self._thread is not None

    def import_paths(self, paths: list[str], tags: tuple[str, ...] = ()) -> bool:
        """Start importing files and folders; False if an import is already running."""
        return self.run_job(lambda importer, progress, cancelled: importer.import_paths(
            paths, tags=tags, progress=progress, should_cancel=cancelled))

    def import_bytes(self, data: bytes, source: str, name: str = "") -> bool:
        """Start importing text or a page that is in memory (pasted or dropped)."""
        return self.run_job(lambda importer, progress, cancelled: importer.import_bytes(
            data, source=source, name=name))

    def run_job(self, job: ImportJob) -> bool:
        if self._thread is not None:
            return False
        self._cancelled.clear()
        self._thread = QThread(self)
        self._worker = _Worker(self._importer, job, self._cancelled)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()
        self.started.emit()
        return True

    def cancel(self) -> None:
        """Stop after the article being imported; what was stored stays."""
        self._cancelled.set()

    def wait(self) -> None:
        """Block until a running import has finished (used when the window closes)."""
        if self._thread is not None:
            self._cancelled.set()
            self._thread.quit()
            self._thread.wait()

    def _on_finished(self, report: ImportReport) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()
        self.finished.emit(report)
