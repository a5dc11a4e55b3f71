"""The search for one highlight that did not stay put: candidates, their scores, the choice."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from reader.domain.anchoring.matching import FoldedSpan, align, fold, occurrences, similarity, whole_clusters
from reader.domain.anchoring.placement import (
    BOTH_ENDS,
    EARLY_CONTEXT,
    FROM_QUOTE,
    LOCAL_QUOTE,
    LOCAL_SCORE,
    MAX_RIVALS,
    MIN_CONTEXT,
    MIN_QUOTE,
    MIN_SCORE,
    PROXIMITY_SCALE,
    SAME_PLACE,
    STRAY_RADIUS,
    TIE,
    UNIQUE_QUOTE_CHARS,
    WEIGHTS,
    WIDE_CONTEXT,
    WINDOW,
    AnchorLike,
    Placement,
)
from reader.domain.models import AnchorState
from reader.domain.text import CONTEXT_LENGTH, normalize_with_map, quote_context

if TYPE_CHECKING:
    from reader.domain.anchoring.reanchor import Reanchorer


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    quote: float
    prefix: float
    suffix: float
    proximity: float

    @property
    def context(self) -> float:
        return (self.prefix + self.suffix) / 2

    @property
    def evidence(self) -> float:
        """The score without proximity: what the text itself says."""
        quote_weight, prefix_weight, suffix_weight, _ = WEIGHTS
        return quote_weight * self.quote + prefix_weight * self.prefix + suffix_weight * self.suffix

    @property
    def score(self) -> float:
        return self.evidence + WEIGHTS[3] * self.proximity


class Search:
    """The search for one highlight that did not stay put."""

    def __init__(self, owner: Reanchorer, anchor: AnchorLike) -> None:
        self.owner = owner
        self.anchor = anchor
        self.text = owner.new_text
        self.reach = max(WINDOW, 4 * len(anchor.quote))
        landmarks = owner.landmarks
        self.hints = [landmarks.hint(anchor.start)]
        for hint in landmarks.stray_hints(anchor.start, anchor.end, STRAY_RADIUS):
            if all(abs(hint - known) > self.reach for known in self.hints):
                self.hints.append(hint)
        self.candidates: dict[tuple[int, int], _Candidate] = {}
        self._folded_quote: str | None = None
        self._folded_context: dict[str, str] = {}
        self._copies: dict[tuple[str, bool], list[int]] = {}

    def run(self) -> Placement:
        quote = self.anchor.quote
        for hint in self.hints:
            for start in occurrences(self.text, quote, hint - self.reach, hint + self.reach + len(quote)):
                self._consider(start, start + len(quote))
        best = self._best(lambda c: c.quote == 1.0 and c.context >= EARLY_CONTEXT)
        if best is not None:
            return self._accept(best)

        folded_quote = self.folded_quote
        if not folded_quote:
            return self.owner.orphan(self.anchor)
        needle, inner = self._context_needle() if self.anchor.prefix or self.anchor.suffix else ("", (0, 0))
        for hint in self.hints:
            view = self.owner.folded.around(hint - self.reach - len(needle), hint + self.reach + 2 * len(needle))
            centre = view.to_folded(hint)
            low, high = centre - self.reach, centre + self.reach + len(folded_quote)
            for start in occurrences(view.folded, folded_quote, low, high):
                self._consider_folded(view, start, start + len(folded_quote))
            for span in (align(folded_quote, (0, len(folded_quote)), view.folded, low, high),
                         align(needle, inner, view.folded, low - len(needle), high + len(needle))):
                if span is not None:
                    self._consider_folded(view, *span)
        best = self._best(lambda c: c.quote >= LOCAL_QUOTE and c.score >= LOCAL_SCORE)
        if best is not None:
            return self._accept(best)

        for start in occurrences(self.text, quote):
            self._consider(start, start + len(quote))
        best = self._best(lambda c: True)
        return self._accept(best) if best is not None else self.owner.orphan(self.anchor)

    # --- candidates ---------------------------------------------------------------------
    @property
    def folded_quote(self) -> str:
        if self._folded_quote is None:
            self._folded_quote = fold(self.anchor.quote)
        return self._folded_quote

    def _context_needle(self) -> tuple[str, tuple[int, int]]:
        """The folded prefix + quote + suffix, and where the quote is inside it."""
        anchor = self.anchor
        folded, origin = normalize_with_map(anchor.prefix + anchor.quote + anchor.suffix, strip_marks=True)
        start = len(anchor.prefix)
        return folded, (bisect.bisect_left(origin, start), bisect.bisect_left(origin, start + len(anchor.quote)))

    def _consider_folded(self, view: FoldedSpan, start: int, end: int) -> None:
        raw_start, raw_end = view.to_raw(start, end)
        raw_start, raw_end = whole_clusters(self.text, raw_start, raw_end)
        self._consider(raw_start, raw_end)

    def _consider(self, start: int, end: int) -> None:
        text, anchor = self.text, self.anchor
        while start < end and text[start].isspace() and not anchor.quote[:1].isspace():
            start += 1
        while end > start and text[end - 1].isspace() and not anchor.quote[-1:].isspace():
            end -= 1
        if end <= start or (start, end) in self.candidates:
            return
        passage = text[start:end]
        quote = 1.0 if passage == anchor.quote else similarity(self.folded_quote, fold(passage))
        prefix, suffix = quote_context(text, start, end)
        distance = min(abs(start - hint) for hint in self.hints)
        proximity = max(0.0, 1.0 - distance / (PROXIMITY_SCALE * len(text)))
        self.candidates[(start, end)] = _Candidate(
            start, end, quote, self._context_similarity(anchor.prefix, prefix),
            self._context_similarity(anchor.suffix, suffix), proximity)

    def _context_similarity(self, stored: str, found: str) -> float:
        """Similarity of a stored prefix or suffix to the one found, ignoring what folding ignores."""
        if stored == found:
            return 1.0
        folded = self._folded_context.get(stored)
        if folded is None:
            folded = self._folded_context[stored] = fold(stored)
        found_folded = fold(found)
        if not folded or not found_folded:
            # nothing but spacing (or the very start or end of the text) on one side: that
            # says where the passage is, so compare as it is
            return similarity(stored, found)
        return similarity(folded, found_folded)

    def _best(self, condition: Callable[[_Candidate], bool]) -> _Candidate | None:
        """The best-scoring acceptable candidate meeting `condition`.

        Candidates as good on quote and context (within TIE, distance aside) are told apart
        by WIDE_CONTEXT characters on each side, then by score: two copies of a passage with
        the same 32 characters around them are told apart by their wider surroundings rather
        than by the hint alone.
        """
        def fits(c: _Candidate) -> bool:
            return condition(c) and self._acceptable(c)

        def overlaps(a: _Candidate, b: _Candidate) -> bool:
            return a.start < b.end and b.start < a.end

        ranked = sorted(self.candidates.values(), key=lambda c: (-c.score, c.start))
        best = next((c for c in ranked if fits(c)), None)
        if best is None:
            return None
        if best.quote < 1.0:
            # the quote itself, unchanged, at the same place beats a variant with other ends
            best = next((c for c in ranked if c.quote == 1.0 and overlaps(c, best) and fits(c)), best)
        rivals = [c for c in ranked if c is not best and c.evidence >= best.evidence - TIE
                  and not (c.quote < 1.0 and overlaps(c, best))][:MAX_RIVALS]
        tied = [best] + [c for c in rivals if fits(c)]
        if len(tied) == 1:
            return best
        return max(tied, key=lambda c: (round(self._wide_context(c), 2), c.score, -c.start))

    def _acceptable(self, c: _Candidate) -> bool:
        if c.quote < MIN_QUOTE:
            return False
        agreed = c.score >= MIN_SCORE and c.context >= MIN_CONTEXT
        if agreed and c.quote < LOCAL_QUOTE:
            # a quote changed this much needs both of its ends to agree with the old context
            agreed = min(c.prefix, c.suffix) >= BOTH_ENDS
        if not agreed and not (self.text[c.start:c.end] == self.anchor.quote and self._is_own_landmark):
            return False
        return not self._belongs_elsewhere(c)

    @functools.cached_property
    def _is_own_landmark(self) -> bool:
        # the same for every candidate of one search: two scans of each whole text, done once
        folded_quote = self.folded_quote
        return (
            len(folded_quote) >= UNIQUE_QUOTE_CHARS
            and self.owner.old_text.count(self.anchor.quote) == 1
            and self.owner.new_text.count(self.anchor.quote) == 1
        )

    def _belongs_elsewhere(self, c: _Candidate) -> bool:
        """Whether the candidate is another passage of the old text rather than this highlight.

        The unchanged quote, when the old text had it more than once, belongs to the old copy
        whose place (through the landmarks) it is nearest to. A changed passage must be text
        the edit made: if the old text had it (folded) outside the highlight and that old
        text went where the candidate is, the candidate is that old text (a neighbouring
        sentence, a repeated line), not the quote after an edit; and most of it must be the
        old quote's own characters (see `_share_from_quote`).
        """
        raw = self.text[c.start:c.end]
        own = min(abs(c.start - hint) for hint in self.hints)
        if raw == self.anchor.quote:
            if own == 0:
                return False  # exactly where the landmarks put it: no other copy can be nearer
            return self._nearest_copy(self._old_copies(raw, self.owner.old_text, None), c.start) < own
        passage = fold(raw)
        around = 2 * self.reach + len(raw)  # the old text this highlight's search could have come from
        view = self.owner.folded_old.around(self.anchor.start - around, self.anchor.end + around)
        copies = self._old_copies(passage, view.folded, view)
        if passage == self.folded_quote:
            return self._nearest_copy(copies, c.start) < own
        if self._nearest_copy(copies, c.start) <= max(SAME_PLACE, len(raw) // 4):
            return True
        return self._share_from_quote(c) < FROM_QUOTE

    @staticmethod
    def _nearest_copy(copies: list[int], position: int) -> float:
        """The distance from `position` to the nearest of the sorted `copies` (inf if none)."""
        index = bisect.bisect_left(copies, position)
        return min((abs(position - copies[i]) for i in (index - 1, index) if 0 <= i < len(copies)),
                   default=float("inf"))

    def _share_from_quote(self, c: _Candidate) -> float:
        """How much of a changed passage is the old quote's own text, kept by the edit.

        The old highlight with some context and the candidate with as much are aligned; the
        characters of the candidate that align, unchanged, with characters of the old quote
        count. A passage the edit made up of the text around a deleted highlight (the end
        of the sentence before and the start of the one after) counts almost nothing.
        """
        old, new, anchor = self.owner.old_text, self.text, self.anchor
        old_low, new_low = max(0, anchor.start - CONTEXT_LENGTH), max(0, c.start - CONTEXT_LENGTH)
        old_part = old[old_low:anchor.end + CONTEXT_LENGTH]
        new_part = new[new_low:c.end + CONTEXT_LENGTH]
        quote = (anchor.start - old_low, anchor.end - old_low)
        passage = (c.start - new_low, c.end - new_low)
        # An edit often has several cheapest alignments ("min" + "pel" left side by side when
        # "i misor mipel " went may keep the quote's "pel" or the next word's): the quote is
        # credited only with what both the first and the last of them keep.
        forward = _kept(Levenshtein.opcodes(old_part, new_part), quote, passage)
        backward = _kept(Levenshtein.opcodes(old_part[::-1], new_part[::-1]),
                         (len(old_part) - quote[1], len(old_part) - quote[0]),
                         (len(new_part) - passage[1], len(new_part) - passage[0]))
        return min(forward, backward) / (c.end - c.start)

    def _old_copies(self, passage: str, old: str, folded: FoldedSpan | None) -> list[int]:
        """Where the old text's copies of `passage` outside the highlight went, sorted.

        `old` is the old text, or its folded form when `folded` (its view) is given.
        """
        key = (passage, folded is None)
        found = self._copies.get(key)
        if found is None:
            anchor, landmarks = self.anchor, self.owner.landmarks
            found = []
            for position in occurrences(old, passage):
                start, end = (position, position + len(passage)) if folded is None else \
                    folded.to_raw(position, position + len(passage))
                if not (anchor.start < end and start < anchor.end):
                    found.append(landmarks.hint(start))
            found = self._copies[key] = sorted(found)
        return found

    def _wide_context(self, c: _Candidate) -> float:
        """How alike the text around the candidate and around the old highlight are, widely."""
        old, new, anchor = self.owner.old_text, self.text, self.anchor
        before = similarity(old[max(0, anchor.start - WIDE_CONTEXT):anchor.start],
                            new[max(0, c.start - WIDE_CONTEXT):c.start])
        after = similarity(old[anchor.end:anchor.end + WIDE_CONTEXT], new[c.end:c.end + WIDE_CONTEXT])
        return before + after

    def _accept(self, best: _Candidate) -> Placement:
        if self.text[best.start:best.end] != self.anchor.quote:
            state = AnchorState.FUZZY
        elif (best.start, best.end) == (self.anchor.start, self.anchor.end):
            state = AnchorState.EXACT
        else:
            state = AnchorState.MOVED
        return self.owner.placement(state, best.start, best.end, best.score)


def _kept(opcodes, quote: tuple[int, int], passage: tuple[int, int]) -> int:
    """How many characters the alignment `opcodes` keeps unchanged from `quote` (source span) into `passage`."""
    kept = 0
    for op in opcodes:
        if op.tag == "equal":
            shift = op.dest_start - op.src_start
            low = max(op.src_start, quote[0], passage[0] - shift)
            high = min(op.src_end, quote[1], passage[1] - shift)
            kept += max(0, high - low)
    return kept
