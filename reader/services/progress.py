"""How long work reports progress and learns it should stop (imports, exports, the window's jobs)."""

from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], None]  # (done, total, the item just done)
CancelCheck = Callable[[], bool]  # True once the user asked to stop
