"""Importing from the window: a folder with progress, a problem report, drops and the clipboard."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from reader.ui.import_problems import ImportProblemsDialog


def test_a_folder_import_shows_progress_and_reports_problems(make_window, tmp_path, qtbot, monkeypatch):
    # The window's own services spawn worker processes; forking a process running Qt threads can hang.
    from library_data import write_articles

    window = make_window()
    folder = tmp_path / "incoming"
    write_articles(folder, 13)  # enough to go through worker processes
    (folder / "broken.txt").write_bytes(b"")
    reports = []
    monkeypatch.setattr(ImportProblemsDialog, "ask", classmethod(lambda cls, parent, report: reports.append(report)))
    progress = []
    window.jobs.progress.connect(lambda done, total, source: progress.append((done, total)))
    with qtbot.waitSignal(window.jobs.finished, timeout=60000):
        assert window.imports.import_paths([str(folder)])
    assert progress[-1] == (14, 14)
    assert window.library.model.rowCount() == 13
    assert [f.reason for f in reports[0].failures] == ["the file is empty"]
    assert "13 articles" in window.status.size_label.text()
    assert not window.status.progress.isVisible()
    assert window.controller.article.title == "Article number 0 about rivers"  # the first one imported opens


def test_dropping_files_imports_them(make_window, tmp_path, qtbot):
    from library_data import write_articles

    window = make_window()
    (path,) = write_articles(tmp_path / "drop", 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.jobs.finished, timeout=30000):
        window.dropEvent(event)
    assert [window.library.model.index(r).data() for r in range(window.library.model.rowCount())] == [
        "Article number 0 about rivers"]


def test_pasting_copied_text_imports_it(make_window, qtbot, seed_path):
    window = make_window()
    QApplication.clipboard().setText(seed_path.read_text(encoding="utf-8"))
    with qtbot.waitSignal(window.jobs.finished, timeout=30000):
        window.actions.import_clipboard.trigger()
    assert window.controller.article.title.startswith("Top US Officials Agree")


def test_ctrl_v_in_the_library_list_imports_a_copied_path(make_window, qtbot, tmp_path):
    from library_data import write_articles

    window = make_window()
    (path,) = write_articles(tmp_path / "pasted", 1)
    QApplication.clipboard().setText(str(path))
    window.library.list_view.setFocus()
    with qtbot.waitSignal(window.jobs.finished, timeout=30000):
        qtbot.keyClick(window.library.list_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.article.title == "Article number 0 about rivers"


def test_cancelling_keeps_what_was_imported(make_window, tmp_path, qtbot, monkeypatch):
    import threading

    import reader.services.importing as importing
    from library_data import write_articles

    real_extract = importing.extract_source
    cancel_clicked = threading.Event()
    extracted = []

    def extract_after_the_first_waits_for_cancel(*args, **kwargs):
        extracted.append(args[0])
        if len(extracted) > 1:
            cancel_clicked.wait(10)  # the user clicks Cancel while this article is being read
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(importing, "extract_source", extract_after_the_first_waits_for_cancel)
    window = make_window()
    write_articles(tmp_path / "many", 5)

    def click_cancel(done, total, source):
        window.status.cancel_button.click()
        cancel_clicked.set()

    window.jobs.progress.connect(click_cancel)
    with qtbot.waitSignal(window.jobs.finished, timeout=30000) as blocker:
        window.imports.import_paths([str(tmp_path / "many")])
    report = blocker.args[0]
    assert report.cancelled and len(report.imported) == 1
    assert window.library.model.rowCount() == 1 == window.services.articles.count()


def test_importing_a_new_version_of_the_open_article_shows_its_new_text(make_window, tmp_path, qtbot):
    window = make_window()
    source = tmp_path / "tram.md"
    source.write_text("# Tram vote\n\nThe council approved the tram line on Wednesday night.\n\nWork starts in spring.\n",
                      encoding="utf-8")
    with qtbot.waitSignal(window.imports.runner.finished, timeout=30000):
        assert window.imports.import_paths([str(source)])
    article = window.controller.article
    highlight = window.services.annotations.highlight_quote(article.id, "Work starts in spring.")

    source.write_text("# Tram vote\n\nUpdated on Thursday.\n\nThe council approved the tram line on Wednesday "
                      "night.\n\nWork starts in spring.\n", encoding="utf-8")
    with qtbot.waitSignal(window.imports.runner.finished, timeout=30000) as blocker:
        assert window.imports.import_paths([str(source)])
    assert [item.article.id for item in blocker.args[0].updated] == [article.id]
    shown = window.controller.article
    assert shown.id == article.id and shown.text_version == 2 and shown.text.startswith("Updated on Thursday.")
    moved = window.controller.highlights[highlight.id]
    assert shown.text[moved.start:moved.end] == "Work starts in spring." and moved.start > highlight.start
    assert window.status.currentMessage() == "1 updated to a new version"


def test_copied_text_with_a_very_long_first_line_imports_as_text(make_window, qtbot):
    window = make_window()
    first_line = "A very long first line of copied text " * 10  # over 255 bytes: no file can be named so
    QApplication.clipboard().setText(first_line + "\n\nA headline for a long copied page\n\n" + "word " * 400)
    with qtbot.waitSignal(window.jobs.finished, timeout=30000) as blocker:
        window.actions.import_clipboard.trigger()
    assert len(blocker.args[0].imported) == 1  # not taken for a file name (too long for one)


def test_a_bug_in_a_background_job_is_reported_and_frees_the_runner(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))

    def broken(progress, cancelled):
        raise KeyError("surprise")

    with qtbot.waitSignal(window.jobs.failed, timeout=10000):
        assert window.imports._start(broken)
    assert shown and shown[0][0] == "Import failed" and "KeyError" in shown[0][1]
    assert not window.status.progress.isVisible()
    with qtbot.waitSignal(window.jobs.finished, timeout=10000):
        assert window.imports._start(lambda progress, cancelled: __import__(
            "reader.services.importing", fromlist=["ImportReport"]).ImportReport())
