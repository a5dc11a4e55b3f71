"""HTML pages to canonical text, blocks and metadata, with trafilatura finding the article.

Around trafilatura: elements a visitor cannot see are removed first (hidden microdata copies
of the headline and dates otherwise end up in the body), and afterwards the headline repeated
at the top of the body, date lines at its edges and short furniture lines (share, sign-up,
copyright) are dropped. Metadata comes from every source the page offers (see metadata.py).
"""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from reader.domain.dates import DATE_LINE
from reader.domain.models import ExtractedArticle
from reader.importers.blocks import block_texts, keep_blocks
from reader.importers.boilerplate import is_boilerplate
from reader.importers.bylines import find_byline
from reader.importers.decoding import declared_charset, decode_text, normalize_charset
from reader.importers.errors import ImportRejected
from reader.importers.html_body import body_to_text
from reader.importers.metadata import MetadataSources

# trafilatura logs every page it finds hard; the importer reports problems itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_EDGE = 3  # how many blocks at each end of the body are checked for date lines


def decode_html(data: bytes, charset: str | None = None) -> str:
    """HTML bytes to text: a BOM wins, then the HTTP charset (if any), then the page's own."""
    return decode_text(data, declared=normalize_charset(charset) or declared_charset(data))


def parse_html(html: str) -> etree._Element:
    """An lxml tree of the page; raises ImportRejected when it is not HTML at all."""
    # lxml refuses str input carrying an XML encoding declaration; the text is decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    try:
        tree = load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        tree = None
    if tree is None:
        raise ImportRejected("this HTML page cannot be read")
    return tree


def remove_hidden(tree: etree._Element) -> None:
    """Drop elements styled or marked as invisible (their text is not part of what one reads)."""
    doomed = [
        element for element in tree.xpath("//body//*[@style or @hidden]")
        if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style", ""))
    ]
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue  # inside an element removed already
        if element.tail and element.tail.strip():
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


def _extract(tree: etree._Element, url: str, **options: bool):
    return trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,
        include_links=True,
        include_images=False,
        include_tables=True,
        **options,
    )


def _has_text(document) -> bool:
    return document is not None and document.body is not None and bool("".join(document.body.itertext()).strip())


def extract_html(html: str, url: str = "") -> ExtractedArticle:
    """The article in an HTML page: body blocks with marks, title, author, date, site, URL."""
    tree = parse_html(html)
    sources = MetadataSources(tree, url)  # read before trafilatura prunes the tree
    remove_hidden(tree)
    document = _extract(tree, url)
    if not _has_text(document):
        tree = parse_html(html)  # the first pass pruned the tree it was given
        remove_hidden(tree)
        document = _extract(tree, url, favor_recall=True)
    if not _has_text(document):
        raise ImportRejected("no article text found in this HTML page")
    meta = sources.best(document)
    text, blocks = body_to_text(document.body)
    text, blocks = clean_body(text, blocks, meta.title, meta.author)
    if not text.strip():
        raise ImportRejected("no article text found in this HTML page")
    return ExtractedArticle(
        text,
        blocks,
        title=meta.title,
        author=meta.author,
        site=meta.site,
        url=meta.url,
        published=meta.published,
        language=meta.language,
        kind="html",
    )


def _same_words(a: str, b: str) -> bool:
    return bool(a) and re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _byline_of(line: str, author: str) -> bool:
    """Whether a short line is a byline naming the article's author ("By Jonas Berg")."""
    if not author or len(line.split()) > 12:
        return False
    named = set(re.findall(r"\w+", find_byline(line).lower()))
    return bool(named) and named <= set(re.findall(r"\w+", author.lower()))


def clean_body(text: str, blocks: tuple, title: str, author: str = "") -> tuple[str, tuple]:
    """Drop the headline and the byline repeated at the top, date lines at the edges and furniture lines."""
    lines = block_texts(text, blocks)
    keep = [True] * len(lines)
    for index, line in enumerate(lines):
        near_edge = index < _EDGE or index >= len(lines) - _EDGE
        if index < _EDGE and (_same_words(line, title) or _byline_of(line, author)):
            keep[index] = False
        elif near_edge and DATE_LINE.match(line):
            keep[index] = False
        elif is_boilerplate(line):
            keep[index] = False
    if not any(keep):
        return text, blocks
    return keep_blocks(text, blocks, keep)
