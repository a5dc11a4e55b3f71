"""Themes: the colours of the reading pane, the panes around it, and each highlight colour."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True)
class Theme:
    """One appearance. Colours are hex strings; `highlights` maps palette keys to fills."""

    name: str
    is_dark: bool
    background: str  # reading pane
    text: str
    muted: str  # bylines, counts, secondary text
    link: str
    selection: str
    panel: str  # list and sidebar
    border: str
    accent: str
    highlights: dict[str, str]
    underline: dict[str, str]  # a stronger shade, for overlaps and focus
    error: str = "#b42318"  # what went wrong, e.g. a broken export template


_LIGHT_FILLS = {"yellow": "#fbe68b", "green": "#bfe8b5", "blue": "#bcdcfb", "pink": "#fbc7d9", "purple": "#dccdfb"}
_LIGHT_LINES = {"yellow": "#c9a400", "green": "#3f9a4a", "blue": "#2f7fd0", "pink": "#d0497a", "purple": "#7c5ad0"}
_DARK_FILLS = {"yellow": "#6b5a17", "green": "#2d5a34", "blue": "#264d73", "pink": "#6e2c47", "purple": "#4d3a78"}
_DARK_LINES = {"yellow": "#e6c84a", "green": "#6fcf7b", "blue": "#6fb3f2", "pink": "#f07aa3", "purple": "#ad92f2"}

# Each theme's selection is a deeper shade than any highlight fill: selected text must never look highlighted.
THEMES: dict[str, Theme] = {
    "light": Theme("light", False, background="#ffffff", text="#1f2328", muted="#6b7078", link="#1a5fb4",
                   selection="#8ab4ea", panel="#f6f7f8", border="#dcdfe3", accent="#2f6fb3",
                   highlights=_LIGHT_FILLS, underline=_LIGHT_LINES),
    "sepia": Theme("sepia", False, background="#f8f1e3", text="#3b2f22", muted="#7d6b55", link="#8a4b12",
                   selection="#dcc08f", panel="#f1e7d4", border="#dccbaa", accent="#9a5b1c",
                   highlights={"yellow": "#f5dc7c", "green": "#c9deaa", "blue": "#c4d8e8", "pink": "#f0c4c4",
                               "purple": "#d9cbe8"},
                   underline=_LIGHT_LINES, error="#a8321d"),
    "dark": Theme("dark", True, background="#1e1f22", text="#dcdde0", muted="#989ba1", link="#7fb2f0",
                  selection="#3f6fb0", panel="#26282c", border="#3a3d42", accent="#6ea4e6",
                  highlights=_DARK_FILLS, underline=_DARK_LINES, error="#ff8a80"),
}


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark appearance (Qt 6.5+ knows; otherwise guess from the palette)."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve_theme(name: str) -> Theme:
    """The theme for a setting: "light", "sepia", "dark", or "system" (follow the desktop)."""
    if name == "system":
        return THEMES["dark" if system_prefers_dark() else "light"]
    return THEMES.get(name, THEMES["light"])


def application_palette(theme: Theme) -> QPalette:
    """A Qt palette for the whole window in the theme's colours."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.panel,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.background,
        QPalette.ColorRole.AlternateBase: theme.panel,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.panel,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.ToolTipBase: theme.background,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Mid: theme.border,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(theme.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(theme.muted))
    return palette
