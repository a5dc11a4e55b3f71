"""The tag list beside the library: "All articles", then every tag (nested by `/`) with its count."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.domain.models import TagCount

TagNameRole = Qt.ItemDataRole.UserRole + 1
ALL_ARTICLES = "All articles"

_Index = QModelIndex | QPersistentModelIndex


class TagListModel(QAbstractListModel):
    """Row 0 clears the tag filter; the others are tags, children indented under parents."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._tags: list[TagCount] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._tags) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return ALL_ARTICLES
            if role == TagNameRole:
                return ""
            return None
        tag = self._tags[index.row() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            depth = tag.name.count("/")
            count = f"   {tag.total}" if tag.total else ""
            return f"{'    ' * depth}{tag.name.rsplit('/', 1)[-1]}{count}"
        if role == TagNameRole:
            return tag.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{tag.name}: {tag.articles} articles, {tag.highlights} highlights"
        return None

    def set_tags(self, tags: list[TagCount]) -> None:
        """Show these tags; a parent only implied by a child (`a` for `a/b`) gets a row too."""
        by_key = {tag.name.casefold(): tag for tag in tags}
        for tag in tags:
            parts = tag.name.split("/")
            for depth in range(1, len(parts)):
                parent = "/".join(parts[:depth])
                by_key.setdefault(parent.casefold(), TagCount(parent, 0, 0))
        self.beginResetModel()
        try:
            self._tags = sorted(by_key.values(), key=lambda t: t.name.casefold().split("/"))
        finally:
            self.endResetModel()

    def row_of(self, name: str) -> int:
        """The row of a tag (0, "All articles", when it is not there)."""
        key = name.casefold()
        for row, tag in enumerate(self._tags, start=1):
            if tag.name.casefold() == key:
                return row
        return 0
