"""The highlight palette: colour keys stored with highlights, in the order keys 1-5 pick them."""

from __future__ import annotations

from collections.abc import Mapping

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


def color_label(key: str, names: Mapping[str, str]) -> str:
    """A palette colour as the window shows it: "yellow", or "yellow — key point" when the
    user named what it means (Preferences, `color_names` in the settings)."""
    name = names.get(key)
    name = " ".join(name.split()) if isinstance(name, str) else ""  # settings.json is the user's to edit
    return f"{key} \u2014 {name}" if name else key


def color_title(key: str, names: Mapping[str, str]) -> str:
    """`color_label` starting with a capital, for a menu entry or a button: "Yellow — key point"."""
    label = color_label(key, names)
    return label[:1].upper() + label[1:]
