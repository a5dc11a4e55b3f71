"""Benchmark: process start to Reader's window, first painted and then filled, on 10,000 articles.

Run: .venv/bin/python tests/benchmarks/bench_startup.py [--articles 10000] [--runs 5]
Starts `reader --data-dir LIBRARY` (the real entry point) and times two moments from process
start: (a) the window's first paint (it shows at once and says the library is opening), and
(b) the first paint of the window showing the library's rows and the last article's text. Each
is printed next to a bare PySide6 window with the same three widgets (a list of 10,000 rows, a
text browser with text, a list) started the same way in the same run, whose first paint is
both moments at once. Goal for (a): < 2x the bare window.

The children write and use bytecode caches (__pycache__), as an installed app has them, even
where PYTHONDONTWRITEBYTECODE is set: otherwise Reader would compile its own modules at every
start (about 50 ms here) and the bare window, all library code, would not.
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

# Installed on the viewport of the text view in both children alike (an application-wide filter
# would cost each of them a Python call per event). It prints the wall-clock time of the
# viewport's first paint, then of its first paint with a non-empty document while the article
# list ("article_list") has rows, and quits.
PROBE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QListView

class Probe(QObject):
    painted = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if not self.painted:
                self.painted = True
                print("painted", time.time(), flush=True)
            articles = watched.window().findChild(QListView, "article_list")
            if not watched.parent().document().isEmpty() and articles.model().rowCount() > 0:
                print("filled", time.time(), flush=True)
                watched.removeEventFilter(self)
                QTimer.singleShot(0, QApplication.instance().quit)
        return False

probe = Probe()
"""

# The real entry point, `reader --data-dir LIBRARY`; the probe goes on the reading view as the
# window is built (reader.app imports the window class before it makes any window).
READER_CHILD = PROBE + """
from reader.cli import main
from reader.ui.main_window import MainWindow

build = MainWindow.__init__
def build_and_watch(window, *args, **kwargs):
    build(window, *args, **kwargs)
    window.reading.view.viewport().installEventFilter(probe)
MainWindow.__init__ = build_and_watch
sys.exit(main(["--data-dir", sys.argv[1]]))
"""

BARE_CHILD = PROBE + """
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextBrowser
app = QApplication(sys.argv[:1])
window = QMainWindow()
splitter = QSplitter(Qt.Orientation.Horizontal)
for widget in (QListView(objectName="article_list"), QTextBrowser(), QListView()):
    splitter.addWidget(widget)
splitter.widget(0).setModel(QStringListModel([f"Article {n}" for n in range(10000)]))
splitter.widget(1).setPlainText("An article. " * 300)
splitter.widget(1).viewport().installEventFilter(probe)
window.setCentralWidget(splitter)
window.resize(1280, 800)
window.show()
app.exec()
"""

# The floor a window over the library would have if it imported SQLAlchemy's ORM before its
# first paint, as Reader's did before the library opened after the window showed.
FLOOR_CHILD = BARE_CHILD.replace("from PySide6.QtCore import QStringListModel", "import sqlalchemy.orm\nfrom PySide6.QtCore import QStringListModel")

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


def time_child(code: str, *args: str) -> tuple[float, float]:
    """Seconds from starting the child to its first paint, and to its window filled."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
    moments = dict(line.split() for line in result.stdout.splitlines() if line.strip())
    if result.returncode != 0 or set(moments) != {"painted", "filled"}:
        raise SystemExit(f"child failed ({result.returncode}): {result.stdout[-500:]}{result.stderr[-2000:]}")
    return float(moments["painted"]) - start, float(moments["filled"]) - start


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
        # warm the file cache (and the bytecode caches); the first start marks the library seeded
        time_child(READER_CHILD, str(library))
        bare_times, floor_times, reader_times = [], [], []
        for _ in range(args.runs):
            bare_times.append(time_child(BARE_CHILD)[0])
            floor_times.append(time_child(FLOOR_CHILD)[0])
            reader_times.append(time_child(READER_CHILD, str(library)))
    bare, floor = statistics.median(bare_times), statistics.median(floor_times)
    painted = statistics.median(t[0] for t in reader_times)
    filled = statistics.median(t[1] for t in reader_times)
    print(f"bare PySide6 window, 3 widgets:      {bare * 1000:7.0f} ms to first paint (median of {args.runs})")
    print(f"  the same, importing SQLAlchemy:    {floor * 1000:7.0f} ms   ratio {floor / bare:5.2f} "
          "(the floor had the window waited for the library)")
    print(f"Reader, {args.articles} articles:")
    print(f"  (a) window painted, library opening: {painted * 1000:5.0f} ms   ratio {painted / bare:5.2f}  (goal < 2)")
    print(f"  (b) rows and the last article shown: {filled * 1000:5.0f} ms   ratio {filled / bare:5.2f}")


if __name__ == "__main__":
    main()
