"""Small frozen records of what a Markdown export reads: article metadata and highlights, many at a time.

They are named tuples rather than the dataclasses of `models`: an export reads ten thousand
highlights at once, and a tuple made straight from a database row costs a fraction of a
frozen dataclass (which sets each field through `object.__setattr__`). Their fields carry
the names of `Article` and `Highlight`, so the exporters take either.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from reader.domain.models import AnchorState


class ExportArticle(NamedTuple):
    """An article's metadata and tags, without its text or blocks."""

    id: int
    uid: str
    title: str
    author: str
    site: str
    url: str
    published: str | None
    added: datetime
    kind: str
    language: str
    note: str
    is_read: bool
    archived: bool
    progress: float
    tags: tuple[str, ...]


class ExportHighlight(NamedTuple):
    """A highlight with the fields of `Highlight`, in the same order (`Highlight(*record)` is the same highlight)."""

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
    uid: str


class ShownHighlight(NamedTuple):
    """The fields of a highlight that Reader's default Markdown layout shows (or orders by), and no more.

    A user's template may use any field and gets ExportHighlights; the default layout does
    not need the anchor's context, uid or times, and reading them cost a third of the load.
    """

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    color: str
    note: str
    tags: tuple[str, ...]
    anchor_state: AnchorState
