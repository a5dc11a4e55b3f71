"""`reader` with no command opens the window on the library, seeded with the samples the first time."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.app import run_window
from reader.services import open_library


def test_run_window_opens_the_sample_library(qapp, data_dir):
    seen = {}

    def look_and_quit():
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
        seen["title"] = window.windowTitle()
        seen["visible"] = window.isVisible()
        window.close()
        qapp.quit()

    QTimer.singleShot(500, look_and_quit)
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
