"""`reader` with no command opens the window on the library, seeded with the samples the first time."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reader.app import run_window
from reader.services import open_library


def test_run_window_opens_the_sample_library(qapp, qtbot, data_dir, monkeypatch):
    seen = {}

    def fake_exec(app):
        # Stands in for the event loop: a real exec() followed by quit() leaves the test
        # process's QApplication unable to run event loops for the tests that follow.
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
        qtbot.waitExposed(window)
        seen["title"] = window.windowTitle()
        seen["visible"] = window.isVisible()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    # the app's process-wide settings must not outlive this test: Ctrl+C handlers, frozen objects
    monkeypatch.setattr("signal.signal", lambda number, handler: None)
    monkeypatch.setattr("gc.freeze", lambda: None)
    assert run_window(data_dir) == 0
    assert seen == {"title": "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans "
                             "in Iraq \u2014 Reader", "visible": True}
    services = open_library(data_dir)
    assert services.articles.count() == 1
    services.close()


def test_an_unusable_library_gives_one_message(qapp, tmp_path, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert run_window(not_a_folder) == 1
    assert "is a file, not a folder" in shown[0]
    assert capsys.readouterr().err.startswith("reader: ")


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
