"""The library pane: filter as you type, show and sort choices, the article list and the tag list."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.domain.models import TagCount
from reader.services.articles import ArticleService, ListQuery
from reader.ui.library.article_delegate import ArticleDelegate
from reader.ui.library.article_model import ArticleIdRole, ArticleListModel
from reader.ui.library.article_view import ArticleListView
from reader.ui.library.tag_model import TagListModel, TagNameRole
from reader.ui.search.panel import SearchPanel
from reader.ui.search.results_model import SavedSearchModel, SavedSearchRole
from reader.ui.theme import Theme

# label, value, what it means: labels stay short enough to show whole in a 200 px pane (800 px window)
SHOW_CHOICES = (("Inbox", "inbox", "Articles not archived"), ("Unread", "unread", "Articles not read yet"),
                ("Archived", "archived", "Archived articles"), ("All", "all", "Every article"))
SORT_CHOICES = (("Added", "added", "Newest added first"), ("Title", "title", "By title, A to Z"),
                ("Published", "published", "Newest published first"))


class LibraryPane(QWidget):
    """The list of articles and the filters over it.

    While a library search runs, its results take the list's place (`show_search`).

    Signals:
        current_article_changed(int): the selected article's id, or 0 when none is selected.
        article_activated(int): an article was double-clicked or Enter was pressed on it.
        saved_search_chosen(object): a SavedSearch was clicked.
        saved_search_delete_requested(object), saved_search_rename_requested(object).
    """

    current_article_changed = Signal(int)
    article_activated = Signal(int)
    saved_search_chosen = Signal(object)
    saved_search_delete_requested = Signal(object)
    saved_search_rename_requested = Signal(object)

    def __init__(self, articles: ArticleService | None, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_pane")
        self.filter_delay_ms = 150  # debounce typing; tests set 0
        self._context_actions: list[QAction | None] = []

        self.filter_edit = QLineEdit(objectName="library_filter")
        self.filter_edit.setPlaceholderText("Filter by title, author, site or tag")
        self.filter_edit.setClearButtonEnabled(True)
        self.show_combo = QComboBox(objectName="library_show", toolTip="Which articles to list")
        self.sort_combo = QComboBox(objectName="library_sort", toolTip="How to sort the list")
        for combo, choices in ((self.show_combo, SHOW_CHOICES), (self.sort_combo, SORT_CHOICES)):
            for label, value, meaning in choices:
                combo.addItem(label, value)
                combo.setItemData(combo.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole)
            # a narrow window takes width from this pane: the choices may shorten, not hold it wide
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)

        self.model = ArticleListModel(articles, self)
        self.list_view = ArticleListView(objectName="article_list")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(ArticleDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)  # lets Qt ask only visible rows for data
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.setDragEnabled(False)
        self.empty_label = QLabel(objectName="library_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.tag_model = TagListModel(self)
        self.tag_view = QListView(objectName="tag_list")
        self.tag_view.setModel(self.tag_model)
        tags_title = QLabel("Tags", objectName="pane_title")
        self.search_panel = SearchPanel(theme, self)
        self.saved_model = SavedSearchModel(self)
        self.saved_view = QListView(objectName="saved_searches")
        self.saved_view.setModel(self.saved_model)
        self.saved_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.saved_view.setMaximumHeight(120)
        self.saved_title = QLabel("Saved searches", objectName="pane_title")

        self._filter_timer = QTimer(self, singleShot=True)
        self._filter_timer.timeout.connect(self._apply_query)

        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.show_combo, 1)
        choices.addWidget(self.sort_combo, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(8, 8, 8, 4)
        top_layout.setSpacing(6)
        top_layout.addWidget(self.filter_edit)
        top_layout.addLayout(choices)
        articles_page = QWidget()
        articles_layout = QVBoxLayout(articles_page)
        articles_layout.setContentsMargins(0, 0, 0, 0)
        articles_layout.setSpacing(0)
        articles_layout.addWidget(top)
        articles_layout.addWidget(self.list_view, 1)
        articles_layout.addWidget(self.empty_label, 1)
        self.stack = QStackedWidget(objectName="library_stack")
        self.stack.addWidget(articles_page)
        self.stack.addWidget(self.search_panel)
        tags_box = QWidget()
        tags_layout = QVBoxLayout(tags_box)
        tags_layout.setContentsMargins(8, 6, 8, 0)
        tags_layout.setSpacing(4)
        tags_layout.addWidget(self.saved_title)
        tags_layout.addWidget(self.saved_view)
        tags_layout.addWidget(tags_title)
        tags_layout.addWidget(self.tag_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="library_splitter")
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(tags_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 200])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.filter_edit.textChanged.connect(self._schedule_query)
        self.show_combo.currentIndexChanged.connect(self._apply_query)
        self.sort_combo.currentIndexChanged.connect(self._apply_query)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.activated.connect(self._on_activated)
        self.list_view.customContextMenuRequested.connect(self._show_context_menu)
        self.tag_view.selectionModel().currentChanged.connect(lambda *_: self._apply_query())
        self.saved_view.clicked.connect(lambda index: self.saved_search_chosen.emit(index.data(SavedSearchRole)))
        self.saved_view.customContextMenuRequested.connect(self._saved_search_menu)
        self.set_saved_searches([])

    # --- public --------------------------------------------------------------------------
    def set_articles(self, articles: ArticleService) -> None:
        """The library opened (after the window showed); `reload` fills the list."""
        self.model.set_articles(articles)

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """Actions for the list's context menu (None is a separator)."""
        self._context_actions = actions

    def current_article_id(self) -> int:
        return self.list_view.currentIndex().data(ArticleIdRole) or 0

    def selected_article_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.list_view.selectionModel().selectedRows())
        ids = [self.model.id_at(row) for row in rows]
        return [i for i in ids if i] or ([self.current_article_id()] if self.current_article_id() else [])

    def select_article(self, article_id: int) -> bool:
        """Make `article_id` the current row if the list shows it; True when it does."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list_view.scrollTo(index)
        return True

    def select_row(self, row: int) -> None:
        count = self.model.rowCount()
        if count:
            self.select_article(self.model.id_at(max(0, min(row, count - 1))))
        else:
            self.current_article_changed.emit(0)

    def query(self) -> ListQuery:
        tag = self.tag_view.currentIndex().data(TagNameRole) or ""
        return ListQuery(text=self.filter_edit.text().strip(), tag=tag,
                         show=self.show_combo.currentData(), sort=self.sort_combo.currentData())

    def reload(self, select: bool = True) -> None:
        """Run the list's query again, keeping the current article selected where it still shows
        (or selecting nothing when `select` is False: the caller chooses what to open)."""
        current = self.current_article_id()
        old_row = self.list_view.currentIndex().row()
        self.model.reload()
        self._update_empty_state()
        if not select or (current and self.select_article(current)):
            return
        self.select_row(old_row if old_row >= 0 else 0)

    def sync(self) -> None:
        """Catch up with a change made elsewhere: the current article stays current where it is
        still listed, and no other one is opened in its place (the reader keeps their article)."""
        current = self.current_article_id()
        if self.model.sync():
            self._update_empty_state()
            if current:
                self.select_article(current)

    def show_search(self, shown: bool) -> None:
        """Show the search results instead of the article list, or the list again."""
        self.stack.setCurrentIndex(1 if shown else 0)

    def searching(self) -> bool:
        return self.stack.currentIndex() == 1

    def set_saved_searches(self, searches: list) -> None:
        self.saved_model.set_searches(searches)
        self.saved_title.setVisible(bool(searches))
        self.saved_view.setVisible(bool(searches))

    def refresh_articles(self, ids: list[int]) -> None:
        self.model.refresh(ids)

    def set_tags(self, tags: list[TagCount]) -> None:
        """New tag counts; the chosen tag stays chosen if it still exists."""
        chosen = self.tag_view.currentIndex().data(TagNameRole) or ""
        blocker = self.tag_view.selectionModel().blockSignals(True)
        self.tag_model.set_tags(tags)
        self.tag_view.setCurrentIndex(self.tag_model.index(self.tag_model.row_of(chosen)))
        self.tag_view.selectionModel().blockSignals(blocker)
        if chosen and self.tag_model.row_of(chosen) == 0:
            self._apply_query()

    # --- internals -----------------------------------------------------------------------
    def _schedule_query(self) -> None:
        if self.filter_delay_ms <= 0:
            self._apply_query()
        else:
            self._filter_timer.start(self.filter_delay_ms)

    def _apply_query(self) -> None:
        self._filter_timer.stop()
        current = self.current_article_id()
        self.model.set_query(self.query())
        self._update_empty_state()
        if not (current and self.select_article(current)):
            self.select_row(0)

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0 and self.model.is_open()  # opening: a quiet, empty list
        if empty:
            query = self.query()
            if query.text or query.tag:
                self.empty_label.setText("No articles match.")
            elif query.show == "archived":
                self.empty_label.setText("Nothing archived yet.")
            else:
                self.empty_label.setText("No articles yet.\n\nImport files with Ctrl+O, or drop them on the window.")
        self.empty_label.setVisible(empty)
        self.list_view.setVisible(not empty)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_article_changed.emit(current.data(ArticleIdRole) or 0)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_activated.emit(index.data(ArticleIdRole))

    def _saved_search_menu(self, point: QPoint) -> None:
        search = self.saved_view.indexAt(point).data(SavedSearchRole)
        if search is None:
            return
        menu = QMenu(self)
        menu.addAction("Rename…", lambda: self.saved_search_rename_requested.emit(search))
        menu.addAction("Delete", lambda: self.saved_search_delete_requested.emit(search))
        menu.exec(self.saved_view.viewport().mapToGlobal(point))

    def _show_context_menu(self, point: QPoint) -> None:
        if not self.list_view.indexAt(point).isValid() or not self._context_actions:
            return
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.list_view.viewport().mapToGlobal(point))
