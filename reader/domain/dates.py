"""Dates as people and pages write them, turned into ISO 8601 strings."""

from __future__ import annotations

import re
from datetime import date, datetime

from reader.domain.errors import ReaderError

_MONTHS = r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
# A line that is essentially a date (and maybe a time): "December 24, 2020 8:54 am", "2020-12-24",
# "24 Dec 2020", "Friday, August 12th".
DATE_LINE = re.compile(
    rf"""^\s*(\w+day,?\s+)?(
        {_MONTHS}\s+\d{{1,2}}(st|nd|rd|th)?,?(\s+\d{{4}})? |
        \d{{1,2}}(st|nd|rd|th)?\s+{_MONTHS},?(\s+\d{{4}})? |
        \d{{4}}-\d{{2}}-\d{{2}}([ T]\d{{2}}:\d{{2}}(:\d{{2}})?)? |
        \d{{1,2}}/\d{{1,2}}/\d{{2,4}}
    )(,?\s+(at\s+)?\d{{1,2}}(:\d{{2}}){{1,2}}\s*([ap]\.?m\.?)?(\s+[A-Z]{{2,4}})?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


class InvalidDateError(ReaderError, ValueError):
    """A date the user typed that cannot be read."""


def parse_date(text: str, *, with_time: bool = True) -> str | None:
    """ISO 8601 for a date written in `text` (`2020-12-24` or `2020-12-24T08:54`), or None.

    Only a year with month and day counts; a time is kept when present. Years outside
    1900-2200 are rejected as misreadings.
    """
    text = text.strip()
    if not text or not re.search(r"\d", text):
        return None
    from dateutil import parser as dateutil_parser  # loaded on first use: it is slow to import

    try:
        default = datetime(1, 1, 1)
        parsed = dateutil_parser.parse(text, default=default, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1 or not 1900 <= parsed.year <= 2200:
        return None
    has_time = with_time and re.search(r"\d{1,2}:\d{2}", text) is not None
    if has_time:
        return parsed.replace(tzinfo=None).isoformat(timespec="minutes")
    return parsed.date().isoformat()


def parse_user_date(text: str) -> str:
    """A date typed on the command line or in the window, as ISO 8601; raises InvalidDateError."""
    iso = parse_date(text)
    if iso is None:
        raise InvalidDateError(f"cannot read {text!r} as a date (try 2020-12-24 or 2020-12-24 08:54)")
    return iso


def normalize_iso(value: str | date | None) -> str | None:
    """A metadata date from an extractor (string or date) as ISO 8601, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return parse_date(str(value))
