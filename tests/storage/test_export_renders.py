"""Kept export renders: every change to what an article's Markdown is made from forgets its render.

The triggers are what keeps exports right when renders are reused, so each kind of change is
made here through the stores (as the app and the command line make it) and must drop the
changed article's render and stamp, and only that article's.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import NamedTuple

import pytest
from alembic import command
from search_helpers import add_article, add_highlight, execute

from reader.storage import DATABASE_NAME, open_storage
from reader.storage.database import _alembic_config
from reader.storage.export_renders import ARTICLE_COLUMNS, READING_STATE_COLUMNS, TABLE, trigger_names

LAYOUT = "default:test"


@pytest.fixture
def storage(data_dir):
    opened = open_storage(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def library(storage):
    """Two articles with tags and highlights, each with a render kept for LAYOUT."""
    birds = add_article(storage, "Birds", "Herons wait patiently by the river for fish.", tags=("nature/birds",))
    stones = add_article(storage, "Stones", "Granite outlasts the people who quarry it.", tags=("geology",))
    herons = add_highlight(storage, birds, "Herons wait", note="Stillness", tags=("patience", "nature/birds"))
    granite = add_highlight(storage, stones, "Granite outlasts", tags=("patience",))
    _keep_all(storage)
    return {"birds": birds.id, "stones": stones.id, "herons": herons.id, "granite": granite.id}


class KeptRender(NamedTuple):
    stamp: int
    markdown: str | None


def lookup(storage, layout: str, article_ids=None) -> dict[int, KeptRender]:
    """Each article's stamp and the Markdown kept for `layout` (None if none)."""
    stamps = storage.export_renders.stamps(article_ids)
    kept = storage.export_renders.kept(layout, list(stamps))
    return {article_id: KeptRender(stamp, kept.get(article_id, (None,))[0]) for article_id, stamp in stamps.items()}


def _keep_all(storage) -> None:
    stamps = storage.export_renders.stamps()
    assert storage.export_renders.keep(LAYOUT, [(id_, stamp, f"rendered {id_}", "d") for id_, stamp in stamps.items()])
    assert all(kept.markdown for kept in lookup(storage, LAYOUT).values())


# Each change is made as the app makes it; the articles whose renders it must forget.
CHANGES = {
    "title": (lambda s, ids: s.articles.update_metadata(ids["birds"], {"title": "Waders"}), ("birds",)),
    "published date": (lambda s, ids: s.articles.update_metadata(ids["birds"], {"published": "2024-05-01"}),
                       ("birds",)),
    "article note": (lambda s, ids: s.article_state.set_note(ids["birds"], "A note"), ("birds",)),
    "article tags replaced": (lambda s, ids: s.article_state.set_tags(ids["birds"], ("other",)), ("birds",)),
    "article tag added": (lambda s, ids: s.articles.add_tags(ids["birds"], ("more",)), ("birds",)),
    "highlight added": (lambda s, ids: add_highlight(s, s.articles.get(ids["birds"]), "the river"), ("birds",)),
    "highlight colour": (lambda s, ids: s.highlights.update(ids["herons"], color="green"), ("birds",)),
    "highlight note": (lambda s, ids: s.highlights.update(ids["herons"], note="Calm"), ("birds",)),
    "highlight tags": (lambda s, ids: s.highlights.update(ids["herons"], tags=("waiting",)), ("birds",)),
    "highlight deleted": (lambda s, ids: s.highlights.delete(ids["herons"]), ("birds",)),
    "tag renamed (article's)": (lambda s, ids: s.tags.rename("geology", "rocks"), ("stones",)),
    "tag renamed, case only": (lambda s, ids: s.tags.rename("geology", "Geology"), ("stones",)),
    "parent tag renamed": (lambda s, ids: s.tags.rename("nature", "wild"), ("birds",)),
    # A merge recounts the tags of everything carrying the tag merged into: both are forgotten.
    "tag merged into another": (lambda s, ids: s.tags.rename("geology", "nature/birds"), ("stones", "birds")),
    "text replaced by SQL": (lambda s, ids: execute(s, "UPDATE articles SET text = 'New words', text_version = 2 "
                                                       "WHERE id = :id", {"id": ids["stones"]}), ("stones",)),
    "tag deleted by SQL": (lambda s, ids: execute(s, "DELETE FROM tags WHERE key = 'geology'"), ("stones",)),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_forgets_the_render_of_its_article_and_no_other(storage, library, change):
    make, forgotten = CHANGES[change]
    before = lookup(storage, LAYOUT)
    make(storage, library)
    after = lookup(storage, LAYOUT)
    for name in ("birds", "stones"):
        article_id = library[name]
        if name in forgotten:
            assert after[article_id].markdown is None and after[article_id].stamp != before[article_id].stamp
        else:
            assert after[article_id] == before[article_id]


# Changes another program might make with plain SQL; the articles whose Markdown each changes.
SQL_CHANGES = {
    "article tag re-pointed": ("UPDATE article_tags SET tag_id = (SELECT id FROM tags WHERE key = 'geology') "
                               "WHERE article_id = :birds", ("birds",)),
    "highlight tag re-pointed": ("UPDATE highlight_tags SET tag_id = (SELECT id FROM tags WHERE key = 'geology') "
                                 "WHERE highlight_id = :herons AND tag_id = (SELECT id FROM tags "
                                 "WHERE key = 'patience')", ("birds",)),
    "highlight tag moved to another article's highlight": (
        "UPDATE highlight_tags SET highlight_id = :granite WHERE highlight_id = :herons "
        "AND tag_id = (SELECT id FROM tags WHERE key = 'nature/birds')", ("birds", "stones")),
    # REPLACE deletes the clashing row without its delete trigger (recursive_triggers is off).
    "highlight replaced by INSERT OR REPLACE (same uid) on another article": (
        'INSERT OR REPLACE INTO highlights (uid, article_id, start, "end", quote, prefix, suffix, color, note, '
        "anchor_state, text_version, created, updated) SELECT uid, :stones, 0, 7, 'Granite', '', '', 'pink', '', "
        "'exact', 1, created, updated FROM highlights WHERE id = :herons", ("birds", "stones")),
    "highlight deleted by UPDATE OR REPLACE (uid taken)": (
        "UPDATE OR REPLACE highlights SET uid = (SELECT uid FROM highlights WHERE id = :herons) WHERE id = :granite",
        ("birds", "stones")),
}


@pytest.mark.parametrize("change", list(SQL_CHANGES))
def test_a_change_made_with_sql_forgets_the_render_of_every_article_it_changes(storage, library, change):
    sql, forgotten = SQL_CHANGES[change]
    execute(storage, sql, library)
    after = lookup(storage, LAYOUT)
    assert {name for name in ("birds", "stones") if after[library[name]].markdown is None} >= set(forgotten)


def test_a_tag_on_both_articles_renamed_forgets_both(storage, library):
    storage.tags.rename("patience", "waiting")
    assert all(kept.markdown is None for kept in lookup(storage, LAYOUT).values())


def test_reading_state_keeps_the_render(storage, library):
    before = lookup(storage, LAYOUT)
    storage.article_state.set_flags(library["birds"], is_read=True, archived=True)
    storage.article_state.set_position(library["birds"], 12, 0.5)
    assert lookup(storage, LAYOUT) == before


def test_every_article_column_either_forgets_renders_or_is_reading_state(storage):
    columns = {name for _, name, *_ in execute(storage, "PRAGMA table_info(articles)")} - {"id"}
    assert not set(ARTICLE_COLUMNS) & set(READING_STATE_COLUMNS)
    assert columns == set(ARTICLE_COLUMNS) | set(READING_STATE_COLUMNS)


def test_deleting_an_article_deletes_its_row_and_a_new_article_gets_one(storage, library):
    storage.articles.delete(library["birds"])
    assert set(lookup(storage, LAYOUT)) == {library["stones"]}
    fresh = add_article(storage, "Trees", "Oaks grow slowly.")
    assert lookup(storage, LAYOUT)[fresh.id].markdown is None


def test_a_render_kept_for_another_layout_is_not_given(storage, library):
    assert all(kept.markdown is None for kept in lookup(storage, "default:other").values())
    assert lookup(storage, LAYOUT, [library["stones"]]) == {
        library["stones"]: KeptRender(lookup(storage, LAYOUT)[library["stones"]].stamp,
                                      f"rendered {library['stones']}")}


def test_a_change_between_reading_the_stamps_and_keeping_a_render_drops_that_render(storage, library):
    execute(storage, f"UPDATE {TABLE} SET markdown = NULL")
    stamps = lookup(storage, LAYOUT)
    storage.highlights.update(library["herons"], note="changed while the export rendered")
    assert storage.export_renders.keep(LAYOUT, [(id_, kept.stamp, "stale?", "d") for id_, kept in stamps.items()])
    after = lookup(storage, LAYOUT)
    assert after[library["birds"]].markdown is None
    assert after[library["stones"]].markdown == "stale?"  # unchanged meanwhile: kept


def test_an_article_without_a_row_gets_one_and_its_next_render_is_kept(storage, library):
    execute(storage, f"DELETE FROM {TABLE} WHERE article_id = :id", {"id": library["birds"]})
    assert library["birds"] not in lookup(storage, LAYOUT)
    assert storage.export_renders.keep(LAYOUT, [(library["birds"], None, "not kept: no stamp was read", "d")])
    stamp, markdown = lookup(storage, LAYOUT)[library["birds"]]
    assert markdown is None
    storage.export_renders.keep(LAYOUT, [(library["birds"], stamp, "kept", "d")])
    assert lookup(storage, LAYOUT)[library["birds"]].markdown == "kept"


def test_keeping_renders_in_a_busy_library_gives_up_at_once_and_changes_nothing(storage, library, data_dir):
    execute(storage, f"UPDATE {TABLE} SET markdown = NULL")
    stamps = lookup(storage, LAYOUT)
    other = sqlite3.connect(data_dir / DATABASE_NAME, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        result: list[bool] = []
        worker = threading.Thread(target=lambda: result.append(storage.export_renders.keep(
            LAYOUT, [(id_, kept.stamp, "rendered", "d") for id_, kept in stamps.items()])))
        worker.start()
        worker.join(timeout=3)  # the library's own busy timeout is 5 s: keeping must not wait for it
        assert not worker.is_alive() and result == [False]
    finally:
        other.rollback()
        other.close()
    assert all(kept.markdown is None for kept in lookup(storage, LAYOUT).values())
    assert execute(storage, "PRAGMA busy_timeout") != [(100,)]  # the connection's own wait is back


def test_migrating_a_0003_library_gives_every_article_a_row(data_dir):
    storage = open_storage(data_dir)
    birds = add_article(storage, "Birds", "Herons wait by the river.", tags=("nature",))
    config = _alembic_config()
    with storage.database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    assert not execute(storage, f"SELECT name FROM sqlite_master WHERE name LIKE '{TABLE}%'")
    storage.close()
    upgraded = open_storage(data_dir)
    assert set(lookup(upgraded, LAYOUT)) == {birds.id}
    triggers = {name for (name,) in execute(upgraded, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert set(trigger_names()) <= triggers
    upgraded.export_renders.keep(LAYOUT, [(birds.id, lookup(upgraded, LAYOUT)[birds.id].stamp, "rendered", "d")])
    assert lookup(upgraded, LAYOUT)[birds.id].markdown == "rendered"
    upgraded.tags.rename("nature", "wild")
    assert lookup(upgraded, LAYOUT)[birds.id].markdown is None
    upgraded.close()
