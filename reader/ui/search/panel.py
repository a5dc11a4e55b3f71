"""The search results panel: what was found for the query, and what the query was taken to mean."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.domain.search import SearchResults
from reader.domain.wording import counted
from reader.ui.search.results_delegate import SearchHitDelegate
from reader.ui.search.results_model import HitRole, SearchResultsModel
from reader.ui.theme import Theme


class SearchPanel(QWidget):
    """Shows SearchResults; activating a row emits the hit.

    Signals:
        hit_chosen(object): an ArticleHit or HighlightHit to open.
        save_requested(): the user wants to keep the current query as a saved search.
    """

    hit_chosen = Signal(object)
    save_requested = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.summary = QLabel(objectName="search_summary")
        self.summary.setWordWrap(True)
        self.understood = QLabel(objectName="search_understood")
        self.understood.setWordWrap(True)
        self.save_button = QPushButton("Save Search", objectName="save_search")
        self.save_button.setToolTip("Keep this query in the library pane")
        self.save_button.clicked.connect(self.save_requested)
        self.model = SearchResultsModel(self)
        self.delegate = SearchHitDelegate(theme, self)
        self.list_view = QListView(objectName="search_results")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.clicked.connect(self._choose)
        self.list_view.activated.connect(self._choose)
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.understood)
        layout.addWidget(self.list_view, 1)
        self.show_results(None)

    def set_theme(self, theme: Theme) -> None:
        self.delegate.set_theme(theme)
        self.list_view.viewport().update()

    def show_searching(self) -> None:
        self.summary.setText("Searching\u2026")
        self.save_button.setEnabled(False)  # what the new text finds is not known yet

    def can_save(self) -> bool:
        """Whether the search shown may be saved: it found something (an empty one finds nothing)."""
        return self.save_button.isEnabled()

    def show_results(self, results: SearchResults | None) -> None:
        if results is None:
            self.model.set_hits([])
            self.summary.setText("")
            self.understood.hide()
            self.save_button.setEnabled(False)
            return
        articles, highlights = len(results.articles), len(results.highlights)
        if not results.hits:
            text = "Nothing found."
        else:
            parts = []
            if articles:
                parts.append(counted(articles, "article"))
            if highlights:
                parts.append(counted(highlights, "highlight"))
            text = " and ".join(parts) + (" (the best shown)" if results.truncated else "")
        self.summary.setText(text)
        notes = list(results.query.notes)
        self.understood.setText("Read as: " + results.query.describe() + (f" \u2014 {'; '.join(notes)}" if notes else ""))
        self.understood.setVisible(bool(notes))
        # a search that found nothing is not worth keeping (and an empty query finds nothing)
        self.save_button.setEnabled(bool(results.hits) and bool(results.query.canonical().strip()))
        self.model.set_hits(results.hits)

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.hit_chosen.emit(hit)
