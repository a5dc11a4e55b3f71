"""Render the whole window on a small sample library, in every theme, to PNG files.

Run under a display or Xvfb (fonts render as on a desktop):
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshot_window.py [OUT_DIR] [--size WxH]
Writes window-<theme>.png at 1280x800 (or the size asked for): the seed article open with
overlapping highlights, notes and tags, the note editor of one highlight open in the sidebar.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QTimer

from reader.app import build_window, make_application
from reader.services import open_library
from reader.services.seeding import seed_if_new
from reader.shipped import seeds_folder

MORE = """---
title: How Rivers Shape the Cities Built on Them
author: Dana Whitfield
site: Field Notes
date: 2024-03-18
---
Cities grow where water moves. *Trade*, defence and drinking water drew the first settlers.

## The working river

Quays, mills and bridges turned the river into the city's spine.
"""
HIGHLIGHTS = [  # quote, colour, note, tags
    ("a senior administration official told Reuters", "yellow", "Who is the official? Check later reports.",
     ("sources", "iraq")),
    ("rockets landed in Baghdad\u2019s heavily-fortified Green Zone", "pink", "", ("iraq",)),
    ("Green Zone compound targeting the US Embassy", "blue", "Second attack this month.", ()),
    ("range of options", "green", "Never made public.", ("policy/us",)),
]


def build_library(folder: Path):
    services = open_library(folder, process_start="spawn")
    seed_if_new(folder, services.importer, services.articles.count(), seeds_folder())
    extra = folder.parent / "rivers.md"
    extra.write_text(MORE, encoding="utf-8")
    services.importer.import_paths([extra])
    seed = next(a for a in services.articles.list() if a.title.startswith("Top US"))
    for quote, color, note, tags in HIGHLIGHTS:
        services.annotations.highlight_quote(seed.id, quote, color=color, note=note, tags=tags)
    services.articles.set_tags(seed.id, ("news", "middle-east"))
    services.articles.set_note(seed.id, "Background for the January anniversary piece.")
    return services, seed


@contextmanager
def sample_window(width: int = 1280, height: int = 800) -> Iterator[tuple]:
    """(app, window, seed article): the window shown over a sample library in a temporary folder,
    removed afterwards. Schedule the shots, then run `app.exec()` inside the block."""
    app = make_application()
    workspace = Path(tempfile.mkdtemp())
    services, seed = build_library(workspace / "library")
    try:
        window = build_window(services)
        window.start()
        window.library.select_article(seed.id)
        window.resize(width, height)
        window.show()
        yield app, window, seed
    finally:
        services.close()
        shutil.rmtree(workspace, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Screenshots of the window in every theme.")
    parser.add_argument("out", nargs="?", default=".", type=Path)
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    out: Path = args.out
    width, height = (int(part) for part in args.size.lower().split("x"))
    out.mkdir(parents=True, exist_ok=True)
    with sample_window(width, height) as (app, window, _seed):
        themes = ["light", "sepia", "dark"]

        def shoot() -> None:
            theme = themes.pop(0)
            window.settings.theme = theme
            window.apply_appearance()
            window.sidebar.select_highlight(window.sidebar.model.highlights()[1].id, emit=True)
            QTimer.singleShot(400, lambda: save(theme))

        def save(theme: str) -> None:
            window.grab().save(str(out / f"window-{theme}.png"))
            if themes:
                shoot()
            else:
                window.close()
                app.quit()

        QTimer.singleShot(600, shoot)
        app.exec()


if __name__ == "__main__":
    main()
