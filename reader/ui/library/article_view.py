"""The article list's view: a QListView that keeps the current row in sight as it is resized."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListView


class ArticleListView(QListView):
    """The library's list of articles.

    A window narrowed and shortened (or the splitter under the list moved up) left the row of
    the article being read out of sight: a resize keeps where the list is scrolled, not what
    it shows. A row the reader could see stays in sight; one they scrolled away from stays away.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        # a scroll area's resizeEvent is its viewport's: the sizes and rows are the viewport's
        current = self.currentIndex()
        seen_before = QRect(QPoint(0, 0), event.oldSize())
        keep = current.isValid() and (seen_before.isEmpty() or seen_before.intersects(self.visualRect(current)))
        super().resizeEvent(event)
        if keep:
            self.scrollTo(current)
