"""Paints a search hit: its kind, the article title, and a snippet with the matches in bold."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.domain.search import ArticleHit, Snippet
from reader.ui.search.results_model import HitRole
from reader.ui.theme import Theme

_PAD, _STRIPE, _SNIPPET_LINES = 10, 4, 3
MIN_ROW_WIDTH = 120


def snippet_html(snippet: Snippet) -> str:
    """The snippet as HTML with each match in bold; the text itself is escaped."""
    return escape(snippet.marked("\x00", "\x01")).replace("\x00", "<b>").replace("\x01", "</b>")


class SearchHitDelegate(QStyledItemDelegate):
    """Rows of a fixed height: a small kind line, the title, then up to three lines of snippet."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.85)
        title = QFont(base)
        title.setWeight(QFont.Weight.DemiBold)
        return small, title, QFont(base)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        small, title, body = self._fonts(option.font)
        height = (QFontMetrics(small).lineSpacing() + QFontMetrics(title).lineSpacing()
                  + _SNIPPET_LINES * QFontMetrics(body).lineSpacing() + 2 * _PAD + 4)
        # as in the article list: rows stretch to the view, a wider hint scrolled it sideways
        return QSize(MIN_ROW_WIDTH, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return
        theme = self._theme
        style = option.widget.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        small, title_font, body = self._fonts(option.font)
        rect = option.rect.adjusted(_PAD + _STRIPE + 4, _PAD, -_PAD, -_PAD)
        painter.save()
        if isinstance(hit, ArticleHit):
            kind, stripe, snippet = "ARTICLE", QColor(theme.border), hit.snippet
            where = " \u00b7 ".join(p for p in (hit.site, hit.author) if p)
        else:
            kind, stripe, snippet = "HIGHLIGHT", QColor(theme.underline.get(hit.color, theme.accent)), hit.snippet
            where = " ".join("#" + tag for tag in hit.tags)
        painter.fillRect(option.rect.left() + _PAD, option.rect.top() + _PAD, _STRIPE,
                         option.rect.height() - 2 * _PAD, stripe)
        y = rect.top()
        painter.setFont(small)
        painter.setPen(QColor(theme.muted))
        line = QFontMetrics(small).lineSpacing()
        label = QFontMetrics(small).elidedText(f"{kind}   {where}", Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.left(), y, rect.width(), line, Qt.AlignmentFlag.AlignLeft, label)
        y += line
        painter.setFont(title_font)
        painter.setPen(QColor(theme.text))
        line = QFontMetrics(title_font).lineSpacing()
        title = QFontMetrics(title_font).elidedText(hit.title or "Untitled", Qt.TextElideMode.ElideRight,
                                                    rect.width())
        painter.drawText(rect.left(), y, rect.width(), line, Qt.AlignmentFlag.AlignLeft, title)
        y += line + 2
        document = QTextDocument()
        document.setDefaultFont(body)
        document.setDocumentMargin(0)
        document.setDefaultStyleSheet(f"body {{ color: {theme.text}; }} b {{ color: {theme.text}; "
                                      f"background: {theme.highlights['yellow']}; }}")
        document.setHtml(f"<body>{snippet_html(snippet)}</body>")
        document.setTextWidth(rect.width())
        height = min(document.size().height(), _SNIPPET_LINES * QFontMetrics(body).lineSpacing())
        painter.translate(rect.left(), y)
        document.drawContents(painter, QRectF(0, 0, rect.width(), height))
        painter.restore()
