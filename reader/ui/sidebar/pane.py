"""The annotation sidebar: the article's note and tags on top, its highlights below."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QVBoxLayout, QWidget

from reader.domain.models import AnchorState, Article, Highlight
from reader.ui.sidebar.delegate import HighlightDelegate
from reader.ui.sidebar.editor import HighlightEditor, NoteEdit
from reader.ui.sidebar.model import HighlightIdRole, HighlightListModel
from reader.ui.tag_editor import TagEditor
from reader.ui.theme import Theme

MIN_WIDTH = 260


class AnnotationSidebar(QWidget):
    """Shows and edits the open article's note, tags and highlights.

    It never writes to the library: every edit is emitted, and the window turns it into an
    undoable command, then refreshes this pane with what the library holds.

    Signals:
        highlight_selected(int): the user picked a highlight (scroll the reading pane to it).
        highlight_color_chosen(int, str), highlight_note_changed(int, str),
        highlight_tags_edited(int, list), highlight_delete_requested(int),
        highlight_reattach_requested(int): put a highlight that needs review on the selection,
        article_note_changed(int, str), article_tags_edited(int, list).
    """

    highlight_reattach_requested = Signal(int)
    highlight_selected = Signal(int)
    highlight_color_chosen = Signal(int, str)
    highlight_note_changed = Signal(int, str)
    highlight_tags_edited = Signal(int, list)
    highlight_delete_requested = Signal(int)
    article_note_changed = Signal(int, str)
    article_tags_edited = Signal(int, list)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation_sidebar")
        # narrower, a highlight's editor (five colours and Delete in a row) no longer fits its card
        self.setMinimumWidth(MIN_WIDTH)
        self._article_id = 0
        self._theme = theme
        self._completions: list[str] = []
        self._color_names: dict[str, str] = {}
        self.article_title = QLabel("Notes", objectName="pane_title")
        self.article_note = NoteEdit(self)
        self.article_note.setObjectName("article_note")
        self.article_note.setPlaceholderText("Notes on this article (Markdown)\u2026")
        self.article_note.text_settled.connect(self._on_article_note_changed)
        self.article_tags = TagEditor(self, placeholder="Tag article\u2026")
        self.article_tags.setObjectName("article_tags")
        self.article_tags.tags_edited.connect(lambda tags: self.article_tags_edited.emit(self._article_id, tags))
        self.article_tags.chips_changed.connect(self._order_focus)

        self.highlights_title = QLabel("Highlights", objectName="pane_title")
        self.model = HighlightListModel(self)
        self.delegate = HighlightDelegate(theme, self)
        self.delegate.editor_created.connect(self._wire_editor)
        self.list_view = QListView(objectName="highlight_list")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setFrameShape(QFrame.Shape.NoFrame)
        self.list_view.setSpacing(0)
        self.empty_label = QLabel(
            "No highlights yet.\n\nSelect text in the article and press H, or pick a colour from the bar.",
            objectName="highlights_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setWordWrap(True)
        # with no article, its fields and heading would only stand there disabled: say so instead,
        # as the reading pane does
        self.no_article_label = QLabel("No article open.", objectName="sidebar_empty")
        self.no_article_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_article_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.article_title)
        layout.addWidget(self.article_note)
        layout.addWidget(self.article_tags)
        layout.addSpacing(6)
        layout.addWidget(self.highlights_title)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.no_article_label, 1)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.set_article(None, [])

    # --- public --------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.delegate.set_theme(theme)
        self.list_view.viewport().update()

    def set_color_names(self, names: Mapping[str, str]) -> None:
        """What the user calls each colour (Preferences): the open card's colours say it."""
        self._color_names = dict(names)
        editor = self.delegate.editor()
        if editor is not None:
            editor.set_color_names(names)

    def set_tag_completions(self, names: list[str]) -> None:
        self.article_tags.set_completions(names)
        self._completions = list(names)
        editor = self.delegate.editor()
        if editor is not None:
            editor.tag_editor.set_completions(names)

    def set_article(self, article: Article | None, highlights: list[Highlight]) -> None:
        """Show another article (or none)."""
        self._article_id = article.id if article else 0
        for widget in (self.article_note, self.article_tags, self.list_view):
            widget.setEnabled(article is not None)
        for widget in (self.article_note, self.article_tags, self.highlights_title):
            widget.setVisible(article is not None)
        self.no_article_label.setVisible(article is None)
        self._show_article_fields(article)
        self._close_editor()
        self.model.set_highlights(highlights)
        self._update_counts()

    def update_article(self, article: Article) -> None:
        """The open article's note or tags changed in the library."""
        if article.id == self._article_id:
            self._show_article_fields(article)

    def update_highlights(self, highlights: list[Highlight]) -> None:
        """The open article's highlights changed in the library; keep the selection where it was."""
        current = self.current_highlight_id()
        if not self.model.update_highlights(highlights):
            self._close_editor()
            self.model.set_highlights(highlights)
            if current:
                self.select_highlight(current, emit=False)
        editor = self.delegate.editor()
        if editor is not None:
            row = self.model.row_of(editor.highlight_id)
            if row is not None:
                self.delegate.setEditorData(editor, self.model.index(row))
        self._update_counts()

    def current_highlight_id(self) -> int:
        return self.list_view.currentIndex().data(HighlightIdRole) or 0

    def select_highlight(self, highlight_id: int, emit: bool = False) -> None:
        row = self.model.row_of(highlight_id)
        if row is None:
            return
        blocked = self.blockSignals(not emit)
        index = self.model.index(row)
        self.list_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list_view.scrollTo(index)
        self.blockSignals(blocked)

    def editor(self) -> HighlightEditor | None:
        return self.delegate.editor()

    def focus_note(self) -> None:
        """Put the cursor in the note of the selected highlight, or of the article when none is."""
        editor = self.delegate.editor()
        note = editor.note_edit if editor is not None else self.article_note
        if note.isEnabled():
            note.setFocus(Qt.FocusReason.ShortcutFocusReason)
            note.moveCursor(note.textCursor().MoveOperation.End)

    def flush_edits(self) -> None:
        """Report note typing that has not settled yet (before any edit, reload, switch, undo, close)."""
        self.article_note.flush()
        editor = self.delegate.editor()
        if editor is not None:
            editor.note_edit.flush()

    # --- internals -----------------------------------------------------------------------
    def _show_article_fields(self, article: Article | None) -> None:
        note = article.note if article else ""
        if self.article_note.toPlainText() != note:
            self.article_note.set_text_quietly(note)
        self.article_tags.set_tags(list(article.tags) if article else [])

    def _update_counts(self) -> None:
        count = self.model.rowCount()
        review = sum(1 for h in self.model.highlights() if h.anchor_state is AnchorState.ORPHAN)
        title = f"Highlights ({count})" if count else "Highlights"
        self.highlights_title.setText(title + (f" · {review} need review" if review else ""))
        has_article = bool(self._article_id)
        self.list_view.setVisible(count > 0)
        self.empty_label.setVisible(count == 0 and has_article)

    def _close_editor(self) -> None:
        current = self.list_view.currentIndex()
        if current.isValid() and self.list_view.isPersistentEditorOpen(current):
            self.list_view.closePersistentEditor(current)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and self.list_view.isPersistentEditorOpen(previous):
            self.flush_edits()  # the note typed into the card being left goes to its highlight
            self.list_view.closePersistentEditor(previous)
        if current.isValid():
            self.list_view.openPersistentEditor(current)
            self._order_focus()
            self.list_view.scrollTo(current)
            self.highlight_selected.emit(current.data(HighlightIdRole))

    def _order_focus(self) -> None:
        """Tab goes through the sidebar as it shows: the article's note and tags, the list, then
        the open card. Qt's order is the order widgets were made in, and tag chips and the card
        are made later, so Tab reached them only after the toolbar and the search box."""
        chain = [self.article_note, *self.article_tags.focus_widgets(), self.list_view]
        editor = self.delegate.editor()
        if editor is not None:
            chain += editor.focus_widgets()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _wire_editor(self, editor: HighlightEditor) -> None:
        editor.set_theme(self._theme)
        editor.set_color_names(self._color_names)
        editor.tag_editor.chips_changed.connect(self._order_focus)
        editor.tag_editor.set_completions(self._completions)
        editor.color_chosen.connect(lambda color: self.highlight_color_chosen.emit(editor.highlight_id, color))
        editor.note_changed.connect(lambda note: self.highlight_note_changed.emit(editor.highlight_id, note))
        editor.tags_edited.connect(lambda tags: self.highlight_tags_edited.emit(editor.highlight_id, tags))
        editor.delete_clicked.connect(lambda: self.highlight_delete_requested.emit(editor.highlight_id))
        editor.reattach_clicked.connect(lambda: self.highlight_reattach_requested.emit(editor.highlight_id))

    def _on_article_note_changed(self, note: str) -> None:
        if self._article_id:
            self.article_note_changed.emit(self._article_id, note)
