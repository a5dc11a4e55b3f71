"""The query language, read into a Query; any string parses, and what was ignored is noted."""

from __future__ import annotations

import re
from datetime import date

from reader.domain.colors import PALETTE, UnknownColorError, normalize_color
from reader.domain.query.lexer import Token, balance_quotes, tokenize
from reader.domain.query.model import (
    Atom,
    ColorFilter,
    Condition,
    DateField,
    DateFilter,
    Group,
    Has,
    HasFilter,
    Query,
    State,
    StateFilter,
    TagFilter,
    TagMatch,
    TextField,
    TextTerm,
)
from reader.domain.tags import InvalidTagError, normalize_tag

MAX_QUERY_LENGTH = 2000  # longer input is cut: nobody types more, and each word costs a lookup
MIN_AUTO_PREFIX = 2  # as-you-type completion of the last word starts at two characters

_TEXT_FIELDS = {"title": TextField.TITLE, "author": TextField.AUTHOR, "site": TextField.SITE, "note": TextField.NOTE}
_HAS = {"note": Has.NOTE, "notes": Has.NOTE, "highlight": Has.HIGHLIGHTS, "highlights": Has.HIGHLIGHTS,
        "tag": Has.TAGS, "tags": Has.TAGS}
_STATES = {"read": State.READ, "unread": State.UNREAD, "archived": State.ARCHIVED}
_DATE = re.compile(r"(<=|>=|<|>|=)?(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
FIELDS = (*_TEXT_FIELDS, "tag", "color", "colour", "has", "is", "added", "published")


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _text_term(token: Token, field: TextField, notes: list[str], *, as_you_type: bool) -> TextTerm | None:
    text = " ".join(token.value.split())
    prefix = token.stars
    if not token.quoted and text.endswith("*"):
        text, prefix = text.rstrip("*"), True
    if not _has_word(text):
        if token.value.strip():
            notes.append(f'"{token.value}" has no letters or digits and was ignored')
        elif field is not TextField.ANY:
            notes.append(f"{field.value}: without a value was ignored")
        return None
    if as_you_type and token.last and not prefix and len(text) >= MIN_AUTO_PREFIX:
        prefix = True
    return TextTerm(text, field, prefix)


def _tag(token: Token, notes: list[str]) -> TagFilter | None:
    value = token.value.strip()
    match = TagMatch.EXACT
    if token.stars:
        match = TagMatch.PREFIX
    elif value.endswith("/*"):
        value, match = value[:-2], TagMatch.SUBTREE
    elif value.endswith("*"):
        value, match = value.rstrip("*"), TagMatch.PREFIX
    try:
        return TagFilter(normalize_tag(value), match)
    except InvalidTagError:
        notes.append("tag: without a tag name was ignored")
        return None


def _color(token: Token, notes: list[str]) -> ColorFilter | None:
    try:
        return ColorFilter(normalize_color(token.value))
    except UnknownColorError:
        notes.append(f'unknown colour "{token.value}" was ignored (colours: {", ".join(PALETTE)})')
        return None


def _date(token: Token, field: DateField, notes: list[str]) -> DateFilter | None:
    found = _DATE.fullmatch(token.value.strip())
    if found:
        operator, year, month, day = found.groups()
        parts = [int(year)] + [int(part) for part in (month, day) if part]
        try:
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            parts = []
        if parts and 1000 <= parts[0] <= 9998:
            value = "-".join([f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]])
            return DateFilter(field, operator or "=", value)
    notes.append(f'{field.value}:{token.value} is not a date and was ignored (try {field.value}:>2024-01-31 '
                 f"or {field.value}:<2021)")
    return None


def _atom(token: Token, notes: list[str], *, as_you_type: bool) -> Atom | None:
    """The atom a token stands for, or None (with a note) when it says nothing usable."""
    name = token.field.lower() if token.field else None
    if name is None:
        return _text_term(token, TextField.ANY, notes, as_you_type=as_you_type)
    if name in _TEXT_FIELDS:
        return _text_term(token, _TEXT_FIELDS[name], notes, as_you_type=as_you_type)
    if not token.value.strip() and name in FIELDS:
        notes.append(f"{name}: without a value was ignored")
        return None
    if name == "tag":
        return _tag(token, notes)
    if name in ("color", "colour"):
        return _color(token, notes)
    if name in ("added", "published"):
        return _date(token, DateField(name), notes)
    if name == "has" and token.value.lower() in _HAS:
        return HasFilter(_HAS[token.value.lower()])
    if name == "is" and token.value.lower() in _STATES:
        return StateFilter(_STATES[token.value.lower()])
    if name in ("has", "is"):
        choices = ", ".join(f"{name}:{value}" for value in ({"has": ("note", "highlights", "tags"),
                                                            "is": tuple(_STATES)}[name]))
        notes.append(f"{name}:{token.value} is not known and was ignored (try {choices})")
        return None
    # An unknown field is part of the words (`re:Invent`, `10:30`, web addresses).
    if not token.value.startswith("//"):
        notes.append(f'unknown field "{token.field}:" was read as part of the words')
    joined = Token(f"{token.field}:{token.value}", quoted=token.quoted, stars=token.stars, last=token.last)
    return _text_term(joined, TextField.ANY, notes, as_you_type=as_you_type)


def _as_word(keyword: str, notes: list[str], why: str) -> Condition:
    notes.append(f"{keyword} {why} was read as a word")
    return Condition(TextTerm(keyword))


def _groups(items: list[Condition | str], notes: list[str]) -> tuple[Group, ...]:
    """Apply NOT, then AND, then OR to a list of conditions and operator words."""
    # NOT negates the condition that follows it.
    resolved: list[Condition | str] = []
    index = 0
    while index < len(items):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if item == "NOT":
            if isinstance(following, Condition):
                resolved.append(Condition(following.atom, not following.negated))
                index += 2
                continue
            item = _as_word("NOT", notes, "with nothing after it")
        resolved.append(item)
        index += 1
    # AND between two conditions says what juxtaposition already says.
    items, resolved = resolved, []
    for index, item in enumerate(items):
        if item == "AND":
            before = items[index - 1] if index else None
            after = items[index + 1] if index + 1 < len(items) else None
            if isinstance(before, Condition) and isinstance(after, Condition):
                continue
            item = _as_word("AND", notes, "without a term on each side")
        resolved.append(item)
    # OR joins its neighbours into one group.
    groups: list[list[Condition]] = []
    joining = False
    for index, item in enumerate(resolved):
        if item == "OR":
            after = resolved[index + 1] if index + 1 < len(resolved) else None
            if groups and not joining and isinstance(after, Condition):
                joining = True
                continue
            item = _as_word("OR", notes, "without a term on each side")
        assert isinstance(item, Condition)
        if joining:
            groups[-1].append(item)
            joining = False
        else:
            groups.append([item])
    return tuple(Group(tuple(dict.fromkeys(group))) for group in groups)


def parse(text: str, *, as_you_type: bool = False) -> Query:
    """Read a query string; never raises.

    Words must all match; `"phrases"`, `prefix*`, `-excluded`, `a OR b`, and the fields
    `title: author: site: note: tag: color: has: is: added: published:`. Whatever cannot be
    read that way is read as plain words or dropped, with a note saying so.

    With `as_you_type`, the last word (when the text does not end in a space) is also
    matched as a prefix, so results keep up while a word is being typed.
    """
    notes: list[str] = []
    if not isinstance(text, str):
        text = ""
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        notes.append(f"the query was cut to its first {MAX_QUERY_LENGTH} characters")
    items: list[Condition | str] = []
    for token in tokenize(balance_quotes(text, notes), notes):
        if token.keyword:
            items.append(token.keyword)
            continue
        atom = _atom(token, notes, as_you_type=as_you_type)
        if atom is not None:
            items.append(Condition(atom, token.negated))
    groups = _groups(items, notes)
    unique_groups = tuple(dict.fromkeys(groups))
    return Query(source=text, groups=unique_groups, notes=tuple(dict.fromkeys(notes)))
