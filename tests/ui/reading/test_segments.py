"""Flattening overlapping highlights into disjoint segments, and overlap clusters (pure)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.reading.segments import Span, affected_ranges, flatten, segments_at


def _shape(segments):
    return [(s.start, s.end, s.ids) for s in segments]


def test_disjoint_spans_give_one_segment_each():
    spans = [Span(0, 5, 1, "yellow"), Span(10, 12, 2, "blue")]
    assert _shape(flatten(spans)) == [(0, 5, (1,)), (10, 12, (2,))]


def test_overlap_splits_into_three_with_the_later_start_on_top():
    spans = [Span(0, 10, 1, "yellow"), Span(5, 15, 2, "blue")]
    assert _shape(flatten(spans)) == [(0, 5, (1,)), (5, 10, (2, 1)), (10, 15, (2,))]


def test_nested_highlight_is_on_top_inside_the_outer_one():
    spans = [Span(0, 20, 1, "yellow"), Span(5, 8, 2, "green"), Span(6, 7, 3, "pink")]
    assert _shape(flatten(spans)) == [
        (0, 5, (1,)), (5, 6, (2, 1)), (6, 7, (3, 2, 1)), (7, 8, (2, 1)), (8, 20, (1,))]


def test_touching_spans_do_not_overlap_and_equal_spans_put_the_newest_on_top():
    assert _shape(flatten([Span(0, 4, 1, "a"), Span(4, 8, 2, "b")])) == [(0, 4, (1,)), (4, 8, (2,))]
    assert _shape(flatten([Span(2, 6, 1, "a"), Span(2, 6, 7, "b")])) == [(2, 6, (7, 1))]


def test_empty_spans_are_ignored():
    assert flatten([Span(3, 3, 1, "a")]) == []
    assert flatten([]) == []


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15)), max_size=25))
def test_segments_cover_exactly_the_union_and_list_every_covering_span(raw):
    spans = [Span(start, start + length, index, "yellow") for index, (start, length) in enumerate(raw)]
    segments = flatten(spans)
    covered = set()
    for before, after in zip(segments, segments[1:]):
        assert before.end <= after.start  # disjoint and ordered
    for segment in segments:
        assert segment.start < segment.end
        for point in range(segment.start, segment.end):
            expected = {s.id for s in spans if s.start <= point < s.end}
            assert set(segment.ids) == expected
            covered.add(point)
    assert covered == {p for s in spans for p in range(s.start, s.end)}


def test_affected_ranges_follow_overlaps_transitively():
    spans = [Span(0, 10, 1, "a"), Span(8, 20, 2, "b"), Span(18, 30, 3, "c"), Span(40, 50, 4, "d")]
    assert affected_ranges(spans, [(9, 12)]) == [(0, 30)]
    assert affected_ranges(spans, [(42, 43)]) == [(40, 50)]
    assert affected_ranges(spans, [(32, 35)]) == [(32, 35)]  # nothing else there
    assert affected_ranges(spans, [(30, 40)]) == [(30, 40)]  # touching is not overlapping
    assert affected_ranges(spans, [(9, 12), (45, 46)]) == [(0, 30), (40, 50)]
    assert affected_ranges(spans, [(5, 5)]) == []


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=20),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), min_size=1, max_size=3))
def test_affected_ranges_are_closed_under_overlap(raw_spans, raw_changed):
    spans = [Span(start, start + length, index, "a") for index, (start, length) in enumerate(raw_spans)]
    changed = [(start, start + length) for start, length in raw_changed]
    ranges = affected_ranges(spans, changed)
    for before, after in zip(ranges, ranges[1:]):
        assert before[1] <= after[0]
    for start, end in changed:  # every change is inside a range
        assert any(low <= start and end <= high for low, high in ranges)
    for span in spans:  # a span overlapping a range lies wholly inside it
        for low, high in ranges:
            if span.start < high and low < span.end:
                assert low <= span.start and span.end <= high


def test_segments_at_finds_the_segment_holding_an_offset():
    segments = flatten([Span(0, 10, 1, "a"), Span(5, 15, 2, "b"), Span(20, 25, 3, "c")])
    starts = [s.start for s in segments]
    assert segments_at(segments, starts, 7).ids == (2, 1)
    assert segments_at(segments, starts, 17) is None
    assert segments_at(segments, starts, 24).ids == (3,)
    assert segments_at(segments, starts, 25) is None
