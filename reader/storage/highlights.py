"""Highlights in the database: add, list in text order, change and delete, as dataclasses."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.domain.anchoring import Placement
from reader.domain.models import AnchorState, Highlight
from reader.storage.articles import utc_now
from reader.storage.convert import highlight_from_row
from reader.storage.database import Database
from reader.storage.errors import NotFoundError
from reader.storage.schema import ArticleRow, HighlightRow
from reader.storage.tags import assign_tags



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
            assign_tags(session, row, tags)
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
                assign_tags(session, row, tags)
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
            assign_tags(session, row, highlight.tags)
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
