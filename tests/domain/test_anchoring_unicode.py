"""Re-anchoring offsets stay right with astral characters, combining accents, RTL text and long paragraphs."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.domain.anchoring import Anchor, Reanchorer
from reader.domain.anchoring.matching import FoldedText, whole_clusters
from reader.domain.models import AnchorState
from reader.domain.text import normalize_with_map, quote_context

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # one grapheme, five code points
THUMB = "\U0001F44D\U0001F3FD"  # thumbs up with a skin tone


def _anchor(text: str, quote: str) -> Anchor:
    start = text.index(quote)
    return Anchor(start, start + len(quote), quote, *quote_context(text, start, start + len(quote)))


def _placed(old: str, new: str, quote: str):
    placement = Reanchorer(old, new).place(_anchor(old, quote))
    return placement, new[placement.start:placement.end]


@pytest.mark.parametrize("inserted", ["\U0001F600", FAMILY, THUMB, "\U0001D54F\U0001D550", "e\u0301\u0302",
                                      "\u05e9\u05dc\u05d5\u05dd ", "\u0645\u0631\u062d\u0628\u0627 ", "\u6728\u6751\u5c4b"])
def test_characters_inserted_before_a_highlight_shift_it_by_code_points(inserted):
    old = f"Opening line.\nThe report {FAMILY} was published on Tuesday by the ministry.\nClosing line here."
    new = old.replace("Opening line.", "Opening line." + inserted)
    placement, passage = _placed(old, new, "published on Tuesday by the ministry")
    assert placement.state is AnchorState.MOVED
    assert placement.start == old.index("published") + len(inserted)  # code points, not UTF-16 units
    assert passage == "published on Tuesday by the ministry"


def test_a_quote_of_emoji_and_right_to_left_words_moves_whole():
    quote = f"\u05d1\u05e8\u05d5\u05db\u05d9\u05dd {FAMILY} \u0645\u0631\u062d\u0628\u0627 {THUMB}"
    old = f"First paragraph of the article.\nThe sign says {quote} in two scripts.\nLast one."
    new = old.replace("First paragraph", "A new first paragraph \U0001F389\nFirst paragraph")
    placement, passage = _placed(old, new, quote)
    assert placement.state is AnchorState.MOVED and passage == quote


def test_a_word_changed_next_to_an_emoji_sequence_never_splits_it():
    old = f"Intro text for the piece.\nOn Sundays the line reaches the corner {FAMILY} and more people come.\nEnd."
    new = old.replace("the line reaches", "the queue reaches")
    placement, passage = _placed(old, new, f"On Sundays the line reaches the corner {FAMILY}")
    assert placement.state is AnchorState.FUZZY
    assert passage == f"On Sundays the queue reaches the corner {FAMILY}"


def test_composed_and_decomposed_accents_match_and_keep_their_marks():
    old = "Un article.\nLa boulangerie \u00c9lise de Zo\u00eb C\u00f4t\u00e9 ouvre \u00e0 six heures.\nFin."
    new = unicodedata.normalize("NFD", old)
    placement, passage = _placed(old, new, "Zo\u00eb C\u00f4t\u00e9 ouvre")
    assert placement.state is AnchorState.FUZZY and placement.score > 0.95
    assert passage == unicodedata.normalize("NFD", "Zo\u00eb C\u00f4t\u00e9 ouvre")  # the final accent included
    back, passage = _placed(new, old, passage)
    assert back.state is AnchorState.FUZZY and passage == "Zo\u00eb C\u00f4t\u00e9 ouvre"


def test_highlights_deep_in_a_very_long_paragraph_move_with_edits_before_them():
    words = [f"w{n}x" for n in range(60000)]  # one paragraph of about 400,000 characters
    old = "Title\n" + " ".join(words)
    quotes = [" ".join(words[n:n + 5]) for n in (10, 30000, 59990)]
    new = old.replace("w5x", "w5x inserted \U0001F600 words", 1).replace("w40000x", "changed", 1)
    reanchorer = Reanchorer(old, new)
    for quote in quotes:
        placement = reanchorer.place(_anchor(old, quote))
        assert placement.state is AnchorState.MOVED and new[placement.start:placement.end] == quote


def test_the_folded_view_maps_offsets_back_across_astral_and_combining_characters():
    text = f"A\u0301 {FAMILY}  \u201cQuote\u201d \U0001D54F-\u2014x"
    view = FoldedText(text).around(0, len(text))
    folded, origin = normalize_with_map(text, strip_marks=True)
    assert view.folded == folded == f"a {FAMILY.replace(chr(0x200d), '')} \"quote\" x--x"  # 𝕏 folds to x
    start = view.folded.index("quote")
    assert text[slice(*view.to_raw(start, start + 5))] == "Quote"
    assert view.to_folded(text.index("Quote")) == start


@pytest.mark.parametrize(("text", "span", "whole"), [
    (f"ab{FAMILY}cd", (2, 4), (2, 7)),  # the middle of a ZWJ sequence widens to all of it
    ("xe\u0301y", (0, 2), (0, 3)),  # a combining accent stays with its letter
    (f"a{THUMB}b", (1, 2), (1, 3)),  # a skin tone stays with its emoji
    ("plain text", (2, 5), (2, 5)),
])
def test_whole_clusters_never_split_a_character_a_reader_sees_as_one(text, span, whole):
    assert whole_clusters(text, *span) == whole


def _fold_one_by_one(text: str, strip_marks: bool) -> tuple[str, list[int]]:
    """normalize_with_map's definition, one character at a time (its fast paths must agree)."""
    from reader.domain.text import _fold_char

    out, origin, previous_space = [], [], True
    for index, char in enumerate(text):
        folded = _fold_char(char, strip_marks)
        if not folded or (folded == " " and previous_space):
            continue
        previous_space = folded == " "
        out.extend(folded)
        origin.extend([index] * len(folded))
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin + [len(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("ab C.,\n\t \u00a0\u2019\u201c-\u2014\u00e9e\u0301\u00df\U0001F600\u200d\u00ad"
                               "\u0130\ufb01\u2028\u2026\u00bd]^\\") | st.characters(), max_size=40),
       st.booleans())
def test_folding_fast_paths_agree_with_the_character_by_character_definition(text, strip_marks):
    assert normalize_with_map(text, strip_marks=strip_marks) == _fold_one_by_one(text, strip_marks)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "Caf\u00e9", "\u201cq\u201d", " ", "  ", "\n", "\n\n", "\u2014", "e\u0301"]),
                max_size=4000), st.integers(0, 40000), st.integers(0, 40000))
def test_folding_page_by_page_gives_what_folding_the_whole_text_gives(pieces, low, high):
    text = "".join(pieces)
    whole, origin = normalize_with_map(text, strip_marks=True)
    everything = FoldedText(text).around(0, len(text))
    assert everything.folded == whole
    assert [everything.to_raw(i, i + 1)[0] for i in range(len(whole))] == origin[:-1]
    part = FoldedText(text).around(min(low, high), max(low, high))
    assert part.folded in whole
