"""Benchmark: importing text copied from a whole web page, on the 181 benchmark pages.

Run: .venv/bin/python tests/benchmarks/bench_extraction_text.py [--sample 30]
Each page is turned into what a person gets by copying it (`w3m -dump -cols 10000 -T text/html
-O UTF-8`, Debian package w3m) and imported as text. Prints body precision, recall and F1
over word 4-gram shingles (see extraction_score.py) next to importing the dump whole, per page
class; then how often title, author and date agree with the HTML import of the same page.
`--sample N` also lists N pages (fixed seed) side by side for checking by hand.
Goals: body F1 >= 0.90; title, author and date right on >= 90% of pages.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extraction_html import page_classes  # noqa: E402
from extraction_score import Page, load_pages, page_score, print_table, summary  # noqa: E402

from reader.importers import ImportRejected, extract  # noqa: E402


def copied_text(page: Page, folder: Path) -> str:
    """The page as text, the way w3m renders it (each block on one line)."""
    source = folder / f"{page.key}.html"
    source.write_bytes(page.html)
    result = subprocess.run(
        ["w3m", "-dump", "-cols", "10000", "-T", "text/html", "-O", "UTF-8", str(source)],
        capture_output=True, timeout=60, check=False,
    )
    return result.stdout.decode("utf-8", "replace")


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def _same_moment(ours: str, reference: str) -> bool:
    """Two times a time-zone offset apart (pages show local time, their metadata often UTC)."""
    try:
        delta = abs(datetime.fromisoformat(ours) - datetime.fromisoformat(reference))
    except ValueError:
        return False
    return delta <= timedelta(hours=14) and delta.total_seconds() % 900 == 0


def agree(field: str, ours: str | None, reference: str | None) -> bool:
    """Whether a text-import field matches the HTML import's.

    Titles and authors compare as words (case and punctuation aside, authors in any order);
    dates as the same day, or as the same moment in another time zone when both carry a time.
    """
    if field == "published":
        ours, reference = ours or "", reference or ""
        return ours[:10] == reference[:10] or ("T" in ours and "T" in reference and _same_moment(ours, reference))
    if field == "author":
        return sorted(_words(ours)) == sorted(_words(reference))
    return _words(ours) == _words(reference)


def _shown(field: str, value: str | None, text: str) -> bool:
    """Whether the copied text shows the HTML import's value at all (an upper bound for text rules)."""
    if not value:
        return True  # nothing to find: an empty answer is right
    if field == "published":
        day = datetime.fromisoformat(value[:10])
        return any(form in text for form in (value[:10], f"{day:%B} {day.day}", f"{day.day} {day:%B}",
                                              f"{day:%b} {day.day}", f"{day.day} {day:%b}", f"{day:%b}. {day.day}"))
    return " ".join(_words(value)) in " ".join(_words(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=0, help="list this many pages for a check by hand")
    args = parser.parse_args()
    if shutil.which("w3m") is None:
        raise SystemExit("w3m is needed (apt-get install w3m)")
    pages = load_pages()
    whole, ours, fields, texts = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            text = copied_text(page, Path(tmp))
            texts.append(text)
            whole.append(page_score(page.truth, text))
            try:
                article = extract(text.encode("utf-8"), name=f"{page.key}.txt")
            except ImportRejected:
                ours.append(page_score(page.truth, ""))
                fields.append((None, None))
                continue
            ours.append(page_score(page.truth, article.text))
            try:
                reference = extract(page.html, name=f"{page.key}.html")
            except ImportRejected:
                reference = None
            fields.append((article, reference))
    print(f"{len(pages)} pages copied as text with w3m")
    print_table("body F1 over word 4-gram shingles (P precision, R recall, F F1):", page_classes(pages),
                {"the whole copied text": whole, "reader text import": ours})
    p, r, f = summary(ours)
    print(f"\nreader text import: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (whole text F1 {summary(whole)[2]:.3f}; "
          "goal >= 0.90)")
    checked = [(a, h, t) for (a, h), t in zip(fields, texts) if a is not None and h is not None]
    for field in ("title", "author", "published"):
        right = sum(agree(field, getattr(a, field), getattr(h, field)) for a, h, _ in checked)
        shown = sum(_shown(field, getattr(h, field), t) for a, h, t in checked)
        print(f"{field:<10} agrees with the HTML import on {right}/{len(checked)} pages ({right / len(checked):.0%}; "
              f"goal >= 90%); the HTML value is visible in the copied text on {shown} pages")
    if args.sample:
        print(f"\nsample of {args.sample} pages for a check by hand (text import / HTML import):")
        for index in sorted(random.Random(1).sample(range(len(pages)), args.sample)):
            article, reference = fields[index]
            if article is None or reference is None:
                continue
            print(f"- {pages[index].url}")
            for field in ("title", "author", "published"):
                ok = "ok " if agree(field, getattr(article, field), getattr(reference, field)) else "-- "
                print(f"    {ok}{field:<9} {getattr(article, field)!s:<60.60} | {getattr(reference, field)!s:.60}")


if __name__ == "__main__":
    main()
