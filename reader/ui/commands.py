"""Undoable commands for every change to highlights, notes, tags and articles (QUndoStack).

Commands hold ids and values, never widgets or rows; each calls a service, then publishes
what changed so the panes refresh. A command whose service call fails (the article was
deleted meanwhile, the library is locked) makes itself obsolete and reports the error.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from reader.domain.errors import ReaderError
from reader.domain.models import Highlight
from reader.services import Services
from reader.services.changes import Changes
from reader.services.errors import NotFoundError
from reader.ui.events import LibraryEvents

NOTE_MERGE_ID = 1001
ARTICLE_NOTE_MERGE_ID = 1002


@dataclass(frozen=True)
class CommandContext:
    """What every command needs: the services, the event adapter and a way to report errors."""

    services: Services
    events: LibraryEvents
    report_error: Callable[[str], None]


class LibraryCommand(QUndoCommand):
    """Runs `apply`/`revert`, publishes their Changes, and turns failures into a message."""

    def __init__(self, context: CommandContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.failed = False

    def apply(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], Changes]) -> None:
        try:
            changes = step()
        except ReaderError as error:
            self.failed = True
            self.setObsolete(True)
            self.context.report_error(f"{self.text()} failed: {error}")
            return
        self.context.events.publish(changes)


class AddHighlightCommand(LibraryCommand):
    def __init__(self, context: CommandContext, article_id: int, start: int, end: int, color: str) -> None:
        super().__init__(context, "Highlight")
        self.article_id, self.start, self.end, self.color = article_id, start, end, color
        self.highlight: Highlight | None = None

    def apply(self) -> Changes:
        annotations = self.context.services.annotations
        if self.highlight is None:
            self.highlight = annotations.highlight_span(self.article_id, self.start, self.end, color=self.color)
        else:
            annotations.restore(self.highlight)
        return Changes.of(highlights_of=[self.article_id], articles=[self.article_id])

    def revert(self) -> Changes:
        assert self.highlight is not None
        self.highlight = self.context.services.annotations.delete(self.highlight.id)
        return Changes.of(highlights_of=[self.article_id], articles=[self.article_id], tags=bool(self.highlight.tags))


class DeleteHighlightCommand(LibraryCommand):
    def __init__(self, context: CommandContext, highlight: Highlight) -> None:
        super().__init__(context, "Delete highlight")
        self.highlight = highlight

    def apply(self) -> Changes:
        self.highlight = self.context.services.annotations.delete(self.highlight.id)
        return Changes.of(highlights_of=[self.highlight.article_id], articles=[self.highlight.article_id],
                          tags=bool(self.highlight.tags))

    def revert(self) -> Changes:
        self.context.services.annotations.restore(self.highlight)
        return Changes.of(highlights_of=[self.highlight.article_id], articles=[self.highlight.article_id],
                          tags=bool(self.highlight.tags))


class ReattachHighlightCommand(LibraryCommand):
    """Put a highlight that needs review onto a passage the user selected."""

    def __init__(self, context: CommandContext, highlight: Highlight, start: int, end: int) -> None:
        super().__init__(context, "Re-attach highlight")
        self.before, self.start, self.end = highlight, start, end

    def apply(self) -> Changes:
        self.context.services.annotations.reattach(self.before.id, self.start, self.end)
        return Changes.of(highlights_of=[self.before.article_id])

    def revert(self) -> Changes:
        self.context.services.annotations.restore_anchor(self.before)
        return Changes.of(highlights_of=[self.before.article_id])


class ChangeHighlightCommand(LibraryCommand):
    """A new colour, note or tag list for one highlight; consecutive note typing merges into one step."""

    _TEXTS = {"color": "Change colour", "note": "Edit note", "tags": "Edit highlight tags"}

    def __init__(self, context: CommandContext, highlight: Highlight, field: str, new) -> None:
        super().__init__(context, self._TEXTS[field])
        self.highlight_id, self.article_id, self.field = highlight.id, highlight.article_id, field
        self.old, self.new = getattr(highlight, field), new

    def _set(self, value) -> Changes:
        self.context.services.annotations.update(self.highlight_id, **{self.field: value})
        return Changes.of(highlights_of=[self.article_id], tags=self.field == "tags")

    def apply(self) -> Changes:
        return self._set(self.new)

    def revert(self) -> Changes:
        return self._set(self.old)

    def id(self) -> int:
        return NOTE_MERGE_ID if self.field == "note" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeHighlightCommand) or other.highlight_id != self.highlight_id:
            return False
        self.new = other.new
        return True


class ArticleNoteCommand(LibraryCommand):
    def __init__(self, context: CommandContext, article_id: int, old: str, new: str) -> None:
        super().__init__(context, "Edit article note")
        self.article_id, self.old, self.new = article_id, old, new

    def apply(self) -> Changes:
        self.context.services.articles.set_note(self.article_id, self.new)
        return Changes.of(articles=[self.article_id])

    def revert(self) -> Changes:
        self.context.services.articles.set_note(self.article_id, self.old)
        return Changes.of(articles=[self.article_id])

    def id(self) -> int:
        return ARTICLE_NOTE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ArticleNoteCommand) or other.article_id != self.article_id:
            return False
        self.new = other.new
        return True


class ArticleTagsCommand(LibraryCommand):
    def __init__(self, context: CommandContext, article_id: int, old: list[str], new: list[str]) -> None:
        super().__init__(context, "Edit article tags")
        self.article_id, self.old, self.new = article_id, list(old), list(new)

    def apply(self) -> Changes:
        self.context.services.articles.set_tags(self.article_id, self.new)
        return Changes.of(articles=[self.article_id], tags=True, listing=True)

    def revert(self) -> Changes:
        self.context.services.articles.set_tags(self.article_id, self.old)
        return Changes.of(articles=[self.article_id], tags=True, listing=True)


class ArticleFlagCommand(LibraryCommand):
    """Mark articles read or unread, archive or unarchive them."""

    def __init__(self, context: CommandContext, text: str, field: str, values: dict[int, bool], new: bool) -> None:
        super().__init__(context, text)
        self.field, self.old, self.new = field, dict(values), new

    def _set(self, values: dict[int, bool]) -> Changes:
        articles = self.context.services.articles
        setter = articles.set_read if self.field == "is_read" else articles.set_archived
        for article_id, value in values.items():
            with contextlib.suppress(NotFoundError):  # deleted meanwhile (from the command line)
                setter(article_id, value)
        return Changes.of(articles=values.keys(), listing=True)

    def apply(self) -> Changes:
        return self._set(dict.fromkeys(self.old, self.new))

    def revert(self) -> Changes:
        return self._set(self.old)


class DeleteArticlesCommand(LibraryCommand):
    """Delete articles; undo brings them back whole, and `reopen_id` (the one being read, or
    the first) is the article to open again then."""

    def __init__(self, context: CommandContext, article_ids: list[int], open_id: int = 0) -> None:
        count = len(article_ids)
        super().__init__(context, "Delete article" if count == 1 else f"Delete {count} articles")
        self.article_ids = list(article_ids)
        self.reopen_id = open_id if open_id in article_ids else self.article_ids[0]
        self.records: list = []

    def apply(self) -> Changes:
        self.records = []
        for article_id in self.article_ids:
            with contextlib.suppress(NotFoundError):  # already gone (deleted from the command line)
                self.records.append(self.context.services.articles.delete(article_id))
        return Changes.of(removed=self.article_ids, tags=True)

    def revert(self) -> Changes:
        for record in self.records:
            self.context.services.articles.restore(record)
        return Changes.of(added=self.article_ids, tags=True)


class EditArticleCommand(LibraryCommand):
    """Corrections to title, author, published date or site; undo also forgets them as corrections."""

    def __init__(self, context: CommandContext, article, new: dict) -> None:
        super().__init__(context, "Edit article details")
        self.article_id, self.new = article.id, dict(new)
        self.old = {name: getattr(article, name) for name in new}
        self.edited_before = article.edited_fields

    def apply(self) -> Changes:
        self.context.services.articles.edit(self.article_id, **self.new)
        return Changes.of(articles=[self.article_id], listing=True)

    def revert(self) -> Changes:
        self.context.services.articles.restore_metadata(self.article_id, self.old, self.edited_before)
        return Changes.of(articles=[self.article_id], listing=True)
