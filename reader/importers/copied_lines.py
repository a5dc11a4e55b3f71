"""The lines of text copied from a web page, each classed as sentence text, a short line or furniture.

A browser copy or a text dump puts each paragraph on one line. A *sentence* line is long or
ends a sentence; a *short* line is a heading, a name or a menu entry; *furniture* is what no
reader reads as the article (share and sign-up lines, image placeholders, menus of bullets,
date lines, photo credits, cookie notices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.domain.dates import DATE_LINE
from reader.importers.boilerplate import is_boilerplate

SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*(\s|$)")
ENDS_SENTENCE = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*$")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
BULLET = re.compile(r"^\s*([\u2022\u25a1\u2606\u25cb\u25e6\u25aa\u25a0\u25cf*+\u2013-]|\d{1,3}[.)])\s+")
_PLACEHOLDER = re.compile(r"^\s*(\[[^\]]*\]\s*)+$")  # "[image alt]", "[          ] [Go]"
# Photo captions and credits: "Photo: Reuters / Jane Doe", "(AP Photo/Evan Vucci)", "Image copyright Getty".
CREDIT = re.compile(
    r"\b(photo|photograph|image|picture|pictured|foto|video)s?\s*(:|by\b|credit|courtesy|copyright|source:|via\b)"
    r"|\((ap|afp|reuters|getty|epa|upi|file)\b[^)]*\)\s*\.?$|\b(ap|afp|getty images|shutterstock|epa|reuters)"
    r"( photo)?\s*/|[|/]\s*(getty images|ap|afp|reuters|shutterstock|epa|alamy|istock)\s*$|\bcredit:"
    r"|\bimage copyright\b|\bin this (\w+, )?(\w+\.? \d{1,2}, \d{4},? )?(file )?photo",
    re.IGNORECASE,
)
# The heading of a box of links to other articles: "Related coverage", "Read more", "More On:", "Leggi anche".
TEASER_MARKER = re.compile(
    r"^[\W_]*(related|read (more|also|next)|see also|also (read|on)|more (from|on|stories|news)|recommended|"
    r"(you (may|might) (also )?like)|(most )?popular|trending|latest( news)?|further reading|up next|watch next|"
    r"more videos|leggi anche|lesen sie auch|mehr zum thema|lire aussi|(\u00e0 )?lire aussi|leia tamb\u00e9m|"
    r"veja tamb\u00e9m|lea tambi\u00e9n|ver tambi\u00e9n|lees ook|\u0447\u0438\u0442\u0430\u0439\u0442\u0435 \u0442\u0430\u043a\u0436\u0435)\b",
    re.IGNORECASE,
)
_COOKIES = re.compile(r"\bcookies?\b.*\b(website|browser|consent|necessary|experience|privacy)\b", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[.,;:!?\u2026\u3001\u3002\uff0c\uff01\uff1f]")
# A line that is a byline by its form ("by Jane Doe"): it begins in lower case yet continues nothing.
_OWN_BYLINE = re.compile(r"^(?:by|von|par|por)\s+[A-Z\u00c0-\u024f][\w.'\u2019-]*(?:\s+[A-Z\u00c0-\u024f][\w.'\u2019-]*){0,3}$")
COMMENTER = re.compile(r"^.{1,60}\s(says|said|wrote|writes):?$", re.IGNORECASE)

GOOD, SHORT, FURNITURE = "sentence", "short", "furniture"


@dataclass
class Line:
    """One line of the page: its text (bullet removed), word count and class."""

    text: str
    words: int
    kind: str
    bullet: bool = False


def count_words(text: str) -> int:
    """Words in a line; Chinese and Japanese write no spaces, so two of their characters count as one."""
    wide = len(CJK.findall(text))
    return len(text.split()) + wide // 2


def classify(raw: str) -> Line:
    """One line of the page with its class (sentence, short or furniture)."""
    bullet = bool(BULLET.match(raw))
    text = " ".join(BULLET.sub("", raw, count=1).split()) if bullet else " ".join(raw.split())
    words = count_words(text)
    if not text or _PLACEHOLDER.match(text) or not re.search(r"\w", text):
        return Line(text, words, FURNITURE, bullet)
    if is_boilerplate(text) or (DATE_LINE.match(text) and words <= 8) or COMMENTER.match(text) or (
            words <= 80 and (CREDIT.search(text) or _COOKIES.search(text))):
        return Line(text, words, FURNITURE, bullet)
    if (words >= 25 and not _is_menu(text)) or (words >= 8 and ENDS_SENTENCE.search(text)) \
            or len(SENTENCE_END.findall(text)) >= 2:
        return Line(text, words, GOOD, bullet)
    return Line(text, words, SHORT, bullet)


def _is_menu(text: str) -> bool:
    """A long line of capitalised words without a stop or a comma is a menu's entries run
    together ("Latest News Applications OS Channel Programs Cloud..."), not a paragraph."""
    if _PUNCTUATION.search(text):
        return False
    words = [word for word in text.split() if word[0].isalpha()]
    return len(words) >= 10 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


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
        if lines and not previous_blank and not ENDS_SENTENCE.search(lines[-1]) and not BULLET.match(raw) and (
            (line[0].islower() and not _OWN_BYLINE.match(line)) or (wrapped and len(lines[-1]) >= width * 0.6)
        ):
            lines[-1] += " " + line
        else:
            lines.append(raw.rstrip() if BULLET.match(raw) else line)
        previous_blank = False
    return lines
