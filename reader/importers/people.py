"""Author names from meta tags and bylines: "By Jane Doe and John Roe" -> "Jane Doe and John Roe"."""

from __future__ import annotations

import html
import re

from reader.domain.dates import DATE_LINE

# "By", "Written by", and labels that stand for it: "Text: Jane Doe", "Текст: Венера Ерофеева", "Автор Jane Doe".
_BY = re.compile(r"^\s*(?:(?:(?:written|posted|reported|analysis|opinion|review|story|words|text)\s+)?by\s*:?\s+"
                 r"|(?:text|texto|words|\u0442\u0435\u043a\u0441\u0442|\u0430\u0432\u0442\u043e\u0440)\s*:\s*"
                 r"|(?:\u0442\u0435\u043a\u0441\u0442|\u0430\u0432\u0442\u043e\u0440)\s+)", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\.(com|org|net)\b|^\W*$", re.IGNORECASE)
_MAX_WORDS = 16
# Account names a site's software writes where no author was given: nobody wrote under them.
_ACCOUNTS = frozenset("admin administrator webmaster root guest \u0433\u043e\u0441\u0442\u044c unknown".split())
# Words naming a job on a byline: "Tom Krisher, AP Auto Writer", "Jane Doe, Staff Reporter".
JOB = re.compile(r"\b(writer|reporter|correspondent|editor(?:-at-large)?|columnist|contributor|staff|journalist|critic)s?$",
                 re.IGNORECASE)
_AGENCY_TAIL = re.compile(r"(?<=\w)\s+(?:[Tt]he\s+)?(?:Associated Press|Reuters|AFP)$")
# A month's name or its short form, whole: "Martin" and "Janet" are names, not "Mar" and "Jan".
_MONTH = r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b"
_DATE_IN = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}"
    r"(,?\s+(at\s+)?\d{1,2}:\d{2}\s*([ap]\.?m\.?)?)?|\b\d{4}-\d{2}-\d{2}([T ][\d:.+-]+Z?)?", re.IGNORECASE)
_TRAILING_MONTH = re.compile(rf"\s+{_MONTH}\.?(\s+\d{{1,2}},?)?(\s+\d{{4}})?$", re.IGNORECASE)
# What pages write into an author field besides the name: "Print this article", "Published", a weekday.
_TRAILING_WORDS = re.compile(r"\s+(published|updated|posted|(mon|tues|wednes|thurs|fri|satur|sun)day)\W*$", re.IGNORECASE)
_NOT_A_NAME_PART = re.compile(
    rf"^(print|share|email|follow|read more|view|more)\b.*|^({_MONTH}|(mon|tues|wednes|thurs|fri|satur|sun)day)\.?$",
    re.IGNORECASE)


def clean_author(value: str, site: str = "") -> str:
    """A readable author string from a raw value, or "" when it is not a person's name.

    Drops a leading "By", web addresses and handles, account names ("admin"), jobs ("A, AP Auto Writer" -> "A"), an
    agency named after the people ("A, B Associated Press"), and repeated names ("A, A" -> "A").
    """
    value = " ".join(html.unescape(str(value or "")).split())
    value = _BY.sub("", _DATE_IN.sub("", value).strip(" ,;|-")).strip(" ,;|-")
    people = _AGENCY_TAIL.sub("", value)  # "Jane Roe, John Doe Associated Press": the people wrote it
    value = people if len(people.split()) >= 2 else value
    if not value or len(value.split()) > _MAX_WORDS or len(value) > 160:
        return ""
    names: list[str] = []
    for name in re.split(r"\s*[,;|]\s*", value):
        name = _TRAILING_MONTH.sub("", _BY.sub("", name.strip())) if not DATE_LINE.match(name) else ""
        name = "" if _NOT_A_NAME_PART.match(name) else _TRAILING_WORDS.sub("", _TRAILING_WORDS.sub("", name))
        name = _once(name)
        if name and not _NOT_A_NAME.search(name) and name.lower() not in _ACCOUNTS \
                and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return ", ".join(_without_jobs(names))


def _once(name: str) -> str:
    """A name written twice in a row, as a page's byline and its link are ("Sean Martin Sean Martin"), once."""
    words = name.split()
    half = len(words) // 2
    return " ".join(words[:half]) if half >= 1 and len(words) % 2 == 0 and words[:half] == words[half:] else name


def _without_jobs(names: list[str]) -> list[str]:
    """`names` without the jobs written among them: "Eric Song, IGN Staff" -> "Eric Song".

    Kept when nothing else is left or a remaining part is one word (then the "job" may be the
    only author there is: "Editorial Staff", "Reuters, Staff").
    """
    people = [name for name in names if not (JOB.search(name) and len(name.split()) <= 4)]
    if len(people) == len(names) or not people or any(len(person.split()) < 2 for person in people):
        return names
    return people
