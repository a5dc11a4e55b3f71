"""The main window end to end through its public surface: panes, undo, settings, reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QPlainTextEdit

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


def test_a_highlight_with_note_and_tag_undo_redo_and_reopen(make_window, library, qtbot, data_dir):
    window = make_window(library)
    window.library.select_article(library.articles.list_ids(__import__("reader.services.articles",
                                                                        fromlist=["ListQuery"]).ListQuery(
        text="officials"))[0])
    article = window.controller.article
    start = article.text.index("a senior administration official")
    view = window.reading.view
    view.highlight_requested.emit(start + 2, start + 10, "green")  # "senior" partly selected: snaps to words

    sidebar = window.sidebar
    assert sidebar.model.rowCount() == 1
    highlight = sidebar.model.highlights()[0]
    assert (highlight.quote, highlight.color) == ("senior administration", "green")
    editor = sidebar.editor()
    assert editor is not None and editor.highlight_id == highlight.id

    qtbot.keyClicks(editor.note_edit, "Who is it?")
    editor.tag_editor.field.setText("iran")
    qtbot.keyClick(editor.tag_editor.field, Qt.Key.Key_Return)
    stored = library.annotations.get(highlight.id)
    assert (stored.note, stored.tags) == ("Who is it?", ("iran",))
    assert window.library.tag_model.row_of("iran") > 0

    window.undo_stack.undo()  # the tag
    assert library.annotations.get(highlight.id).tags == ()
    window.undo_stack.undo()  # the whole note typing, in one step
    assert library.annotations.get(highlight.id).note == ""
    assert editor.note_edit.toPlainText() == ""
    window.undo_stack.undo()  # the highlight itself
    assert library.annotations.highlights(article.id) == []
    assert sidebar.model.rowCount() == 0
    for _ in range(3):
        window.undo_stack.redo()
    restored = library.annotations.get(highlight.id)
    assert (restored.quote, restored.note, restored.tags) == ("senior administration", "Who is it?", ("iran",))

    window.close()
    again = make_window()
    assert again.controller.article.id == article.id  # the article last read
    (back,) = again.sidebar.model.highlights()
    assert (back.id, back.note, back.tags) == (highlight.id, "Who is it?", ("iran",))


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
    window.actions.toggle_read.trigger()
    assert library.articles.get(window.controller.article.id).is_read


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
    window.undo_stack.undo()
    assert library.articles.get(article.id).title == article.title
