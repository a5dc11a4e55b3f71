"""The document built from an article's blocks: its plain text is the canonical text, exactly."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextDocument, QTextListFormat
from reading_data import article_from_paragraphs, make_article

from reader.domain.models import Article, Block, BlockKind, Mark, MarkKind
from reader.domain.text import clean_characters
from reader.ui.reading.document import build_document
from reader.ui.reading.typography import BLOCK_KIND, Typography

# Letters and marks of many scripts, astral emoji and math letters, combining accents,
# right-to-left letters, ZWJ sequences, tabs and spaces: whatever canonical text can hold.
_PIECES = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp")), min_size=1,
            max_size=12),
    st.sampled_from(["😀", "👨‍👩‍👧", "👍🏽", "𝔘𝔫𝔦", "e\u0301", "a\u0308\u0323", "שלום", "مرحبا", "\u200f", "\t",
                     " ", "  ", "\u00a0x", "中文", "𠀀"]),
)


@st.composite
def articles(draw) -> Article:
    """Random blocks of random kinds with random marks, as DESIGN.md's canonical text allows."""
    count = draw(st.integers(1, 8))
    parts: list[str] = []
    blocks: list[Block] = []
    position = 0
    for index in range(count):
        kind = draw(st.sampled_from(list(BlockKind)))
        pieces = draw(st.lists(_PIECES, min_size=1, max_size=6))
        if kind in (BlockKind.PREFORMATTED, BlockKind.PARAGRAPH) and draw(st.booleans()):
            pieces.insert(draw(st.integers(1, len(pieces))), "\n")  # a line break inside the block
        body = clean_characters("".join(pieces)).strip("\n") or "x"
        if index:
            position += 1
        marks = []
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, len(body)))
            end = draw(st.integers(start, len(body)))
            mark_kind = draw(st.sampled_from(list(MarkKind)))
            href = draw(st.sampled_from(["https://example.org/x", "mailto:a@b.c", "/relative"])) \
                if mark_kind is MarkKind.LINK else None
            if end > start:
                marks.append(Mark(mark_kind, position + start, position + end, href))
        level = draw(st.integers(1, 3)) if kind in (BlockKind.HEADING, BlockKind.LIST_ITEM) else 0
        blocks.append(Block(kind, position, position + len(body), level, tuple(marks), draw(st.booleans())))
        parts.append(body)
        position += len(body)
    return Article(1, "T", "", "", "", None, datetime(2024, 1, 1), "text", text="\n".join(parts), blocks=tuple(blocks))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles())
def test_plain_text_is_the_canonical_text(qapp, article):
    document = QTextDocument()
    build_document(document, article, Typography())
    assert document.toPlainText() == article.text


def test_plain_text_of_an_imported_looking_article(qapp):
    article = article_from_paragraphs(["First   paragraph with  spaces.", "Second: 😀 and é\u0301 and שלום עולם."])
    document = QTextDocument()
    build_document(document, article, Typography())
    assert document.toPlainText() == article.text
    assert document.blockCount() == 2


def _block(document: QTextDocument, text: str):
    block = document.begin()
    while block.isValid():
        if block.text().startswith(text):
            return block
        block = block.next()
    raise AssertionError(text)


def test_blocks_get_their_formats(qapp):
    article = make_article([
        (BlockKind.HEADING, "A heading"),
        (BlockKind.PARAGRAPH, "Body text with emphasis, strong words, code and a link."),
        (BlockKind.QUOTE, "A quoted line."),
        (BlockKind.LIST_ITEM, "first item"),
        (BlockKind.LIST_ITEM, "second item"),
        (BlockKind.PREFORMATTED, "def f():\n    return 1"),
    ], marks={1: [Mark(MarkKind.EMPHASIS, 15, 23), Mark(MarkKind.STRONG, 25, 37), Mark(MarkKind.CODE, 39, 43),
                  Mark(MarkKind.LINK, 50, 54, "https://example.org/")]})
    typography = Typography()
    document = QTextDocument()
    build_document(document, article, typography)
    assert document.toPlainText() == article.text
    heading = _block(document, "A heading")
    assert heading.blockFormat().headingLevel() == 2
    assert heading.charFormat().fontWeight() >= QFont.Weight.DemiBold
    assert _block(document, "A quoted").blockFormat().stringProperty(BLOCK_KIND) == "quote"
    assert _block(document, "A quoted").blockFormat().leftMargin() > 0
    first, second = _block(document, "first item"), _block(document, "second item")
    assert first.textList() is not None and first.textList() == second.textList()
    assert first.textList().format().style() == QTextListFormat.Style.ListDisc
    code_block = _block(document, "def f")
    assert code_block.text() == "def f():\u2028    return 1"  # one block, the line break kept inside

    body = _block(document, "Body")

    def format_at(offset):
        for iterator in body:
            fragment = iterator.fragment()
            if fragment.position() <= body.position() + offset < fragment.position() + fragment.length():
                return fragment.charFormat()
        raise AssertionError(offset)

    assert format_at(16).fontItalic()
    assert format_at(26).fontWeight() == QFont.Weight.Bold
    assert "DejaVu Sans Mono" in format_at(40).fontFamilies() or "monospace" in format_at(40).fontFamilies()
    assert format_at(51).isAnchor() and format_at(51).anchorHref() == "https://example.org/"
    assert not format_at(5).isAnchor() and not format_at(5).fontItalic()


def test_ordered_list_keeps_its_numbering_across_a_nested_list(qapp):
    text = "one\nnested\ntwo"
    blocks = (Block(BlockKind.LIST_ITEM, 0, 3, 1, (), True), Block(BlockKind.LIST_ITEM, 4, 10, 2, (), False),
              Block(BlockKind.LIST_ITEM, 11, 14, 1, (), True))
    article = Article(1, "T", "", "", "", None, datetime(2024, 1, 1), "text", text=text, blocks=blocks)
    document = QTextDocument()
    build_document(document, article, Typography())
    one, inner, two = _block(document, "one"), _block(document, "nested"), _block(document, "two")
    assert one.textList() == two.textList() != inner.textList()
    assert two.textList().itemNumber(two) == 1
    assert inner.textList().format().indent() == 2


def test_blocks_that_do_not_fit_the_text_fall_back_to_lines_without_losing_text(qapp):
    broken = Article(1, "T", "", "", "", None, datetime(2024, 1, 1), "text", text="one\ntwo\n\nthree",
                     blocks=(Block(BlockKind.PARAGRAPH, 0, 3), Block(BlockKind.PARAGRAPH, 5, 7)))
    document = QTextDocument()
    build_document(document, broken, Typography())
    assert document.toPlainText() == broken.text
    empty = Article(2, "T", "", "", "", None, datetime(2024, 1, 1), "text")
    build_document(document, empty, Typography())
    assert document.toPlainText() == ""


def test_the_document_has_no_undo(qapp):
    document = QTextDocument()
    build_document(document, make_article(text="Some words."), Typography())
    assert not document.isUndoRedoEnabled()
