"""`reader` with no command opens the window on the library, seeded with the samples the first time."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolButton

from reader.app import run_window
from reader.services import open_library

SEED_TITLE = "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans in Iraq"


@pytest.fixture
def event_loop(monkeypatch):
    """Run run_window with `body(window)` standing in for the event loop.

    A real exec() followed by quit() leaves the test process's QApplication unable to run event
    loops for the tests that follow; `body` drives events through qtbot instead.
    """
    # the app's process-wide settings must not outlive the test: Ctrl+C handlers, frozen objects
    monkeypatch.setattr("signal.signal", lambda number, handler: None)
    monkeypatch.setattr("gc.freeze", lambda: None)

    def stand_in(body):
        def fake_exec(app):
            window = next(w for w in QApplication.topLevelWidgets()
                          if w.objectName() == "main_window" and w.isVisible())  # not an earlier test's
            body(window)
            window.deleteLater()
            return 0

        monkeypatch.setattr(QApplication, "exec", fake_exec)

    return stand_in


def test_run_window_opens_the_sample_library(qapp, qtbot, data_dir, event_loop):
    seen = {}

    def body(window):
        qtbot.waitUntil(lambda: window.library.model.rowCount() == 1)
        seen["title"] = window.windowTitle()
        seen["visible"] = window.isVisible()
        window.close()

    event_loop(body)
    assert run_window(data_dir) == 0
    assert seen == {"title": f"{SEED_TITLE} \u2014 Reader", "visible": True}
    services = open_library(data_dir)
    assert services.articles.count() == 1
    services.close()


def _toolbar_labels(window) -> list[str]:
    actions = (window.actions.import_files, window.actions.export)
    return [button.text() for button in window.findChildren(QToolButton) if button.defaultAction() in actions]


def test_the_window_shows_before_the_library_opens_then_fills_in(qapp, qtbot, data_dir, event_loop):
    from reader.storage import DATABASE_NAME

    data_dir.mkdir()
    (data_dir / "settings.json").write_text('{"theme": "dark", "font_size": 21}', encoding="utf-8")
    seen = {}

    def body(window):
        # shown, in the theme the user chose, and the library not opened yet: no database file
        assert window.isVisible() and window.services is None
        assert window.settings.theme == "dark" and window.actions.themes["dark"].isChecked()
        assert not (data_dir / DATABASE_NAME).exists()
        assert window.reading.view.findChild(QLabel, "reading_empty").text() == "Opening library\u2026"
        assert window.library.model.rowCount() == 0
        assert not window.library.findChild(QLabel, "library_empty").isVisible()  # not "No articles yet"
        for action in window.actions.library_actions():
            assert not action.isEnabled(), action.objectName()
        assert window.actions.quit.isEnabled()
        toolbar = _toolbar_labels(window)
        # once painted, the library opens, is seeded, and the window fills in
        qtbot.waitUntil(lambda: window.services is not None)
        seen["rows"] = window.library.model.rowCount()
        seen["text"] = window.reading.view.article_text()[:20]
        seen["import"] = window.actions.import_files.isEnabled()
        seen["title"] = window.windowTitle()
        seen["toolbar"] = _toolbar_labels(window)
        assert seen["toolbar"] == toolbar  # enabling the actions leaves the toolbar's labels alone
        window.close()

    event_loop(body)
    assert run_window(data_dir) == 0
    assert seen == {"toolbar": ["Import", "Export"], "rows": 1, "text": "Top US national secu", "import": True,
                    "title": f"{SEED_TITLE} \u2014 Reader"}


@pytest.mark.parametrize("damage", ["a file", "not a database"])
def test_an_unusable_library_gives_one_message(qapp, qtbot, tmp_path, event_loop, monkeypatch, capsys, damage):
    from reader.storage import DATABASE_NAME

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    library = tmp_path / "library"
    if damage == "a file":
        library.write_text("x")
    else:
        library.mkdir()
        (library / DATABASE_NAME).write_bytes(b"this is not sqlite at all, just some text" * 100)
    event_loop(lambda window: qtbot.waitUntil(lambda: not window.isVisible()))
    assert run_window(library) == 1
    assert len(shown) == 1
    assert ("is a file, not a folder" if damage == "a file" else "damaged or is not a Reader library") in shown[0]
    error = capsys.readouterr().err
    assert error.startswith("reader: ") and "Traceback" not in error


def test_sigterm_closes_the_window_and_keeps_its_state(make_window, library, data_dir, monkeypatch):
    import signal

    from reader.app import close_on_signals

    handlers = {}
    monkeypatch.setattr(signal, "signal", lambda number, handler: handlers.__setitem__(number, handler))
    window = make_window(library)
    close_on_signals(window)
    assert set(handlers) == {signal.SIGINT, signal.SIGTERM}
    handlers[signal.SIGTERM](signal.SIGTERM, None)  # what Python calls when the signal comes
    assert not window.isVisible()
    assert (data_dir / "window.ini").read_text(encoding="utf-8").count("geometry") == 1
