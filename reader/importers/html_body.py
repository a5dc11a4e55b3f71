"""trafilatura's XML body of an article to canonical text, blocks and inline marks."""

from __future__ import annotations

from lxml import etree

from reader.domain.models import BlockKind, MarkKind
from reader.domain.text import TextBuilder

_HI_MARKS = {"#b": MarkKind.STRONG, "#i": MarkKind.EMPHASIS, "#u": MarkKind.EMPHASIS, "#t": MarkKind.CODE}
_BLOCK_TAGS = {"p", "head", "quote", "list", "item", "table", "row", "cell", "div", "code", "pre"}


def body_to_text(body: etree._Element) -> tuple[str, tuple]:
    """Canonical text and blocks from trafilatura's XML body (p, head, list/item, quote, hi, ref)."""
    builder = TextBuilder()
    _blocks(builder, body, quote=False, depth=0)
    return builder.build()


def _blocks(builder: TextBuilder, parent: etree._Element, quote: bool, depth: int) -> None:
    loose = _text_of(parent.text)
    if loose:
        builder.begin_block(BlockKind.QUOTE if quote else BlockKind.PARAGRAPH)
        builder.text(loose)
    for child in parent:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            level = _heading_level(child.get("rend", ""))
            builder.begin_block(BlockKind.HEADING, level=level)
            _inline(builder, child)
            builder.end_block()
        elif tag == "quote":
            if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in child):
                _blocks(builder, child, quote=True, depth=depth)
            else:
                builder.begin_block(BlockKind.QUOTE)
                _inline(builder, child)
                builder.end_block()
        elif tag == "list":
            _list(builder, child, depth=depth + 1, quote=quote)
        elif tag in ("code", "pre"):
            builder.begin_block(BlockKind.PREFORMATTED)
            builder.text("".join(child.itertext()))
            builder.end_block()
        elif tag == "table":
            for row in child.iter("row"):
                builder.begin_block(BlockKind.PARAGRAPH)
                builder.text(" | ".join(" ".join("".join(c.itertext()).split()) for c in row if c.tag == "cell"))
                builder.end_block()
        elif tag in ("div", "section", "body"):
            _blocks(builder, child, quote=quote, depth=depth)
        elif tag in ("lb", "graphic"):
            pass
        else:
            builder.begin_block(BlockKind.QUOTE if quote else BlockKind.PARAGRAPH)
            _inline(builder, child)
            builder.end_block()
        tail = _text_of(child.tail)
        if tail:
            builder.begin_block(BlockKind.QUOTE if quote else BlockKind.PARAGRAPH)
            builder.text(tail)


def _list(builder: TextBuilder, element: etree._Element, depth: int, quote: bool) -> None:
    ordered = element.get("rend", "") == "ol"
    for item in element:
        if item.tag != "item":
            continue
        builder.begin_block(BlockKind.LIST_ITEM, level=depth, ordered=ordered)
        _inline(builder, item, skip_lists=True)
        builder.end_block()
        for nested in item:
            if nested.tag == "list":
                _list(builder, nested, depth=depth + 1, quote=quote)


def _inline(builder: TextBuilder, element: etree._Element, skip_lists: bool = False) -> None:
    if element.text:
        builder.text(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list" and skip_lists:
            pass  # nested lists become their own blocks
        elif tag == "lb":
            builder.line_break()
        else:
            mark = _mark_for(child)
            if mark is not None:
                builder.open_mark(*mark)
            _inline(builder, child, skip_lists)
            if mark is not None:
                builder.close_mark()
        if child.tail:
            builder.text(child.tail)


def _mark_for(element: etree._Element) -> tuple[MarkKind, str | None] | None:
    if element.tag == "hi":
        kind = _HI_MARKS.get(element.get("rend", ""))
        return (kind, None) if kind else None
    if element.tag == "ref":
        href = element.get("target", "")
        return (MarkKind.LINK, href) if href.startswith(("http://", "https://", "mailto:")) else None
    if element.tag == "code":
        return MarkKind.CODE, None
    return None


def _heading_level(rend: str) -> int:
    if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit():
        return max(1, min(6, int(rend[1])))
    return 2


def _text_of(text: str | None) -> str:
    return text if text and text.strip() else ""
