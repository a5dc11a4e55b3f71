"""Canonical text: the builder's invariants, quote finding and word snapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.domain.models import BlockKind, MarkKind
from reader.domain.text import (
    TextBuilder,
    clean_characters,
    count_quote,
    find_quote,
    normalize_with_map,
    quote_context,
    snap_to_words,
    text_from_paragraphs,
)


def test_blocks_are_joined_by_single_newlines_and_spaces_collapse():
    text, blocks = text_from_paragraphs([(BlockKind.HEADING, "  A   title "), (BlockKind.PARAGRAPH, "one\n two\tthree")])
    assert text == "A title\none two three"
    assert [(b.kind, text[b.start:b.end]) for b in blocks] == [
        (BlockKind.HEADING, "A title"),
        (BlockKind.PARAGRAPH, "one two three"),
    ]


def test_marks_cover_exactly_their_words_across_runs():
    builder = TextBuilder()
    builder.begin_block(BlockKind.PARAGRAPH)
    builder.text("Read ")
    builder.open_mark(MarkKind.LINK, "https://example.org")
    builder.text(" the docs ")
    builder.close_mark()
    builder.text("now.")
    text, blocks = builder.build()
    assert text == "Read the docs now."
    (mark,) = blocks[0].marks
    assert text[mark.start:mark.end] == "the docs" and mark.href == "https://example.org"


def test_empty_blocks_and_empty_marks_are_dropped():
    builder = TextBuilder()
    builder.begin_block(BlockKind.PARAGRAPH)
    builder.text("   ")
    builder.begin_block(BlockKind.QUOTE)
    builder.open_mark(MarkKind.STRONG)
    builder.close_mark()
    builder.text("kept")
    text, blocks = builder.build()
    assert text == "kept"
    assert [(b.kind, b.start, b.end, b.marks) for b in blocks] == [(BlockKind.QUOTE, 0, 4, ())]


def test_preformatted_blocks_keep_their_spacing():
    builder = TextBuilder()
    builder.begin_block(BlockKind.PREFORMATTED)
    builder.text("\n\ndef f():\n    return  1\n\n")
    text, blocks = builder.build()
    assert text == "def f():\n    return  1"
    assert blocks[0].start == 0 and blocks[0].end == len(text)


def test_line_breaks_inside_a_block_are_newlines():
    builder = TextBuilder()
    builder.begin_block(BlockKind.PARAGRAPH)
    builder.text("first line ")
    builder.line_break()
    builder.text(" second")
    text, _ = builder.build()
    assert text == "first line\nsecond"


def test_characters_qt_would_change_are_cleaned():
    assert clean_characters("a\u00a0b\u2029c\r\nd\x00e\ufeff") == "a b\nc\nde"


@given(st.lists(st.tuples(st.sampled_from(list(BlockKind)), st.text(max_size=40)), max_size=12))
def test_builder_invariants_hold_for_any_input(paragraphs):
    text, blocks = text_from_paragraphs(paragraphs)
    assert "\r" not in text and "\u2029" not in text and "\u00a0" not in text
    previous_end = -1
    for block in blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert block.start == previous_end + 1  # exactly one separator between blocks
        assert text[block.start:block.end].strip()
        if previous_end >= 0:
            assert text[previous_end] == "\n"
        previous_end = block.end
    assert previous_end in (-1, len(text))


def test_find_quote_exact_and_nth_occurrence():
    text = "the cat and the cat and the dog"
    assert find_quote(text, "the cat") == (0, 7)
    assert find_quote(text, "the cat", 2) == (12, 19)
    assert find_quote(text, "the cat", 3) is None
    assert count_quote(text, "the cat") == 2


def test_find_quote_forgives_case_spacing_and_typographic_quotes():
    text = "He said \u201cdon\u2019t  panic\u201d \u2014 twice."
    start, end = find_quote(text, '"Don\'t panic" - twice')
    assert text[start:end] == "\u201cdon\u2019t  panic\u201d \u2014 twice"


def test_normalize_map_points_back_into_the_original():
    original = "A  \u201cB\u201d\u00adC"
    normalized, origin = normalize_with_map(original)
    assert normalized == 'a "b"c'
    assert len(origin) == len(normalized) + 1
    assert all(original[origin[i]].casefold() in (normalized[i], "\u201c", "\u201d", " ") for i in range(len(normalized)))


def test_quote_context_is_32_characters_each_side():
    text = "x" * 50 + "QUOTE" + "y" * 50
    prefix, suffix = quote_context(text, 50, 55)
    assert prefix == "x" * 32 and suffix == "y" * 32


def test_snap_to_words_takes_whole_words_and_trims_space():
    text = "Some well-known words, don't they?"
    assert text[slice(*snap_to_words(text, 7, 12))] == "well-known"
    assert text[slice(*snap_to_words(text, 4, 6))] == "well-known"
    assert text[slice(*snap_to_words(text, 24, 26))] == "don't"
    start, end = snap_to_words(text, 4, 5)  # only a space: nothing to highlight
    assert start == end


@given(st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_snapping_stays_inside_the_text_and_contains_the_selection_words(text, a, b):
    start, end = sorted((a, b))
    s, e = snap_to_words(text, start, end)
    assert 0 <= s <= e <= len(text)
    if e > s:
        assert not text[s].isspace() and not text[e - 1].isspace()


def test_exact_and_loose_matches_are_never_mixed_in_one_count():
    text = "The cat sat. the cat ran. the cat hid."
    assert count_quote(text, "the cat") == 2  # the exact ones; "The cat" is not the same quote
    assert find_quote(text, "the cat", 2) == (26, 33) and find_quote(text, "the cat", 3) is None
    assert count_quote(text, "THE CAT") == 3  # no exact match: all the loose ones
    assert find_quote(text, "THE CAT", 1) == (0, 7)
