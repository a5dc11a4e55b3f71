"""Benchmark: Markdown export of 10,000 highlights over 1,000 articles, next to plain file writes.

Run: .venv/bin/python tests/benchmarks/bench_export.py [--runs 5] [--dir /dev/shm]
(`--dir`: where the library and the folders are made, the system's temporary folder by
default; a RAM disk shows what the code costs without the disk's moods)
Prints, in the same run, next to plain `open(...).write(...)` of the same bytes into a fresh
folder, with the ratio (goal: export within 3x of plain writes):
- the export into an empty folder of articles none of which is rendered yet (the first
  export, or every article changed since the last): read the library, render the default
  layout, write with the manifest;
- the export into an empty folder of articles unchanged since an earlier export, which
  writes the renders the library kept (storage/export_renders);
- a re-export into the same folder that changes nothing.
The phases of a render-everything export are printed too, with the same render through the
shipped Jinja2 template, and the floor of rendering everything: what reading the same rows
with bare sqlite3 and writing the same bytes atomically cost on their own.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

from reader.domain.models import AnchorState, Article, BlockKind, Highlight
from reader.domain.text import content_hash, quote_context, text_from_paragraphs
from reader.exporters.markdown import MarkdownExporter, default_template_source
from reader.services import open_library
from reader.services.export_folder import ExportFolder, write_atomically
from reader.storage import DATABASE_NAME, ArticleRecord

ARTICLES, PER_ARTICLE = 1000, 10
WORDS = ("the fox knows many things but the hedgehog knows one big thing and every reader keeps "
         "notes on what matters most in a long article about history science and people").split()
COLORS = ("yellow", "green", "blue", "pink", "purple")


def build_library(services, rng: random.Random) -> None:
    """1,000 articles of 12 paragraphs, each with 10 highlights (notes and tags on some)."""
    when = datetime(2024, 5, 1, 10, 0, 0)
    for number in range(1, ARTICLES + 1):
        paragraphs = [(BlockKind.PARAGRAPH, " ".join(rng.choices(WORDS, k=60)) + ".") for _ in range(12)]
        text, blocks = text_from_paragraphs(paragraphs)
        highlights = []
        for index in range(PER_ARTICLE):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randrange(40, 200)
            prefix, suffix = quote_context(text, start, end)
            highlights.append(Highlight(
                id=(number - 1) * PER_ARTICLE + index + 1, article_id=number, start=start, end=end,
                quote=text[start:end], prefix=prefix, suffix=suffix, color=rng.choice(COLORS),
                note=f"A note on highlight {index}, with *emphasis*." if index % 3 == 0 else "",
                tags=("topic/sub topic", f"t{index % 4}") if index % 2 else (), anchor_state=AnchorState.EXACT,
                anchor_score=None, created=when, updated=when, uid=f"{number:016x}{index:016x}"))
        article = Article(id=number, title=f"Article {number}: {' '.join(rng.choices(WORDS, k=6))}",
                          author="An Author", site="Example News", url=f"https://example.com/{number}",
                          published="2024-05-01", added=when, kind="html", text=text, blocks=blocks,
                          content_hash=content_hash(text), tags=("news", "bench/export"), uid=f"{number:032x}")
        services.storage.records.restore(ArticleRecord(article, text.encode(), "", tuple(highlights)))


def settle() -> None:
    """Flush what earlier rounds wrote, so that its write-back does not land in the next timing."""
    if hasattr(os, "sync"):
        os.sync()


def forget_renders(database: Path) -> None:
    """Drop every render the library kept, as if every article had changed since the last export."""
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE export_renders SET markdown = NULL")


def plain_writes(files: list[tuple[str, bytes]], folder: Path) -> float:
    folder.mkdir()
    settle()
    start = time.perf_counter()
    for name, data in files:
        with open(folder / name, "wb") as stream:
            stream.write(data)
    return time.perf_counter() - start


def phases(services, folder: Path) -> tuple[float, float, float, float, float]:
    """The export's phases timed apart: list the articles, load their highlights, render, write;
    and, for comparison, the same render through the shipped template in Jinja2."""
    exports = services.exports
    start = time.perf_counter()
    articles = exports.select()
    listed = time.perf_counter()
    settings = exports.settings()
    exporter = exports.exporter(settings=settings)
    rows = services.storage.export_rows
    load = rows.highlights if exporter.full_highlights else rows.shown_highlights
    highlights = load([a.id for a in articles])
    loaded = time.perf_counter()
    rendered = [(a, exporter.render(a, highlights[a.id], color_names=settings.color_names)) for a in articles]
    render = time.perf_counter()
    settle()
    start_write = time.perf_counter()
    target = ExportFolder(folder)
    for article, content in rendered:
        target.write(article, content)
    target.save()
    write = time.perf_counter() - start_write
    jinja = MarkdownExporter(default_template_source())
    full = rows.highlights([a.id for a in articles])
    start_jinja = time.perf_counter()
    assert [jinja.render(a, full[a.id], color_names=settings.color_names) for a in articles] == [
        content for _, content in rendered]
    return listed - start, loaded - listed, render - loaded, write, time.perf_counter() - start_jinja


def floor(database: Path, files: list[tuple[str, bytes]], folder: Path) -> tuple[float, float]:
    """What no export can skip, timed bare: reading the same rows with sqlite3 (no SQLAlchemy, no
    records), and writing the same bytes through a temporary file and a rename each."""
    start = time.perf_counter()
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        connection.execute("SELECT id, uid, title, author, site, url, published, added, kind, language, note, "
                           "is_read, archived, progress FROM articles ORDER BY id").fetchall()
        connection.execute("SELECT article_id, tag_id FROM article_tags").fetchall()
        connection.execute('SELECT id, article_id, start, "end", quote, color, note, anchor_state FROM highlights '
                           'ORDER BY article_id, start, "end", id').fetchall()
        connection.execute("SELECT highlight_id, tag_id FROM highlight_tags").fetchall()
    read = time.perf_counter() - start
    folder.mkdir()
    settle()
    start = time.perf_counter()
    for name, data in files:
        write_atomically(folder / name, data)
    return read, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=None, help="where to make the library and the folders")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        services = open_library(root / "library")
        started = time.perf_counter()
        build_library(services, random.Random(6))
        print(f"library: {ARTICLES} articles, {ARTICLES * PER_ARTICLE} highlights "
              f"(built in {time.perf_counter() - started:.1f} s)")
        database = root / "library" / DATABASE_NAME
        colds, exports, reexports, plains, parts, floors = [], [], [], [], [], []
        for run in range(args.runs):
            forget_renders(database)
            settle()
            start = time.perf_counter()
            cold = services.exports.export_markdown(root / f"cold-{run}")
            colds.append(time.perf_counter() - start)
            out = root / f"export-{run}"
            settle()
            start = time.perf_counter()
            report = services.exports.export_markdown(out)
            exports.append(time.perf_counter() - start)
            assert report.ok and len(report.files) == ARTICLES
            assert all(item.path.read_bytes() == (root / f"cold-{run}" / item.file).read_bytes()
                       for item in report.files)
            settle()
            start = time.perf_counter()
            again = services.exports.export_markdown(out)
            reexports.append(time.perf_counter() - start)
            assert all(item.status.value == "unchanged" for item in again.files)
            files = [(item.path.name, item.path.read_bytes()) for item in report.files]
            plains.append(plain_writes(files, root / f"plain-{run}"))
            parts.append(phases(services, root / f"phases-{run}"))
            floors.append(floor(database, files, root / f"floor-{run}"))
            for folder in ("cold", "export", "plain", "phases", "floor"):
                shutil.rmtree(root / f"{folder}-{run}")
        services.close()
    size = sum(len(data) for _, data in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB of Markdown; {args.runs} rounds, each timing both in turn")
    # The disk is shared: a slow moment can make one write ten times slower (each timing starts
    # after a sync, so a round's own write-back stays out of the next). The best of the rounds
    # shows what the code costs; the median shows what a run may meet.
    for label, pick in (("best", min), ("median", statistics.median)):
        cold, export, reexport, plain = (pick(values) for values in (colds, exports, reexports, plains))
        listing, loading, render, write, jinja = (pick(values) for values in zip(*parts))
        read, atomic = (pick(values) for values in zip(*floors))
        print(f"{label} of {args.runs}:")
        print(f"  plain file writes of the same bytes:                {plain * 1000:8.1f} ms")
        print(f"  reader export, empty folder, nothing rendered yet:  {cold * 1000:8.1f} ms   "
              f"ratio {cold / plain:5.2f}")
        print(f"  reader export, empty folder, articles unchanged:    {export * 1000:8.1f} ms   "
              f"ratio {export / plain:5.2f}  (goal <= 3.00)")
        print(f"  reader re-export into the same folder, no change:   {reexport * 1000:8.1f} ms   "
              f"ratio {reexport / plain:5.2f}")
        print(f"  phases of rendering everything: list articles {listing * 1000:.1f} ms, load highlights {loading * 1000:.1f} ms, "
              f"render {render * 1000:.1f} ms (the template through Jinja2: {jinja * 1000:.1f} ms), "
              f"write with the manifest {write * 1000:.1f} ms")
        print(f"  floor of rendering everything: sqlite3 reading the same rows {read * 1000:.1f} ms + writing the same bytes through "
              f"a temporary file and a rename {atomic * 1000:.1f} ms = {(read + atomic) * 1000:.1f} ms   "
              f"ratio {(read + atomic) / plain:5.2f}")


if __name__ == "__main__":
    main()
