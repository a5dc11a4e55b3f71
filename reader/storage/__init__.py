"""Storage: the only package that imports SQLAlchemy. Schema, migrations and stores of dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.storage.article_state import ArticleStateStore
from reader.storage.articles import EDITABLE_FIELDS, ArticleStore
from reader.storage.database import DATABASE_NAME, Database, open_database
from reader.storage.errors import LibraryLockedError, NotFoundError, StorageError
from reader.storage.export_rows import ExportRows
from reader.storage.highlights import HighlightStore
from reader.storage.listing import SHOWS, SORTS, ArticleListing, ListQuery
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


@dataclass(frozen=True)
class Storage:
    """The stores of one open library."""

    database: Database
    articles: ArticleStore
    highlights: HighlightStore
    export_rows: ExportRows
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
    database = open_database(folder)
    return Storage(
        database=database,
        articles=ArticleStore(database),
        highlights=HighlightStore(database),
        export_rows=ExportRows(database),
        tags=TagStore(database),
        records=RecordStore(database),
        listing=ArticleListing(database),
        article_state=ArticleStateStore(database),
        search=SearchStore(database),
        saved_searches=SavedSearchStore(database),
        versions=VersionStore(database),
    )
