"""When a short article, one that shows whole with nothing to scroll, counts as read."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from reader.domain.models import Article

# keys that move focus or only modify another key: pressing them is not reading
_NOT_READING_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Shift, Qt.Key.Key_Control,
                               Qt.Key.Key_Alt, Qt.Key.Key_Meta})


def shows_whole(view) -> bool:
    """True when the reading view shows its whole article: its end is in sight without scrolling."""
    return view.article() is not None and view.verticalScrollBar().maximum() <= 0


class ShortReads(QObject):
    """Marks a short article read once the reader stayed on it, not when it merely passed by.

    A long article counts as read when it is scrolled to its end; a short one shows its end
    at once, so that rule marked every short article read as the list was arrowed through.
    A short one counts as read after `dwell_ms` on it with the window active (the count
    starts again when the window is activated again), or at once when the reader clicks or
    types in it.

    Signals:
        read(int): the id of the short article the reader stayed on or interacted with.
    """

    read = Signal(int)
    dwell_ms = 3000  # tests set a few milliseconds, or a long time to keep articles unread

    def __init__(self, view, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._window = view.window()
        self._article_id = 0
        self.timer = QTimer(self, singleShot=True, timeout=self._done)
        for watched in (self._window, view, view.viewport()):
            watched.installEventFilter(self)

    def watch(self, article: Article | None) -> None:
        """`article` is now shown (None: nothing is): count the time on it if it is unread."""
        self._article_id = article.id if article is not None and not article.is_read else 0
        self._restart()

    def stop(self) -> None:
        """Stop watching the article shown: its read state was set otherwise (the menu, the end reached)."""
        self._article_id = 0
        self.timer.stop()

    def _restart(self) -> None:
        self.timer.stop()
        if self._article_id and self._window.isActiveWindow():
            self.timer.start(self.dwell_ms)

    def _done(self) -> None:
        if self._article_id and shows_whole(self._view):
            article_id = self._article_id
            self.stop()
            self.read.emit(article_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if watched is self._window:
            if kind == QEvent.Type.ActivationChange:
                self._restart()  # away from the window, the time does not count
        elif kind == QEvent.Type.MouseButtonPress or (
                kind == QEvent.Type.KeyPress and event.key() not in _NOT_READING_KEYS):
            self._done()
        return False
