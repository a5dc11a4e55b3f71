"""The library search box: results as you type, opening a result at its place, saved searches."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from reader.domain.errors import ReaderError
from reader.domain.search import ArticleHit, Hit, SavedSearch


class AskName:
    """Asks for a saved search's name; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggestion: str) -> str | None:
        name, accepted = QInputDialog.getText(parent, title, "Name:", QLineEdit.EchoMode.Normal, suggestion)
        return name.strip() if accepted and name.strip() else None


class SearchFlow(QObject):
    """Connects the search box to the library pane's results and to the article and sidebar."""

    def __init__(self, window, field: QLineEdit) -> None:
        from reader.ui.search.live import LiveSearcher

        super().__init__(window)
        self._window, self.field = window, field
        self._search = window.services.search
        self.searcher = LiveSearcher(self._search.live(), self)
        panel = window.library.search_panel
        self.field.textChanged.connect(self._on_text)
        self.field.returnPressed.connect(self._open_first)
        # Down goes on to the results, as in other search boxes (set after construction: PySide6
        # ignores a `context=` keyword)
        to_results = QShortcut(QKeySequence(Qt.Key.Key_Down), self.field, self._go_to_results)
        to_results.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.searcher.results_ready.connect(panel.show_results)
        self.searcher.failed.connect(lambda message: window.status.showMessage(message, 8000))
        panel.hit_chosen.connect(self.open_hit)
        panel.save_requested.connect(self.save_current)
        window.library.saved_search_chosen.connect(self.run_saved)
        window.library.saved_search_delete_requested.connect(self._delete_saved)
        window.library.saved_search_rename_requested.connect(self._rename_saved)

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def refresh_saved(self) -> None:
        self._window.library.set_saved_searches(self._search.saved())

    def close(self) -> None:
        """Leave the search: the article list comes back, showing the open article."""
        self.searcher.cancel()
        library = self._window.library
        library.search_panel.show_results(None)
        library.show_search(False)
        article = self._window.controller.article
        if article is not None:
            library.select_article(article.id)

    def open_hit(self, hit: Hit) -> None:
        """Open the article of a hit at the matched place, and flash it (or select the highlight)."""
        controller = self._window.controller
        controller.open_article(hit.article_id)
        if controller.article is None or controller.article.id != hit.article_id:
            return
        if isinstance(hit, ArticleHit):
            if hit.position is not None:
                start, end = hit.position
                self._window.reading.view.scroll_to_offset(start, flash_length=end - start)
        else:
            self._window.sidebar.select_highlight(hit.highlight_id, emit=True)

    def run_saved(self, search: SavedSearch) -> None:
        self.field.setText(search.query)
        self.focus()

    def save_current(self) -> None:
        query = self.field.text().strip()
        if not query or not self._window.library.search_panel.can_save():
            return
        name = AskName.ask(self._window, "Save search", query)
        if name:
            try:
                self._search.save(name, query)
            except ReaderError as error:
                self._window.status.showMessage(str(error), 8000)
            self.refresh_saved()

    def _on_text(self, text: str) -> None:
        library = self._window.library
        if not text.strip():
            self.close()
            return
        library.show_search(True)
        library.search_panel.show_searching()
        self.searcher.search(text)

    def _go_to_results(self) -> None:
        panel = self._window.library.search_panel
        if self._window.library.searching() and panel.model.rowCount():
            panel.list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            panel.list_view.setCurrentIndex(panel.model.index(0))

    def _open_first(self) -> None:
        hits = self._window.library.search_panel.model.hits()
        if hits:
            self.open_hit(hits[0])

    def _delete_saved(self, search: SavedSearch) -> None:
        try:
            self._search.delete_saved(search.id)
        except ReaderError as error:
            self._window.status.showMessage(str(error), 8000)
        self.refresh_saved()

    def _rename_saved(self, search: SavedSearch) -> None:
        name = AskName.ask(self._window, "Rename saved search", search.name)
        if name and name != search.name:
            try:
                self._search.update_saved(search.id, name=name)
            except ReaderError as error:
                self._window.status.showMessage(str(error), 8000)
            self.refresh_saved()
