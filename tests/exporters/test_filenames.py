"""File names from titles: safe on Linux, macOS and Windows, bounded, unique, never a path."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.exporters.filenames import (
    MAX_STEM_BYTES,
    MAX_STEM_CHARS,
    UNTITLED,
    is_plain_name,
    name_key,
    safe_stem,
    unique_name,
)

WINDOWS_FORBIDDEN = set('/\\:*?"<>|') | {chr(c) for c in range(32)}
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{d}" for d in range(10)} | {f"LPT{d}" for d in range(10)}


def _assert_safe(stem: str) -> None:
    assert stem and not WINDOWS_FORBIDDEN & set(stem)
    assert stem == stem.strip(" .") and stem not in {".", ".."}
    assert len(stem) <= MAX_STEM_CHARS and len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert stem.split(".")[0].strip().upper() not in RESERVED
    assert is_plain_name(stem + ".md")


@pytest.mark.parametrize(("title", "expected"), [
    ("../../etc/passwd", "etc passwd"),
    ("..\\..\\Windows\\system32", "Windows system32"),
    ("CON", "_CON"),
    ("con.txt", "_con.txt"),
    ("Lpt9", "_Lpt9"),
    ("COM\u00b9", "_COM\u00b9"),
    ("What? Why: \"this\" <or> that|*", "What Why this or that"),
    ("  spaces\tand\nnewlines  ", "spaces and newlines"),
    ("Ends with dots...", "Ends with dots"),
    ("...", UNTITLED),
    ("", UNTITLED),
    ("\x00\x1f", UNTITLED),
    ("🦊 Foxes — a story", "🦊 Foxes — a story"),
    ("Conclusions", "Conclusions"),  # starts like a reserved name, is not one
])
def test_hostile_titles_give_safe_names(title, expected):
    assert safe_stem(title) == expected
    _assert_safe(safe_stem(title))


def test_long_titles_are_cut_at_a_word_within_the_limits():
    title = "word " * 60 + "end"  # 300 characters
    stem = safe_stem(title)
    _assert_safe(stem)
    assert stem.endswith("word") and len(stem) > MAX_STEM_CHARS // 2
    emoji = "🦊" * 300  # 4 bytes each: the byte limit bites before the character limit
    assert safe_stem(emoji) == "🦊" * (MAX_STEM_BYTES // 4)


def test_a_cut_never_leaves_half_a_combined_character():
    title = "e\u0301" * 150  # é as e + combining accent
    stem = safe_stem(title)
    assert not unicodedata.combining(stem[-1])
    assert stem == unicodedata.normalize("NFC", stem)


@given(st.text(max_size=400))
def test_any_title_gives_a_safe_stem(title):
    _assert_safe(safe_stem(title))


def test_unique_names_ignore_case_like_macos_and_windows():
    taken = {name_key("Title.md"), name_key("title (2).md")}
    assert unique_name("TITLE", ".md", lambda name: name_key(name) in taken) == "TITLE (3).md"
    assert name_key("Cafe\u0301.md") == name_key("Café.MD")


@pytest.mark.parametrize("name", ["", ".", "..", "../x.md", "a/b.md", "a\\b.md", " padded.md"])
def test_names_that_could_leave_the_folder_are_not_plain(name):
    assert not is_plain_name(name)
