"""Selecting text with the mouse or keys and asking for highlights, with hard characters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton
from reading_data import drag, make_article

from reader.domain.models import BlockKind
from reader.ui.offsets import OffsetMap
from reader.ui.reading.colorbar import ColorBar

TRICKY = [
    (BlockKind.HEADING, "Emoji 😀 and families 👨‍👩‍👧 first"),
    (BlockKind.PARAGRAPH, "A family 👨‍👩‍👧‍👦 went to the 𝔐𝔞𝔯𝔨𝔢𝔱 and saw a caf\u00e9 and a cafe\u0301 "
                          "where target words were waiting 👍🏽 patiently."),
    (BlockKind.QUOTE, "Hebrew שלום עולם and Arabic مرحبا بالعالم between latin words 😀 finally."),
]


@pytest.fixture
def tricky(view):
    article = make_article(TRICKY)
    view.set_article(article, [])
    return article


def _requested(qtbot, view, action, expected_text, article, color=None):
    def check(start, end, key):
        return article.text[start:end] == expected_text and (color is None or key == color)

    with qtbot.waitSignal(view.highlight_requested, timeout=1000, check_params_cb=check):
        action()


def test_mouse_selection_after_emoji_snaps_to_the_word(qtbot, view, tricky):
    text = tricky.text
    start = text.index("target") + 2
    end = text.index("words") + 2  # part-way through both words
    drag(qtbot, view, start, end)
    assert view.selected_span() == (text.index("target"), text.index("words") + 5)
    # the visible selection is widened too
    assert view.textCursor().selectedText() == "target words"
    _requested(qtbot, view, lambda: qtbot.keyClick(view, Qt.Key.Key_H), "target words", tricky, "yellow")
    assert not view.textCursor().hasSelection()


def test_mouse_selection_backwards_over_combining_accents(qtbot, view, tricky):
    text = tricky.text
    first = text.index("cafe\u0301")
    drag(qtbot, view, first + 5, first + 1)  # from after the accent back into the word
    assert text[slice(*view.selected_span())] == "cafe\u0301"
    _requested(qtbot, view, lambda: qtbot.keyClick(view, Qt.Key.Key_4), "cafe\u0301", tricky, "pink")


def test_right_to_left_words_slice_the_canonical_text(qtbot, view, tricky):
    text = tricky.text
    word = text.index("עולם")
    drag(qtbot, view, word + 1, word + 3)
    assert text[slice(*view.selected_span())] == "עולם"
    word = text.index("بالعالم")
    drag(qtbot, view, word + 2, word + 5)
    assert text[slice(*view.selected_span())] == "بالعالم"


def test_keyboard_selection_with_shift_arrows(qtbot, view, tricky):
    text = tricky.text
    cursor = view.textCursor()
    # inside the math word, in Qt's UTF-16 positions (𝔐 and the emoji before take 2 each)
    cursor.setPosition(OffsetMap(text).to_qt(text.index("𝔐") + 1))
    view.setTextCursor(cursor)
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().hasSelection()
    assert text[slice(*view.selected_span())] == "𝔐𝔞𝔯𝔨𝔢𝔱"
    _requested(qtbot, view, lambda: qtbot.keyClick(view, Qt.Key.Key_2), "𝔐𝔞𝔯𝔨𝔢𝔱", tricky, "green")


def test_h_without_a_selection_does_nothing_and_digits_pick_the_colour(qtbot, view, tricky):
    with qtbot.assertNotEmitted(view.highlight_requested):
        qtbot.keyClick(view, Qt.Key.Key_H)
    with qtbot.waitSignal(view.current_color_changed, check_params_cb=lambda c: c == "blue"):
        qtbot.keyClick(view, Qt.Key.Key_3)
    assert view.current_color() == "blue"
    with qtbot.assertNotEmitted(view.current_color_changed):
        view.set_current_color("purple")
        qtbot.keyClick(view, Qt.Key.Key_5)  # already purple: no change to report
    assert view.current_color() == "purple"
    text = tricky.text
    drag(qtbot, view, text.index("patiently") + 1, text.index("patiently") + 3)
    _requested(qtbot, view, lambda: qtbot.keyClick(view, Qt.Key.Key_H), "patiently", tricky, "purple")


def test_unknown_colour_is_refused(view):
    from reader.domain.colors import UnknownColorError

    with pytest.raises(UnknownColorError):
        view.set_current_color("chartreuse")


def test_colour_bar_appears_on_selection_and_highlights_in_its_colour(qtbot, view, tricky):
    bar = view.findChild(ColorBar, "color_bar")
    assert not bar.isVisible()
    text = tricky.text
    drag(qtbot, view, text.index("waiting") + 1, text.index("waiting") + 4)
    assert bar.isVisible()
    pink = bar.findChild(QToolButton, "color_bar_pink")
    with qtbot.waitSignal(view.current_color_changed, check_params_cb=lambda c: c == "pink"):
        _requested(qtbot, view, lambda: qtbot.mouseClick(pink, Qt.MouseButton.LeftButton), "waiting", tricky,
                   "pink")
    assert not bar.isVisible()
    assert not view.textCursor().hasSelection()
    assert view.current_color() == "pink"


def test_context_menu_highlights_the_selection(qtbot, pane, tricky):
    view = pane.view
    text = tricky.text
    drag(qtbot, view, text.index("Arabic") + 1, text.index("Arabic") + 3)
    position = view.cursorRect().center()
    menu = view.context_menu(position)
    _requested(qtbot, view, menu.findChild(QAction, "action_highlight").trigger, "Arabic", tricky,
               "yellow")
    drag(qtbot, view, text.index("Arabic") + 1, text.index("Arabic") + 3)
    menu = view.context_menu(position)
    _requested(qtbot, view, menu.findChild(QAction, "action_highlight_blue").trigger, "Arabic",
               tricky, "blue")
    menu.findChild(QAction, "action_find").trigger()
    assert pane.find_bar.isVisible()


def test_a_very_long_paragraph_keeps_offsets_right(qtbot, view):
    words = " ".join(f"w{i}" for i in range(20_000))
    article = make_article([(BlockKind.PARAGRAPH, "😀 " + words + " needle 👍🏽 end")])
    view.set_article(article, [])
    text = article.text
    target = text.index("needle")
    view.scroll_to_offset(target)
    drag(qtbot, view, target + 1, target + 3)
    assert view.selected_span() == (target, target + len("needle"))
