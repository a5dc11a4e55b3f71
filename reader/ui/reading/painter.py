"""Highlights baked into the document as character formats, one merge per disjoint segment."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from reader.domain.models import AnchorState, Highlight
from reader.ui.offsets import OffsetMap
from reader.ui.reading.segments import Segment, Span, affected_ranges, flatten, segments_at
from reader.ui.reading.typography import BASE_BACKGROUND, BASE_UNDERLINE, HIGHLIGHT_LINE, HIGHLIGHTED, Typography


def paintable(highlight: Highlight, length: int) -> bool:
    """Whether a highlight has a place on the text: anchored, non-empty and inside it."""
    return (highlight.anchor_state is not AnchorState.ORPHAN
            and 0 <= highlight.start < highlight.end <= length)


class HighlightPainter:
    """Keeps the highlights of one document and their look in its character formats.

    Painting flattens overlaps into disjoint segments and merges one format per segment, in
    one edit block per overlap cluster touched (the document's undo is off). Adding, removing
    or recolouring a highlight repaints only its cluster; a new note repaints nothing. Offsets are code points, turned into Qt
    positions by the document's OffsetMap here and nowhere else in painting.
    """

    def __init__(self, document: QTextDocument, offsets: OffsetMap, typography: Typography,
                 highlights: Iterable[Highlight] = ()) -> None:
        """Paint `highlights` on `document`, which must have none painted yet (a new one)."""
        self._document = document
        self._offsets = offsets
        self._typography = typography
        self._highlights = {h.id: h for h in highlights if paintable(h, offsets.length)}
        self._refresh_segments()
        self._clear_and_apply(0, 0, self._segments)

    # --- queries -------------------------------------------------------------------------
    @property
    def highlights(self) -> dict[int, Highlight]:
        """The painted highlights by id (orphans and out-of-range ones are left out)."""
        return self._highlights

    def at(self, offset: int) -> list[Highlight]:
        """The highlights covering code-point `offset`, topmost first."""
        segment = segments_at(self._segments, self._starts, offset)
        if segment is None:
            return []
        return [self._highlights[span.id] for span in segment.spans]

    # --- changes -------------------------------------------------------------------------
    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Replace every highlight; only the clusters of what differs from before are repainted."""
        old = self._highlights
        self._highlights = {h.id: h for h in highlights if paintable(h, self._offsets.length)}
        new = self._highlights
        changed = [version for key in old.keys() | new.keys()
                   if _look(old.get(key)) != _look(new.get(key))
                   for version in (old.get(key), new.get(key)) if version is not None]
        if changed:
            self._repaint(changed)

    def upsert(self, highlight: Highlight) -> None:
        """Add a highlight or change one (span, colour, note): repaint only its cluster."""
        previous = self._highlights.pop(highlight.id, None)
        if paintable(highlight, self._offsets.length):
            self._highlights[highlight.id] = highlight
        if _look(previous) != _look(self._highlights.get(highlight.id)):
            self._repaint([h for h in (previous, highlight) if h is not None])

    def remove(self, highlight_id: int) -> bool:
        """Take a highlight away and repaint its cluster; False if it was not painted."""
        previous = self._highlights.pop(highlight_id, None)
        if previous is None:
            return False
        self._repaint([previous])
        return True

    # --- internals -----------------------------------------------------------------------
    def _spans(self) -> Iterable[Span]:
        return (Span(h.start, h.end, h.id, h.color) for h in self._highlights.values())

    def _refresh_segments(self) -> None:
        self._segments = flatten(self._spans())
        self._starts = [segment.start for segment in self._segments]

    def _repaint(self, changed: Sequence[Highlight]) -> None:
        """Repaint the clusters around the old and new places of the `changed` highlights.

        Each range gets its own edit block: an attached document relays out everything
        between the first and last change of a block, so one block over scattered ranges
        would lay out the whole text again.
        """
        self._refresh_segments()
        ranges = affected_ranges(self._spans(), [(h.start, h.end) for h in changed
                                                 if 0 <= h.start < h.end <= self._offsets.length])
        for low, high in ranges:
            first = bisect.bisect_left(self._starts, low)
            last = bisect.bisect_left(self._starts, high)
            self._clear_and_apply(low, high, self._segments[first:last])

    def _clear_and_apply(self, low: int, high: int, segments: Sequence[Segment]) -> None:
        clearing = self._collect_painted(low, high) if high > low else []
        if not clearing and not segments:
            return
        cursor = QTextCursor(self._document)
        # bound once: this loop runs once per segment, thousands of times for a long read
        set_position, keep = cursor.setPosition, QTextCursor.MoveMode.KeepAnchor
        to_qt = None if self._offsets.is_identity else self._offsets.to_qt
        highlight_format = self._typography.highlight_format
        cursor.beginEditBlock()
        for start, end, fmt in clearing:
            set_position(start)
            set_position(end, keep)
            cursor.setCharFormat(fmt)
        for start, end, spans in segments:
            fmt = highlight_format(tuple(span.color for span in spans))
            set_position(start if to_qt is None else to_qt(start))
            set_position(end if to_qt is None else to_qt(end), keep)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _collect_painted(self, start: int, end: int) -> list[tuple[int, int, QTextCharFormat]]:
        """The painted fragments in `[start, end)` code points (as Qt ranges) with the formats
        that give them their own look back.

        The ranges are collected first and changed after: changing formats while walking a
        block's fragments can loop forever (research §4.3).
        """
        lo, hi = self._offsets.to_qt(start), self._offsets.to_qt(end)
        changes: list[tuple[int, int, QTextCharFormat]] = []
        block = self._document.findBlock(lo)
        while block.isValid() and block.position() < hi:
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                a = max(fragment.position(), lo)
                b = min(fragment.position() + fragment.length(), hi)
                if a < b and fragment.charFormat().hasProperty(HIGHLIGHTED):
                    changes.append((a, b, _unpainted(fragment.charFormat())))
                iterator += 1
            block = block.next()
        return changes


def _look(highlight: Highlight | None) -> tuple[int, int, str] | None:
    """What painting shows of a highlight: a note or tag change repaints nothing."""
    return None if highlight is None else (highlight.start, highlight.end, highlight.color)


def _unpainted(painted: QTextCharFormat) -> QTextCharFormat:
    """A painted format without what painting added, with a code mark's or link's own look back.

    A property that the format had before painting is overwritten in place rather than
    cleared and set again: Qt compares formats property by property in order, and only
    equal formats let neighbouring fragments merge back into one.
    """
    fmt = QTextCharFormat(painted)
    fmt.clearProperty(HIGHLIGHTED)
    if fmt.hasProperty(BASE_BACKGROUND):
        fmt.setBackground(QColor(fmt.stringProperty(BASE_BACKGROUND)))
    else:
        fmt.clearBackground()
    if fmt.hasProperty(HIGHLIGHT_LINE):
        fmt.clearProperty(HIGHLIGHT_LINE)
        if fmt.hasProperty(BASE_UNDERLINE):
            fmt.setUnderlineColor(QColor(fmt.stringProperty(BASE_UNDERLINE)))
        else:
            fmt.clearProperty(QTextFormat.Property.TextUnderlineStyle)
            fmt.clearProperty(QTextFormat.Property.TextUnderlineColor)
            fmt.clearProperty(QTextFormat.Property.FontUnderline)
    return fmt
