"""Overlapping highlights flattened into disjoint segments, and the clusters they form (pure)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """One highlight as painting sees it: `[start, end)` in code points, its id and colour key."""

    start: int
    end: int
    id: int
    color: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch `[start, end)` covered by the same highlights, topmost first in `spans`."""

    start: int
    end: int
    spans: tuple[Span, ...]

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(span.id for span in self.spans)


def _priority(span: Span) -> tuple[int, int, int]:
    # The innermost highlight is on top: the one starting last, then ending first, then newest,
    # so a short highlight inside a long one keeps its own colour.
    return (-span.start, span.end, -span.id)


def flatten(spans: Iterable[Span]) -> list[Segment]:
    """Disjoint segments, in text order, covering every non-empty span (sweep over the ends).

    Each segment lists the spans covering it, topmost first; stretches no span covers are
    left out, and neighbouring stretches covered by different spans are separate segments.
    """
    items = [span for span in spans if span.end > span.start]
    if not items:
        return []
    events: list[tuple[int, int, int]] = []  # position, 0 = end before 1 = start, index
    for index, span in enumerate(items):
        events.append((span.start, 1, index))
        events.append((span.end, 0, index))
    events.sort()
    active: dict[int, Span] = {}
    segments: list[Segment] = []
    previous = events[0][0]
    cursor = 0
    while cursor < len(events):
        position = events[cursor][0]
        if active and position > previous:
            segments.append(Segment(previous, position, tuple(sorted(active.values(), key=_priority))))
        while cursor < len(events) and events[cursor][0] == position:
            _, is_start, index = events[cursor]
            if is_start:
                active[index] = items[index]
            else:
                active.pop(index, None)
            cursor += 1
        previous = position
    return segments


def cluster_range(spans: Sequence[Span], start: int, end: int) -> tuple[int, int]:
    """The smallest range holding `[start, end)` and every span overlapping it, transitively.

    Repainting that range (clear, flatten what is inside, paint) changes the look of
    `[start, end)` correctly without touching any other part of the text.
    """
    lo, hi = start, end
    ordered = sorted(spans, key=lambda span: span.start)
    changed = True
    while changed:
        changed = False
        for span in ordered:
            if span.start >= hi:
                break
            if span.end > lo and (span.start < lo or span.end > hi):
                lo, hi = min(lo, span.start), max(hi, span.end)
                changed = True
    return lo, hi


def segments_at(segments: Sequence[Segment], starts: Sequence[int], offset: int) -> Segment | None:
    """The segment containing code-point `offset`; `starts` are the segments' starts, in order."""
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and segments[index].start <= offset < segments[index].end:
        return segments[index]
    return None
