"""Bytes to text: byte-order marks, declared charsets, UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from reader.importers.errors import ImportRejected

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Browsers read these labels as Windows code pages (WHATWG Encoding Standard).
# Legacy encodings still found on the web; limiting detection to them avoids exotic misreadings.
_WEB_ENCODINGS = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874",
                  "iso8859_2", "iso8859_15", "koi8_r", "koi8_u", "shift_jis", "euc_jp", "iso2022_jp", "gb18030",
                  "big5", "euc_kr", "utf_16")
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
                   "iso-8859-9": "cp1254", "tis-620": "cp874", "x-sjis": "shift_jis", "gb2312": "gb18030",
                   "gbk": "gb18030"}


def split_bom(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a byte-order mark announces, and the data without it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom):]
    return None, data


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first few kilobytes, if it is known."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return normalize_charset((match.group(1) or match.group(2)).decode("ascii"))


def normalize_charset(label: str | None) -> str | None:
    """A charset label (from a page or an HTTP header) as a Python codec name, read as browsers do."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode `data`: a BOM wins, then a declared charset, then UTF-8, then detection.

    Raises ImportRejected when no encoding gives readable text.
    """
    bom_encoding, body = split_bom(data)
    if bom_encoding:
        return body.decode(bom_encoding, errors="replace")
    if declared:
        try:
            return body.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall through to what the bytes say
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return body.decode(detect_encoding(body), errors="replace")


def detect_encoding(data: bytes) -> str:
    """The most likely legacy encoding of `data` among those the web uses.

    Where Windows-1252 reads the bytes about as well as the best guess it wins, as it does in
    browsers: detectors often prefer a Central European or Mac code page that turns French
    "à" into "ŕ". Raises ImportRejected when no encoding gives readable text.
    """
    results = charset_normalizer.from_bytes(data[:1_000_000], cp_isolation=list(_WEB_ENCODINGS))
    best = results.best()
    if best is None or best.encoding is None:
        raise ImportRejected("cannot tell the text encoding (the bytes are not readable text)")
    for match in results:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + 0.05:
            return "cp1252"
    return best.encoding
