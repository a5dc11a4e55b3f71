"""The glue of the window: pane signals become undoable commands, library events refresh panes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.domain.errors import ReaderError
from reader.domain.models import Article, Highlight
from reader.services import Services
from reader.services.changes import Changes
from reader.services.settings import Settings, SettingsStore
from reader.ui import commands
from reader.ui.commands import CommandContext
from reader.ui.events import LibraryEvents
from reader.ui.short_reads import ShortReads, shows_whole

READ_AT_PROGRESS = 0.92  # scrolled this far, an article counts as read (a short one: see ShortReads)
_HEADER_FIELDS = ("title", "author", "site", "published", "url")


class ReaderController(QObject):
    """Owns the open article and turns what the user does into commands on the undo stack.

    Signals:
        article_shown(object): the Article now shown, or its new metadata (None when nothing is).
        message(str): something to tell the user in the status bar.
    """

    article_shown = Signal(object)
    message = Signal(str)

    def __init__(self, services: Services, events: LibraryEvents, undo_stack: QUndoStack,
                 settings: Settings, settings_store: SettingsStore, library, reading, sidebar) -> None:
        super().__init__()
        self.services, self.events, self.undo_stack = services, events, undo_stack
        self.settings, self.settings_store = settings, settings_store
        self.library, self.reading, self.sidebar = library, reading, sidebar
        self.view = reading.view
        self.article: Article | None = None
        self.highlights: dict[int, Highlight] = {}
        self.context = CommandContext(services, events, self.message.emit)
        self.short_reads = ShortReads(self.view, self)
        self._connect()

    # --- wiring --------------------------------------------------------------------------
    def _connect(self) -> None:
        self.library.current_article_changed.connect(self.open_article)
        view, sidebar, events = self.view, self.sidebar, self.events
        view.highlight_requested.connect(self.add_highlight)
        view.highlight_clicked.connect(lambda hid: sidebar.select_highlight(hid, emit=False))
        view.highlight_color_change_requested.connect(lambda hid, color: self.change_highlight(hid, "color", color))
        view.highlight_delete_requested.connect(self.delete_highlight)
        view.current_color_changed.connect(self._remember_color)
        view.position_changed.connect(self._remember_position)
        sidebar.highlight_selected.connect(view.focus_highlight)
        sidebar.highlight_color_chosen.connect(lambda hid, color: self.change_highlight(hid, "color", color))
        sidebar.highlight_note_changed.connect(lambda hid, note: self.change_highlight(hid, "note", note))
        sidebar.highlight_tags_edited.connect(lambda hid, tags: self.change_highlight(hid, "tags", tags))
        sidebar.highlight_delete_requested.connect(self.delete_highlight)
        sidebar.highlight_reattach_requested.connect(self.reattach_highlight)
        sidebar.article_note_changed.connect(self._edit_article_note)
        sidebar.article_tags_edited.connect(self._edit_article_tags)
        events.highlights_changed.connect(self._on_highlights_changed)
        events.articles_changed.connect(self._on_articles_changed)
        events.articles_removed.connect(self._on_articles_removed)
        events.listing_changed.connect(self.library.reload)
        events.tags_changed.connect(self.refresh_tags)
        self.short_reads.read.connect(self._mark_read)

    def push(self, command: commands.LibraryCommand) -> None:
        """Carry out `command` as one undo step, after any note typing still settling.

        Typing that has not settled is an earlier edit: committed first, as its own step, it
        can never be overtaken by this command and then wiped by the reload that follows it.
        """
        self.settle_edits()
        self.undo_stack.push(command)

    def settle_edits(self) -> None:
        """Commit note typing still waiting to settle; before any edit, reload, switch or undo."""
        self.sidebar.flush_edits()

    # --- opening -------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        """Show an article (0: none) where it was left, saving the position of the one before."""
        if self.article is not None and self.article.id == article_id:
            return
        self.settle_edits()  # typing in the notes of the article being left goes to that article
        self.save_position()
        if not article_id:
            self._show(None, [])
            return
        try:
            article = self.services.articles.get(article_id)
            highlights = self.services.annotations.highlights(article_id)
        except ReaderError as error:
            self.message.emit(str(error))
            self._show(None, [])
            return
        self._show(article, highlights)
        self.view.set_article(article, highlights, article.read_position)
        if self.settings.last_article_id != article.id:
            self.settings.last_article_id = article.id
            self.settings_store.save(self.settings)

    def _show(self, article: Article | None, highlights: list[Highlight]) -> None:
        self.article = article
        self.highlights = {h.id: h for h in highlights}
        if article is None:
            self.view.clear_article(self._nothing_open_message())
        self.sidebar.set_article(article, highlights)
        self.short_reads.watch(article)
        self.article_shown.emit(article)

    def _nothing_open_message(self) -> str:
        if self.library.model.rowCount():
            return "Choose an article to read."
        try:
            # an empty list may only be a filter, a tag or a view (Archived) that shows nothing;
            # the library pane says why next to it
            has_articles = self.services.articles.count() > 0
        except ReaderError:
            has_articles = True  # cannot tell: never claim the library is empty
        return "No article open." if has_articles else "Your library is empty. Import articles with Ctrl+O."

    def save_position(self) -> None:
        if self.article is not None:
            self._remember_position(self.view.reading_position())

    def undo(self) -> None:
        """Undo the last change, counting note typing that has not settled as the last change."""
        self.settle_edits()
        command = self._step(self.undo_stack.index() - 1, self.undo_stack.undo, "Undone")
        if isinstance(command, commands.DeleteArticlesCommand):
            # back where the reader was, not on whichever article took the deleted one's place
            self.library.select_article(command.reopen_id)
        elif isinstance(command, commands.DeleteHighlightCommand):
            self._select_returned(command.highlight)

    def redo(self) -> None:
        self.settle_edits()
        command = self._step(self.undo_stack.index(), self.undo_stack.redo, "Redone")
        if isinstance(command, commands.AddHighlightCommand):
            self._select_returned(command.highlight)

    def _step(self, index: int, step, done: str) -> commands.LibraryCommand | None:
        """Undo or redo the command at `index` and say so: the message of the change itself
        ("Deleted 1 article (Ctrl+Z brings it back).") would otherwise stay, no longer true.
        Returns the command, or None when there was none or it failed."""
        command = self.undo_stack.command(index) if 0 <= index < self.undo_stack.count() else None
        if command is None:
            return None
        text = command.text()  # read first: a command that fails is dropped from the stack
        step()
        if getattr(command, "failed", False):  # it said why
            return None
        self.message.emit(f"{done}: {text}.")
        return command

    def _select_returned(self, highlight: Highlight) -> None:
        """Select a highlight that undo or redo brought back, as a new one is, in its article
        (opened again if the list shows it) and on screen in the reading pane."""
        if self.article is None or self.article.id != highlight.article_id:
            self.library.select_article(highlight.article_id)
        self.sidebar.select_highlight(highlight.id, emit=True)

    # --- what the user does --------------------------------------------------------------
    def add_highlight(self, start: int, end: int, color: str) -> None:
        if self.article is None:
            return
        command = commands.AddHighlightCommand(self.context, self.article.id, start, end, color)
        self.push(command)
        if command.highlight is not None:
            self.sidebar.select_highlight(command.highlight.id, emit=False)
            # its card is open in the sidebar already, ready for a note
            self.message.emit("Highlighted. Press N to write a note, or type it in the sidebar.")

    def change_highlight(self, highlight_id: int, field: str, value) -> None:
        highlight = self.highlights.get(highlight_id)
        if highlight is None or getattr(highlight, field) == (tuple(value) if field == "tags" else value):
            return
        self.push(commands.ChangeHighlightCommand(self.context, highlight, field, value))

    def delete_highlight(self, highlight_id: int) -> None:
        highlight = self.highlights.get(highlight_id)
        if highlight is not None:
            self.push(commands.DeleteHighlightCommand(self.context, highlight))
            self.message.emit("Highlight deleted (Ctrl+Z brings it back).")

    def reattach_highlight(self, highlight_id: int) -> None:
        """Put a highlight that needs review on the passage selected in the reading pane."""
        highlight = self.highlights.get(highlight_id)
        span = self.view.selected_span()
        if highlight is None:
            return
        if span is None:
            self.message.emit("Select the passage in the article first, then Re-attach.")
            return
        self.push(commands.ReattachHighlightCommand(self.context, highlight, *span))

    def _edit_article_note(self, article_id: int, note: str) -> None:
        if self.article is not None and self.article.id == article_id and note != self.article.note:
            self.push(commands.ArticleNoteCommand(self.context, article_id, self.article.note, note))

    def _edit_article_tags(self, article_id: int, tags: list[str]) -> None:
        if self.article is not None and self.article.id == article_id:
            self.push(commands.ArticleTagsCommand(self.context, article_id, list(self.article.tags), tags))

    def _remember_color(self, color: str) -> None:
        self.settings.current_color = color
        self.settings_store.save(self.settings)

    def _remember_position(self, position: int) -> None:
        article = self.article
        if article is None:
            return
        progress = self.view.reading_progress()
        try:
            self.services.articles.remember_position(article.id, position, progress)
        except ReaderError as error:
            self.message.emit(str(error))
            return
        # a short article shows its end at once, even to a reader passing over it in the list
        if progress >= READ_AT_PROGRESS and not article.is_read and not shows_whole(self.view):
            self._mark_read(article.id)

    def _mark_read(self, article_id: int) -> None:
        try:
            self.services.articles.set_read(article_id, True)
        except ReaderError as error:
            self.message.emit(str(error))
            return
        # not `listing`: an Unread list must not pull the article away while it is read
        self.events.publish(Changes.of(articles=[article_id]))

    # --- library events ------------------------------------------------------------------
    # Each handler settles note typing before it reads the library: the sidebar then shows
    # what was typed, not the note as it was before (a change made elsewhere, e.g. from the
    # command line or by reading to the end, reloads the sidebar too).
    def _on_highlights_changed(self, article_id: int) -> None:
        if self.article is None or self.article.id != article_id:
            return
        self.settle_edits()
        fresh = {h.id: h for h in self.services.annotations.highlights(article_id)}
        self.view.set_highlights(list(fresh.values()))  # repaints only what changed
        self.highlights = fresh
        self.sidebar.update_highlights(list(fresh.values()))

    def _on_articles_changed(self, ids: list[int]) -> None:
        self.settle_edits()
        self.library.refresh_articles(ids)
        if self.article is not None and self.article.id in ids:
            fresh = self.services.articles.rows([self.article.id]).get(self.article.id)
            if fresh is not None and fresh.text_version != self.article.text_version:
                # a re-import replaced the text: show the new one, with its highlights re-placed, at
                # the reading position the import moved with the text (the old offset means nothing)
                self.article = None
                self.open_article(fresh.id)
            elif fresh is not None:
                # keep the text and blocks already shown; take the new metadata, note and tags
                before = self.article
                self.article = replace(fresh, text=before.text, blocks=before.blocks)
                if fresh.is_read != before.is_read:
                    self.short_reads.stop()  # marked read or unread: that stands, whatever the time on it
                if any(getattr(before, name) != getattr(fresh, name) for name in _HEADER_FIELDS):
                    # the title block above the text shows these: lay the article out again, in place
                    self.view.set_article(self.article, list(self.highlights.values()),
                                          self.view.reading_position())
                self.sidebar.update_article(self.article)
                self.article_shown.emit(self.article)

    def _on_articles_removed(self, ids: list[int]) -> None:
        if self.article is not None and self.article.id in ids:
            self.article = None
            self._show(None, [])

    def refresh_tags(self) -> None:
        counts = self.services.tags.counts()
        self.library.set_tags(counts)
        self.sidebar.set_tag_completions([tag.name for tag in counts])
