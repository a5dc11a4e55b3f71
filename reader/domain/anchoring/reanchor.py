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

Every candidate is scored as Hypothesis does, with more weight on position, since after a
re-import the position means something:

    score = 0.5 * quote + 0.2 * prefix + 0.2 * suffix + 0.1 * proximity

where quote, prefix and suffix are normalised Levenshtein similarities (1 - edits / longer
length; the quote compared folded) and proximity = 1 - distance to the nearest hint / (a
quarter of the text). A candidate is acceptable when

- quote >= MIN_QUOTE, score >= MIN_SCORE and (prefix + suffix) / 2 >= MIN_CONTEXT: the
  words are (nearly) the same and so is at least half of what surrounds them; or
- the folded quote is identical, at least UNIQUE_QUOTE_CHARS long, and occurs exactly once
  in the old text and once in the new one: such a passage is a landmark of its own, so a
  paragraph moved to a new neighbourhood keeps its highlight.

The context condition is what keeps a quote edited in place from jumping to a verbatim copy
elsewhere (a pull quote, a repeated sentence): the copy has the words but not the context,
and the edited passage near the hint wins. Short quotes need their context: a one-word
highlight whose sentence was rewritten on both sides becomes an orphan rather than a guess.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from reader.domain.anchoring.landmarks import LandmarkMap
from reader.domain.anchoring.matching import FoldedText, align, fold, occurrences, similarity, whole_clusters
from reader.domain.models import AnchorState
from rapidfuzz.distance import Levenshtein

from reader.domain.text import CONTEXT_LENGTH, normalize_with_map, quote_context

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
            return self._placement(AnchorState.EXACT, anchor.start, anchor.end, 1.0)
        if not anchor.quote.strip() or not self.new_text.strip():
            return self._orphan(anchor)
        return self._at_hint(anchor) or _Search(self, anchor).run()

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
        return self._placement(state, start, end, 1.0)

    def _placement(self, state: AnchorState, start: int, end: int, score: float) -> Placement:
        prefix, suffix = quote_context(self.new_text, start, end)
        return Placement(state, start, end, round(score, 4), self.new_text[start:end], prefix, suffix)

    def _orphan(self, anchor: AnchorLike) -> Placement:
        where = self.map_position(anchor.start) if self.new_text else 0
        return Placement(AnchorState.ORPHAN, where, where, None, anchor.quote, anchor.prefix, anchor.suffix)


class _Search:
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

        folded, folded_quote = self.owner.folded, self.folded_quote
        if not folded_quote:
            return self.owner._orphan(self.anchor)
        needle, inner = self._context_needle() if self.anchor.prefix or self.anchor.suffix else ("", (0, 0))
        for hint in self.hints:
            centre = folded.to_folded(hint)
            low, high = centre - self.reach, centre + self.reach + len(folded_quote)
            for start in occurrences(folded.folded, folded_quote, low, high):
                self._consider_folded(start, start + len(folded_quote))
            for span in (align(folded_quote, (0, len(folded_quote)), folded.folded, low, high),
                         align(needle, inner, folded.folded, low - len(needle), high + len(needle))):
                if span is not None:
                    self._consider_folded(*span)
        best = self._best(lambda c: c.quote >= LOCAL_QUOTE and c.score >= LOCAL_SCORE)
        if best is not None:
            return self._accept(best)

        for start in occurrences(self.text, quote):
            self._consider(start, start + len(quote))
        for start in occurrences(folded.folded, folded_quote):
            self._consider_folded(start, start + len(folded_quote))
        best = self._best(lambda c: True)
        return self._accept(best) if best is not None else self.owner._orphan(self.anchor)

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

    def _consider_folded(self, start: int, end: int) -> None:
        raw_start, raw_end = self.owner.folded.to_raw(start, end)
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
        if not agreed and not (c.quote == 1.0 and self._is_own_landmark()):
            return False
        return not self._belongs_elsewhere(c)

    def _is_own_landmark(self) -> bool:
        folded_quote = self.folded_quote
        return (
            len(folded_quote) >= UNIQUE_QUOTE_CHARS
            and self.owner.folded_old.folded.count(folded_quote) == 1
            and self.owner.folded.folded.count(folded_quote) == 1
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
        copies = self._old_copies(passage, self.owner.folded_old.folded, self.owner.folded_old)
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
        quote_low, quote_high = anchor.start - old_low, anchor.end - old_low
        passage_low, passage_high = c.start - new_low, c.end - new_low
        kept = 0
        for op in Levenshtein.opcodes(old_part, new_part):
            if op.tag == "equal":
                shift = op.dest_start - op.src_start
                low = max(op.src_start, quote_low, passage_low - shift)
                high = min(op.src_end, quote_high, passage_high - shift)
                kept += max(0, high - low)
        return kept / (c.end - c.start)

    def _old_copies(self, passage: str, old: str, folded: FoldedText | None) -> list[int]:
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
        return self.owner._placement(state, best.start, best.end, best.score)
