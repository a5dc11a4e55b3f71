"""Searching the library from the window: results as you type, opening them, saved searches."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.domain.search import ArticleHit, HighlightHit
from reader.ui.search.flow import AskName


def _cursor_at(view, offset):
    from PySide6.QtGui import QTextCursor

    from reader.ui.offsets import OffsetMap

    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(view.article_text()).to_qt(offset))
    return cursor


def _search(window, qtbot, text):
    window.search.searcher.delay_ms = 0
    with qtbot.waitSignal(window.search.searcher.results_ready, timeout=10000) as blocker:
        window.search_field.setText(text)
    return blocker.args[0]


def test_typing_shows_ranked_articles_and_highlights(make_window, library, qtbot):
    window = make_window(library)
    seed_id = library.articles.list_ids(__import__("reader.services.articles", fromlist=["x"]).ListQuery(
        text="officials"))[0]
    library.annotations.highlight_quote(seed_id, "Green Zone compound", note="where the embassy is", tags=("iraq",))
    window.events.highlights_changed.emit(seed_id)

    results = _search(window, qtbot, "embassy")
    assert window.library.searching()
    kinds = {type(hit) for hit in results.hits}
    assert kinds == {ArticleHit, HighlightHit}
    panel = window.library.search_panel
    assert panel.model.rowCount() == len(results.hits)
    assert "1 article" in panel.summary.text() and "1 highlight" in panel.summary.text()

    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert not window.library.searching() and window.search_field.text() == ""


def test_choosing_a_highlight_hit_opens_the_article_at_it(make_window, library, qtbot):
    window = make_window(library)
    assert window.controller.article.title.startswith("Article number 2")
    seed_id = [a.id for a in library.articles.list() if a.title.startswith("Top US")][0]
    highlight = library.annotations.highlight_quote(seed_id, "reins in Iran-aligned militias", note="the ending")
    results = _search(window, qtbot, "note:ending")
    (hit,) = results.hits
    assert isinstance(hit, HighlightHit) and hit.highlight_id == highlight.id
    panel = window.library.search_panel
    rect = panel.list_view.visualRect(panel.model.index(0))
    qtbot.mouseClick(panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.article.id == seed_id
    assert window.sidebar.current_highlight_id() == highlight.id
    view = window.reading.view
    assert 0 < view.reading_position() <= highlight.start  # scrolled to it (it is near the end)
    assert view.viewport().rect().contains(view.cursorRect(_cursor_at(view, highlight.start)))


def test_choosing_an_article_hit_scrolls_to_the_match(make_window, library, qtbot):
    window = make_window(library)
    results = _search(window, qtbot, "Soleimani")
    (hit,) = results.articles
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # Enter opens the best result
    article = window.controller.article
    assert article.id == hit.article_id
    start = article.text.index("Soleimani")
    assert hit.position[0] == start
    view = window.reading.view
    assert 0 < view.reading_position() <= start
    assert view.viewport().rect().contains(view.cursorRect(_cursor_at(view, start)))


def test_a_malformed_query_is_read_as_words_and_says_so(make_window, library, qtbot):
    window = make_window(library)
    results = _search(window, qtbot, 'colour:purple "unbalanced')
    panel = window.library.search_panel
    assert results.query.notes and panel.understood.isVisible()
    assert panel.understood.text().startswith("Read as:")


def test_saved_searches_are_kept_run_renamed_and_deleted(make_window, library, qtbot, monkeypatch):
    window = make_window(library)
    _search(window, qtbot, "rivers boats")
    monkeypatch.setattr(AskName, "ask", classmethod(lambda cls, parent, title, suggestion: "Boats"))
    window.library.search_panel.save_button.click()
    assert [s.name for s in library.search.saved()] == ["Boats"]
    saved_view = window.library.saved_view
    assert saved_view.isVisibleTo(window) and window.library.saved_model.rowCount() == 1

    window.search_field.clear()
    window.search.searcher.delay_ms = 0
    with qtbot.waitSignal(window.search.searcher.results_ready, timeout=10000):
        rect = saved_view.visualRect(window.library.saved_model.index(0))
        qtbot.mouseClick(saved_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.search_field.text() == "rivers boats" and window.library.searching()

    monkeypatch.setattr(AskName, "ask", classmethod(lambda cls, parent, title, suggestion: "Water"))
    window.library.saved_search_rename_requested.emit(library.search.saved()[0])
    assert [s.name for s in library.search.saved()] == ["Water"]
    window.library.saved_search_delete_requested.emit(library.search.saved()[0])
    assert library.search.saved() == [] and not saved_view.isVisibleTo(window)


def test_slash_and_ctrl_shift_f_focus_the_search_box(make_window, library, qtbot):
    window = make_window(library)
    view = window.reading.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Slash)
    assert window.search_field.hasFocus()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search_field.hasFocus()


def test_save_search_is_offered_only_for_a_search_that_found_something(make_window, library, qtbot, monkeypatch):
    window = make_window(library)
    panel = window.library.search_panel
    asked = []
    monkeypatch.setattr(AskName, "ask", classmethod(lambda cls, parent, title, suggestion: asked.append(1) or "X"))

    _search(window, qtbot, "rivers")
    assert panel.model.rowCount() and panel.save_button.isEnabled()

    window.search.searcher.delay_ms = 60000  # typing on: the results for the new text are not in yet
    window.search_field.setText("rivers zzzqqq")
    assert panel.summary.text() == "Searching\u2026" and not panel.save_button.isEnabled()
    window.search.searcher.cancel()

    _search(window, qtbot, "zzzqqq")
    assert panel.summary.text() == "Nothing found." and not panel.save_button.isEnabled()
    window.search.save_current()  # nor saved any other way
    assert asked == [] and library.search.saved() == []

    window.search_field.setText("   ")  # empty: the list is back, nothing to save
    assert not window.library.searching() and not panel.save_button.isEnabled()
