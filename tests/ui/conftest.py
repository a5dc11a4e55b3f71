"""GUI fixtures: a library with a few articles, and a main window over a temporary folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from library_data import write_articles

from reader.ui.outside_changes import OutsideChanges
from reader.ui.short_reads import ShortReads
from reader.ui.sidebar.editor import NoteEdit


@pytest.fixture
def library(services, tmp_path, seed_path):
    """A library holding the seed and three Markdown articles."""
    services.importer.import_paths([seed_path])
    services.importer.import_paths(write_articles(tmp_path / "md", 3))
    return services


@pytest.fixture
def make_window(qtbot, data_dir, monkeypatch):
    """Build (and later close) main windows over the test library folder, as the app does."""
    from reader.app import make_application
    from reader.services import open_library
    from reader.ui.main_window import MainWindow

    make_application()
    opened = []
    monkeypatch.setattr(NoteEdit, "settle_ms", 0)  # notes report every keystroke (one test checks settling)
    monkeypatch.setattr(OutsideChanges, "interval_ms", 0)  # tests look for outside changes when they choose
    monkeypatch.setattr(ShortReads, "dwell_ms", 600_000)  # a short article is read by staying on it where a test asks

    def make(services=None):
        services = services or open_library(data_dir, process_start="spawn")
        window = MainWindow(services, services.settings,
                            QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.library.filter_delay_ms = 0
        window.start()
        with qtbot.waitActive(window):  # keyboard shortcuts only reach an active window
            window.show()
            window.activateWindow()
        opened.append((window, services))
        return window

    yield make
    for window, services in opened:
        window.close()
        services.close()  # closing twice (a test passed its own) is harmless
