"""Overlapping highlights flattened into disjoint segments, and the clusters they form (pure)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import NamedTuple

# NamedTuples rather than frozen dataclasses: painting makes thousands of them per article,
# and a tuple is several times cheaper to create.


class Span(NamedTuple):
    """One highlight as painting sees it: `[start, end)` in code points, its id and colour key."""

    start: int
    end: int
    id: int
    color: str


class Segment(NamedTuple):
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
    # at one position ends (0) sort before starts (1), so touching spans do not overlap
    events = sorted([(span.start, 1, index) for index, span in enumerate(items)]
                    + [(span.end, 0, index) for index, span in enumerate(items)])
    keys = [_priority(span) for span in items]
    active: dict[int, None] = {}
    segments: list[Segment] = []
    layers: tuple[Span, ...] = ()
    previous = events[0][0]
    for position, is_start, index in events:
        if position > previous:
            if active:
                segments.append(Segment(previous, position, layers))
            previous = position
        if is_start:
            active[index] = None
        else:
            del active[index]
        if len(active) == 1:
            layers = (items[next(iter(active))],)
        elif active:
            layers = tuple(items[i] for i in sorted(active, key=keys.__getitem__))
    return segments


def affected_ranges(spans: Iterable[Span], changed: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The disjoint ranges to repaint after the `changed` ranges changed, in text order.

    Each is a changed range grown by every span overlapping it, transitively (an overlap
    cluster), so clearing it and painting the segments inside gives the right look there
    and leaves the rest of the text alone. Spans and ranges that only touch do not overlap.
    """
    items = sorted([(span.start, span.end, False) for span in spans if span.end > span.start]
                   + [(start, end, True) for start, end in changed if end > start])
    ranges: list[tuple[int, int]] = []
    low = high = -1
    touched = False
    for start, end, is_changed in items:
        if start < high:
            high = max(high, end)
            touched = touched or is_changed
            continue
        if touched:
            ranges.append((low, high))
        low, high, touched = start, end, is_changed
    if touched:
        ranges.append((low, high))
    return ranges


def segments_at(segments: Sequence[Segment], starts: Sequence[int], offset: int) -> Segment | None:
    """The segment containing code-point `offset`; `starts` are the segments' starts, in order."""
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and segments[index].start <= offset < segments[index].end:
        return segments[index]
    return None
