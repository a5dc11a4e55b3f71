"""Plain text (notably text copied from a web page) to canonical text and blocks."""

from __future__ import annotations

from reader.domain.models import BlockKind, ExtractedArticle
from reader.domain.text import clean_characters, text_from_paragraphs
from reader.importers.copied_text import read_copied_page


def extract_text(text: str) -> ExtractedArticle:
    """An article from plain text: the headline, byline and date before the article, and its body.

    Text copied from a whole web page carries the site's furniture around the article; the
    copied-text rules (copied_text.py) find the article in it and drop the rest.
    """
    page = read_copied_page(clean_characters(text).strip())
    paragraphs = page.paragraphs
    title = page.title or (paragraphs[0][:120] if paragraphs else "")
    blocks = [
        (BlockKind.LIST_ITEM if index in page.list_items else BlockKind.PARAGRAPH, paragraph)
        for index, paragraph in enumerate(paragraphs)
    ]
    canonical, built = text_from_paragraphs(blocks)
    return ExtractedArticle(canonical, built, title=title, author=page.author, published=page.published, kind="text")
