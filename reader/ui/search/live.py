"""Runs searches as the user types on a worker thread; only the latest query's results arrive."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from reader.domain.errors import ReaderError
from reader.domain.search import SearchResults
from reader.services.search import LiveSearch


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _SearchTask(QRunnable):
    def __init__(self, live: LiveSearch, ticket: int, text: str, relay: _Relay) -> None:
        super().__init__()
        self._live, self._ticket, self._text, self._relay = live, ticket, text, relay

    def run(self) -> None:
        try:
            results = self._live.run(self._ticket, self._text)
        except ReaderError as error:
            self._relay.failed.emit(self._ticket, str(error))
            return
        if results is not None:
            self._relay.done.emit(self._ticket, results)


class LiveSearcher(QObject):
    """Debounces the text, searches off the GUI thread, and drops results of older queries.

    Signals:
        results_ready(object): SearchResults of the latest query.
        failed(str): the library could not be searched.
    """

    results_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, live: LiveSearch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.delay_ms = 120  # tests set 0
        self._live = live
        self._text = ""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._start)

    def search(self, text: str) -> None:
        """Search for `text` soon; a newer call supersedes this one."""
        self._text = text
        self._live.cancel()  # stop whatever runs now: its results are stale already
        self._timer.start(self.delay_ms)

    def cancel(self) -> None:
        self._timer.stop()
        self._live.cancel()

    def wait(self) -> None:
        self.cancel()
        self._pool.waitForDone()

    def _start(self) -> None:
        ticket = self._live.submit()
        self._pool.start(_SearchTask(self._live, ticket, self._text, self._relay))

    def _on_done(self, ticket: int, results: SearchResults) -> None:
        if self._live.is_current(ticket):
            self.results_ready.emit(results)

    def _on_failed(self, ticket: int, message: str) -> None:
        if self._live.is_current(ticket):
            self.failed.emit(message)
