"""Applies the user's theme and text size to the whole window and the reading pane."""

from __future__ import annotations

from string import Template

from PySide6.QtWidgets import QApplication

from reader.services.settings import Settings
from reader.shipped import resources_folder
from reader.ui.theme import Theme, application_palette, resolve_theme

DEFAULT_FONT_SIZE = Settings.font_size
MIN_FONT_SIZE, MAX_FONT_SIZE = 11, 32


def stylesheet(theme: Theme) -> str:
    """The window's style sheet (resources/styles/reader.qss) filled with the theme's colours."""
    folder = resources_folder()
    source = (folder / "styles" / "reader.qss").read_text(encoding="utf-8")
    return Template(source).safe_substitute(
        icons=(folder / "icons").as_posix(),  # Qt's url() takes forward slashes on every OS
        background=theme.background, text=theme.text, muted=theme.muted, panel=theme.panel,
        border=theme.border, accent=theme.accent, selection=theme.selection, link=theme.link,
        error=theme.error)


class Appearance:
    """The resolved theme and text size for the current settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def theme(self) -> Theme:
        return resolve_theme(self.settings.theme)

    def next_font_size(self, step: int) -> int:
        if step == 0:
            return DEFAULT_FONT_SIZE
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, self.settings.font_size + step))

    def apply(self, app: QApplication, view, sidebar) -> None:
        theme = self.theme
        app.setPalette(application_palette(theme))
        app.setStyleSheet(stylesheet(theme))
        view.set_appearance(theme, self.settings.font_size, self.settings.font_family)
        sidebar.set_theme(theme)
