"""Find in the article: a bar with a field, the match count and previous/next/close buttons."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.reading.find import MAX_MATCHES, find_all
from reader.ui.reading.typography import Typography

if TYPE_CHECKING:
    from reader.ui.reading.view import ReadingView


class _FindField(QLineEdit):
    """The query field: Enter steps forward, Shift+Enter back, Esc closes the bar."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._bar.find_previous()
            else:
                self._bar.find_next()
            event.accept()
        elif event.key() == Qt.Key.Key_Escape:
            self._bar.close_bar()
            event.accept()
        else:
            super().keyPressEvent(event)


class FindBar(QFrame):
    """Finds a phrase in the view's article and steps through the matches.

    Matching forgives case, spacing and typographic quotes and dashes (reader.ui.reading.find);
    the view marks the matches with ExtraSelections, so highlights are never touched.

    Signals:
        opened(): the bar was shown.
        closed(): the bar was closed (Esc, the close button); the view has the focus again.
    """

    opened = Signal()
    closed = Signal()

    def __init__(self, view: ReadingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        self.field = _FindField(self)
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText("Find in article")
        self.field.setAccessibleName("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("find_count")
        self.count_label.setMinimumWidth(90)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        for name, text, tip, slot in (
            ("find_previous", "↑", "Previous match (Shift+F3)", self.find_previous),
            ("find_next", "↓", "Next match (F3)", self.find_next),
            ("find_close", "✕", "Close (Esc)", self.close_bar),
        ):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        view.article_changed.connect(self._article_changed)
        view.appearance_changed.connect(lambda: self.apply(view.typography))
        self.apply(view.typography)
        self.hide()

    # --- public --------------------------------------------------------------------------
    @property
    def matches(self) -> list[tuple[int, int]]:
        """The matches of the query as code-point spans, in text order."""
        return list(self._matches)

    @property
    def current_index(self) -> int:
        """The index of the current match in `matches`, or -1."""
        return self._current

    def apply(self, typography: Typography) -> None:
        """Colours of the bar for one appearance: a panel under the text with a thin top rule."""
        theme = typography.theme
        self.setStyleSheet(
            f"QFrame#find_bar {{ background: {theme.panel}; border: none; border-top: 1px solid {theme.border}; }}"
            f"QLineEdit#find_field {{ background: {theme.background}; color: {theme.text};"
            f" border: 1px solid {theme.border}; border-radius: 5px; padding: 3px 6px;"
            f" selection-background-color: {theme.selection}; selection-color: {theme.text}; }}"
            f"QLabel#find_count {{ color: {theme.muted}; }}"
            f"QToolButton {{ color: {theme.text}; border: 1px solid transparent; border-radius: 5px;"
            f" padding: 1px 5px; }}"
            f"QToolButton:hover {{ background: {theme.border}; }}"
            f"QToolButton:focus {{ border-color: {theme.accent}; }}"  # keyboard focus, as elsewhere
        )

    def open(self, query: str | None = None) -> None:
        """Show the bar with the field focused and selected, optionally with a new query."""
        self.show()
        self.opened.emit()
        if query is not None and query != self.field.text():
            self.field.setText(query)
        elif self.field.text():
            self._search(self.field.text())
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def close_bar(self) -> None:
        """Hide the bar, take the marks away and give the focus back to the text."""
        self.hide()
        self._view.clear_find_matches()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    # --- internals -----------------------------------------------------------------------
    def _step(self, direction: int) -> None:
        if self.isHidden():
            self.open()
            if direction > 0 and self._current >= 0:
                return  # opening already moved to the first match after the reading position
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        self._show()

    def _search(self, query: str) -> None:
        text = self._view.article_text()
        self._matches = find_all(text, query) if not self.isHidden() else []
        if self._matches:
            starts = [start for start, _ in self._matches]
            self._current = bisect.bisect_left(starts, self._view.reading_position()) % len(self._matches)
        else:
            self._current = -1
        self._show()

    def _show(self) -> None:
        if self._matches:
            more = "+" if len(self._matches) >= MAX_MATCHES else ""
            self.count_label.setText(f"{self._current + 1} of {len(self._matches)}{more}")
        else:
            self.count_label.setText("No matches" if self.field.text().strip() else "")
        self._view.show_find_matches(self._matches, self._current)

    def _article_changed(self) -> None:
        if not self.isHidden():
            before, current = self._matches, self._current
            self._search(self.field.text())
            if self._matches == before and current >= 0:  # the same text again (a new theme, say)
                self._current = current
                self._show()
        else:
            self._matches, self._current = [], -1
