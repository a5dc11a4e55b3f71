"""Search results: snippets with their matches, article and highlight hits, and how they merge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from reader.domain.errors import ReaderError
from reader.domain.query import Query

ELLIPSIS = "\u2026"


class SearchCancelled(Exception):  # noqa: N818 - an outcome, not a failure
    """A search stopped before it finished because it was cancelled (a newer query superseded it)."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of text with the spans `[start, end)` (code points) that matched the query.

    The spans come from markers chosen at random for each query, so nothing an article
    contains (brackets, `<b>`, control characters) can pass for a match.
    """

    text: str
    matches: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_marked(cls, marked: str, open_mark: str, close_mark: str) -> Snippet:
        """Read a string in which each match is wrapped in `open_mark` ... `close_mark`."""
        text: list[str] = []
        matches: list[tuple[int, int]] = []
        length = 0
        for index, piece in enumerate(marked.split(open_mark)):
            inside, _, after = piece.partition(close_mark) if index else ("", "", piece)
            if inside:
                matches.append((length, length + len(inside)))
                text.append(inside)
                length += len(inside)
            text.append(after)
            length += len(after)
        return cls("".join(text), tuple(matches))

    @classmethod
    def lead(cls, text: str, limit: int = 200) -> Snippet:
        """The start of `text` on one line, cut at a word boundary, with no matches."""
        flat = " ".join(text[: limit * 2].split())
        if len(flat) <= limit:
            return cls(flat)
        cut = flat.rfind(" ", 0, limit)
        return cls(flat[: cut if cut > limit // 2 else limit].rstrip() + ELLIPSIS)

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The text with each match wrapped in `before` and `after` (for people, not parsing)."""
        pieces, position = [], 0
        for start, end in self.matches:
            pieces += [self.text[position:start], before, self.text[start:end], after]
            position = end
        pieces.append(self.text[position:])
        return "".join(pieces)


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article that matched.

    `position` is the span of the first match of the snippet in the article's canonical text
    (code points), to open the article there; None when the snippet shows no match.
    """

    kind: ClassVar[str] = "article"
    article_id: int
    title: str
    author: str
    site: str
    snippet: Snippet
    marked_title: Snippet
    position: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class HighlightHit:
    """A highlight that matched, with what a result line shows and where to open its article.

    `snippet` is whichever of the quote and note snippets shows a match (the quote first).
    """

    kind: ClassVar[str] = "highlight"
    highlight_id: int
    article_id: int
    title: str
    quote: str
    note: str
    color: str
    tags: tuple[str, ...]
    start: int
    end: int
    quote_snippet: Snippet
    note_snippet: Snippet

    @property
    def snippet(self) -> Snippet:
        if not self.quote_snippet.matches and self.note_snippet.matches:
            return self.note_snippet
        return self.quote_snippet


Hit = ArticleHit | HighlightHit


@dataclass(frozen=True, slots=True)
class SearchResults:
    """What a search found: the parsed query, the hits best first, and whether more were cut."""

    query: Query
    hits: tuple[Hit, ...] = ()
    truncated: bool = False

    @property
    def articles(self) -> list[ArticleHit]:
        return [hit for hit in self.hits if isinstance(hit, ArticleHit)]

    @property
    def highlights(self) -> list[HighlightHit]:
        return [hit for hit in self.hits if isinstance(hit, HighlightHit)]


def merge_ranked(articles: list[ArticleHit], highlights: list[HighlightHit], limit: int) -> list[Hit]:
    """One list from two ranked lists whose scores cannot be compared.

    BM25 scores of two FTS tables rest on different corpus statistics, so they are not put
    side by side. Reciprocal rank fusion (score 1 / (k + rank) per list) is what stays: with
    disjoint lists it interleaves them by rank, the n-th article next to the n-th highlight,
    the article first at equal rank. A kind that runs out leaves the rest to the other.
    """
    merged: list[Hit] = []
    for rank in range(max(len(articles), len(highlights))):
        if rank < len(articles):
            merged.append(articles[rank])
        if rank < len(highlights):
            merged.append(highlights[rank])
    return merged[:limit]


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A named query shown in the library pane, in `position` order."""

    id: int
    name: str
    query: str
    position: int


MAX_SEARCH_NAME = 200


class InvalidSavedSearchError(ReaderError, ValueError):
    """A saved search without a name or a query, or with a name another one has."""


def clean_search_name(name: str) -> str:
    """A saved search's name as typed, trimmed and on one line; raises InvalidSavedSearchError."""
    clean = " ".join(name.split())
    if not clean:
        raise InvalidSavedSearchError("a saved search needs a name")
    if len(clean) > MAX_SEARCH_NAME:
        raise InvalidSavedSearchError(f"a saved search name can have at most {MAX_SEARCH_NAME} characters")
    return clean
