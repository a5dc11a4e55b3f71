"""The landmark map: where a place of the old text is in the new one, from passages unique in both.

A paragraph (line) that occurs exactly once in the old text and once in the new one pins
its start and end in each text to the other; inside paragraphs that changed, a run of six
words occurring once in each does the same. Chaining the pins in order (the longest
increasing subsequence, as patience diff does) gives a monotone map that ignores moved or
duplicated text; pins off the chain still tell where a moved passage went. Matching whole
paragraphs first keeps the word-level work to the paragraphs an edit touched.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator

SHINGLE_WORDS = 6
_WORD = re.compile(r"\w+")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` with its offset."""
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


def _unique(items: Iterable[tuple[object, int]]) -> dict[object, int]:
    """The keys occurring once among `(key, position)` items, with their positions."""
    items = list(items)
    counts = Counter(key for key, _ in items)
    return {key: position for key, position in items if counts[key] == 1}


def _shingles(words: list[tuple[int, str]], size: int = SHINGLE_WORDS) -> Iterator[tuple[tuple[str, ...], int]]:
    """Each run of `size` words (case-folded) with the offset of its first word."""
    folded = [word.casefold() for _, word in words]
    for index, key in enumerate(zip(*(folded[k:] for k in range(size)))):
        yield key, words[index][0]


def _words(text: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The words of the given lines of `text`, with their offsets."""
    return [(start + match.start(), match.group()) for start, line in lines for match in _WORD.finditer(line)]


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by the first item) increasing in the second."""
    tails: list[int] = []  # tails[k]: smallest second item ending a chain of length k + 1
    tail_index: list[int] = []
    previous = [-1] * len(pairs)
    for index, (_, new) in enumerate(pairs):
        k = bisect.bisect_left(tails, new)
        if k == len(tails):
            tails.append(new)
            tail_index.append(index)
        else:
            tails[k] = new
            tail_index[k] = index
        previous[index] = tail_index[k - 1] if k else -1
    chain: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    chain.reverse()
    return chain


def _pins(old: str, new: str) -> list[tuple[int, int]]:
    """(old offset, new offset) pairs of places that correspond, sorted by the old offset."""
    old_lines, new_lines = list(_lines(old)), list(_lines(new))
    old_unique = _unique((line, start) for start, line in old_lines if line.strip())
    new_unique = _unique((line, start) for start, line in new_lines if line.strip())
    same = [(start, new_unique[line], len(line)) for line, start in old_unique.items() if line in new_unique]
    matched_old = {old_start for old_start, _, _ in same}
    matched_new = {new_start for _, new_start, _ in same}
    pins = [pin for old_start, new_start, length in same
            for pin in ((old_start, new_start), (old_start + length, new_start + length))]
    old_words = _words(old, [(s, line) for s, line in old_lines if s not in matched_old])
    new_words = _words(new, [(s, line) for s, line in new_lines if s not in matched_new])
    old_shingles = _unique(_shingles(old_words))
    new_shingles = _unique(_shingles(new_words))
    pins.extend((start, new_shingles[key]) for key, start in old_shingles.items() if key in new_shingles)
    return sorted(set(pins))


class LandmarkMap:
    """Maps offsets of `old` to offsets of `new` through landmarks (see the module docstring)."""

    def __init__(self, old: str, new: str) -> None:
        self._old_length = len(old)
        self._new_length = len(new)
        pins = _pins(old, new)
        chain = _increasing_chain(pins)
        self._old = [old_position for old_position, _ in chain]
        self._new = [new_position for _, new_position in chain]
        on_chain = set(chain)
        # Pins off the chain: a passage moved elsewhere keeps its own landmarks.
        self._stray = [pin for pin in pins if pin not in on_chain]
        self._stray_old = [old_position for old_position, _ in self._stray]

    @property
    def landmarks(self) -> int:
        """How many landmarks are chained (0 when the texts share no unique passage)."""
        return len(self._old)

    def hint(self, position: int) -> int:
        """Where `position` of the old text most likely is in the new text.

        Measured from the nearest landmark on either side (so text inserted between two
        landmarks misleads only the side it is on), capped between the two landmarks.
        """
        if not self._old:
            if not self._old_length:
                return 0
            return self._clamp(round(position * self._new_length / self._old_length))
        right = bisect.bisect_right(self._old, position)  # the first landmark after `position`
        left = right - 1
        if left >= 0 and (right == len(self._old) or position - self._old[left] <= self._old[right] - position):
            guess = self._new[left] + (position - self._old[left])
            if right < len(self._new):
                guess = min(guess, self._new[right])
        else:
            guess = self._new[right] - (self._old[right] - position)
            if left >= 0:
                guess = max(guess, self._new[left])
        return self._clamp(guess)

    def stray_hints(self, start: int, end: int, radius: int) -> list[int]:
        """Where landmarks near old `[start, end)` that left the chain put `start` in the new text."""
        low = bisect.bisect_left(self._stray_old, start - radius)
        high = bisect.bisect_right(self._stray_old, end + radius)
        return [self._clamp(new + (start - old)) for old, new in self._stray[low:high]]

    def _clamp(self, position: int) -> int:
        return max(0, min(self._new_length, position))


def shared_share(old: str, new: str, size: int = 3) -> float:
    """How much of the shorter text's word `size`-grams the other text has too (0..1).

    Tells a new version of an article (most runs of words shared) from another article
    that happens to have the same address or file name (almost none shared).
    """
    def grams(text: str) -> set[tuple[str, ...]]:
        words = [word.casefold() for word in _WORD.findall(text)]
        if len(words) < size:
            return {tuple(words)} if words else set()
        return set(zip(*(words[k:] for k in range(size))))

    old_grams, new_grams = grams(old), grams(new)
    if not old_grams or not new_grams:
        return 1.0 if old_grams == new_grams else 0.0
    return len(old_grams & new_grams) / min(len(old_grams), len(new_grams))
