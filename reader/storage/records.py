"""Whole articles as records (metadata, text, original, highlights) to take out and put back.

Undoing a delete puts a record back under its old ids (ids are never reused); restoring a
backup puts records into another library, keeping uids and offsets exactly.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import undefer

from reader.domain.models import Article, Highlight
from reader.domain.text import content_hash
from reader.storage.articles import utc_now
from reader.storage.convert import article_from_row, compress, decompress, encode_blocks, highlight_from_row
from reader.storage.database import Database
from reader.storage.errors import NotFoundError
from reader.storage.schema import ArticleRow, ArticleVersionRow, HighlightRow
from reader.storage.tags import assign_tags


@dataclass(frozen=True)
class StoredVersion:
    """A previous text of an article as stored (compressed), carried along by undo."""

    text_version: int
    text: bytes
    blocks: bytes
    content_hash: str
    replaced: datetime


@dataclass(frozen=True)
class ArticleRecord:
    """Everything about one article: the article (with text), its source bytes, highlights and
    previous texts (backups leave those out)."""

    article: Article
    original: bytes
    source_hash: str
    highlights: tuple[Highlight, ...]
    versions: tuple[StoredVersion, ...] = ()


class RecordStore:
    """Take articles out as records and put records back."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def record(self, article_id: int) -> ArticleRecord:
        with self._db.read_session() as session:
            row = session.get(ArticleRow, article_id, options=[undefer(ArticleRow.text), undefer(ArticleRow.blocks),
                                                                 undefer(ArticleRow.original)])
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            highlights = session.scalars(
                select(HighlightRow).where(HighlightRow.article_id == article_id).order_by(HighlightRow.start)
            )
            versions = session.scalars(
                select(ArticleVersionRow).where(ArticleVersionRow.article_id == article_id)
                .order_by(ArticleVersionRow.text_version)
            )
            return ArticleRecord(
                article=article_from_row(row, with_text=True),
                original=decompress(row.original),
                source_hash=row.source_hash,
                highlights=tuple(highlight_from_row(h) for h in highlights),
                versions=tuple(StoredVersion(v.text_version, v.text, v.blocks, v.content_hash, v.replaced)
                               for v in versions),
            )

    def restore(self, record: ArticleRecord, *, keep_ids: bool = True) -> Article:
        """Insert the record; with `keep_ids` the article and highlights get their old ids back.

        Ids are taken only when free (they always are after a delete, as ids are never reused);
        otherwise new ones are given.
        """
        article = record.article
        with self._db.session() as session:
            article_id = article.id if keep_ids and session.get(ArticleRow, article.id) is None else None
            row = ArticleRow(
                id=article_id,
                uid=_free_uid(session, ArticleRow, article.uid),
                title=article.title,
                author=article.author,
                site=article.site,
                url=article.url,
                source_path=article.source_path,
                language=article.language,
                published=article.published,
                added=article.added,
                updated=utc_now(),
                kind=article.kind,
                text=article.text,
                blocks=encode_blocks(article.blocks),
                content_hash=article.content_hash or content_hash(article.text),
                source_hash=record.source_hash or hashlib.sha256(record.original).hexdigest(),
                original=compress(record.original),
                text_version=article.text_version,
                is_read=article.is_read,
                archived=article.archived,
                progress=article.progress,
                read_position=article.read_position,
                note=article.note,
                edited_fields=json.dumps(sorted(article.edited_fields)),
            )
            assign_tags(session, row, article.tags)
            session.add(row)
            session.flush()
            for highlight in record.highlights:
                _add_highlight(session, row.id, row.text_version, highlight, keep_id=keep_ids)
            for version in record.versions:
                session.add(ArticleVersionRow(article_id=row.id, text_version=version.text_version, text=version.text,
                                              blocks=version.blocks, content_hash=version.content_hash,
                                              replaced=version.replaced))
            session.flush()
            return article_from_row(row, with_text=True, highlight_count=len(record.highlights))

    def add_highlights(self, article_id: int, highlights: tuple[Highlight, ...]) -> list[Highlight]:
        """Add highlights to a stored article as they are (uids, times, anchor states), with new ids.

        For highlights that come from elsewhere (a backup, another tool) onto an article the
        library already has; the caller has placed them on this article's text.
        """
        with self._db.session() as session:
            article = session.get(ArticleRow, article_id)
            if article is None:
                raise NotFoundError(f"no article with id {article_id}")
            rows = [_add_highlight(session, article_id, article.text_version, h, keep_id=False) for h in highlights]
            session.flush()
            return [highlight_from_row(row) for row in rows]


def _add_highlight(session, article_id: int, text_version: int, highlight: Highlight, *, keep_id: bool) -> HighlightRow:
    """Insert one highlight row; its old id is taken only when asked for and free."""
    highlight_id = highlight.id if keep_id and session.get(HighlightRow, highlight.id) is None else None
    row = HighlightRow(
        id=highlight_id,
        uid=_free_uid(session, HighlightRow, highlight.uid),
        article_id=article_id,
        start=highlight.start,
        end=highlight.end,
        quote=highlight.quote,
        prefix=highlight.prefix,
        suffix=highlight.suffix,
        color=highlight.color,
        note=highlight.note,
        anchor_state=highlight.anchor_state.value,
        anchor_score=highlight.anchor_score,
        text_version=text_version,
        created=highlight.created,
        updated=highlight.updated,
    )
    assign_tags(session, row, highlight.tags)
    session.add(row)
    return row


def _free_uid(session, table, uid: str) -> str:
    """`uid` if no row of `table` has it yet, else a new one (a record restored twice)."""
    if uid and session.scalar(select(table.id).where(table.uid == uid)) is None:
        return uid
    return uuid.uuid4().hex
