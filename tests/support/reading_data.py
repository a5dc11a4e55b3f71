"""Articles and highlights for the reading pane's tests (imported by the test modules)."""

from __future__ import annotations

from datetime import datetime

from reader.domain.models import AnchorState, Article, Block, BlockKind, Highlight, Mark
from reader.domain.text import TextBuilder

NOW = datetime(2024, 5, 1, 12, 0)


def make_article(blocks: list[tuple[BlockKind, str]] | None = None, *, text: str | None = None,
                 article_id: int = 1, marks: dict[int, list[Mark]] | None = None, **fields) -> Article:
    """An article from (kind, text) blocks joined by newlines, or from one paragraph `text`.

    `marks` maps a block index to marks given relative to that block's start.
    """
    if blocks is None:
        blocks = [(BlockKind.PARAGRAPH, text or "")]
    parts, built, position = [], [], 0
    for index, (kind, body) in enumerate(blocks):
        if index:
            position += 1
        block_marks = tuple(Mark(m.kind, position + m.start, position + m.end, m.href)
                            for m in (marks or {}).get(index, []))
        level = 2 if kind is BlockKind.HEADING else 1 if kind is BlockKind.LIST_ITEM else 0
        built.append(Block(kind, position, position + len(body), level, block_marks))
        parts.append(body)
        position += len(body)
    defaults = dict(title="A test article", author="Ann Author", site="example.org", url="https://example.org/a",
                    published="2024-04-30", added=NOW, kind="text")
    defaults.update(fields)
    return Article(article_id, text="\n".join(parts), blocks=tuple(built), **defaults)


def article_from_paragraphs(paragraphs: list[str], **fields) -> Article:
    """An article built by the domain's own TextBuilder, as importers build them."""
    builder = TextBuilder()
    for paragraph in paragraphs:
        builder.begin_block(BlockKind.PARAGRAPH)
        builder.text(paragraph)
    text, blocks = builder.build()
    defaults = dict(title="Built", author="", site="", url="", published=None, added=NOW, kind="text")
    defaults.update(fields)
    return Article(1, text=text, blocks=blocks, **defaults)


def make_highlight(article: Article, start: int, end: int, color: str = "yellow", *, highlight_id: int = 1,
                   note: str = "", tags: tuple[str, ...] = (), state: AnchorState = AnchorState.EXACT) -> Highlight:
    return Highlight(highlight_id, article.id, start, end, article.text[start:end], "", "", color, note, tags,
                     state, None, NOW, NOW)


def highlight_quote(article: Article, quote: str, color: str = "yellow", **kwargs) -> Highlight:
    start = article.text.index(quote)
    return make_highlight(article, start, start + len(quote), color, **kwargs)


def point_at(view, offset: int, *, between: bool = False):
    """The viewport point in the middle of the character at code point `offset` of the view's
    article (or, with `between`, on the gap before it), for mouse input."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    from reader.ui.offsets import OffsetMap

    offsets = OffsetMap(view.article_text())
    cursor = QTextCursor(view.document())
    cursor.setPosition(offsets.to_qt(offset))
    left = view.cursorRect(cursor)
    if between:
        return QPoint(left.x(), left.center().y())
    cursor.setPosition(offsets.to_qt(offset + 1))
    right = view.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def drag(qtbot, view, start_offset: int, end_offset: int) -> None:
    """Select with the mouse from the middle of one character to the middle of another."""
    from PySide6.QtCore import Qt

    start, end = point_at(view, start_offset), point_at(view, end_offset)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)


def fragment_formats(document) -> list:
    """(position, length, character format) of every fragment of the document, in order."""
    result = []
    block = document.begin()
    while block.isValid():
        for iterator in block:
            fragment = iterator.fragment()
            result.append((fragment.position(), fragment.length(), fragment.charFormat()))
        block = block.next()
    return result


def format_at(document, offset: int):
    """The character format of the character at code point `offset` of the document's text."""
    from reader.ui.offsets import OffsetMap

    position = OffsetMap(document.toPlainText()).to_qt(offset)
    for start, length, fmt in fragment_formats(document):
        if start <= position < start + length:
            return fmt
    raise AssertionError(f"no character at {offset}")


def fill_at(document, offset: int) -> str | None:
    """The background colour painted at code point `offset`, or None."""
    fmt = format_at(document, offset)
    return fmt.background().color().name() if fmt.hasProperty(fmt.Property.BackgroundBrush) else None


def click_at(qtbot, view, offset: int) -> None:
    """A plain left click in the middle of the character at code point `offset`."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, offset))
