"""Benchmark: re-anchoring highlights after an article changes.

Run: .venv/bin/python tests/benchmarks/bench_anchoring.py [--runs 5]

1. The fixed case set (tests/fixtures/anchoring/cases.yaml): the share of highlights placed
   right (at the expected span, or an orphan where one is expected), the ones missed (an
   orphan where a place was expected) and the ones placed wrong (must be 0).
2. Speed: 1,000 highlights on a 50,000-word article after 20 edits, re-anchored, next to the
   time to render that article (a QTextDocument built block by block as the reading pane
   does, laid out at 800 px, and the first screen of a QTextBrowser grabbed offscreen),
   both measured in this run; and the whole update through the library (store the new
   text, keep the old one, write 1,000 anchors).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.domain.anchoring import Anchor, Reanchorer  # noqa: E402
from reader.domain.models import AnchorState, BlockKind, ExtractedArticle  # noqa: E402
from reader.domain.text import content_hash, quote_context, snap_to_words, text_from_paragraphs  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures" / "anchoring"))
from cases import judge, load_cases  # noqa: E402

# shared/ sits next to the repository (CI) or further up (a worktree)
BODIES = next((base / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
               for base in HERE.parents
               if (base / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json").exists()), None)
WORDS = 50_000
HIGHLIGHTS = 1_000
EDITS = 20


def fixed_cases() -> None:
    outcomes: Counter[str] = Counter()
    wrong = []
    for case in load_cases():
        reanchorer = Reanchorer(case.old, case.new)
        for expected in case.highlights:
            outcome = judge(expected, reanchorer.place(expected.anchor))
            outcomes[outcome] += 1
            if outcome != "right":
                wrong.append(f"    {outcome}: {case.name}: {expected.anchor.quote!r}")
    total = sum(outcomes.values())
    print(f"fixed cases: {len(load_cases())} cases, {total} highlights")
    print(f"  placed right (or orphaned as expected): {outcomes['right']:4d}  ({outcomes['right'] / total:.1%})")
    print(f"  orphaned but expected in place:         {outcomes['missed']:4d}")
    print(f"  placed wrong (must be 0):               {outcomes['wrong']:4d}")
    for line in wrong:
        print(line)


def article_paragraphs(rng: random.Random) -> list[str]:
    """About 50,000 words of real article text (the extraction benchmark), or generated words."""
    paragraphs: list[str] = []
    if BODIES is not None:
        for body in json.loads(BODIES.read_text(encoding="utf-8")).values():
            paragraphs.extend(p.strip() for p in body["articleBody"].split("\n") if p.strip())
    else:
        vocabulary = ["".join(rng.choice("etaoinshrdlucmfwyp") for _ in range(rng.randint(2, 9))) for _ in range(5000)]

        def sentence() -> str:
            return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 25))).capitalize() + "."

        paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 6))) for _ in range(1200)]
    chosen, count = [], 0
    for paragraph in paragraphs:
        chosen.append(paragraph)
        count += len(paragraph.split())
        if count >= WORDS:
            break
    return chosen


def edited(text: str, spans: list[list[int]], rng: random.Random, donor: list[str]) -> str:
    """`text` after EDITS edits (sentences inserted and deleted, words replaced, typos, a paragraph
    moved); spans touched by an edit are marked (third item 1), the others shifted."""
    def apply(position: int, removed: int, inserted: str) -> None:
        nonlocal text
        text = text[:position] + inserted + text[position + removed:]
        delta = len(inserted) - removed
        for span in spans:
            if position + removed <= span[0] and not (removed == 0 and position == span[0] and inserted):
                span[0] += delta
                span[1] += delta
            elif position < span[1] or (removed == 0 and position == span[0]):
                span[2] = 1

    for number in range(EDITS):
        kind = ("insert", "delete", "replace", "typo", "move")[number % 5]
        if kind == "insert":
            stops = [m.end() for m in re.finditer(r"\. ", text)]
            apply(rng.choice(stops), 0, rng.choice(donor) + " ")
        elif kind == "delete":
            sentence = rng.choice(list(re.finditer(r"[^.\n]{20,200}\. ", text)))
            apply(sentence.start(), len(sentence.group()), "")
        elif kind == "replace":
            word = rng.choice(list(re.finditer(r"\b\w{4,}\b", text)))
            apply(word.start(), len(word.group()), word.group().upper())
        elif kind == "typo":
            position = rng.randrange(len(text) - 1)
            apply(position, 1, "x")
        else:
            lines = list(re.finditer(r"[^\n]+\n", text))
            line = rng.choice(lines[: len(lines) // 2])
            moved = line.group()
            apply(line.start(), len(moved), "")
            target = rng.choice([m.end() for m in re.finditer(r"\n", text)][len(lines) // 2:])
            apply(target, 0, moved)
    return text


def median_time(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def render_time(text: str, blocks, runs: int) -> float:
    from PySide6.QtGui import QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication, QTextBrowser

    app = QApplication.instance() or QApplication([])

    def render() -> None:
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for index, block in enumerate(blocks):
            if index:
                cursor.insertBlock()
            cursor.insertText(text[block.start:block.end])
        cursor.endEditBlock()
        document.setTextWidth(800)
        document.documentLayout().documentSize()
        browser = QTextBrowser()
        browser.resize(900, 1200)
        browser.setDocument(document)
        browser.grab()
        app.processEvents()

    return median_time(render, runs)[0]


def speed(runs: int) -> None:
    rng = random.Random(7)
    paragraphs = article_paragraphs(rng)
    old, blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in paragraphs])
    spans: list[list[int]] = []
    while len(spans) < HIGHLIGHTS:
        start = rng.randrange(len(old) - 400)
        start, end = snap_to_words(old, start, start + rng.choice([6, 20, 60, 150, 300]))
        if end > start:
            spans.append([start, end, 0])
    anchors = [Anchor(s, e, old[s:e], *quote_context(old, s, e)) for s, e, _ in spans]
    donor = [m.group() for m in re.finditer(r"[A-Z][^.\n]{30,150}\.", "\n".join(paragraphs[-50:]))]
    new = edited(old, spans, rng, donor)

    seconds, placements = median_time(lambda: Reanchorer(old, new).place_all(anchors), runs)
    states = Counter(p.state.value for p in placements)
    untouched = [(span, p) for span, p in zip(spans, placements) if not span[2]]
    right = sum(1 for (s, e, _), p in untouched if p.placed and (p.start, p.end) == (s, e))
    orphaned = sum(1 for _, p in untouched if not p.placed)
    new_blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in new.split("\n")])[1]
    render = render_time(new, new_blocks, runs)
    update = library_update(old, new, anchors)

    print(f"\narticle: {len(old.split()):,} words, {len(old):,} characters; {HIGHLIGHTS:,} highlights; "
          f"{EDITS} edits; median of {runs} runs")
    print(f"  placements: {dict(sorted(states.items()))}")
    print(f"  highlights no edit touched: {len(untouched)}: {right} placed right, {orphaned} orphaned, "
          f"{len(untouched) - right - orphaned} wrong (must be 0)")
    print(f"  re-anchor {HIGHLIGHTS:,} highlights:                 {seconds * 1000:8.1f} ms")
    print(f"  render the article (build, lay out, grab):   {render * 1000:8.1f} ms")
    print(f"  ratio re-anchor / render:                    {seconds / render:8.2f}  (goal < 1)")
    print(f"  whole update in the library (one run):       {update * 1000:8.1f} ms  (re-anchor + store)")


def library_update(old: str, new: str, anchors: list[Anchor]) -> float:
    from reader.services import open_library
    from reader.services.reimport import update_article

    with tempfile.TemporaryDirectory() as folder:
        services = open_library(Path(folder))
        try:
            old_blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in old.split("\n")])[1]
            article = services.storage.articles.add(ExtractedArticle(old, old_blocks, title="Bench"),
                                                    content_hash=content_hash(old), source_hash="a", original=b"")
            for anchor in anchors:
                services.storage.highlights.add(article.id, start=anchor.start, end=anchor.end, quote=anchor.quote,
                                                prefix=anchor.prefix, suffix=anchor.suffix, color="yellow")
            new_blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in new.split("\n")])[1]
            extracted = ExtractedArticle(new, new_blocks, title="Bench")
            start = time.perf_counter()
            item = update_article(services.storage, services.storage.articles.get(article.id), extracted,
                                  source="bench", data=b"", source_hash="b", text_hash=content_hash(new),
                                  source_path="", tags=())
            elapsed = time.perf_counter() - start
            assert item.article.text_version == 2
            orphans = len(services.storage.highlights.orphans(article.id))
            assert orphans == sum(1 for h in services.storage.highlights.for_article(article.id)
                                  if h.anchor_state is AnchorState.ORPHAN)
            return elapsed
        finally:
            services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    fixed_cases()
    speed(args.runs)


if __name__ == "__main__":
    main()
