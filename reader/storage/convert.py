"""ORM rows to domain dataclasses, so nothing outside storage ever holds a live row."""

from __future__ import annotations

import json
import zlib

from reader.domain.models import AnchorState, Article, Highlight
from reader.domain.serialize import blocks_from_data, blocks_to_data
from reader.storage.schema import ArticleRow, HighlightRow


def encode_blocks(blocks) -> str:
    return json.dumps(blocks_to_data(blocks), separators=(",", ":"))


def compress(data: bytes) -> bytes:
    return zlib.compress(data, 6)


def decompress(data: bytes | None) -> bytes:
    return zlib.decompress(data) if data else b""


def article_from_row(row: ArticleRow, *, with_text: bool, highlight_count: int = 0) -> Article:
    return Article(
        id=row.id,
        title=row.title,
        author=row.author,
        site=row.site,
        url=row.url,
        published=row.published,
        added=row.added,
        kind=row.kind,
        text=row.text if with_text else "",
        blocks=blocks_from_data(json.loads(row.blocks)) if with_text else (),
        language=row.language,
        source_path=row.source_path,
        content_hash=row.content_hash,
        text_version=row.text_version,
        is_read=row.is_read,
        archived=row.archived,
        progress=row.progress,
        read_position=row.read_position,
        note=row.note,
        tags=tuple(tag.name for tag in row.tags),
        highlight_count=highlight_count,
        edited_fields=frozenset(json.loads(row.edited_fields or "[]")),
        uid=row.uid,
    )


def highlight_from_row(row: HighlightRow) -> Highlight:
    return Highlight(
        id=row.id,
        article_id=row.article_id,
        start=row.start,
        end=row.end,
        quote=row.quote,
        prefix=row.prefix,
        suffix=row.suffix,
        color=row.color,
        note=row.note,
        tags=tuple(tag.name for tag in row.tags),
        anchor_state=AnchorState(row.anchor_state),
        anchor_score=row.anchor_score,
        created=row.created,
        updated=row.updated,
        uid=row.uid,
    )
