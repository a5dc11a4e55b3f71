"""Highlights baked into the document as character formats, one merge per disjoint segment."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import (
    QColor,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.domain.models import AnchorState, Highlight
from reader.ui.offsets import OffsetMap
from reader.ui.reading.segments import (
    Segment,
    Span,
    cluster_range,
    flatten,
    segments_at,
)
from reader.ui.reading.typography import (
    BASE_BACKGROUND,
    BASE_UNDERLINE,
    HIGHLIGHT_LINE,
    HIGHLIGHTED,
    Typography,
)


def paintable(highlight: Highlight, length: int) -> bool:
    """Whether a highlight has a place on the text: anchored, non-empty and inside it."""
    return (highlight.anchor_state is not AnchorState.ORPHAN
            and 0 <= highlight.start < highlight.end <= length)


class HighlightPainter:
    """Keeps the highlights of one document and their look in its character formats.

    Painting flattens overlaps into disjoint segments and merges one format per segment, in
    one edit block (the document's undo is off). Adding, removing or recolouring a single
    highlight repaints only its overlap cluster. Offsets are code points, turned into Qt
    positions by the document's OffsetMap here and nowhere else in painting.
    """

    def __init__(self, document: QTextDocument, offsets: OffsetMap, typography: Typography) -> None:
        self._document = document
        self._offsets = offsets
        self._typography = typography
        self._highlights: dict[int, Highlight] = {}
        self._segments: list[Segment] = []
        self._starts: list[int] = []

    # --- queries -------------------------------------------------------------------------
    @property
    def highlights(self) -> dict[int, Highlight]:
        """The painted highlights by id (orphans and out-of-range ones are left out)."""
        return self._highlights

    @property
    def segments(self) -> list[Segment]:
        return self._segments

    def at(self, offset: int) -> list[Highlight]:
        """The highlights covering code-point `offset`, topmost first."""
        segment = segments_at(self._segments, self._starts, offset)
        if segment is None:
            return []
        return [self._highlights[span.id] for span in segment.spans]

    # --- changes -------------------------------------------------------------------------
    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Replace every highlight: clear what is painted, then paint the new set at once."""
        old = list(self._spans())
        self._highlights = {h.id: h for h in highlights if paintable(h, self._offsets.length)}
        if old:
            self._clear(min(s.start for s in old), max(s.end for s in old))
        self._refresh_segments()
        self._apply(self._segments)

    def upsert(self, highlight: Highlight) -> None:
        """Add a highlight or change one (span, colour, note): repaint only its cluster."""
        previous = self._highlights.pop(highlight.id, None)
        if paintable(highlight, self._offsets.length):
            self._highlights[highlight.id] = highlight
        touched = [h for h in (previous, highlight) if h is not None and paintable(h, self._offsets.length)]
        if touched:
            self._repaint(touched)
        else:
            self._refresh_segments()

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
        spans = list(self._spans())
        lo = min(h.start for h in changed)
        hi = max(h.end for h in changed)
        lo, hi = cluster_range(spans, lo, hi)
        self._clear(lo, hi)
        self._refresh_segments()
        self._apply([segment for segment in self._segments if lo <= segment.start and segment.end <= hi])

    def _apply(self, segments: Sequence[Segment]) -> None:
        if not segments:
            return
        to_qt = self._offsets.to_qt
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        for segment in segments:
            fmt = self._typography.highlight_format(tuple(span.color for span in segment.spans))
            cursor.setPosition(to_qt(segment.start))
            cursor.setPosition(to_qt(segment.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _clear(self, start: int, end: int) -> None:
        """Give back their own formats to the painted fragments in `[start, end)` code points.

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
        if not changes:
            return
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        for a, b, fmt in changes:
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        cursor.endEditBlock()


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
