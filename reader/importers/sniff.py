"""Tell what a source is from its bytes: binary, HTML, Markdown or plain text."""

from __future__ import annotations

import gzip
import re
import zlib

from reader.importers.decoding import split_bom
from reader.importers.errors import ImportRejected
from reader.importers.limits import MAX_SOURCE_BYTES

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an EPUB or Office document)"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an audio file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_GZIP_MAGIC = b"\x1f\x8b"

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|\?xml[^>]*>\s*<(!doctype\s+)?html)", re.I | re.S)
_HTML_TAG = re.compile(
    r"<(p|div|span|a\s+href|br|h[1-6]|li|ul|ol|article|section|table|img|meta|title|body|head|script|em|strong)\b[^<>]*>",
    re.I,
)
_MD_SIGNALS = (
    (re.compile(r"^#{1,6}\s+\S", re.M), 2),
    (re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"), 2),
    (re.compile(r"^```", re.M), 2),
    (re.compile(r"^---\s*\n(?:[A-Za-z_]+:.*\n)+---\s*$", re.M), 3),
    (re.compile(r"(\*\*|__)[^*_\n]+\1"), 1),
    (re.compile(r"^\s{0,3}>\s+\S", re.M), 1),
    (re.compile(r"^\s{0,3}([-*+]|\d+\.)\s+\S", re.M), 1),
)
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def unwrap(data: bytes) -> bytes:
    """Undo gzip (saved pages are sometimes stored compressed); reject empty and binary data."""
    if data.startswith(_GZIP_MAGIC):
        try:
            data = _gunzip_capped(data)
        except (OSError, EOFError, zlib.error) as error:
            raise ImportRejected(f"damaged gzip data ({error})") from None
    if not data.strip():
        raise ImportRejected("the file is empty")
    reject_binary(data)
    return data


def _gunzip_capped(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=_BytesReader(data)) as stream:
        out = stream.read(MAX_SOURCE_BYTES + 1)
    if len(out) > MAX_SOURCE_BYTES:
        raise ImportRejected("the file is larger than 50 MB once uncompressed")
    return out


class _BytesReader:
    """A minimal file object over bytes, so gzip reads lazily and the size cap holds."""

    def __init__(self, data: bytes) -> None:
        self._data, self._pos = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._pos + size
        chunk = self._data[self._pos:end]
        self._pos += len(chunk)
        return chunk


def reject_binary(data: bytes) -> None:
    """Raise ImportRejected when `data` is not text (a known file type, or NUL bytes)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportRejected(f"this is {what}, not an article (binary file)")
    bom, body = split_bom(data)
    if bom and bom.startswith(("utf-16", "utf-32")):
        return
    head = body[:65536]
    if b"\x00" in head:
        raise ImportRejected("binary file (it contains NUL bytes, so it is not text)")
    controls = sum(head.count(bytes([c])) for c in (1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31))
    if head and controls / len(head) > 0.01:
        raise ImportRejected("binary file (it is full of control characters, so it is not text)")


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML document or a fragment made mostly of HTML tags."""
    head = text[:65536]
    if _HTML_START.match(head.encode("utf-8", "ignore")[:4096]):
        return True
    tags = _HTML_TAG.findall(head)
    return len(tags) >= 3 and len(tags) * 40 > len(head.strip()) / 10


def markdown_score(text: str) -> int:
    """How strongly the text reads as Markdown (headings, links, fences, emphasis, lists)."""
    head = text[:65536]
    return sum(weight for pattern, weight in _MD_SIGNALS if pattern.search(head))


def detect_kind(text: str, name: str = "") -> str:
    """'html', 'markdown' or 'text' from the content, with the file name as a tie-breaker."""
    if looks_like_html(text):
        return "html"
    if name.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "markdown" if markdown_score(text) >= 4 else "text"
