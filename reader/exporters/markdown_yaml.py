"""YAML front matter for Markdown files: scalars that read back exactly, written without a YAML library."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

# What a YAML double-quoted scalar may not hold raw: non-printable characters, and NEL and
# the Unicode line and paragraph separators, which YAML would read as line breaks.
_YAML_ESCAPE = re.compile("[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# What neither JSON nor _YAML_ESCAPE changes: a string of only these is quoted as it is.
# (The printable characters of _YAML_ESCAPE less tab, newline, `"` and `\`, which JSON escapes.)
_PLAIN = re.compile(r"[\x20\x21\x23-\x5b\x5d-\x7e"
                    r"\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")


def yaml_scalar(value: str | int | None) -> str:
    """A YAML scalar that reads back as exactly `value`: null, an integer, or a double-quoted string.

    A JSON string is a YAML double-quoted scalar; what YAML reads differently from JSON
    (see _YAML_ESCAPE) is escaped as well, so any title is safe by construction.
    """
    if value is None:
        return "null"
    if type(value) is str:
        text = value
    elif isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    else:
        text = str(value)
    # Most titles, names and addresses: nothing to escape. Printable ASCII less `"` and `\` is
    # what _PLAIN allows below 0x80, and str's own tests of it cost far less than the regex.
    if text.isascii():
        if text.isprintable() and '"' not in text and "\\" not in text:
            return f'"{text}"'
    elif _PLAIN.fullmatch(text):
        return f'"{text}"'
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_ESCAPE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def front_matter(fields: Mapping[str, str | int | None | Sequence[str]]) -> str:
    """YAML front matter lines (without the `---` fences): scalars, and lists as block lists."""
    lines = []
    for key, value in fields.items():
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}:" if value else f"{key}: []")
            lines.extend(f"  - {yaml_scalar(item)}" for item in value)
        else:
            lines.append(f"{key}: {yaml_scalar(value)}")
    return "\n".join(lines) + "\n"
