"""The headline, byline and date of text copied from a web page, read around the article's start.

The header is the forty lines before the article run and its first few lines. Bylines ("By
Jane Doe", "Jane Doe - Nov 19, 2019", "Tom Krisher, AP Auto Writer") and dates are found
line by line. The headline is the title-like line scoring best on: sharing words with the
article's first paragraphs, standing just above the byline or date, being followed by a
standfirst, appearing again elsewhere on the page, and being near the article; a final full
stop (captions, standfirsts), a name, or a place after the byline count against it. Then the
byline and date nearest the headline win; a line holding only a name counts as the byline
when it stands right under the headline or just above the date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from reader.importers.bylines import find_byline, find_date, looks_like_name, name_line, unglue
from reader.importers.copied_lines import CJK, CREDIT, ENDS_SENTENCE, FURNITURE, GOOD, Line
from reader.importers.written_dates import MONTH_NAME

_HEADER_LINES = 40  # how many lines a reader sees before the article are looked at for headline, byline and date
_HEADER_LIMIT = 150  # and how many lines at most, furniture included
_LEAD_LINES = 4  # the article's first lines may still hold its headline, byline or date
_DATE_LINES = 8  # and a date line may stand a little further in
_TOPIC_WORDS = 400  # the article's words a headline is compared with
_NOT_HEADLINE = re.compile(
    r"\b(share|tweet|facebook|twitter|whatsapp|linkedin|newsletter|sign up|subscribe|cookies?|privacy|comments?|url|"
    r"click|menu|log ?in|advertis\w*|getty|shutterstock|image|photo|credit|continue reading|external links?|"
    r"you are here|playback|javascript|browser|e-?mail|pinterest|print|caption|text size|font size)\b|\bcaption|^\(.*\)$|^[^\w\u2018\u201c\"'\u00bf\u00a1\[]",
    re.IGNORECASE,
)
# Dates whose day cannot be known for sure: "2 hours ago", "Today", "Posted Nov 19, 6:51 AM" (no year).
_UNDATED = re.compile(r"\b\d+\s*(min(ute)?|hour|hr|day|week|month|year)s?\s+ago\b|^\W*(today|yesterday)\b"
                      rf"|^\W*(\w+\W+)?{MONTH_NAME}\s+\d{{1,2}}(st|nd|rd|th)?\b(?!,?\s+\d{{4}})", re.IGNORECASE)
_LABEL_ALONE = re.compile(r"^\W*(by|von|par|por|author|authors|written by|posted by|autor|auteur)\W*$", re.IGNORECASE)
_NUMBER = re.compile(r"^[\d.,%:+\u2013\u2014-]+$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_INNER_SENTENCE = re.compile(r"\w[.!?][\"\u201d\u2019]?\s+[A-Z\u201c\"]")
_FULL_STOP = re.compile(r"\w[\"'\u201d\u2019)]*\.[\"'\u201d\u2019)]*$")  # "...a full stop." but not "...?" or "..."
# Short words every sentence has: sharing them says nothing about a line's topic.
_COMMON = frozenset(
    "that this with from have will been were they their there about after what when which would your into more than "
    "them also said says over only just like some these those here where while being does dass eine einer sind wird "
    "pour avec dans sont elle como para pelo pela mais esta este sono della dello".split())


@dataclass
class Header:
    """What the header says: headline, byline and date, and the article lines that are metadata."""

    title: str = ""
    author: str = ""
    published: str | None = None
    used: set[int] = field(default_factory=set)  # indices of lines in the article run to leave out


def topic_keys(text: str) -> set[str]:
    """The words that carry a line's topic, cut to five letters so that plurals and tenses meet.

    Chinese and Japanese have no spaces: pairs of their characters stand in for words.
    """
    keys = {word[:5] for word in re.findall(r"[^\W\d_]{4,}", text.lower()) if word not in _COMMON}
    wide = "".join(CJK.findall(text))
    keys.update(wide[i:i + 2] for i in range(len(wide) - 1))
    return keys


def article_keys(lines: list[Line], start: int, end: int) -> set[str]:
    words, texts = 0, []
    for line in lines[start:end]:
        if line.kind == GOOD:
            texts.append(line.text)
            words += line.words
            if words >= _TOPIC_WORDS:
                break
    return topic_keys(" ".join(texts))


@dataclass
class _Facts:
    """What one line of the header holds."""

    author: str = ""
    date: str | None = None
    undated: bool = False  # "2 hours ago", "Nov 19": a date line whose date cannot be known

    @property
    def mark(self) -> bool:
        return bool(self.author or self.date or self.undated)


def _facts(line: Line, day_first: bool | None) -> _Facts:
    if line.words > 30:
        return _Facts()
    caption = bool(CREDIT.search(line.text))  # captions carry the photo's date, not the article's
    date = None if caption else find_date(line.text, day_first)
    undated = not date and line.words <= 12 and bool(_UNDATED.search(line.text))
    return _Facts(find_byline(line.text), date, undated)


def _headline_like(line: Line, facts: _Facts) -> bool:
    if line.kind == FURNITURE or line.bullet or facts.mark or not 2 <= line.words <= 30:
        return False
    text, tokens = line.text, line.text.split()
    if sum(bool(_NUMBER.match(token)) for token in tokens) >= max(3, len(tokens) * 0.4):
        return False  # a row of a table of scores or prices
    return not ("|" in text or text.endswith((":", ",")) or _NOT_HEADLINE.search(unglue(text)) or CREDIT.search(text)
                or _CLOCK.search(text) or " % " in f" {text} ")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unglue(text).lower())


def _contains(outer: list[str], inner: list[str]) -> bool:
    """Whether the words `inner` stand in a row inside `outer`."""
    return bool(inner) and f" {' '.join(inner)} " in f" {' '.join(outer)} "


def _title_case(text: str) -> bool:
    long_words = [word for word in text.split() if len(word) > 3]
    return bool(long_words) and sum(word[0].isupper() for word in long_words) >= 0.7 * len(long_words)


class HeaderLines:
    """The lines around the article's start and what each holds."""

    def __init__(self, lines: list[Line], start: int, end: int, day_first: bool | None) -> None:
        self.lines, self.start, self.end, self.day_first = lines, start, end, day_first
        first, seen = start, 0
        while first > 0 and seen < _HEADER_LINES and start - first < _HEADER_LIMIT:
            first -= 1
            seen += lines[first].kind != FURNITURE
        self.indices = list(range(first, min(end, start + _LEAD_LINES)))
        self.facts = {i: _facts(lines[i], day_first) for i in self.indices}
        for i in self.indices:  # "By" or "Author:" on a line of its own, the name on the next
            following = next((j for j in range(i + 1, min(i + 3, end)) if lines[j].kind != FURNITURE), None)
            if _LABEL_ALONE.match(lines[i].text) and following in self.facts:
                name = self.facts[following].author or name_line(lines[following].text)
                self.facts[i].author = self.facts[following].author = name
        # the lines a reader sees: furniture (share buttons, image placeholders) does not count
        self.visible = [i for i in self.indices if lines[i].kind != FURNITURE or self.facts[i].mark]

    def near(self, index: int, before: int, after: int) -> list[int]:
        """Visible lines up to `before` above and `after` below line `index` (which need not be visible)."""
        place = bisect_left(self.visible, index)
        later = place + (place < len(self.visible) and self.visible[place] == index)
        return self.visible[max(0, place - before):place] + self.visible[later:later + after]

    def distance(self, index: int) -> int:
        """Visible lines between line `index` and the article's start (0 inside the article)."""
        return max(0, bisect_left(self.visible, self.start) - bisect_left(self.visible, index) - 1)


def headline_scores(header: HeaderLines, topic: set[str], places: dict[str, list[int]]) -> dict[int, float]:
    """How much each title-like line of the header looks like the headline (see the module's docstring)."""
    lines, facts = header.lines, header.facts
    keys = {i: topic_keys(lines[i].text) for i in header.indices}
    shared = {i: len(keys[i] & topic) for i in header.indices}
    candidates = {i for i in header.indices if _headline_like(lines[i], facts[i])
                  and not (i >= header.start and lines[i].kind == GOOD)}
    topical = {i for i in candidates if shared[i] >= 2 and shared[i] >= 0.5 * len(keys[i])}
    marks = [i for i in header.indices if facts[i].mark]
    # a topical line standing just above a byline or date heads the header block: what comes
    # below that mark (captions, standfirsts, the paper's name) is not the headline
    heads = [m for m in marks if any(j in topical and lines[j].kind != GOOD for j in header.near(m, 3, 0))]
    # a topical line right under another one (no mark between) is the headline's subtitle; a line
    # holding another one's words and more is a breadcrumb or a headline glued to its neighbours
    deks, glued = set(), set()
    for i in candidates:
        for j in range(i + 1, min(i + 3, header.end)):
            if j not in candidates or lines[j].text == lines[i].text or facts[j - 1].mark:
                continue
            inner, outer = _words(lines[i].text), _words(lines[j].text)
            if _contains(outer, inner) or _contains(inner, outer):
                glued.add(i if len(inner) > len(outer) else j)
            elif i in topical and shared[j] >= 2 and not name_line(lines[i].text):
                deks.add(j)
    masthead = {lines[i].text for i in range(min(5, len(lines)))}
    scores = {}
    for i in sorted(candidates):
        line = lines[i]
        score = 8.0 * shared[i] / (len(keys[i]) + 1) + 0.6 * min(shared[i], 5)
        score -= 0.4 * min(header.distance(i), 25)
        if any(facts[j].mark for j in header.near(i, 0, 3)):
            score += 5.0
        elif any(facts[j].mark for j in header.near(i, 1, 0)):
            score += 3.0
        following = header.near(i, 0, 1)
        if following and lines[following[0]].kind == GOOD and ENDS_SENTENCE.search(lines[following[0]].text):
            score += 2.0  # a standfirst follows its headline
        if any(j in deks for j in (i + 1, i + 2)) and i not in deks:
            score += 3.0  # a headline with its subtitle below
        if i in deks:
            score -= 3.0
        if i in glued:
            score -= 6.0
        if i + 1 < len(lines) and CREDIT.search(lines[i + 1].text):
            score -= 3.0  # a caption above its photo credit
        if any(abs(j - i) > 2 for j in places[line.text]):
            score += 4.0  # pages repeat their headline (print header, share box)
            if i > 10 and line.text in masthead:
                score -= 8.0  # the site's name at the top of the page
        if line.kind == GOOD:
            score -= 4.0  # a sentence (a standfirst or a caption)
        if _FULL_STOP.search(line.text):
            score -= 6.0
        if _INNER_SENTENCE.search(line.text):
            score -= 4.0
        score += 2.0 if 4 <= line.words <= 25 else -3.0 if line.words <= 2 else 0.0
        score += 1.5 if _title_case(line.text) else 0.0
        if (line.words <= 4 and looks_like_name(line.text)) or name_line(line.text):
            score -= 4.0  # names and section labels ("Jane Doe", "World News")
        if i >= header.start:
            score -= 2.0
        if any(m < i for m in heads):
            score -= 5.0
        scores[i] = score
    return scores


def _author(header: HeaderLines, headline: int | None) -> tuple[str, int | None]:
    """The byline nearest the headline (below it first), else a name line next to it or the date."""
    anchor = headline if headline is not None else header.start
    found = [(i, header.facts[i].author) for i in header.indices if header.facts[i].author]
    if found:
        index, author = min(found, key=lambda item: (abs(item[0] - anchor) + (0.5 if item[0] < anchor else 0)))
        return author, index
    if headline is None:
        return "", None
    # the name stands between the headline and the date below it (nearest the date first), under the
    # headline, or just above a date above the headline (past a section label)
    places = []
    for date in (i for i in range(headline - 4, headline + 6) if i in header.facts and header.facts[i].mark
                 and not header.facts[i].author):
        places += range(date - 1, headline, -1) if date > headline else [date - 1, date - 2]
    for i in [*places, headline + 1, headline + 2, *header.near(headline, 0, 3)]:
        if i != headline and i in header.facts and (author := name_line(header.lines[i].text)):
            return author, i
    return "", None


def _published(header: HeaderLines, headline: int | None) -> tuple[str | None, int | None]:
    """The date nearest the headline (a labelled "Published" date a little nearer), else one after the article."""
    anchor = headline if headline is not None else header.start
    found = [i for i in header.indices if header.facts[i].date]
    if found:
        index = min(found, key=lambda i: abs(i - anchor) + (0.5 if i < anchor else 0))
        return header.facts[index].date, index
    for index in range(header.start + _LEAD_LINES, min(header.end, header.start + _DATE_LINES)):
        line = header.lines[index]  # a date line among the article's first lines
        if line.words <= 12 and not CREDIT.search(line.text) and (date := find_date(line.text, header.day_first)):
            return date, index
    for line in header.lines[header.end:header.end + 3]:
        if re.match(r"\W*(published|posted|updated|first published)\b", line.text, re.IGNORECASE) and line.words <= 12:
            return find_date(line.text, header.day_first), None
    return None, None


def read_header(lines: list[Line], start: int, end: int, day_first: bool | None = None) -> Header:
    """Headline, byline and date of the article in lines[start:end] (see the module's docstring)."""
    header = HeaderLines(lines, start, end, day_first)
    places: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        places[line.text].append(i)
    scores = headline_scores(header, article_keys(lines, start, end), places)
    headline = max(scores, key=scores.__getitem__) if scores else None
    if headline is not None:  # a headline shown twice: the copy nearest the article heads its header
        headline = max(i for i in header.indices if i < max(start, headline + 1) and lines[i].text == lines[headline].text)
    author, byline = _author(header, headline)
    published, dated = _published(header, headline)
    result = Header(lines[headline].text if headline is not None else "", author, published)
    for index in (headline, byline, dated):
        if index is not None and index >= start and (index != dated or lines[index].words <= 12):
            result.used.add(index)
    return result
