"""Text copied from a whole web page: find the article among the page's furniture.

The page arrives as lines (a browser copy or a text dump puts each paragraph on one line).
Each line is classed from what it looks like: a *sentence* line (long, with sentence
punctuation), a *short* line (a heading, a name, a menu entry), or *furniture* (share and
sign-up lines, image placeholders, menus of bullets, dates). The article is the stretch of
lines with the most sentence text once short lines and furniture inside it are paid for (a
maximum-sum run, as boilerplate detectors do with text density). Inside that stretch,
furniture and "related" teasers are dropped. The headline, byline and date are read from the
lines just before the stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.domain.dates import DATE_LINE
from reader.importers.boilerplate import is_boilerplate
from reader.importers.bylines import find_byline, find_date, looks_like_name
from reader.importers.people import clean_author

_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*(\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BULLET = re.compile(r"^\s*([\u2022\u25a1\u2606\u25cb\u25e6\u25aa\u25a0\u25cf*+\u2013-]|\d{1,3}[.)])\s+")
_PLACEHOLDER = re.compile(r"^\s*(\[[^\]]*\]\s*)+$")  # "[image alt]", "[          ] [Go]"
_TEASER_MARKER = re.compile(
    r"^[\W_]*(related|read (more|also|next)|see also|also (read|on)|more (from|on|stories|news)|recommended|"
    r"(you (may|might) (also )?like)|(most )?popular|trending|latest( news)?|further reading)\b",
    re.IGNORECASE,
)
# Where the article is over: comment sections, share bars, tag lists, "most read" boxes.
_STOP = re.compile(
    r"^[\W_]*(\d+\s+(comments?|responses?|replies)\b|(leave|post|add|write)\s+a\s+(comment|reply)"
    r"|comments?\s*(\(\d+\))?$|share\s+this|share\s+(on|via)\b|tags?:|topics?:|filed\s+under"
    r"|most\s+(read|popular|viewed|watched|shared)|top\s+(video|stories)|don'?t\s+miss|more\s+news\s+from"
    r"|more\s+(stories|articles)\s+from|join\s+the\s+(conversation|discussion))",
    re.IGNORECASE,
)
# Photo captions and credits: "Photo: Reuters / Jane Doe", "(AP Photo/Evan Vucci)", "Image copyright Getty".
_CREDIT = re.compile(
    r"\b(photo|photograph|image|picture|pictured|foto|video)s?\s*(:|by\b|credit|courtesy|copyright|source:|via\b)"
    r"|\((ap|afp|reuters|getty|epa|upi|file)\b[^)]*\)\s*\.?$|\b(ap|afp|getty images|shutterstock|epa|reuters)"
    r"( photo)?\s*/|\bcredit:|\bimage copyright\b|\bin this (\w+, )?(\w+\.? \d{1,2}, \d{4},? )?(file )?photo",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^[\W_]*(\d+\s+(comments?|responses?|replies)\b|(leave|post|add|write)\s+a\s+(comment|reply)|comments?\s*(\(\d+\))?$"
    r"|join\s+the\s+(conversation|discussion))",
    re.IGNORECASE,
)
_COOKIES = re.compile(r"\bcookies?\b.*\b(website|browser|consent|necessary|experience|privacy)\b", re.IGNORECASE)
_COMMENTER = re.compile(r"^.{1,60}\s(says|said|wrote|writes):?$", re.IGNORECASE)
_STOP_AFTER_WORDS = 120  # about a short news item: a stop line before that is the page's header
_COMMENT_WEIGHT = 1 / 3  # a stop line only ends the article once this much article text came before it
_TRUNCATED = re.compile(r"(\.\.\.|\u2026)[\"'\u201d]?\s*$")
# Lines that are never the headline: sharing and sign-up text, photo credits, breadcrumbs.
_NOT_HEADLINE = re.compile(
    r"\b(share|tweet|facebook|twitter|whatsapp|linkedin|newsletter|sign up|subscribe|cookies?|privacy|comments?|url|"
    r"click|menu|log ?in|advertis\w*|getty|shutterstock|image|photo|credit|continue reading|external links?|"
    r"you are here)\b|^\(.*\)$|^\W",
    re.IGNORECASE,
)
_INNER_SENTENCE = re.compile(r"\w[.!?][\"\u201d\u2019]?\s+[A-Z\u201c\"]")
_DISTANCE_COST = 0.5
_HEADER_LINES = 40
_EARLY_LINES = 4  # the article's first lines may still hold its byline  # how far before the article the headline, byline and date are looked for

GOOD, SHORT, FURNITURE = "sentence", "short", "furniture"


@dataclass
class Line:
    text: str
    words: int
    kind: str
    bullet: bool = False


@dataclass
class CopiedPage:
    """What was found in a copied page: metadata and the article's paragraphs."""

    title: str = ""
    author: str = ""
    published: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    list_items: set[int] = field(default_factory=set)  # indices of paragraphs that were bullets


def count_words(text: str) -> int:
    """Words in a line; Chinese and Japanese write no spaces, so two of their characters count as one."""
    wide = len(_CJK.findall(text))
    return len(text.split()) + wide // 2


def classify(raw: str) -> Line:
    """One line of the page with its class (sentence, short or furniture)."""
    bullet = bool(_BULLET.match(raw))
    text = " ".join(_BULLET.sub("", raw, count=1).split()) if bullet else " ".join(raw.split())
    words = count_words(text)
    if not text or _PLACEHOLDER.match(text) or not re.search(r"\w", text):
        return Line(text, words, FURNITURE, bullet)
    if is_boilerplate(text) or (DATE_LINE.match(text) and words <= 8) or _COMMENTER.match(text) or (
            words <= 80 and (_CREDIT.search(text) or _COOKIES.search(text))):
        return Line(text, words, FURNITURE, bullet)
    if words >= 25 or (words >= 8 and _ENDS_SENTENCE.search(text)) or len(_SENTENCE_END.findall(text)) >= 2:
        return Line(text, words, GOOD, bullet)
    return Line(text, words, SHORT, bullet)


def mark_menus(lines: list[Line]) -> None:
    """Runs of three or more bullets of a few words each are menus, not article lists."""
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end].bullet:
            end += 1
        run = lines[index:end]
        if len(run) >= 3 and sum(line.words for line in run) <= 3.5 * len(run):
            for line in run:
                line.kind = FURNITURE
        index = max(end, index + 1)


def _weight(line: Line) -> float:
    """How much a line adds to (sentence text) or costs (anything else) a stretch of article."""
    if line.kind == GOOD:
        return float(min(line.words, 80)) - 3.0
    if line.kind == SHORT:
        return -4.0 - 0.5 * line.words
    return -10.0


def article_span(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the run of lines with the largest total weight (Kadane's algorithm).

    Text after a comment-section heading that follows some article text weighs a third: a
    long discussion must not outweigh the article it discusses. (0, 0) when no run weighs
    anything: the text has no sentence lines at all.
    """
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    seen, factor = 0, 1.0
    for index, line in enumerate(lines):
        if factor == 1.0 and seen >= _STOP_AFTER_WORDS and line.words <= 12 and (
                _COMMENTS.match(line.text) or _COMMENTER.match(line.text)):
            factor = _COMMENT_WEIGHT
        if line.kind == GOOD:
            seen += line.words
        if total <= 0:
            total, start = 0.0, index
        weight = _weight(line)
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
        is_stop = line.words <= 12 and (_STOP.match(line.text) or _COMMENTER.match(line.text))
        if is_stop and words >= _STOP_AFTER_WORDS:
            if _COMMENTS.match(line.text) or _COMMENTER.match(line.text):
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
        starts = _TEASER_MARKER.match(line.text) and line.words <= 6
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


def split_lines(text: str) -> list[str]:
    """The page's lines, with hard-wrapped lines joined back into their paragraph.

    A copied web page has one paragraph per line; a line is only a continuation of the one
    before when that one does not end a sentence and it starts in lower case (as in "first
    line" / "same paragraph"), or when the text is wrapped at a fixed width.
    """
    lines: list[str] = []
    previous_blank = True
    filled = [line for line in text.split("\n") if line.strip()]
    lengths = sorted(len(line) for line in filled) or [0]
    width = lengths[int(len(lengths) * 0.9)]
    wrapped = len(filled) >= 8 and width <= 100 and sum(len(line) >= width * 0.75 for line in filled) >= len(filled) / 2
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            previous_blank = True
            continue
        if lines and not previous_blank and not _ENDS_SENTENCE.search(lines[-1]) and not _BULLET.match(raw) and (
            line[0].islower() or (wrapped and len(lines[-1]) >= width * 0.6)
        ):
            lines[-1] += " " + line
        else:
            lines.append(raw.rstrip() if _BULLET.match(raw) else line)
        previous_blank = False
    return lines


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
    page = CopiedPage()
    _read_header(lines, start, page)
    body = lines[start:end]
    keep = [line.kind != FURNITURE for line in body]
    _read_early_byline(body, keep, page)
    _drop_teasers(body, keep)
    for index, line in enumerate(body):
        if keep[index] and line.text != page.title and not (page.author and find_byline(line.text) == page.author):
            if line.bullet:
                page.list_items.add(len(page.paragraphs))
            page.paragraphs.append(line.text)
    return page


def _read_early_byline(body: list[Line], keep: list[bool], page: CopiedPage) -> None:
    """A byline or date among the article's first lines (after a standfirst) is metadata, not text."""
    for index, line in enumerate(body[:_EARLY_LINES]):
        if line.words > 20:
            continue
        author, date = find_byline(line.text), find_date(line.text)
        if author and not page.author:
            page.author, keep[index] = author, False
        if date and not page.published:
            page.published = date
        if (author or date) and line.words <= 12:
            keep[index] = False


def _name_next_to_title(header: list[Line], title: str) -> str:
    """A line that is only a name (two to four capitalised words) right below or above the headline."""
    for index, line in enumerate(header):
        if line.text != title:
            continue
        for near in header[index + 1:index + 4] + header[max(0, index - 1):index]:
            words = near.text.split()
            if 2 <= len(words) <= 4 and near.kind != FURNITURE and looks_like_name(near.text) and \
                    not re.search(r"\d|[.!?]$", near.text):
                return clean_author(near.text)
    return ""


def _read_header(lines: list[Line], start: int, page: CopiedPage) -> None:
    """Headline, byline and date from the lines before the article (nearest ones first).

    The headline is the title-like line (a few words, no final full stop, no furniture)
    that scores best on: being near the article, standing next to the byline or date,
    appearing twice (pages repeat their headline), and a headline-like length.
    """
    first = max(0, start - _HEADER_LINES)
    header = lines[first:start]
    counts: dict[str, int] = {}
    for line in lines[: start + 3]:
        counts[line.text] = counts.get(line.text, 0) + 1
    header = [line for line in header if not _CREDIT.search(line.text)]  # captions carry the photo's date
    marks = [bool(find_byline(line.text) or find_date(line.text)) for line in header]
    # distance counts the lines a reader sees between a line and the article, not furniture
    distances = [sum(1 for later in header[offset:] if later.kind != FURNITURE) for offset in range(len(header))]
    best_score = 0.0
    for offset, line in enumerate(header):
        distance = distances[offset]
        author = find_byline(line.text)
        if author and not page.author:
            page.author = author
        date = find_date(line.text)
        if date:  # lines run towards the article, so the last date seen is the nearest to it
            page.published = date
        if marks[offset] or line.kind == FURNITURE or line.bullet or not 3 <= line.words <= 30:
            continue
        if "|" in line.text or line.text.endswith((":", ",")) or _NOT_HEADLINE.search(line.text):
            continue
        score = 10.0 - _DISTANCE_COST * distance + (8.0 if counts.get(line.text, 0) > 1 else 0.0)
        score += 2.0 if not _ENDS_SENTENCE.search(line.text) else -4.0
        score += 2.0 if 5 <= line.words <= 20 else 0.0
        score -= 4.0 if _INNER_SENTENCE.search(line.text) else 0.0
        capitals = sum(word[0].isupper() for word in line.text.split() if len(word) > 3)
        score += 3.0 if capitals >= 0.7 * max(1, sum(len(word) > 3 for word in line.text.split())) else 0.0
        if any(marks[max(0, offset - 2):offset + 3]):
            score += 6.0
        if score > best_score:
            best_score, page.title = score, line.text
    if page.title and not page.author:
        page.author = _name_next_to_title(header, page.title)


def _without_article_span(lines: list[Line]) -> CopiedPage:
    """A short text with no sentence lines: the first title-like line is the headline."""
    page = CopiedPage()
    for index, line in enumerate(lines[:8]):
        if 3 <= line.words <= 40 and not DATE_LINE.match(line.text) and "|" not in line.text:
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
