"""The query parser: each operator by example, and any string at all parses (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.domain.query import (
    ColorFilter,
    Condition,
    DateField,
    DateFilter,
    Has,
    HasFilter,
    Query,
    State,
    StateFilter,
    TagFilter,
    TagMatch,
    TextField,
    TextTerm,
    parse,
)
from reader.domain.query.parser import MAX_QUERY_LENGTH


def conditions(text: str, **options) -> list[list[Condition]]:
    return [list(group.conditions) for group in parse(text, **options).groups]


def word(text: str, field: TextField = TextField.ANY, *, prefix: bool = False, negated: bool = False) -> Condition:
    return Condition(TextTerm(text, field, prefix), negated)


# --- operators, one by one --------------------------------------------------------------------
def test_words_must_all_match():
    query = parse("inflation  rates")
    assert conditions("inflation  rates") == [[word("inflation")], [word("rates")]]
    assert not query.reinterpreted and query.canonical() == "inflation rates"


def test_a_quoted_phrase_is_one_term_and_a_quoted_word_is_a_word():
    assert conditions('"interest   rate" cut') == [[word("interest rate")], [word("cut")]]
    assert parse('"interest rate"').groups[0].conditions[0].atom.phrase
    assert conditions('"rate"') == [[word("rate")]]


def test_typographic_quotes_are_quotes():
    assert conditions("\u201cinterest rate\u201d") == [[word("interest rate")]]


def test_a_trailing_star_makes_a_prefix():
    assert conditions("infla* x") == [[word("infla", prefix=True)], [word("x")]]
    assert conditions('"interest ra"*') == [[word("interest ra", prefix=True)]]
    assert conditions('"star*"') == [[word("star*")]]  # quoted: the star is only a character


def test_a_dash_excludes():
    assert conditions('energy -oil -"crude price"') == [
        [word("energy")], [word("oil", negated=True)], [word("crude price", negated=True)]]
    assert conditions("e-mail") == [[word("e-mail")]]  # a dash inside a word is part of it


def test_not_is_a_dash_and_and_is_implied():
    assert conditions("energy NOT oil AND gas") == [[word("energy")], [word("oil", negated=True)], [word("gas")]]


def test_or_binds_its_neighbours_into_one_group():
    assert conditions("a b OR c OR -d e") == [
        [word("a")], [word("b"), word("c"), word("d", negated=True)], [word("e")]]
    assert conditions("a or b") == [[word("a")], [word("or")], [word("b")]]  # only upper-case OR


@pytest.mark.parametrize(("typed", "field"), [
    ("title:fed", TextField.TITLE), ("Author:Smith", TextField.AUTHOR),
    ("site:reuters", TextField.SITE), ("note:who", TextField.NOTE),
])
def test_text_fields(typed, field):
    (([condition],)) = conditions(typed)
    assert condition.atom.field is field and condition.atom.text == typed.split(":")[1]


def test_text_fields_take_phrases_prefixes_and_negation():
    assert conditions('-title:"white house" note:offic*') == [
        [word("white house", TextField.TITLE, negated=True)], [word("offic", TextField.NOTE, prefix=True)]]


def test_tags_exact_subtree_and_prefix():
    assert conditions('tag:World tag:world/* tag:wor* -tag:"two  words"') == [
        [Condition(TagFilter("World"))],
        [Condition(TagFilter("world", TagMatch.SUBTREE))],
        [Condition(TagFilter("wor", TagMatch.PREFIX))],
        [Condition(TagFilter("two words"), negated=True)],
    ]
    assert TagFilter("World").key == "world"


def test_colour_has_and_is():
    assert conditions("color:Yellow colour:red has:notes has:highlights has:tags is:unread is:archived") == [
        [Condition(ColorFilter("yellow"))], [Condition(ColorFilter("pink"))],
        [Condition(HasFilter(Has.NOTE))], [Condition(HasFilter(Has.HIGHLIGHTS))], [Condition(HasFilter(Has.TAGS))],
        [Condition(StateFilter(State.UNREAD))], [Condition(StateFilter(State.ARCHIVED))],
    ]


@pytest.mark.parametrize(("typed", "bounds"), [
    ("added:>2024-01-01", ("2024-01-02", None)),
    ("added:>=2024-01-01", ("2024-01-01", None)),
    ("published:<2021", (None, "2021-01-01")),
    ("published:<=2021", (None, "2022-01-01")),
    ("published:>2021", ("2022-01-01", None)),
    ("published:2021-2", ("2021-02-01", "2021-03-01")),
    ("published:=2021-12", ("2021-12-01", "2022-01-01")),
    ("added:2024-02-29", ("2024-02-29", "2024-03-01")),
    ("added:<=2023-12-31", (None, "2024-01-01")),
])
def test_dates_stand_for_their_whole_period(typed, bounds):
    ([[condition]]) = conditions(typed)
    assert isinstance(condition.atom, DateFilter)
    assert condition.atom.bounds == bounds


def test_the_canonical_form_and_the_description():
    query = parse('inflation "interest rate" -energy title:fed tag:econ/* added:>2024-01-01 a OR b*')
    assert query.canonical() == 'inflation "interest rate" -energy title:fed tag:econ/* added:>2024-01-01 a OR b*'
    assert query.describe() == (
        '"inflation"; the phrase "interest rate"; not "energy"; "fed" in the title; '
        'tagged econ or a tag below it; added after 2024-01-01; ("a" or words starting with "b")')


def test_as_you_type_completes_the_last_word_only_while_it_is_typed():
    assert conditions("inflation ra", as_you_type=True) == [[word("inflation")], [word("ra", prefix=True)]]
    assert conditions("inflation ra ", as_you_type=True) == [[word("inflation")], [word("ra")]]
    assert conditions("inflation r", as_you_type=True) == [[word("inflation")], [word("r")]]
    assert conditions('"inflation ra"', as_you_type=True) == [[word("inflation ra")]]
    assert conditions("title:infl", as_you_type=True) == [[word("infl", TextField.TITLE, prefix=True)]]


# --- malformed input: read as words, with a note ---------------------------------------------
@pytest.mark.parametrize(("typed", "canonical", "note"), [
    ('"unbalanced quote', "unbalanced quote", "unmatched"),
    ('say "hi" "there', 'say hi there', "unmatched"),
    ("foo:bar", '"foo:bar"', 'unknown field "foo:"'),
    ("OR", '"OR"', "OR without a term"),
    ("a OR", 'a "OR"', "OR without a term"),
    ("NOT", '"NOT"', "NOT with nothing"),
    ("AND b", '"AND" b', "AND without a term"),
    ("(a OR b) c", "a OR b c", "parentheses"),
    ("- a", "a", '"-" on its own'),
    ("&& a", "a", "no letters or digits"),
    ("title: a", "a", "title: without a value"),
    ("tag:/ a", "a", "tag: without a tag name"),
    ("color:mauve a", "a", 'unknown colour "mauve"'),
    ("has:cats a", "a", "has:cats is not known"),
    ("is:gone a", "a", "is:gone is not known"),
    ("added:yesterday a", "a", "added:yesterday is not a date"),
    ("published:2021-02-30 a", "a", "is not a date"),
    ("published:>0999 a", "a", "is not a date"),
])
def test_malformed_queries_are_read_as_words_with_a_note(typed, canonical, note):
    query = parse(typed)
    assert query.canonical() == canonical
    assert query.reinterpreted and any(note in line for line in query.notes), query.notes


def test_web_addresses_and_times_are_words_without_a_note():
    query = parse("https://example.org/a 10:30")
    assert query.canonical() == '"https://example.org/a" 10:30' and not query.notes


def test_fts_syntax_is_never_passed_through():
    # Characters FTS5 gives meaning to are parts of words here (the storage layer quotes them).
    query = parse("NEAR(a b) a^b {title}:x col:y + don't")
    assert all(isinstance(c.atom, TextTerm) for c in query.conditions())


def test_empty_and_huge_queries():
    assert parse("").is_empty and parse("   ").is_empty and not parse("").notes
    huge = parse("word " * MAX_QUERY_LENGTH)
    assert huge.reinterpreted and len(huge.source) == MAX_QUERY_LENGTH
    assert huge.groups == (parse("word").groups)  # repeated terms are one condition


# --- any string parses ------------------------------------------------------------------------
_PIECES = st.sampled_from([
    "a", "word", "Café", "don't", '"', "\u201c", "\u201d", "-", "--", "*", "**", "(", ")", ":", "OR", "AND", "NOT",
    "or", "title:", "author:", "site:", "note:", "tag:", "tag:a/*", "color:", "colour:blue", "has:", "has:note",
    "is:", "is:read", "added:", "added:>", "published:<2021", "2024-01-01", ">=", "foo:", "http://x.y", "/",
    "\u00e9", "\U0001f642", "\x00", "\u200b", "\t", "\n", " ", "  ", "NEAR", "^", "{", "}", "+",
])


@st.composite
def query_like(draw) -> str:
    parts = draw(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=12))
    glue = draw(st.sampled_from(["", " "]))
    return glue.join(parts)


@settings(max_examples=400)
@given(st.one_of(st.text(), query_like()), st.booleans())
@example('"', False)
@example('-"', False)
@example('tag:"', True)
@example("(((", True)
def test_any_string_parses_and_reads_back_the_same(text, as_you_type):
    query = parse(text, as_you_type=as_you_type)
    assert isinstance(query, Query)
    assert isinstance(query.describe(), str) and isinstance(query.canonical(), str)
    for condition in query.conditions():
        if isinstance(condition.atom, TextTerm):
            assert any(ch.isalnum() for ch in condition.atom.text)
    again = parse(query.canonical())
    assert again.groups == query.groups
    assert all(note.startswith("unknown field") for note in again.notes), again.notes


@settings(max_examples=100)
@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=20))
def test_plain_words_are_read_exactly(text):
    (group,) = parse(text).groups
    assert group.conditions == (word(text),)


def test_date_filter_fields():
    ([[condition]]) = conditions("published:2020")
    assert condition.atom.field is DateField.PUBLISHED and condition.atom.canonical() == "published:2020"
