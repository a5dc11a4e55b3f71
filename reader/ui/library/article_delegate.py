"""Paints one library row: the title, then site or author, date and highlight count."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.domain.models import Article
from reader.domain.wording import counted
from reader.ui.library.article_model import ArticleRole

_PAD_X, _PAD_Y, _GAP, _DOT = 14, 9, 3, 7
MIN_ROW_WIDTH = 120


def meta_line(article: Article) -> str:
    """The second line of a row: where it is from, when, and how many highlights it has."""
    parts = [article.site or article.author]
    if article.published:
        parts.append(article.published[:10])
    if article.highlight_count:
        parts.append(counted(article.highlight_count, "highlight"))
    if article.archived:
        parts.append("archived")
    return " \u00b7 ".join(part for part in parts if part)


class ArticleDelegate(QStyledItemDelegate):
    """Two-line rows of fixed height (so the view can use uniform item sizes)."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        meta = QFont(option.font)
        meta.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        return title, meta

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        title, meta = self._fonts(option)
        height = QFontMetrics(title).height() + QFontMetrics(meta).height() + _GAP + 2 * _PAD_Y
        # rows stretch to the view's width; a hint wider than the narrowest pane (200 px, less
        # its frame) only made the list scroll sideways
        return QSize(MIN_ROW_WIDTH, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        article: Article | None = index.data(ArticleRole)
        style = option.widget.style() if option.widget else QApplication.style()
        panel = QStyleOptionViewItem(option)
        self.initStyleOption(panel, index)
        panel.text = ""
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, option.widget)
        if article is None:
            return
        palette = option.palette
        # The style sheet gives selected rows a light tint, so text keeps its normal colour.
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlphaF(0.68)
        title_font, meta_font = self._fonts(option)
        rect = option.rect.adjusted(_PAD_X + _DOT + 6, _PAD_Y, -_PAD_X, -_PAD_Y)
        painter.save()
        if not article.is_read:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            center_y = rect.top() + QFontMetrics(title_font).height() // 2
            painter.drawEllipse(option.rect.left() + _PAD_X - 2, center_y - _DOT // 2, _DOT, _DOT)
        painter.setFont(title_font)
        painter.setPen(text_color)
        title_height = QFontMetrics(title_font).height()
        title = QFontMetrics(title_font).elidedText(article.title or "Untitled", Qt.TextElideMode.ElideRight,
                                                    rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(meta_font)
        painter.setPen(muted)
        meta = QFontMetrics(meta_font).elidedText(meta_line(article), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top() + title_height + _GAP, rect.width(),
                               QFontMetrics(meta_font).height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, meta)
        painter.restore()
