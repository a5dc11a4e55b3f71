"""OffsetMap: code points <-> Qt UTF-16 positions, checked against Qt's own document."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.offsets import OffsetMap

SAMPLE = "a😀b👨‍👩‍👧c𝔘é\u0301ש"


def test_identity_when_every_character_is_in_the_bmp():
    offsets = OffsetMap("plain text, café, שלום")
    assert offsets.is_identity
    assert [offsets.to_qt(i) for i in range(5)] == list(range(5))
    assert offsets.from_qt(7) == 7


def test_astral_characters_take_two_positions():
    offsets = OffsetMap(SAMPLE)
    assert not offsets.is_identity
    # a=0, 😀=1-2, b=3, then the family: man(4-5) ZWJ(6) woman(7-8) ZWJ(9) girl(10-11), c=12
    assert offsets.to_qt(1) == 1
    assert offsets.to_qt(2) == 3
    assert offsets.to_qt(SAMPLE.index("c")) == 12
    assert offsets.qt_length == len(SAMPLE.encode("utf-16-le")) // 2


def test_a_position_inside_a_surrogate_pair_snaps_back():
    offsets = OffsetMap(SAMPLE)
    assert offsets.from_qt(2) == 1  # between the halves of 😀
    assert offsets.from_qt(3) == 2


def test_out_of_range_is_clamped():
    offsets = OffsetMap("a😀")
    assert offsets.to_qt(-4) == 0
    assert offsets.to_qt(99) == 3
    assert offsets.from_qt(99) == 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip_and_agreement_with_utf16(text):
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        qt = offsets.to_qt(index)
        assert qt == len(text[:index].encode("utf-16-le")) // 2
        assert offsets.from_qt(qt) == index


def test_agrees_with_qt_document_positions(qapp):
    from PySide6.QtGui import QTextDocument

    document = QTextDocument(SAMPLE)
    offsets = OffsetMap(SAMPLE)
    for needle in ("b", "c", "é", "ש", "𝔘"):
        found = document.find(needle)
        assert found.selectionStart() == offsets.to_qt(SAMPLE.index(needle))
        assert offsets.from_qt(found.selectionStart()) == SAMPLE.index(needle)
