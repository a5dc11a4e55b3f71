"""Bylines and dates written in the lines around a headline ("By Jane Doe", "Nov 19, 2019, 10:31 pm")."""

from __future__ import annotations

import re
import warnings

from reader.domain.dates import DATE_LINE, parse_date
from reader.importers.people import clean_author

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?"
# A date somewhere inside a line: "Nov 19, 2019, 10:31 pm", "19 November 2019", "2019-11-19 08:00".
DATE_IN_LINE = re.compile(
    rf"""\b(?:
        {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{_TIME} |
        \d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+\d{{4}}{_TIME} |
        \d{{4}}-\d{{2}}-\d{{2}}(?:[ T]\d{{2}}:\d{{2}})? |
        \d{{1,2}}/\d{{1,2}}/\d{{4}}{_TIME}
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BY_NAME = re.compile(r"(?:^|[\s/|(])by\s*:?\s+(?P<name>[^|/\u2022\u00b7\n]{2,120})", re.IGNORECASE)
# Where a name written after "by" stops: a separator, a date, "on"/"updated"/"published".
_NAME_END = re.compile(
    r"\s+(?:[-\u2013\u2014|\u2022\u00b7]|on\s|updated\b|published\b|posted\b|in\s|at\s+\d)|,\s*(?:updated|published|posted)\b"
    r"|\s*@|\s+\d{1,2}\s*(?:min|hour|day|week)s?\b",
    re.IGNORECASE,
)
_NOT_NAMES = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(updated|published|posted|last|modified|on|at|am|pm|"
    r"edt|est|pst|pdt|gmt|utc|cet|ist)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f][\w.'\u2019-]*|[a-z]{1,3}|and|&|de|van|von|der|la|du|del)$")
_NAME_THEN_SEPARATOR = re.compile(r"^(?P<name>[^\d@|/\u2022-]{3,60}?)\s*(?:[-\u2013\u2014|/\u2022\u00b7]\s*|@\w+)")


def find_date(line: str) -> str | None:
    """The ISO date written in a line (alone or among other words), or None."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil warns about time zone names it does not know
        if DATE_LINE.match(line):
            found = parse_date(line)
            if found:
                return found
        for match in DATE_IN_LINE.finditer(line):
            found = parse_date(match.group(0).rstrip(",. "))
            if found:
                return found
    return None


def looks_like_name(text: str) -> bool:
    """True for a few capitalised words (with "and", "de", "van"...), as names are written."""
    words = text.replace(",", " ").split()
    return 1 <= len(words) <= 10 and all(_NAME_WORD.match(w) for w in words) and any(w[0].isupper() for w in words)


def find_byline(line: str) -> str:
    """The author a byline names ("avatar by Reuters and Staff", "Jane Doe - Nov 19, 2019"), or ""."""
    line = " ".join(line.split())
    if len(line.split()) > 30:
        return ""
    match = _BY_NAME.search(line)
    before = line[:match.start("name")].rsplit("by", 1)[0] if match else ""
    if match and (len(before.split()) <= 2 or re.search(r"[|/\u2022\u00b7-]\s*$", before)
                  or re.match(r"\s*(posted|published|written|updated)\b", before, re.IGNORECASE)):
        name = DATE_IN_LINE.split(match.group("name"))[0]
        name = _NAME_END.split(name)[0].strip(" ,;:.")
        if looks_like_name(name) or re.fullmatch(r"[\w.-]{2,30}", name):
            return clean_author(name)
        return ""
    stripped = DATE_IN_LINE.sub("", line).strip(" ,-\u2013\u2014|/")
    if stripped != line.strip(" ,-\u2013\u2014|/") and looks_like_name(stripped) and len(stripped.split()) <= 5 \
            and not _NOT_NAMES.search(stripped):
        return clean_author(stripped)  # "Jane Doe November 18, 2019 11:03 PM"
    match = _NAME_THEN_SEPARATOR.match(stripped + " |")
    if match and DATE_IN_LINE.search(line) or (match and "@" in line):
        name = match.group("name").strip(" ,")
        if looks_like_name(name) and len(name.split()) >= 2 and not _NOT_NAMES.search(name):
            return clean_author(name)
    return ""
