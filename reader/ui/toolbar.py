"""The window's toolbar: Import and Export as text buttons, and the library search box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QToolBar,
    QToolButton,
    QWidget,
)

SEARCH_MIN_WIDTH, SEARCH_MAX_WIDTH = 280, 420


def build_toolbar(window: QMainWindow, buttons: list[tuple[QAction, str]], search_field: QLineEdit) -> QToolBar:
    """A fixed toolbar on top of `window`: a text button per (action, label), then the search box
    on the right."""
    toolbar = QToolBar("Main", window, objectName="main_toolbar")
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    for action, label in buttons:
        # the action's icon text, not the button's: the button takes it again whenever the
        # action changes (as it does when the library opens and the action is enabled)
        action.setIconText(label)
        button = QToolButton(toolbar)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addWidget(button)
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    search_field.setMinimumWidth(SEARCH_MIN_WIDTH)
    search_field.setMaximumWidth(SEARCH_MAX_WIDTH)
    toolbar.addWidget(search_field)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def fit_placeholder(field: QLineEdit) -> None:
    """Let `field` be no narrower than its placeholder needs (within its maximum width).

    Call it after the style sheet changed: its padding is part of the width. In an 800 px
    window the search box was 310 px wide and cut its placeholder short, with room to spare.
    """
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    text_area = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    # what is not text: frame, padding, text margins and QLineEdit's own 2 px on each side
    chrome = field.width() - text_area.width() + margins.left() + margins.right() + 4
    needed = field.fontMetrics().horizontalAdvance(field.placeholderText()) + chrome
    field.setMinimumWidth(min(max(SEARCH_MIN_WIDTH, needed), field.maximumWidth()))
