"""Plain text made safe inside Markdown: escaped quotes, hashtags, link targets and notes."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote as percent_encode

# Characters that start emphasis, code, links, HTML, strike-through or a tag anywhere on a
# line (CommonMark plus what Obsidian adds): a backslash before each keeps them literal.
_INLINE = re.compile(r"([\\`*_\[\]<~#])")
_SPECIAL = re.compile(r"[\\`*_\[\]<~#&=]")
_SPECIAL_BYTES = b"\\`*_[]<~#&="  # the characters of _SPECIAL
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" in a quote must stay five characters
_DOUBLE_EQUALS = re.compile(r"(?<==)=")  # Obsidian's ==highlight==
# What turns the start of a line into a list, a quote, a heading underline or a fence.
_LINE_START = re.compile(r"^(\s*)(?:([-+>=])|(\d{1,9})([.)])(?=\s|$))")
_LINE_START_CHARACTERS = frozenset("-+>=0123456789")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TAG_JUNK = re.compile(r"[^\w-]+")
# A link target keeps every URL character except those Markdown or a note app would misread.
_URL_SAFE = "!#$&'*+,/:;=?@[]~%-._"


def md_escape(text: str) -> str:
    """`text` as literal Markdown: what it says is what a Markdown renderer shows."""
    return _escape(text, quoted=False)


def blockquote(text: str) -> str:
    """`text` escaped and quoted line by line (`> `), blank lines kept inside the quote."""
    return _escape(text, quoted=True)


def _escape(text: str, *, quoted: bool) -> str:
    """md_escape, each line also quoted if `quoted`: one pass, as exports call it for every highlight."""
    if "\n" not in text:  # most quotes and titles: one line, no list to split and join
        line = text.rstrip()
        line = _escape_line(line, _has_special(line))
        return ("> " + line if line else ">") if quoted else line
    lines = text.split("\n")
    special = _has_special(text)  # most prose has nothing to escape: one scan decides
    for index, line in enumerate(lines):
        line = _escape_line(line.rstrip(), special)
        lines[index] = ("> " + line if line else ">") if quoted else line
    return "\n".join(lines)


def _has_special(text: str) -> bool:
    """True if `text` holds a character of _SPECIAL: what `_SPECIAL.search` says, at a third of its cost."""
    # UTF-8 writes non-ASCII characters with bytes above 0x7f only, so deleting the ASCII
    # specials from the bytes shortens them exactly when the text has one.
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _SPECIAL_BYTES)) != len(data)


def _escape_line(line: str, special: bool) -> str:
    """One line (no newline, trailing space gone) escaped; `special` False when the text has nothing inline to escape."""
    if special and _SPECIAL.search(line):
        line = _INLINE.sub(r"\\\1", line)
        if "&" in line:
            line = _ENTITY.sub(r"\\&", line)
        if "==" in line:
            line = _DOUBLE_EQUALS.sub(r"\\=", line)
    if line and line.lstrip()[:1] in _LINE_START_CHARACTERS:
        line = _LINE_START.sub(_escape_line_start, line)
    return line


def _escape_line_start(match: re.Match) -> str:
    indent, marker, number, delimiter = match.groups()
    if marker:
        return f"{indent}\\{marker}"
    return f"{indent}{number}\\{delimiter}"


def one_line(text: str) -> str:
    """Whitespace runs (newlines too) squeezed to single spaces, for headings and link labels."""
    return " ".join(text.split())  # as re.sub(r"\s+", " ", text).strip(): both split where str.isspace


@lru_cache(maxsize=4096)  # the same few tags come back on every highlight of an export
def safe_tag(name: str) -> str:
    """A tag as note apps accept it: `a/b` kept hierarchical, spaces and punctuation as `-`.

    Obsidian allows letters, digits, `_`, `-` and `/` in a tag and wants at least one
    character that is not a digit, so `1984` becomes `_1984`. Returns "" if nothing is left.
    """
    parts = []
    for part in name.split("/"):
        part = _TAG_JUNK.sub("-", part).strip("-")
        if part:
            parts.append(part)
    tag = "/".join(parts)
    if tag and all(char.isdigit() or char in "/-" for char in tag):
        tag = "_" + tag
    return tag


def hashtag(name: str) -> str:
    """`#a/b` for the tag `a/b` (never HTML-escaped), or "" for a tag with nothing usable."""
    tag = safe_tag(name)
    return "#" + tag if tag else ""


def link_url(url: str) -> str:
    """A URL that stays one link target in Markdown: spaces, brackets and quotes percent-encoded."""
    return percent_encode(url.strip(), safe=_URL_SAFE)


def note_markdown(note: str) -> str:
    """A note's own Markdown, trimmed, with a code fence it left open closed again.

    An unclosed fence would swallow every highlight after the note in the note app.
    """
    lines = note.strip("\n").rstrip().split("\n")
    open_fence = ""
    for line in lines:
        match = _FENCE.match(line)
        if not match:
            continue
        fence = match.group(1)
        if not open_fence:
            open_fence = fence
        elif fence[0] == open_fence[0] and len(fence) >= len(open_fence) and not line.strip(" `~"):
            open_fence = ""
    if open_fence:
        lines.append(open_fence)
    return "\n".join(lines)
