"""Importers: the bytes of a source (HTML, Markdown, plain text) to an extracted article.

Pure functions: no database, no Qt, no network. `extract` is the one entry point.
"""

from __future__ import annotations

from reader.domain.models import ExtractedArticle
from reader.importers.errors import ImportRejected
from reader.importers.limits import MAX_SOURCE_BYTES

__all__ = ["MAX_SOURCE_BYTES", "ImportRejected", "extract"]


def extract(data: bytes, name: str = "", url: str = "", charset: str | None = None) -> ExtractedArticle:
    """Turn a source's bytes into an article, telling HTML, Markdown and text apart by content.

    `name` is the file name (a hint only); `url` is where the page came from, if known;
    `charset` is the one an HTTP response named (it wins over the page's own declaration).
    Raises ImportRejected with a reason for the user when the source is not an article.
    """
    # Imported here: trafilatura and the parsers take a fifth of a second to load, and the
    # window should not wait for them before it first paints.
    from reader.importers.decoding import decode_text, normalize_charset
    from reader.importers.html import decode_html, extract_html
    from reader.importers.markdown import extract_markdown
    from reader.importers.plaintext import extract_text
    from reader.importers.sniff import detect_kind, looks_like_html, unwrap

    if len(data) > MAX_SOURCE_BYTES:
        raise ImportRejected("the file is larger than 50 MB")
    data = unwrap(data)
    if looks_like_html(data[:65536].decode("latin-1")):
        article = extract_html(decode_html(data, charset), url=url)
    else:
        text = decode_text(data, declared=normalize_charset(charset))
        kind = detect_kind(text, name)
        if kind == "html":
            article = extract_html(text, url=url)
        elif kind == "markdown":
            article = extract_markdown(text)
        else:
            article = extract_text(text)
    # Not a letter or a digit in any script: bytes decoded into replacement characters (a
    # byte-order mark before something else), or only punctuation. Nothing there to read.
    if not any(character.isalnum() for character in article.text):
        raise ImportRejected("no readable text in it")
    return article
