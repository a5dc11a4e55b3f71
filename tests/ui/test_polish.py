"""Small things the window says and shows: status messages, shortcuts, dialogs, pane sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from reading_data import drag


def test_after_highlighting_the_status_bar_tells_the_truth_and_n_goes_to_the_note(make_window, library, qtbot):
    window = make_window(library)
    view = window.reading.view
    text = window.controller.article.text
    start = text.index("first paragraph")
    drag(qtbot, view, start, start + len("first paragraph"))
    qtbot.keyClick(view, Qt.Key.Key_H)

    editor = window.sidebar.editor()
    assert editor is not None  # its card is open, ready for a note ...
    message = window.status.currentMessage()
    assert "Select it in the sidebar" not in message and "Press N" in message  # ... and the message says so
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert QApplication.focusWidget() is editor.note_edit
    qtbot.keyClicks(editor.note_edit, "Noted")
    assert library.annotations.get(editor.highlight_id).note == "Noted"
