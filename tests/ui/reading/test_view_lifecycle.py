"""The view over many articles: old documents go, odd metadata does not break it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from reading_data import make_article

from reader.ui.theme import THEMES


def test_opening_articles_and_changing_themes_keeps_one_document(view):
    for number in range(4):
        view.set_article(make_article(text=f"Article {number} with some words."), [])
    view.set_appearance(THEMES["dark"], 18)
    view.clear_article()
    view.set_article(make_article(text="The last one."), [])
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what deleteLater asked for
    assert view.findChildren(QTextDocument, options=Qt.FindChildOption.FindDirectChildrenOnly) == [view.document()]
    assert view.document().toPlainText() == "The last one."


def test_an_address_that_does_not_parse_leaves_the_site_empty(view):
    article = make_article(text="Body text of the article.", site="", url="http://[oops/a")
    view.set_article(article, [])
    assert view.document().toPlainText() == "Body text of the article."
    assert view.findChild(QLabel, "article_site").text() == ""
