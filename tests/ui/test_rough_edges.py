"""Rough edges a new user meets: what the window says, where focus goes, what stays readable."""

from __future__ import annotations

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
