"""The main window end to end through its public surface: panes, undo, settings, reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListView, QPlainTextEdit
from reading_data import click_at, drag

from reader.ui.library.article_model import ArticleRole

TITLE = "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans in Iraq"


def _list_titles(window) -> list[str]:
    model = window.library.model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_the_window_opens_on_the_first_article(make_window, library):
    window = make_window(library)
    assert window.controller.article is not None
    assert window.windowTitle().startswith("Article number 2 about rivers")
    assert window.findChild(QListView, "article_list").currentIndex().row() == 0
    assert "4 articles" in window.status.size_label.text()


def test_filter_narrows_the_list_as_you_type(make_window, library, qtbot):
    window = make_window(library)
    qtbot.keyClicks(window.library.filter_edit, "officials")
    assert _list_titles(window) == [TITLE]
    assert window.controller.article.title == TITLE  # the only match opens
    window.library.filter_edit.clear()
    assert len(_list_titles(window)) == 4


def test_the_path_a_user_takes_select_press_h_note_tag_undo_redo_reopen(make_window, library, qtbot):
    window = make_window(library)
    window.library.filter_edit.setText("officials")  # the seed opens: it is the only match
    article = window.controller.article
    assert article.title == TITLE
    view = window.reading.view
    view.position_delay_ms = 0
    sentence = "senior administration official told Reuters"
    start = article.text.index(sentence)
    drag(qtbot, view, start + 2, start + len(sentence) - 3)  # part-way into the first and last words
    qtbot.keyClick(view, Qt.Key.Key_H)

    sidebar = window.sidebar
    (highlight,) = sidebar.model.highlights()
    assert (highlight.quote, highlight.color) == (sentence, "yellow")  # snapped to whole words
    assert window.library.model.index(0).data(ArticleRole).highlight_count == 1
    editor = sidebar.editor()
    assert editor is not None and editor.highlight_id == highlight.id

    qtbot.keyClicks(editor.note_edit, "Who is it?")
    qtbot.keyClicks(editor.tag_editor.field, "iran")
    qtbot.keyClick(editor.tag_editor.field, Qt.Key.Key_Return)
    stored = library.annotations.get(highlight.id)
    assert (stored.note, stored.tags) == ("Who is it?", ("iran",))
    assert window.library.tag_model.row_of("iran") > 0

    view.setFocus()  # Ctrl+Z inside a text field undoes that field's typing, as everywhere
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the tag
    assert library.annotations.get(highlight.id).tags == ()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the note, in one step
    assert library.annotations.get(highlight.id).note == ""
    assert sidebar.editor().note_edit.toPlainText() == ""
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the highlight itself
    assert library.annotations.highlights(article.id) == [] and sidebar.model.rowCount() == 0
    assert view.highlights() == []
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    restored = library.annotations.get(highlight.id)
    assert (restored.quote, restored.note, restored.tags) == (sentence, "Who is it?", ("iran",))
    assert [h.id for h in view.highlights()] == [highlight.id]

    window.close()
    again = make_window()
    assert again.controller.article.id == article.id  # the article last read
    (back,) = again.sidebar.model.highlights()
    assert (back.id, back.quote, back.note, back.tags) == (highlight.id, sentence, "Who is it?", ("iran",))
    assert [h.id for h in again.reading.view.highlights()] == [highlight.id]


def test_clicking_a_highlight_selects_it_in_the_sidebar_and_back(make_window, library, qtbot):
    window = make_window(library)
    window.library.filter_edit.setText("officials")
    article_id = window.controller.article.id
    first = library.annotations.highlight_quote(article_id, "Green Zone compound")
    second = library.annotations.highlight_quote(article_id, "range of options", color="green")
    window.events.highlights_changed.emit(article_id)
    view = window.reading.view
    text = window.controller.article.text
    with qtbot.waitSignal(view.highlight_clicked, timeout=1000):
        click_at(qtbot, view, text.index("Green Zone compound") + 3)
    assert window.sidebar.current_highlight_id() == first.id
    view.scroll_to_offset(len(text) - 1)
    window.sidebar.select_highlight(second.id, emit=True)  # as a click on its card does
    assert view.reading_position() <= text.index("range of options")


def test_article_note_is_saved_as_you_type_and_undone_in_one_step(make_window, library, qtbot):
    window = make_window(library)
    note = window.findChild(QPlainTextEdit, "article_note")
    qtbot.keyClicks(note, "Good read")
    article_id = window.controller.article.id
    assert library.articles.get(article_id).note == "Good read"
    window.undo_stack.undo()
    assert library.articles.get(article_id).note == "" and note.toPlainText() == ""


def test_delete_article_and_undo(make_window, library, qtbot):
    window = make_window(library)
    first = window.controller.article
    window.actions.delete_articles.trigger()
    assert first.title not in _list_titles(window)
    assert window.controller.article is not None and window.controller.article.id != first.id
    window.undo_stack.undo()
    assert first.title in _list_titles(window)
    assert library.articles.get(first.id).title == first.title


def test_archive_and_mark_read_move_articles_between_views(make_window, library):
    window = make_window(library)
    first = window.controller.article
    window.actions.toggle_archived.trigger()
    assert first.title not in _list_titles(window)
    window.library.show_combo.setCurrentIndex(window.library.show_combo.findData("archived"))
    assert _list_titles(window) == [first.title]
    window.undo_stack.undo()
    assert _list_titles(window) == []
    window.library.show_combo.setCurrentIndex(window.library.show_combo.findData("inbox"))
    current = window.controller.article.id
    before = library.articles.get(current).is_read  # read or not, the menu turns it over
    window.actions.toggle_read.trigger()
    assert library.articles.get(current).is_read is not before
    window.undo_stack.undo()
    assert library.articles.get(current).is_read is before


def test_tag_list_filters_the_library(make_window, library):
    window = make_window(library)
    article_id = window.controller.article.id
    window.sidebar.article_tags.add_tags(["reading/later"])
    assert library.articles.get(article_id).tags == ("reading/later",)
    tag_view = window.library.tag_view
    tag_view.setCurrentIndex(window.library.tag_model.index(window.library.tag_model.row_of("reading")))
    assert [window.library.model.id_at(r) for r in range(window.library.model.rowCount())] == [article_id]


def test_theme_and_text_size_persist(make_window, library, data_dir):
    window = make_window(library)
    window.actions.themes["sepia"].trigger()
    window.actions.bigger_text.trigger()
    window.actions.bigger_text.trigger()
    window.close()
    again = make_window()
    assert again.settings.theme == "sepia" and again.settings.font_size == 19
    assert again.actions.themes["sepia"].isChecked()


def test_window_geometry_and_splitters_are_remembered(make_window, library):
    window = make_window(library)
    window.resize(760, 540)  # the offscreen screen is 800x600: restoring clamps to it
    window.splitter.setSizes([200, 360, 200])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    assert again.size().width() == 760 and again.splitter.sizes() == sizes


def test_edit_details_dialog_changes_and_undo(make_window, library, monkeypatch):
    from reader.ui.dialogs import EditArticleDialog

    window = make_window(library)
    article = window.controller.article
    monkeypatch.setattr(EditArticleDialog, "ask", classmethod(lambda cls, parent, a: {"title": "A better title"}))
    window.actions.edit_details.trigger()
    assert library.articles.get(article.id).title == "A better title"
    assert "A better title" in _list_titles(window)
    assert window.windowTitle().startswith("A better title")
    assert window.findChild(QLabel, "article_title").text() == "A better title"  # the reading pane's title
    assert library.articles.get(article.id).edited_fields == {"title"}
    window.undo_stack.undo()
    restored = library.articles.get(article.id)
    assert (restored.title, restored.edited_fields) == (article.title, article.edited_fields)


def test_delete_key_deletes_the_article_in_the_list_or_the_highlight_in_the_sidebar(make_window, library, qtbot):
    window = make_window(library)
    first = window.controller.article
    highlight = library.annotations.highlight_quote(first.id, "first paragraph")
    window.events.highlights_changed.emit(first.id)
    window.sidebar.select_highlight(highlight.id, emit=True)
    window.sidebar.list_view.setFocus()
    qtbot.keyClick(window.sidebar.list_view, Qt.Key.Key_Delete)
    assert library.annotations.highlights(first.id) == []
    window.library.list_view.setFocus()
    qtbot.keyClick(window.library.list_view, Qt.Key.Key_Delete)
    assert first.title not in _list_titles(window)


def test_the_reading_position_is_kept_across_articles_and_restarts(make_window, library, qtbot):
    window = make_window(library)
    window.library.filter_edit.setText("officials")
    article = window.controller.article
    view = window.reading.view
    target = article.text.index("In recent days there has been")
    view.scroll_to_offset(target)
    kept = view.reading_position()
    assert 0 < kept <= target
    window.library.filter_edit.clear()
    window.library.select_row(1)  # another article: the position of the first is saved
    assert window.controller.article.id != article.id
    assert library.articles.get(article.id).read_position == kept
    window.library.select_article(article.id)
    assert window.reading.view.reading_position() == kept
    window.close()
    again = make_window()
    assert again.controller.article.id == article.id
    assert again.reading.view.reading_position() == kept


def test_note_typing_settles_then_is_saved_and_is_flushed_before_switching_or_undo(make_window, library, qtbot,
                                                                                      monkeypatch):
    from reader.ui.sidebar.editor import NoteEdit

    monkeypatch.setattr(NoteEdit, "settle_ms", 60_000)  # never settles by itself during this test
    window = make_window(library)
    first = window.controller.article
    note = window.findChild(QPlainTextEdit, "article_note")
    qtbot.keyClicks(note, "Thoughts")
    assert library.articles.get(first.id).note == ""  # not written on every keystroke
    window.library.select_row(1)  # leaving the article saves what was typed, to that article
    assert library.articles.get(first.id).note == "Thoughts"
    assert window.controller.article.id != first.id and note.toPlainText() == ""

    second = window.controller.article
    highlight = library.annotations.highlight_quote(second.id, "first paragraph")
    window.events.highlights_changed.emit(second.id)
    window.sidebar.select_highlight(highlight.id, emit=True)
    qtbot.keyClicks(window.sidebar.editor().note_edit, "Pending")
    window.actions.undo.trigger()  # the typing is the last change: it is what undo takes back
    assert library.annotations.get(highlight.id).note == ""
    window.actions.redo.trigger()
    assert library.annotations.get(highlight.id).note == "Pending"


def test_reading_to_the_end_marks_read_and_the_window_knows(make_window, library, qtbot):
    window = make_window(library)
    window.library.filter_edit.setText("officials")
    article = window.controller.article
    assert "1 unread" in window.status.size_label.text() or "unread" in window.status.size_label.text()
    unread_before = library.articles.counts()["unread"]
    window.reading.view.scroll_to_offset(len(article.text) - 1)
    window.controller.save_position()
    assert library.articles.get(article.id).is_read
    assert window.controller.article.is_read
    assert window.actions.toggle_read.text() == "Mark as &Unread"
    assert f"{unread_before - 1} unread" in window.status.size_label.text()


def test_start_opens_only_the_article_last_read(make_window, library, monkeypatch):
    window = make_window(library)
    seed = [a.id for a in library.articles.list() if a.title.startswith("Top US")][0]
    window.library.select_article(seed)
    window.close()
    from reader.ui.controller import ReaderController

    opened = []
    real_open = ReaderController.open_article
    monkeypatch.setattr(ReaderController, "open_article",
                        lambda self, article_id: (opened.append(article_id), real_open(self, article_id))[1])
    again = make_window()
    assert again.controller.article.id == seed
    assert opened == [seed]
