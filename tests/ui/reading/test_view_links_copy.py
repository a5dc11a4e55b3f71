"""Links open in the system browser only; copying gives the canonical text without colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from reading_data import highlight_quote, make_article, point_at

from reader.domain.models import BlockKind, Mark, MarkKind
from reader.ui.offsets import OffsetMap

TEXT = "Read the report 😀 here or the relative page or a script link today. Then some more text."


@pytest.fixture
def opened(monkeypatch):
    calls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: calls.append(url.toString()) or True))
    return calls


@pytest.fixture
def linked(view):
    def mark(word, href):
        return Mark(MarkKind.LINK, TEXT.index(word), TEXT.index(word) + len(word), href)

    article = make_article([(BlockKind.PARAGRAPH, TEXT)], url="https://news.example.org/story/1",
                           marks={0: [mark("report", "https://example.org/report"), mark("relative", "../other"),
                                      mark("script", "javascript:alert(1)")]})
    view.set_article(article, [highlight_quote(article, "report", "yellow")])
    return article


def test_clicking_a_link_opens_the_system_browser_and_keeps_the_article(qtbot, view, linked, opened):
    with qtbot.assertNotEmitted(view.highlight_clicked):  # a highlighted link is a link first
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, TEXT.index("report") + 2))
    assert opened == ["https://example.org/report"]
    assert view.document().toPlainText() == linked.text
    assert view.source() == QUrl()


def test_relative_links_resolve_against_the_article_and_unsafe_ones_never_open(qtbot, view, linked, opened):
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, TEXT.index("relative") + 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(view, TEXT.index("script") + 2))
    assert opened == ["https://news.example.org/other"]
    assert view.open_link("file:///etc/passwd") is False
    assert view.open_link("mailto:someone@example.org") is True
    assert opened[-1] == "mailto:someone@example.org"
    assert view.document().toPlainText() == linked.text


def test_link_menu_opens_and_copies_the_address(qtbot, view, linked, opened):
    menu = view.context_menu(point_at(view, TEXT.index("relative") + 1))
    menu.findChild(QAction, "action_open_link").trigger()
    assert opened == ["https://news.example.org/other"]
    menu.findChild(QAction, "action_copy_link").trigger()
    assert QGuiApplication.clipboard().text() == "https://news.example.org/other"


def test_copy_gives_plain_canonical_text_without_highlight_colours(qtbot, view, linked):
    offsets = OffsetMap(linked.text)
    cursor = view.textCursor()
    cursor.setPosition(offsets.to_qt(TEXT.index("the report")))
    cursor.setPosition(offsets.to_qt(TEXT.index(" or the")), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.formats() == ["text/plain"]
    assert mime.text() == "the report 😀 here"
    assert not mime.hasHtml()


def test_copy_across_blocks_uses_newlines_not_paragraph_separators(qtbot, view):
    article = make_article([(BlockKind.PARAGRAPH, "First\u00e9 block."), (BlockKind.QUOTE, "Second block.")])
    view.set_article(article, [])
    view.selectAll()
    view.copy()
    assert QGuiApplication.clipboard().text() == article.text
    assert "\u2029" not in QGuiApplication.clipboard().text()
