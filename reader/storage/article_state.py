"""What the reader does to an article: read state, archive, reading position, note, tags."""

from __future__ import annotations

from sqlalchemy import update

from reader.domain.models import Article
from reader.storage.articles import ArticleStore, utc_now
from reader.storage.convert import article_from_row
from reader.storage.database import Database
from reader.storage.schema import ArticleRow
from reader.storage.tags import assign_tags


class ArticleStateStore:
    """Small updates to one article, each in its own transaction."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def set_flags(self, article_id: int, *, is_read: bool | None = None, archived: bool | None = None) -> Article:
        with self._db.session() as session:
            row = ArticleStore._row(session, article_id)
            if is_read is not None:
                row.is_read = is_read
            if archived is not None:
                row.archived = archived
            row.updated = utc_now()
            session.flush()
            return article_from_row(row, with_text=False)

    def set_position(self, article_id: int, position: int, progress: float) -> None:
        """Remember where the reader is; cheap, as it runs while scrolling."""
        with self._db.session() as session:
            session.execute(
                update(ArticleRow)
                .where(ArticleRow.id == article_id)
                .values(read_position=max(0, position), progress=min(1.0, max(0.0, progress)))
            )

    def set_note(self, article_id: int, note: str) -> Article:
        with self._db.session() as session:
            row = ArticleStore._row(session, article_id)
            row.note = note
            row.updated = utc_now()
            session.flush()
            return article_from_row(row, with_text=False)

    def set_tags(self, article_id: int, names: tuple[str, ...]) -> Article:
        """Replace the article's tags (names differing only in case are one tag)."""
        with self._db.session() as session:
            row = ArticleStore._row(session, article_id)
            assign_tags(session, row, names)
            row.updated = utc_now()
            session.flush()
            return article_from_row(row, with_text=False)
