"""Rough edges left after the second review: help on a small screen, status messages, what
counts as read, the empty sidebar, undo's selection and the list's current row."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
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


def test_arrowing_through_the_list_marks_no_short_article_read(make_window, library, qtbot):
    """A short article shows its end at once: merely passing over it in the list counted as reading it."""
    window = make_window(library)
    view = window.library.list_view
    window.library.select_row(0)
    view.setFocus()
    for key in [Qt.Key.Key_Down] * (library.articles.count() - 1) + [Qt.Key.Key_Up]:
        qtbot.keyClick(view, key)
    short = [a for a in library.articles.list() if a.title.startswith("Article number")]
    assert len(short) == 3
    assert not any(library.articles.get(a.id).is_read for a in short)
    assert library.articles.counts()["unread"] == library.articles.count()


def _short_and_long(window, library) -> tuple[int, int]:
    """A short article (it shows whole) and the seed (it needs scrolling), both unread."""
    short = next(a.id for a in library.articles.list() if a.title.startswith("Article number"))
    seed = next(a.id for a in library.articles.list() if a.title.startswith("Top US"))
    scroll_bar = window.reading.view.verticalScrollBar()
    window.library.select_article(seed)
    assert scroll_bar.maximum() > 0
    window.library.select_article(short)
    assert scroll_bar.maximum() == 0
    assert not library.articles.get(short).is_read and not library.articles.get(seed).is_read
    return short, seed


def test_a_short_article_counts_as_read_after_a_moment_on_it(make_window, library, qtbot):
    window = make_window(library)
    short_reads = window.controller.short_reads
    short_reads.dwell_ms = 20
    short, seed = _short_and_long(window, library)
    assert short_reads.timer.isActive()
    with qtbot.waitSignal(short_reads.timer.timeout):
        pass
    assert library.articles.get(short).is_read
    assert window.controller.article.is_read and window.actions.toggle_read.text() == "Mark as &Unread"

    window.actions.toggle_read.trigger()  # the reader's own choice stands, however long they stay
    assert not short_reads.timer.isActive() and not library.articles.get(short).is_read

    window.library.select_article(seed)  # a long one: read when scrolled to its end, not by staying
    with qtbot.waitSignal(short_reads.timer.timeout):
        pass
    assert not library.articles.get(seed).is_read
    window.reading.view.scroll_to_offset(len(window.controller.article.text) - 1)
    window.controller.save_position()
    assert library.articles.get(seed).is_read


def test_time_away_from_the_window_does_not_count(make_window, library, qtbot):
    from PySide6.QtWidgets import QWidget

    window = make_window(library)
    short_reads = window.controller.short_reads
    short_reads.dwell_ms = 20
    other = QWidget()
    qtbot.addWidget(other)
    with qtbot.waitActive(other):
        other.show()
        other.activateWindow()
    short, _seed = _short_and_long(window, library)
    assert not short_reads.timer.isActive()
    with qtbot.waitActive(window):
        window.activateWindow()
    assert short_reads.timer.isActive()
    with qtbot.waitSignal(short_reads.timer.timeout):
        pass
    assert library.articles.get(short).is_read


def test_clicking_or_typing_in_a_short_article_counts_as_reading_it(make_window, library, qtbot):
    window = make_window(library)  # staying takes ten minutes here: only what the reader does counts
    view = window.reading.view
    short, _seed = _short_and_long(window, library)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # leaving it is not reading it
    assert not library.articles.get(short).is_read
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)
    assert library.articles.get(short).is_read

    second = next(a.id for a in library.articles.list() if a.title.startswith("Article number") and a.id != short)
    window.library.select_article(second)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert library.articles.get(second).is_read


def test_the_sidebar_says_no_article_is_open_instead_of_showing_disabled_fields(make_window, library):
    from PySide6.QtWidgets import QLabel, QWidget

    window = make_window(library)
    sidebar = window.sidebar
    empty = sidebar.findChild(QLabel, "sidebar_empty")
    fields = [sidebar.findChild(QWidget, "article_note"), sidebar.findChild(QWidget, "article_tags")]
    heading = next(label for label in sidebar.findChildren(QLabel, "pane_title")
                   if label.text().startswith("Highlights"))
    assert all(field.isVisible() for field in fields) and heading.isVisible()
    assert empty is not None and not empty.isVisible()

    window.library.filter_edit.setText("words no article has")
    assert window.controller.article is None
    assert empty.isVisible() and empty.text() == "No article open."
    assert not any(field.isVisible() for field in fields) and not heading.isVisible()
    assert not sidebar.findChild(QLabel, "highlights_empty").isVisible()

    window.library.filter_edit.clear()  # an article opens: the sidebar as it was
    assert window.controller.article is not None
    assert all(field.isVisible() and field.isEnabled() for field in fields) and heading.isVisible()
    assert not empty.isVisible()


def _open_with_highlight(make_window, library):
    """(window, the article it opened, a highlight on "first paragraph" in it, shown)."""
    window = make_window(library)
    article = window.controller.article
    highlight = library.annotations.highlight_quote(article.id, "first paragraph")
    window.events.highlights_changed.emit(article.id)
    return window, article, highlight


def test_undoing_a_highlight_delete_selects_it_again(make_window, library, qtbot):
    """The highlight came back unselected: the reader had to look for what undo had done."""
    window, article, keep = _open_with_highlight(make_window, library)
    sidebar = window.sidebar
    start = article.text.index("says hello")
    window.controller.add_highlight(start, start + len("says hello"), "green")  # what H does with a selection
    added = sidebar.current_highlight_id()
    assert added and added != keep.id and sidebar.editor() is not None

    sidebar.list_view.setFocus()
    qtbot.keyClick(sidebar.list_view, Qt.Key.Key_Delete)  # Delete in the sidebar
    assert library.annotations.highlights(article.id) == [keep] and sidebar.current_highlight_id() != added
    window.actions.undo.trigger()
    assert sidebar.current_highlight_id() == added  # selected, its card open, as when it was made
    assert sidebar.editor() is not None and sidebar.editor().highlight_id == added
    assert window.status.currentMessage() == "Undone: Delete highlight."

    window.actions.undo.trigger()  # the highlight made undone, then redone: back, and selected
    assert sidebar.current_highlight_id() != added
    window.actions.redo.trigger()
    assert sidebar.current_highlight_id() == added and sidebar.editor().highlight_id == added


def test_undoing_a_highlight_delete_in_another_article_opens_that_article(make_window, library, qtbot):
    window, first, highlight = _open_with_highlight(make_window, library)
    window.controller.delete_highlight(highlight.id)
    window.library.select_article(next(a.id for a in library.articles.list() if a.id != first.id))
    window.actions.undo.trigger()
    assert window.controller.article.id == first.id and window.library.current_article_id() == first.id
    assert window.sidebar.current_highlight_id() == highlight.id


def _row_in_sight(list_view) -> bool:
    return list_view.viewport().rect().contains(list_view.visualRect(list_view.currentIndex()))


def test_the_current_row_stays_in_sight_when_the_window_shrinks(make_window, services, tmp_path, qtbot):
    """Narrowed and shortened (1280x800 to 800x500), the window hid the row of the article being read."""
    from library_data import write_articles

    services.importer.import_paths(write_articles(tmp_path / "many", 30))
    window = make_window(services)
    window.resize(1280, 800)
    list_view = window.library.list_view
    qtbot.waitUntil(lambda: list_view.viewport().height() > 400)
    bottom = list_view.indexAt(list_view.viewport().rect().bottomLeft() - QPoint(-4, 4))
    window.library.select_article(window.library.model.id_at(bottom.row() - 1))  # low on the screen
    assert _row_in_sight(list_view)
    scrolled = list_view.verticalScrollBar().value()

    height = list_view.viewport().height()
    window.resize(800, 500)
    qtbot.waitUntil(lambda: list_view.viewport().height() < height - 200)
    assert _row_in_sight(list_view)
    assert list_view.verticalScrollBar().value() > scrolled  # it scrolled to keep the row

    list_view.verticalScrollBar().setValue(0)  # a row the reader scrolled away from on purpose
    assert not _row_in_sight(list_view)
    height = list_view.viewport().height()
    window.resize(820, 520)
    qtbot.waitUntil(lambda: list_view.viewport().height() > height)
    assert list_view.verticalScrollBar().value() == 0  # is not brought back by resizing
