"""The window's actions (with their shortcuts) and the menu bar built from them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenuBar

from reader.services.settings import THEMES


def key_text(action: QAction) -> str:
    """The action's shortcuts as its menu shows them ("Ctrl+Del"), or the keys after a tab in
    its text when a pane handles them (H in the reading pane)."""
    keys = [shortcut.toString(QKeySequence.SequenceFormat.NativeText) for shortcut in action.shortcuts()]
    _, tab, shown = action.text().partition("\t")
    return ", ".join(keys) if keys else (shown if tab else "")


class WindowActions:
    """Every QAction of the window, created once; the window connects their triggered signals.

    Each action that has keys also says what it does for the Keyboard Shortcuts list (`help`),
    so the list and the menus are made from the same actions and cannot disagree.
    """

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack) -> None:
        self.help: list[tuple[QAction, str, str]] = []  # action, what it does, keys that work elsewhere

        def action(name: str, text: str, *shortcuts, tip: str = "", checkable: bool = False, help: str = "",
                   pane_keys: str = "", also: str = "") -> QAction:
            """`pane_keys`: the keys of an action a pane handles itself (shown in its menu after a
            tab); `also`: other places its keys work, for the help list only."""
            made = QAction(f"{text}\t{pane_keys}" if pane_keys else text, window)
            made.setObjectName(name)
            keys = []
            for shortcut in map(QKeySequence, shortcuts):
                # a standard key may be nothing on this platform, or the same as the key given with it
                if not shortcut.isEmpty() and shortcut not in keys:
                    keys.append(shortcut)
            if keys:
                made.setShortcuts(keys)
            made.setCheckable(checkable)
            if tip:
                made.setStatusTip(tip)
            if help:
                self.help.append((made, help, also))
            window.addAction(made)  # shortcuts work even with the menu bar hidden
            return made

        self.import_files = action("import_files", "&Import Files\u2026", QKeySequence.StandardKey.Open,
                                   tip="Import HTML, Markdown or text files", help="Import files")
        self.import_folder = action("import_folder", "Import &Folder\u2026", "Ctrl+Shift+O",
                                    tip="Import every article in a folder", help="Import a folder")
        self.import_clipboard = action("import_clipboard", "Import from &Clipboard", "Ctrl+Shift+V",
                                       tip="Import the copied text, page, file paths or web address",
                                       help="Import what is on the clipboard: text, a page, paths",
                                       also="also Ctrl+V in the list or the article")
        self.export = action("export", "&Export Notes…", "Ctrl+E",
                             tip="Export highlights and notes as Markdown, or the library as a JSON backup",
                             help="Export notes to Markdown, or a JSON backup")
        self.preferences = action("preferences", "&Preferences…", QKeySequence.StandardKey.Preferences,
                                  "Ctrl+,", help="Preferences: theme, font, colour names, the export template")
        self.quit = action("quit", "&Quit", QKeySequence.StandardKey.Quit, "Ctrl+Q", help="Quit")

        # Own actions rather than the stack's: the window settles note typing before undoing.
        self.undo = action("undo", "&Undo", QKeySequence.StandardKey.Undo, help="Undo")
        self.redo = action("redo", "&Redo", "Ctrl+Shift+Z", "Ctrl+Y", help="Redo")
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        undo_stack.undoTextChanged.connect(lambda text: self.undo.setText(f"&Undo {text}".rstrip()))
        undo_stack.redoTextChanged.connect(lambda text: self.redo.setText(f"&Redo {text}".rstrip()))
        self.find = action("find_in_article", "&Find in Article\u2026", QKeySequence.StandardKey.Find,
                           help="Find in the article", also="then F3, Shift+F3: next, previous")
        self.search_library = action("search_library", "&Search Library\u2026", "Ctrl+Shift+F",
                                     help="Search the library",
                                     also="also / in the list or the article; then Down: to the results")
        # H belongs to the reading pane (it has the selection); a window-wide H would take the
        # letter from the list's type-to-find
        self.highlight = action("highlight_selection", "&Highlight Selection", tip="Highlight the selected text (H)",
                                pane_keys="H", help="Highlight the selection in the current colour")

        self.toggle_read = action("toggle_read", "Mark as &Read", "Ctrl+Shift+R", help="Mark read or unread")
        self.toggle_archived = action("toggle_archived", "&Archive", "Ctrl+Shift+E", help="Archive or unarchive")
        self.edit_details = action("edit_details", "Edit &Details\u2026", "F2",
                                   help="Edit the article's title, author, date and site")
        self.open_source = action("open_source", "Open &Source in Browser", "Ctrl+Shift+L",
                                  help="Open the article's source in the browser")
        self.delete_articles = action("delete_articles", "&Delete Article", "Ctrl+Delete",
                                      help="Delete the selected articles (undo brings them back)",
                                      also="also Delete in the list")

        self.bigger_text = action("bigger_text", "&Bigger Text", QKeySequence.StandardKey.ZoomIn, "Ctrl+=",
                                  help="Bigger text")
        self.smaller_text = action("smaller_text", "&Smaller Text", QKeySequence.StandardKey.ZoomOut,
                                   help="Smaller text")
        self.reset_text = action("reset_text", "&Default Text Size", "Ctrl+0", help="Default text size")
        self.show_library = action("show_library", "Show &Library", "Ctrl+Shift+1", checkable=True,
                                   help="Show or hide the library")
        self.show_sidebar = action("show_sidebar", "Show &Notes Sidebar", "Ctrl+Shift+2", checkable=True,
                                   help="Show or hide the notes sidebar")
        self.theme_group = QActionGroup(window)
        self.themes: dict[str, QAction] = {}
        for name in THEMES:
            label = "Follow the &System" if name == "system" else f"&{name.capitalize()}"
            made = action(f"theme_{name}", label, checkable=True)
            self.theme_group.addAction(made)
            self.themes[name] = made

        self.shortcuts_help = action("shortcuts_help", "&Keyboard Shortcuts", "F1", help="This list")
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
