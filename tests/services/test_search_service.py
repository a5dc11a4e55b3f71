"""The search service: one call for the whole library, as-you-type sessions, saved searches."""

from __future__ import annotations

import threading

import pytest

from reader.domain.search import InvalidSavedSearchError


@pytest.fixture
def library(services, seed_path):
    article = services.importer.import_paths([seed_path], tags=("news",)).imported[0].article
    highlight = services.annotations.highlight_quote(
        article.id, "a senior administration official told Reuters", note="Who is it?", tags=("sources",))
    return services, article, highlight


def test_one_search_finds_articles_and_highlights(library):
    services, article, highlight = library
    results = services.search.search("official")
    assert [(hit.kind, hit.article_id) for hit in results.hits] == [("article", article.id), ("highlight", article.id)]
    assert results.highlights[0].highlight_id == highlight.id and not results.query.reinterpreted


def test_what_was_understood_comes_back_with_the_results(library):
    services, _, highlight = library
    results = services.search.search('"who is it tag:sources')
    assert results.query.notes == ('the unmatched " was ignored',)
    assert results.query.describe() == '"who"; "is"; "it"; tagged sources'
    assert [hit.highlight_id for hit in results.highlights] == [highlight.id]


def test_as_you_type_matches_the_word_being_typed(library):
    services, article, _ = library
    assert services.search.search("senior offic").hits == ()
    assert [hit.kind for hit in services.search.search("senior offic", as_you_type=True).hits] == [
        "article", "highlight"]


def test_the_latest_query_wins(library):
    services, _, _ = library
    live = services.search.live()
    first = live.submit()
    second = live.submit()
    assert live.run(first, "official") is None  # superseded before it started: no database work
    assert live.is_current(second) and len(live.run(second, "officia").hits) == 2
    live.cancel()
    assert live.run(second, "official") is None


def test_a_query_superseded_while_it_runs_is_stopped_inside_the_database(library):
    services, _, _ = library
    rows = [{"n": n, "text": f"common words number {n} " * 20} for n in range(2000)]
    with services.storage.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO articles (uid, title, text, blocks, content_hash, source_hash, kind, added, updated) "
            "VALUES ('u' || :n, 'Title ' || :n, :text, '[]', :n, :n, 'text', '2024-01-01', '2024-01-01')", rows)
    live = services.search.live(limit=10_000)
    polls = []
    supersede_at = None
    is_current = live.is_current

    def polled(ticket):
        polls.append(ticket)
        if len(polls) == supersede_at:  # the window submits a newer query meanwhile
            live.submit()
        return is_current(ticket)

    live.is_current = polled
    assert len(live.run(live.submit(), "-absent").hits) == 2002  # 2001 articles, 1 highlight
    uninterrupted = len(polls)
    assert uninterrupted > 10  # SQLite polls while it works, not only between statements
    polls.clear()
    supersede_at = uninterrupted // 2
    assert live.run(live.submit(), "-absent") is None
    assert len(polls) == supersede_at  # it stopped at the first poll after the newer submit


def test_searches_run_from_worker_threads(library):
    services, _, _ = library
    live = services.search.live()
    tickets = [live.submit() for _ in range(4)]
    results: dict[int, object] = {}

    def work(ticket):
        results[ticket] = live.run(ticket, "official OR reuters")

    threads = [threading.Thread(target=work, args=(ticket,)) for ticket in tickets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[t] is None for t in tickets] == [True, True, True, False]
    assert len(results[tickets[-1]].hits) == 2


def test_saved_searches(library):
    services, article, _ = library
    saved = services.search.save("Sources", "tag:sources")
    services.search.save("News", "tag:news")
    assert [s.name for s in services.search.saved()] == ["Sources", "News"]
    assert [hit.kind for hit in services.search.run_saved(saved.id).hits] == ["highlight"]
    services.search.update_saved(saved.id, query="tag:news")
    assert [hit.article_id for hit in services.search.run_saved(saved.id).hits] == [article.id]
    assert [s.name for s in services.search.move_saved(saved.id, 1)] == ["News", "Sources"]
    services.search.delete_saved(saved.id)
    assert [s.name for s in services.search.saved()] == ["News"]
    with pytest.raises(InvalidSavedSearchError):
        services.search.save("news", "x")
