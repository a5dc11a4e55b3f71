"""Python's cyclic garbage collector held off while a bulk job builds many short-lived records.

An export makes tens of thousands of tuples and strings, nearly all freed by reference
counting as soon as their file is written; meanwhile every few hundred allocations the
collector ran, and now and then swept the whole heap (up to 35 ms of a 100 ms export).
The jobs make no reference cycles worth collecting before they end, so pausing costs
nothing but a collection of what they leave behind, after they end.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0  # jobs running with the collector paused (the window runs them on worker threads)
_was_enabled = False  # the collector's state before the first of them


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection inside the block; the collector's state is restored when
    the last of the overlapping blocks ends, however it ends (an error, a cancel)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
