"""The title block above the text: site, title, author, date and reading time.

It is a widget on the view's viewport, not part of the document, so the document's plain
text stays exactly the article's canonical text; the view keeps room for it in the root
frame's top margin and moves it with the scroll bar.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reader.domain.models import Article
from reader.ui.reading.typography import Typography

WORDS_PER_MINUTE = 230


def format_published(published: str | None, locale: QLocale | None = None) -> str:
    """An ISO date ("2020-12-24" or "2020-12-24T08:54") as people read it: "24 December 2020"."""
    if not published:
        return ""
    try:
        day: date = datetime.fromisoformat(published).date()
    except ValueError:
        return published
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def reading_minutes(text: str) -> int:
    """Minutes to read `text` at WORDS_PER_MINUTE, counting words by their separators (fast)."""
    words = text.count(" ") + text.count("\n") + 1 if text.strip() else 0
    return max(1, round(words / WORDS_PER_MINUTE))


def reading_time_text(minutes: int) -> str:
    """A reading time as the title block says it: "12 min read"; past an hour in hours and
    minutes to the nearest 5 ("1 h 35 min read"); from ten hours on, hours only ("about 91 h read")."""
    if minutes < 60:
        return f"{minutes} min read"
    rounded = 5 * round(minutes / 5)
    if rounded >= 10 * 60:
        return f"about {round(minutes / 60)} h read"
    hours, rest = divmod(rounded, 60)
    return f"{hours} h {rest} min read" if rest else f"{hours} h read"


def site_name(article: Article) -> str:
    """The site to show: the article's own, else the host of its address without "www."."""
    if article.site:
        return article.site
    try:
        host = (urlsplit(article.url).hostname or "") if article.url else ""
    except ValueError:  # an address the importer kept but that does not parse ("http://[oops/a")
        return ""
    return host.removeprefix("www.")


class ArticleHeader(QWidget):
    """Site, title and byline of the open article, laid out for the text column's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_header")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._site = self._label("article_site")
        self._title = self._label("article_title")
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._byline = self._label("article_byline")
        self._rule = QFrame(self)
        self._rule.setObjectName("article_header_rule")
        self._rule.setFixedHeight(1)
        for widget in (self._site, self._title, self._byline):
            layout.addWidget(widget)
        layout.addSpacing(4)
        layout.addWidget(self._rule)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a title with "<b>" in it is text
        label.setWordWrap(True)
        return label

    def set_article(self, article: Article) -> None:
        site = site_name(article)
        self._site.setText(site.upper())
        self._site.setVisible(bool(site))
        self._title.setText(article.title or "Untitled")
        parts = [article.author, format_published(article.published),
                 reading_time_text(reading_minutes(article.text))]
        self._byline.setText("  ·  ".join(part for part in parts if part))

    def apply(self, typography: Typography) -> None:
        """Fonts, colours and spacing of the title block for one appearance."""
        theme = typography.theme
        size = typography.font_size
        site_font = typography.ui_font(0.72, QFont.Weight.DemiBold)
        site_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
        self._site.setFont(site_font)
        title_font = typography.body_font()
        title_font.setPixelSize(round(size * 1.8))
        title_font.setWeight(QFont.Weight.Bold)
        self._title.setFont(title_font)
        self._byline.setFont(typography.ui_font(0.82))
        for label, color in ((self._site, theme.accent), (self._title, theme.text), (self._byline, theme.muted)):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
            palette.setColor(QPalette.ColorRole.Text, QColor(color))
            label.setPalette(palette)
        self._rule.setStyleSheet(f"background: {theme.border}; border: none;")
        layout = self.layout()
        layout.setSpacing(round(size * 0.45))

    def height_for(self, width: int) -> int:
        """The height the header takes at `width` pixels."""
        return self.layout().totalHeightForWidth(width)
