"""Hit testing in the laid-out document, highlight tooltips, and the chooser for overlaps."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap, QTextDocument, QTextLine
from PySide6.QtWidgets import QMenu, QWidget

from reader.domain.models import Highlight

NOTE_PREVIEW = 400  # characters of a note shown in a tooltip or menu


def qt_position_at(document: QTextDocument, point: QPointF) -> int | None:
    """The Qt position of the character drawn under `point` (document coordinates), if any.

    Unlike a cursor hit test this names the character itself, not the gap nearest the
    point, and gives None in margins and past the end of a line, so a highlight is "under the
    mouse" only when its text is. Right-to-left lines work because QTextLine does the mapping.
    """
    layout = document.documentLayout()
    position = layout.hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
    if position < 0:
        return None
    block = document.findBlock(position)
    if not block.isValid() or block.layout() is None:
        return None
    rect = layout.blockBoundingRect(block)
    local = point - rect.topLeft()
    text_layout = block.layout()
    for index in range(text_layout.lineCount()):
        line = text_layout.lineAt(index)
        if line.y() <= local.y() < line.y() + line.height():
            natural = line.naturalTextRect()
            if not natural.left() <= local.x() < natural.right():
                return None
            relative = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
            if relative >= line.textStart() + line.textLength():
                return None
            return block.position() + relative
    return None


def swatch_icon(color: QColor, size: int = 14) -> QIcon:
    """A round swatch of a highlight colour, for menus and the colour bar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(color.darker(130))
    painter.setBrush(color)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def short_quote(highlight: Highlight, length: int = 48) -> str:
    """The start of a highlight's quote on one line, for menus."""
    quote = " ".join(highlight.quote.split())
    return quote if len(quote) <= length else quote[: length - 1].rstrip() + "…"


def tooltip_html(highlights: Sequence[Highlight], dots: dict[str, str]) -> str:
    """The tooltip for the highlights under the mouse: each one's note and tags, or "".

    `dots` maps colour keys to the colour of the small dot that tells overlapping
    highlights apart. A highlight with neither note nor tags shows its quote only when it
    overlaps one that has something to say.
    """
    if not any(h.note.strip() or h.tags for h in highlights):
        return ""
    parts = []
    for highlight in highlights:
        note = highlight.note.strip()
        if len(note) > NOTE_PREVIEW:
            note = note[:NOTE_PREVIEW].rstrip() + "…"
        dot = f"<span style='color:{dots.get(highlight.color, '#888888')}'>&#9679;</span>&nbsp;"
        body = html.escape(note).replace("\n", "<br>") if note else f"<i>{html.escape(short_quote(highlight))}</i>"
        part = dot + body
        if highlight.tags:
            tags = " ".join(f"#{tag}" for tag in highlight.tags)
            part += f"<br><span style='color:#888888'>{html.escape(tags)}</span>"
        parts.append(part)
    return "<p>" + "<br><br>".join(parts) + "</p>"


class HighlightChooser:
    """Asks which of several overlapping highlights a click meant."""

    @classmethod
    def ask(cls, parent: QWidget, highlights: Sequence[Highlight], global_pos: QPoint,
            fills: dict[str, str]) -> int | None:
        """A small menu of the highlights (colour and quote); the chosen id, or None."""
        menu = QMenu(parent)
        menu.setObjectName("highlight_chooser")
        for highlight in highlights:
            action = QAction(swatch_icon(QColor(fills.get(highlight.color, "#cccccc"))),
                             short_quote(highlight), menu)
            action.setData(highlight.id)
            menu.addAction(action)
        chosen = menu.exec(global_pos)
        menu.deleteLater()
        return None if chosen is None else int(chosen.data())
