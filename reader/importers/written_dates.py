"""Dates as pages write them inside a line: month names in several languages, numbers in either order.

"Nov 19, 2019, 10:31 pm", "19 November 2019", "25. September 2018", "27 de setembro de 2018",
"11 октября 2018", "2019-11-19T08:00", "11/19/2019", "19.11.2019", "11/19/19 06:56 AM",
"5:45 AM PST 11/19/2019". A date needs a day, a month and a year: "Nov 19" alone, "2 days
ago" or "Today 12:01 AM" give nothing, since a year would have to be guessed. Numbers
written in an order the line cannot tell ("08/12/2022") follow `day_first`, which the caller
takes from the other numeric dates of the same page (see numeric_order).

A page that leaves the year out ("Posted Nov 19, 6:51 AM") does so for this year's articles;
its copyright notice ("© 2019 Cleveland.com") says which year that was when it was copied,
and `yearless_date` reads the date in that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Month names and their usual short forms in the languages news pages are most often written in
# (English, German, French, Spanish, Portuguese, Italian, Dutch, Indonesian, Russian).
_MONTH_NAMES = {
    1: "january jan januar janvier enero ene janeiro gennaio gen januari января январь янв",
    2: "february feb februar fevrier février febrero fevereiro fev febbraio februari февраля февраль фев",
    3: "march mar märz maerz mars marzo março marco maart maret марта март мар",
    4: "april apr avril abril abr aprile апреля апрель апр",
    5: "may mai mayo maio maggio mag mei мая май",
    6: "june jun juni juin junio junho giugno giu июня июнь июн",
    7: "july jul juli juillet julio julho luglio lug июля июль июл",
    8: "august aug août aout agosto ago augustus agustus августа август авг",
    9: "september sep sept septembre septiembre setiembre setembro settembre set сентября сентябрь сен",
    10: "october oct oktober okt octobre octubre outubro out ottobre ott октября октябрь окт",
    11: "november nov novembre noviembre novembro ноября ноябрь ноя",
    12: "december dec dezember dez décembre decembre diciembre dic dezembro dicembre desember декабря декабрь дек",
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
MONTH_NAME = "(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_MONTH = MONTH_NAME
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_CLOCK = r"(?P<{p}h>\d{{1,2}})[:.h](?P<{p}m>[0-5]\d)(?::[0-5]\d)?\s*(?P<{p}ap>[ap]\.?\s?m\b\.?)?(?:\s*[A-Z]{{2,4}}\b)?"
# A time before the date ("5:45 AM PST 11/19/2019") or after it ("Nov 19, 2019, 10:31 pm", "| 4:10pm").
_BEFORE = r"(?:" + _CLOCK.format(p="b") + r"\s*[,;|\u2022\u00b7-]?\s*)?"
_AFTER = r"(?:(?:T|\s*[,;|\u2022\u00b7@-]?\s*)(?:at\s+|um\s+|à\s+|às\s+|a las\s+|в\s+)?" + _CLOCK.format(p="a") + ")?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|\.|er)?"
_YEAR = r"(?P<{}>(?:19|20|21)\d\d)"
_FORMS = (
    rf"(?P<m1>{_MONTH})\s+{_DAY.format('d1')},?\s+{_YEAR.format('y1')}",  # Nov 19, 2019
    # 19 November 2019, 27 de setembro de 2018, 11 октября 2018 г.
    rf"{_DAY.format('d2')}\s+(?:de\s+)?(?P<m2>{_MONTH}),?\s+(?:de\s+|del\s+)?{_YEAR.format('y2')}(?:\s*(?:г\.|года))?",
    rf"{_YEAR.format('y3')}[-/.](?P<m3>[01]?\d)[-/.](?P<d3>[0-3]?\d)(?![/\d])",  # 2019-11-19, 2019/11/19
    r"(?P<first>[0-3]?\d)(?P<sep>[/.-])(?P<second>[0-3]?\d)(?P=sep)(?P<y4>(?:19|20)\d\d|\d\d)(?![/\d])",  # 11/19/2019
)
_DATE = re.compile(
    r"(?<![\w/])(?<!\d[.-])" + _BEFORE + _WEEKDAY + "(?:" + "|".join(f"(?:{form})" for form in _FORMS) + ")"
    + r"(?!\.\d|(?-i:[a-z]))"  # "...2019Get short URL": a capital after the year is the next element, glued
    + _AFTER,
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset("the and of to in is for that with on was".split())  # a tenth of any English text
_NUMERIC = re.compile(r"(?<![\w./-])([0-3]?\d)([/.-])([0-3]?\d)\2(?:(?:19|20)\d\d|\d\d)(?![\w/])")
_UPDATED = re.compile(r"\b(updated?|modified|changed|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|"
                      r"обновлено)(\s+(on|at|am|le|el|em|il))?\W*$", re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(published|posted|original|created|on|publiziert|veröffentlicht|publié|publicado|"
                        r"pubblicato|опубликовано)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class WrittenDate:
    """A date found in a line: its ISO form, where it stands, and whether a label calls it an update."""

    iso: str
    start: int
    end: int
    updated: bool = False
    published: bool = False


def numeric_order(text: str) -> bool | None:
    """Whether the page writes numeric dates day first (19/11/2019), from those that can only be read one way.

    When none tells, a page not in English writes the day first (only American English puts the
    month first); None for an English page, or a page with no numeric date at all.
    """
    day_first = month_first = numeric = 0
    for match in _NUMERIC.finditer(text):
        numeric += 1
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second:
            day_first += 1
        elif second > 12 >= first:
            month_first += 1
    if day_first != month_first:
        return day_first > month_first
    if not numeric:
        return None
    words = _WORD.findall(text[:20000].lower())
    english = sum(word in _ENGLISH for word in words)
    return True if len(words) >= 50 and english < 0.03 * len(words) else None


def _clock(match: re.Match, prefix: str) -> tuple[int, int] | None:
    hour = match.group(f"{prefix}h")
    if hour is None:
        return None
    hour, minute = int(hour), int(match.group(f"{prefix}m"))
    meridiem = (match.group(f"{prefix}ap") or "").lower()
    if meridiem and not 1 <= hour <= 12:
        return None
    if meridiem.startswith("p") and hour != 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 else None


def _day_month_year(match: re.Match, day_first: bool | None) -> tuple[int, int, int] | None:
    if match.group("m1"):
        return int(match.group("d1")), MONTHS[match.group("m1").lower().rstrip(".")], int(match.group("y1"))
    if match.group("m2"):
        return int(match.group("d2")), MONTHS[match.group("m2").lower().rstrip(".")], int(match.group("y2"))
    if match.group("m3"):
        return int(match.group("d3")), int(match.group("m3")), int(match.group("y3"))
    first, second, year = int(match.group("first")), int(match.group("second")), match.group("y4")
    if len(year) == 2:
        if _clock(match, "a") is None and _clock(match, "b") is None:
            return None  # "11.18.19" alone is as likely a version or a score as a date
        year = "20" + year
    if first > 12 or (second <= 12 and (day_first if day_first is not None else match.group("sep") != "/")):
        return first, second, int(year)
    return second, first, int(year)


def find_dates(line: str, day_first: bool | None = None) -> list[WrittenDate]:
    """Every date written in `line`, in order, as ISO 8601 (with the time when one is written)."""
    found: list[WrittenDate] = []
    if not _DIGIT.search(line):
        return found  # most lines have no digit at all: no need to try every way of writing a date
    for match in _DATE.finditer(line):
        parts = _day_month_year(match, day_first)
        if parts is None:
            continue
        day, month, year = parts
        try:
            day_value = date(year, month, day)
        except ValueError:
            continue
        if not 1900 <= year <= 2200:
            continue
        clock = _clock(match, "b") or _clock(match, "a")
        iso = day_value.isoformat() + (f"T{clock[0]:02}:{clock[1]:02}" if clock else "")
        before = line[max(0, match.start() - 30):match.start()]
        updated = bool(_UPDATED.search(before))
        found.append(WrittenDate(iso, match.start(), match.end(), updated, not updated and bool(_PUBLISHED.search(before))))
    return found


def publication_date(line: str, day_first: bool | None = None) -> str | None:
    """The date a line gives for publication: one labelled "Published"/"Posted" first, then one not
    labelled "Updated", then any; None when the line has no full date."""
    dates = find_dates(line, day_first)
    for chosen in ([d for d in dates if d.published], [d for d in dates if not d.updated], dates):
        if chosen:
            return chosen[0].iso
    return None


# "© 2019 Cleveland.com", "Copyright © 2010-2019", "(c) 2018": the last year is the year shown.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-\u2013]\s*)?((?:19|20)\d\d)\b",
                        re.IGNORECASE)
# A day and a month with no year after them: "Nov 19", "Nov. 19th, 6:51 AM", "19 November".
_MONTH_DAY = re.compile(rf"(?<![\w/])(?:{MONTH_NAME}\s+[0-3]?\d(?:st|nd|rd|th)?|[0-3]?\d\.?\s+{MONTH_NAME})"
                        r"(?![\w:])(?!,?\s+(?:de\s+)?\d{4})", re.IGNORECASE)


def copyright_year(lines: list[str]) -> int | None:
    """The latest year a page's copyright notice gives, or None when it has none."""
    years = [int(match.group(1)) for line in lines if "©" in line or "(c" in line.lower() or "opyright" in line
             for match in _COPYRIGHT.finditer(line)]
    return max(years) if years else None


def yearless_date(line: str, year: int, day_first: bool | None = None, today: date | None = None) -> str | None:
    """The publication date of a line that writes it without its year ("Posted Nov 19, 6:51 AM"),
    read in `year`; a day that would still be to come is last year's. None when the line has none."""
    filled = _MONTH_DAY.sub(lambda match: f"{match.group(0)}, {year}", line)
    found = publication_date(filled, day_first) if filled != line else None
    if found is None or date.fromisoformat(found[:10]) <= (today or date.today()) + timedelta(days=1):
        return found
    return publication_date(_MONTH_DAY.sub(lambda match: f"{match.group(0)}, {year - 1}", line), day_first)
