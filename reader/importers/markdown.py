"""Markdown to canonical text, blocks and marks (markdown-it-py), with YAML front matter."""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt

from reader.domain.dates import normalize_iso
from reader.domain.models import BlockKind, ExtractedArticle, MarkKind
from reader.domain.text import TextBuilder
from reader.importers.blocks import keep_blocks

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(\n|\Z)", re.S)
_INLINE_MARKS = {"em": MarkKind.EMPHASIS, "strong": MarkKind.STRONG, "s": MarkKind.EMPHASIS}
_parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (as a dict, empty if absent or unreadable) and the rest of the text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text[match.end():]


def extract_markdown(text: str) -> ExtractedArticle:
    """An article from Markdown: front matter or the first `#` heading gives the title."""
    meta, body = split_front_matter(text.replace("\r\n", "\n"))
    builder = TextBuilder()
    _render(builder, _parser.parse(body))
    canonical, blocks = builder.build()
    title = str(meta.get("title") or "").strip()
    heading = canonical[blocks[0].start:blocks[0].end] if blocks and blocks[0].kind is BlockKind.HEADING else None
    # the leading `# Title` is the article's title, shown above the body, not a body block; so is
    # a first heading that repeats the front matter's title (as Reader's own export writes it)
    if heading is not None and (not title or _same_words(heading, title)):
        title = title or heading
        canonical, blocks = keep_blocks(canonical, blocks, [False] + [True] * (len(blocks) - 1))
    if not title:
        title = canonical.split("\n", 1)[0][:120]
    author = meta.get("author") or meta.get("authors") or ""
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    return ExtractedArticle(
        canonical,
        blocks,
        title=title,
        author=str(author).strip(),
        site=str(meta.get("site") or meta.get("site_name") or "").strip(),
        url=str(meta.get("url") or meta.get("source") or "").strip(),
        published=normalize_iso(meta.get("published") or meta.get("date")),
        language=str(meta.get("lang") or meta.get("language") or "").strip(),
        kind="markdown",
    )


def _same_words(one: str, other: str) -> bool:
    """Whether two titles read the same, case, spacing and punctuation aside."""
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())
    return words(one) == words(other)


def _render(builder: TextBuilder, tokens) -> int | None:
    """Feed block tokens to the builder; returns the level of the first heading, if any."""
    quote_depth = 0
    list_stack: list[bool] = []  # True for ordered lists
    first_heading = None
    pending_kind = None
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_stack.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "list_item_open":
            builder.begin_block(BlockKind.LIST_ITEM, level=len(list_stack), ordered=list_stack[-1])
            pending_kind = BlockKind.LIST_ITEM
        elif kind == "heading_open":
            level = int(token.tag[1])
            first_heading = level if first_heading is None else first_heading
            builder.begin_block(BlockKind.HEADING, level=level)
            pending_kind = BlockKind.HEADING
        elif kind == "paragraph_open":
            if pending_kind is BlockKind.LIST_ITEM and not token.hidden:
                pending_kind = None
            elif pending_kind is None:
                builder.begin_block(BlockKind.QUOTE if quote_depth else BlockKind.PARAGRAPH)
        elif kind in ("paragraph_close", "heading_close", "list_item_close"):
            if kind != "paragraph_close" or pending_kind is None:
                builder.end_block()
            pending_kind = None if kind != "paragraph_close" else pending_kind
        elif kind in ("fence", "code_block"):
            builder.begin_block(BlockKind.PREFORMATTED)
            builder.text(token.content)
            builder.end_block()
        elif kind == "html_block":
            builder.begin_block(BlockKind.PARAGRAPH)
            builder.text(re.sub(r"<[^>]+>", " ", token.content))
            builder.end_block()
        elif kind == "tr_open":
            builder.begin_block(BlockKind.PARAGRAPH)
            cells = 0
        elif kind in ("th_open", "td_open"):
            if cells:
                builder.text(" | ")
            cells += 1
        elif kind == "tr_close":
            builder.end_block()
        elif kind == "inline":
            _inline(builder, token.children or [])
    return first_heading


def _inline(builder: TextBuilder, children) -> None:
    for token in children:
        kind = token.type
        if kind == "text":
            builder.text(token.content)
        elif kind == "softbreak":
            builder.text(" ")
        elif kind == "hardbreak":
            builder.line_break()
        elif kind == "code_inline":
            builder.open_mark(MarkKind.CODE)
            builder.text(token.content)
            builder.close_mark()
        elif kind.endswith("_open") and kind[:-5] in _INLINE_MARKS:
            builder.open_mark(_INLINE_MARKS[kind[:-5]])
        elif kind == "link_open":
            builder.open_mark(MarkKind.LINK, str(token.attrs.get("href", "")))
        elif kind.endswith("_close") and (kind[:-6] in _INLINE_MARKS or kind == "link_close"):
            builder.close_mark()
        elif kind == "image":
            builder.text(token.content or "")
        elif kind == "html_inline":
            pass
