"""Finding a typed phrase in the canonical text, forgiving case, spacing, quotes and dashes."""

from __future__ import annotations

import re

MAX_MATCHES = 20_000  # past this a query is not telling anything apart ("e" in a book)

_ALTERNATIVES = {
    "'": "['\u2018\u2019\u201a\u201b\u2032]",
    '"': '["\u201c\u201d\u201e\u201f\u2033]',
    "-": "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]",
}
for _variants in (_ALTERNATIVES["'"], _ALTERNATIVES['"'], _ALTERNATIVES["-"]):
    for _char in _variants[1:-1]:
        _ALTERNATIVES.setdefault(_char, _variants)


def find_pattern(query: str) -> re.Pattern[str] | None:
    """A pattern for `query`: case-insensitive, any whitespace run for a space, and typographic
    quotes and dashes for their keyboard forms (and back). None for an empty query."""
    words = query.split()
    if not words:
        return None
    pieces = []
    for word in words:
        pieces.append("".join(_ALTERNATIVES.get(char) or re.escape(char) for char in word))
    return re.compile(r"\s+".join(pieces), re.IGNORECASE)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every match of `query` in `text` as code-point spans, in order (at most MAX_MATCHES)."""
    pattern = find_pattern(query)
    if pattern is None:
        return []
    matches = []
    for match in pattern.finditer(text):
        matches.append(match.span())
        if len(matches) >= MAX_MATCHES:
            break
    return matches
