"""Rough edges left after the second review: help on a small screen, status messages, what
counts as read, the empty sidebar, undo's selection and the list's current row."""

from __future__ import annotations

from PySide6.QtCore import QRect, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QTextBrowser


def _shortcut_dialog(window) -> dict:
    """Open Help > Keyboard Shortcuts (F1, a modal dialog), note its size and list, close it."""
    seen = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        page = dialog.findChild(QTextBrowser, "shortcuts_list")
        seen.update(size=dialog.frameGeometry().size(), room=dialog.screen().availableGeometry(),
                    page=page and page.toPlainText(),
                    scrolls=page is not None and page.verticalScrollBar().maximum() > 0)
        dialog.reject()

    QTimer.singleShot(0, look)
    window.actions.shortcuts_help.trigger()
    return seen


def test_the_shortcut_list_fits_a_small_screen_and_scrolls(make_window, library, monkeypatch):
    """The list was a message box 750 px tall: on a 600 px screen its end could not be reached."""
    window = make_window(library)
    tall = _shortcut_dialog(window)  # the offscreen screen is 800 px high: the whole list shows
    assert tall["room"].height() == 800 and tall["size"].height() <= 800 and not tall["scrolls"]

    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: QRect(0, 0, 800, 600))
    small = _shortcut_dialog(window)
    assert small["size"].height() <= 600 and small["size"].width() <= 800
    assert small["scrolls"]  # the rest of the list is a scroll away
    assert small["page"].rstrip().endswith("Page down, up in the article")  # every row is in it


def test_marking_read_and_unread_says_so_like_archiving(make_window, library):
    """Archive and Delete said what they did in the status bar; Mark as Read said nothing."""
    window = make_window(library)
    article_id = window.controller.article.id
    if library.articles.get(article_id).is_read:
        window.actions.toggle_read.trigger()  # start from an unread article
    window.actions.toggle_read.trigger()
    assert library.articles.get(article_id).is_read
    assert window.status.currentMessage() == "Marked 1 article as read (Ctrl+Z marks it unread again)."
    window.actions.undo.trigger()
    assert not library.articles.get(article_id).is_read
    assert window.status.currentMessage() == "Undone: Mark as read."
    window.actions.redo.trigger()
    assert window.status.currentMessage() == "Redone: Mark as read."

    window.actions.toggle_read.trigger()
    assert window.status.currentMessage() == "Marked 1 article as unread (Ctrl+Z marks it read again)."
    window.library.list_view.selectAll()
    window.actions.toggle_read.trigger()
    count = library.articles.count()
    assert window.status.currentMessage() == f"Marked {count} articles as read (Ctrl+Z marks them unread again)."
    window.actions.undo.trigger()
    assert window.status.currentMessage() == "Undone: Mark as read."
