"""Paints highlight cards (colour stripe, quote, note, tags) and hosts the inline editor."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.domain.models import AnchorState, Highlight
from reader.ui.sidebar.editor import HighlightEditor
from reader.ui.sidebar.model import HighlightRole
from reader.ui.text_lines import wrap_lines
from reader.ui.theme import Theme

_PAD, _STRIPE, _GAP, _MARGIN = 10, 4, 4, 4
QUOTE_LINES, NOTE_LINES = 4, 3
MIN_CARD_WIDTH = 120


class HighlightDelegate(QStyledItemDelegate):
    """Card-like rows of varying height; the selected row shows a HighlightEditor instead.

    Signals:
        editor_created(HighlightEditor): wire the editor's signals when it appears.
    """

    editor_created = Signal(object)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._editor: HighlightEditor | None = None
        self._editor_index: QPersistentModelIndex | None = None

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._editor is not None:
            self._editor.set_theme(theme)

    # --- layout --------------------------------------------------------------------------
    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        quote = QFont(base)
        note = QFont(base)
        note.setPointSizeF(base.pointSizeF() * 0.95)
        tags = QFont(base)
        tags.setPointSizeF(base.pointSizeF() * 0.88)
        return quote, note, tags

    def _lines(self, option: QStyleOptionViewItem, highlight: Highlight):
        quote_font, note_font, tag_font = self._fonts(option.font)
        width = option.rect.width() - 2 * _PAD - _STRIPE - 2 * _MARGIN
        header = ["Needs review"] if highlight.anchor_state is AnchorState.ORPHAN else []
        quote = wrap_lines(f"\u201c{highlight.quote}\u201d", quote_font, width, QUOTE_LINES)
        note = wrap_lines(highlight.note, note_font, width, NOTE_LINES)
        tags = wrap_lines(" ".join("#" + t for t in highlight.tags), tag_font, width, 2)
        return (header, tag_font), (quote, quote_font), (note, note_font), (tags, tag_font)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        # Cards stretch to the view's width, so their height is measured at that width. The
        # hint's own width only has to stay under the narrowest sidebar's: a fixed 280 made the
        # cards scroll sideways in an 800 px window once the list's scroll bar took its share.
        # (Not option.rect's width: the view passes a rect as wide as the hint.)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        if width < MIN_CARD_WIDTH:
            width = 280  # not laid out yet
        if self._editor is not None and self._editor_index == QPersistentModelIndex(index):
            height = self._editor.heightForWidth(width - 2 * _MARGIN)
            if height <= 0:
                height = self._editor.sizeHint().height()
            return QSize(MIN_CARD_WIDTH, height + 2 * _MARGIN)
        highlight: Highlight | None = index.data(HighlightRole)
        if highlight is None:
            return QSize(MIN_CARD_WIDTH, 0)
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, width, 0)
        height = 2 * _PAD + 2 * _MARGIN
        parts = [p for p in self._lines(sized, highlight) if p[0]]
        for lines, font in parts:
            height += len(lines) * QFontMetrics(font).lineSpacing()
        height += _GAP * max(0, len(parts) - 1)
        return QSize(MIN_CARD_WIDTH, height)

    # --- painting ------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        highlight: Highlight | None = index.data(HighlightRole)
        if highlight is None:
            return
        theme = self._theme
        card = option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(theme.highlights.get(highlight.color, theme.highlights["yellow"]))
        fill.setAlphaF(0.28 if not theme.is_dark else 0.35)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor(theme.accent) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.underline.get(highlight.color, theme.underline["yellow"])))
        painter.drawRoundedRect(QRect(card.left(), card.top(), _STRIPE, card.height()), 2, 2)
        colors = [QColor(theme.underline["pink"]), QColor(theme.text), QColor(theme.muted), QColor(theme.accent)]
        if highlight.anchor_state is AnchorState.ORPHAN:
            colors[1] = QColor(theme.muted)
        x = card.left() + _STRIPE + _PAD
        y = card.top() + _PAD
        width = card.width() - _STRIPE - 2 * _PAD
        sized = QStyleOptionViewItem(option)
        for (lines, font), color in zip(self._lines(sized, highlight), colors):
            if not lines:
                continue
            painter.setFont(font)
            painter.setPen(color)
            spacing = QFontMetrics(font).lineSpacing()
            for line in lines:
                painter.drawText(QRect(x, y, width, spacing), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 line)
                y += spacing
            y += _GAP
        painter.restore()

    # --- the inline editor ---------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = HighlightEditor(self._theme, parent)
        editor.setPalette(parent.palette())
        editor.setBackgroundRole(QPalette.ColorRole.Base)
        self._editor = editor
        self._editor_index = QPersistentModelIndex(index)
        editor.size_changed.connect(self._editor_resized)
        editor.tag_editor.installEventFilter(self)
        self.editor_created.emit(editor)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        highlight = index.data(HighlightRole)
        if isinstance(editor, HighlightEditor) and highlight is not None:
            editor.set_highlight(highlight)

    def setModelData(self, editor, model, index) -> None:
        pass  # the editor's signals become undoable commands; the model is refreshed from the library

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        editor.setGeometry(option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN))

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        if editor is self._editor:
            self._editor = None
            self._editor_index = None
        super().destroyEditor(editor, index)

    def editor(self) -> HighlightEditor | None:
        return self._editor

    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.LayoutRequest:
            self._editor_resized()
        return False

    def _editor_resized(self) -> None:
        if self._editor_index is not None and self._editor_index.isValid():
            index = self._editor_index
            self.sizeHintChanged.emit(index.model().index(index.row(), 0))
