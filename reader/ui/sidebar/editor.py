"""The inline editor of the selected highlight: colour, note (saved as you type), tags, delete."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextOption
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.domain.colors import PALETTE, color_title
from reader.domain.models import AnchorState, Highlight
from reader.ui.tag_editor import TagEditor
from reader.ui.theme import Theme

NOTE_MIN_LINES, NOTE_MAX_LINES = 3, 14


class NoteEdit(QPlainTextEdit):
    """A plain-text note field that grows with its text, up to a limit, then scrolls.

    Typing settles before it is reported: `text_settled` comes `settle_ms` after the last
    keystroke (a note write re-indexes it for search), and `flush()` reports a pending change
    at once, which the window does before any other edit, any reload of the sidebar, switching
    articles, undoing or closing (`set_text_quietly` would drop it).

    Signals:
        text_settled(str): the note's text after the user stopped typing (or was flushed).
    """

    text_settled = Signal(str)
    settle_ms = 400  # tests set 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settle = QTimer(self, singleShot=True)
        self._settle.timeout.connect(self.flush)
        self._pending = False
        self.textChanged.connect(self._typed)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def flush(self) -> None:
        """Report a change still waiting to settle, now."""
        self._settle.stop()
        if self._pending:
            self._pending = False
            self.text_settled.emit(self.toPlainText())

    def set_text_quietly(self, text: str) -> None:
        """Show `text` from the library (no signal); a change still pending is dropped with it."""
        self._settle.stop()
        self._pending = False
        blocked = self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(blocked)
        self._fit()

    def _typed(self) -> None:
        self._pending = True
        if self.settle_ms <= 0:
            self.flush()
        else:
            self._settle.start(self.settle_ms)

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(NOTE_MIN_LINES, min(NOTE_MAX_LINES, int(self.document().size().height())))
        margins = self.contentsMargins()
        height = lines * line + 2 * int(self.document().documentMargin()) + margins.top() + margins.bottom()
        if height != self.height():
            self.setFixedHeight(height)


class HighlightEditor(QFrame):
    """Edits one highlight; emits what the user asks for, and never writes to the library itself.

    Signals:
        color_chosen(str), note_changed(str), tags_edited(list), delete_clicked(),
        reattach_clicked(): put this highlight (one that needs review) on the selected passage,
        size_changed(): the editor wants a different height (note grew, tags wrapped).
    """

    reattach_clicked = Signal()
    color_chosen = Signal(str)
    note_changed = Signal(str)
    tags_edited = Signal(list)
    delete_clicked = Signal()
    size_changed = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlight_editor")
        self.setAutoFillBackground(True)
        self.highlight_id = 0
        self.review_label = QLabel("Needs review: the article changed and this passage could not be found. "
                                   "Select where it belongs in the article, then Re-attach; or delete it.",
                                   objectName="review_label")
        self.review_label.setWordWrap(True)
        self.reattach_button = QPushButton("Re-attach to Selection", objectName="reattach_highlight")
        self.reattach_button.setToolTip("Select the passage in the article first")
        self.reattach_button.clicked.connect(self.reattach_clicked)
        self.quote_label = QLabel(objectName="editor_quote")
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.color_group = QButtonGroup(self)
        self.color_group.setExclusive(True)
        colors = QHBoxLayout()
        colors.setSpacing(6)
        for number, color in enumerate(PALETTE, start=1):
            button = QToolButton(objectName=f"color_{color}")
            button.setCheckable(True)
            button.setFixedSize(QSize(20, 20))
            button.clicked.connect(lambda _=False, c=color: self.color_chosen.emit(c))
            self.color_group.addButton(button)
            colors.addWidget(button)
        colors.addStretch(1)
        colors.addWidget(self.reattach_button)
        self.delete_button = QPushButton("Delete", objectName="delete_highlight")
        self.delete_button.setToolTip("Delete this highlight (Delete)")
        self.delete_button.clicked.connect(self.delete_clicked)
        colors.addWidget(self.delete_button)
        self.note_edit = NoteEdit(self)
        self.note_edit.setObjectName("note_editor")
        self.note_edit.setPlaceholderText("Add a note (Markdown)\u2026")
        self.note_edit.text_settled.connect(self.note_changed)
        self.note_edit.document().documentLayout().documentSizeChanged.connect(lambda _s: self.size_changed.emit())
        self.tag_editor = TagEditor(self)
        self.tag_editor.tags_edited.connect(self.tags_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.review_label)
        layout.addWidget(self.quote_label)
        layout.addLayout(colors)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.tag_editor)
        self.set_theme(theme)
        self.set_color_names({})

    def set_color_names(self, names: Mapping[str, str]) -> None:
        """What the user calls each colour, for the colour buttons' tooltips."""
        for number, button in enumerate(self.color_group.buttons(), start=1):
            button.setToolTip(f"{color_title(button.objectName().removeprefix('color_'), names)} ({number})")

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for button in self.color_group.buttons():
            color = button.objectName().removeprefix("color_")
            border = QColor(theme.underline[color]).darker(115).name()
            button.setStyleSheet(
                f"QToolButton {{ background: {theme.highlights[color]}; border: 2px solid {border};"
                f" border-radius: 10px; }} QToolButton:checked {{ border: 3px solid {theme.text}; }}"
                f" QToolButton:focus {{ border-color: {theme.accent}; }}")  # keyboard focus, as elsewhere
        self.review_label.setStyleSheet(f"color: {theme.underline['pink']}; font-weight: 600;")

    def focus_widgets(self) -> list[QWidget]:
        """What Tab reaches in the card, top down (Qt skips the hidden and, of the colours, all
        but the checked one)."""
        return [*self.color_group.buttons(), self.reattach_button, self.delete_button, self.note_edit,
                *self.tag_editor.focus_widgets()]

    def set_highlight(self, highlight: Highlight) -> None:
        """Show `highlight`; the note keeps its cursor when only another field changed."""
        self.highlight_id = highlight.id
        self.quote_label.setText(f"\u201c{highlight.quote}\u201d")
        orphan = highlight.anchor_state is AnchorState.ORPHAN
        self.review_label.setVisible(orphan)
        self.reattach_button.setVisible(orphan)
        for button in self.color_group.buttons():
            button.setChecked(button.objectName() == f"color_{highlight.color}")
        if self.note_edit.toPlainText() != highlight.note:
            self.note_edit.set_text_quietly(highlight.note)
            self.note_edit.moveCursor(self.note_edit.textCursor().MoveOperation.End)
        self.tag_editor.set_tags(list(highlight.tags))
