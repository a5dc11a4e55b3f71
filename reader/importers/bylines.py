"""Bylines and dates written in the lines around a headline ("By Jane Doe", "Nov 19, 2019, 10:31 pm").

find_byline reads a line that says it is a byline ("By ...", "Author: ...", a name beside a date,
a name with a job); name_line reads a line that is only a name, which is a byline only where
it stands (the caller decides). Dates are read by written_dates.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.importers.people import JOB as _JOB, clean_author
from reader.importers.written_dates import WrittenDate, find_dates, publication_date

# "by" anywhere (after a label, a date or a separator), or "Publicado por", "publié par"...; the German,
# French, Spanish, Italian and Dutch words for "by" alone only where a line starts, as they are also
# name particles ("Ursula von der Leyen").
_LABELS = r"published by|posted by|written by|publicado por|escrito por|publi\u00e9 par|\u00e9crit par|" \
          r"ver\u00f6ffentlicht von|geschrieben von|pubblicato da|scritto da|geschreven door"
_BY_NAME = re.compile(rf"(?:(?:^|[\s/|(])(?:[Bb][Yy]|(?i:{_LABELS}))|^(?:[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor))\s*:?\s+"
                      r"(?P<name>[^|/\u2022\u00b7\n]{2,120})")
_BY_WORD = re.compile(rf"(?:{_LABELS}|by|von|par|por|di|door)\s*:?\s*$", re.IGNORECASE)
# Labels that introduce a name without "by": "Written by", "Author: Jane Doe", "Reporter: Jane Doe".
_LABEL = re.compile(r"^\s*(?:author|authors|written by|words|text|texto|reporter|reporting|autor|auteur|автор|текст)\s*[:\-]\s*"
                    r"(?P<name>.{2,80})$", re.IGNORECASE)
# Where a name written after "by" stops: a separator, a date, "on"/"updated"/"published".
_NAME_END = re.compile(
    r"\s+(?:[-\u2013\u2014|\u2022\u00b7]|on\s|updated\b|published\b|posted\b|in\s|at\s+\d|publiziert\b|"
    r"ver\u00f6ffentlicht\b|publi\u00e9\b|publicado\b|pubblicato\b|am\s+\d|le\s+\d)|,\s*(?:updated|published|posted)\b"
    r"|\s*@|\s+(?-i:[a-z])[\w.-]*@|\s+\d{1,2}\s*(?:min|hour|day|week)s?\b|\s+(?:\d+|no)\s+comments?\b"
    r"|\s+[\w-]+\.(?:com|org|net|co|uk|de|fr|in|au|ca|io)\b",
    re.IGNORECASE,
)
_NOT_NAMES = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(updated|published|posted|last|modified|on|at|am|pm|"
    r"edt|est|pst|pdt|gmt|utc|cet|ist)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f\u0400-\u042f][\w.'\u2019-]*|[a-z]{1,3}|and|&|de|van|von|der|la|du|del)$")
_NAME_THEN_SEPARATOR = re.compile(r"^(?P<name>[^\d@|/\u2022-]{3,60}?)\s*(?:[-\u2013\u2014|/\u2022\u00b7]\s*|@\w+)")
_ROLE = re.compile(rf"{_JOB.pattern}|\b(producer|analyst|bureau|desk|press|news|wires?|agency)$", re.IGNORECASE)
# w3m and browsers glue neighbouring elements: "Meg JamesStaff Writer", "Eric SongBy Eric Song".
# Three lower-case letters before the capital keep McCoy, LaMotte and MacKenzie whole; after fewer,
# only "By", a job or a word in capitals ("Jane DoeFOXBusiness") starts a new element.
_GLUED = re.compile(r"(?<=[a-z\u00e0-\u00ff]{3})(?=[A-Z])|(?<=[a-z])(?=By\b|[A-Z]{2}|(?:Staff|Senior|Chief|View)\b)")
# "Kevin McCoy USA TODAY", "Tom Davies Associated Press": the paper's or the agency's name after the person's
_PAPER_TAIL = re.compile(r"(?<=[a-z.])\s+(?:[A-Z]{2,}\s*)+$|\s+(?:[Tt]he\s+)?(?:Associated Press|Reuters|AFP|Bloomberg)$")
# "Elliot Brownstein Florida Today", "Trevor J. Mitchell Sioux Falls Argus Leader": a paper's name in
# capitalised words after the last person's, told by the word newspapers' names end with
_PAPER_WORD = re.compile(r"today|times|news|post|leader|journal|herald|tribune|gazette|chronicle|register|star|courier|"
                         r"press|daily|observer|examiner|sentinel|record|dispatch|inquirer|bee|globe|argus|enquirer|"
                         r"telegraph|citizen|independent|statesman|journal-constitution", re.IGNORECASE)
# A job written after a name without a comma: "Bruce Lee Senior Contributor", "Meg James Staff Writer".
_JOB_TAIL = re.compile(r"(?:\s+(?:senior|staff|chief|contributing|special|associate|editorial|national|political|foreign|"
                       r"sports|business|managing|deputy|executive|news|auto|security|science|tech))*\s+" + _JOB.pattern,
                       re.IGNORECASE)
# Who wrote it, after the date and a slash: "Updated on: November 19, 2019 / 10:07 AM / CBS News".
_CREDIT_AFTER_DATE = re.compile(r"(?:\s*/\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?\s*/\s*(?P<name>[^/|\d]{2,60}?)\s*$")
# A name beside the link to its writer's other articles: "Jane Doe | View More Articles", "Jane Doe All posts by Jane Doe".
_MORE_BY = re.compile(r"^(?P<name>[^|]{3,60}?)(?:\s+\|)?\s+(?:view|see|read)?\s*(?:all|more)\s+(?:articles|posts|stories)"
                      r"(?:\s+(?:by|from)\b.*)?$", re.IGNORECASE)
# A paper's desk signing for the agencies' copy, in the lower case of a byline (menus capitalise):
# "Coast Gazette wire services", "Times staff and wire reports".
_DESK = re.compile(r"^(?:[A-Z][\w.'\u2019&-]*\s+){1,4}(?:staff and |news and )?(?:wire|news) (?:services|reports)$")
_PLACEHOLDERS = re.compile(r"^(?:\s*\[[^\]]*\])+\s*")  # "[author photo] Jane Doe"
# Lines of share buttons and menus look like names too ("Facebook Twitter Email", "RT Shop").
_NOT_A_BYLINE = re.compile(r"\b(share|facebook|twitter|whatsapp|linkedin|pinterest|e-?mail|print|shop|subscribe|"
                           r"newsletters?|watch|live|video|weather|forecast|menu|search|sign|log|home|letters?|"
                           r"advert\w*|sponsored|more|view|read|comments?|breaking|latest|trending|features?|next|"
                           r"previous|story|stories|top|contact|about|inside|image|photo|copyright|caption|getty)\b",
                           re.IGNORECASE)
# One word with a capital inside ("CoastNews", "JaneDoe") is a brand's or a writer's handle: section names
# are plain words ("Sport"), so before a date it is a byline.
_HANDLE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
# Single-word bylines are agencies more often than people; these are the wire services.
_AGENCIES = frozenset("reuters ap afp pti ians ani bloomberg dpa efe ansa xinhua tass kyodo yonhap upi apa sda".split())


def find_date(line: str, day_first: bool | None = None) -> str | None:
    """The ISO date of publication written in a line (alone or among other words), or None."""
    return publication_date(line, day_first)


def looks_like_name(text: str) -> bool:
    """True for a few capitalised words (with "and", "de", "van"...), as names are written."""
    words = text.replace(",", " ").split()
    return 1 <= len(words) <= 10 and all(_NAME_WORD.match(w) for w in words) and any(w[0].isupper() for w in words)


def _without_dates(text: str, dates: list[WrittenDate] | None = None) -> str:
    """`text` with its dates (found already, or to be found) taken out."""
    for found in reversed(find_dates(text) if dates is None else dates):
        text = text[:found.start] + text[found.end:]
    return text


def _before_date(text: str) -> str:
    """`text` up to its first date (all of it when it has none)."""
    dates = find_dates(text)
    return text[:dates[0].start] if dates else text


def _names_not_a_list(text: str) -> bool:
    """False for a heading or a list of categories: a name has at most four words ("Mary Clare
    Jalonick"), and no two names in a list are one word each ("Jane Doe, Books, News")."""
    parts = [part.split() for part in re.split(r",|\band\b|&", text)]
    return all(len(part) <= 4 for part in parts) and sum(len(part) == 1 for part in parts) < 2


def _name_before_list(text: str) -> str:
    """The name a list of a page's sections was run into ("Tony Carter All, Books, Kit Reviews" ->
    "Tony Carter"), or "". A list of people has no one-word parts; the first section's name sticks to
    the person's, so it is the third word of a first part of three (not "Jane Q. Doe")."""
    first, *sections = [part.strip() for part in text.split(",")]
    words = first.split()
    if len(sections) < 2 or len(words) != 3 or re.fullmatch(r"[A-Z]\.?", words[1]) \
            or not any(len(section.split()) == 1 for section in sections) \
            or any(len(section.split()) > 3 for section in sections):
        return ""
    return " ".join(words[:2])


def unglue(line: str) -> str:
    """`line` with a separator where a page's elements were glued together ("Meg James | Staff Writer")."""
    return _GLUED.sub(" | ", line)


def _by_name(line: str) -> str | None:
    """The name after "by" when the words before it are a label, a date or a separator; None if no "by"."""
    match = _BY_NAME.search(line)
    if not match:
        return None
    before = _BY_WORD.sub("", line[:match.start("name")])
    before = _without_dates(before)  # "Monday November 18, 2019 7:45 am PST by Joe Rossignol"
    if not (len(before.split()) <= 2 or re.search(r"[|/\u2022\u00b7-]\s*$", before)
            or re.match(r"\s*(posted|published|written|updated)\b", before, re.IGNORECASE)):
        return None
    name = _before_date(match.group("name"))
    name = _NAME_END.split(name)[0].strip(" ,;:.")
    if looks_like_name(name) or re.fullmatch(r"[\w.-]{2,30}", name):
        return clean_author(name)
    return ""


def names_nobody(line: str) -> bool:
    """True for a byline whose name is no person's ("Posted on March 30, 2015 by Admin")."""
    return _by_name(_PLACEHOLDERS.sub("", unglue(" ".join(line.split())))) == ""


def _one_word_ok(name: str) -> bool:
    """A byline of one word without "by" is kept only when it names a wire service (sections look the same)."""
    return len(name.split()) > 1 or name.lower() in _AGENCIES


def _handle_before_date(line: str) -> str:
    """A handle written before a date ("CoastNews October 06, 2018" -> "CoastNews"), or "". Read before
    unglue(), which would part the handle's words."""
    first = line.split(" ", 1)[0]
    dates = find_dates(line) if _HANDLE.fullmatch(first) else []
    return first if dates and dates[0].start == len(first) + 1 else ""


@lru_cache(maxsize=4096)  # a page's lines are asked about more than once: for its span, its header, its body
def find_byline(line: str) -> str:
    """The author a byline names ("avatar by Reuters and Staff", "Jane Doe - Nov 19, 2019"), or ""."""
    line = " ".join(line.split())
    handle = _handle_before_date(line)
    if handle:
        return handle
    line = _PLACEHOLDERS.sub("", unglue(line))
    if len(line.split()) > 30:
        return ""
    by_name = _by_name(line)
    if by_name is not None:
        return by_name
    label = _LABEL.match(line)
    if label:
        name = re.split(r"[|\u2022\u00b7]", label.group("name"))[0]  # "Text: Jane Doe\u00b724 September 2018"
        name = _NAME_END.split(_before_date(name))[0].strip(" ,;:.")
        return clean_author(name) if looks_like_name(name) else ""
    if _DESK.match(line):
        return clean_author(line)
    more = _MORE_BY.match(line)
    if more and looks_like_name(more.group("name")) and len(more.group("name").split()) <= 4 \
            and _one_word_ok(more.group("name")) and not _NOT_A_BYLINE.search(more.group("name")):
        return clean_author(more.group("name"))
    dates = find_dates(line)
    before_date = line[:dates[0].start].strip(" ,-\u2013\u2014|/") if dates else ""
    if before_date and looks_like_name(before_date) and len(before_date.split()) <= 4 and _one_word_ok(before_date) \
            and not _NOT_NAMES.search(before_date) and not _NOT_A_BYLINE.search(before_date):
        return clean_author(before_date)  # "Jane Doe 27/09/2018 Comment! Music, Toys"
    stripped = _without_dates(line, dates).strip(" ,-\u2013\u2014|/")
    if stripped != line.strip(" ,-\u2013\u2014|/") and looks_like_name(stripped) and len(stripped.split()) <= 5 \
            and not _NOT_NAMES.search(stripped) and _one_word_ok(stripped) and not _NOT_A_BYLINE.search(stripped) \
            and _names_not_a_list(stripped):
        return clean_author(stripped)  # "Jane Doe November 18, 2019 11:03 PM"
    credit = _CREDIT_AFTER_DATE.match(line[dates[-1].end:]) if dates else None
    credited = credit.group("name") if credit else ""  # "November 19, 2019 / 10:07 AM / CBS News"
    if credited and looks_like_name(credited) and len(credited.split()) <= 4 and _one_word_ok(credited) \
            and not _NOT_A_BYLINE.search(credited):
        return clean_author(credited)
    match = _NAME_THEN_SEPARATOR.match(stripped + " |")
    if match and (dates or "@" in line):
        name = match.group("name").strip(" ,")
        if looks_like_name(name) and len(name.split()) >= 2 and not _NOT_NAMES.search(name) \
                and not _NOT_A_BYLINE.search(name):
            person = _name_before_list(name)  # "Tony Carter All, Books, Kit Reviews": sections after the name
            if person or _names_not_a_list(name):
                return clean_author(person or name)
    return role_byline(line)


def role_byline(line: str) -> str:
    """A byline naming a job, or "": "Tom Krisher, AP Auto Writer" and "Bruce Lee Senior
    Contributor" give the person ("Tom Krisher", "Bruce Lee"); "Jane Doe, Reuters" stays whole."""
    if "," not in line and _JOB.search(line) and looks_like_name(line) and 2 <= len(line.split()) <= 6 \
            and not re.search(r"\d|\b[a-z]", line):
        name = _JOB_TAIL.sub("", line)  # "Bruce Lee Senior Contributor": the job is not the name
        if name == line or not _one_word_ok(name):
            return ""
        # "Coast Rider Editorial Staff" names a paper's staff, not a person with a job: all of it is the author
        return clean_author(line if re.search(r"\bstaff$", line, re.IGNORECASE) else name)
    name, _, role = line.partition(",")
    if role and _ROLE.search(role.strip()) and len(role.split()) <= 5 and looks_like_name(name) \
            and looks_like_name(role) and len(name.split()) <= 8:
        return clean_author(line)
    return ""


def name_line(line: str) -> str:
    """The author a line holding only a name gives ("Molly Wood", "REUTERS", "Kevin Johnson and
    Kevin McCoy USA TODAY" without the paper's name), or "".

    Such a line is only a byline next to the headline or the date; the caller checks where it
    stands. One word counts only when it names a wire service (REUTERS, PTI), as section names
    ("Opinion", "FEATURES") stand in the same place.
    """
    text = _PLACEHOLDERS.sub("", unglue(" ".join(line.split()))).split(" | ")[0].strip(" ,")
    if re.search(r"\d|[.!?:;]$", text) or not looks_like_name(text) or _NOT_NAMES.search(text) \
            or _NOT_A_BYLINE.search(text):
        return ""
    words = text.replace(",", " ").split()
    if len(words) == 1 and text.lower() not in _AGENCIES:
        return ""
    text = _without_paper(text)
    if not _names_not_a_list(text):
        return ""
    name = _PAPER_TAIL.sub("", text)
    return clean_author(name if len(name.split()) >= 2 else text)


def _without_paper(names: str) -> str:
    """`names` without a paper's name written after the last person's (see _PAPER_WORD): a
    person's name is two words, three with an initial between them."""
    *others, last = re.split(r"(,\s*|\s+and\s+|\s+&\s+)", names)
    words = last.split()
    keep = 3 if len(words) >= 3 and re.fullmatch(r"[A-Z]\.?", words[1]) else 2
    paper = words[keep:]
    if len(paper) >= 2 and _PAPER_WORD.fullmatch(paper[-1]) and all(word[0].isupper() for word in paper):
        return "".join(others) + " ".join(words[:keep])
    return names
