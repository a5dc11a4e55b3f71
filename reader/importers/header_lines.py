"""The lines around the start of an article copied from a web page, and the bylines and dates in them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.importers.bylines import find_byline, find_date, name_line, names_nobody
from reader.importers.copied_lines import CREDIT, FURNITURE, GOOD, TEASER_MARKER, Line
from reader.importers.written_dates import MONTH_NAME

_HEADER_LINES = 40  # how many lines a reader sees before the article are looked at for headline, byline and date
_HEADER_LIMIT = 150  # and how many lines at most, furniture included
LEAD_LINES = 4  # the article's first lines may still hold its headline, byline or date
_TEASER_LINES = 40  # how far a box of related links may reach
# Dates whose day cannot be known for sure: "2 hours ago", "Today", "Posted Nov 19, 6:51 AM" (no year).
_UNDATED = re.compile(r"\b\d+\s*(min(ute)?|hour|hr|day|week|month|year)s?\s+ago\b|^\W*(today|yesterday)\b"
                      rf"|^\W*(\w+\W+)?{MONTH_NAME}\s+\d{{1,2}}(st|nd|rd|th)?\b(?!,?\s+\d{{4}})", re.IGNORECASE)
_LABEL_ALONE = re.compile(r"^\W*(by|von|par|por|author|authors|written by|posted by|autor|auteur)\W*$", re.IGNORECASE)


@dataclass
class Facts:
    """What one line of the header holds."""

    author: str = ""
    date: str | None = None
    undated: bool = False  # "2 hours ago", "Nov 19": a date line whose date cannot be known
    unsigned: bool = False  # a byline naming no person: "by Admin"

    @property
    def mark(self) -> bool:
        return bool(self.author or self.date or self.undated)


def line_facts(line: Line, day_first: bool | None) -> Facts:
    """The byline and date one line holds, if any."""
    if line.words > 30:
        return Facts()
    caption = bool(CREDIT.search(line.text))  # captions carry the photo's date, not the article's
    date = None if caption else find_date(line.text, day_first)
    undated = not date and line.words <= 12 and bool(_UNDATED.search(line.text))
    author = find_byline(line.text)
    return Facts(author, date, undated, not author and names_nobody(line.text))


class HeaderLines:
    """The lines around the article's start and what each holds."""

    def __init__(self, lines: list[Line], start: int, end: int, day_first: bool | None) -> None:
        self.lines, self.start, self.end, self.day_first = lines, start, end, day_first
        first, seen, wanted = start, 0, _HEADER_LINES
        while first > 0 and seen < wanted and start - first < _HEADER_LIMIT:
            first -= 1
            seen += lines[first].kind != FURNITURE
            if TEASER_MARKER.match(lines[first].text) and lines[first].words <= 6:
                wanted = seen + _HEADER_LINES  # a box of related links does not count: look past it
        self.indices = list(range(first, min(end, start + LEAD_LINES)))
        self.facts = {i: line_facts(lines[i], day_first) for i in self.indices}
        for i in self.indices:  # "• By Any Means Necessary" amid a long menu is a show's name, not a byline
            if self.facts[i].author and all(0 <= j < len(lines) and lines[j].bullet for j in range(i - 2, i + 3)):
                self.facts[i].author = ""
        for i in self.indices:  # "By" or "Author:" on a line of its own, the name on the next
            following = next((j for j in range(i + 1, min(i + 3, end)) if lines[j].kind != FURNITURE), None)
            if _LABEL_ALONE.match(lines[i].text) and following in self.facts:
                name = self.facts[following].author or name_line(lines[following].text)
                self.facts[i].author = self.facts[following].author = name
        # the lines a reader sees: furniture (share buttons, image placeholders) does not count
        self.visible = [i for i in self.indices if lines[i].kind != FURNITURE or self.facts[i].mark]
        self.teasers = self._related_links()
        self._counted = [i for i in self.visible if i not in self.teasers]

    def _related_links(self) -> set[int]:
        """Lines in boxes of links to other articles: after the box's heading, up to a byline, a
        paragraph or a run of furniture (a menu: the box is over)."""
        lines, facts, found = self.lines, self.facts, set()
        for i in self.indices:
            if TEASER_MARKER.match(lines[i].text) and lines[i].words <= 6:
                j, furniture = i + 1, 0
                while j in facts and j < i + _TEASER_LINES and (lines[j].kind != GOOD or j == i + 1) \
                        and not facts[j].author:  # the first link may read like a sentence
                    furniture = furniture + 1 if lines[j].kind == FURNITURE else 0
                    if furniture >= 3:
                        break
                    found.add(j)
                    j += 1
        return found

    def near(self, index: int, before: int, after: int) -> list[int]:
        """Visible lines up to `before` above and `after` below line `index` (which need not be visible)."""
        place = bisect_left(self.visible, index)
        later = place + (place < len(self.visible) and self.visible[place] == index)
        return self.visible[max(0, place - before):place] + self.visible[later:later + after]

    def distance(self, index: int) -> int:
        """Visible lines between line `index` and the article's start (0 inside the article); boxes of
        related links between them do not count."""
        return max(0, bisect_left(self._counted, self.start) - bisect_right(self._counted, index))
