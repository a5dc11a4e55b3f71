"""The one-pass escaping and the plain-string YAML quoting give what their plain definitions give, for any text."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.exporters import markdown_syntax as syntax
from reader.exporters.markdown_syntax import blockquote, md_escape
from reader.exporters.markdown_yaml import _YAML_ESCAPE, yaml_scalar

# Markdown and Obsidian syntax, line starts (digits of other scripts too), odd whitespace.
PIECES = [*"ab1 \n\t\r\\`*_[]<>~#&=-+.)(:\"'|!\x0b\x85\xa0\u0663\u00b2", "```", "&amp;", "&#123;", "==", "12.", "3)",
          "\u2028", "🦊", "word "]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.text())


def _reference_escape(text: str) -> str:
    """md_escape as it was first written, a line at a time."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line = line.rstrip()
        if syntax._SPECIAL.search(line):
            line = syntax._INLINE.sub(r"\\\1", line)
            if "&" in line:
                line = syntax._ENTITY.sub(r"\\&", line)
            if "==" in line:
                line = syntax._DOUBLE_EQUALS.sub(r"\\=", line)
        if line and line.lstrip()[:1] in syntax._LINE_START_CHARACTERS:
            line = syntax._LINE_START.sub(syntax._escape_line_start, line)
        lines[index] = line
    return "\n".join(lines)


def _reference_blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in _reference_escape(text).split("\n"))


@settings(max_examples=500)
@given(TEXT)
def test_escaping_in_one_pass_is_escaping_line_by_line(text):
    assert md_escape(text) == _reference_escape(text)
    assert blockquote(text) == _reference_blockquote(text)


def _reference_scalar(text: str) -> str:
    return _YAML_ESCAPE.sub(lambda match: f"\\u{ord(match.group()):04x}", json.dumps(text, ensure_ascii=False))


@settings(max_examples=500)
@given(st.one_of(TEXT, st.text(st.characters(codec=None, exclude_categories=()))))
def test_plain_strings_are_quoted_as_json_would_quote_them(text):
    assert yaml_scalar(text) == _reference_scalar(text)


@pytest.mark.parametrize("character", ["\x1f", "\x20", '"', "\\", "\x7e", "\x7f", "\x9f", "\xa0", "\u2027", "\u2028",
                                       "\u2029", "\u202a", "\ud7ff", "\ud800", "\udfff", "\ue000", "\ufefe", "\ufeff",
                                       "\uff00", "\ufffd", "\ufffe", "\uffff", "\U00010000", "\U0010ffff"])
def test_every_edge_of_the_plain_characters(character):
    assert yaml_scalar(f"a{character}b") == _reference_scalar(f"a{character}b")


ANY_TEXT = st.one_of(TEXT, st.text(st.characters(codec=None, exclude_categories=())))


@settings(max_examples=500)
@given(ANY_TEXT)
def test_the_byte_test_for_special_characters_is_the_regex(text):
    assert syntax._has_special(text) == (syntax._SPECIAL.search(text) is not None)


@settings(max_examples=500)
@given(ANY_TEXT)
def test_squeezing_whitespace_by_splitting_is_the_regex(text):
    assert syntax.one_line(text) == re.sub(r"\s+", " ", text).strip()
