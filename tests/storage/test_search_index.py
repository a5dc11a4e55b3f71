"""The index stays in step: triggers on every change, the migration over an existing library."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from alembic import command
from search_helpers import add_article, add_highlight, check_index, execute, found

from reader.domain.search import InvalidSavedSearchError
from reader.storage import DATABASE_NAME, NotFoundError, StorageError, open_storage
from reader.storage.database import _alembic_config
from reader.storage.fts import Fts5MissingError, require_fts5


@pytest.fixture
def storage(data_dir):
    opened = open_storage(data_dir)
    yield opened
    opened.close()


def test_articles_are_indexed_on_insert_update_and_delete(storage):
    article = add_article(storage, "Old title", "The first version mentions walruses.")
    assert found(storage, "walruses") == [("a", article.id)]
    storage.articles.update_metadata(article.id, {"title": "Penguins and more"})
    assert found(storage, "title:penguin") == [("a", article.id)] and not found(storage, "title:old")
    # A re-import replaces the text in place; the old words must leave the index.
    execute(storage, "UPDATE articles SET text = 'The second version is about otters.', "
            "text_version = 2 WHERE id = :id", {"id": article.id})
    assert found(storage, "otters") == [("a", article.id)] and found(storage, "walruses") == []
    execute(storage, "UPDATE articles SET note = 'remember the zoo' WHERE id = :id", {"id": article.id})
    assert found(storage, "note:zoo") == [("a", article.id)]
    check_index(storage)
    storage.articles.delete(article.id)
    assert found(storage, "otters") == [] and found(storage, "penguins") == []
    check_index(storage)


def test_reading_progress_does_not_touch_the_index(storage):
    add_article(storage, "A title", "Some words. " * 500)

    def index_pages():
        return execute(storage, "SELECT id, block FROM articles_fts_data ORDER BY id")

    before = index_pages()
    execute(storage, "UPDATE articles SET read_position = 40, progress = 0.5, is_read = 1")
    assert index_pages() == before
    execute(storage, "UPDATE articles SET title = 'Another title'")
    assert index_pages() != before


def test_highlights_are_indexed_with_their_notes_and_tags(storage):
    article = add_article(storage, "Birds", "Herons wait patiently by the river for fish.")
    highlight = add_highlight(storage, article, "Herons wait patiently", note="Stillness", tags=("nature",))
    assert found(storage, "stillness") == [("h", highlight.id)]
    assert found(storage, "nature") == [("h", highlight.id)]
    execute(storage, "UPDATE highlights SET note = 'Patience of a heron' WHERE id = :id", {"id": highlight.id})
    assert found(storage, "note:patience") == [("h", highlight.id)] and found(storage, "stillness") == []
    check_index(storage)
    storage.highlights.delete(highlight.id)
    assert found(storage, "nature") == [] and found(storage, "note:patience") == []
    check_index(storage)


def test_tag_changes_reach_the_index(storage):
    article = add_article(storage, "Birds", "Herons wait by the river.", tags=("nature",))
    highlight = add_highlight(storage, article, "Herons wait", tags=("nature/birds",))
    assert set(found(storage, "nature")) == {("a", article.id), ("h", highlight.id)}
    storage.articles.add_tags(article.id, ("wildlife",))
    assert found(storage, "wildlife") == [("a", article.id)]
    storage.tags.rename("nature", "outdoors")  # renames nature/birds too
    assert found(storage, "nature") == []
    assert set(found(storage, "outdoors")) == {("a", article.id), ("h", highlight.id)}
    assert found(storage, "tag:outdoors/birds birds") == [("h", highlight.id)]
    check_index(storage)
    storage.tags.rename("wildlife", "outdoors")  # a merge: one tag left, indexed once
    assert execute(storage, "SELECT tags_text FROM articles") == [("outdoors",)]
    check_index(storage)
    execute(storage, "DELETE FROM tags WHERE name = 'outdoors'")  # cascades to the article's link
    assert found(storage, "outdoors") == [("h", highlight.id)]
    check_index(storage)


def test_deleting_an_article_removes_its_highlights_from_the_index(storage):
    article = add_article(storage, "Birds", "Herons wait by the river.", tags=("nature",))
    highlight = add_highlight(storage, article, "Herons wait", note="still", tags=("birds",))
    record = storage.records.record(article.id)
    storage.articles.delete(article.id)
    assert found(storage, "herons") == [] and found(storage, "birds") == []
    check_index(storage)
    storage.records.restore(record)  # undoing the delete puts everything back in the index
    assert found(storage, "herons") == found(storage, "birds") == [("a", article.id), ("h", highlight.id)]
    check_index(storage)


def test_migrating_an_existing_library_builds_its_index(data_dir):
    # A library made by revision 0001, written with plain SQL as that version would have.
    storage = open_storage(data_dir)
    storage.close()
    config = _alembic_config()
    with storage.database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    library = sqlite3.connect(data_dir / DATABASE_NAME)
    assert not library.execute("SELECT name FROM sqlite_master WHERE name LIKE '%fts%'").fetchall()
    now = datetime(2024, 5, 1).isoformat(" ")
    library.execute("INSERT INTO articles (id, uid, title, text, blocks, content_hash, source_hash, kind, added, "
                    "updated) VALUES (7, 'u7', 'Glaciers retreat', 'Ice melts faster every summer.', '[]', 'c', "
                    "'s', 'text', ?, ?)", (now, now))
    library.execute('INSERT INTO highlights (id, uid, article_id, start, "end", quote, note, created, updated) '
                    "VALUES (3, 'h3', 7, 0, 9, 'Ice melts', 'alarming', ?, ?)", (now, now))
    library.execute("INSERT INTO tags (id, name, key) VALUES (1, 'Climate', 'climate')")
    library.execute("INSERT INTO article_tags VALUES (7, 1)")
    library.execute("INSERT INTO highlight_tags VALUES (3, 1)")
    library.commit()
    library.close()

    storage = open_storage(data_dir)
    assert found(storage, "glacier") == [("a", 7)]
    assert found(storage, "alarming melt") == [("h", 3)]
    assert found(storage, "climate") == [("a", 7), ("h", 3)]
    assert found(storage, "summ*") == [("a", 7)]
    check_index(storage)
    assert list(data_dir.glob(f"{DATABASE_NAME}.before-0001-*.bak"))  # the copy kept before migrating
    storage.close()


def test_a_python_without_fts5_gets_a_clear_message():
    def no_fts5(sql):
        raise sqlite3.OperationalError("no such module: fts5")

    with pytest.raises(Fts5MissingError, match="has no FTS5 full-text search") as caught:
        require_fts5(no_fts5, "3.8.0")
    assert isinstance(caught.value, StorageError) and "3.8.0" in str(caught.value)

    def other_failure(sql):
        raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        require_fts5(other_failure, "3.40.0")


# --- saved searches ---------------------------------------------------------------------------
def test_saved_searches_are_kept_in_order(storage):
    store = storage.saved_searches
    first = store.add("  To   read ", "is:unread")
    second = store.add("Questions", "note:? OR tag:question")
    third = store.add("Yellow", "color:yellow")
    assert [(s.name, s.position) for s in store.list()] == [("To read", 0), ("Questions", 1), ("Yellow", 2)]
    assert [s.id for s in store.move(third.id, 0)] == [third.id, first.id, second.id]
    assert [s.id for s in store.move(third.id, 99)] == [first.id, second.id, third.id]
    store.update(second.id, name="Open questions", query="has:note")
    assert store.get(second.id).query == "has:note" and store.get(second.id).name == "Open questions"
    store.delete(first.id)
    assert [(s.name, s.position) for s in store.list()] == [("Open questions", 0), ("Yellow", 1)]


def test_saved_search_names_are_unique_and_needed(storage):
    store = storage.saved_searches
    kept = store.add("Yellow", "color:yellow")
    with pytest.raises(InvalidSavedSearchError, match="already a saved search named 'Yellow'"):
        store.add("YELLOW", "x")
    with pytest.raises(InvalidSavedSearchError, match="needs a name"):
        store.add("  ", "x")
    with pytest.raises(InvalidSavedSearchError, match="needs a query"):
        store.add("Empty", " ")
    other = store.add("Green", "color:green")
    with pytest.raises(InvalidSavedSearchError):
        store.update(other.id, name="yellow")
    store.update(kept.id, name="YELLOW")  # its own name in another case is fine
    with pytest.raises(NotFoundError):
        store.delete(999)
    assert [s.name for s in store.list()] == ["YELLOW", "Green"]


def test_tags_reach_the_index_through_one_update_per_change(storage):
    # No trigger per join-table row: each fired a full re-index of the article per tag.
    triggers = {name for (name,) in execute(storage, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert not {name for name in triggers if name.startswith(("article_tags_", "highlight_tags_"))}
    article = add_article(storage, "Birds", "Herons wait by the river.", tags=("zeta", "Alpha", "mid/dle"))
    assert execute(storage, "SELECT tags_text FROM articles") == [("Alpha mid/dle zeta",)]
    storage.article_state.set_tags(article.id, ("beta", "Alpha"))
    storage.articles.add_tags(article.id, ("gamma", "BETA"))
    assert execute(storage, "SELECT tags_text FROM articles") == [("Alpha beta gamma",)]
    assert found(storage, "gamma") == [("a", article.id)] and found(storage, "zeta") == []
    check_index(storage)


def test_migrating_a_0002_library_drops_the_per_row_tag_triggers(data_dir):
    storage = open_storage(data_dir)
    add_article(storage, "Birds", "Herons wait by the river.", tags=("nature",))
    config = _alembic_config()
    with storage.database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert {"article_tags_tags_text_insert", "highlight_tags_tags_text_delete"} <= {
        name for (name,) in execute(storage, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    storage.close()
    upgraded = open_storage(data_dir)
    names = {name for (name,) in execute(upgraded, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "article_tags_tags_text_insert" not in names and "tags_tags_text_delete" in names
    assert found(upgraded, "nature") and execute(upgraded, "SELECT tags_text FROM articles") == [("nature",)]
    check_index(upgraded)
    upgraded.close()
