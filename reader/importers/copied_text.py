"""Text copied from a whole web page: find the article among the page's furniture.

The page arrives as lines (a browser copy or a text dump puts each paragraph on one line).
Each line is classed from what it looks like: a *sentence* line (long, with sentence
punctuation), a *short* line (a heading, a name, a menu entry), or *furniture* (share and
sign-up lines, image placeholders, menus of bullets, dates). The article is the stretch of
lines with the most sentence text once short lines and furniture inside it are paid for (a
maximum-sum run, as boilerplate detectors do with text density). Inside that stretch,
furniture and "related" teasers are dropped. The headline, byline and date are read from the
lines around its start (copied_header.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.domain.dates import DATE_LINE
from reader.importers.bylines import find_byline, find_date
from reader.importers.copied_header import clean_headline, read_header
from reader.importers.copied_lines import (COMMENTER, FURNITURE, GOOD, SHORT, TEASER_MARKER, Line, classify, mark_menus,
                                           split_lines)
from reader.importers.written_dates import numeric_order

# Where the article is over: comment sections, share bars, tag lists, "most read" boxes.
_STOP = re.compile(
    r"^[\W_]*(\d+\s+(comments?|responses?|replies)\b|(leave|post|add|write)\s+a\s+(comment|reply)"
    r"|comments?\s*(\(\d+\))?$|share\s+this|share\s+(on|via)\b|tags?:|topics?:|filed\s+under"
    r"|most\s+(read|popular|viewed|watched|shared)|top\s+(video|stories)|don'?t\s+miss|more\s+news\s+from"
    r"|more\s+(stories|articles)\s+from|join\s+the\s+(conversation|discussion))",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^[\W_]*(\d+\s+(comments?|responses?|replies)\b|(leave|post|add|write)\s+a\s+(comment|reply)|comments?\s*(\(\d+\))?$"
    r"|join\s+the\s+(conversation|discussion))",
    re.IGNORECASE,
)
_STOP_AFTER_WORDS = 120  # about a short news item: a stop line before that is the page's header
_COMMENT_WEIGHT = 1 / 3  # a stop line only ends the article once this much article text came before it
_TRUNCATED = re.compile(r"(\.\.\.|\u2026)[\"'\u201d]?\s*$")


@dataclass
class CopiedPage:
    """What was found in a copied page: metadata and the article's paragraphs."""

    title: str = ""
    author: str = ""
    published: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    list_items: set[int] = field(default_factory=set)  # indices of paragraphs that were bullets


def _weight(line: Line) -> float:
    """How much a line adds to (sentence text) or costs (anything else) a stretch of article."""
    if line.kind == GOOD:
        return float(min(line.words, 80)) - 3.0
    if line.kind == SHORT:
        return -4.0 - 0.5 * line.words
    return -10.0


_SIGNED_BONUS = 30.0  # words' worth: a short article under its byline outweighs a long footer paragraph


def _signed_start(lines: list[Line]) -> int | None:
    """The first sentence line within three lines under the page's first byline ("By Jane Doe"), if any."""
    for index, line in enumerate(lines):
        if line.kind != GOOD and line.words <= 12 and find_byline(line.text):
            return next((j for j in range(index + 1, min(index + 4, len(lines))) if lines[j].kind == GOOD), None)
    return None


def article_span(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the run of lines with the largest total weight (Kadane's algorithm).

    Text after a comment-section heading that follows some article text weighs a third: a
    long discussion must not outweigh the article it discusses. (0, 0) when no run weighs
    anything: the text has no sentence lines at all.
    """
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    seen, factor = 0, 1.0
    signed = _signed_start(lines)
    for index, line in enumerate(lines):
        if factor == 1.0 and seen >= _STOP_AFTER_WORDS and line.words <= 12 and (
                _COMMENTS.match(line.text) or COMMENTER.match(line.text)):
            factor = _COMMENT_WEIGHT
        if line.kind == GOOD:
            seen += line.words
        if total <= 0:
            total, start = 0.0, index
        weight = _weight(line) + (_SIGNED_BONUS if index == signed else 0.0)
        total += weight * factor if weight > 0 else weight
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span if best > 0 else (0, 0)


def _trim_at_stops(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """The article's run, trimmed at stop lines (comments, share bars, "most read" boxes...).

    Once enough article text came before it, a comment-section line ends the article. Another
    stop line (a box of links) divides the run: the heavier side is the article.
    """
    words = 0
    index = start
    while index < end:
        line = lines[index]
        is_stop = line.words <= 12 and (_STOP.match(line.text) or COMMENTER.match(line.text))
        if is_stop and words >= _STOP_AFTER_WORDS:
            if _COMMENTS.match(line.text) or COMMENTER.match(line.text):
                return start, index
            before = sum(_weight(lines[i]) for i in range(start, index))
            after = sum(_weight(lines[i]) for i in range(index + 1, end))
            if after <= before:
                return start, index
            start, words = index + 1, 0
        elif line.kind == GOOD:
            words += line.words
        index += 1
    return start, end


def _drop_teasers(lines: list[Line], keep: list[bool]) -> None:
    """Drop "Related coverage" boxes: the marker and the headline/date/truncated lines after it.

    A stretch also counts as a teaser when a date line stands inside the article followed by
    a headline and a truncated paragraph ("...").
    """
    index = 0
    while index < len(lines):
        line = lines[index]
        starts = TEASER_MARKER.match(line.text) and line.words <= 6
        dated = DATE_LINE.match(line.text) and index + 2 < len(lines) and any(
            _TRUNCATED.search(lines[j].text) for j in range(index + 1, min(index + 4, len(lines))))
        if not (starts or dated):
            index += 1
            continue
        keep[index] = False
        index += 1
        while index < len(lines):
            current = lines[index]
            if current.kind == GOOD and not _TRUNCATED.search(current.text):
                break
            keep[index] = False
            index += 1


def read_copied_page(text: str) -> CopiedPage:
    """Find headline, byline, date and article paragraphs in text copied from a web page."""
    lines = [classify(line) for line in split_lines(text)]
    mark_menus(lines)
    if not lines:
        return CopiedPage()
    start, end = article_span(lines)
    start, end = _trim_at_stops(lines, start, end)
    if start == end:
        return _without_article_span(lines)
    header = read_header(lines, start, end, numeric_order(text))
    page = CopiedPage(header.title or _sole_line_above(lines, start), header.author, header.published)
    body = lines[start:end]
    keep = [line.kind != FURNITURE and start + index not in header.used for index, line in enumerate(body)]
    _drop_teasers(body, keep)
    for index, line in enumerate(body):
        if keep[index] and clean_headline(line.text) != page.title and not (
                page.author and find_byline(line.text) == page.author):
            if line.bullet:
                page.list_items.add(len(page.paragraphs))
            page.paragraphs.append(line.text)
    return page


def _sole_line_above(lines: list[Line], start: int) -> str:
    """The one line above the article, when no headline was found: a text someone wrote
    ("Harbour walks", then the text) has no site furniture, and its first line is its title,
    not something to drop."""
    if start != 1:
        return ""
    line = lines[0]
    if line.kind == FURNITURE or line.bullet or not 1 <= line.words <= 30 or DATE_LINE.match(line.text):
        return ""
    return line.text


def _without_article_span(lines: list[Line]) -> CopiedPage:
    """A short text with no sentence lines: the first title-like line is the headline."""
    page = CopiedPage()
    for index, line in enumerate(lines[:8]):
        # the first line may be a title of a word or two ("Harbour walks"); further down, such a
        # short line is a menu's more likely than the headline
        if (3 <= line.words or index == 0) and line.words <= 40 and not DATE_LINE.match(line.text) \
                and "|" not in line.text and line.kind != FURNITURE:
            page.title = line.text
            for earlier in lines[:index]:
                page.published = page.published or find_date(earlier.text)
            rest = lines[index + 1:]
            if rest and (author := find_byline(rest[0].text)):
                page.author, rest = author, rest[1:]
            # a text that is nothing but its title line keeps it as the body too
            page.paragraphs = [line.text for line in rest] or [page.title]
            return page
    page.paragraphs = [line.text for line in lines]
    return page
