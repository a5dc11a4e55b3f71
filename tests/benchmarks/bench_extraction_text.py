"""Benchmark: importing text copied from a whole web page, on the 181 benchmark pages.

Run: .venv/bin/python tests/benchmarks/bench_extraction_text.py [--sample 30]
Each page is turned into what a person gets by copying it (`w3m -dump -cols 10000 -T text/html
-O UTF-8`, Debian package w3m) and imported as text. Prints body precision, recall and F1
over word 4-gram shingles (see extraction_score.py) next to importing the dump whole, per page
class; then how often title, author and date are right (see grade()), on all pages and apart
on the pages whose copied text shows the HTML import's value and those where it does not.
`--sample N` also lists N pages (fixed seed) side by side for checking by hand.
Goals: body F1 >= 0.90; title, author and date right on >= 90% of pages.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extraction_html import page_classes  # noqa: E402
from extraction_score import Page, load_pages, page_score, print_table, summary  # noqa: E402

from reader.domain.dates import normalize_iso  # noqa: E402
from reader.importers import ImportRejected, extract  # noqa: E402
from reader.importers.html import decode_html, parse_html  # noqa: E402
from reader.importers.metadata import _AUTHOR_META, _DATE_META, _TITLE_META, MetadataSources, _authors_of  # noqa: E402
from reader.importers.people import clean_author  # noqa: E402
from reader.importers.titles import strip_site  # noqa: E402

FIELDS = ("title", "author", "published")


def copied_text(page: Page, folder: Path) -> str:
    """The page as text, the way w3m renders it (each block on one line)."""
    source = folder / f"{page.key}.html"
    source.write_bytes(page.html)
    result = subprocess.run(
        ["w3m", "-dump", "-cols", "10000", "-T", "text/html", "-O", "UTF-8", str(source)],
        capture_output=True, timeout=60, check=False,
    )
    return result.stdout.decode("utf-8", "replace")


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_JOINERS = {"and", "by"}  # "A and B" names the same people as "A, B"; "By A" the same as "A"
_TZ_SPAN = timedelta(hours=14)  # the widest time-zone offset


def _words(text: str | None) -> list[str]:
    """Words of a value, compared without case, spacing, punctuation or typographic quotes."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower())


def _moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _same_date(ours: str, reference: str) -> bool:
    """The same day, or the same moment seen from another time zone.

    Pages show local time and their metadata is often UTC: two times are the same when they
    are a whole number of quarter hours apart, at most 14 hours; a day without a time is the
    same as a time when some time-zone offset puts that time on that day.
    """
    a, b = _moment(ours), _moment(reference)
    if a is None or b is None:
        return False
    if a.date() == b.date():
        return True
    if "T" in ours and "T" in reference:
        delta = abs(a - b)
        return delta <= _TZ_SPAN and delta.total_seconds() % 900 == 0
    day, moment = (a, b) if "T" not in ours else (b, a)
    return day - _TZ_SPAN <= moment < day + timedelta(days=1) + _TZ_SPAN


def same_value(field: str, ours: str | None, reference: str | None) -> bool:
    """Whether two values of a field are the same (see _words and _same_date); authors in any order."""
    if field == "published":
        return bool(ours) and bool(reference) and _same_date(ours, reference)
    if field == "author":
        return sorted(w for w in _words(ours) if w not in _JOINERS) == \
            sorted(w for w in _words(reference) if w not in _JOINERS)
    return _words(ours) == _words(reference)


def _date_forms(day: date) -> list[str]:
    """How pages write a day: ISO, month names (full, short, "Nov."), numbers in either order."""
    forms = [day.isoformat(), f"{day.year}/{day.month:02}/{day.day:02}"]
    for month in {f"{day:%B}", f"{day:%b}", f"{day:%b}."}:
        forms += [f"{month} {day.day}", f"{day.day} {month}", f"{day.day}. {month}", f"{month} {day.day:02}",
                  f"{day.day:02} {month}"]
    for d, m in {(day.day, day.month), (f"{day.day:02}", f"{day.month:02}")}:
        forms += [f"{d}/{m}/{day.year}", f"{m}/{d}/{day.year}", f"{d}.{m}.{day.year}", f"{d}-{m}-{day.year}"]
    return forms


def visible(field: str, value: str | None, text: str) -> bool:
    """Whether the copied text shows a value at all: its words in a row, or its day in a common form.

    A time in UTC may fall on the day before or after the one the page shows, so those count too.
    """
    if not value:
        return False
    if field != "published":
        # each author on its own: "Jane Roe, John Doe" is shown by "Jane Roe and John Doe"
        parts = re.split(r"[,;&]|\band\b", value) if field == "author" else [value]
        words = f" {' '.join(_words(text))} "
        return all(f" {' '.join(_words(part))} " in words for part in parts if _words(part))
    moment = _moment(value)
    if moment is None:
        return False
    days = {moment.date()} | ({(moment - _TZ_SPAN).date(), (moment + _TZ_SPAN).date()} if "T" in value else set())
    folded = " ".join(text.split()).lower()
    return any(form.lower() in folded for day in days for form in _date_forms(day))


@dataclass(frozen=True)
class Reference:
    """What the HTML import of a page says (values), and every value its metadata and markup offer."""

    values: dict[str, str | None]
    alternatives: dict[str, list[str]]


_BYLINE_ELEMENTS = ("//*[@rel='author' or @itemprop='author' or contains(@class, 'author') or contains(@class, 'byline')"
                    " or contains(@id, 'author') or contains(@id, 'byline')]"
                    " | //a[contains(@href, '/author/') or contains(@href, '/authors/') or contains(@href, '/staff/')]")


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _meta(sources: MetadataSources, names: tuple[str, ...]) -> list[str]:
    return [sources.meta[name] for name in names if name in sources.meta]


def reference_of(page: Page) -> Reference | None:
    """The HTML import's title, author and date, and the page's other candidates for each."""
    try:
        article = extract(page.html, name=f"{page.key}.html")
    except ImportRejected:
        return None
    tree = parse_html(decode_html(page.html))
    sources = MetadataSources(tree)
    site = article.site or ""
    titles = [*sources.headings, *sources.titles, *_meta(sources, _TITLE_META),
              *(str(item.get("headline") or item.get("name") or "") for item in sources.ld)]
    authors = [*_meta(sources, _AUTHOR_META), *sources.itemprops.get("author", []),
               *(_authors_of(item.get("author") or item.get("creator")) for item in sources.ld)]
    dates = [*_meta(sources, _DATE_META + ("article:modified_time", "og:updated_time")),
             *sources.itemprops.get("datePublished", []),
             *(str(item.get(key) or "") for item in sources.ld for key in ("datePublished", "dateModified"))]
    # what the page shows as its byline and date, in the elements pages mark them with
    authors += [_text(e) for e in tree.xpath(_BYLINE_ELEMENTS)]
    dates += [e.get("datetime") or _text(e) for e in tree.iter("time")]
    alternatives = {
        "title": [strip_site(t, site) for t in titles if t.strip()],
        "author": [a for a in (clean_author(a) for a in authors if a and len(a.split()) <= 12) if a],
        "published": [d for d in (normalize_iso(d) for d in dates if d) if d],
    }
    values = {field: getattr(article, field) for field in FIELDS}
    return Reference(values, alternatives)


def grade(field: str, ours: str | None, reference: Reference, text: str) -> tuple[bool, bool]:
    """(shown, right) for one field of one page.

    Shown: the HTML import's value is visible in the copied text; then it is right only when
    it is the same value. Otherwise (the page does not show it, or the HTML import has none)
    the same value is right, an empty one too, and so is one the page shows that the page's own
    markup gives as well (its <h1> when the metadata title differs, an author or date of another
    metadata source, a date of last change, the text of an element marked as the byline or
    author or linking to an author's page, a <time> element); anything else is invented.
    """
    value = reference.values[field]
    if visible(field, value, text):
        return True, same_value(field, ours, value)
    if not ours or same_value(field, ours, value):
        return False, True
    return False, any(same_value(field, ours, alt) and visible(field, alt, text)
                      for alt in reference.alternatives[field])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=0, help="list this many pages for a check by hand")
    args = parser.parse_args()
    if shutil.which("w3m") is None:
        raise SystemExit("w3m is needed (apt-get install w3m)")
    pages = load_pages()
    whole, ours, graded = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            text = copied_text(page, Path(tmp))
            whole.append(page_score(page.truth, text))
            try:
                article = extract(text.encode("utf-8"), name=f"{page.key}.txt")
            except ImportRejected:
                article = None
            ours.append(page_score(page.truth, article.text if article else ""))
            reference = reference_of(page)
            if reference is not None:
                values = {field: getattr(article, field) if article else None for field in FIELDS}
                graded.append((page, values, reference, {f: grade(f, values[f], reference, text) for f in FIELDS}))
    print(f"{len(pages)} pages copied as text with w3m")
    print_table("body F1 over word 4-gram shingles (P precision, R recall, F F1):", page_classes(pages),
                {"the whole copied text": whole, "reader text import": ours})
    p, r, f = summary(ours)
    print(f"\nreader text import: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (whole text F1 {summary(whole)[2]:.3f}; "
          "goal >= 0.90)")
    print(f"\ntitle, author and date right (see grade()) on the {len(graded)} pages the HTML import reads; goal >= 90%:")
    print(f"  {'field':<10}{'all pages':>18}{'value shown':>18}{'not shown':>18}")
    for field in FIELDS:
        cells = []
        for group in (None, True, False):
            marks = [g[field][1] for *_, g in graded if group is None or g[field][0] == group]
            cells.append(f"{sum(marks)}/{len(marks)} {sum(marks) / max(1, len(marks)):6.1%}".rjust(18))
        print(f"  {field:<10}" + "".join(cells))
    print("  (value shown: the HTML import's value is visible in the copied text, and right means the same value;\n"
          "   not shown: right means empty, or a value the page shows that its markup gives too: its <h1>,\n"
          "   another metadata source, an element marked as the byline, a <time> element)")
    if args.sample:
        print(f"\nsample of {args.sample} pages for a check by hand (ok/--, S shown/N not shown; text import | HTML import):")
        for index in sorted(random.Random(1).sample(range(len(graded)), min(args.sample, len(graded)))):
            page, values, reference, marks = graded[index]
            print(f"- {page.url}")
            for field in FIELDS:
                shown, right = marks[field]
                print(f"    {'ok' if right else '--'} {'S' if shown else 'N'} {field:<9} "
                      f"{values[field]!s:<60.60} | {reference.values[field]!s:.60}")


if __name__ == "__main__":
    main()
