"""Placing highlights on a new version of their text: exact, moved, fuzzy, or orphan.

The order, for each highlight (DESIGN.md; measured in research/anchoring.md):

1. The old position still holds the quote with the same 32 characters around it: EXACT.
2. The exact quote near the hint (the landmark map's guess of where the old position went,
   plus the guesses of landmarks near the highlight that moved elsewhere). A candidate with
   the very same prefix and suffix is taken at once: EXACT if at the old offsets, else MOVED.
3. Near the hints, the quote folded (case, accents, quotes, dashes, spacing) and then
   approximately (the quote alone, and the quote inside its prefix and suffix, aligned with
   rapidfuzz). A match with quote similarity >= LOCAL_QUOTE and score >= LOCAL_SCORE is
   taken at once.
4. Otherwise every exact occurrence in the whole text joins the candidates, and the best
   acceptable candidate wins; if none is acceptable the highlight is an ORPHAN: kept with
   its quote, note and tags for review, never dropped.

The scores and thresholds are in `placement`; the search itself in `search`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.domain.anchoring.landmarks import LandmarkMap
from reader.domain.anchoring.matching import FoldedText
from reader.domain.anchoring.placement import WINDOW, AnchorLike, Placement
from reader.domain.anchoring.search import Search
from reader.domain.models import AnchorState
from reader.domain.text import quote_context


class Reanchorer:
    """Places highlights made on `old_text` onto `new_text`; build once per article change."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text = old_text
        self.new_text = new_text
        self._landmarks: LandmarkMap | None = None
        self._folded: FoldedText | None = None
        self._folded_old: FoldedText | None = None

    @property
    def landmarks(self) -> LandmarkMap:
        if self._landmarks is None:
            self._landmarks = LandmarkMap(self.old_text, self.new_text)
        return self._landmarks

    @property
    def folded(self) -> FoldedText:
        if self._folded is None:
            self._folded = FoldedText(self.new_text)
        return self._folded

    @property
    def folded_old(self) -> FoldedText:
        if self._folded_old is None:
            self._folded_old = FoldedText(self.old_text)
        return self._folded_old

    def map_position(self, position: int) -> int:
        """Where an offset of the old text (a reading position, say) is in the new text."""
        if self.old_text == self.new_text:
            return max(0, min(position, len(self.new_text)))
        return self.landmarks.hint(position)

    def place(self, anchor: AnchorLike) -> Placement:
        """Where `anchor` goes on the new text (see the module docstring for the order)."""
        if self._holds(anchor):
            return self.placement(AnchorState.EXACT, anchor.start, anchor.end, 1.0)
        if not anchor.quote.strip() or not self.new_text.strip():
            return self.orphan(anchor)
        return self._at_hint(anchor) or Search(self, anchor).run()

    def place_all(self, anchors: Iterable[AnchorLike]) -> list[Placement]:
        return [self.place(anchor) for anchor in anchors]

    # --- helpers shared with _Search ----------------------------------------------------
    def _holds(self, anchor: AnchorLike) -> bool:
        start, end, text = anchor.start, anchor.end, self.new_text
        return (
            0 <= start < end <= len(text)
            and text[start:end] == anchor.quote
            and quote_context(text, start, end) == (anchor.prefix, anchor.suffix)
        )

    def _at_hint(self, anchor: AnchorLike) -> Placement | None:
        """The quote with its very context where the landmarks put it, and nowhere else near.

        The common case after an edit elsewhere, settled without a search; the full search
        would take the same candidate, as nothing can score higher or tie with it.
        """
        text, quote = self.new_text, anchor.quote
        start = self.landmarks.hint(anchor.start)
        end = start + len(quote)
        if text[start:end] != quote or quote_context(text, start, end) != (anchor.prefix, anchor.suffix):
            return None
        whole = anchor.prefix + quote + anchor.suffix
        reach = max(WINDOW, 4 * len(quote)) + len(whole)
        first = text.find(whole, max(0, start - reach), start + reach)
        if text.find(whole, first + 1, start + reach) >= 0:
            return None  # the same passage twice: let the search weigh the wider context
        state = AnchorState.EXACT if (start, end) == (anchor.start, anchor.end) else AnchorState.MOVED
        return self.placement(state, start, end, 1.0)

    def placement(self, state: AnchorState, start: int, end: int, score: float) -> Placement:
        prefix, suffix = quote_context(self.new_text, start, end)
        return Placement(state, start, end, round(score, 4), self.new_text[start:end], prefix, suffix)

    def orphan(self, anchor: AnchorLike) -> Placement:
        where = self.map_position(anchor.start) if self.new_text else 0
        return Placement(AnchorState.ORPHAN, where, where, None, anchor.quote, anchor.prefix, anchor.suffix)
