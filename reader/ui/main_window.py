"""The main window: library, reading pane and notes sidebar side by side, menus and status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.services import Services
from reader.services.settings import SettingsStore
from reader.ui.actions import WindowActions
from reader.ui.appearance import Appearance
from reader.ui.background import JobRunner
from reader.ui.events import LibraryEvents
from reader.ui.help import ShortcutsDialog
from reader.ui.library.pane import LibraryPane
from reader.ui.pane_splitter import PaneSplitter
from reader.ui.reading import ReadingPane
from reader.ui.sidebar.pane import AnnotationSidebar
from reader.ui.status import StatusBar
from reader.ui.toolbar import build_toolbar, fit_placeholder

if TYPE_CHECKING:
    from reader.ui.article_menu import ArticleMenu
    from reader.ui.controller import ReaderController
    from reader.ui.export_flow import ExportFlow
    from reader.ui.import_flow import ImportFlow
    from reader.ui.outside_changes import OutsideChanges
    from reader.ui.search.flow import SearchFlow


class MainWindow(QMainWindow):
    """One window over one library. Builds the panes and hands their signals to the controller."""

    def __init__(self, services: Services | None, settings_store: SettingsStore, window_state: QSettings,
                 parent: QWidget | None = None) -> None:
        """Build the window; without `services` it shows the library opening until `attach`."""
        super().__init__(parent)
        self.setObjectName("main_window")
        self.services: Services | None = None
        self.window_state = window_state
        self.settings_store = settings_store
        self.settings = settings_store.load()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.events = LibraryEvents(self)
        self.appearance = Appearance(self.settings)

        self.library = LibraryPane(None, self.appearance.theme, self)
        self.reading = ReadingPane(self)
        self.sidebar = AnnotationSidebar(self.appearance.theme, self)
        self.splitter = PaneSplitter(main=1)
        self.splitter.setObjectName("main_splitter")
        for pane, stretch in ((self.library, 0), (self.reading, 1), (self.sidebar, 0)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([300, 700, 320])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.jobs = JobRunner(self)
        self.jobs.progress.connect(self.status.show_progress)
        self.status.cancel_requested.connect(self.jobs.cancel)
        self.search_field = QLineEdit(objectName="library_search")
        self.search_field.setPlaceholderText("Search articles, highlights, notes and tags  (Ctrl+Shift+F)")
        self.search_field.setClearButtonEnabled(True)
        self.actions = WindowActions(self, self.undo_stack)
        self.actions.build_menus(self.menuBar())
        build_toolbar(self, [(self.actions.import_files, "Import"), (self.actions.export, "Export")],
                      self.search_field)
        self.library.set_context_actions(self.actions.article_context_actions())
        self._connect_window_actions()
        # Enter or a double click on a row: go and read it (keys then scroll the article)
        self.library.article_activated.connect(lambda _id: self.reading.view.setFocus())
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.apply_appearance()
        self._show_color_names()
        self.restore_window_state()
        # What works on the library comes with it (`attach`); until then the window is a quiet
        # "Opening library…" page where nothing can be clicked that needs the library.
        self.controller: ReaderController | None = None
        self.imports: ImportFlow | None = None
        self.exports: ExportFlow | None = None
        self.search: SearchFlow | None = None
        self.article_menu: ArticleMenu | None = None
        self.outside: OutsideChanges | None = None
        if services is None:
            for action in self.actions.library_actions():
                action.setEnabled(False)
            self.reading.view.clear_article("Opening library\u2026")
        else:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Work on the library of `services` (opened after the window showed); `start` fills the panes."""
        # Imported here, not above: what works on a library (the controller, its commands and
        # dialogs, importing with web fetching, exporting) loads after the window first painted.
        from reader.ui.article_menu import ArticleMenu
        from reader.ui.controller import ReaderController
        from reader.ui.export_flow import ExportFlow
        from reader.ui.import_flow import ImportFlow
        from reader.ui.outside_changes import OutsideChanges
        from reader.ui.search.flow import SearchFlow

        self.services = services
        self.library.set_articles(services.articles)
        self.controller = ReaderController(services, self.events, self.undo_stack, self.settings,
                                           self.settings_store, self.library, self.reading, self.sidebar)
        self.imports = ImportFlow(self, services.importer, self.events, self.status, self.jobs)
        self.exports = ExportFlow(self, self.jobs, self.status)
        self.search = SearchFlow(self, self.search_field)
        self.article_menu = ArticleMenu(self, services, self.controller)
        self._connect_library_actions()
        self._local_shortcuts()
        self.controller.message.connect(lambda text: self.status.showMessage(text, 6000))
        self.controller.article_shown.connect(self._on_article_shown)
        self.events.listing_changed.connect(self.update_library_size)
        self.events.articles_changed.connect(lambda _ids: self.update_library_size())
        for action in self.actions.library_actions():
            action.setEnabled(True)
        # `reader import` in a terminal while the window is open: seen when the window is
        # next activated, or within a few seconds
        self.outside = OutsideChanges(self, services.storage.database.path)

    # --- start and close -----------------------------------------------------------------
    def start(self) -> None:
        """Fill the panes and open the article last read (or the first one), where it was left."""
        last = self.settings.last_article_id
        self.controller.refresh_tags()
        self.search.refresh_saved()
        self.library.reload(select=False)  # one article opens, not the first row and then the last read
        if not (last and self.library.select_article(last)):
            self.library.select_row(0)
        self.update_library_size()
        self.reading.view.setFocus()  # keys scroll and highlight at once; / and Ctrl+F reach the rest

    def restore_window_state(self) -> None:
        geometry = self.window_state.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in (("window/splitter", self.splitter), ("window/library_splitter", self.library.splitter)):
            state = self.window_state.value(key)
            if state is not None:
                splitter.restoreState(state)
        self.actions.show_library.setChecked(self.library.isVisibleTo(self))
        self.actions.show_sidebar.setChecked(self.sidebar.isVisibleTo(self))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.services is None:
            # closed while the library opened, or it could not be opened: nothing changed to keep,
            # and the folder may not take it
            super().closeEvent(event)
            return
        self.outside.timer.stop()  # nothing to catch up with once the library closes
        self.jobs.wait()
        self.search.searcher.wait()
        self.sidebar.flush_edits()
        self.controller.save_position()
        self.settings_store.save(self.settings)
        self.window_state.setValue("window/geometry", self.saveGeometry())
        self.window_state.setValue("window/splitter", self.splitter.saveState())
        self.window_state.setValue("window/library_splitter", self.library.splitter.saveState())
        self.window_state.sync()
        super().closeEvent(event)

    # --- actions -------------------------------------------------------------------------
    def _connect_window_actions(self) -> None:
        actions = self.actions
        actions.quit.triggered.connect(self.close)
        actions.find.triggered.connect(self.reading.open_find)
        actions.show_library.toggled.connect(self.library.setVisible)
        actions.show_sidebar.toggled.connect(self.sidebar.setVisible)
        actions.shortcuts_help.triggered.connect(lambda: ShortcutsDialog.show_for(actions, self))

    def _connect_library_actions(self) -> None:
        actions = self.actions
        actions.import_files.triggered.connect(self.imports.ask_files)
        actions.import_folder.triggered.connect(self.imports.ask_folder)
        actions.import_clipboard.triggered.connect(self._import_clipboard)
        actions.export.triggered.connect(self.exports.ask_and_export)
        actions.preferences.triggered.connect(self._edit_preferences)
        actions.undo.triggered.connect(self.controller.undo)
        actions.redo.triggered.connect(self.controller.redo)
        actions.search_library.triggered.connect(self.search.focus)
        actions.highlight.triggered.connect(self._highlight_selection)
        actions.bigger_text.triggered.connect(lambda: self._change_font_size(+1))
        actions.smaller_text.triggered.connect(lambda: self._change_font_size(-1))
        actions.reset_text.triggered.connect(lambda: self._change_font_size(0))
        for name, action in actions.themes.items():
            action.triggered.connect(lambda _=False, theme=name: self._set_theme(theme))
        actions.about.triggered.connect(lambda: QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3><p>Read, highlight and annotate articles. Everything stays in "
            f"your library on this computer:</p><p><code>{self.services.data_dir}</code></p>"))

    def _local_shortcuts(self) -> None:
        def local(key, widget: QWidget, slot) -> None:
            # Set after construction: PySide6 ignores a `context=` keyword here, and two
            # window-wide shortcuts on one key cancel each other out as ambiguous.
            shortcut = QShortcut(QKeySequence(key), widget, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        for widget in (self.library.list_view, self.reading.view):
            local("/", widget, self.search.focus)
            local(QKeySequence.StandardKey.Paste, widget, self._import_clipboard)  # Ctrl+V where nothing is edited
        local(Qt.Key.Key_Escape, self.search_field, self.search_field.clear)
        local(Qt.Key.Key_N, self.reading.view, self._write_note)
        local(QKeySequence.StandardKey.Delete, self.library.list_view, self.article_menu.delete_selected)
        local(QKeySequence.StandardKey.Delete, self.sidebar.list_view,
              lambda: self.controller.delete_highlight(self.sidebar.current_highlight_id()))

    def _import_clipboard(self) -> None:
        self.imports.from_mime(QApplication.clipboard().mimeData())

    def _write_note(self) -> None:
        self.actions.show_sidebar.setChecked(True)
        self.sidebar.focus_note()

    def _highlight_selection(self) -> None:
        span = self.reading.view.selected_span()
        if span:
            self.controller.add_highlight(span[0], span[1], self.reading.view.current_color())

    # --- appearance ----------------------------------------------------------------------
    def apply_appearance(self) -> None:
        self.appearance.apply(QApplication.instance(), self.reading.view, self.sidebar)
        fit_placeholder(self.search_field)
        self.library.search_panel.set_theme(self.appearance.theme)
        for name, action in self.actions.themes.items():
            action.setChecked(name == self.settings.theme)
        self.reading.view.set_current_color(self.settings.current_color)

    def _edit_preferences(self) -> None:
        from reader.ui.preferences import PreferencesDialog  # a dialog seldom opened: loads when it is

        chosen = PreferencesDialog.ask(self, self.settings, check_template=self.services.exports.exporter)
        if chosen is not None:
            self.settings.color_names = chosen.color_names
            self.settings.export_template = chosen.export_template
            self.settings.export_group_by_color = chosen.export_group_by_color
            self.settings.theme = chosen.theme
            self.settings.font_family = chosen.font_family
            self.settings.font_size = chosen.font_size
            self.settings_store.save(self.settings)
            self.apply_appearance()
            self._show_color_names()

    def _show_color_names(self) -> None:
        """Where a colour is chosen (the bar over a selection, the menu, a highlight's card), say
        what the user named it in Preferences."""
        self.reading.view.set_color_names(self.settings.color_names)
        self.sidebar.set_color_names(self.settings.color_names)

    def _set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        self.settings_store.save(self.settings)
        self.apply_appearance()

    def _change_font_size(self, step: int) -> None:
        self.settings.font_size = self.appearance.next_font_size(step)
        self.settings_store.save(self.settings)
        self.apply_appearance()
        self.status.showMessage(f"Text size {self.settings.font_size}", 2000)

    # --- status and title ----------------------------------------------------------------
    def _on_article_shown(self, article) -> None:
        self.setWindowTitle(f"{article.title} \u2014 {APP_NAME}" if article else APP_NAME)

    def update_library_size(self) -> None:
        self.status.show_library_size(self.services.articles.counts())

    # --- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.imports is not None and self.imports.can_import(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.imports.from_mime(event.mimeData()):
            event.acceptProposedAction()
