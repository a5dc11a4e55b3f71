"""Highlights in the database: add, list in text order, change and delete, as dataclasses."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from reader.domain.anchoring import Placement
from reader.domain.models import AnchorState, Highlight
from reader.storage.articles import utc_now
from reader.storage.convert import highlight_from_row
from reader.storage.database import Database
from reader.storage.errors import NotFoundError
from reader.storage.schema import ArticleRow, HighlightRow, TagRow, highlight_tags
from reader.storage.tags import tag_rows


_CHUNK = 500  # ids per IN (...) query, well under SQLite's limit on bound parameters
# The columns of a Highlight, in the order of its fields (for_articles builds it from tuples).
# Times come as the text SQLite holds ("2024-05-01 10:00:00.000000"): datetime.fromisoformat
# reads it many times faster than SQLAlchemy's DateTime processing does.
_COLUMNS = (HighlightRow.id, HighlightRow.article_id, HighlightRow.start, HighlightRow.end, HighlightRow.quote,
            HighlightRow.prefix, HighlightRow.suffix, HighlightRow.color, HighlightRow.note,
            HighlightRow.anchor_state, HighlightRow.anchor_score, type_coerce(HighlightRow.created, String),
            type_coerce(HighlightRow.updated, String), HighlightRow.uid)


class HighlightStore:
    """Highlight rows in and dataclasses out; one session per call."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(
        self,
        article_id: int,
        *,
        start: int,
        end: int,
        quote: str,
        prefix: str,
        suffix: str,
        color: str,
        note: str = "",
        tags: tuple[str, ...] = (),
    ) -> Highlight:
        now = utc_now()
        with self._db.session() as session:
            article = session.get(ArticleRow, article_id)
            if article is None:
                raise NotFoundError(f"no article with id {article_id}")
            row = HighlightRow(
                uid=uuid.uuid4().hex,
                article_id=article_id,
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                color=color,
                note=note,
                anchor_state=AnchorState.EXACT.value,
                anchor_score=None,
                text_version=article.text_version,
                created=now,
                updated=now,
            )
            row.tags = tag_rows(session, tags)
            session.add(row)
            session.flush()
            return highlight_from_row(row)

    def for_article(self, article_id: int) -> list[Highlight]:
        """The article's highlights in text order (start, then end, then age)."""
        query = (
            select(HighlightRow)
            .where(HighlightRow.article_id == article_id)
            .order_by(HighlightRow.start, HighlightRow.end, HighlightRow.id)
        )
        with self._db.read_session() as session:
            return [highlight_from_row(row) for row in session.scalars(query)]

    def for_articles(self, article_ids: Sequence[int]) -> dict[int, list[Highlight]]:
        """The highlights of many articles in two queries per 500, each list in text order (exports).

        Built from plain result tuples rather than ORM objects: ten thousand highlights load
        in tens of milliseconds rather than seconds.
        """
        found: dict[int, list[Highlight]] = {article_id: [] for article_id in article_ids}
        ids = list(found)
        states = {state.value: state for state in AnchorState}
        with self._db.read_session() as session:
            connection = session.connection()  # Core rows: no ORM loading machinery for plain columns
            for at in range(0, len(ids), _CHUNK):
                mine = HighlightRow.article_id.in_(ids[at:at + _CHUNK])
                tags: dict[int, list[str]] = {}
                for highlight_id, name in connection.execute(
                    select(highlight_tags.c.highlight_id, TagRow.name)
                    .join(TagRow, TagRow.id == highlight_tags.c.tag_id)
                    .join(HighlightRow, HighlightRow.id == highlight_tags.c.highlight_id)
                    .where(mine)
                    .order_by(TagRow.key)
                ):
                    tags.setdefault(highlight_id, []).append(name)
                rows = connection.execute(
                    select(*_COLUMNS).where(mine)
                    .order_by(HighlightRow.article_id, HighlightRow.start, HighlightRow.end, HighlightRow.id)
                )
                for (id_, article_id, start, end, quote, prefix, suffix, color, note, state, score, created,
                     updated, uid) in rows:
                    found[article_id].append(Highlight(
                        id_, article_id, start, end, quote, prefix, suffix, color, note,
                        tuple(tags.get(id_, ())), states[state], score, datetime.fromisoformat(created),
                        datetime.fromisoformat(updated), uid))
        return found

    def orphans(self, article_id: int) -> list[Highlight]:
        """The article's highlights that could not be placed on its current text, oldest first."""
        query = (
            select(HighlightRow)
            .where(HighlightRow.article_id == article_id, HighlightRow.anchor_state == AnchorState.ORPHAN.value)
            .order_by(HighlightRow.created, HighlightRow.id)
        )
        with self._db.read_session() as session:
            return [highlight_from_row(row) for row in session.scalars(query)]

    def place(self, highlight_id: int, placement: Placement) -> Highlight:
        """Give one highlight a new anchor on its article's current text (re-attaching an orphan)."""
        with self._db.session() as session:
            row = self._row(session, highlight_id)
            article = session.get(ArticleRow, row.article_id)
            set_anchor(row, placement, article.text_version, utc_now())
            session.flush()
            return highlight_from_row(row)

    def get(self, highlight_id: int) -> Highlight:
        with self._db.read_session() as session:
            return highlight_from_row(self._row(session, highlight_id))

    def update(self, highlight_id: int, *, color: str | None = None, note: str | None = None,
               tags: tuple[str, ...] | None = None) -> Highlight:
        """Change a highlight's colour, note or tags (None leaves a field as it is)."""
        with self._db.session() as session:
            row = self._row(session, highlight_id)
            if color is not None:
                row.color = color
            if note is not None:
                row.note = note
            if tags is not None:
                row.tags = tag_rows(session, tags)
            row.updated = utc_now()
            session.flush()
            return highlight_from_row(row)

    def restore(self, highlight: Highlight) -> Highlight:
        """Put a deleted highlight back under its id (ids are never reused)."""
        with self._db.session() as session:
            article = session.get(ArticleRow, highlight.article_id)
            if article is None:
                raise NotFoundError(f"no article with id {highlight.article_id}")
            row = HighlightRow(
                id=highlight.id, uid=highlight.uid or uuid.uuid4().hex, article_id=highlight.article_id,
                start=highlight.start, end=highlight.end, quote=highlight.quote, prefix=highlight.prefix,
                suffix=highlight.suffix, color=highlight.color, note=highlight.note,
                anchor_state=highlight.anchor_state.value, anchor_score=highlight.anchor_score,
                text_version=article.text_version, created=highlight.created, updated=highlight.updated,
            )
            row.tags = tag_rows(session, highlight.tags)
            session.add(row)
            session.flush()
            return highlight_from_row(row)

    def delete(self, highlight_id: int) -> None:
        with self._db.session() as session:
            session.delete(self._row(session, highlight_id))

    @staticmethod
    def _row(session: Session, highlight_id: int) -> HighlightRow:
        row = session.get(HighlightRow, highlight_id)
        if row is None:
            raise NotFoundError(f"no highlight with id {highlight_id}")
        return row


def set_anchor(row: HighlightRow, placement: Placement, text_version: int, now: datetime) -> None:
    """Give a highlight row the anchor of `placement` on text `text_version`."""
    changed = (row.start, row.end, row.quote, row.prefix, row.suffix) != (
        placement.start, placement.end, placement.quote, placement.prefix, placement.suffix)
    row.start, row.end = placement.start, placement.end
    row.quote, row.prefix, row.suffix = placement.quote, placement.prefix, placement.suffix
    row.anchor_state = placement.state.value
    row.anchor_score = placement.score
    row.text_version = text_version
    if changed:
        row.updated = now
