"""Word-wrapping text into at most N lines with an ellipsis, for painted list rows."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtCore import Qt


def wrap_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """The lines `text` wraps into at `width`, the last one elided if more would follow."""
    text = " ".join(text.split())
    if not text or width <= 0 or max_lines <= 0:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1 and start + length < len(text):
            rest = text[start:]
            lines.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start:start + length].rstrip())
    layout.endLayout()
    return lines
