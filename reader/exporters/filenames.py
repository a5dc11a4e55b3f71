"""File names from titles that are safe on Linux, macOS and Windows, and unique in a folder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Forbidden on Windows (and `/` everywhere), plus control characters.
_FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]+')
_SPACE_RUN = re.compile(r"\s+")
# Windows refuses these as a name whatever the extension ("CON.md" too), in any case; it
# also reads superscript digits as digits (COM¹).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{stem}{digit}" for stem in ("COM", "LPT") for digit in "0123456789\u00b9\u00b2\u00b3"
}
MAX_STEM_CHARS = 100  # keeps whole paths under Windows' 260 in ordinary folders
MAX_STEM_BYTES = 200  # ext4, APFS and NTFS allow 255 per name; leaves room for " (99)" and ".md"
UNTITLED = "Untitled"


def safe_stem(title: str) -> str:
    """A file name stem for `title`: no separators or reserved names, no leading or trailing dot
    or space, at most MAX_STEM_CHARS characters and MAX_STEM_BYTES UTF-8 bytes, cut at a word."""
    stem = unicodedata.normalize("NFC", title)
    stem = _FORBIDDEN.sub(" ", stem)
    stem = _SPACE_RUN.sub(" ", stem).strip(" .")
    stem = _shorten(stem).strip(" .")
    if not stem:
        return UNTITLED
    if stem.split(".")[0].rstrip(" ").upper() in _RESERVED:
        stem = "_" + stem
    return stem


def _shorten(stem: str) -> str:
    if len(stem) <= MAX_STEM_CHARS and len(stem.encode("utf-8")) <= MAX_STEM_BYTES:
        return stem
    cut = stem[:MAX_STEM_CHARS]
    while len(cut.encode("utf-8")) > MAX_STEM_BYTES:
        cut = cut[:-1]
    # Never leave half of a combined character (an accent, a joined emoji) at the end.
    while cut and (unicodedata.combining(cut[-1]) or cut[-1] in "\u200d\ufe0f"):
        cut = cut[:-1]
    space = cut.rfind(" ")
    return cut[:space] if space > len(cut) // 2 else cut


def name_key(name: str) -> str:
    """How file systems compare names: macOS and Windows ignore case, macOS normalises Unicode."""
    return unicodedata.normalize("NFC", name).casefold()


def unique_name(stem: str, suffix: str, taken: Callable[[str], bool]) -> str:
    """`stem + suffix`, or `stem (2) + suffix`, `stem (3) + suffix`... the first name not `taken`."""
    name = stem + suffix
    number = 2
    while taken(name):
        name = f"{stem} ({number}){suffix}"
        number += 1
    return name


def is_plain_name(name: str) -> bool:
    """True for a single file name that stays inside its folder (no separators, not `.`/`..`)."""
    return bool(name) and name not in {".", ".."} and not _FORBIDDEN.search(name) and name == name.strip()
