"""The Article menu on an open library: mark read, archive, edit details, open the source, delete."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from reader.domain.models import Article
from reader.domain.wording import counted
from reader.services import Services
from reader.services.fetch import is_url
from reader.ui import commands
from reader.ui.controller import ReaderController
from reader.ui.dialogs import EditArticleDialog


class ArticleMenu:
    """Carries out the Article menu's actions (and Delete in the list) as undoable commands.

    The window builds it once the library is open, after its first paint: the commands, the
    details dialog and web fetching load then, not before the window shows.
    """

    def __init__(self, window, services: Services, controller: ReaderController) -> None:
        self._window, self._services, self._controller = window, services, controller
        actions = window.actions
        actions.toggle_read.triggered.connect(lambda: self.toggle_flag("is_read"))
        actions.toggle_archived.triggered.connect(lambda: self.toggle_flag("archived"))
        actions.edit_details.triggered.connect(self.edit_details)
        actions.open_source.triggered.connect(self.open_source)
        actions.delete_articles.triggered.connect(self.delete_selected)
        controller.article_shown.connect(self.follow)

    def toggle_flag(self, field: str) -> None:
        """Mark the selected articles read (or archived), or all of them back when all are."""
        ids = self._window.library.selected_article_ids()
        rows = self._services.articles.rows(ids)
        if not rows:
            return
        values = {article_id: getattr(article, field) for article_id, article in rows.items()}
        new = not all(values.values())
        # say what changed and how to have it back, as archiving and deleting do
        some, it = _articles(len(values))
        if field == "is_read":
            text = "Mark as read" if new else "Mark as unread"
            told = (f"Marked {some} as read (Ctrl+Z marks {it} unread again)." if new
                    else f"Marked {some} as unread (Ctrl+Z marks {it} read again).")
        else:
            # the article leaves the list shown: say where it went
            text = "Archive" if new else "Unarchive"
            told = (f"Archived {some} (Ctrl+Z brings {it} back)." if new
                    else f"Moved {some} back to the inbox (Ctrl+Z archives {it} again).")
        self._push(commands.ArticleFlagCommand(self._controller.context, text, field, values, new), told)

    def edit_details(self) -> None:
        article = self._controller.article
        if article is None:
            return
        changes = EditArticleDialog.ask(self._window, article)
        if changes:
            self._controller.push(commands.EditArticleCommand(self._controller.context, article, changes))

    def open_source(self) -> None:
        article = self._controller.article
        if article is not None and is_url(article.url):
            QDesktopServices.openUrl(QUrl(article.url))

    def delete_selected(self) -> None:
        ids = self._window.library.selected_article_ids()
        if ids:
            some, it = _articles(len(ids))
            self._push(commands.DeleteArticlesCommand(self._controller.context, ids,
                                                      self._window.library.current_article_id()),
                       f"Deleted {some} (Ctrl+Z brings {it} back).")

    def _push(self, command: commands.LibraryCommand, told: str) -> None:
        """Carry out `command` and say `told` in the status bar, unless it failed (and said why)."""
        self._controller.push(command)
        if told and not command.failed:
            self._window.status.showMessage(told, 8000)

    def follow(self, article: Article | None) -> None:
        """Enable and name the actions for the article now shown (None: nothing is)."""
        actions = self._window.actions
        for action in (actions.toggle_read, actions.toggle_archived, actions.edit_details, actions.delete_articles):
            action.setEnabled(article is not None)
        actions.open_source.setEnabled(bool(article and is_url(article.url)))
        if article is not None:
            actions.toggle_read.setText("Mark as &Unread" if article.is_read else "Mark as &Read")
            actions.toggle_archived.setText("Un&archive" if article.archived else "&Archive")


def _articles(count: int) -> tuple[str, str]:
    """("1 article", "it") or ("3 articles", "them"), for messages about `count` articles."""
    return counted(count, "article"), "it" if count == 1 else "them"
