"""An article's QTextDocument, built block by block so its plain text is the canonical text."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument, QTextList

from reader.domain.models import Article, Block, BlockKind, MarkKind
from reader.ui.reading.typography import Typography

_LINE_SEPARATOR = "\u2028"  # a line break inside a block; toPlainText() gives it back as "\n"


_NO_MARKS: frozenset = frozenset()


def _runs(text: str, block: Block) -> list[tuple[str, frozenset, str | None]]:
    """The block's text cut at every mark boundary: (text, mark kinds, link href) per run."""
    if not block.marks:
        return [(text[block.start:block.end], _NO_MARKS, None)]
    low, high = block.start, block.end
    cuts = {low, high}
    for mark in block.marks:
        cuts.add(mark.start)
        cuts.add(mark.end)
    points = sorted(cut for cut in cuts if low <= cut <= high)
    runs = []
    for start, end in zip(points, points[1:]):
        kinds = []
        href = None
        for mark in block.marks:
            if mark.start <= start and end <= mark.end:
                kinds.append(mark.kind)
                if mark.kind is MarkKind.LINK:
                    href = mark.href
        runs.append((text[start:end], frozenset(kinds) if kinds else _NO_MARKS, href))
    return runs


def build_document(document: QTextDocument, article: Article, typography: Typography) -> None:
    """Fill `document` (emptied first) with the article's blocks in `typography`'s formats.

    Text goes in with QTextCursor.insertText per run of equal marks, never through HTML, so
    `document.toPlainText() == article.text` (line breaks inside a block become U+2028,
    which toPlainText() turns back into "\\n"). The document's undo is switched off: the
    reading pane never edits text, and the highlight formats must not pile up undo steps.
    """
    document.setUndoRedoEnabled(False)
    document.clear()
    document.setDefaultFont(typography.body_font())
    text = article.text
    blocks = article.blocks if _tiles(text, article.blocks) else _line_blocks(text)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    lists: dict[int, tuple[QTextList, bool]] = {}  # open lists by depth, so numbering survives nesting
    for index, block in enumerate(blocks):
        kind = block.kind
        block_format = typography.block_format(kind, block.level)
        base_format = typography.char_format(kind, block.level, _NO_MARKS, None)
        if index == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(base_format)
        else:
            cursor.insertBlock(block_format, base_format)
        if kind is BlockKind.LIST_ITEM:
            depth = max(block.level, 1)
            for deeper in [level for level in lists if level > depth]:
                del lists[deeper]
            open_list = lists.get(depth)
            if open_list is not None and open_list[1] == block.ordered:
                open_list[0].add(cursor.block())
            else:
                lists[depth] = (cursor.createList(typography.list_format(depth, block.ordered)), block.ordered)
        else:
            lists.clear()
        for run, marks, href in _runs(text, block):
            if "\n" in run:
                run = run.replace("\n", _LINE_SEPARATOR)
            cursor.insertText(run, typography.char_format(kind, block.level, marks, href))
    cursor.endEditBlock()
    document.setModified(False)


def _tiles(text: str, blocks: tuple[Block, ...]) -> bool:
    """Whether the blocks cover `text` exactly, one "\n" between neighbours, as DESIGN.md says."""
    if not blocks:
        return not text
    if blocks[0].start != 0 or blocks[-1].end != len(text):
        return False
    for before, after in zip(blocks, blocks[1:]):
        if after.start != before.end + 1 or text[before.end] != "\n":
            return False
    return all(block.start <= block.end for block in blocks)


def _line_blocks(text: str) -> tuple[Block, ...]:
    """Plain paragraphs, one per line, for blocks that do not fit their text (never lose text)."""
    blocks, start = [], 0
    for line in text.split("\n"):
        blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(line)))
        start += len(line) + 1
    return tuple(blocks)
