"""Article versions: replacing an article's text (the old one kept, highlights re-placed) and listing versions."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import undefer

from reader.domain.anchoring import Placement
from reader.domain.models import Article, ArticleVersion, Block, Highlight
from reader.domain.serialize import blocks_from_data
from reader.storage.articles import EDITABLE_FIELDS, utc_now
from reader.storage.convert import article_from_row, compress, decompress, encode_blocks, highlight_from_row
from reader.storage.database import Database
from reader.storage.errors import NotFoundError, StorageError
from reader.storage.highlights import set_anchor
from reader.storage.schema import ArticleRow, ArticleVersionRow, HighlightRow
from reader.storage.tags import assign_tags


class ArticleChangedError(StorageError):
    """The article's text changed (another window or command) while a new version was prepared."""


@dataclass(frozen=True)
class NewText:
    """What replaces an article's text: the text and blocks, what they came from, and metadata.

    `metadata` holds new values for the editable fields (title, author, published, site,
    url) that the user has not corrected; `read_position` is the reading position mapped
    onto the new text.
    """

    text: str
    blocks: tuple[Block, ...]
    content_hash: str
    source_hash: str
    original: bytes
    kind: str
    language: str
    source_path: str
    metadata: Mapping[str, str | None]
    read_position: int
    add_tags: tuple[str, ...] = ()


class VersionStore:
    """Replacing article texts and reading the versions they replaced."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def replace_text(
        self,
        article_id: int,
        new: NewText,
        *,
        expected_version: int,
        placements: Mapping[int, Placement],
        place: Callable[[Highlight], Placement],
    ) -> Article:
        """Store `new` as the article's text, keep the old one as a version, re-place highlights.

        All in one transaction: the old text and blocks go (compressed) into
        article_versions, text_version goes up by one, and every highlight gets its
        placement from `placements` (computed beforehand, by highlight id) or, for one added
        meanwhile, from `place`. Raises ArticleChangedError if the article's text is no
        longer `expected_version`.
        """
        unknown = set(new.metadata) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot set {', '.join(sorted(unknown))}")
        now = utc_now()
        with self._db.session() as session:
            row = session.get(ArticleRow, article_id, options=[undefer(ArticleRow.text), undefer(ArticleRow.blocks)])
            if row is None:
                raise NotFoundError(f"no article with id {article_id}")
            # Claim the row first (this takes the write lock), so nothing changes it under us.
            claimed = session.execute(
                update(ArticleRow)
                .where(ArticleRow.id == article_id, ArticleRow.text_version == expected_version)
                .values(text_version=expected_version + 1)
                .execution_options(synchronize_session=False)
            )
            if claimed.rowcount != 1:
                raise ArticleChangedError(f"article {article_id} changed while it was being updated; try again")
            session.add(ArticleVersionRow(
                article_id=article_id,
                text_version=expected_version,
                text=compress(row.text.encode("utf-8", "surrogatepass")),
                blocks=compress(row.blocks.encode("utf-8")),
                content_hash=row.content_hash,
                replaced=now,
            ))
            row.text_version = expected_version + 1
            row.text = new.text
            row.blocks = encode_blocks(new.blocks)
            row.content_hash = new.content_hash
            row.source_hash = new.source_hash
            row.original = compress(new.original)
            row.kind = new.kind
            row.language = new.language
            if new.source_path:
                row.source_path = new.source_path
            for name, value in new.metadata.items():
                setattr(row, name, value if name == "published" else (value or ""))
            row.read_position = max(0, min(new.read_position, len(new.text)))
            row.updated = now
            if new.add_tags:
                assign_tags(session, row, new.add_tags, keep=True)
            highlights = session.scalars(select(HighlightRow).where(HighlightRow.article_id == article_id))
            for highlight in highlights:
                placement = placements.get(highlight.id) or place(highlight_from_row(highlight))
                set_anchor(highlight, placement, row.text_version, now)
            session.flush()
            return article_from_row(row, with_text=True)

    def versions(self, article_id: int) -> list[ArticleVersion]:
        """The article's previous texts (without the texts), oldest first."""
        query = (select(ArticleVersionRow.text_version, ArticleVersionRow.content_hash, ArticleVersionRow.replaced)
                 .where(ArticleVersionRow.article_id == article_id).order_by(ArticleVersionRow.text_version))
        with self._db.read_session() as session:
            if session.get(ArticleRow, article_id) is None:
                raise NotFoundError(f"no article with id {article_id}")
            return [ArticleVersion(article_id, number, digest, replaced)
                    for number, digest, replaced in session.execute(query)]

    def version(self, article_id: int, text_version: int) -> ArticleVersion:
        """One previous text of the article, with its text and blocks."""
        query = select(ArticleVersionRow).where(ArticleVersionRow.article_id == article_id,
                                                ArticleVersionRow.text_version == text_version)
        with self._db.read_session() as session:
            row = session.scalars(query).first()
            if row is None:
                raise NotFoundError(f"article {article_id} has no version {text_version}")
            return ArticleVersion(
                article_id, row.text_version, row.content_hash, row.replaced,
                text=decompress(row.text).decode("utf-8", "surrogatepass"),
                blocks=blocks_from_data(json.loads(decompress(row.blocks))),
            )

