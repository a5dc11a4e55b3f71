"""Code points <-> Qt's UTF-16 positions: the one place the two ways of counting meet."""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts between code-point offsets of one canonical text and Qt (UTF-16) positions.

    Every offset the app stores counts code points; Qt counts UTF-16 units, so each character
    outside the Basic Multilingual Plane (emoji, math letters, rare CJK) takes two Qt
    positions. A text with none of them gets the identity, without a table.
    """

    __slots__ = ("_astral", "_astral_qt", "length", "qt_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # isascii() and the regex scan run in C: a 300,000-character article takes well under a ms
        if text.isascii():
            self._astral: list[int] = []
        else:
            self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        # the Qt position of each astral character: every earlier astral one adds a unit
        self._astral_qt = [index + rank for rank, index in enumerate(self._astral)]
        self.qt_length = self.length + len(self._astral)

    @property
    def is_identity(self) -> bool:
        """Whether code points and Qt positions coincide (no character outside the BMP)."""
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point `offset` (clamped to the text)."""
        offset = max(0, min(offset, self.length))
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of Qt `position`; a position inside a surrogate pair snaps back."""
        position = max(0, min(position, self.qt_length))
        if not self._astral:
            return position
        return position - bisect.bisect_left(self._astral_qt, position)
