"""Composition root: builds storage, services and the window, and runs the Qt event loop."""

from __future__ import annotations

import gc
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import APP_ID, APP_NAME, __version__
from reader.domain.errors import ReaderError
from reader.services import Services, open_library
from reader.services.seeding import seed_if_new
from reader.shipped import resources_folder, seeds_folder
from reader.ui.main_window import MainWindow

WINDOW_STATE_NAME = "window.ini"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's name, icon and desktop id (matching packaging/)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resources_folder() / "icons" / "reader.svg")))
    return app


def build_window(services: Services) -> MainWindow:
    """The window over an open library, with its settings and window state in the data folder."""
    window_state = QSettings(str(services.data_dir / WINDOW_STATE_NAME), QSettings.Format.IniFormat)
    return MainWindow(services, services.settings, window_state)


def close_on_signals(window: MainWindow) -> QTimer:
    """Close the window properly (saving its state) on Ctrl+C or SIGTERM, e.g. at logout.

    Python runs signal handlers only between bytecodes, so a timer gives it a moment now and
    then while Qt's event loop runs.
    """
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: window.close())
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def run_window(data_dir: Path) -> int:
    """Open the window on the library in `data_dir`; the sample articles come in on first use."""
    app = make_application()
    try:
        # Worker processes must be spawned, not forked, from a process that runs Qt threads.
        services = open_library(data_dir, process_start="spawn")
    except ReaderError as error:
        return _cannot_open(error)
    try:
        seed_if_new(data_dir, services.importer, services.articles.count(), seeds_folder())
        window = build_window(services)
        window.start()
    except ReaderError as error:  # e.g. locked by another program while the window was built
        services.close()
        return _cannot_open(error)
    try:
        window.show()
        close_on_signals(window)
        gc.freeze()  # what start-up built stays: spare the collector's full sweeps from walking it
        return app.exec()
    finally:
        services.close()


def _cannot_open(error: ReaderError) -> int:
    print(f"reader: {error}", file=sys.stderr)
    QMessageBox.critical(None, APP_NAME, f"The library cannot be opened.\n\n{error}")
    return 1
