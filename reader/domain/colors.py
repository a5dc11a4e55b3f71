"""The highlight palette: colour keys stored with highlights, in the order keys 1-5 pick them."""

from __future__ import annotations

from reader.domain.errors import ReaderError

PALETTE: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
DEFAULT_COLOR = PALETTE[0]
# Common names people type for palette colours.
_ALIASES = {"red": "pink", "orange": "yellow", "violet": "purple", "cyan": "blue"}


class UnknownColorError(ReaderError, ValueError):
    """A colour name that is not in the palette."""


def normalize_color(name: str) -> str:
    """The palette key for a colour name, case-insensitive, accepting a few common aliases."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in PALETTE:
        raise UnknownColorError(f"unknown colour {name!r}; choose one of {', '.join(PALETTE)}")
    return key
