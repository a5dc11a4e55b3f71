"""Tag names, user dates and palette colours."""

from __future__ import annotations

import pytest

from reader.domain.colors import PALETTE, UnknownColorError, color_label, color_title, normalize_color, palette_key
from reader.domain.dates import InvalidDateError, parse_date, parse_user_date
from reader.domain.tags import InvalidTagError, is_same_or_descendant, normalize_tag, renamed, tag_key


@pytest.mark.parametrize(
    ("typed", "clean"),
    [("  Iran ", "Iran"), ("#news", "news"), ("a / b//c ", "a/b/c"), ("two   words", "two words")],
)
def test_tags_are_cleaned(typed, clean):
    assert normalize_tag(typed) == clean


@pytest.mark.parametrize("typed", ["", "   ", "/", "#", "x" * 201])
def test_bad_tags_are_refused(typed):
    with pytest.raises(InvalidTagError):
        normalize_tag(typed)


def test_tag_identity_ignores_case_and_hierarchy_is_by_slash():
    assert tag_key("Iran") == tag_key("IRAN")
    assert is_same_or_descendant("World/Iran", "world")
    assert not is_same_or_descendant("worldwide", "world")
    assert renamed("world/iran", "World", "places") == "places/iran"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("December 24, 2020 8:54 am", "2020-12-24T08:54"),
        ("2020-12-24", "2020-12-24"),
        ("24 Dec 2020", "2020-12-24"),
        ("2021-03-04T10:15:00Z", "2021-03-04T10:15"),
    ],
)
def test_dates_are_read(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize("written", ["", "soon", "Friday", "12", "tomorrow at noon"])
def test_non_dates_are_not_dates(written):
    assert parse_date(written) is None


def test_a_bad_user_date_says_how_to_write_one():
    with pytest.raises(InvalidDateError, match="2020-12-24"):
        parse_user_date("someday")


def test_a_stored_colour_is_a_palette_name_in_any_case_and_nothing_else():
    assert [palette_key(name) for name in ("Green", " BLUE ", "yellow")] == ["green", "blue", "yellow"]
    for name in ("orange", "ORANGE", "red", "", "chartreuse"):
        with pytest.raises(UnknownColorError) as raised:
            palette_key(name)
        assert str(raised.value) == f"unknown colour {name!r}; choose one of yellow, green, blue, pink, purple"


def test_search_filters_accept_palette_names_and_aliases():
    assert normalize_color("Yellow") == "yellow"
    assert normalize_color("red") == "pink"
    assert len(PALETTE) == 5
    with pytest.raises(UnknownColorError, match="yellow"):
        normalize_color("chartreuse")


def test_colour_labels_carry_the_users_names_for_them():
    names = {"yellow": "  key   point ", "green": "", "blue": 3}  # as a hand-edited settings file may hold
    assert color_label("yellow", names) == "yellow \u2014 key point"
    assert color_title("yellow", names) == "Yellow \u2014 key point"
    assert [color_label(key, names) for key in ("green", "blue", "pink")] == ["green", "blue", "pink"]
