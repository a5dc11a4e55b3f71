"""Render the reading pane with the first sample article, in every theme, to PNG files.

Run under a display or Xvfb (fonts render as on a desktop):
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshot_reading_pane.py [OUT_DIR]
Writes reading-<theme>.png (800x800, a few overlapping highlights, one with a note) and
reading-find.png (the find bar open), for looking at the typography and for store listings.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.domain.models import AnchorState, Article, Highlight
from reader.domain.text import find_quote
from reader.importers import extract
from reader.ui.reading import ReadingPane
from reader.ui.theme import THEMES

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8b0dc8d946da1e59.txt"
HIGHLIGHTS = [  # quote, colour, note
    ("agreed on Wednesday on a proposed range of options", "yellow", "Who agreed? See the principals list."),
    ("a proposed range of options to present to President", "blue", ""),
    ("rockets landed in Baghdad", "green", ""),
    ("The so-called principals committee group", "pink", "A committee of cabinet officials."),
    ("committee", "purple", ""),
]


def sample() -> tuple[Article, list[Highlight]]:
    extracted = extract(SEED.read_bytes(), SEED.name)
    now = datetime.now()
    article = Article(1, extracted.title, extracted.author, extracted.site, extracted.url or "https://example.org/",
                      extracted.published, now, extracted.kind, text=extracted.text, blocks=extracted.blocks)
    highlights = []
    for number, (quote, color, note) in enumerate(HIGHLIGHTS, start=1):
        span = find_quote(article.text, quote)
        if span is not None:
            start, end = span
            highlights.append(Highlight(number, 1, start, end, article.text[start:end], "", "", color, note, (),
                                        AnchorState.EXACT, None, now, now))
    return article, highlights


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    article, highlights = sample()
    pane = ReadingPane()
    pane.resize(800, 800)
    pane.show()
    for name, theme in THEMES.items():
        pane.view.set_appearance(theme, 17)
        pane.view.set_article(article, highlights)
        settle(app)
        pane.grab().save(str(out / f"reading-{name}.png"))
    pane.view.set_appearance(THEMES["light"], 17)
    pane.view.scroll_to_offset(article.text.find("Related coverage"))
    pane.open_find()
    pane.find_bar.field.setText("Iran")
    settle(app)
    pane.grab().save(str(out / "reading-find.png"))
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
