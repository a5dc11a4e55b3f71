"""The headline, byline and date of text copied from a web page, read around the article's start.

The header is the forty lines a reader sees before the article run, and its first few lines
(header_lines.py finds the bylines and dates in them). The headline is chosen by headline.py;
then the byline and the date nearest the headline win. A line holding only a name counts as
the byline when it stands between the headline and the date, just above a date above the
headline, or right under the headline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from reader.importers.bylines import find_byline, find_date, name_line
from reader.importers.copied_lines import CREDIT, Line
from reader.importers.header_lines import LEAD_LINES, HeaderLines
from reader.importers.headline import choose_headline
from reader.importers.written_dates import copyright_year, yearless_date

# Rules and bullets a page draws around its headline: "Big News ━━━━", "• Big News".
_JUNK = r"[\s\u2500-\u257f\u2022\u00b7|\u00bb\u203a>*=_~-]+"
_EDGE_JUNK = re.compile(rf"^{_JUNK}|{_JUNK}$")
_DATE_REACH = 8  # how many lines a reader sees from the headline its date may stand
_UPDATED = re.compile(r"\W*(last\s+)?(updated|modified)\b", re.IGNORECASE)
_PUBLISHED = re.compile(r"\W*(published|posted|updated|first published)\b", re.IGNORECASE)
_DATE_LINES = 8  # a short date or byline line may stand a little further into the article


@dataclass
class Header:
    """What the header says: headline, byline and date, and the article lines that are metadata."""

    title: str = ""
    author: str = ""
    published: str | None = None
    used: set[int] = field(default_factory=set)  # indices of lines in the article run to leave out


def _author(header: HeaderLines, headline: int | None) -> tuple[str, int | None]:
    """The byline nearest the headline (below it first), else a name line next to it or the date."""
    anchor = headline if headline is not None else header.start
    found = [(i, header.facts[i].author) for i in header.indices if header.facts[i].author]
    if found:
        index, author = min(found, key=lambda item: (abs(item[0] - anchor) + (0.5 if item[0] < anchor else 0)))
        return author, index
    if headline is None or any(header.facts[i].unsigned for i in header.near(headline, 1, 3)):
        return "", None  # the page's byline names nobody: a line of capitals nearby is no name
    # the name stands between the headline and the date below it (nearest the date first), right under
    # the headline, or just above a date above the headline (past a section label)
    below, above = [], []
    for date in (i for i in range(headline - 4, headline + 6) if i in header.facts and header.facts[i].mark
                 and not header.facts[i].author):
        if date > headline:
            below += range(date - 1, headline, -1)
        else:
            above += [date - 1, date - 2]
    for i in [*below, headline + 1, *header.near(headline, 0, 1), *above, headline + 2, *header.near(headline, 0, 3)]:
        if i != headline and i in header.facts and (author := name_line(header.lines[i].text)):
            return author, i
    for index in range(header.start + LEAD_LINES, min(header.end, header.start + _DATE_LINES)):
        line = header.lines[index]  # a byline among the article's first lines, after a standfirst or photo
        if line.words <= 12 and (author := find_byline(line.text)):
            return author, index
    return "", None


def _published(header: HeaderLines, headline: int | None) -> tuple[str | None, int | None]:
    """The date nearest the headline (a labelled "Published" date a little nearer), else one written
    there without its year in the year of the page's copyright notice, else one after the article."""
    anchor = headline if headline is not None else header.start
    near = set(header.near(anchor, _DATE_REACH, _DATE_REACH))  # further away: a sidebar's or a widget's dates
    found = [i for i in header.indices if header.facts[i].date and (
        i in near or i >= header.start or _PUBLISHED.match(header.lines[i].text))]
    if found:
        index = min(found, key=lambda i: abs(i - anchor) + (0.5 if i < anchor else 0))
        if _UPDATED.match(header.lines[index].text):  # "Updated: ..." over "Posted: ...": the posted one
            index = next((i for i in found if abs(i - index) <= 2 and not _UPDATED.match(header.lines[i].text)), index)
        return header.facts[index].date, index
    undated = [i for i in header.indices if header.facts[i].undated and (i in near or i >= header.start)]
    year = copyright_year([line.text for line in header.lines]) if undated else None
    if year is not None:  # "Posted Nov 19, 6:51 AM": this year's article, in the year the page was copied
        for index in sorted(undated, key=lambda i: abs(i - anchor) + (0.5 if i < anchor else 0)):
            if date := yearless_date(header.lines[index].text, year, header.day_first):
                return date, index
    for index in range(header.start + LEAD_LINES, min(header.end, header.start + _DATE_LINES)):
        line = header.lines[index]  # a date line among the article's first lines
        if line.words <= 12 and not CREDIT.search(line.text) and (date := find_date(line.text, header.day_first)):
            return date, index
    for line in header.lines[header.end:header.end + 3]:
        if _PUBLISHED.match(line.text) and line.words <= 12:
            return find_date(line.text, header.day_first), None
    return None, None


def clean_headline(text: str) -> str:
    """A headline line without the rules and bullets drawn around it."""
    return _EDGE_JUNK.sub("", text) or text


def read_header(lines: list[Line], start: int, end: int, day_first: bool | None = None) -> Header:
    """Headline, byline and date of the article in lines[start:end] (see the module's docstring)."""
    header = HeaderLines(lines, start, end, day_first)
    places: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        places[line.text].append(i)
    headline = choose_headline(header, places)
    author, byline = _author(header, headline)
    published, dated = _published(header, headline)
    result = Header(clean_headline(lines[headline].text) if headline is not None else "", author, published)
    for index in (headline, byline, dated):
        if index is not None and index >= start and (index != dated or lines[index].words <= 12):
            result.used.add(index)
    return result
