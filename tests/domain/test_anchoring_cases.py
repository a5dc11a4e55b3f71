"""The fixed set of realistic edits (tests/fixtures/anchoring/cases.yaml): each highlight lands as expected."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from reader.domain.anchoring import Reanchorer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "anchoring"))
from cases import apply_edit, judge, load_cases  # noqa: E402

CASES = load_cases()


def test_the_set_is_big_and_varied_enough():
    assert len(CASES) >= 30
    kinds = Counter(case.kind for case in CASES)
    for kind in ("news correction", "inserted paragraph", "reordered paragraphs", "changed quote",
                 "whitespace", "unicode normalisation", "deleted passage", "repeated text", "unicode"):
        assert kinds[kind] >= 1, kind
    outcomes = Counter(h.span is None for case in CASES for h in case.highlights)
    assert outcomes[True] >= 8 and outcomes[False] >= 30  # orphans and placements both well covered


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_highlight_lands_where_expected(case):
    reanchorer = Reanchorer(case.old, case.new)
    for expected in case.highlights:
        placement = reanchorer.place(expected.anchor)
        found = case.new[placement.start:placement.end] if placement.placed else "an orphan"
        wanted = case.new[slice(*expected.span)] if expected.span else "an orphan"
        assert judge(expected, placement) == "right", (
            f"{expected.anchor.quote!r}: {placement.state.value} {found!r} (score {placement.score}), "
            f"expected {expected.state.value + ' ' if expected.state else ''}{wanted!r}")


def test_an_edit_that_finds_nothing_to_change_fails_loudly():
    with pytest.raises(ValueError, match="occurs 0 times"):
        apply_edit("some text", {"replace": ["absent", "x"]}, "case")
    with pytest.raises(ValueError, match="changes nothing"):
        apply_edit("plain", {"transform": "nfd"}, "case")
