"""Highlights in the view: clicking, the chooser for overlaps, tooltips, the menu, changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from reading_data import fill_at, highlight_quote, make_article, make_highlight, point_at

from reader.domain.models import AnchorState, BlockKind
from reader.ui.reading.hits import HighlightChooser
from reader.ui.theme import THEMES

BLOCKS = [(BlockKind.PARAGRAPH, "Rockets 🚀 landed near the embassy on Sunday, officials said."),
          (BlockKind.PARAGRAPH, "The committee met on Wednesday to agree on a range of options.")]


@pytest.fixture
def article():
    return make_article(BLOCKS)


@pytest.fixture
def shown(view, article):
    highlights = [
        highlight_quote(article, "landed near the embassy", "yellow", highlight_id=1, note="Where exactly?",
                        tags=("iraq", "places")),
        highlight_quote(article, "the embassy on Sunday", "blue", highlight_id=2, note="A <b>second</b> note"),
        highlight_quote(article, "committee", "green", highlight_id=3),
    ]
    view.set_article(article, highlights)
    return highlights


def _click(qtbot, view, offset):
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, offset))


def test_clicking_a_highlight_reports_its_id(qtbot, view, article, shown):
    with qtbot.waitSignal(view.highlight_clicked, check_params_cb=lambda i: i == 3):
        _click(qtbot, view, article.text.index("committee") + 3)
    with qtbot.assertNotEmitted(view.highlight_clicked):
        _click(qtbot, view, article.text.index("Wednesday") + 2)


def test_clicks_at_the_edges_of_a_highlight_after_an_emoji(qtbot, view, article, shown):
    # "landed" comes after 🚀 (two UTF-16 units): an offset conversion that slips by one shows here
    start = article.text.index("landed")
    assert [h.id for h in view.highlights_at(point_at(view, start))] == [1]
    assert [h.id for h in view.highlights_at(point_at(view, start - 1))] == []  # the space before it
    last = article.text.index("Sunday") + len("Sunday") - 1
    assert [h.id for h in view.highlights_at(point_at(view, last))] == [2]
    assert [h.id for h in view.highlights_at(point_at(view, last + 1))] == []  # the comma after it


def test_clicking_where_highlights_overlap_asks_which(qtbot, view, article, shown, monkeypatch):
    offered = []

    def choose(parent, highlights, global_pos, fills):
        offered.append([h.id for h in highlights])
        return 1

    monkeypatch.setattr(HighlightChooser, "ask", classmethod(lambda cls, *args: choose(*args)))
    with qtbot.waitSignal(view.highlight_clicked, check_params_cb=lambda i: i == 1):
        _click(qtbot, view, article.text.index("embassy") + 2)
    assert offered == [[2, 1]]  # the later one is on top
    monkeypatch.setattr(HighlightChooser, "ask", classmethod(lambda cls, *args: None))
    with qtbot.assertNotEmitted(view.highlight_clicked):
        _click(qtbot, view, article.text.index("embassy") + 2)


def test_hovering_a_highlight_shows_its_note_and_tags(qtbot, view, article, shown):
    pos = point_at(view, article.text.index("landed") + 2)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    tip = QToolTip.text()
    assert "Where exactly?" in tip and "#iraq" in tip and "#places" in tip
    pos = point_at(view, article.text.index("embassy") + 2)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    tip = QToolTip.text()
    assert "Where exactly?" in tip and "A &lt;b&gt;second&lt;/b&gt; note" in tip  # both, and escaped
    QToolTip.hideText()


def test_context_menu_on_a_highlight_asks_to_recolour_or_delete(qtbot, view, article, shown):
    menu = view.context_menu(point_at(view, article.text.index("committee") + 1))
    recolour = menu.findChild(QAction, "action_recolor_3_purple")
    assert menu.findChild(QAction, "action_recolor_3_green").isChecked()
    with qtbot.waitSignal(view.highlight_color_change_requested, check_params_cb=lambda i, c: (i, c) == (3, "purple")):
        recolour.trigger()
    with qtbot.waitSignal(view.highlight_delete_requested, check_params_cb=lambda i: i == 3):
        menu.findChild(QAction, "action_delete_highlight_3").trigger()
    with qtbot.waitSignal(view.highlight_clicked, check_params_cb=lambda i: i == 3):
        menu.findChild(QAction, "action_show_highlight_3").trigger()
    # where two overlap, each gets its own submenu
    menu = view.context_menu(point_at(view, article.text.index("embassy") + 1))
    assert menu.findChild(QAction, "action_delete_highlight_1") is not None
    assert menu.findChild(QAction, "action_delete_highlight_2") is not None
    assert menu.findChild(QAction, "action_highlight") is None  # no selection, nothing to highlight


def test_upsert_and_remove_repaint_through_the_view(qtbot, view, article, shown):
    fills = THEMES["light"].highlights
    offset = article.text.index("options")
    assert view.highlights_at(point_at(view, offset)) == []
    new = highlight_quote(article, "range of options", "pink", highlight_id=7)
    view.upsert_highlight(new)
    assert [h.id for h in view.highlights_at(point_at(view, offset))] == [7]
    assert fill_at(view.document(), offset) == fills["pink"]
    view.upsert_highlight(make_highlight(article, new.start, new.end, "green", highlight_id=7))
    assert fill_at(view.document(), offset) == fills["green"]
    view.remove_highlight(7)
    assert view.highlights_at(point_at(view, offset)) == []
    assert fill_at(view.document(), offset) is None
    other_article = make_highlight(make_article(BLOCKS, article_id=99), new.start, new.end, highlight_id=8)
    view.upsert_highlight(other_article)  # not this article's: ignored
    assert view.highlights_at(point_at(view, offset)) == []
    view.set_highlights([make_highlight(article, new.start, new.end, highlight_id=9, state=AnchorState.ORPHAN)])
    assert view.highlights() == []


def test_focus_highlight_scrolls_to_it_and_flashes_it(qtbot, view):
    paragraphs = [(BlockKind.PARAGRAPH, f"Paragraph {i} " + "filler words go here " * 12) for i in range(80)]
    paragraphs.append((BlockKind.PARAGRAPH, "The very last sentence holds the target."))
    article = make_article(paragraphs)
    target = highlight_quote(article, "the target", "blue", highlight_id=5)
    view.flash_ms = 5000
    view.set_article(article, [target])
    assert view.reading_position() == 0
    assert view.focus_highlight(5)
    assert view.verticalScrollBar().value() > 0
    top = view.cursorRect(view.cursorForPosition(point_at(view, target.start))).top()
    assert 0 <= top < view.viewport().height()
    flashed = [s for s in view.extraSelections() if s.cursor.selectionStart() != s.cursor.selectionEnd()]
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in flashed] == [(target.start, target.end)]
    view.flash_ms = 0
    view.focus_highlight(5)
    qtbot.waitUntil(lambda: view.extraSelections() == [], timeout=2000)
    assert not view.focus_highlight(404)


def test_a_click_that_drags_or_lands_on_a_link_is_no_highlight_click(qtbot, view, article, shown):
    start = point_at(view, article.text.index("committee") + 1)
    # a drag that selects nothing (straight down by less than a line) is still no click
    moved = start + QPoint(0, QApplication.startDragDistance())  # down, but still on the same line
    assert view.cursorForPosition(moved).position() == view.cursorForPosition(start).position()
    with qtbot.assertNotEmitted(view.highlight_clicked):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), moved)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=moved)
    assert not view.textCursor().hasSelection()
    with qtbot.assertNotEmitted(view.highlight_clicked):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), start + QPoint(40, 0))
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))
