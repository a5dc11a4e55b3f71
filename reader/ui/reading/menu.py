"""The reading view's context menu: highlight the selection, change or delete a highlight, links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.domain.colors import PALETTE
from reader.ui.reading.hits import short_quote, swatch_icon

if TYPE_CHECKING:
    from reader.domain.models import Highlight
    from reader.ui.reading.view import ReadingView


def _action(menu: QMenu, name: str, text: str, slot, icon=None, shortcut: str = "") -> QAction:
    # The key is a hint after a tab, not a QAction shortcut: the view and the window handle
    # the keys themselves, and a second owner would make them ambiguous.
    label = f"{text}\t{QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)}" if shortcut else text
    action = QAction(label, menu)
    action.setObjectName(name)
    if icon is not None:
        action.setIcon(icon)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_context_menu(view: ReadingView, pos: QPoint) -> QMenu:
    """The menu for a right click at viewport point `pos`; actions are named for tests.

    Entries are in title case, as the menu bar's (its Find in Article… is this menu's too).
    """
    menu = QMenu(view)
    menu.setObjectName("reading_menu")
    span = view.selected_span()
    fill = view.typography.fill
    if span is not None:
        start, end = span
        current = view.current_color()
        _action(menu, "action_highlight", "Highlight", lambda: view.request_highlight(start, end, current),
                swatch_icon(fill(current)), "H")
        colours = menu.addMenu("Highlight in")
        colours.setObjectName("menu_highlight_in")
        for number, key in enumerate(PALETTE, start=1):
            _action(colours, f"action_highlight_{key}", view.color_title(key),
                    lambda _=False, key=key: view.request_highlight(start, end, key), swatch_icon(fill(key)),
                    str(number))
        menu.addSeparator()
        _action(menu, "action_copy", "Copy", view.copy, shortcut="Ctrl+C")
    highlights = view.highlights_at(pos)
    if highlights:
        menu.addSeparator()
        if len(highlights) == 1:
            _highlight_actions(menu, view, highlights[0])
        else:
            for highlight in highlights:
                sub = menu.addMenu(swatch_icon(fill(highlight.color)), short_quote(highlight, 36))
                sub.setObjectName(f"menu_highlight_{highlight.id}")
                _highlight_actions(sub, view, highlight)
    href = view.anchorAt(pos)
    if href:
        menu.addSeparator()
        _action(menu, "action_open_link", "Open Link in Browser", lambda: view.open_link(href))
        _action(menu, "action_copy_link", "Copy Link Address",
                lambda: QGuiApplication.clipboard().setText(view.resolve_link(href).toString()))
    menu.addSeparator()
    _action(menu, "action_select_all", "Select All", view.selectAll, shortcut="Ctrl+A")
    _action(menu, "action_find", "Find in Article…", view.find_requested.emit, shortcut="Ctrl+F")
    return menu


def _highlight_actions(menu: QMenu, view: ReadingView, highlight: Highlight) -> None:
    fill = view.typography.fill
    hid = highlight.id
    _action(menu, f"action_show_highlight_{hid}", "Show Note", lambda: view.highlight_clicked.emit(hid))
    colours = menu.addMenu("Colour")
    colours.setObjectName(f"menu_recolor_{hid}")
    for key in PALETTE:
        action = _action(colours, f"action_recolor_{hid}_{key}", view.color_title(key),
                         lambda _=False, key=key: view.highlight_color_change_requested.emit(hid, key),
                         swatch_icon(fill(key)))
        action.setCheckable(True)
        action.setChecked(key == highlight.color)
    _action(menu, f"action_delete_highlight_{hid}", "Delete Highlight",
            lambda: view.highlight_delete_requested.emit(hid))
