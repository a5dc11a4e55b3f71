"""Benchmark: process start to the first painted window, on a library of 10,000 articles.

Run: .venv/bin/python tests/benchmarks/bench_startup.py [--articles 10000] [--runs 5]
Prints the median time for Reader's window next to a bare PySide6 window with the same three
widgets (a list, a text browser, a list) started the same way in the same run (goal: < 2x).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.domain.models import BlockKind, ExtractedArticle
from reader.domain.text import content_hash, text_from_paragraphs
from reader.storage import open_storage

# Each child prints the wall-clock time at which its window has painted once, then exits.
FIRST_PAINT = """
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
spy = FirstPaint()
"""

READER_CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from reader.app import build_window, make_application
from reader.services import open_library
app = make_application()
services = open_library(Path(sys.argv[1]), process_start="spawn")
window = build_window(services)
window.start()
""" + FIRST_PAINT + """
window.reading.view.viewport().installEventFilter(spy)
window.show()
app.exec()
"""

BARE_CHILD = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QListView, QMainWindow, QSplitter, QTextBrowser
app = QApplication(sys.argv[:1])
window = QMainWindow()
splitter = QSplitter(Qt.Orientation.Horizontal)
for widget in (QListView(), QTextBrowser(), QListView()):
    splitter.addWidget(widget)
splitter.widget(0).setModel(QStringListModel([f"Article {n}" for n in range(10000)]))
splitter.widget(1).setPlainText("An article. " * 300)
window.setCentralWidget(splitter)
window.resize(1280, 800)
""" + FIRST_PAINT + """
splitter.widget(1).viewport().installEventFilter(spy)
window.show()
app.exec()
"""

WORDS = ("the a of to and in that is for it on with as was he be at by this had not are but from or have an they "
         "which one you were her all she there would their we him been has when who will more no if out so said what "
         "up its about into than them can only other new some could time these two may then do first any my now such "
         "like our over man me even most made after also did many before must through back years where much your way "
         "well down should because each just those people how too little state good very make world still own see "
         "men work long get here between both life being under never day same another know while last might us great "
         "old year off come since against go came right used take three river mountain city report official").split()


# The floor the stack sets: a bare window plus importing SQLAlchemy's ORM, which any window
# over the library needs before it can show a row.
FLOOR_CHILD = BARE_CHILD.replace("import sys, time", "import sys, time\nimport sqlalchemy.orm")


def build_library(folder: Path, count: int) -> None:
    storage = open_storage(folder)
    rng = random.Random(7)
    for n in range(count):
        paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))).capitalize() + "."
                      for _ in range(rng.randint(4, 12))]
        text, blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in paragraphs])
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).title()
        extracted = ExtractedArticle(text, blocks, title=title, author="Writer %d" % (n % 97),
                                     site="site%d.example" % (n % 31), published="2024-%02d-%02d" % (n % 12 + 1, n % 28 + 1))
        storage.articles.add(extracted, content_hash=content_hash(text), source_hash="bench%d" % n,
                             original=text.encode())
    storage.close()


def time_child(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
    lines = [line for line in result.stdout.split() if line.strip()]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"child failed: {result.stderr[-2000:]}")
    return float(lines[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library"
        started = time.perf_counter()
        build_library(library, args.articles)
        print(f"library: {args.articles} articles built in {time.perf_counter() - started:.1f} s")
        time_child(READER_CHILD, str(library))  # warm the file cache and seed marker-free start once
        reader_times, bare_times, floor_times = [], [], []
        for _ in range(args.runs):
            bare_times.append(time_child(BARE_CHILD))
            floor_times.append(time_child(FLOOR_CHILD))
            reader_times.append(time_child(READER_CHILD, str(library)))
    bare, floor, ours = (statistics.median(t) for t in (bare_times, floor_times, reader_times))
    print(f"bare PySide6 window, 3 widgets:    {bare * 1000:7.0f} ms to first paint (median of {args.runs})")
    print(f"  the same, importing SQLAlchemy:  {floor * 1000:7.0f} ms   ratio {floor / bare:5.2f} (the stack's floor)")
    print(f"Reader window, {args.articles} articles:  {ours * 1000:7.0f} ms to first paint")
    print(f"ratio Reader/bare:                 {ours / bare:7.2f}  (goal < 2)")


if __name__ == "__main__":
    main()
