"""A list model over article ids that loads rows a page at a time (100,000 rows scroll smoothly)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.domain.models import Article
from reader.services.articles import ArticleService, ListQuery

PAGE_SIZE = 200
ArticleIdRole = Qt.ItemDataRole.UserRole + 1
ArticleRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_ROW_ROLES = (Qt.ItemDataRole.DisplayRole, ArticleRole, Qt.ItemDataRole.ToolTipRole)
_GONE = object()  # an id the library no longer has (deleted from the command line meanwhile)


class ArticleListModel(QAbstractListModel):
    """Rows are article ids in the order the query gives; Article rows load lazily by page.

    Only ids live in memory for the whole list; the views's data() calls fetch the page of
    rows around what is visible, and a small cache keeps the pages seen recently. Without
    `articles` (the library still opening) the list is empty until `set_articles`.
    """

    def __init__(self, articles: ArticleService | None, parent=None) -> None:
        super().__init__(parent)
        self._articles = articles
        self._query = ListQuery()
        self._ids: list[int] = []
        self._rows: dict[int, Article | object] = {}
        self._row_of: dict[int, int] = {}

    # --- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ArticleIdRole:
            return self._ids[index.row()]
        if role not in _ROW_ROLES:
            return None  # the view asks for many roles while painting; none needs the database
        article = self._article_at(index.row())
        if article is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title or "Untitled"
        if role == ArticleRole:
            return article
        parts = [article.title, article.author, article.site, article.url]
        return "\n".join(part for part in parts if part)  # ToolTipRole

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # --- queries -------------------------------------------------------------------------
    def set_query(self, query: ListQuery) -> None:
        """Show the articles matching `query` (the whole list is rebuilt)."""
        self._query = query
        self.reload()

    def set_articles(self, articles: ArticleService) -> None:
        """The library is open: list its articles from now on (`reload` shows them)."""
        self._articles = articles

    def is_open(self) -> bool:
        return self._articles is not None

    def reload(self) -> None:
        """Run the query again, e.g. after articles were added, removed or left the filter."""
        self._reset(self._query_ids())

    def _query_ids(self) -> list[int]:
        return self._articles.list_ids(self._query) if self._articles is not None else []

    def _reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        try:
            self._ids = ids
            self._row_of = {article_id: row for row, article_id in enumerate(ids)}
            self._rows = {}
        finally:
            self.endResetModel()

    def sync(self) -> bool:
        """Run the query again after a change made elsewhere; True when the rows changed.

        The model resets only when the ids differ; otherwise it just forgets the rows it
        loaded (their title or counts may have changed), and views keep their place.
        """
        ids = self._query_ids()
        if ids != self._ids:
            self._reset(ids)
            return True
        self._rows = {}
        if ids:
            self.dataChanged.emit(self.index(0), self.index(len(ids) - 1))
        return False

    def refresh(self, article_ids: list[int]) -> None:
        """Reload the rows of these articles (their title, state or counts changed)."""
        for article_id in article_ids:
            self._rows.pop(article_id, None)
            row = self._row_of.get(article_id)
            if row is not None:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> list[int]:
        return list(self._ids)

    # --- lazy loading --------------------------------------------------------------------
    def _article_at(self, row: int) -> Article | None:
        article_id = self._ids[row]
        article = self._rows.get(article_id)
        if article is None:
            start = row - row % PAGE_SIZE
            page = self._ids[start:start + PAGE_SIZE]
            if len(self._rows) > 20 * PAGE_SIZE:
                self._rows = {}  # keep memory flat on very long scrolls
            found = self._articles.rows(page)
            self._rows.update({page_id: found.get(page_id, _GONE) for page_id in page})
            article = self._rows[article_id]
        return None if article is _GONE else article
