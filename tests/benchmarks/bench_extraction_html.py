"""Benchmark: body-text quality of HTML import on the 181 pages of the article extraction benchmark.

Run: .venv/bin/python tests/benchmarks/bench_extraction_html.py
Prints precision, recall and F1 over word 4-gram shingles (see extraction_score.py) for the
Reader importer and for plain `trafilatura.extract`, measured in the same run, overall and per
page class (body length, language, encoding, markup). Goals: F1 >= 0.965 and never below plain
trafilatura on a class.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_score import Page, load_pages, page_score, print_table, summary  # noqa: E402

from reader.importers import ImportRejected, extract  # noqa: E402


def page_classes(pages: list[Page]) -> dict[str, list[int]]:
    """Named groups of pages, from facts anyone can check in the page and its truth."""
    classes: dict[str, list[int]] = {"all pages": list(range(len(pages)))}

    def add(label: str, index: int) -> None:
        classes.setdefault(label, []).append(index)

    for index, page in enumerate(pages):
        words = len(page.truth.split())
        add("body < 300 words" if words < 300 else "body 300-800 words" if words <= 800 else "body > 800 words", index)
        head = page.html[:20000].decode("latin-1").lower()
        lang = re.search(r"<html[^>]*\blang=[\"']?([a-z]{2})", head)
        add("English" if lang and lang.group(1) == "en" else "other or no language tag", index)
        charset = re.search(r"charset=[\"']?([\w-]+)", head)
        add("declared UTF-8" if charset and charset.group(1) in ("utf-8", "utf8") else "other/undeclared charset", index)
        add("has <article>" if "<article" in page.html.decode("latin-1").lower() else "no <article>", index)
        add("has JSON-LD" if "application/ld+json" in page.html.decode("latin-1").lower() else "no JSON-LD", index)
    order = ["all pages", "body < 300 words", "body 300-800 words", "body > 800 words", "English",
             "other or no language tag", "declared UTF-8", "other/undeclared charset", "has <article>",
             "no <article>", "has JSON-LD", "no JSON-LD"]
    return {label: classes.get(label, []) for label in order}


def ours(page: Page) -> str:
    try:
        return extract(page.html, name=f"{page.key}.html").text
    except ImportRejected:
        return ""


def main() -> None:
    pages = load_pages()
    start = time.perf_counter()
    plain = [page_score(p.truth, trafilatura.extract(p.html, include_comments=False) or "") for p in pages]
    plain_time = time.perf_counter() - start
    start = time.perf_counter()
    reader = [page_score(p.truth, ours(p)) for p in pages]
    reader_time = time.perf_counter() - start
    systems = {"plain trafilatura": plain, "reader import": reader}
    print(f"{len(pages)} pages; extraction time: plain trafilatura {plain_time:.1f} s, reader {reader_time:.1f} s")
    print_table("body F1 over word 4-gram shingles (P precision, R recall, F F1):", page_classes(pages), systems)
    p, r, f = summary(reader)
    _, _, base = summary(plain)
    print(f"\nreader import: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
          f"(plain trafilatura F1 {base:.3f}; goal >= 0.965)")


if __name__ == "__main__":
    main()
