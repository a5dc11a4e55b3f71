"""Plain text (notably text copied from a web page) to canonical text and blocks."""

from __future__ import annotations

import re

from reader.domain.dates import DATE_LINE, parse_date
from reader.domain.models import BlockKind, ExtractedArticle
from reader.domain.text import clean_characters, text_from_paragraphs

_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n+")
_BYLINE = re.compile(r"^\s*(?:\S+\s+)?by\s+(?P<name>[^\n]{3,80})$", re.IGNORECASE)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; with no blank lines at all, one per line."""
    text = clean_characters(text).strip()
    chunks = _BLANK_LINES.split(text)
    if len(chunks) == 1 and text.count("\n") >= 2:
        chunks = text.split("\n")
    return [" ".join(chunk.split()) for chunk in chunks if chunk.strip()]


def _is_title_candidate(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 40 and len(line) <= 250 and not DATE_LINE.match(line) and "|" not in line


def extract_text(text: str) -> ExtractedArticle:
    """An article from plain text: the first substantial line is the title, the rest the body.

    Date lines before the title give the published date, and a "by ..." line right after it
    gives the author.
    """
    paragraphs = split_paragraphs(text)
    title, author, published = "", "", None
    body = paragraphs
    for index, line in enumerate(paragraphs[:8]):
        if _is_title_candidate(line):
            title = line
            for earlier in paragraphs[:index]:
                published = published or (parse_date(earlier) if DATE_LINE.match(earlier) else None)
            body = paragraphs[index + 1 :]
            if body and (match := _BYLINE.match(body[0])):
                author = match.group("name").strip()
                body = body[1:]
            break
    if not title and paragraphs:
        title = paragraphs[0][:120]
    canonical, blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in body])
    return ExtractedArticle(canonical, blocks, title=title, author=author, published=published, kind="text")
