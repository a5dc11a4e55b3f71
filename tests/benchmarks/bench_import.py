"""Benchmark: importing the 181 benchmark pages, next to plain trafilatura.extract on the same pages.

Run: .venv/bin/python tests/benchmarks/bench_import.py [--runs 3]
Prints pages per second for both, measured in the same run, and their ratio (goal: >= 0.8).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_score import DATA  # noqa: E402  (finds shared/ beside any parent folder, worktrees too)

from reader.services import open_library  # noqa: E402

PAGES = DATA / "html"


def plain_extract(pages: list[bytes]) -> float:
    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    return time.perf_counter() - start


def reader_import(folder: Path) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as data_dir:
        services = open_library(Path(data_dir))
        start = time.perf_counter()
        report = services.importer.import_paths([folder])
        elapsed = time.perf_counter() - start
        services.close()
    return elapsed, len(report.imported)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = sorted(PAGES.glob("*.html.gz"))
    pages = [gzip.decompress(f.read_bytes()) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for file, page in zip(files, pages):
            (folder / file.name.removesuffix(".gz")).write_bytes(page)
        plain, ours, imported = [], [], 0
        for _ in range(args.runs):
            plain.append(plain_extract(pages))
            elapsed, imported = reader_import(folder)
            ours.append(elapsed)
    n = len(pages)
    plain_rate, our_rate = n / statistics.median(plain), n / statistics.median(ours)
    print(f"pages: {n} (imported {imported}), median of {args.runs} runs")
    print(f"trafilatura.extract, one core:       {plain_rate:7.1f} pages/s")
    print(f"reader import (extract+store, files): {our_rate:7.1f} pages/s")
    print(f"ratio reader/trafilatura:             {our_rate / plain_rate:7.2f}  (goal >= 0.80)")


if __name__ == "__main__":
    main()
