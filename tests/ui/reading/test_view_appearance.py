"""The title block, the empty state, themes and font size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel
from reading_data import highlight_quote, make_article

from reader.domain.models import BlockKind
from reader.ui.offsets import OffsetMap
from reader.ui.reading.header import (
    WORDS_PER_MINUTE,
    ArticleHeader,
    format_published,
    reading_minutes,
    reading_time_text,
    site_name,
)
from reader.ui.theme import THEMES


def _label(view, name):
    return view.findChild(QLabel, name)


def test_title_block_shows_title_site_author_and_date_outside_the_text(view):
    article = make_article(text="Some words of text.", title="A <b>bold</b> title", author="Jo Writer",
                           site="", url="https://www.example.com/x", published="2020-12-24T08:54")
    view.set_article(article, [])
    assert _label(view, "article_title").text() == "A <b>bold</b> title"  # plain text, not markup
    assert _label(view, "article_site").text() == "EXAMPLE.COM"
    byline = _label(view, "article_byline").text()
    assert "Jo Writer" in byline and "24 December 2020" in byline and "1 min read" in byline
    assert view.document().toPlainText() == article.text
    # the text starts below the title block
    assert view.document().rootFrame().frameFormat().topMargin() > _label(view, "article_title").height()


def test_header_helpers():
    assert format_published(None) == ""
    assert format_published("not a date") == "not a date"
    assert reading_minutes("word " * 460) == 2
    assert reading_minutes("") == 1
    assert site_name(make_article(text="x", site="", url="")) == ""


@pytest.mark.parametrize(("minutes", "shown"), [
    (1, "1 min read"), (59, "59 min read"),
    (60, "1 h read"), (62, "1 h read"), (90, "1 h 30 min read"), (93, "1 h 35 min read"),
    (9 * 60 + 55, "9 h 55 min read"), (9 * 60 + 58, "about 10 h read"),
    (5478, "about 91 h read"),  # a huge plain-text file: hours, not "5478 min"
])
def test_long_reading_times_are_told_in_hours(minutes, shown):
    assert reading_time_text(minutes) == shown


def test_a_long_article_shows_its_reading_time_in_hours(view):
    article = make_article(text="word " * (WORDS_PER_MINUTE * 90), title="Long")
    view.set_article(article, [])
    assert _label(view, "article_byline").text().endswith("1 h 30 min read")


def test_empty_state_is_calm(view):
    view.set_article(make_article(text="Hello."), [])
    view.clear_article("Pick an article on the left")
    empty = _label(view, "reading_empty")
    assert empty.isVisible() and empty.text() == "Pick an article on the left"
    assert not view.findChild(ArticleHeader, "article_header").isVisible()
    assert view.document().toPlainText() == "" and view.article() is None
    assert view.reading_position() == 0 and view.selected_span() is None
    view.set_article(make_article(text="Back again."), [])
    assert not empty.isVisible()


def test_themes_recolour_text_and_highlights_and_keep_the_place(qtbot, view):
    paragraphs = [(BlockKind.PARAGRAPH, f"Paragraph {i} " + "plenty of words to wrap the lines " * 8)
                  for i in range(60)]
    article = make_article(paragraphs)
    marked = highlight_quote(article, "Paragraph 30", "green")
    view.set_article(article, [marked], position=marked.start)
    for name in ("dark", "sepia", "light"):
        theme = THEMES[name]
        view.set_appearance(theme, 17)
        assert view.palette().color(QPalette.ColorRole.Base).name() == theme.background
        assert view.reading_position() == marked.start
        block = view.document().findBlock(OffsetMap(article.text).to_qt(marked.start))
        fragment = next(iter(block)).fragment()
        assert fragment.charFormat().background().color().name() == theme.highlights["green"]
    assert len(view.highlights()) == 1


def test_font_size_changes_the_text_and_keeps_the_place(view):
    paragraphs = [(BlockKind.PARAGRAPH, f"Paragraph {i} " + "words " * 60) for i in range(40)]
    article = make_article(paragraphs)
    offset = article.text.index("Paragraph 20")
    view.set_article(article, [], position=offset)
    view.set_appearance(THEMES["light"], 17)
    small_height = view.document().size().height()
    view.set_appearance(THEMES["light"], 24)
    assert view.document().defaultFont().pixelSize() == 24
    assert view.document().size().height() > small_height
    assert view.reading_position() == offset
    view.set_appearance(THEMES["light"], 17, "DejaVu Sans")
    assert view.document().defaultFont().families()[0] == "DejaVu Sans"


def test_ctrl_wheel_leaves_the_font_to_the_window(qtbot, view):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view.set_article(make_article(text="Some words to read."), [])
    size = view.document().defaultFont().pixelSize()
    event = QWheelEvent(QPointF(50, 50), QPointF(view.viewport().mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.document().defaultFont().pixelSize() == size
    assert not event.isAccepted()


def test_a_selection_never_looks_like_a_highlight():
    def distance(one: str, other: str) -> float:
        rgb = [(int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)) for c in (one, other)]
        return sum((a - b) ** 2 for a, b in zip(*rgb)) ** 0.5

    for theme in THEMES.values():
        for color, fill in theme.highlights.items():
            assert distance(theme.selection, fill) >= 40, (theme.name, color)
