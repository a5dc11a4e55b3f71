"""The reading pane of the window: an article rendered from its blocks, highlights, find.

`ReadingPane` (the view plus its find bar) is what the window puts in its centre;
`ReadingView` is the text itself, with the public methods and signals the window uses.
"""

from reader.ui.reading.pane import ReadingPane
from reader.ui.reading.view import ReadingView

__all__ = ["ReadingPane", "ReadingView"]
