"""Highlights that survive a changed text: landmarks, exact and approximate search, placements.

`Reanchorer(old_text, new_text).place(highlight)` says where a highlight made on the old
text goes on the new one, and how it got there (AnchorState EXACT, MOVED, FUZZY or
ORPHAN, with a score); see `reanchor` for the order and
`placement` for the scores and thresholds.
"""

from reader.domain.anchoring.placement import (
    MIN_CONTEXT,
    MIN_QUOTE,
    MIN_SCORE,
    UNIQUE_QUOTE_CHARS,
    Anchor,
    AnchorLike,
    Placement,
)


def __getattr__(name: str):
    # The matching machinery (rapidfuzz, landmarks) loads on first use, not when storage
    # imports Placement while the window starts.
    if name == "Reanchorer":
        from reader.domain.anchoring.reanchor import Reanchorer

        return Reanchorer
    if name in ("LandmarkMap", "shared_share"):
        from reader.domain.anchoring import landmarks

        return getattr(landmarks, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MIN_CONTEXT",
    "MIN_QUOTE",
    "MIN_SCORE",
    "UNIQUE_QUOTE_CHARS",
    "Anchor",
    "AnchorLike",
    "LandmarkMap",
    "Placement",
    "Reanchorer",
    "shared_share",
]
