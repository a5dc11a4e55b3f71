"""Long work (imports, exports) in a worker thread, with progress and cancel, so the window never freezes."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox

from reader.domain.errors import ReaderError
from reader.services.progress import CancelCheck, ProgressCallback

Job = Callable[[ProgressCallback, CancelCheck], object]


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job, cancelled: threading.Event) -> None:
        super().__init__()
        self._job, self._cancelled = job, cancelled

    def run(self) -> None:
        try:
            result = self._job(self.progress.emit, self._cancelled.is_set)
        except ReaderError as error:  # the library or the destination failed as a whole: one message
            self.failed.emit(str(error))
            return
        except Exception as error:  # noqa: BLE001 - a bug must not leave the runner busy for good
            self.failed.emit(f"Something went wrong: {type(error).__name__}: {error}")
            return
        self.finished.emit(result)


class JobRunner(QObject):
    """Runs one job at a time off the GUI thread; results and errors arrive in the GUI thread.

    A job is `job(progress, should_cancel) -> result`; `progress(done, total, label)`.

    Signals:
        progress(int, int, str): done, total, what is being worked on.
        finished(object): the job's result.
        failed(str): the job raised a ReaderError; the message says why.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancelled = threading.Event()
        self._on_done: Callable[[object], None] | None = None
        self._on_error: Callable[[str], None] | None = None

    def run_job(self, job: Job, on_done: Callable[[object], None] | None = None,
                on_error: Callable[[str], None] | None = None) -> bool:
        """Start `job`; `on_done(result)` or `on_error(message)` follow in the GUI thread.

        Returns False (and starts nothing) while another job is running: imports and exports
        share the status bar's progress and take turns.
        """
        if self._thread is not None:
            return False
        self._on_done, self._on_error = on_done, on_error
        self._cancelled.clear()
        self._thread = QThread(self)
        self._worker = _Worker(job, self._cancelled)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Ask the job to stop at its next check; what it finished stays done."""
        self._cancelled.set()

    def wait(self) -> None:
        """Cancel and block until a running job has stopped (used when the window closes)."""
        if self._thread is not None:
            self._cancelled.set()
            self._thread.quit()
            self._thread.wait()

    def _cleanup(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()

    def _on_finished(self, result: object) -> None:
        callback = self._on_done
        self._cleanup()
        if callback is not None:
            callback(result)
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        callback = self._on_error
        self._cleanup()
        if callback is not None:
            callback(message)
        self.failed.emit(message)


class ProgressFlow(QObject):
    """A kind of long work the window starts: progress in the status bar, one message on failure.

    Subclasses set `failure_title` and `verb` (the status bar reads "<verb> <item>") and
    implement `_on_finished(result)`.
    """

    failure_title = "Failed"
    verb = "Working on"

    def __init__(self, window, runner: JobRunner, status) -> None:
        super().__init__(window)
        self._window, self.runner, self._status = window, runner, status

    def describe(self, item: str) -> str:
        """How the status bar names the item a job reports progress on."""
        return item

    def _start(self, job: Job) -> bool:
        def labelled(progress: ProgressCallback, cancelled: CancelCheck) -> object:
            return job(lambda done, total, item: progress(done, total, f"{self.verb} {self.describe(item)}"),
                       cancelled)

        started = self.runner.run_job(labelled, self._on_finished, self._on_failed)
        if started:
            self._status.show_progress(0, 0, "")
        else:
            self._status.showMessage("Another import or export is running; wait for it or cancel it.", 6000)
        return started

    def _on_failed(self, message: str) -> None:
        self._status.hide_progress()
        QMessageBox.warning(self._window, self.failure_title, message)

    def _on_finished(self, result: object) -> None:
        raise NotImplementedError
