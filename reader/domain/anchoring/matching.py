"""Finding a quote in a text: exact occurrences, a folded view, and approximate alignment.

Approximate matching uses rapidfuzz (C++ with wheels for every platform we ship to):
`fuzz.partial_ratio_alignment` finds the window of the text that best matches the quote,
and `Levenshtein.opcodes` of the quote against that window (padded) says where each end of
the quote landed, so an insertion or deletion inside the quote still gives exact ends.
edlib's infix search would do the first step too, but it has no wheels for Windows or
Linux on ARM, and two matchers would mean two behaviours.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reader.domain.text import normalize_with_map

MAX_OCCURRENCES = 2000  # exact occurrences weighed per search; more means the quote says little


def fold(text: str) -> str:
    """The folded form used for matching: case, accents, quotes, dashes and spacing ignored."""
    return normalize_with_map(text, strip_marks=True)[0]


PAGE = 8192  # characters folded at a time: a search near one place folds only the pages around it


class FoldedSpan:
    """The folded form of a stretch of a text, with offsets mapped both ways (raw offsets absolute)."""

    def __init__(self, folded: str, origin: list[int]) -> None:
        self.folded = folded
        self._origin = origin  # raw offset of each folded character, and one for the end

    def to_folded(self, index: int) -> int:
        """The folded offset of raw offset `index` (the next folded character at or after it)."""
        return bisect.bisect_left(self._origin, index)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a folded span `[start, end)` came from."""
        if end <= start:
            position = self._origin[min(start, len(self._origin) - 1)]
            return position, position
        return self._origin[start], self._origin[end - 1] + 1


class FoldedText:
    """A text folded for matching, page by page as places of it are searched.

    Pages end just after a newline (or a space, in a very long paragraph), so folding them
    one by one and joining them with a space gives what folding the whole text would.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0]
        while self._starts[-1] + PAGE < len(text):
            base = self._starts[-1] + PAGE
            cut = text.find("\n", base, base + PAGE)
            if cut < 0:
                cut = text.find(" ", base, base + PAGE)
            self._starts.append(cut + 1 if cut >= 0 else base + PAGE)
        self._pages: dict[int, tuple[str, list[int]]] = {}
        self._spans: dict[tuple[int, int], FoldedSpan] = {}

    def around(self, low: int, high: int) -> FoldedSpan:
        """The folded pages covering raw offsets `[low, high)`."""
        first = max(0, bisect.bisect_right(self._starts, max(0, low)) - 1)
        last = max(first, bisect.bisect_right(self._starts, min(high, len(self.text))) - 1)
        span = self._spans.get((first, last))
        if span is None:
            span = self._spans[(first, last)] = self._join(first, last)
        return span

    def _join(self, first: int, last: int) -> FoldedSpan:
        pieces: list[str] = []
        origin: list[int] = []
        for page in range(first, last + 1):
            folded, page_origin = self._page(page)
            if not folded:
                continue
            if pieces and self.text[self._starts[page] - 1].isspace():
                pieces.append(" ")  # the newline or space the page was cut after
                origin.append(self._starts[page] - 1)
            pieces.append(folded)
            origin.extend(page_origin[:-1])
        end = self._starts[last + 1] if last + 1 < len(self._starts) else len(self.text)
        return FoldedSpan("".join(pieces), origin + [end])

    def _page(self, page: int) -> tuple[str, list[int]]:
        found = self._pages.get(page)
        if found is None:
            start = self._starts[page]
            end = self._starts[page + 1] if page + 1 < len(self._starts) else len(self.text)
            folded, origin = normalize_with_map(self.text[start:end], strip_marks=True)
            found = self._pages[page] = (folded, [start + offset for offset in origin])
        return found


def occurrences(haystack: str, needle: str, low: int = 0, high: int | None = None) -> Iterator[int]:
    """Start offsets of `needle` in `haystack[low:high]` (overlapping ones too)."""
    if not needle:
        return
    high = len(haystack) if high is None else high
    position = haystack.find(needle, max(0, low), high)
    count = 0
    while position >= 0 and count < MAX_OCCURRENCES:
        yield position
        count += 1
        position = haystack.find(needle, position + 1, high)


def similarity(a: str, b: str) -> float:
    """1 - edit distance / the longer length (1.0 for two empty strings)."""
    return Levenshtein.normalized_similarity(a, b)


def align(needle: str, inner: tuple[int, int], haystack: str, low: int, high: int) -> tuple[int, int] | None:
    """Where `needle[inner[0]:inner[1]]` lands when `needle` is best aligned inside `haystack[low:high]`.

    `needle` may be the quote alone (inner is all of it) or the quote with its prefix and
    suffix around it, whose alignment then fixes the quote's ends more surely. Returns a
    span of `haystack`, or None when nothing resembling the needle is there.
    """
    low, high = max(0, low), min(len(haystack), high)
    if not needle or high - low <= 0:
        return None
    window = haystack[low:high]
    if len(window) >= len(needle):
        found = fuzz.partial_ratio_alignment(needle, window)
        if found is None or found.score <= 0:
            return None
        pad = len(needle) // 3 + 16
        region_low = max(0, found.dest_start - pad)
        region_high = min(len(window), found.dest_end + pad)
    else:
        region_low, region_high = 0, len(window)
    region = window[region_low:region_high]
    opcodes = Levenshtein.opcodes(needle, region)
    start = _through(opcodes, inner[0], end=False)
    end = _through(opcodes, inner[1], end=True)
    if start is None or end is None:
        return None
    offset = low + region_low
    return offset + start, offset + max(start, end)


def _through(opcodes, index: int, *, end: bool) -> int | None:
    """Where needle offset `index` falls in the aligned text (for an end: just after index - 1)."""
    for op in opcodes:
        if op.tag == "insert":
            continue
        inside = op.src_start < index <= op.src_end if end else op.src_start <= index < op.src_end
        if inside:
            if op.tag == "delete":
                return op.dest_start
            return min(op.dest_end, op.dest_start + (index - op.src_start))
    if not opcodes:
        return None
    # the needle is empty on that side: its end is where the aligned text ends or starts
    return opcodes[-1].dest_end if index >= opcodes[-1].src_end else opcodes[0].dest_start


_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def _clings(text: str, index: int) -> bool:
    """Whether `text[index]` belongs to the character before it (accent, joiner, skin tone...)."""
    char = text[index]
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in {"Mn", "Me"}
        or char in _JOINERS
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or text[index - 1] == "\u200d"
    )


def whole_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `[start, end)` so it splits no accent, emoji sequence or joiner from its base."""
    while 0 < start < len(text) and _clings(text, start):
        start -= 1
    while 0 < end < len(text) and _clings(text, end):
        end += 1
    return start, end
