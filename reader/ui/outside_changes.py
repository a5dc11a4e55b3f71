"""Notices what other programs change in the library (`reader import` in a terminal) and catches up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from reader.domain.errors import ReaderError
from reader.services.changes import Changes

Stamp = tuple[tuple[int, int] | None, ...]


class OutsideChanges(QObject):
    """Brings the window up to date when the library's files changed since the last look.

    It looks when the window becomes active again, and every `interval_ms` while another
    window is active (a terminal beside it): a stat of the database file and its write-ahead
    log (every commit, from any connection, writes to one of them), so a look that finds
    nothing costs microseconds and never touches the database. A change (the window's own or
    another program's: the files cannot tell) runs the list's query again, keeping the
    selection and the open article, and refreshes the counts, the tags, and the open article's
    details, note and highlights; each refresh changes only what differs, so catching up with
    the window's own edits shows nothing. While the window is the active one the timer does
    not look: the user's own reading and editing write all the time, and another program's
    change is seen as soon as the user comes back from it.

    Signals:
        caught_up(): the window was brought up to date after a change.
    """

    caught_up = Signal()
    interval_ms = 3000  # 0: no timer (tests look when they choose)

    def __init__(self, window, database: Path) -> None:
        super().__init__(window)
        self._window = window
        self._files = (database, database.with_name(database.name + "-wal"))
        self._stamp = self.stamp()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        if self.interval_ms > 0:
            self.timer.start(self.interval_ms)
        window.installEventFilter(self)

    def stamp(self) -> Stamp:
        """When and how big the library's files are (None for one that does not exist)."""
        found = []
        for path in self._files:
            try:
                status = path.stat()
            except OSError:
                found.append(None)
            else:
                found.append((status.st_mtime_ns, status.st_size))
        return tuple(found)

    def check(self) -> bool:
        """Catch up if the library changed since the last look; True when it had."""
        stamp = self.stamp()
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        self.catch_up()
        return True

    def catch_up(self) -> None:
        window = self._window
        controller = window.controller
        try:
            window.library.sync()
            controller.refresh_tags()
            window.update_library_size()
            article = controller.article
            if article is not None:
                still_there = window.services.articles.rows([article.id])
                window.events.publish(Changes.of(articles=[article.id], highlights_of=[article.id])
                                      if still_there else Changes.of(removed=[article.id]))
        except ReaderError as error:  # e.g. locked by the other program for longer than we wait
            window.status.showMessage(str(error), 6000)
            return
        self.caught_up.emit()

    def _tick(self) -> None:
        if not self._window.isActiveWindow():
            self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.check()
        return False
