"""The highlight palette: colour keys stored with highlights, in the order keys 1-5 pick them."""

from __future__ import annotations

from reader.domain.errors import ReaderError

PALETTE: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
DEFAULT_COLOR = PALETTE[0]
# Common names people type for palette colours. Only search filters read them (`color:red` finds
# pink highlights); a colour that is stored must be named exactly, or "orange" would quietly save
# a yellow highlight.
_ALIASES = {"red": "pink", "orange": "yellow", "violet": "purple", "cyan": "blue"}


class UnknownColorError(ReaderError, ValueError):
    """A colour name that is not in the palette."""


def palette_key(name: str) -> str:
    """The palette key `name` spells, in any case ("Green" is green); raises UnknownColorError.

    This is the rule for every colour that gets stored: the command line, the window and the
    services. Case is folded because it cannot change which colour is meant; no other word is
    accepted.
    """
    key = name.strip().lower()
    if key not in PALETTE:
        raise UnknownColorError(f"unknown colour {name!r}; choose one of {', '.join(PALETTE)}")
    return key


def normalize_color(name: str) -> str:
    """The palette key for a colour name in a search filter: any case, and a few common aliases."""
    key = name.strip().lower()
    return palette_key(_ALIASES.get(key, name))
