"""The highlights of the open article as a list model: text order, orphans last."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.domain.models import AnchorState, Highlight

HighlightIdRole = Qt.ItemDataRole.UserRole + 1
HighlightRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def sidebar_order(highlight: Highlight) -> tuple:
    """Placed highlights in text order first; orphans (to review) after them."""
    return (highlight.anchor_state is AnchorState.ORPHAN, highlight.start, highlight.end, highlight.id)


class HighlightListModel(QAbstractListModel):
    """One row per highlight of the open article."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._highlights: list[Highlight] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._highlights)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._highlights):
            return None
        highlight = self._highlights[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return highlight.quote
        if role == HighlightIdRole:
            return highlight.id
        if role == HighlightRole:
            return highlight
        if role == Qt.ItemDataRole.ToolTipRole:
            return highlight.note or None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self.beginResetModel()
        try:
            self._highlights = sorted(highlights, key=sidebar_order)
        finally:
            self.endResetModel()

    def update_highlights(self, highlights: list[Highlight]) -> bool:
        """Take new versions of the same highlights in place; False if rows must be rebuilt."""
        fresh = sorted(highlights, key=sidebar_order)
        if [h.id for h in fresh] != [h.id for h in self._highlights]:
            return False
        for row, (old, new) in enumerate(zip(self._highlights, fresh)):
            if old != new:
                self._highlights[row] = new
                index = self.index(row)
                self.dataChanged.emit(index, index)
        return True

    def row_of(self, highlight_id: int) -> int | None:
        for row, highlight in enumerate(self._highlights):
            if highlight.id == highlight_id:
                return row
        return None

    def highlights(self) -> list[Highlight]:
        return list(self._highlights)
