"""The reading pane of the window: an article rendered from its blocks, highlights, find.

`ReadingPane` (the view plus its find bar) is what the window puts in its centre;
`ReadingView` is the text itself, with the public methods and signals the window uses.
They are imported on first use, so the pure modules here (segments, find) load without Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.ui.reading.pane import ReadingPane
    from reader.ui.reading.view import ReadingView

__all__ = ["ReadingPane", "ReadingView"]


def __getattr__(name: str) -> Any:
    if name == "ReadingPane":
        from reader.ui.reading.pane import ReadingPane

        return ReadingPane
    if name == "ReadingView":
        from reader.ui.reading.view import ReadingView

        return ReadingView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
