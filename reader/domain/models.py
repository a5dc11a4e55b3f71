"""Plain dataclasses every layer shares: articles, blocks, marks, highlights, tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block of canonical text is, for rendering and export."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    PREFORMATTED = "preformatted"


class MarkKind(StrEnum):
    """Inline formatting carried as spans over the canonical text."""

    EMPHASIS = "emphasis"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"


class AnchorState(StrEnum):
    """How a highlight was last placed on its article's text."""

    EXACT = "exact"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline span `[start, end)` in code points of the canonical text."""

    kind: MarkKind
    start: int
    end: int
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A block `[start, end)` of the canonical text; `level` is the heading level or list depth."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    marks: tuple[Mark, ...] = ()
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """What an importer makes of a source: text, blocks and the metadata it could find."""

    text: str
    blocks: tuple[Block, ...]
    title: str = ""
    author: str = ""
    site: str = ""
    url: str = ""
    published: str | None = None
    language: str = ""
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Article:
    """An article of the library, as storage returns it."""

    id: int
    title: str
    author: str
    site: str
    url: str
    published: str | None
    added: datetime
    kind: str
    text: str = ""
    blocks: tuple[Block, ...] = ()
    language: str = ""
    source_path: str = ""
    content_hash: str = ""
    text_version: int = 1
    is_read: bool = False
    archived: bool = False
    progress: float = 0.0
    read_position: int = 0
    note: str = ""
    tags: tuple[str, ...] = ()
    highlight_count: int = 0
    edited_fields: frozenset[str] = field(default_factory=frozenset)
    uid: str = ""  # stable across libraries (exports, backups)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A highlighted passage: its anchor (position and quote selectors), colour, note and tags."""

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    tags: tuple[str, ...]
    anchor_state: AnchorState
    anchor_score: float | None
    created: datetime
    updated: datetime
    uid: str = ""  # stable across libraries (exports, backups)


@dataclass(frozen=True, slots=True)
class TagCount:
    """A tag with how many articles and highlights carry it."""

    name: str
    articles: int
    highlights: int

    @property
    def total(self) -> int:
        return self.articles + self.highlights


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """A previous text of an article, kept when a re-import replaced it.

    `text` and `blocks` are filled only when one version is asked for, not in lists.
    """

    article_id: int
    text_version: int
    content_hash: str
    replaced: datetime
    text: str = ""
    blocks: tuple[Block, ...] = ()
