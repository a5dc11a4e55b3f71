"""Where lines are in the laid-out document (the line at a height, the height of a position),
and what is drawn beside blocks: quote rules, code panels."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock, QTextDocument, QTextFrameFormat
from PySide6.QtWidgets import QWidget

from reader.domain.models import BlockKind
from reader.ui.reading.typography import BLOCK_KIND

_QUOTE = str(BlockKind.QUOTE)
_PREFORMATTED = str(BlockKind.PREFORMATTED)


def set_page_margins(document: QTextDocument, side: float, top: float, bottom: float) -> None:
    """Centre the text column with side margins and keep `top` pixels free for the title block.

    The margins belong to the root frame, so they take no position in the text and
    toPlainText() is unchanged.
    """
    root = document.rootFrame()
    fmt: QTextFrameFormat = root.frameFormat()
    if (fmt.leftMargin(), fmt.rightMargin(), fmt.topMargin(), fmt.bottomMargin()) == (side, side, top, bottom):
        return
    fmt.setLeftMargin(side)
    fmt.setRightMargin(side)
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    root.setFrameFormat(fmt)


def line_start_at(document: QTextDocument, x: float, y: float) -> int:
    """The Qt position where the line at height `y` (document coordinates) starts.

    A height in the gap between two blocks gives the line the hit test finds nearest.
    """
    layout = document.documentLayout()
    position = layout.hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
    if position < 0:
        return 0
    block = document.findBlock(position)
    text_layout = block.layout()
    if text_layout is None or text_layout.lineCount() == 0:
        return block.position()
    # Qt finds the line itself: a Python loop over the lines of a 12,000-line paragraph cost
    # milliseconds on every paint.
    line = text_layout.lineForTextPosition(position - block.position())
    if not line.isValid():
        line = text_layout.lineAt(text_layout.lineCount() - 1)
    return block.position() + line.textStart()


def line_top(document: QTextDocument, position: int) -> float:
    """The height (document coordinates) of the top of the line holding Qt `position`."""
    block: QTextBlock = document.findBlock(position)
    if not block.isValid():
        block = document.lastBlock()
    # blockBoundingRect lays the document out up to this block if it has not been yet
    top = document.documentLayout().blockBoundingRect(block).top()
    text_layout = block.layout()
    if text_layout is None or text_layout.lineCount() == 0:
        return top
    line = text_layout.lineForTextPosition(max(0, position - block.position()))
    return top + (line.y() if line.isValid() else 0.0)


def line_bottom(document: QTextDocument, position: int) -> float:
    """The height of the bottom of the line holding Qt `position`."""
    block = document.findBlock(position)
    if not block.isValid():
        block = document.lastBlock()
    rect = document.documentLayout().blockBoundingRect(block)
    text_layout = block.layout()
    if text_layout is None or text_layout.lineCount() == 0:
        return rect.bottom()
    line = text_layout.lineForTextPosition(max(0, position - block.position()))
    return rect.top() + (line.y() + line.height() if line.isValid() else rect.height())


def paint_block_decorations(viewport: QWidget, document: QTextDocument, scroll: int, rule: QColor,
                            code_fill: QColor, code_padding: float) -> None:
    """Draw what block formats cannot: a rule left of quotes and a padded, rounded panel under
    preformatted blocks, for the blocks on screen. Called before the text is drawn.

    Neighbouring quote blocks get one unbroken rule, as one quotation would; neighbouring
    preformatted blocks one panel.
    """
    layout = document.documentLayout()
    frame = document.rootFrame().frameFormat()
    side = frame.leftMargin()
    width = viewport.width() - frame.leftMargin() - frame.rightMargin()
    bottom_of_view = scroll + viewport.height()
    block = document.findBlock(line_start_at(document, side + 1, scroll))
    previous = block.previous()
    painter = QPainter(viewport)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() > bottom_of_view:
            break
        after = block.next()
        kind = block.blockFormat().stringProperty(BLOCK_KIND)
        same_before = previous.isValid() and previous.blockFormat().stringProperty(BLOCK_KIND) == kind
        same_after = after.isValid() and after.blockFormat().stringProperty(BLOCK_KIND) == kind
        # run on into the gap before a block of the same kind, stop at the text's end otherwise
        end = layout.blockBoundingRect(after).top() if same_after else rect.bottom()
        if kind == _QUOTE:
            painter.setPen(QPen(rule, 3))
            painter.drawLine(QPointF(side + 1.5, rect.top() - scroll), QPointF(side + 1.5, end - scroll))
        elif kind == _PREFORMATTED:
            top = rect.top() - (0 if same_before else code_padding)
            bottom = end + (0 if same_after else code_padding)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(code_fill)
            painter.drawRoundedRect(QRectF(side, top - scroll, width, bottom - top), 6, 6)
        previous, block = block, after
    painter.end()
