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
from collections import defaultdict
from dataclasses import dataclass, field

from reader.importers.bylines import find_byline, find_date, looks_like_name, name_line
from reader.importers.copied_lines import CJK, CREDIT, ENDS_SENTENCE, FURNITURE, GOOD, Line

_HEADER_LINES = 40  # how far before the article the headline, byline and date are looked for
_LEAD_LINES = 4  # the article's first lines may still hold its headline, byline or date
_TOPIC_WORDS = 400  # the article's words a headline is compared with
_NOT_HEADLINE = re.compile(
    r"\b(share|tweet|facebook|twitter|whatsapp|linkedin|newsletter|sign up|subscribe|cookies?|privacy|comments?|url|"
    r"click|menu|log ?in|advertis\w*|getty|shutterstock|image|photo|credit|continue reading|external links?|"
    r"you are here|playback|javascript|browser)\b|^\(.*\)$|^[^\w\u2018\u201c\"'\u00bf\u00a1\[]",
    re.IGNORECASE,
)
_RELATIVE_DATE = re.compile(r"\b\d+\s*(min(ute)?|hour|hr|day|week|month|year)s?\s+ago\b|^\W*(today|yesterday)\b",
                            re.IGNORECASE)
_INNER_SENTENCE = re.compile(r"\w[.!?][\"\u201d\u2019]?\s+[A-Z\u201c\"]")
_FULL_STOP = re.compile(r"\w[\"'\u201d\u2019)]*\.$")  # "...a full stop." but not "...?" or "..."
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


def _article_keys(lines: list[Line], start: int, end: int) -> set[str]:
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
    relative: bool = False  # "2 hours ago": a date line whose date cannot be known

    @property
    def mark(self) -> bool:
        return bool(self.author or self.date or self.relative)


def _facts(line: Line, day_first: bool | None) -> _Facts:
    if line.words > 30:
        return _Facts()
    caption = bool(CREDIT.search(line.text))  # captions carry the photo's date, not the article's
    date = None if caption else find_date(line.text, day_first)
    return _Facts(find_byline(line.text), date, not date and bool(_RELATIVE_DATE.search(line.text)))


def _headline_like(line: Line, facts: _Facts) -> bool:
    if line.kind == FURNITURE or line.bullet or facts.mark or not 2 <= line.words <= 30:
        return False
    text = line.text
    return not ("|" in text or text.endswith((":", ",")) or _NOT_HEADLINE.search(text) or CREDIT.search(text))


def _title_case(text: str) -> bool:
    long_words = [word for word in text.split() if len(word) > 3]
    return bool(long_words) and sum(word[0].isupper() for word in long_words) >= 0.7 * len(long_words)


class _Header:
    """The lines around the article's start and what each holds."""

    def __init__(self, lines: list[Line], start: int, end: int, day_first: bool | None) -> None:
        self.lines, self.start, self.end = lines, start, end
        self.indices = list(range(max(0, start - _HEADER_LINES), min(end, start + _LEAD_LINES)))
        self.facts = {i: _facts(lines[i], day_first) for i in self.indices}
        # a line's place among the lines a reader sees (furniture does not count)
        self.seen: dict[int, int] = {}
        for i in self.indices:
            self.seen[i] = len(self.seen) if lines[i].kind != FURNITURE or self.facts[i].mark else -1
        self.visible = [i for i in self.indices if self.seen[i] >= 0]

    def near(self, index: int, before: int, after: int) -> list[int]:
        """Visible lines up to `before` above and `after` below line `index` (which need not be visible)."""
        place = sum(1 for i in self.visible if i < index)
        return self.visible[max(0, place - before):place] + [i for i in self.visible if i > index][:after]

    def distance(self, index: int) -> int:
        """Visible lines between line `index` and the article's start (0 inside the article)."""
        return sum(1 for i in self.visible if index < i < self.start)


def _headline(header: _Header, topic: set[str], places: dict[str, list[int]]) -> int | None:
    """The index of the line that is the headline, or None."""
    lines, facts = header.lines, header.facts
    bylines = [i for i in header.indices if facts[i].author and i < header.start]
    best, best_score = None, float("-inf")
    for i in header.indices:
        line = lines[i]
        if not _headline_like(line, facts[i]) or (i >= header.start and line.kind == GOOD and line.words > 20):
            continue
        keys = topic_keys(line.text)
        score = 10.0 * len(keys & topic) / len(keys) if keys else 0.0
        score -= 0.4 * min(header.distance(i), 25)
        if any(facts[j].mark for j in header.near(i, 1, 3)):
            score += 5.0
        following = header.near(i, 0, 1)
        if following and lines[following[0]].kind == GOOD and ENDS_SENTENCE.search(lines[following[0]].text):
            score += 2.0  # a standfirst follows its headline
        if any(abs(j - i) > 2 for j in places[line.text]):
            score += 4.0  # pages repeat their headline (print header, share box)
        if _FULL_STOP.search(line.text):
            score -= 6.0
        if _INNER_SENTENCE.search(line.text):
            score -= 4.0
        score += 2.0 if 4 <= line.words <= 25 else -3.0 if line.words <= 2 else 0.0
        score += 1.5 if _title_case(line.text) else 0.0
        if line.words <= 4 and looks_like_name(line.text):
            score -= 4.0  # names and section labels ("Jane Doe", "World News")
        if any(b < i for b in bylines):
            score -= 4.0  # below the byline stand captions, standfirsts and the paper's name
        if score > best_score:
            best, best_score = i, score
    return best


def _author(header: _Header, headline: int | None) -> tuple[str, int | None]:
    """The byline nearest the headline (below it first), else a name line next to it or the date."""
    anchor = headline if headline is not None else header.start
    found = [(i, header.facts[i].author) for i in header.indices if header.facts[i].author]
    if found:
        index, author = min(found, key=lambda item: (abs(item[0] - anchor) + (0.5 if item[0] < anchor else 0)))
        return author, index
    if headline is None:
        return "", None
    dates = [i for i in header.near(headline, 3, 4) if header.facts[i].date or header.facts[i].relative]
    places = header.near(headline, 0, 2) + [j for d in dates for j in header.near(d, 2, 0)]
    for i in places:
        if i != headline and header.lines[i].kind != FURNITURE and (author := name_line(header.lines[i].text)):
            return author, i
    return "", None


def _published(header: _Header, headline: int | None) -> tuple[str | None, int | None]:
    """The date nearest the headline (a labelled "Published" date a little nearer), else one after the article."""
    anchor = headline if headline is not None else header.start
    found = [i for i in header.indices if header.facts[i].date]
    if found:
        index = min(found, key=lambda i: abs(i - anchor) + (0.5 if i < anchor else 0))
        return header.facts[index].date, index
    for line in header.lines[header.end:header.end + 3]:
        if re.match(r"\W*(published|posted|updated|first published)\b", line.text, re.IGNORECASE) and line.words <= 12:
            return find_date(line.text), None
    return None, None


def read_header(lines: list[Line], start: int, end: int, day_first: bool | None = None) -> Header:
    """Headline, byline and date of the article in lines[start:end] (see the module's docstring)."""
    header = _Header(lines, start, end, day_first)
    places: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        places[line.text].append(i)
    headline = _headline(header, _article_keys(lines, start, end), places)
    author, byline = _author(header, headline)
    published, dated = _published(header, headline)
    result = Header(lines[headline].text if headline is not None else "", author, published)
    for index in (headline, byline, dated):
        if index is not None and index >= start and (index != dated or lines[index].words <= 12):
            result.used.add(index)
    return result
