"""Reading and correcting articles: list, show, edit metadata."""

from __future__ import annotations

from reader.domain.dates import parse_user_date
from reader.domain.models import Article
from reader.storage import EDITABLE_FIELDS, Storage


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
        value clears it.
        """
        clean: dict[str, str | None] = {}
        for name, value in changes.items():
            if value is None or name not in EDITABLE_FIELDS:
                continue
            value = " ".join(value.split())
            if name == "published":
                clean[name] = parse_user_date(value) if value else None
            else:
                clean[name] = value
        if not clean:
            return self._storage.articles.get(article_id)
        return self._storage.articles.update_metadata(article_id, clean)
