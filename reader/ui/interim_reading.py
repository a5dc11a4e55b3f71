"""A placeholder reading pane with the real pane's interface, until reader.ui.reading lands."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reader.domain.models import Article, Highlight
from reader.ui.theme import Theme


class ReadingView(QTextBrowser):
    """Plain text only; emits the same signals as the real view."""

    highlight_requested = Signal(int, int, str)
    highlight_clicked = Signal(int)
    current_color_changed = Signal(str)
    position_changed = Signal(int)
    highlight_color_change_requested = Signal(int, str)
    highlight_delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reading_view")
        self._color = "yellow"
        self._text = ""

    def set_article(self, article: Article, highlights, position: int = 0) -> None:
        self._text = article.text
        self.setPlainText(article.text)

    def clear_article(self, message: str = "") -> None:
        self._text = ""
        self.setPlainText(message)

    def set_highlights(self, highlights) -> None:
        pass

    def upsert_highlight(self, highlight: Highlight) -> None:
        pass

    def remove_highlight(self, highlight_id: int) -> None:
        pass

    def focus_highlight(self, highlight_id: int) -> None:
        pass

    def scroll_to_offset(self, offset: int, flash_length: int = 0) -> None:
        pass

    def reading_position(self) -> int:
        return 0

    def selected_span(self):
        cursor = self.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) if cursor.hasSelection() else None

    def set_appearance(self, theme: Theme, font_size: int, font_family: str = "") -> None:
        pass

    def set_current_color(self, color: str) -> None:
        self._color = color

    def current_color(self) -> str:
        return self._color


class ReadingPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reading_pane")
        self.view = ReadingView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def open_find(self) -> None:
        pass
