"""The reading position: reported while scrolling, restored on open, kept across relayouts."""

from __future__ import annotations

import pytest
from reading_data import make_article

from reader.domain.models import BlockKind
from reader.ui.offsets import OffsetMap
from reader.ui.reading.geometry import line_top
from reader.ui.reading.header import ArticleHeader


@pytest.fixture
def long_article():
    paragraphs = [(BlockKind.HEADING, "A long read 😀")]
    for index in range(120):
        emoji = " 👨‍👩‍👧 " if index % 7 == 0 else " "
        paragraphs.append((BlockKind.PARAGRAPH, f"Paragraph {index}{emoji}" + "with some ordinary words " * 15))
    return make_article(paragraphs)


def _line_top(view, offset):
    return line_top(view.document(), OffsetMap(view.article_text()).to_qt(offset))


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.37, 0.8])
def test_scroll_to_offset_then_reading_position_round_trips(view, long_article, fraction):
    view.set_article(long_article, [])
    offset = int(len(long_article.text) * fraction)
    view.scroll_to_offset(offset)
    position = view.reading_position()
    # the start of the very line holding the offset, in code points
    assert position <= offset
    assert _line_top(view, position) == _line_top(view, offset)
    value = view.verticalScrollBar().value()
    view.scroll_to_offset(position)
    assert view.verticalScrollBar().value() == value
    assert view.reading_position() == position


def test_the_top_shows_the_title_block(view, long_article):
    view.set_article(long_article, [], position=0)
    assert view.verticalScrollBar().value() == 0
    assert view.reading_position() == 0
    header = view.findChild(ArticleHeader, "article_header")
    assert header.isVisible() and header.geometry().bottom() < view.viewport().height()


def test_set_article_restores_a_position(view, long_article):
    offset = long_article.text.index("Paragraph 60")
    view.set_article(long_article, [], position=offset)
    assert view.reading_position() == offset  # a paragraph start is a line start


def test_scrolling_reports_the_position(qtbot, view, long_article):
    view.set_article(long_article, [])
    scroll_bar = view.verticalScrollBar()
    with qtbot.waitSignal(view.position_changed, timeout=2000,
                          check_params_cb=lambda offset: offset == view.reading_position() and offset > 0):
        scroll_bar.setValue(scroll_bar.maximum() // 2)
    before = view.reading_position()
    scroll_bar.setValue(scroll_bar.value() + 1)  # one pixel: the same line stays on top
    assert view.reading_position() == before
    with qtbot.assertNotEmitted(view.position_changed, wait=50):
        scroll_bar.setValue(scroll_bar.value() + 1)  # the position did not change: nothing to report


def test_resizing_keeps_the_reading_position(qtbot, pane, long_article):
    view = pane.view
    offset = long_article.text.index("Paragraph 40")
    view.set_article(long_article, [], position=offset)
    pane.resize(520, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 520)
    assert view.reading_position() == offset
    pane.resize(1000, 700)
    qtbot.waitUntil(lambda: view.viewport().width() > 900)
    assert view.reading_position() == offset


def test_the_column_is_a_comfortable_measure(qtbot, pane, long_article):
    view = pane.view
    view.set_article(long_article, [])
    pane.resize(1200, 700)
    qtbot.waitUntil(lambda: view.viewport().width() > 1100)
    frame = view.document().rootFrame().frameFormat()
    column = view.viewport().width() - frame.leftMargin() - frame.rightMargin()
    block = view.document().findBlock(OffsetMap(long_article.text).to_qt(long_article.text.index("Paragraph 3")))
    longest = max(block.layout().lineAt(i).textLength() for i in range(block.layout().lineCount() - 1))
    assert 60 <= longest <= 80  # characters per full line
    assert abs(frame.leftMargin() - frame.rightMargin()) < 1  # centred
    pane.resize(420, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 420)
    frame = view.document().rootFrame().frameFormat()
    assert frame.leftMargin() >= 20  # narrow panes keep a margin
    assert column > 0


def test_a_position_set_before_the_view_is_shown_holds_once_it_is(qtbot, long_article):
    from reader.ui.reading import ReadingPane

    pane = ReadingPane()
    qtbot.addWidget(pane)
    offset = long_article.text.index("Paragraph 50")
    pane.view.set_article(long_article, [], position=offset)
    pane.resize(700, 500)
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.view.reading_position() == offset


def test_keyboard_selection_starts_where_the_reader_is(qtbot, view, long_article):
    from PySide6.QtCore import Qt

    offset = long_article.text.index("Paragraph 70")
    view.set_article(long_article, [], position=offset)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == (offset, offset + len("Paragraph"))
    assert view.reading_position() == offset  # no jump back to the top


def test_space_pages_down_and_shift_space_back(qtbot, view, long_article):
    from PySide6.QtCore import Qt

    view.set_article(long_article, [])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    moved = view.verticalScrollBar().value()
    assert moved >= view.viewport().height() * 0.8
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert view.verticalScrollBar().value() == 0
