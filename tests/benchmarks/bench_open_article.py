"""Benchmark: opening a 50,000-word article with 1,000 highlights, next to a plain setHtml.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_open_article.py [--runs 7]
Measures, in the same run and the same window size, the time from
`ReadingView.set_article(...)` (document built block by block, 1,000 highlights painted,
some overlapping) to the first painted frame (events processed, viewport grabbed), and the
same for `QTextBrowser.setHtml` of the text as plain <p> paragraphs without highlights.
Prints the medians and their ratio (goal: within 2x).
"""

from __future__ import annotations

import argparse
import html
import os
import random
import statistics
import time
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextBrowser  # noqa: E402

from reader.domain.models import AnchorState, Article, Block, BlockKind, Highlight, Mark, MarkKind  # noqa: E402
from reader.domain.text import snap_to_words  # noqa: E402
from reader.ui.offsets import OffsetMap  # noqa: E402
from reader.ui.reading import ReadingView  # noqa: E402
from reader.ui.reading.document import build_document  # noqa: E402
from reader.ui.reading.painter import HighlightPainter  # noqa: E402

WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from at which but "
         "have an they you were her she there been one all we their has would when if so no will more can "
         "out up about who into what them some could time these two may then do first any my now such like "
         "our over man me even most made after also did many before must through back years where much your "
         "way well down should because each just those people how too little state good very make world still "
         "own see men work long get here between both life being under never day same another know while last "
         "might us great old year off come since against go came right used take three").split()


def generate_article(words: int = 50_000, seed: int = 4) -> tuple[Article, list[str]]:
    """An article of `words` words: paragraphs, headings every dozen paragraphs, a few quotes
    and list items, and inline marks; also returns its paragraphs' texts for the baseline."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    texts: list[str] = []
    position = count = 0
    while count < words:
        roll = rng.random()
        kind = (BlockKind.HEADING if roll < 0.07 else BlockKind.QUOTE if roll < 0.1
                else BlockKind.LIST_ITEM if roll < 0.15 else BlockKind.PARAGRAPH)
        size = rng.randint(4, 9) if kind is BlockKind.HEADING else rng.randint(12, 30) if kind is BlockKind.LIST_ITEM \
            else rng.randint(40, 130)
        chosen = [rng.choice(WORDS) for _ in range(size)]
        chosen[0] = chosen[0].capitalize()
        text = " ".join(chosen) + ("" if kind is BlockKind.HEADING else ".")
        count += size
        if texts:
            position += 1
        marks = []
        if kind is not BlockKind.HEADING:
            cursor = 0
            for _ in range(rng.randint(0, 3)):
                start = text.find(" ", cursor + rng.randint(5, 60)) + 1
                end = text.find(" ", start + rng.randint(4, 25))
                if start <= 0 or end <= start:
                    break
                mark_kind = rng.choice(list(MarkKind))
                href = f"https://example.org/{start}" if mark_kind is MarkKind.LINK else None
                marks.append(Mark(mark_kind, position + start, position + end, href))
                cursor = end
        level = 2 if kind is BlockKind.HEADING else 1 if kind is BlockKind.LIST_ITEM else 0
        blocks.append(Block(kind, position, position + len(text), level, tuple(marks)))
        texts.append(text)
        position += len(text)
    article = Article(1, "A long read", "A. Writer", "example.org", "https://example.org/long", "2024-05-01",
                      datetime(2024, 5, 1), "html", text="\n".join(texts), blocks=tuple(blocks))
    return article, texts


def generate_highlights(article: Article, count: int = 1000, seed: int = 5) -> list[Highlight]:
    """`count` highlights of 2-40 words spread over the text; about a third overlap another."""
    rng = random.Random(seed)
    text = article.text
    now = datetime(2024, 5, 2)
    colors = ("yellow", "green", "blue", "pink", "purple")
    highlights: list[Highlight] = []
    for index in range(count):
        if highlights and rng.random() < 0.33:
            other = rng.choice(highlights)  # start inside another one: an overlap
            start = rng.randint(other.start, max(other.start, other.end - 1))
        else:
            start = rng.randrange(len(text) - 300)
        start, end = snap_to_words(text, start, start + rng.randint(10, 240))
        highlights.append(Highlight(index + 1, 1, start, end, text[start:end], "", "", colors[index % 5],
                                    "", (), AnchorState.EXACT, None, now, now))
    return highlights


def first_frame(app: QApplication, widget) -> None:
    app.processEvents()
    widget.viewport().grab()


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let both widgets finish their background layout, so neither pays for the other's."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication([])
    article, texts = generate_article()
    highlights = generate_highlights(article)
    page = "".join(f"<p>{html.escape(text)}</p>" for text in texts)
    view, browser = ReadingView(), QTextBrowser()
    for widget in (view, browser):
        widget.resize(800, 800)
        widget.show()
    app.processEvents()
    ours, baseline = [], []
    for _ in range(args.runs):
        settle(app)
        start = time.perf_counter()
        browser.setHtml(page)
        first_frame(app, browser)
        baseline.append(time.perf_counter() - start)
        settle(app)
        start = time.perf_counter()
        view.set_article(article, highlights)
        first_frame(app, view)
        ours.append(time.perf_counter() - start)
    assert view.document().toPlainText() == article.text
    building, painting = [], []
    for _ in range(args.runs):  # where the time goes: the two steps alone, on a detached document
        document = QTextDocument()
        start = time.perf_counter()
        build_document(document, article, view.typography)
        middle = time.perf_counter()
        HighlightPainter(document, OffsetMap(article.text), view.typography, highlights)
        building.append(middle - start)
        painting.append(time.perf_counter() - middle)
    words = len(article.text.split())
    ours_ms, base_ms = statistics.median(ours) * 1000, statistics.median(baseline) * 1000
    print(f"article: {words} words, {len(article.text)} characters, {len(article.blocks)} blocks, "
          f"{len(view.highlights())} highlights; median (best) of {args.runs} runs, 800x800 viewport")
    print(f"QTextBrowser.setHtml (<p> paragraphs, no highlights) + first frame: "
          f"{base_ms:7.1f} ms ({min(baseline) * 1000:.1f})")
    print(f"ReadingView.set_article (blocks, marks, highlights) + first frame:  "
          f"{ours_ms:7.1f} ms ({min(ours) * 1000:.1f})")
    print(f"  of which building the document {statistics.median(building) * 1000:.1f} ms, "
          f"painting {len(view.highlights())} highlights {statistics.median(painting) * 1000:.1f} ms")
    print(f"ratio reading view / setHtml:                                      {ours_ms / base_ms:7.2f}  "
          f"(best {min(ours) / min(baseline):.2f}; goal <= 2)")


if __name__ == "__main__":
    main()
