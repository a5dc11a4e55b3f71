"""Articles: list, show, correct metadata, and what reading does to them (state, note, tags)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.domain.details import clean_details
from reader.domain.models import Article, ArticleVersion
from reader.domain.tags import normalize_tag
from reader.storage import EDITABLE_FIELDS, SHOWS, SORTS, ListQuery

if TYPE_CHECKING:
    from reader.storage import ArticleRecord, Storage

__all__ = ["SHOWS", "SORTS", "ArticleService", "ListQuery"]


class ArticleService:
    """The library's articles, and corrections to what the importer found."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def list(self) -> list[Article]:
        """Every article without its text, newest first."""
        return self._storage.articles.list()

    def get(self, article_id: int) -> Article:
        """One article with its text and blocks."""
        return self._storage.articles.get(article_id)

    def count(self) -> int:
        return self._storage.articles.count()

    def edit(self, article_id: int, **changes: str | None) -> Article:
        """Correct title, author, published, site or url; corrections survive re-imports.

        `published` accepts dates as people write them and is stored as ISO 8601; an empty
        value clears it. A blank title or a `url` that is not an absolute http(s) address
        raises InvalidDetailsError and nothing is changed (see `clean_details`).
        """
        clean = clean_details({name: value for name, value in changes.items() if name in EDITABLE_FIELDS})
        if not clean:
            return self._storage.articles.get(article_id)
        return self._storage.articles.update_metadata(article_id, clean)

    def restore_metadata(self, article_id: int, values: dict[str, str | None], edited_fields: frozenset[str]) -> Article:
        """Put back metadata exactly as it was, with the set of fields the user had corrected
        (undoing an edit); values are stored as given, not read as typed input."""
        return self._storage.articles.update_metadata(article_id, values, edited_fields=edited_fields)

    # --- the library list ----------------------------------------------------------------
    def list_ids(self, query: ListQuery) -> list[int]:
        """Ids of the articles matching `query`, in its order."""
        return self._storage.listing.ids(query)

    def rows(self, ids: list[int]) -> dict[int, Article]:
        """Articles without text for these ids (a page of the list)."""
        return self._storage.listing.rows(ids)

    def counts(self) -> dict[str, int]:
        """How many articles are in the inbox, unread, archived, and in all."""
        return self._storage.listing.counts()

    # --- reading -------------------------------------------------------------------------
    def set_read(self, article_id: int, is_read: bool) -> Article:
        return self._storage.article_state.set_flags(article_id, is_read=is_read)

    def set_archived(self, article_id: int, archived: bool) -> Article:
        return self._storage.article_state.set_flags(article_id, archived=archived)

    def remember_position(self, article_id: int, position: int, progress: float) -> None:
        """Keep the reading position (a code-point offset) and progress (0..1)."""
        self._storage.article_state.set_position(article_id, position, progress)

    def set_note(self, article_id: int, note: str) -> Article:
        return self._storage.article_state.set_note(article_id, note)

    def set_tags(self, article_id: int, tags: tuple[str, ...] | list[str]) -> Article:
        return self._storage.article_state.set_tags(article_id, tuple(normalize_tag(t) for t in tags))

    def delete(self, article_id: int) -> ArticleRecord:
        """Delete the article and its highlights; returns the record that `restore` puts back."""
        record = self._storage.records.record(article_id)
        self._storage.articles.delete(article_id)
        return record

    def restore(self, record: ArticleRecord) -> Article:
        """Put a deleted article back, with its highlights, under the same ids."""
        return self._storage.records.restore(record)

    # --- versions ------------------------------------------------------------------------
    def versions(self, article_id: int) -> list[ArticleVersion]:
        """The texts a re-import replaced, oldest first (without the texts themselves)."""
        return self._storage.versions.versions(article_id)

    def version(self, article_id: int, text_version: int) -> ArticleVersion:
        """One previous text of the article, with its text and blocks."""
        return self._storage.versions.version(article_id, text_version)
