"""Highlighting by quote or selection, and the tags that come with it."""

from __future__ import annotations

import pytest

from reader.domain.colors import UnknownColorError
from reader.domain.errors import ReaderError
from reader.services.annotations import QuoteNotFoundError


@pytest.fixture
def article(services, seed_path):
    return services.importer.import_paths([seed_path]).imported[0].article


def test_a_quote_becomes_a_highlight_with_context(services, article):
    highlight = services.annotations.highlight_quote(
        article.id, "a senior administration official told Reuters", color="Yellow", note="Who?", tags=("iran",))
    text = services.articles.get(article.id).text
    assert text[highlight.start:highlight.end] == highlight.quote == "a senior administration official told Reuters"
    assert highlight.prefix == text[highlight.start - 32:highlight.start]
    assert highlight.suffix == text[highlight.end:highlight.end + 32]
    assert (highlight.color, highlight.note, highlight.tags) == ("yellow", "Who?", ("iran",))


def test_the_nth_occurrence_is_highlighted(services, article):
    first = services.annotations.highlight_quote(article.id, "the official")
    second = services.annotations.highlight_quote(article.id, "the official", occurrence=2)
    assert second.start > first.start and second.quote == "the official"


def test_a_typed_quote_matches_curly_quotes(services, article):
    highlight = services.annotations.highlight_quote(article.id, '"range of options"')
    assert highlight.quote == "\u201crange of options\u201d"


def test_a_missing_quote_or_bad_colour_is_refused(services, article):
    with pytest.raises(QuoteNotFoundError):
        services.annotations.highlight_quote(article.id, "words that are not there")
    with pytest.raises(ReaderError, match="unknown colour"):
        services.annotations.highlight_quote(article.id, "the official", color="plaid")
    assert services.annotations.highlights(article.id) == []


@pytest.mark.parametrize("quote", ["", "   ", "\n\t"])
def test_an_empty_quote_is_called_empty(services, article, quote):
    with pytest.raises(ReaderError, match="^the quote is empty; give the words of the passage to highlight$"):
        services.annotations.highlight_quote(article.id, quote)
    assert services.annotations.highlights(article.id) == []


@pytest.mark.parametrize("color", ["orange", "ORANGE", "red", "", "yellow!"])
def test_only_palette_colours_are_stored_on_every_way_in(services, article, color):
    text = services.articles.get(article.id).text
    with pytest.raises(UnknownColorError, match="choose one of yellow, green, blue, pink, purple"):
        services.annotations.highlight_quote(article.id, "the official", color=color)
    start = text.index("Green Zone")
    with pytest.raises(UnknownColorError):
        services.annotations.highlight_span(article.id, start, start + 10, color=color)
    assert services.annotations.highlights(article.id) == []  # nothing was saved
    kept = services.annotations.highlight_quote(article.id, "the official", color="green")
    with pytest.raises(UnknownColorError):  # recolouring, as the window's menu does
        services.annotations.update(kept.id, color=color)
    assert services.annotations.get(kept.id).color == "green"


def test_a_palette_colour_in_any_case_is_that_colour(services, article):
    assert services.annotations.highlight_quote(article.id, "the official", color="Green").color == "green"
    highlight = services.annotations.highlight_quote(article.id, "Green Zone", color=" PINK ")
    assert highlight.color == "pink"
    assert services.annotations.update(highlight.id, color="Purple").color == "purple"


def test_a_selection_snaps_to_whole_words(services, article):
    text = services.articles.get(article.id).text
    start = text.index("Green Zone") + 2  # "een Zo"
    highlight = services.annotations.highlight_span(article.id, start, start + 6)
    assert highlight.quote == "Green Zone"


def test_a_highlight_can_change_and_come_back_after_delete(services, article):
    highlight = services.annotations.highlight_quote(article.id, "the official", tags=("a",))
    changed = services.annotations.update(highlight.id, color="blue", note="hmm", tags=["b", "B", "c/d"])
    assert (changed.color, changed.note, changed.tags) == ("blue", "hmm", ("b", "c/d"))
    removed = services.annotations.delete(highlight.id)
    assert services.annotations.highlights(article.id) == []
    services.annotations.restore(removed)
    assert services.annotations.highlights(article.id) == [removed]
