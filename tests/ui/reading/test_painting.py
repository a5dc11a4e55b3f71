"""Highlights painted into the document: colours, overlaps, incremental changes, orphans."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextDocument
from reading_data import fill_at, format_at, fragment_formats, highlight_quote, make_article, make_highlight

from reader.domain.models import AnchorState, BlockKind, Mark, MarkKind
from reader.ui.offsets import OffsetMap
from reader.ui.reading.document import build_document
from reader.ui.reading.painter import HighlightPainter
from reader.ui.reading.typography import HIGHLIGHTED, Typography
from reader.ui.theme import THEMES

BLOCKS = [
    (BlockKind.PARAGRAPH, "Alpha beta gamma delta epsilon zeta eta theta."),
    (BlockKind.PARAGRAPH, "Emoji 😀 then words, a link here and some code here."),
]
_SECOND = BLOCKS[1][1]
MARKS = {1: [Mark(MarkKind.LINK, _SECOND.index("link"), _SECOND.index("link") + 9, "https://example.org"),
             Mark(MarkKind.CODE, _SECOND.index("code"), _SECOND.index("code") + 4)]}


def _setup(qapp, theme="light", text_blocks=BLOCKS, marks=MARKS):
    article = make_article(text_blocks, marks=marks)
    typography = Typography(THEMES[theme])
    document = QTextDocument()
    build_document(document, article, typography)
    offsets = OffsetMap(article.text)
    return article, document, offsets, HighlightPainter(document, offsets, typography), typography


def test_highlights_are_painted_in_their_colours(qapp):
    article, document, offsets, painter, _ = _setup(qapp)
    fills = THEMES["light"].highlights
    painter.set_highlights([highlight_quote(article, "beta gamma", "green", highlight_id=1),
                            highlight_quote(article, "words", "pink", highlight_id=2)])
    text = article.text
    assert fill_at(document, text.index("beta")) == fills["green"]
    assert fill_at(document, text.index("gamma") + 4) == fills["green"]
    assert fill_at(document, text.index(" delta")) is None
    assert fill_at(document, text.index("Alpha")) is None
    # after the emoji: code points, not UTF-16 units
    assert fill_at(document, text.index("words")) == fills["pink"]
    assert fill_at(document, text.index("words") - 1) is None
    assert fill_at(document, text.index("words") + 5) is None


def test_overlapping_highlights_stay_separate_and_the_overlap_looks_different(qapp):
    article, document, offsets, painter, _ = _setup(qapp)
    fills, lines = THEMES["light"].highlights, THEMES["light"].underline
    first = highlight_quote(article, "beta gamma delta", "yellow", highlight_id=1)
    second = highlight_quote(article, "delta epsilon", "blue", highlight_id=2)
    painter.set_highlights([first, second])
    text = article.text
    only_first = format_at(document, text.index("beta"))
    both = format_at(document, text.index("delta"))
    only_second = format_at(document, text.index("epsilon"))
    assert only_first.background().color().name() == fills["yellow"]
    assert only_second.background().color().name() == fills["blue"]
    # the overlap: deeper than the top colour and underlined in the other one's colour
    assert both.background().color().name() not in (fills["yellow"], fills["blue"])
    assert both.background().color().lightness() < QColor(fills["blue"]).lightness()
    assert both.underlineColor().name() == lines["yellow"]
    assert [h.id for h in painter.at(text.index("delta"))] == [2, 1]
    assert [h.id for h in painter.at(text.index("beta"))] == [1]
    assert painter.at(text.index("zeta")) == []


def test_the_dark_theme_lightens_overlaps(qapp):
    article, document, offsets, painter, _ = _setup(qapp, theme="dark")
    fill = THEMES["dark"].highlights["green"]
    painter.set_highlights([highlight_quote(article, "beta gamma", "green", highlight_id=1),
                            highlight_quote(article, "gamma", "green", highlight_id=2)])
    both = format_at(document, article.text.index("gamma"))
    assert both.background().color().lightness() > QColor(fill).lightness()


def test_removing_and_recolouring_repaint_and_restore_the_original_formats(qapp):
    article, document, offsets, painter, _ = _setup(qapp)
    pristine = fragment_formats(document)
    text = article.text
    a = highlight_quote(article, "a link here and some", "yellow", highlight_id=1)
    b = highlight_quote(article, "some code here", "purple", highlight_id=2)
    c = highlight_quote(article, "Alpha beta", "green", highlight_id=3)
    d = highlight_quote(article, "link here", "green", highlight_id=4)  # over the link, inside a
    painter.set_highlights([a, b, c, d])
    link_at, code_at = text.index("link"), text.index("code")
    link_format = format_at(document, link_at)
    assert link_format.isAnchor()  # painting keeps the link
    assert link_format.underlineColor().name() == THEMES["light"].underline["yellow"]  # the overlap's line
    assert format_at(document, code_at).background().color().name() == \
        THEMES["light"].highlights["purple"]
    painter.upsert(make_highlight(article, b.start, b.end, "blue", highlight_id=2))
    assert format_at(document, code_at).background().color().name() == THEMES["light"].highlights["blue"]
    assert format_at(document, text.index("Alpha")).background().color().name() == \
        THEMES["light"].highlights["green"]
    painter.remove(2)
    painter.remove(4)
    painter.remove(1)
    painter.remove(3)
    # every fragment is back to what the document had before any highlight
    assert fragment_formats(document) == pristine
    assert not any(fmt.hasProperty(HIGHLIGHTED) for _, _, fmt in fragment_formats(document))


def test_incremental_change_leaves_other_clusters_alone(qapp):
    article, document, offsets, painter, _ = _setup(qapp)
    far = highlight_quote(article, "some code here", "pink", highlight_id=9)
    painter.set_highlights([far, highlight_quote(article, "beta", "yellow", highlight_id=1)])
    block = document.findBlock(offsets.to_qt(far.start))
    untouched = [(f.fragment().position(), f.fragment().charFormat()) for f in block]
    painter.upsert(highlight_quote(article, "gamma delta", "green", highlight_id=2))
    painter.remove(1)
    assert [(f.fragment().position(), f.fragment().charFormat()) for f in document.findBlock(
        offsets.to_qt(far.start))] == untouched


def test_orphans_and_spans_outside_the_text_are_not_painted(qapp):
    article, document, offsets, painter, _ = _setup(qapp)
    pristine = fragment_formats(document)
    orphan = make_highlight(article, 0, 5, "yellow", highlight_id=1, state=AnchorState.ORPHAN)
    outside = make_highlight(article, 10, len(article.text) + 40, "blue", highlight_id=2)
    painter.set_highlights([orphan, outside])
    assert painter.highlights == {}
    assert fragment_formats(document) == pristine
    painter.upsert(orphan)
    assert fragment_formats(document) == pristine
    assert painter.remove(1) is False


def test_setting_highlights_again_replaces_the_old_ones(qapp):
    article, document, offsets, painter, _ = _setup(qapp)
    painter.set_highlights([highlight_quote(article, "beta", "yellow", highlight_id=1)])
    painter.set_highlights([highlight_quote(article, "theta", "blue", highlight_id=2)])
    assert fill_at(document, article.text.index("beta")) is None
    assert fill_at(document, article.text.index("theta")) == THEMES["light"].highlights["blue"]


def test_a_new_note_changes_no_format_but_is_what_the_painter_knows(qapp):
    import dataclasses

    article, document, offsets, painter, _ = _setup(qapp)
    first = highlight_quote(article, "beta gamma", "green", highlight_id=1)
    painter.set_highlights([first])
    painted = fragment_formats(document)
    painter.upsert(dataclasses.replace(first, note="a thought"))
    assert fragment_formats(document) == painted
    assert painter.at(article.text.index("gamma"))[0].note == "a thought"
    painter.set_highlights([dataclasses.replace(first, note="another")])
    assert fragment_formats(document) == painted
    assert painter.highlights[1].note == "another"
