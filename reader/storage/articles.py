"""Articles in the database: add, find, list, read, correct and delete, as dataclasses."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session, undefer

from reader.domain.models import Article, ExtractedArticle
from reader.storage.convert import article_from_row, compress, decompress, encode_blocks
from reader.storage.database import Database
from reader.storage.errors import NotFoundError
from reader.storage.queries import EDITABLE_FIELDS
from reader.storage.schema import ArticleRow, HighlightRow, article_tags
from reader.storage.tags import assign_tags

def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def highlight_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    query = (
        select(HighlightRow.article_id, func.count())
        .where(HighlightRow.article_id.in_(ids))
        .group_by(HighlightRow.article_id)
    )
    return dict(session.execute(query).all())


class ArticleStore:
    """Article rows in and dataclasses out; one session per call."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # --- adding and finding --------------------------------------------------------------
    def find_duplicate(self, source_hash: str, content_hash: str) -> Article | None:
        """An article with the same source bytes or the same canonical text, if there is one."""
        query = select(ArticleRow).where(
            or_(ArticleRow.source_hash == source_hash, ArticleRow.content_hash == content_hash)
        )
        with self._db.read_session() as session:
            row = session.scalars(query.limit(1)).first()
            return article_from_row(row, with_text=False) if row else None

    def find_by_origin(self, *, url: str, source_path: str) -> list[Article]:
        """Articles (without text) from the same web address or the same file, newest first."""
        conditions = [column == value for column, value in ((ArticleRow.url, url), (ArticleRow.source_path, source_path))
                      if value]
        if not conditions:
            return []
        query = select(ArticleRow).where(or_(*conditions)).order_by(ArticleRow.id.desc())
        with self._db.read_session() as session:
            return [article_from_row(row, with_text=False) for row in session.scalars(query)]

    def add(
        self,
        extracted: ExtractedArticle,
        *,
        content_hash: str,
        source_hash: str,
        original: bytes,
        source_path: str = "",
        tags: tuple[str, ...] = (),
    ) -> Article:
        """Store a newly extracted article (with its compressed original) and return it."""
        now = utc_now()
        with self._db.session() as session:
            row = ArticleRow(
                uid=uuid.uuid4().hex,
                title=extracted.title,
                author=extracted.author,
                site=extracted.site,
                url=extracted.url,
                source_path=source_path,
                language=extracted.language,
                published=extracted.published,
                added=now,
                updated=now,
                kind=extracted.kind,
                text=extracted.text,
                blocks=encode_blocks(extracted.blocks),
                content_hash=content_hash,
                source_hash=source_hash,
                original=compress(original),
                text_version=1,
                is_read=False,
                archived=False,
                progress=0.0,
                read_position=0,
                note="",
                edited_fields="[]",
            )
            assign_tags(session, row, tags)
            session.add(row)
            session.flush()
            return article_from_row(row, with_text=True)

    # --- reading -------------------------------------------------------------------------
    def get(self, article_id: int) -> Article:
        """The article with its text and blocks; raises NotFoundError."""
        with self._db.read_session() as session:
            row = session.get(ArticleRow, article_id, options=[undefer(ArticleRow.text), undefer(ArticleRow.blocks)])
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            count = highlight_counts(session, [article_id]).get(article_id, 0)
            return article_from_row(row, with_text=True, highlight_count=count)

    def list(self) -> list[Article]:
        """Every article without its text, newest first."""
        query = select(ArticleRow).order_by(ArticleRow.added.desc(), ArticleRow.id.desc())
        with self._db.read_session() as session:
            rows = list(session.scalars(query))
            counts = highlight_counts(session, [row.id for row in rows]) if rows else {}
            return [article_from_row(row, with_text=False, highlight_count=counts.get(row.id, 0)) for row in rows]

    def require(self, article_id: int) -> None:
        """Raise NotFoundError unless the article exists (without loading it)."""
        with self._db.read_session() as session:
            if session.scalar(select(ArticleRow.id).where(ArticleRow.id == article_id)) is None:
                raise NotFoundError(f"no article with id {article_id}")

    def count(self) -> int:
        with self._db.read_session() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def original(self, article_id: int) -> bytes:
        """The source bytes the article was imported from."""
        with self._db.read_session() as session:
            data = session.scalar(select(ArticleRow.original).where(ArticleRow.id == article_id))
            return decompress(data)

    # --- changing ------------------------------------------------------------------------
    def update_metadata(self, article_id: int, changes: dict[str, str | None], *,
                        edited_fields: frozenset[str] | None = None) -> Article:
        """Change title, author, published, site or url; the changed fields are remembered as the
        user's corrections, or `edited_fields` becomes exactly that set (undoing an edit)."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        with self._db.session() as session:
            row = self._row(session, article_id)
            for name, value in changes.items():
                setattr(row, name, value if name == "published" else (value or ""))
            if edited_fields is None:
                edited_fields = frozenset(json.loads(row.edited_fields or "[]")) | set(changes)
            row.edited_fields = json.dumps(sorted(edited_fields))
            row.updated = utc_now()
            session.flush()
            return article_from_row(row, with_text=False)

    def add_tags(self, article_id: int, names: tuple[str, ...]) -> Article:
        with self._db.session() as session:
            row = self._row(session, article_id)
            assign_tags(session, row, names, keep=True)
            session.flush()
            return article_from_row(row, with_text=False)

    def delete(self, article_id: int) -> None:
        with self._db.session() as session:
            self._row(session, article_id)
            # highlights, tags links and versions go by ON DELETE CASCADE
            session.execute(delete(ArticleRow).where(ArticleRow.id == article_id))

    @staticmethod
    def _row(session: Session, article_id: int) -> ArticleRow:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return row
