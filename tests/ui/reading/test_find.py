"""Finding a phrase in the canonical text (pure), and the find bar driving the view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from reading_data import fragment_formats, highlight_quote, make_article

from reader.domain.models import BlockKind
from reader.ui.offsets import OffsetMap
from reader.ui.reading.find import find_all

TEXT = "The “quick” fox—or so it's said. The QUICK fox\nrests. Don’t   panic 😀 fox."


def test_matches_ignore_case_and_spacing():
    assert [TEXT[s:e] for s, e in find_all(TEXT, "quick fox")] == ["QUICK fox"]
    assert [TEXT[s:e] for s, e in find_all(TEXT, "don't panic")] == ["Don’t   panic"]
    assert [TEXT[s:e] for s, e in find_all(TEXT, "fox rests")] == ["fox\nrests"]


def test_typed_quotes_and_dashes_find_typographic_ones():
    assert [TEXT[s:e] for s, e in find_all(TEXT, '"quick"')] == ["“quick”"]
    assert [TEXT[s:e] for s, e in find_all(TEXT, "fox-or")] == ["fox—or"]


def test_offsets_are_code_points_after_an_emoji():
    start, end = find_all(TEXT, "fox")[-1]
    assert TEXT[start:end] == "fox" and start == TEXT.rindex("fox")


def test_empty_and_regex_characters():
    assert find_all(TEXT, "   ") == []
    assert find_all("a.b a+b", "a+b") == [(4, 7)]


ARTICLE_BLOCKS = [(BlockKind.PARAGRAPH, "Apples 🍎 and pears. More apples here."),  # an emoji: 2 Qt units
                  (BlockKind.PARAGRAPH, "An apple a day."),
                  (BlockKind.PARAGRAPH, "Nothing else.")]


def _colours(document):
    return [(start, length, fmt.background().color().name()) for start, length, fmt in fragment_formats(document)]


def test_find_bar_steps_through_matches_without_touching_highlights(qtbot, pane):
    article = make_article(ARTICLE_BLOCKS)
    view = pane.view
    view.set_article(article, [highlight_quote(article, "More apples", "green")])
    before = _colours(view.document())
    pane.open_find()
    bar = pane.findChild(type(pane.find_bar), "find_bar")
    field = pane.findChild(type(pane.find_bar.field), "find_field")
    assert bar.isVisible() and field.hasFocus()
    qtbot.keyClicks(field, "apple")
    starts = [s for s, _ in bar.matches]
    assert [article.text[s:e].lower() for s, e in bar.matches] == ["apple"] * 3
    assert bar.current_index == 0
    assert pane.findChild(type(bar.count_label), "find_count").text() == "1 of 3"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert bar.current_index == 1
    qtbot.keyClick(field, Qt.Key.Key_F3)
    assert bar.current_index == 2
    qtbot.keyClick(field, Qt.Key.Key_F3)
    assert bar.current_index == 0  # wraps
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_index == 2
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_index == 1
    # the current match is drawn as an extra selection at its place; the formats are untouched
    marked = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()}
    offsets = OffsetMap(article.text)
    assert (offsets.to_qt(starts[1]), offsets.to_qt(starts[1] + 5)) in marked
    assert _colours(view.document()) == before
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.extraSelections() == []
    assert _colours(view.document()) == before


def test_no_match_says_so_and_f3_opens_the_bar(qtbot, pane):
    pane.view.set_article(make_article(ARTICLE_BLOCKS), [])
    qtbot.keyClick(pane.view, Qt.Key.Key_F3)
    bar = pane.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "zebra")
    assert bar.matches == [] and bar.count_label.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # nothing to step to, nothing breaks
    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_a_new_article_refreshes_the_matches(qtbot, pane):
    pane.view.set_article(make_article(ARTICLE_BLOCKS), [])
    pane.open_find()
    qtbot.keyClicks(pane.find_bar.field, "apple")
    assert len(pane.find_bar.matches) == 3
    pane.view.set_article(make_article(text="One apple only.", article_id=2), [])
    assert len(pane.find_bar.matches) == 1


def test_open_find_takes_a_short_selection_as_the_query(qtbot, pane):
    article = make_article(ARTICLE_BLOCKS)
    pane.view.set_article(article, [])
    cursor = pane.view.textCursor()
    cursor.setPosition(article.text.index("pears"))
    cursor.setPosition(article.text.index("pears") + 3, cursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.open_find()
    assert pane.find_bar.field.text() == "pears"  # snapped to the whole word


def test_a_new_theme_keeps_the_current_match_and_styles_the_bar(qtbot, pane):
    from reader.ui.theme import THEMES

    pane.view.set_article(make_article(ARTICLE_BLOCKS), [])
    pane.open_find()
    qtbot.keyClicks(pane.find_bar.field, "apple")
    pane.find_bar.find_next()
    pane.view.set_appearance(THEMES["dark"], 17)
    assert pane.find_bar.current_index == 1
    assert THEMES["dark"].panel in pane.find_bar.styleSheet()
