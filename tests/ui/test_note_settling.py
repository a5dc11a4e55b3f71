"""Note typing that has not settled yet is never lost to another edit or a reload of the sidebar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolButton

from reader.ui.sidebar.editor import NoteEdit


@pytest.fixture
def window(make_window, library, monkeypatch):
    """A window whose notes never settle by themselves: only a flush saves what was typed."""
    made = make_window(library)
    monkeypatch.setattr(NoteEdit, "settle_ms", 60_000)
    return made


def _open_highlight(window, library, quote: str, color: str = "yellow"):
    article = window.controller.article
    highlight = library.annotations.highlight_quote(article.id, quote, color=color)
    window.events.highlights_changed.emit(article.id)
    window.sidebar.select_highlight(highlight.id, emit=True)
    return highlight, window.sidebar.editor()


def test_article_note_then_a_tag_keeps_the_note_and_undoes_in_two_steps(window, library, qtbot):
    article_id = window.controller.article.id
    note = window.findChild(QPlainTextEdit, "article_note")
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "Worth rereading")
    assert library.articles.get(article_id).note == ""  # still settling
    field = window.sidebar.article_tags.field
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "later")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    stored = library.articles.get(article_id)
    assert (stored.note, stored.tags) == ("Worth rereading", ("later",))
    assert note.toPlainText() == "Worth rereading"
    window.actions.undo.trigger()  # the tag came last: it goes first
    stored = library.articles.get(article_id)
    assert (stored.note, stored.tags) == ("Worth rereading", ())
    window.actions.undo.trigger()
    assert library.articles.get(article_id).note == "" and note.toPlainText() == ""
    window.actions.redo.trigger()
    window.actions.redo.trigger()
    stored = library.articles.get(article_id)
    assert (stored.note, stored.tags) == ("Worth rereading", ("later",))


def test_highlight_note_then_a_colour_keeps_the_note(window, library, qtbot):
    highlight, editor = _open_highlight(window, library, "first paragraph")
    qtbot.keyClicks(editor.note_edit, "Why this?")
    qtbot.mouseClick(editor.findChild(QToolButton, "color_green"), Qt.MouseButton.LeftButton)

    stored = library.annotations.get(highlight.id)
    assert (stored.note, stored.color) == ("Why this?", "green")
    assert window.sidebar.editor().note_edit.toPlainText() == "Why this?"
    window.actions.undo.trigger()
    stored = library.annotations.get(highlight.id)
    assert (stored.note, stored.color) == ("Why this?", "yellow")
    window.actions.undo.trigger()
    assert library.annotations.get(highlight.id).note == ""


def test_highlight_note_tab_tag_enter_by_keyboard_keeps_the_note(window, library, qtbot):
    highlight, editor = _open_highlight(window, library, "first paragraph")
    editor.note_edit.setFocus()
    qtbot.keyClicks(editor.note_edit, "Check the source")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Tab)
    field = QApplication.focusWidget()
    assert field is window.sidebar.editor().tag_editor.field
    qtbot.keyClicks(field, "sources")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    stored = library.annotations.get(highlight.id)
    assert (stored.note, stored.tags) == ("Check the source", ("sources",))
    assert window.sidebar.editor().note_edit.toPlainText() == "Check the source"


def test_highlight_note_then_deleting_it_from_the_reading_pane_undoes_back_with_the_note(window, library, qtbot):
    highlight, editor = _open_highlight(window, library, "first paragraph")
    qtbot.keyClicks(editor.note_edit, "Keep me")
    window.reading.view.highlight_delete_requested.emit(highlight.id)  # as its context menu does
    assert library.annotations.highlights(highlight.article_id) == []
    window.actions.undo.trigger()
    assert library.annotations.get(highlight.id).note == "Keep me"


def test_picking_another_highlight_saves_the_note_of_the_one_left(window, library, qtbot):
    first, editor = _open_highlight(window, library, "first paragraph")
    second = library.annotations.highlight_quote(first.article_id, "second paragraph")
    window.events.highlights_changed.emit(first.article_id)
    qtbot.keyClicks(window.sidebar.editor().note_edit, "On the first")
    window.sidebar.select_highlight(second.id, emit=True)  # a click on its card, or a search result

    assert library.annotations.get(first.id).note == "On the first"
    assert library.annotations.get(second.id).note == ""
    assert window.sidebar.editor().highlight_id == second.id


def test_a_change_from_elsewhere_reloads_the_sidebar_without_losing_typing(window, library, qtbot):
    article = window.controller.article
    note = window.findChild(QPlainTextEdit, "article_note")
    qtbot.keyClicks(note, "Half a thought")
    library.articles.set_read(article.id, True)  # e.g. read to the end, or from the command line
    window.events.articles_changed.emit([article.id])

    assert library.articles.get(article.id).note == "Half a thought"
    assert note.toPlainText() == "Half a thought"
