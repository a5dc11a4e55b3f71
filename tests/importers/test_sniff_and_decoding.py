"""Telling sources apart and decoding them: binary, empty, encodings, HTML, Markdown, text."""

from __future__ import annotations

import gzip

import pytest

from reader.importers import ImportRejected, extract
from reader.importers.decoding import declared_charset, decode_text
from reader.importers.sniff import detect_kind


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"abc\x00def" * 10, "NUL"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_non_articles_are_rejected_with_a_reason(data, reason):
    with pytest.raises(ImportRejected, match=reason):
        extract(data, name="x.txt")


def test_over_50_megabytes_is_rejected_before_parsing():
    with pytest.raises(ImportRejected, match="50 MB"):
        extract(b"a" * (50 * 1024 * 1024 + 1), name="big.txt")


def test_undecodable_bytes_are_rejected():
    # Bytes valid in no encoding charset-normalizer trusts: invalid UTF-8 lead bytes in a
    # pattern no single-byte code page reads as language.
    junk = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 400
    with pytest.raises(ImportRejected, match="encoding"):
        extract(junk, name="junk.txt")


@pytest.mark.parametrize("data", [
    b"\xff\xfe\x00\x00garbage",  # a UTF-32 byte-order mark before bytes that are no UTF-32 text
    b"\xef\xbb\xbf\xe2\x80\x94 \xe2\x80\xa6 \xe2\x80\x94",  # nothing but dashes and dots
])
def test_text_without_a_letter_or_digit_is_no_article(data):
    # It came in as an article titled "\ufffd\ufffd" (replacement characters), with nothing to read.
    with pytest.raises(ImportRejected, match="no readable text"):
        extract(data, name="weird.md")


def test_boms_and_declared_charsets_decide_the_encoding():
    assert decode_text("caf\u00e9".encode("utf-16")) == "caf\u00e9"
    assert decode_text(b"\xef\xbb\xbfcaf\xc3\xa9") == "caf\u00e9"
    page = '<html><head><meta charset="windows-1251"></head><body>\u041f\u0440\u0438\u0432\u0435\u0442</body></html>'
    data = page.encode("cp1251")
    assert declared_charset(data) == "cp1251"
    assert "\u041f\u0440\u0438\u0432\u0435\u0442" in decode_text(data, declared_charset(data))


def test_latin1_text_without_declaration_is_detected():
    text = ("Le caf\u00e9 \u00e9tait ferm\u00e9, mais la boulangerie \u00e0 c\u00f4t\u00e9 restait ouverte. " * 20)
    assert decode_text(text.encode("latin-1")) == text


def test_gzip_sources_are_unwrapped():
    article = extract(gzip.compress(b"A headline for the test\n\nThe body of it, long enough."), name="a.txt.gz")
    assert article.title == "A headline for the test"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "html"),
        ("<p>one</p><p>two</p><div>three</div>", "clip", "html"),
        ("# Title\n\nSome [link](https://x.org) and **bold**.", "notes.txt", "markdown"),
        ("plain words", "notes.md", "markdown"),
        ("Just a paragraph of text.\n\nAnd another - with a dash.", "a.html", "text"),
    ],
)
def test_kind_comes_from_content_with_the_name_as_a_hint(text, name, kind):
    assert detect_kind(text, name) == kind
