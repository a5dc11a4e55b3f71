"""Benchmark: 20 representative queries through the search service, next to the bare FTS5 MATCH.

Run: .venv/bin/python tests/benchmarks/bench_search.py [--articles 10000] [--runs 7] [--rebuild]

Builds (once, kept in the temp folder for later runs) a library of 10,000 generated articles
(about 60 million characters: sentences of real English words drawn with a Zipf law from
the vocabulary of the shared extraction-benchmark pages) and 50,000 highlights (quotes cut
from the texts, a third with notes, some tagged). Rows go in with plain SQL `executemany`
inside one transaction on a library opened by Reader, so the schema is migration 0002's
and the FTS index is filled by its triggers, exactly as for any insert.

For each query it measures, in the same run and on the same file, the median latency of
`services.search.search(query)` (parse, SQL with filters, snippets, offsets, merged hits as
dataclasses) next to two floors issued directly with the sqlite3 module:

- MATCH: the same FTS5 MATCH expressions, ranked, for each kind
  (`SELECT rowid, rank FROM <fts> WHERE <fts> MATCH ? ORDER BY rank LIMIT 51`);
- MATCH+snippet: the same, also asking FTS5 for the snippet (and marked title) of as many
  rows of each kind as the service returned (at least one, so that a kind whose rows the
  filters all removed still counts its ranking): the least raw SQL can do to show results.

Goal: within 1.5x of the floor.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from itertools import accumulate
from pathlib import Path

from reader.domain.query import parse
from reader.services import open_library
from reader.storage import DATABASE_NAME
from reader.storage.search_sql import ARTICLE_KIND, HIGHLIGHT_KIND, plan_for

# The shared data sits next to the repository (or next to the folder of worktrees).
PAGES = next((parent / "shared" / "data" / "article-extraction-benchmark" / "html"
              for parent in Path(__file__).resolve().parents
              if (parent / "shared" / "data" / "article-extraction-benchmark").is_dir()), Path("missing"))
LIMIT = 50
COLORS = ("yellow", "green", "blue", "pink", "purple")


def vocabulary(size: int = 30_000) -> list[str]:
    """Real words, most frequent first, from the benchmark pages (tags stripped crudely)."""
    counts: Counter[str] = Counter()
    for file in sorted(PAGES.glob("*.html.gz")):
        html = gzip.decompress(file.read_bytes()).decode("utf-8", "replace")
        html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
        counts.update(word.lower() for word in re.findall(r"\b[A-Za-z][a-z]{1,14}\b", re.sub(r"<[^>]+>", " ", html)))
    words = [word for word, _ in counts.most_common(size)]
    if len(words) < 1000:
        raise SystemExit(f"too few words in {PAGES}; is the shared benchmark data there?")
    return words


class Writer:
    """Sentences of words drawn with probability proportional to 1 / rank (Zipf's law)."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.words = words
        self.rng = rng
        self.cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(words))))

    def draw(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self) -> str:
        words = self.draw(self.rng.randint(6, 24))
        return " ".join(words).capitalize() + "."

    def article(self, characters: int) -> tuple[str, list]:
        paragraphs, blocks, length = [], [], 0
        while length < characters:
            paragraph = " ".join(self.sentence() for _ in range(self.rng.randint(2, 7)))
            start = length + (1 if paragraphs else 0)
            paragraphs.append(paragraph)
            length = start + len(paragraph)
            blocks.append(["paragraph", start, length, 0, False, []])
        return "\n".join(paragraphs), blocks


def build(path: Path, articles: int) -> dict:
    """Create the library at `path`; returns facts the queries are made from."""
    rng = random.Random(20261126)
    words = vocabulary()
    writer = Writer(words, rng)
    services = open_library(path)
    authors = [f"{writer.draw(1)[0].title()} {writer.draw(1)[0].title()}" for _ in range(300)]
    sites = [f"{rng.choice(words[200:3000])} {rng.choice(('Times', 'Post', 'Review', 'Daily'))}" for _ in range(120)]
    tag_names = [f"topic{n}" for n in range(20)] + [f"topic{n % 20}/sub{n}" for n in range(40)]
    started = time.perf_counter()
    characters = 0
    with services.storage.database.engine.begin() as connection:
        sql = connection.exec_driver_sql
        sql("INSERT INTO tags (id, name, key) VALUES (?, ?, ?)",
            [(n + 1, name, name.casefold()) for n, name in enumerate(tag_names)])
        article_rows, highlight_rows, article_tags, highlight_tags = [], [], [], []
        for article_id in range(1, articles + 1):
            text, blocks = writer.article(int(rng.lognormvariate(8.45, 0.6)))
            characters += len(text)
            added = f"{rng.randint(2023, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 10:00:00"
            published = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            article_rows.append((article_id, f"u{article_id}", " ".join(writer.draw(rng.randint(4, 10))).title(),
                                 rng.choice(authors), rng.choice(sites), published, added, added, text,
                                 json.dumps(blocks), f"c{article_id}", f"s{article_id}", int(rng.random() < 0.4),
                                 int(rng.random() < 0.1)))
            if rng.random() < 0.5:
                article_tags += [(article_id, tag) for tag in rng.sample(range(1, len(tag_names) + 1), 2)]
            for _ in range(5):
                start = rng.randrange(0, max(1, len(text) - 200))
                start = text.find(" ", start) + 1
                end = min(len(text), start + rng.randint(40, 200))
                note = writer.sentence() if rng.random() < 0.33 else ""
                highlight_id = len(highlight_rows) + 1
                highlight_rows.append((highlight_id, f"h{highlight_id}", article_id, start, end, text[start:end],
                                       rng.choice(COLORS), note, added, added))
                if rng.random() < 0.2:
                    highlight_tags.append((highlight_id, rng.randint(1, len(tag_names))))
        sql("INSERT INTO articles (id, uid, title, author, site, published, added, updated, text, blocks, "
            "content_hash, source_hash, kind, is_read, archived) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?)", article_rows)
        sql('INSERT INTO highlights (id, uid, article_id, start, "end", quote, color, note, created, updated) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", highlight_rows)
        sql("INSERT INTO article_tags VALUES (?, ?)", article_tags)
        sql("INSERT INTO highlight_tags VALUES (?, ?)", highlight_tags)
    services.close()
    phrase_source = article_rows[17][8].split("\n")[0].split()
    facts = {
        "articles": articles, "highlights": len(highlight_rows), "characters": characters,
        "seconds": round(time.perf_counter() - started, 1), "words": words[:25_000],
        "author": article_rows[3][3].split()[1], "site": article_rows[5][4].split()[0],
        "phrase": " ".join(word.strip(".").lower() for word in phrase_source[3:5]),
    }
    (path / "facts.json").write_text(json.dumps(facts))
    return facts


def queries(facts: dict) -> list[str]:
    words = facts["words"]
    common, mid, rare = words[40], words[2000], words[15000]
    return [
        common, mid, rare,
        f"{words[60]} {words[300]}",
        f"{words[100]} {words[700]} {words[1500]}",
        f'"{facts["phrase"]}"',
        f"{words[500][:4]}*",
        f"{words[3000][:6]}*",
        f"{words[120]} -{words[130]}",
        f"{words[5000]} OR {words[6000]}",
        f"title:{words[250]}",
        f"author:{facts['author']}",
        f"site:{facts['site']}",
        f"tag:topic3 {words[400]}",
        f"tag:topic5/* {words[900]}",
        f"color:yellow {words[200]}",
        f"note:{words[350]}",
        f"has:note {words[800]}",
        f"is:unread {words[150]} published:<2015",
        f"added:>2024-06 {words[1000]}",
    ]


_SNIPPETS = {
    "article": "snippet({fts}, 3, '[', ']', '~', 24), highlight({fts}, 0, '[', ']')",
    "highlight": "snippet({fts}, 0, '[', ']', '~', 48), snippet({fts}, 1, '[', ']', '~', 24)",
}


def floor_statements(text: str, shown: dict[str, int] | None = None) -> list[tuple[str, str]]:
    """The FTS5 MATCH statements for a query, each kind's ranking MATCH as sqlite3 would run it.

    With `shown` (rows shown per kind), the statements also make those rows' snippets.
    """
    statements = []
    for kind in (ARTICLE_KIND, HIGHLIGHT_KIND):
        plan = plan_for(parse(text), kind)
        if not plan.match_table or plan.impossible:
            continue
        fts = plan.match_table
        if shown is None:
            columns, limit = "rowid, rank", LIMIT + 1
        else:
            columns, limit = "rowid, " + _SNIPPETS[kind.name].format(fts=fts), max(1, shown[kind.name])
        statements.append((f"SELECT {columns} FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT {limit}", plan.match))
    return statements


def timed(functions: list, runs: int) -> list[float]:
    """The median time of each function, their runs taken in turn so that a busy machine
    slows them alike rather than whichever happened to run during the busy moment."""
    samples: list[list[float]] = [[] for _ in functions]
    for _ in range(runs):
        for function, times in zip(functions, samples, strict=True):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    return [statistics.median(times) for times in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="build the library again")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / f"reader-bench-search-{args.articles}"
    facts_file = folder / "facts.json"
    if args.rebuild or not facts_file.exists():
        for leftover in folder.glob("*"):
            leftover.unlink()
        facts = build(folder, args.articles)
        print(f"built {folder} in {facts['seconds']} s (plain SQL executemany, index filled by the triggers)")
    else:
        facts = json.loads(facts_file.read_text())
        print(f"reusing {folder} (--rebuild to make it again)")
    size = (folder / DATABASE_NAME).stat().st_size / 1e6
    print(f"library: {facts['articles']} articles, {facts['characters'] / 1e6:.1f} M characters, "
          f"{facts['highlights']} highlights, file {size:.0f} MB")

    services = open_library(folder)
    direct = sqlite3.connect(folder / DATABASE_NAME)

    def run_direct(statements):
        for sql, match in statements:
            direct.execute(sql, (match,)).fetchall()

    rows = []
    for text in queries(facts):
        def ours(text=text):
            return services.search.search(text, limit=LIMIT)

        results = ours()  # also warms the page cache
        shown = {"article": len(results.articles), "highlight": len(results.highlights)}
        bare, with_snippets = floor_statements(text), floor_statements(text, shown)
        run_direct(bare)
        medians = timed([ours, lambda: run_direct(bare), lambda: run_direct(with_snippets)], args.runs)
        rows.append((text, len(results.hits), *medians))
    services.close()
    direct.close()

    print(f"\n{'query':40} {'hits':>4} {'service':>8} {'MATCH':>7} {'ratio':>5} {'+snippet':>8} {'ratio':>5}  (ms)")
    for text, hits, mine, bare, snippets in rows:
        print(f"{text[:40]:40} {hits:4d} {mine * 1e3:8.2f} {bare * 1e3:7.2f} {mine / bare:5.1f} "
              f"{snippets * 1e3:8.2f} {mine / snippets:5.2f}")
    mine, bare, snippets = (statistics.median(row[i] for row in rows) for i in (2, 3, 4))
    print(f"\nmedian over {len(rows)} queries (each the median of {args.runs} runs):")
    print(f"  search service {mine * 1e3:.2f} ms")
    print(f"  MATCH          {bare * 1e3:.2f} ms   ratio {mine / bare:.2f}  (goal <= 1.5)")
    print(f"  MATCH+snippet  {snippets * 1e3:.2f} ms   ratio {mine / snippets:.2f}  (goal <= 1.5)")
    ratios = sorted(row[2] / row[4] for row in rows)
    print(f"  per query, service / (MATCH+snippet): median {statistics.median(ratios):.2f}, "
          f"worst {ratios[-1]:.2f}")


if __name__ == "__main__":
    main()
