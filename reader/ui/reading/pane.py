"""The reading pane: the reading view with its find bar, as the window's centre widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.ui.reading.findbar import FindBar
from reader.ui.reading.view import ReadingView


class ReadingPane(QWidget):
    """The view (`.view`) above a find bar (`.find_bar`, hidden until `open_find()`).

    F3 / Shift+F3 step through matches and Esc closes the bar, anywhere in the pane; Ctrl+F
    belongs to the window, which calls `open_find()`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reading_pane")
        self.view = ReadingView(self)
        self.find_bar = FindBar(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.view.find_requested.connect(self.open_find)
        # Contexts are set after construction: PySide6 ignores a `context=` keyword here.
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((QKeySequence(Qt.Key.Key_F3), self.find_bar.find_next),
                           (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F3), self.find_bar.find_previous)):
            QShortcut(keys, self, slot).setContext(context)
        # Esc is the pane's only while the bar is open, so the window keeps it otherwise.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.find_bar.close_bar)
        self._escape.setContext(context)
        self._escape.setEnabled(False)
        self.find_bar.opened.connect(lambda: self._escape.setEnabled(True))
        self.find_bar.closed.connect(lambda: self._escape.setEnabled(False))

    def open_find(self) -> None:
        """Show the find bar with its field focused; a short selection becomes the query."""
        query = None
        span = self.view.selected_span()
        if span is not None:
            candidate = self.view.article_text()[span[0]:span[1]]
            if "\n" not in candidate and len(candidate) <= 100:
                query = candidate
        self.find_bar.open(query)
