"""Splitting a query string into tokens: words, quoted phrases, `-` negations and `field:` prefixes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Typographic quotes (what macOS and word processors type) count as straight double quotes;
# control characters separate words (a NUL would end the query early inside SQLite).
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         **{chr(code): " " for code in range(0x20) if chr(code) not in "\t\n\r"}, "\x7f": " "})
_FIELD = re.compile(r"([A-Za-z]+):")


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of the query as typed.

    `value` excludes the `-`, the `field:` and the quotes; `stars` says whether a `*` followed
    a closing quote. `last` marks the final token of a query that does not end in a space.
    """

    value: str
    negated: bool = False
    field: str | None = None
    quoted: bool = False
    stars: bool = False
    last: bool = False

    @property
    def keyword(self) -> str | None:
        """OR, AND or NOT when the token is that bare operator word."""
        if not (self.quoted or self.negated or self.field) and self.value in ("OR", "AND", "NOT"):
            return self.value
        return None


def balance_quotes(text: str, notes: list[str]) -> str:
    """Straighten quotes, blank control characters, drop a final unmatched `"` (the rest reads as words)."""
    text = text.translate(_QUOTES)
    if text.count('"') % 2:
        cut = text.rindex('"')
        text = text[:cut] + " " + text[cut + 1 :]
        notes.append('the unmatched " was ignored')
    return text


def tokenize(text: str, notes: list[str]) -> list[Token]:
    """The tokens of `text`, whose quotes must be balanced (see `balance_quotes`)."""
    tokens: list[Token] = []
    position, length = 0, len(text)
    while position < length:
        if text[position].isspace():
            position += 1
            continue
        negated = False
        while position < length and text[position] in "-(":
            if text[position] == "(":
                notes.append("parentheses are not supported and were ignored")
            else:
                negated = True
            position += 1
        if position == length or text[position].isspace():
            notes.append('a "-" on its own was ignored' if negated else "parentheses are not supported and were ignored")
            continue
        field = None
        match = _FIELD.match(text, position)
        if match:
            field = match.group(1)
            position = match.end()
        if position < length and text[position] == '"':
            close = text.index('"', position + 1)
            value = text[position + 1 : close]
            position = close + 1
            stars = position < length and text[position] == "*"
            while position < length and text[position] == "*":
                position += 1
            tokens.append(Token(value, negated, field, quoted=True, stars=stars))
            continue
        end = position
        while end < length and not text[end].isspace() and text[end] != '"':
            end += 1
        value = text[position:end]
        position = end
        if value.endswith(")"):
            value = value.rstrip(")")
            notes.append("parentheses are not supported and were ignored")
        tokens.append(Token(value, negated, field))
    if tokens and not text[-1:].isspace() and not tokens[-1].quoted:
        last = tokens[-1]
        tokens[-1] = Token(last.value, last.negated, last.field, last.quoted, last.stars, last=True)
    return tokens
