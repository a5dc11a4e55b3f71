"""The Keyboard Shortcuts help page (Help > Keyboard Shortcuts, F1), made from the window's actions."""

from __future__ import annotations

import html

from reader.ui.actions import WindowActions, key_text

# Keys that belong to a pane rather than to an action of the window (none has a menu entry).
PANE_KEYS = (
    ("1\u20135", "Choose the colour (and highlight the selection)"),
    ("N", "Write a note on the selected highlight, or on the article"),
    ("Delete", "Delete the selected highlight, in the sidebar (undo brings it back)"),
    ("Space, Shift+Space", "Page down, up in the article"),
)


def shortcut_rows(actions: WindowActions) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with keys, in menu order, then the panes' own keys."""
    rows = []
    for action, description, also in actions.help:
        keys = key_text(action)
        if keys:
            rows.append((keys, f"{description}; {also}" if also else description))
    return rows + list(PANE_KEYS)


def shortcuts_html(actions: WindowActions) -> str:
    cells = "".join(f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
                    for keys, what in shortcut_rows(actions))
    return f'<table cellspacing="6">{cells}</table>'
