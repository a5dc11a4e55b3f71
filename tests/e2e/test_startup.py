"""`reader` paints its window before the library opens: nothing heavy is imported before then."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# What the window must not wait for: the database stack, the web page extractor and its parser.
HEAVY = ("sqlalchemy", "alembic", "trafilatura", "lxml")

LOADED = f"""
import json, sys
def heavy():
    return sorted(m for m in sys.modules
                  if m.split('.')[0] in {set(HEAVY)!r} or m.startswith('reader.importers.'))
"""


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", LOADED + code, *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_the_modules_that_show_the_window_import_nothing_heavy():
    result = _run("""
import reader.cli, reader.app, reader.ui.main_window
print(json.dumps(heavy()))
""")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_reader_paints_the_window_before_it_opens_the_library(tmp_path):
    # The real entry point, watched from inside: at the window's first paint nothing heavy is
    # loaded and the library file does not exist yet; the library then opens and fills the window.
    result = _run("""
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from reader.app import make_application
from reader.cli import main

seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.objectName() == "main_window" and not seen:
            seen["heavy"] = heavy()
            seen["database"] = (Path(sys.argv[1]) / "library.sqlite3").exists()
            seen["message"] = watched.findChild(QLabel, "reading_empty").text()
            self.window = watched
            self.poll = QTimer(self, interval=20)
            self.poll.timeout.connect(self.close_when_filled)
            self.poll.start()
        return False

    def close_when_filled(self):
        if self.window.library.model.rowCount():
            seen["title"] = self.window.windowTitle()
            self.poll.stop()
            self.window.close()

app = make_application()
watch = Watch()
app.installEventFilter(watch)
code = main(["--data-dir", sys.argv[1]])
seen["loaded_after"] = "sqlalchemy" in sys.modules
print(json.dumps(seen))
sys.exit(code)
""", str(tmp_path / "library"))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["heavy"] == [] and seen["database"] is False
    assert seen["message"] == "Opening library\u2026"
    assert seen["loaded_after"] is True
    assert seen["title"].startswith("Top US Officials Agree")  # the sample article, seeded and shown
    assert "Traceback" not in result.stderr
