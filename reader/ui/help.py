"""The Keyboard Shortcuts help page (Help > Keyboard Shortcuts, F1), made from the window's actions."""

from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QTextBrowser, QVBoxLayout, QWidget

from reader.ui.actions import WindowActions, key_text

# Keys that belong to a pane rather than to an action of the window (none has a menu entry).
PANE_KEYS = (
    ("1\u20135", "Choose the colour (and highlight the selection)"),
    ("N", "Write a note on the selected highlight, or on the article"),
    ("Delete", "Delete the selected highlight, in the sidebar (undo brings it back)"),
    ("Space, Shift+Space", "Page down, up in the article"),
)
LIST_WIDTH = 600  # the list's column of text: most descriptions on one line
SCREEN_SHARE = 0.9  # of the screen's height, at most: the rest is for the title bar and a margin


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


class ShortcutsDialog(QDialog):
    """The shortcut list in a pane that scrolls: as tall as the list, but never taller than the
    screen (a message box grew to the list's 750 px and went off a 600 px screen, unscrollable)."""

    def __init__(self, actions: WindowActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.page = QTextBrowser(objectName="shortcuts_list")
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setHtml(shortcuts_html(actions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, objectName="shortcuts_buttons")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        self._fit_to_screen()

    @classmethod
    def show_for(cls, actions: WindowActions, parent: QWidget) -> None:
        """Show the list over `parent` until it is closed."""
        cls(actions, parent).exec()

    def _fit_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = min(LIST_WIDTH, available.width() - 80)
        # wrapped at a width of its own, the list's height is known before the dialog shows
        self.page.setLineWrapMode(QTextBrowser.LineWrapMode.FixedPixelWidth)
        self.page.setLineWrapColumnOrWidth(width)
        self.page.setMinimumWidth(width + self.page.verticalScrollBar().sizeHint().width())
        around = self.sizeHint().height() - self.page.sizeHint().height()  # margins and the button row
        wanted = round(self.page.document().size().height()) + around
        self.resize(self.sizeHint().width(), min(wanted, round(available.height() * SCREEN_SHARE)))
