"""What the reader does in the reading view: select, press keys, click, hover, right-click, copy."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QScrollBar, QToolTip

from reader.domain.colors import PALETTE, color_title
from reader.ui.reading.hits import HighlightChooser, tooltip_html
from reader.ui.reading.menu import build_context_menu

_COLOR_KEYS = {Qt.Key.Key_1 + index: key for index, key in enumerate(PALETTE)}


class ReadingInteraction:
    """Input handling of ReadingView (a mixin before QTextBrowser in its bases).

    It turns selections, keys and clicks into the view's signals and never changes the
    article: H and 1-5 ask for highlights, clicks report highlights, the menu offers the rest.
    The view provides the state (`_article`, `_offsets`, `_typography`, `_color_bar`...).
    """

    def request_highlight(self, start: int, end: int, color: str) -> None:
        """Ask the window to highlight `[start, end)` in `color`; the selection goes away."""
        self.highlight_requested.emit(start, end, color)
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self._color_bar.hide()

    def set_color_names(self, names: Mapping[str, str]) -> None:
        """What the user calls each colour (Preferences): the colour bar and the menu show it."""
        self._color_names = dict(names)
        self._color_bar.set_names(names)

    def color_title(self, key: str) -> str:
        """A colour's entry in the context menu: "Yellow", or "Yellow — key point"."""
        return color_title(key, self._color_names)

    def _bar_color_chosen(self, color: str) -> None:
        span = self.selected_span()
        self._choose_color(color)
        if span is not None:
            self.request_highlight(*span, color)

    def _snap_selection(self) -> None:
        """Widen the visible selection to whole words, keeping its direction."""
        span = self.selected_span()
        if span is None:
            return
        cursor = self.textCursor()
        start, end = (self._offsets.to_qt(offset) for offset in span)
        backwards = cursor.position() < cursor.anchor()
        cursor.setPosition(end if backwards else start)
        cursor.setPosition(start if backwards else end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _selection_changed(self) -> None:
        if not self.textCursor().hasSelection():
            self._color_bar.hide()

    def _show_color_bar(self) -> None:
        """Float the colour bar just above the selection, centred on it when it is one line."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        probe = QTextCursor(cursor)
        probe.setPosition(cursor.selectionStart())
        first = self.cursorRect(probe)
        probe.setPosition(cursor.selectionEnd())
        last = self.cursorRect(probe)
        centre = (first.left() + last.left()) // 2 if first.top() == last.top() else first.left()
        bar = self._color_bar
        bar.adjustSize()
        x = min(max(4, centre - bar.width() // 2), self.viewport().width() - bar.width() - 4)
        y = first.top() - bar.height() - 4
        if y < 4:  # no room above: below the selection's last line
            y = last.bottom() + 4
        bar.move(x, y)
        bar.show()
        bar.raise_()

    def event(self, event: QEvent) -> bool:
        # Claim H and 1-5 before window shortcuts when the view would use them.
        if event.type() == QEvent.Type.ShortcutOverride and self._handles_key(event):
            event.accept()
            return True
        return super().event(event)

    def _handles_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() == Qt.Key.Key_H:
            return self.selected_span() is not None
        return event.key() in _COLOR_KEYS

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            # space pages on, shift+space back, as in a browser
            back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.verticalScrollBar().triggerAction(
                QScrollBar.SliderAction.SliderPageStepSub if back else QScrollBar.SliderAction.SliderPageStepAdd)
            event.accept()
            return
        if not self._handles_key(event):
            self._bring_caret_to_reading_position()
            super().keyPressEvent(event)
            return
        span = self.selected_span()
        if event.key() == Qt.Key.Key_H:
            self.request_highlight(*span, self._current_color)
        else:
            color = _COLOR_KEYS[event.key()]
            if span is not None:
                self.request_highlight(*span, color)
            else:
                self._choose_color(color)
        event.accept()

    def _bring_caret_to_reading_position(self) -> None:
        """Put an off-screen caret (at the top after opening, say) where the reader is, so
        shift+arrows select from there instead of jumping back to it."""
        cursor = self.textCursor()
        if self._article is None or cursor.hasSelection():
            return
        if self.viewport().rect().intersects(self.cursorRect(cursor)):
            return
        cursor.setPosition(self._offsets.to_qt(self.reading_position()))
        self.setTextCursor(cursor)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        super().keyReleaseEvent(event)
        if event.key() == Qt.Key.Key_Shift and self.textCursor().hasSelection():
            self._show_color_bar()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        # QTextEdit zooms on ctrl+wheel by changing the widget font behind the window's back;
        # the font size belongs to the window's settings, so the event goes up to it instead.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self._press_pos = event.position().toPoint()
        self._color_bar.hide()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._article is None:
            return
        pos = event.position().toPoint()
        if self.textCursor().hasSelection():
            self._snap_selection()
            self._show_color_bar()
            return
        if (pos - self._press_pos).manhattanLength() >= QApplication.startDragDistance() or self.anchorAt(pos):
            return
        highlights = self.highlights_at(pos)
        if len(highlights) == 1:
            self.highlight_clicked.emit(highlights[0].id)
        elif highlights:
            chosen = HighlightChooser.ask(self, highlights, self.viewport().mapToGlobal(pos),
                                          self._typography.theme.highlights)
            if chosen is not None:
                self.highlight_clicked.emit(chosen)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            text = tooltip_html(self.highlights_at(pos), self._typography.theme.underline)
            if not text and self.anchorAt(pos):
                text = self.resolve_link(self.anchorAt(pos)).toString()
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu for viewport point `pos` (what a right click there shows)."""
        return build_context_menu(self, pos)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt override)
        """Copy the canonical text of the selection, never the painted formats."""
        # The QMimeData must be made by C++: one made in Python is a wrapper that the clipboard
        # destroys after the interpreter has shut down, which crashes at exit. A hidden plain
        # editor with no selection hands out an empty C++ one.
        if self._mime_source is None:
            self._mime_source = QPlainTextEdit(self)
            self._mime_source.setObjectName("reading_mime_source")
            self._mime_source.hide()
        mime = self._mime_source.createMimeDataFromSelection()
        cursor = self.textCursor()
        if self._article is not None and cursor.hasSelection():
            start = self._offsets.from_qt(cursor.selectionStart())
            end = self._offsets.from_qt(cursor.selectionEnd())
            mime.setText(self._article.text[start:end])
        return mime
