"""A shown reading pane with instant timers, for the reading pane's tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def pane(qtbot):
    """A shown ReadingPane of 800x600 with instant timers."""
    from reader.ui.reading import ReadingPane

    widget = ReadingPane()
    widget.view.position_delay_ms = 0
    widget.view.flash_ms = 0
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def view(pane):
    return pane.view
