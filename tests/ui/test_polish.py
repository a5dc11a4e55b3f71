"""Small things the window says and shows: status messages, shortcuts, dialogs, pane sizes."""

from __future__ import annotations

import pytest
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


def test_the_import_problems_message_lists_each_source_and_why(services, tmp_path, qtbot):
    from reader.ui.import_problems import ImportProblemsDialog

    bad = []
    for n in range(8):
        path = tmp_path / f"empty <{n}>.txt"
        path.write_bytes(b"")
        bad.append(str(path))
    missing = str(tmp_path / "gone.html")
    report = services.importer.import_paths([missing, *bad])
    assert len(report.failures) == 9

    box = ImportProblemsDialog.build(None, report)
    qtbot.addWidget(box)
    shown = box.informativeText()
    first = report.failures[0]
    assert f"gone.html: {first.reason}" in shown  # the name and its reason, in the message itself
    assert "empty &lt;0&gt;.txt: the file is empty" in shown  # escaped: the name shows as it is
    assert str(tmp_path) not in shown  # names only; the folders are in the details
    assert "and 3 more" in shown
    assert "empty &lt;7&gt;.txt" not in shown
    details = box.detailedText().splitlines()
    assert details == [f"{f.source}: {f.reason}" for f in report.failures]


def test_the_shortcut_list_names_every_key_the_menus_show(make_window, library, monkeypatch):
    from PySide6.QtGui import QAction, QKeySequence

    from reader.ui.actions import key_text
    from reader.ui.help import ShortcutsDialog

    window = make_window(library)
    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda dialog: shown.append(dialog.page.toPlainText()))
    window.actions.shortcuts_help.trigger()  # F1
    (page,) = shown
    cells = page.splitlines()  # each cell of the table on a line: the keys, then what they do

    def menu_actions(menu):
        for action in menu.actions():
            if action.menu() is not None:
                yield from menu_actions(action.menu())
            elif not action.isSeparator():
                yield action

    in_menus = [a for top in window.menuBar().actions() for a in menu_actions(top.menu())]
    with_keys = [a for a in in_menus if key_text(a)]
    assert len(with_keys) >= 20
    for action in with_keys:  # what a menu shows next to an entry is in the list, written the same way
        assert key_text(action) in cells, action.objectName()
    for keys in ("Ctrl+,", "Ctrl+Shift+L", "Ctrl+Shift+1", "Ctrl+Shift+2", "F1", "Ctrl+Q", "N"):
        assert any(keys in cell.split(", ") for cell in cells), keys
    delete = window.findChild(QAction, "delete_articles")
    assert key_text(delete) == delete.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert key_text(delete) in cells and "also Delete in the list" in page
    assert window.actions.highlight.text().endswith("\tH")  # the Edit menu shows the H the reading pane takes
    assert QKeySequence("Ctrl+Q") in window.actions.quit.shortcuts()


def test_a_narrow_window_keeps_room_for_the_article(make_window, library, qtbot):
    from PySide6.QtWidgets import QPushButton

    window = make_window(library)
    article_id = window.controller.article.id
    highlight = library.annotations.highlight_quote(article_id, "first paragraph")
    for quote in ("says hello", "second paragraph", "talks about", "boats", "water"):  # the list scrolls
        library.annotations.highlight_quote(article_id, quote)
    window.events.highlights_changed.emit(article_id)
    window.sidebar.select_highlight(highlight.id, emit=True)  # its editor open: the widest the sidebar gets
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.splitter.width() <= 800)

    library_width, reading_width, sidebar_width = window.splitter.sizes()
    assert reading_width >= 0.4 * window.splitter.width()  # was 165 px of 800
    assert library_width >= 180 and sidebar_width >= 200  # the side panes gave up width, and stay usable
    delete = window.sidebar.editor().findChild(QPushButton, "delete_highlight")
    assert delete.width() >= delete.sizeHint().width()  # the highlight's editor still fits its card
    window.apply_appearance()  # and so it does with the style sheet's frames and paddings
    qtbot.waitUntil(lambda: delete.width() >= delete.sizeHint().width())
    card = window.sidebar.editor()
    assert delete.mapTo(card, delete.rect().topRight()).x() < card.width() - 4  # inside its card's frame

    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.splitter.width() > 1200)
    assert window.splitter.sizes()[1] > window.splitter.width() / 2  # wide again: the article takes the room


def _edit_field_width(combo) -> int:
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_the_library_choices_show_whole_at_800_and_at_1280(make_window, library, qtbot, size):
    window = make_window(library)
    window.apply_appearance()  # the style sheet's padding is part of what must fit
    window.resize(*size)
    qtbot.waitUntil(lambda: window.splitter.width() <= size[0] and window.isVisible())
    pane = window.library
    assert pane.show_combo.geometry().top() == pane.sort_combo.geometry().top()  # side by side, one row
    assert pane.sort_combo.height() == pane.show_combo.height() <= pane.filter_edit.height() + 4
    for combo in (pane.show_combo, pane.sort_combo):
        for row in range(combo.count()):
            text = combo.itemText(row)
            assert combo.fontMetrics().horizontalAdvance(text) <= _edit_field_width(combo), \
                f"{combo.objectName()}: {text!r} is clipped at {size}"
            assert combo.itemData(row, Qt.ItemDataRole.ToolTipRole)  # the short label is explained


def test_archiving_says_so_in_the_status_bar_as_deleting_does(make_window, library, qtbot):
    window = make_window(library)
    window.actions.toggle_archived.trigger()
    assert window.status.currentMessage() == "Archived 1 article (Ctrl+Z brings it back)."

    window.library.show_combo.setCurrentIndex(window.library.show_combo.findData("archived"))
    window.library.select_row(0)
    window.actions.toggle_archived.trigger()  # Unarchive
    assert window.status.currentMessage() == "Moved 1 article back to the inbox (Ctrl+Z archives it again)."

    window.library.show_combo.setCurrentIndex(window.library.show_combo.findData("inbox"))
    window.library.list_view.selectAll()
    count = window.library.model.rowCount()
    window.actions.toggle_archived.trigger()
    assert window.status.currentMessage() == f"Archived {count} articles (Ctrl+Z brings them back)."
    window.actions.undo.trigger()
    assert window.library.model.rowCount() == count  # as the message says


def test_an_archive_that_fails_leaves_its_reason_in_the_status_bar(make_window, library, monkeypatch):
    from reader.domain.errors import ReaderError

    window = make_window(library)

    def locked(*_args):
        raise ReaderError("the library is locked")

    monkeypatch.setattr(library.articles, "set_archived", locked)
    window.actions.toggle_archived.trigger()
    assert window.status.currentMessage() == "Archive failed: the library is locked"


def test_at_800_the_library_lists_never_scroll_sideways(make_window, library, qtbot):
    window = make_window(library)
    window.apply_appearance()  # the style sheet's frame takes its share of the width
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.splitter.width() <= 800)
    window.search.searcher.delay_ms = 0
    with qtbot.waitSignal(window.search.searcher.results_ready, timeout=10000):
        window.search_field.setText("paragraph")
    results = window.library.search_panel.list_view
    assert results.model().rowCount() > 0
    for view in (results, window.library.list_view):
        view.doItemsLayout()  # now, not at the next turn of the event loop
        assert view.viewport().width() < 200
        assert view.horizontalScrollBar().maximum() == 0, f"{view.objectName()} scrolls sideways"
