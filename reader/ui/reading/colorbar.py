"""The small bar of colour swatches that appears over a selection."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from reader.domain.colors import PALETTE, color_label
from reader.ui.reading.hits import swatch_icon
from reader.ui.reading.typography import Typography


class ColorBar(QFrame):
    """One round swatch per palette colour; clicking one asks to highlight in it.

    The buttons never take focus, so the view keeps its selection while the bar is used.

    Signals:
        color_chosen(str): the colour key of the swatch clicked.
    """

    color_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("color_bar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        self._buttons: dict[str, QToolButton] = {}
        for number, key in enumerate(PALETTE, start=1):
            button = QToolButton(self)
            button.setObjectName(f"color_bar_{key}")
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, key=key: self.color_chosen.emit(key))
            layout.addWidget(button)
            self._buttons[key] = button
        self.set_names({})

    def set_names(self, names: Mapping[str, str]) -> None:
        """What the user calls each colour, for the swatches' tooltips."""
        for number, (key, button) in enumerate(self._buttons.items(), start=1):
            label = color_label(key, names)
            button.setToolTip(f"Highlight in {label} ({number})")
            button.setAccessibleName(f"Highlight in {label}")

    def apply(self, typography: Typography, current: str) -> None:
        """Swatches in the theme's colours, the current colour a little larger.

        Dark themes use their stronger line colours: their fills are too dim for a swatch.
        """
        theme = typography.theme
        colors = theme.underline if theme.is_dark else theme.highlights
        for key, button in self._buttons.items():
            size = 20 if key == current else 16
            button.setIcon(swatch_icon(QColor(colors.get(key, "#cccccc")), size))
            button.setIconSize(QSize(size, size))
            button.setFixedSize(26, 26)
        self.setStyleSheet(
            f"QFrame#color_bar {{ background: {theme.panel}; border: 1px solid {theme.border};"
            f" border-radius: 8px; }}"
            f"QToolButton {{ border: none; border-radius: 6px; }}"
            f"QToolButton:hover {{ background: {theme.border}; }}"
        )
        self.adjustSize()
