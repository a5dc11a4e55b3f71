"""Which line of a copied page's header is the article's headline.

Each title-like line before the article (and among its first lines) is scored on clues a
reader uses (headline_features names each): it shares words with the article's first
paragraphs; a byline, date or name stands just below it (or a date just above); a standfirst
or a subtitle follows it; the page shows it again elsewhere; it is near the article (boxes of
related links between do not count). Against it count: a final full stop or a second
sentence (captions, standfirsts), looking like a name or a section label, standing below the
header block (headline, byline, date), being the subtitle under a topical line, holding
another line's words and more (a breadcrumb glued to the headline), a photo credit right
under it, being a related link, and being the site's name from the top of the page. Lines
that are never headlines (share and sign-up lines, breadcrumbs, agency slugs, rows of
numbers, times) are not scored at all."""

from __future__ import annotations

import re

from reader.importers.bylines import looks_like_name, name_line, unglue
from reader.importers.copied_lines import CJK, CREDIT, ENDS_SENTENCE, FURNITURE, GOOD, Line
from reader.importers.header_lines import Facts, HeaderLines
from reader.importers.titles import squash

_TOPIC_WORDS = 400  # the article's words a headline is compared with
_NOT_HEADLINE = re.compile(
    r"\b(share|tweet|newsletter|sign up|subscribe|cookies?|privacy|comments?|url|click|menu|log ?in|advertis\w*|"
    r"getty|shutterstock|image|photo|foto|credit|continue reading|external links?|you are here|playback|javascript|"
    r"browser|e-?mail|print|caption|text size|font size)\b|\bcaption|\b(log|sign) ?(in|out)|^\(.*\)$"
    r"|^[^\w\u2018\u201c\"'\u00bf\u00a1\[]"
    # breadcrumbs ("Home » News »") and news agencies' story slugs ("BC-EU--Britain-Brexit, 1st Ld-Writethru")
    r"|(?<!\S)[\u00bb\u203a>]\s*$"
    r"|^(home|start|startseite|accueil|inicio|in\u00edcio|\u0433\u043b\u0430\u0432\u043d\u0430\u044f)\s*[\u00bb\u203a>/|]"
    r"|(?-i:\b[A-Z]{2,3}-[A-Z]{2,3}--)|\bLd-Writethru\b",
    re.IGNORECASE,
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]{2,}")
_NUMBER = re.compile(r"^[\d.,%:+\u2013\u2014-]+$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_INNER_SENTENCE = re.compile(r"[a-z]{3}[.!?][\"\u201d\u2019]?\s+[A-Z\u201c\"]")  # not after "J.", "U.S." or "Rep."
_FULL_STOP = re.compile(r"\w[\"'\u201d\u2019)]*\.[\"'\u201d\u2019)]*$")  # "...a full stop." but not "...?" or "..."
# Short words every sentence has: sharing them says nothing about a line's topic.
_COMMON = frozenset(
    "that this with from have will been were they their there about after what when which would your into more than "
    "them also said says over only just like some these those here where while being does dass eine einer sind wird "
    "pour avec dans sont elle como para pelo pela mais esta este sono della dello".split())


def topic_keys(text: str) -> set[str]:
    """The words that carry a line's topic, cut to five letters so that plurals and tenses meet.

    Chinese and Japanese have no spaces: pairs of their characters stand in for words. Korean
    words are short and carry their particles ("엘제이의" is "엘제이" and "of"): pairs of syllables
    within a word stand in for them too.
    """
    keys = {word[:5] for word in re.findall(r"[^\W\d_]{4,}", text.lower())
            if word not in _COMMON and not _HANGUL.match(word)}
    wide = "".join(CJK.findall(text))
    keys.update(wide[i:i + 2] for i in range(len(wide) - 1))
    for word in _HANGUL.findall(text):
        keys.update(word[i:i + 2] for i in range(len(word) - 1))
    return keys


def article_keys(lines: list[Line], start: int, end: int) -> set[str]:
    """The topic words of the first paragraphs of the article in lines[start:end]."""
    words, texts = 0, []
    for line in lines[start:end]:
        if line.kind == GOOD:
            texts.append(line.text)
            words += line.words
            if words >= _TOPIC_WORDS:
                break
    return topic_keys(" ".join(texts))


def _headline_like(line: Line, facts: Facts) -> bool:
    """Whether a line may be a headline at all (a few words, not furniture, a byline or a date)."""
    if line.kind == FURNITURE or line.bullet or facts.mark or not 2 <= line.words <= 30:
        return False
    text, tokens = line.text, line.text.split()
    if sum(bool(_NUMBER.match(token)) for token in tokens) >= max(3, len(tokens) * 0.4):
        return False  # a row of a table of scores or prices
    return not (text.count("|") > 1 or text.endswith((":", ",")) or _NOT_HEADLINE.search(unglue(text))
                or CREDIT.search(text) or _CLOCK.search(text) or " % " in f" {text} ")


def _sentence(line: Line, words: int = 24) -> bool:
    """A sentence line ending with a full stop, or a long one: a standfirst, a caption or a paragraph.

    A question or an exclamation of a few words may well be a headline.
    """
    return line.kind == GOOD and (line.words > words or bool(_FULL_STOP.search(line.text)))


def _byline_name(text: str) -> bool:
    """A line holding a person's name (two words at least: one word may be a section's name)."""
    return len(text.split()) >= 2 and bool(name_line(text))


def _title_case(text: str) -> bool:
    long_words = [word for word in text.split() if len(word) > 3]
    return bool(long_words) and sum(word[0].isupper() for word in long_words) >= 0.7 * len(long_words)


class _Clues:
    """What the header's lines say about each other: topic words shared, subtitles, glued breadcrumbs."""

    def __init__(self, header: HeaderLines, topic: set[str]) -> None:
        lines, facts = header.lines, header.facts
        self.keys = {i: topic_keys(lines[i].text) for i in header.indices}
        self.shared = {i: len(self.keys[i] & topic) for i in header.indices}
        # the article's first lines may be its headline, but not its first paragraph
        self.candidates = {i for i in header.indices if _headline_like(lines[i], facts[i])
                           and not (i >= header.start and _sentence(lines[i], 20))}
        topical = {i for i in self.candidates
                   if self.shared[i] >= 2 and (self.shared[i] >= 0.4 * len(self.keys[i]) or self.shared[i] >= 4)}
        # a name right under a topical line is its byline
        names = {j for i in topical for j in header.near(i, 0, 1)
                 if _byline_name(lines[j].text) and not name_line(lines[i].text)}
        marks = [i for i in header.indices if facts[i].mark or i in names]
        # a topical line standing just above a byline or date heads the header block: what comes
        # below that mark (captions, standfirsts, the paper's name) is not the headline
        self.heads = [m for m in marks if any(j in topical and not _sentence(lines[j]) for j in header.near(m, 3, 0))]
        # a topical line right under another one (no mark between, not in title case) is the headline's
        # subtitle; a line holding another one's words and more is a breadcrumb or a headline glued to
        # its neighbours
        self.deks: set[int] = set()
        self.glued: set[int] = set()
        for i in self.candidates:
            for j in range(i + 1, min(i + 3, header.end)):
                if j not in self.candidates or lines[j].text == lines[i].text or facts[j - 1].mark or (
                        j == i + 2 and (lines[i + 1].words == 1 or i + 1 in self.candidates)):
                    continue  # a mark, a lone word (a section's name) or another title between them
                kicker = _title_case(lines[i].text) and lines[i].words <= 5  # "Apple Black Friday Deals"
                # letters and digits only: "HomeNEWS: Big News" holds "Big news"
                inner, outer = squash(lines[i].text), squash(lines[j].text)
                if min(len(inner), len(outer)) >= 12 and (inner in outer or outer in inner):
                    self.glued.add(i if len(inner) > len(outer) else j)
                elif i in topical and not kicker and not name_line(lines[i].text) and not _title_case(lines[j].text) and (
                        (self.keys[i] & self.keys[j] and self.shared[j] >= 1)
                        or (self.shared[j] >= 2 and lines[j].words >= 1.5 * lines[i].words)):
                    self.deks.add(j)  # a subtitle speaks of the same things, or says more
        self.masthead = {lines[i].text for i in range(min(5, len(lines)))}


def headline_features(header: HeaderLines, topic: set[str], places: dict[str, list[int]]) -> dict[int, dict[str, float]]:
    """The clues for and against each title-like line of the header being the headline, by name."""
    lines, facts = header.lines, header.facts
    clues = _Clues(header, topic)
    found: dict[int, dict[str, float]] = {}
    for i in sorted(clues.candidates):
        line, shared = lines[i], clues.shared[i]
        below = next(iter(header.near(i, 0, 1)), None)  # the next line a reader sees
        repeated = any(abs(j - i) > 2 for j in places[line.text])
        features = {
            "topic": 8.0 * shared / (len(clues.keys[i]) + 1) + 0.6 * min(shared, 5),
            "distance": -0.4 * min(header.distance(i), 25),
            "byline or date below": 5.0 if any(facts[j].mark for j in header.near(i, 0, 2))
            else 3.0 if any(facts[j].mark for j in header.near(i, 0, 3)) else 0.0,
            "name below": 3.0 if below is not None and not facts[below].mark and _byline_name(lines[below].text)
            and not name_line(line.text) else 0.0,
            "date above": 3.0 if any(facts[j].mark for j in header.near(i, 1, 0)) else 0.0,
            "standfirst below": 2.0 if below is not None and lines[below].kind == GOOD
            and ENDS_SENTENCE.search(lines[below].text) else 0.0,
            "subtitle below": 3.0 if i not in clues.deks and any(j in clues.deks for j in (i + 1, i + 2)) else 0.0,
            "a subtitle": -3.0 if i in clues.deks else 0.0,
            "glued to more": -6.0 if i in clues.glued else 0.0,
            "a related link": -6.0 if i in header.teasers else 0.0,
            "credit below": -3.0 if i + 1 < len(lines) and CREDIT.search(lines[i + 1].text) else 0.0,
            "repeated": 4.0 if repeated else 0.0,
            "the site's name": -8.0 if repeated and i > 10 and line.text in clues.masthead else 0.0,
            "a sentence": -4.0 if _sentence(line) else 0.0,
            "site name part": -2.0 if "|" in line.text else 0.0,
            "full stop": -6.0 if _FULL_STOP.search(line.text) else 0.0,
            "two sentences": -4.0 if _INNER_SENTENCE.search(line.text) else 0.0,
            "length": 2.0 if 4 <= line.words <= 25 else -3.0 if line.words <= 2 else 0.0,
            "title case": 1.5 if _title_case(line.text) else 0.0,
            "a name": -4.0 if line.words <= 4 and looks_like_name(line.text) else 0.0,
            "a byline": -8.0 if (name_line(line.text) and line.words > 4) or (
                " and " in line.text and looks_like_name(line.text)) else 0.0,
            "inside the article": -2.0 if i >= header.start else 0.0,
            "below the byline block": -5.0 if any(m < i for m in clues.heads) else 0.0,
        }
        if features["below the byline block"]:
            # the date above and the line below belong to the header block, or to a photo's caption
            features["date above"] = features["subtitle below"] = 0.0
        found[i] = {name: value for name, value in features.items() if value}
    return found


def choose_headline(header: HeaderLines, places: dict[str, list[int]]) -> int | None:
    """The index of the headline line, or None when the header has no title-like line.

    A headline shown twice is taken where it stands nearest the article, as its byline and
    date are read around it.
    """
    topic = article_keys(header.lines, header.start, header.end)
    scores = {i: sum(features.values()) for i, features in headline_features(header, topic, places).items()}
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    text = header.lines[best].text
    return max(i for i in header.indices if i < max(header.start, best + 1) and header.lines[i].text == text)
