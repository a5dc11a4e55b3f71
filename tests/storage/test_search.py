"""Running queries on a real library: every operator, ranking, snippets, offsets, cancelling."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_helpers import add_article, add_highlight, bulk_articles, execute, found

from reader.domain.query import parse
from reader.domain.search import SearchCancelled
from reader.storage import open_storage


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Five articles and four highlights, shared by the read-only tests of this module."""
    storage = open_storage(tmp_path_factory.mktemp("search") / "library")
    a1 = add_article(storage, "Inflation and interest rates", "Central banks raised interest rates again.\n"
                     "Prices keep running ahead of wages.", author="Ann Lee", site="Reuters",
                     published="2020-06-01", tags=("economy", "world/europe"))
    a2 = add_article(storage, "A walk in the park", "The café by the lake serves a fine résumé of local food. "
                     "Inflation was not discussed.", author="Bob Stone", site="Blog", published="2023-02-10",
                     tags=("world",))
    a3 = add_article(storage, "Running shoes reviewed", "We ran twelve marathons in new shoes.",
                     author="Cara Ruiz", site="Runners World", tags=("sport",))
    a4 = add_article(storage, "Notes on nothing", "Nothing happens here; rates are not mentioned.")
    a5 = add_article(storage, "Worldwide", "A story about the economy of the whole world.", tags=("worldwide",))
    h1 = add_highlight(storage, a1, "Central banks raised interest rates", color="yellow",
                       note="Which banks? Check the ECB.", tags=("question",))
    h2 = add_highlight(storage, a1, "Prices keep running ahead of wages", color="green")
    h3 = add_highlight(storage, a2, "serves a fine résumé of local food", color="pink", tags=("food", "world/eats"))
    h4 = add_highlight(storage, a3, "twelve marathons", color="blue", note="impressive")
    execute(storage, "UPDATE articles SET is_read = 1 WHERE id = :id", {"id": a2.id})
    execute(storage, "UPDATE articles SET archived = 1 WHERE id = :id", {"id": a4.id})
    execute(storage, "UPDATE articles SET added = '2021-03-04 10:00:00' WHERE id = :id", {"id": a3.id})
    execute(storage, "UPDATE highlights SET created = '2019-01-01 00:00:00' WHERE id = :id", {"id": h4.id})
    ids = {name: obj.id for name, obj in locals().items() if name[0] in "ah" and name[1:].isdigit()}
    yield storage, ids
    storage.close()


def hits(library, text: str, **options) -> set[str]:
    storage, ids = library
    names = {(("a" if key[0] == "a" else "h"), value): key for key, value in ids.items()}
    return {names[item] for item in found(storage, text, **options)}


# --- the operators ---------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "expected"), [
    ("interest rates", {"a1", "h1"}),                     # every word must match
    ("rates", {"a1", "a4", "h1"}),
    ('"interest rates"', {"a1", "h1"}),                   # a phrase
    ('"rates interest"', set()),                          # ... in that order
    ("rates -interest", {"a4"}),                          # exclusion
    ('rates -"interest rates"', {"a4"}),
    ("-rates nothing", set()),
    ("marathons OR café", {"a2", "a3", "h4"}),            # OR
    ("inflation OR marathons -park", {"a1", "a3", "h4"}),
    ("runn*", {"a1", "a3", "h2"}),                        # prefix on words as written, not on stems
    ("marath*", {"a3", "h4"}),
    ('"interest ra"*', {"a1", "h1"}),
    ("title:inflation", {"a1", "h1", "h2"}),              # a highlight's title is its article's
    ("title:rates -title:inflation", set()),
    ("author:lee", {"a1", "h1", "h2"}),
    ("site:reuters", {"a1", "h1", "h2"}),
    ("site:runn*", {"a3", "h4"}),
    ("note:ecb", {"h1"}),
    ("note:impress*", {"h4"}),
    ("tag:world", {"a2"}),                                # exact tag
    ("tag:World/*", {"a1", "a2", "h3"}),                  # the tag and those below it
    ("tag:wor*", {"a1", "a2", "a5", "h3"}),               # tag prefix
    ("-tag:world/* tag:*", {"a3", "a4", "a5", "h1", "h2", "h4"}),  # "tag:*" names no tag and is dropped
    ("color:yellow", {"h1"}),
    ("color:red OR color:blue", {"h3", "h4"}),            # red is pink
    ("has:note", {"h1", "h4"}),
    ("has:highlights", {"a1", "a2", "a3"}),
    ("has:tags -tag:world/*", {"a3", "a5", "h1"}),
    ("is:read", {"a2", "h3"}),
    ("is:archived", {"a4"}),
    ("is:unread marathons", {"a3", "h4"}),
    ("published:<2021", {"a1", "h1", "h2"}),
    ("published:2023-02", {"a2", "h3"}),
    ("-published:<2021 interest", set()),
    ("added:<2022 -has:highlights", {"h4"}),            # has:highlights is for articles only
    ("added:<2022", {"a3", "h4"}),                        # a highlight's added date is its own
    ("questions", {"h1"}),                                # plain words find tags too, stemmed
])
def test_each_operator(library, query, expected):
    assert hits(library, query) == expected


def test_accents_case_and_stemming(library):
    assert hits(library, "CAFE") == {"a2"}
    assert hits(library, "Resume") == {"a2", "h3"}
    assert hits(library, "raise") == {"a1", "h1"}         # raised
    assert hits(library, "marathon") == {"a3", "h4"}      # marathons
    assert hits(library, "runs") == {"a1", "a3", "h2"}    # running, Running


def test_titles_rank_above_bodies(library, data_dir):
    storage, ids = library
    assert found(storage, "inflation")[0] == ("a", ids["a1"])  # in a1's title, a2's body only
    other = open_storage(data_dir)
    in_body = add_article(other, "Animals", "The zebra, the zebra and again the zebra. " + "Grass. " * 20)
    in_title = add_article(other, "The zebra", "Grass and more grass. " * 10)
    assert found(other, "zebra") == [("a", in_title.id), ("a", in_body.id)]
    other.close()


def test_kinds_alternate_by_rank(library):
    storage, _ = library
    kinds = [kind for kind, _ in found(storage, "rates OR running OR marathons")]
    assert kinds[:6] == ["a", "h", "a", "h", "a", "h"]


def test_limit_and_truncation(library):
    storage, _ = library
    results = storage.search.search(parse("rates OR running OR marathons"), limit=3)
    assert len(results.hits) == 3 and results.truncated
    assert not storage.search.search(parse("marathons"), limit=10).truncated
    assert storage.search.search(parse(""), limit=10).hits == ()


def test_filter_only_queries_list_newest_first(library):
    storage, ids = library
    assert found(storage, "has:note") == [("h", ids["h1"]), ("h", ids["h4"])]


# --- what a hit carries -----------------------------------------------------------------------
def test_highlight_hits_carry_their_place_and_details(library):
    storage, ids = library
    (hit,) = storage.search.search(parse("note:ecb")).hits
    text = storage.articles.get(hit.article_id).text
    assert text[hit.start:hit.end] == hit.quote == "Central banks raised interest rates"
    assert (hit.highlight_id, hit.color, hit.tags, hit.title) == (
        ids["h1"], "yellow", ("question",), "Inflation and interest rates")
    assert hit.note_snippet.marked() == "Which banks? Check the [ECB]."
    assert hit.snippet == hit.note_snippet  # the match is in the note, so the note is the snippet
    (hit,) = storage.search.search(parse("wages")).highlights
    assert hit.snippet == hit.quote_snippet and hit.snippet.marked() == "Prices keep running ahead of [wages]"


def test_article_hits_mark_the_snippet_and_title_and_point_at_the_match(library):
    storage, ids = library
    (hit,) = storage.search.search(parse("lake")).articles
    text = storage.articles.get(ids["a2"]).text
    assert "[lake]" in hit.snippet.marked()
    assert text[slice(*hit.position)] == "lake"
    (hit,) = storage.search.search(parse("shoes marathons")).articles
    assert hit.marked_title.marked() == "Running [shoes] reviewed"
    assert text != storage.articles.get(hit.article_id).text
    assert storage.articles.get(hit.article_id).text[slice(*hit.position)] in ("shoes", "marathons")


def test_markers_in_the_text_cannot_fake_matches(data_dir):
    storage = open_storage(data_dir)
    tricky = "Look: [fake] <b>bold</b> \x02x\x03 and {braces}; the real word is zebra."
    article = add_article(storage, "Markers", tricky)
    (hit,) = storage.search.search(parse("zebra")).hits
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.matches] == ["zebra"]
    assert storage.articles.get(article.id).text[slice(*hit.position)] == "zebra"
    storage.close()


# --- bad input and cancelling -----------------------------------------------------------------
@pytest.mark.parametrize("query", [
    '"unbalanced', "foo:bar", "OR", "NOT", "AND", "a OR", "(x", ")", "*", "-", "--", "NEAR(a b)", "a^b",
    "{title}:x", "title:", "tag:", "don't", "'", '"', '""', "\x00", "\u200b", "c++", "x" * 5000,
])
def test_malformed_queries_never_fail(library, query):
    storage, _ = library
    storage.search.search(parse(query))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40) | st.lists(st.sampled_from(
    ['"', "-", "*", "OR", "NOT", "title:", "tag:", "tag:w/*", "color:", "has:note", "is:read", "added:>",
     "published:<2021", "rates", "runn", "caf\u00e9", "(", ")", ":", "^", "{", "}", "NEAR", "+"]),
    max_size=8).map(" ".join), st.booleans())
def test_any_string_searches_without_error(library, text, as_you_type):
    storage, _ = library
    results = storage.search.search(parse(text, as_you_type=as_you_type), limit=5)
    assert len(results.hits) <= 5


def test_a_cancelled_search_stops_and_the_library_stays_usable(library):
    storage, _ = library
    with pytest.raises(SearchCancelled):
        storage.search.search(parse("rates OR running OR tag:world/*"), cancelled=lambda: True)
    assert found(storage, "marathons")  # the connection went back to the pool in good order
    assert storage.search.search(parse("marathons"), cancelled=lambda: False).hits


def test_cancelling_interrupts_sqlite_in_the_middle_of_a_query(data_dir):
    storage = open_storage(data_dir)
    bulk_articles(storage, [f"common words number {n} " * 20 for n in range(2000)])
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) >= 10

    with pytest.raises(SearchCancelled):
        storage.search.search(parse("-absent"), limit=3000, cancelled=cancelled)
    # At most three polls happen between statements; the rest came from inside SQLite.
    assert len(polls) == 10
    assert len(storage.search.search(parse("-absent"), limit=3000).hits) == 2000
    storage.close()
