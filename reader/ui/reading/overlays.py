"""Transient marks drawn over the text (find matches, a flashed highlight) as ExtraSelections."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.ui.offsets import OffsetMap
from reader.ui.theme import Theme


class Overlays:
    """The find matches and the flash, turned into a few ExtraSelections for what is on screen.

    ExtraSelections cost time on every paint in proportion to their number (research §4.3),
    so only the matches inside the visible range (plus the current one) are handed to Qt;
    the view asks again when it scrolls. Nothing here touches the document's formats.
    """

    def __init__(self) -> None:
        self.matches: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self.current = -1
        self.flash: tuple[int, int, str] | None = None  # start, end, colour key
        self._match_format = QTextCharFormat()
        self._current_format = QTextCharFormat()
        self._flash_formats: dict[str, QTextCharFormat] = {}

    def set_theme(self, theme: Theme) -> None:
        accent = QColor(theme.accent)
        other = QColor(accent)
        other.setAlpha(70 if theme.is_dark else 55)
        self._match_format = QTextCharFormat()
        self._match_format.setBackground(other)
        self._current_format = QTextCharFormat()
        self._current_format.setBackground(accent)
        self._current_format.setForeground(QColor(theme.background))
        self._flash_formats = {}
        for key, line in theme.underline.items():
            fmt = QTextCharFormat()
            color = QColor(line)
            color.setAlpha(150)
            fmt.setBackground(color)
            self._flash_formats[key] = fmt

    def set_matches(self, matches: Sequence[tuple[int, int]], current: int) -> None:
        self.matches = list(matches)
        self._starts = [start for start, _ in self.matches]
        self.current = current if 0 <= current < len(self.matches) else -1

    def selections(self, document: QTextDocument, offsets: OffsetMap,
                   visible: tuple[int, int]) -> list[QTextEdit.ExtraSelection]:
        """The ExtraSelections for the code-point range `visible` (start, end) of the text."""
        result = []
        first = max(0, bisect.bisect_left(self._starts, visible[0]) - 1)
        last = bisect.bisect_right(self._starts, visible[1])
        for index in range(first, last):
            if index != self.current:
                result.append(self._selection(document, offsets, *self.matches[index], self._match_format))
        if self.current >= 0:
            result.append(self._selection(document, offsets, *self.matches[self.current], self._current_format))
        if self.flash is not None:
            start, end, color = self.flash
            fmt = self._flash_formats.get(color) or next(iter(self._flash_formats.values()), QTextCharFormat())
            result.append(self._selection(document, offsets, start, end, fmt))
        return result

    @staticmethod
    def _selection(document: QTextDocument, offsets: OffsetMap, start: int, end: int,
                   fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection
