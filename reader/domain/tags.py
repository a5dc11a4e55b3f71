"""Tag names: how they are written, compared and nested (`a/b` is a child of `a`)."""

from __future__ import annotations

import re

from reader.domain.errors import ReaderError

MAX_TAG_LENGTH = 200
_SPACES = re.compile(r"\s+")


class InvalidTagError(ReaderError, ValueError):
    """A tag name that is empty or too long once cleaned."""


def normalize_tag(name: str) -> str:
    """Clean a tag as typed: trim, collapse spaces, tidy the `/` separators, drop a leading `#`.

    Case is kept as the user wrote it; comparison is case-insensitive (see `tag_key`).
    """
    name = _SPACES.sub(" ", name.strip()).lstrip("#")
    parts = [part.strip() for part in name.split("/")]
    name = "/".join(part for part in parts if part)
    if not name:
        raise InvalidTagError("a tag needs at least one letter")
    if len(name) > MAX_TAG_LENGTH:
        raise InvalidTagError(f"a tag can have at most {MAX_TAG_LENGTH} characters")
    return name


def tag_key(name: str) -> str:
    """The case-insensitive identity of a tag."""
    return normalize_tag(name).casefold()


def is_same_or_descendant(name: str, ancestor: str) -> bool:
    """True for `ancestor` itself and for every tag below it (`a`, `a/b`, `a/b/c` for `a`)."""
    key, root = tag_key(name), tag_key(ancestor)
    return key == root or key.startswith(root + "/")


def renamed(name: str, old: str, new: str) -> str:
    """The name `name` takes when `old` (and so its subtree) is renamed to `new`."""
    old_clean, new_clean = normalize_tag(old), normalize_tag(new)
    if tag_key(name) == old_clean.casefold():
        return new_clean
    return new_clean + normalize_tag(name)[len(old_clean) :]
