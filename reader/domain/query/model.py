"""The structured search query: terms and filters combined as an AND of OR groups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class TextField(StrEnum):
    """Where a text term must occur; ANY is every text the result has."""

    ANY = "any"
    TITLE = "title"
    AUTHOR = "author"
    SITE = "site"
    NOTE = "note"


class TagMatch(StrEnum):
    """How a `tag:` value is compared with tag names (always ignoring case)."""

    EXACT = "exact"  # tag:world
    SUBTREE = "subtree"  # tag:world/*  (world itself and every tag below it)
    PREFIX = "prefix"  # tag:wor*


class Has(StrEnum):
    """What a `has:` filter asks for."""

    NOTE = "note"
    HIGHLIGHTS = "highlights"
    TAGS = "tags"


class State(StrEnum):
    """The reading states an `is:` filter asks for."""

    READ = "read"
    UNREAD = "unread"
    ARCHIVED = "archived"


class DateField(StrEnum):
    """The dates a comparison can be made on."""

    ADDED = "added"
    PUBLISHED = "published"


# Words that must be quoted to be read back as words rather than as operators.
KEYWORDS = frozenset({"OR", "AND", "NOT"})
_FIELD_LIKE = re.compile(r"^[A-Za-z]+:")


def _needs_quotes(word: str) -> bool:
    return (
        word in KEYWORDS
        or word.startswith(("-", "("))
        or word.endswith((")", "*"))
        or _FIELD_LIKE.match(word) is not None
        or any(ch.isspace() or ch == '"' for ch in word)
    )


@dataclass(frozen=True, slots=True)
class TextTerm:
    """Words to find: one word, or a phrase (words in this order), possibly as a prefix.

    `text` holds the words as typed, separated by single spaces; it always contains a letter
    or a digit. Matching ignores case and accents and, except for prefixes, stems English
    words.
    """

    text: str
    field: TextField = TextField.ANY
    prefix: bool = False

    @property
    def phrase(self) -> bool:
        return " " in self.text

    def canonical(self) -> str:
        field = "" if self.field is TextField.ANY else f"{self.field.value}:"
        words = f'"{self.text}"' if self.phrase or _needs_quotes(self.text) else self.text
        return f"{field}{words}{'*' if self.prefix else ''}"

    def describe(self) -> str:
        if self.prefix:
            what = f'words starting with "{self.text}"' if not self.phrase else f'the phrase "{self.text}…"'
        else:
            what = f'the phrase "{self.text}"' if self.phrase else f'"{self.text}"'
        where = {
            TextField.ANY: "",
            TextField.TITLE: " in the title",
            TextField.AUTHOR: " in the author",
            TextField.SITE: " in the site",
            TextField.NOTE: " in a note",
        }[self.field]
        return what + where


@dataclass(frozen=True, slots=True)
class TagFilter:
    """Results carrying a tag; `name` is the cleaned tag name as typed."""

    name: str
    match: TagMatch = TagMatch.EXACT

    @property
    def key(self) -> str:
        return self.name.casefold()

    def canonical(self) -> str:
        suffix = {TagMatch.EXACT: "", TagMatch.SUBTREE: "/*", TagMatch.PREFIX: "*"}[self.match]
        value = self.name + suffix
        quoted = value.endswith(")") or any(ch.isspace() for ch in value)
        return f'tag:"{value}"' if quoted else f"tag:{value}"

    def describe(self) -> str:
        if self.match is TagMatch.PREFIX:
            return f'with a tag starting with "{self.name}"'
        name = f'"{self.name}"' if " " in self.name else self.name
        return f"tagged {name}" + (" or a tag below it" if self.match is TagMatch.SUBTREE else "")


@dataclass(frozen=True, slots=True)
class ColorFilter:
    """Highlights of one palette colour (articles never match)."""

    color: str

    def canonical(self) -> str:
        return f"color:{self.color}"

    def describe(self) -> str:
        return f"{self.color} highlights"


@dataclass(frozen=True, slots=True)
class HasFilter:
    """Results that have a note, tags, or (articles only) highlights."""

    what: Has

    def canonical(self) -> str:
        return f"has:{self.what.value}"

    def describe(self) -> str:
        return {Has.NOTE: "with a note", Has.HIGHLIGHTS: "articles with highlights", Has.TAGS: "with tags"}[self.what]


@dataclass(frozen=True, slots=True)
class StateFilter:
    """Articles (and the highlights of articles) in a reading state."""

    state: State

    def canonical(self) -> str:
        return f"is:{self.state.value}"

    def describe(self) -> str:
        return self.state.value


@dataclass(frozen=True, slots=True)
class DateFilter:
    """A comparison of a date with a year, a month or a day.

    `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; it stands for the whole period, so
    `published:<2021` is before 2021-01-01 and `published:>2021` is from 2022-01-01 on.
    """

    field: DateField
    operator: str  # one of = < <= > >=
    value: str

    def _period(self) -> tuple[date, date]:
        # The parser accepts years 1000-9998 only, so the day after the period always exists.
        parts = [int(part) for part in self.value.split("-")]
        first = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        if len(parts) == 1:
            after = date(first.year + 1, 1, 1)
        elif len(parts) == 2:
            after = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        else:
            after = date.fromordinal(first.toordinal() + 1)
        return first, after

    @property
    def bounds(self) -> tuple[str | None, str | None]:
        """The half-open range `[start, end)` of ISO dates the filter accepts; None is unbounded."""
        first, after = (day.isoformat() for day in self._period())
        return {
            "=": (first, after),
            "<": (None, first),
            "<=": (None, after),
            ">": (after, None),
            ">=": (first, None),
        }[self.operator]

    def canonical(self) -> str:
        return f"{self.field.value}:{'' if self.operator == '=' else self.operator}{self.value}"

    def describe(self) -> str:
        words = {"=": "in", "<": "before", "<=": "in or before", ">": "after", ">=": "in or after"}
        return f"{self.field.value} {words[self.operator]} {self.value}"


Atom = TextTerm | TagFilter | ColorFilter | HasFilter | StateFilter | DateFilter


@dataclass(frozen=True, slots=True)
class Condition:
    """One atom, or its negation (`-word`, `-tag:x`)."""

    atom: Atom
    negated: bool = False

    def canonical(self) -> str:
        return ("-" if self.negated else "") + self.atom.canonical()

    def describe(self) -> str:
        return ("not " if self.negated else "") + self.atom.describe()


@dataclass(frozen=True, slots=True)
class Group:
    """Conditions joined by OR; a query needs every one of its groups to hold."""

    conditions: tuple[Condition, ...]

    def canonical(self) -> str:
        return " OR ".join(condition.canonical() for condition in self.conditions)

    def describe(self) -> str:
        text = " or ".join(condition.describe() for condition in self.conditions)
        return f"({text})" if len(self.conditions) > 1 else text


@dataclass(frozen=True, slots=True)
class Query:
    """What a query string means: groups that must all hold, and notes on what was reinterpreted.

    `notes` is empty when the string was read exactly as written; otherwise each note says
    what was ignored or read as plain words, for the "understood as" line.
    """

    source: str
    groups: tuple[Group, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def reinterpreted(self) -> bool:
        return bool(self.notes)

    def conditions(self) -> list[Condition]:
        return [condition for group in self.groups for condition in group.conditions]

    def canonical(self) -> str:
        """The query written back in the query language; parsing it gives the same groups."""
        return " ".join(group.canonical() for group in self.groups)

    def describe(self) -> str:
        """A human-readable account of what is searched for."""
        if not self.groups:
            return "nothing (the query is empty)"
        return "; ".join(group.describe() for group in self.groups)
