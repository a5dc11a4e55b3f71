"""Composition root: builds storage, services and the window, and runs the Qt event loop."""

from __future__ import annotations

import gc
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader import APP_ID, APP_NAME, __version__
from reader.domain.errors import ReaderError
from reader.services import Services
from reader.services.settings import SETTINGS_NAME, SettingsStore
from reader.shipped import resources_folder, seeds_folder
from reader.ui.main_window import MainWindow

WINDOW_STATE_NAME = "window.ini"
OPEN_ANYWAY_MS = 1000  # a window never painted (hidden by the window manager) still opens its library


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


def window_state(data_dir: Path) -> QSettings:
    """Where the window keeps its geometry and splitter sizes (window.ini in the data folder)."""
    return QSettings(str(data_dir / WINDOW_STATE_NAME), QSettings.Format.IniFormat)


def build_window(services: Services) -> MainWindow:
    """The window over an open library, with its settings and window state in the data folder."""
    return MainWindow(services, services.settings, window_state(services.data_dir))


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


class _AfterFirstPaint(QObject):
    """Calls back once, on the event loop's next turn after `widget` first painted."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)
        QTimer.singleShot(OPEN_ANYWAY_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # not from inside the paint: the frame reaches the screen first
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        if self._callback is not None:
            callback, self._callback = self._callback, None
            self._widget.removeEventFilter(self)
            callback()


def run_window(data_dir: Path) -> int:
    """Show the window at once, then open the library in `data_dir` and fill the window.

    Opening the library (SQLAlchemy, migrations, the sample articles on first use) waits until
    the window has painted, so it appears as fast as Qt can show it, saying the library opens.
    A library that cannot be opened closes the window with one message, and gives 1.
    """
    app = make_application()
    window = MainWindow(None, SettingsStore(data_dir / SETTINGS_NAME), window_state(data_dir))
    opened: list[Services] = []
    failed: list[int] = []

    def open_library_now() -> None:
        from reader.services import open_library
        from reader.services.seeding import seed_if_new

        try:
            # Worker processes must be spawned, not forked, from a process that runs Qt threads.
            services = open_library(data_dir, process_start="spawn")
            opened.append(services)
            seed_if_new(data_dir, services.importer, services.articles.count(), seeds_folder())
            window.attach(services)
            window.start()
        except ReaderError as error:  # e.g. a locked or damaged library, a folder we cannot write
            failed.append(_cannot_open(error, window))
            window.close()
            return
        gc.freeze()  # what start-up built stays: spare the collector's full sweeps from walking it

    window.show()
    close_on_signals(window)
    _AfterFirstPaint(window.reading.view.viewport(), open_library_now)
    try:
        code = app.exec()
        return failed[0] if failed else code
    finally:
        for services in opened:
            services.close()


def _cannot_open(error: ReaderError, parent: QWidget | None = None) -> int:
    print(f"reader: {error}", file=sys.stderr)
    QMessageBox.critical(parent, APP_NAME, f"The library cannot be opened.\n\n{error}")
    return 1
