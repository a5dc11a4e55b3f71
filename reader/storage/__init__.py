"""Storage: the only package that imports SQLAlchemy. Schema, migrations and stores of dataclasses.

Importing the package itself stays free of SQLAlchemy: the window imports the plain values it
shows (ListQuery, the errors) and paints before the library opens. The stores, and the names
below that need SQLAlchemy, load on first use or in `open_storage`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.storage.errors import LibraryLockedError, NotFoundError, StorageError
from reader.storage.queries import EDITABLE_FIELDS, SHOWS, SORTS, ListQuery

if TYPE_CHECKING:
    from reader.storage.article_state import ArticleStateStore
    from reader.storage.articles import ArticleStore
    from reader.storage.database import DATABASE_NAME, Database
    from reader.storage.export_renders import ExportRenders
    from reader.storage.export_rows import ExportRows
    from reader.storage.highlights import HighlightStore
    from reader.storage.listing import ArticleListing
    from reader.storage.records import ArticleRecord, RecordStore
    from reader.storage.saved_searches import SavedSearchStore
    from reader.storage.search import SearchStore
    from reader.storage.tags import TagStore
    from reader.storage.versions import ArticleChangedError, NewText, VersionStore

__all__ = [
    "ArticleChangedError",
    "ArticleRecord",
    "DATABASE_NAME",
    "EDITABLE_FIELDS",
    "LibraryLockedError",
    "ListQuery",
    "NewText",
    "SHOWS",
    "SORTS",
    "NotFoundError",
    "Storage",
    "StorageError",
    "open_storage",
]

# Names that live in modules importing SQLAlchemy, and those modules.
_LAZY = {
    "ArticleChangedError": "reader.storage.versions",
    "ArticleRecord": "reader.storage.records",
    "DATABASE_NAME": "reader.storage.database",
    "NewText": "reader.storage.versions",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Storage:
    """The stores of one open library."""

    database: Database
    articles: ArticleStore
    highlights: HighlightStore
    export_rows: ExportRows
    export_renders: ExportRenders
    tags: TagStore
    records: RecordStore
    listing: ArticleListing
    article_state: ArticleStateStore
    search: SearchStore
    saved_searches: SavedSearchStore
    versions: VersionStore

    def close(self) -> None:
        self.database.close()


def open_storage(folder: Path) -> Storage:
    """Open the library in `folder`, creating and migrating it as needed."""
    from reader.storage.article_state import ArticleStateStore
    from reader.storage.articles import ArticleStore
    from reader.storage.database import open_database
    from reader.storage.export_renders import ExportRenders
    from reader.storage.export_rows import ExportRows
    from reader.storage.highlights import HighlightStore
    from reader.storage.listing import ArticleListing
    from reader.storage.records import RecordStore
    from reader.storage.saved_searches import SavedSearchStore
    from reader.storage.search import SearchStore
    from reader.storage.tags import TagStore
    from reader.storage.versions import VersionStore

    database = open_database(folder)
    return Storage(
        database=database,
        articles=ArticleStore(database),
        highlights=HighlightStore(database),
        export_rows=ExportRows(database),
        export_renders=ExportRenders(database),
        tags=TagStore(database),
        records=RecordStore(database),
        listing=ArticleListing(database),
        article_state=ArticleStateStore(database),
        search=SearchStore(database),
        saved_searches=SavedSearchStore(database),
        versions=VersionStore(database),
    )
