"""Author names from meta tags and bylines: "By Jane Doe and John Roe" -> "Jane Doe and John Roe"."""

from __future__ import annotations

import html
import re

from reader.domain.dates import DATE_LINE

_BY = re.compile(r"^\s*(?:(?:written|posted|reported|analysis|opinion|review|story|words|text)\s+)?by\s*:?\s+",
                 re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\.(com|org|net)\b|^\W*$", re.IGNORECASE)
_MAX_WORDS = 16
# Words naming a job on a byline: "Tom Krisher, AP Auto Writer", "Jane Doe, Staff Reporter".
JOB = re.compile(r"\b(writer|reporter|correspondent|editor(?:-at-large)?|columnist|contributor|staff|journalist|critic)s?$",
                 re.IGNORECASE)
_AGENCY_TAIL = re.compile(r"(?<=\w)\s+(?:[Tt]he\s+)?(?:Associated Press|Reuters|AFP)$")
_DATE_IN = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}"
    r"(,?\s+(at\s+)?\d{1,2}:\d{2}\s*([ap]\.?m\.?)?)?|\b\d{4}-\d{2}-\d{2}([T ][\d:.+-]+Z?)?", re.IGNORECASE)
_TRAILING_MONTH = re.compile(
    r"\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{1,2},?)?(\s+\d{4})?$", re.IGNORECASE)
# What pages write into an author field besides the name: "Print this article", "Published", a weekday.
_TRAILING_WORDS = re.compile(r"\s+(published|updated|posted|(mon|tues|wednes|thurs|fri|satur|sun)day)\W*$", re.IGNORECASE)
_NOT_A_NAME_PART = re.compile(
    r"^(print|share|email|follow|read more|view|more)\b.*|^((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day)\.?$", re.IGNORECASE)


def clean_author(value: str, site: str = "") -> str:
    """A readable author string from a raw value, or "" when it is not a person's name.

    Drops a leading "By", web addresses and handles, jobs ("A, AP Auto Writer" -> "A"), an
    agency named after the people ("A, B Associated Press"), and repeated names ("A, A" -> "A").
    """
    value = " ".join(html.unescape(str(value or "")).split())
    value = _BY.sub("", _DATE_IN.sub("", value)).strip(" ,;|-")
    people = _AGENCY_TAIL.sub("", value)  # "Jane Roe, John Doe Associated Press": the people wrote it
    value = people if len(people.split()) >= 2 else value
    if not value or len(value.split()) > _MAX_WORDS or len(value) > 160:
        return ""
    names: list[str] = []
    for name in re.split(r"\s*[,;|]\s*", value):
        name = _TRAILING_MONTH.sub("", name.strip()) if not DATE_LINE.match(name) else ""
        name = "" if _NOT_A_NAME_PART.match(name) else _TRAILING_WORDS.sub("", _TRAILING_WORDS.sub("", name))
        if name and not _NOT_A_NAME.search(name) and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return ", ".join(_without_jobs(names))


def _without_jobs(names: list[str]) -> list[str]:
    """`names` without the jobs written among them: "Eric Song, IGN Staff" -> "Eric Song".

    Kept when nothing else is left or a remaining part is one word (then the "job" may be the
    only author there is: "Editorial Staff", "Reuters, Staff").
    """
    people = [name for name in names if not (JOB.search(name) and len(name.split()) <= 4)]
    if len(people) == len(names) or not people or any(len(person.split()) < 2 for person in people):
        return names
    return people
