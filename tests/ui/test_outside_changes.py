"""The window catches up with changes another program (the command line) made to the library."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.services import open_library
from reader.ui.outside_changes import OutsideChanges


def _titles(window) -> list[str]:
    model = window.library.model
    return [model.index(row).data() for row in range(model.rowCount())]


@pytest.fixture
def other(data_dir):
    """A second connection to the same library, as `reader import` in a terminal opens."""
    opened = open_library(data_dir)
    yield opened
    opened.close()


def _import_elsewhere(other, tmp_path, title: str) -> int:
    path = tmp_path / "elsewhere.md"
    path.write_text(f"# {title}\n\nWritten while the window was open.\n", encoding="utf-8")
    (item,) = other.importer.import_paths([path]).imported
    return item.article.id


def test_an_article_imported_elsewhere_shows_when_the_window_is_activated(make_window, library, other,
                                                                          tmp_path, qtmodeltester):
    window = make_window(library)
    window.library.select_row(2)
    opened = window.controller.article.id
    before = len(_titles(window))
    _import_elsewhere(other, tmp_path, "Zebra crossings at night")
    assert len(_titles(window)) == before  # nothing told the window yet

    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # the user comes back to it

    assert "Zebra crossings at night" in _titles(window)
    assert len(_titles(window)) == before + 1
    assert window.controller.article.id == opened  # the article being read stays open
    assert window.library.current_article_id() == opened  # and selected in the list
    assert f"{before + 1} articles" in window.status.size_label.text()
    qtmodeltester.check(window.library.model)
    assert window.outside.check() is False  # caught up: the next look finds nothing new


def test_changes_elsewhere_are_seen_on_a_timer_while_another_window_is_active(make_window, library, other,
                                                                               tmp_path, qtbot, monkeypatch):
    window = make_window(library)
    monkeypatch.setattr(OutsideChanges, "interval_ms", 20)
    window.outside = OutsideChanges(window, library.storage.database.path)
    terminal = QWidget()  # the terminal the user types `reader import` in
    qtbot.addWidget(terminal)
    with qtbot.waitActive(terminal):
        terminal.show()
        terminal.activateWindow()
    before = len(_titles(window))
    with qtbot.waitSignal(window.outside.caught_up, timeout=5000):
        _import_elsewhere(other, tmp_path, "Zebra crossings at night")
    assert len(_titles(window)) == before + 1


def test_highlights_notes_and_titles_changed_elsewhere_reach_the_open_article(make_window, library, other):
    window = make_window(library)
    article = window.controller.article
    highlight = other.annotations.highlight_quote(article.id, "first paragraph", note="From the terminal")
    other.articles.edit(article.id, title="A title fixed elsewhere")

    assert window.outside.check() is True
    assert [h.id for h in window.sidebar.model.highlights()] == [highlight.id]
    assert [h.id for h in window.reading.view.highlights()] == [highlight.id]
    assert window.controller.article.title == "A title fixed elsewhere"
    assert "A title fixed elsewhere" in _titles(window)
    assert window.controller.article.id == article.id


def test_the_open_article_deleted_elsewhere_leaves_the_window_on_another(make_window, library, other):
    window = make_window(library)
    gone = window.controller.article.id
    other.articles.delete(gone)
    assert window.outside.check() is True
    assert gone not in window.library.model.ids()
    assert window.controller.article is None or window.controller.article.id != gone
