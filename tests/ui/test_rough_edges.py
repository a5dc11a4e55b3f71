"""Rough edges a new user meets: what the window says, where focus goes, what stays readable."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel


def _reading_message(window) -> str:
    return window.reading.view.findChild(QLabel, "reading_empty").text()


def test_a_list_emptied_by_a_filter_does_not_say_the_library_is_empty(make_window, library):
    window = make_window(library)
    window.library.filter_edit.setText("words no article has")
    assert window.library.model.rowCount() == 0 and window.controller.article is None
    assert "empty" not in _reading_message(window)  # four articles are in the library

    window.library.filter_edit.clear()
    window.library.show_combo.setCurrentIndex(window.library.show_combo.findData("archived"))
    assert window.library.model.rowCount() == 0  # nothing archived yet
    assert "empty" not in _reading_message(window)

    window.library.show_combo.setCurrentIndex(window.library.show_combo.findData("inbox"))
    window.library.list_view.selectAll()
    window.actions.delete_articles.trigger()
    assert library.articles.count() == 0
    assert "Your library is empty" in _reading_message(window)  # now it is, and says how to fill it


def test_undo_and_redo_say_what_they_did_instead_of_leaving_the_old_message(make_window, library):
    window = make_window(library)
    count = window.library.model.rowCount()
    window.actions.delete_articles.trigger()
    assert window.status.currentMessage() == "Deleted 1 article (Ctrl+Z brings it back)."

    window.actions.undo.trigger()
    assert window.library.model.rowCount() == count
    assert window.status.currentMessage() == "Undone: Delete article."  # no longer "Deleted 1 article"
    window.actions.redo.trigger()
    assert window.library.model.rowCount() == count - 1
    assert window.status.currentMessage() == "Redone: Delete article."


def test_an_undo_that_fails_keeps_its_reason_in_the_status_bar(make_window, library, monkeypatch):
    from reader.domain.errors import ReaderError

    window = make_window(library)
    window.actions.toggle_archived.trigger()

    def locked(*_args):
        raise ReaderError("the library is locked")

    monkeypatch.setattr(library.articles, "set_archived", locked)
    window.actions.undo.trigger()
    assert window.status.currentMessage() == "Archive failed: the library is locked"


def _tab_through(qtbot, start, count: int) -> list:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    start.setFocus()
    seen = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_through_the_notes_sidebar_in_the_order_it_shows(make_window, library, qtbot):
    window = make_window(library)
    article = window.controller.article
    highlight = library.annotations.highlight_quote(article.id, article.text.split()[0], tags=("one", "two"))
    window.events.highlights_changed.emit(article.id)
    window.sidebar.article_tags.add_tags(["first", "second"])  # chips made after the window was built
    sidebar = window.sidebar
    sidebar.select_highlight(highlight.id, emit=True)
    card = sidebar.editor()

    def name(widget) -> str:
        if card.isAncestorOf(widget):
            return "card " + widget.objectName()
        return widget.objectName() if sidebar.isAncestorOf(widget) else "outside"

    seen = [name(w) for w in _tab_through(qtbot, sidebar.article_note, 11)]
    assert seen == ["tag_chip", "tag_chip", "tag_field", "highlight_list",  # the article's, then its highlights
                    "card color_yellow", "card delete_highlight", "card note_editor",  # the open card, top down
                    "card tag_chip", "card tag_chip", "card tag_field", "outside"]

    card.tag_editor.add_tags(["three"])  # its chips made again: still in place
    seen = [name(w) for w in _tab_through(qtbot, card.note_edit, 5)]
    assert seen == ["card tag_chip", "card tag_chip", "card tag_chip", "card tag_field", "outside"]


def test_narrowing_the_window_never_makes_the_highlight_cards_scroll_sideways(make_window, library, qtbot):
    window = make_window(library)
    window.apply_appearance()
    seed = next(a for a in library.articles.list() if a.title.startswith("Top US"))  # long paragraphs
    window.library.select_article(seed.id)
    article = window.controller.article
    spans = [m.span() for m in re.finditer(r"\S+(?: \S+){5}", article.text)][:6]  # six words each: they wrap
    ids = [library.annotations.highlight_span(article.id, start, end).id for start, end in spans]
    window.events.highlights_changed.emit(article.id)
    window.sidebar.select_highlight(ids[1], emit=True)  # a card open, the list taller than the pane
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.splitter.width() > 1200)
    view = window.sidebar.list_view
    # A QListView lays its items out again 100 ms after a resize, on a timer of its own (laying
    # them out at once, as executeDelayedItemsLayout does, does not show the fault): let it run.
    qtbot.wait(250)  # laid out wide, as on screen before the window narrows
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.splitter.width() <= 800)
    qtbot.wait(250)  # and again, narrow
    assert view.verticalScrollBar().maximum() > 0  # the list scrolls, its bar takes width
    assert view.horizontalScrollBar().maximum() == 0, "the cards are wider than the sidebar"
    rows = [view.visualRect(view.model().index(row, 0)) for row in range(view.model().rowCount())]
    for above, below in zip(rows, rows[1:]):
        assert above.width() == view.viewport().width()  # each card as wide as the sidebar
        assert above.bottom() < below.top(), "cards drawn over each other"
    card = window.sidebar.editor()
    assert card.geometry().bottom() < rows[2].top() and card.height() >= card.heightForWidth(card.width())


SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def _label(action) -> str:
    return action.text().split("\t")[0].replace("&", "")


def test_the_reading_context_menu_is_written_in_the_menu_bars_title_case(make_window, library, qtbot, tmp_path):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu
    from reading_data import point_at

    page = tmp_path / "linked.md"
    page.write_text("# Linked\n\nRead [the full report](https://example.org/report) before the vote.\n",
                    encoding="utf-8")
    (imported,) = library.importer.import_paths([page]).imported
    window = make_window(library)
    window.library.select_article(imported.article.id)
    view = window.reading.view
    text = view.article_text()
    library.annotations.highlight_quote(imported.article.id, "full report")
    window.events.highlights_changed.emit(imported.article.id)
    cursor = view.textCursor()  # "Read the full report" selected: the highlighting entries show too
    cursor.setPosition(text.index("Read the full"))
    cursor.setPosition(text.index(" before"), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    menu = view.context_menu(point_at(view, text.index("report")))
    qtbot.addWidget(menu)

    def entries(shown: QMenu):
        for action in shown.actions():
            if not action.isSeparator():
                yield action
                if action.menu() is not None and action.menu().objectName() != "menu_highlight_in":
                    yield from entries(action.menu())

    labels = [_label(action) for action in entries(menu)]
    assert {"Highlight", "Highlight in", "Show Note", "Delete Highlight", "Open Link in Browser",
            "Select All"} <= set(labels), labels
    for label in labels:
        words = label.rstrip("\u2026").split()
        for word in words[1:]:
            assert word[0].isupper() or word in SMALL_WORDS or not word[0].isalpha(), f"{label!r}: {word!r}"
    find = menu.findChild(QAction, "action_find")
    assert _label(find) == _label(window.actions.find)  # "Find in Article…" as in the Edit menu


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_the_search_box_shows_its_whole_placeholder(make_window, library, qtbot, size):
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    window = make_window(library)
    window.apply_appearance()  # the style sheet's rounded padding is part of what must fit
    window.resize(*size)
    qtbot.waitUntil(lambda: window.splitter.width() <= size[0])
    field = window.search_field
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    text_area = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    room = text_area.width() - margins.left() - margins.right() - 4  # QLineEdit's own 2 px each side
    needed = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert needed <= room, f"{field.placeholderText()!r} needs {needed} px, has {room} at {size}"


def test_empty_panes_break_their_guidance_only_between_sentences(make_window, library, qtbot):
    """A line break written into a sentence left "press H," alone on a line in a narrow pane."""
    window = make_window(library)
    window.library.list_view.selectAll()
    window.actions.delete_articles.trigger()  # an empty library: the list says how to fill it
    library_empty = window.library.findChild(QLabel, "library_empty")
    assert library_empty.isVisible() and "Ctrl+O" in library_empty.text()
    window.actions.undo.trigger()  # an article without highlights: the sidebar says how to add some
    sidebar_empty = window.sidebar.findChild(QLabel, "highlights_empty")
    assert sidebar_empty.isVisible() and "press H" in sidebar_empty.text()
    for label in (library_empty, sidebar_empty):
        assert label.wordWrap()
        for line in label.text().split("\n"):
            assert not line or line.endswith((".", "!", "?")), f"{label.objectName()}: a break after {line!r}"


def test_down_from_the_search_box_goes_to_the_results(make_window, library, qtbot):
    """The results could be reached by Tab past Save Search only; Down is what a search box offers."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window(library)
    window.search.searcher.delay_ms = 0
    window.search_field.setFocus()
    with qtbot.waitSignal(window.search.searcher.results_ready, timeout=10000):
        qtbot.keyClicks(window.search_field, "paragraph")
    results = window.library.search_panel.list_view
    assert results.model().rowCount() >= 2
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is results and results.currentIndex().row() == 0
    qtbot.keyClick(results, Qt.Key.Key_Down)
    second = results.model().hits()[1]
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert window.controller.article.id == second.article_id  # Enter opens the row chosen


def test_undoing_a_delete_opens_the_article_again(make_window, library):
    window = make_window(library)
    article_id = window.controller.article.id
    window.actions.delete_articles.trigger()
    assert window.controller.article is None or window.controller.article.id != article_id
    window.actions.undo.trigger()
    assert window.controller.article.id == article_id  # back where the reader was, not on another one
    assert window.library.current_article_id() == article_id
