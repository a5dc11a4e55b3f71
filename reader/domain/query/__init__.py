"""The search query language: a pure parser from a string to a structured Query."""

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
from reader.domain.query.parser import FIELDS, parse

__all__ = [
    "FIELDS",
    "Atom",
    "ColorFilter",
    "Condition",
    "DateField",
    "DateFilter",
    "Group",
    "Has",
    "HasFilter",
    "Query",
    "State",
    "StateFilter",
    "TagFilter",
    "TagMatch",
    "TextField",
    "TextTerm",
    "parse",
]
