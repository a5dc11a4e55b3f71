"""`reader search` end to end, in a subprocess, against a temporary library."""

from __future__ import annotations

import json

import pytest
from reader_process import SEED, run_reader

pytestmark = pytest.mark.e2e


def _ok(result):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """One library for the module: the tests only read it."""
    folder = tmp_path_factory.mktemp("search-cli")
    data_dir = folder / "library"
    other = folder / "other.md"
    other.write_text("# Café notes\n\nThe café served résumé-shaped pastries to officials.\n", encoding="utf-8")
    _ok(run_reader("import", str(SEED), "--tag", "news", data_dir=data_dir))
    _ok(run_reader("import", str(other), "--tag", "food", data_dir=data_dir))
    _ok(run_reader("highlight", "1", "--quote", "a senior administration official told Reuters", "--color", "green",
                   "--note", "Who is it?", "--tag", "sources", data_dir=data_dir))
    return data_dir


def test_search_json_prints_the_objects_of_the_design(reader_cli, library):
    results = json.loads(_ok(reader_cli("search", "official", "--json", data_dir=library)))
    assert [(r["kind"], r["article_id"]) for r in results] == [("article", 1), ("highlight", 1), ("article", 2)]
    article, highlight = results[0], results[1]
    assert {"kind", "article_id", "title", "snippet"} <= article.keys()
    assert {"kind", "article_id", "title", "snippet", "highlight_id", "quote", "note", "tags", "color"} <= highlight.keys()
    assert (highlight["highlight_id"], highlight["quote"], highlight["note"], highlight["tags"], highlight["color"]) == (
        1, "a senior administration official told Reuters", "Who is it?", ["sources"], "green")
    for result in results:
        marked = [result["snippet"][start:end].lower() for start, end in result["snippet_matches"]]
        assert marked and all(word.startswith("official") for word in marked)
    shown = json.loads(_ok(reader_cli("show", "1", "--json", data_dir=library)))
    assert shown["text"][highlight["start"]:highlight["end"]] == highlight["quote"]
    start, end = article["position"]
    assert shown["text"][start:end].lower().startswith("official")


def test_plain_output_is_one_line_per_result(reader_cli, library):
    out = _ok(reader_cli("search", "cafe", data_dir=library))
    (line,) = out.splitlines()
    assert line.startswith("2\tCafé notes\t") and "[café]" in line
    out = _ok(reader_cli("search", "tag:sources", data_dir=library))
    assert out.startswith("1#1\tTop US Officials") and "green #sources: a senior administration" in out


def test_operators_on_the_command_line(reader_cli, library):
    def kinds(*args):
        results = json.loads(_ok(reader_cli("search", "--json", *args, data_dir=library)))
        return [(r["kind"], r["article_id"]) for r in results]

    assert kinds("officials", "-reuters") == [("article", 2)]  # a dash word after the first word
    assert kinds("--", "-reuters", "official") == [("article", 2)]
    assert kinds('"senior administration official"') == [("article", 1), ("highlight", 1)]
    assert kinds("pastr*", "OR", "color:green") == [("article", 2), ("highlight", 1)]
    assert kinds("tag:food", "title:cafe") == [("article", 2)]
    assert kinds("note:who") == [("highlight", 1)]
    assert kinds("has:note", "is:unread") == [("highlight", 1)]


def test_a_reinterpreted_query_says_what_was_understood(reader_cli, library):
    result = reader_cli("search", '"senior official', "frob:nicate", data_dir=library)
    _ok(result)
    assert result.stderr.splitlines() == [
        'understood as: "senior"; "official"; "frob:nicate"',
        '  (the unmatched " was ignored)',
        '  (unknown field "frob:" was read as part of the words)',
    ]
    quiet = reader_cli("search", "official", data_dir=library)
    assert quiet.stderr == ""


@pytest.mark.parametrize("query", ['"', "OR", "-", "NEAR(", "*", "title:", "x\u00a0\"y", "\u202e", "((a"])
def test_malformed_queries_never_fail(reader_cli, library, query):
    result = reader_cli("search", "--json", "--", query, data_dir=library)
    assert isinstance(json.loads(_ok(result)), list)


def test_an_empty_query_is_one_clear_error(reader_cli, library):
    result = reader_cli("search", data_dir=library)
    assert result.returncode == 1 and result.stderr.startswith("reader: give a query")
    assert "Traceback" not in result.stderr


def test_limit_caps_the_results_and_says_there_are_more(reader_cli, library):
    result = reader_cli("search", "official", "--limit", "1", data_dir=library)
    assert len(_ok(result).splitlines()) == 1 and "more results than 1" in result.stderr
    bad = reader_cli("search", "official", "--limit", "0", data_dir=library)
    assert bad.returncode == 2 and "must be 1 or more" in bad.stderr
