"""The window's actions (with their shortcuts) and the menu bar built from them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenuBar

from reader.services.settings import THEMES


class WindowActions:
    """Every QAction of the window, created once; the window connects their triggered signals."""

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack) -> None:
        def action(name: str, text: str, *shortcuts, tip: str = "", checkable: bool = False) -> QAction:
            made = QAction(text, window)
            made.setObjectName(name)
            if shortcuts:
                made.setShortcuts([QKeySequence(s) for s in shortcuts])
            made.setCheckable(checkable)
            if tip:
                made.setStatusTip(tip)
            window.addAction(made)  # shortcuts work even with the menu bar hidden
            return made

        self.import_files = action("import_files", "&Import Files\u2026", QKeySequence.StandardKey.Open,
                                   tip="Import HTML, Markdown or text files")
        self.import_folder = action("import_folder", "Import &Folder\u2026", "Ctrl+Shift+O",
                                    tip="Import every article in a folder")
        self.import_clipboard = action("import_clipboard", "Import from &Clipboard", "Ctrl+Shift+V",
                                       tip="Import the copied text, page, file paths or web address")
        self.export = action("export", "&Export Notes…", "Ctrl+E",
                             tip="Export highlights and notes as Markdown, or the library as a JSON backup")
        self.preferences = action("preferences", "&Preferences…", QKeySequence.StandardKey.Preferences,
                                  "Ctrl+,")
        self.quit = action("quit", "&Quit", QKeySequence.StandardKey.Quit)

        # Own actions rather than the stack's: the window settles note typing before undoing.
        self.undo = action("undo", "&Undo", QKeySequence.StandardKey.Undo)
        self.redo = action("redo", "&Redo", "Ctrl+Shift+Z", "Ctrl+Y")
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        undo_stack.undoTextChanged.connect(lambda text: self.undo.setText(f"&Undo {text}".rstrip()))
        undo_stack.redoTextChanged.connect(lambda text: self.redo.setText(f"&Redo {text}".rstrip()))
        self.find = action("find_in_article", "&Find in Article\u2026", QKeySequence.StandardKey.Find)
        self.search_library = action("search_library", "&Search Library\u2026", "Ctrl+Shift+F")
        self.highlight = action("highlight_selection", "&Highlight Selection", tip="Highlight the selected text (H)")

        self.toggle_read = action("toggle_read", "Mark as &Read", "Ctrl+Shift+R")
        self.toggle_archived = action("toggle_archived", "&Archive", "Ctrl+Shift+E")
        self.edit_details = action("edit_details", "Edit &Details\u2026", "F2")
        self.open_source = action("open_source", "Open &Source in Browser", "Ctrl+Shift+L")
        self.delete_articles = action("delete_articles", "&Delete Article", "Ctrl+Delete")

        self.bigger_text = action("bigger_text", "&Bigger Text", QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.smaller_text = action("smaller_text", "&Smaller Text", QKeySequence.StandardKey.ZoomOut)
        self.reset_text = action("reset_text", "&Default Text Size", "Ctrl+0")
        self.show_library = action("show_library", "Show &Library", "Ctrl+Shift+1", checkable=True)
        self.show_sidebar = action("show_sidebar", "Show &Notes Sidebar", "Ctrl+Shift+2", checkable=True)
        self.theme_group = QActionGroup(window)
        self.themes: dict[str, QAction] = {}
        for name in THEMES:
            label = "Follow the &System" if name == "system" else f"&{name.capitalize()}"
            made = action(f"theme_{name}", label, checkable=True)
            self.theme_group.addAction(made)
            self.themes[name] = made

        self.shortcuts_help = action("shortcuts_help", "&Keyboard Shortcuts", "F1")
        self.about = action("about", "&About Reader")

    def build_menus(self, menu_bar: QMenuBar) -> None:
        file_menu = menu_bar.addMenu("&File")
        for made in (self.import_files, self.import_folder, self.import_clipboard):
            file_menu.addAction(made)
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences)
        file_menu.addAction(self.quit)

        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addAction(self.undo)
        edit_menu.addAction(self.redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.highlight)
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.search_library)

        article_menu = menu_bar.addMenu("&Article")
        for made in (self.toggle_read, self.toggle_archived, self.edit_details, self.open_source):
            article_menu.addAction(made)
        article_menu.addSeparator()
        article_menu.addAction(self.delete_articles)

        view_menu = menu_bar.addMenu("&View")
        theme_menu = view_menu.addMenu("&Theme")
        for made in self.themes.values():
            theme_menu.addAction(made)
        view_menu.addSeparator()
        for made in (self.bigger_text, self.smaller_text, self.reset_text):
            view_menu.addAction(made)
        view_menu.addSeparator()
        view_menu.addAction(self.show_library)
        view_menu.addAction(self.show_sidebar)

        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts_help)
        help_menu.addAction(self.about)

    def library_actions(self) -> list[QAction]:
        """The actions that work on the open library (or save settings in its folder).

        The window disables them while the library opens (undo and redo follow the undo stack);
        once it is open, those on the article follow the article shown.
        """
        return [self.import_files, self.import_folder, self.import_clipboard, self.export, self.preferences,
                self.search_library, self.highlight, self.toggle_read, self.toggle_archived, self.edit_details,
                self.open_source, self.delete_articles, self.bigger_text, self.smaller_text, self.reset_text,
                *self.themes.values(), self.about]

    def article_context_actions(self) -> list[QAction | None]:
        return [self.toggle_read, self.toggle_archived, self.edit_details, self.open_source, None,
                self.delete_articles]
