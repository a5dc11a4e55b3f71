"""Body-text scoring of the article extraction benchmark: word 4-gram shingles, as its README says.

Per page: shingles shared with the truth (tp), extra (fp) and missing (fn), normalised by
tp+fp+fn; precision and recall are averaged over pages and F1 is taken of the two means.
Tokens are runs of word characters (`\\w+`), compared case-sensitively, as the benchmark's
own evaluation script does.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path



def _find_data() -> Path:
    """The benchmark folder: $READER_BENCHMARK_DATA, or shared/data/... beside a parent folder."""
    if os.environ.get("READER_BENCHMARK_DATA"):
        return Path(os.environ["READER_BENCHMARK_DATA"])
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "data" / "article-extraction-benchmark"
        if candidate.is_dir():
            return candidate
    raise SystemExit("benchmark data not found: set READER_BENCHMARK_DATA to its folder")


DATA = _find_data()
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    key: str
    url: str
    html: bytes
    truth: str


def load_pages(data: Path = DATA) -> list[Page]:
    """Every benchmark page: its key, URL, raw (decompressed) bytes and true article body."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(key, truth[key].get("url", ""), raw, truth[key].get("articleBody", "")))
    return pages


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_score(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    true, pred = shingles(truth), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summary(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) of a set of page scores: means over pages, F1 of the means."""
    precisions = [_precision(*s) for s in scores if s[0] + s[1] > 0]
    recalls = [_recall(*s) for s in scores if s[0] + s[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def print_table(title: str, classes: dict[str, list[int]], systems: dict[str, list[tuple[float, float, float]]]) -> None:
    """One line per page class with (P, R, F1) of each system, all measured in the same run."""
    names = list(systems)
    print(title)
    header = f"  {'class':<26}{'pages':>6}" + "".join(f"  {name:>24}" for name in names)
    print(header)
    for label, indices in classes.items():
        if not indices:
            continue
        cells = []
        for name in names:
            p, r, f = summary([systems[name][i] for i in indices])
            cells.append(f"  P{p:.3f} R{r:.3f} F{f:.3f}".rjust(26))
        print(f"  {label:<26}{len(indices):>6}" + "".join(cells))
