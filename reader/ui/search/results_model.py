"""Search results as a list model: ranked article and highlight hits."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.domain.search import ArticleHit, Hit, SavedSearch

HitRole = Qt.ItemDataRole.UserRole + 1
SavedSearchRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """One row per hit, best first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title if isinstance(hit, ArticleHit) else hit.quote
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        return None

    def set_hits(self, hits: tuple[Hit, ...] | list[Hit]) -> None:
        self.beginResetModel()
        try:
            self._hits = list(hits)
        finally:
            self.endResetModel()

    def hits(self) -> list[Hit]:
        return list(self._hits)


class SavedSearchModel(QAbstractListModel):
    """The saved searches, in the user's order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._searches: list[SavedSearch] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._searches)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._searches):
            return None
        search = self._searches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return search.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return search.query
        if role == SavedSearchRole:
            return search
        return None

    def set_searches(self, searches: list[SavedSearch]) -> None:
        self.beginResetModel()
        try:
            self._searches = list(searches)
        finally:
            self.endResetModel()
