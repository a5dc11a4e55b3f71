"""What re-anchoring takes and gives (anchors, placements) and the thresholds it decides by.

A candidate place for a highlight is scored as Hypothesis does, with more weight on
position, since after a re-import the position means something:

    score = 0.5 * quote + 0.2 * prefix + 0.2 * suffix + 0.1 * proximity

quote, prefix and suffix are normalised Levenshtein similarities (1 - edits / the longer
length), compared folded (case, accents, quotes, dashes and spacing ignored); proximity is
1 - the distance to the nearest hint / a quarter of the text. A candidate is acceptable when

- quote >= MIN_QUOTE, score >= MIN_SCORE and (prefix + suffix) / 2 >= MIN_CONTEXT: the
  words are (nearly) the same and so is at least half of what surrounds them; a quote
  changed more than LOCAL_QUOTE allows also needs each side to agree (>= BOTH_ENDS); or
- the folded quote is identical, at least UNIQUE_QUOTE_CHARS long, and occurs exactly once
  in the old text and once in the new one: such a passage is a landmark of its own, so a
  paragraph moved to a new neighbourhood keeps its highlight;

and it is not another passage of the old text: an unchanged quote the old text had more than
once goes to the copy whose place it is nearest to; a changed passage the old text already
had at that place (a neighbouring sentence, a repeated line) is that old text; and at least
FROM_QUOTE of a changed passage must be the old quote's own characters, so the end of one
sentence and the start of the next, left side by side when a highlight was deleted, never
pass for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reader.domain.models import AnchorState

MIN_QUOTE = 0.75
MIN_SCORE = 0.75
MIN_CONTEXT = 0.5
EARLY_CONTEXT = 1.0
LOCAL_QUOTE = 0.9
LOCAL_SCORE = 0.85
UNIQUE_QUOTE_CHARS = 24
WINDOW = 2000  # characters searched on each side of a hint (at least 4 quote lengths)
STRAY_RADIUS = 256  # landmarks this close to a highlight that left the chain give extra hints
PROXIMITY_SCALE = 0.25  # proximity falls to 0 at this share of the text's length from the hint
WEIGHTS = (0.5, 0.2, 0.2, 0.1)  # quote, prefix, suffix, proximity
BOTH_ENDS = 0.6  # ...and a quote changed more than LOCAL_QUOTE allows needs this much on each side
SAME_PLACE = 8  # an old passage mapped this close to a candidate is the candidate
FROM_QUOTE = 0.5  # share of a changed passage that must be the old quote's text, kept
TIE = 0.02  # candidates this close in score are told apart by WIDE_CONTEXT characters each side
WIDE_CONTEXT = 600
MAX_RIVALS = 50


class AnchorLike(Protocol):
    """What re-anchoring needs of a highlight: its position and quote selectors."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """A position and quote selector (a Highlight has the same fields)."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a highlight landed on the new text, how, and its selectors for that text.

    An orphan keeps its old quote, prefix and suffix (for review) and an empty span at the
    best guess of where its passage was; `score` is None for orphans.
    """

    state: AnchorState
    start: int
    end: int
    score: float | None
    quote: str
    prefix: str
    suffix: str

    @property
    def placed(self) -> bool:
        return self.state is not AnchorState.ORPHAN
