"""What an article's details accept when a person corrects them (command line and window alike)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from reader.domain.dates import parse_user_date
from reader.domain.errors import ReaderError


class InvalidDetailsError(ReaderError, ValueError):
    """A corrected title or web address that cannot be kept."""


def is_web_address(text: str) -> bool:
    """True for an absolute http:// or https:// address with a host and no spaces."""
    if not text or any(character.isspace() for character in text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # a malformed port or IPv6 host
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


def clean_details(changes: Mapping[str, str | None]) -> dict[str, str | None]:
    """The corrections in `changes` as they are stored; raises a ReaderError naming the bad one.

    None means "leave that field alone" and is left out. Runs of spaces and line breaks become
    one space. The title may not be blank (an article without one cannot be listed or exported
    usefully); `published` is read as people write dates and stored as ISO 8601, empty clears
    it; `url` is an absolute http(s) address or empty (file imports keep no address). Author
    and site may be anything, empty included.
    """
    clean: dict[str, str | None] = {}
    for name, value in changes.items():
        if value is None:
            continue
        value = " ".join(value.split())
        if name == "title" and not value:
            raise InvalidDetailsError("the title cannot be empty")
        if name == "url" and value and not is_web_address(value):
            raise InvalidDetailsError(f"the address must be an absolute http:// or https:// address, "
                                      f"or empty to clear it (not {value!r})")
        if name == "published":
            clean[name] = parse_user_date(value) if value else None
        else:
            clean[name] = value
    return clean
