"""The window's splitter: when the window narrows, the side panes give up width before the article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class PaneSplitter(QSplitter):
    """Side panes around a main pane that keeps at least `share` of the width on a resize.

    QSplitter alone takes a narrowing from the stretchy pane only, so at 800 px the article
    shrank to a strip while the library and the notes kept their 300 px. After each resize this
    takes what the main pane lacks from the side panes, in proportion to what each has above
    `side_min` (or its own minimum, if larger). Moving a handle by hand is left alone.
    """

    def __init__(self, main: int = 1, share: float = 0.45, side_min: int = 200,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.main, self.share, self.side_min = main, share, side_min

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.favour_main()

    def favour_main(self) -> None:
        """Give the main pane its share of the width, from the side panes' spare width."""
        sizes = self.sizes()
        if self.main >= len(sizes) or sum(sizes) <= 0:
            return
        lacking = int(sum(sizes) * self.share) - sizes[self.main]
        spare = {index: size - self._floor(self.widget(index))
                 for index, size in enumerate(sizes) if index != self.main and size > 0}
        spare = {index: room for index, room in spare.items() if room > 0}
        total = sum(spare.values())
        if lacking <= 0 or total <= 0:
            return
        taken = min(lacking, total)
        for index, room in spare.items():
            cut = taken * room // total
            sizes[index] -= cut
            sizes[self.main] += cut
        self.setSizes(sizes)

    def _floor(self, pane: QWidget) -> int:
        return max(self.side_min, pane.minimumWidth(), pane.minimumSizeHint().width())
