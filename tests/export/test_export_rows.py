"""What exports read through storage.export_rows: the same articles and highlights as the stores give, as records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import reader.storage.export_rows as export_rows
from reader.domain.export_records import ExportArticle, ShownHighlight
from reader.domain.models import Highlight
from reader.storage import NotFoundError
from reader.storage.database import translate_errors
from reader.storage.errors import LibraryLockedError, StorageError


def _as_record(article) -> ExportArticle:
    return ExportArticle(*(getattr(article, name) for name in ExportArticle._fields))


def test_every_article_with_the_metadata_and_tags_the_store_gives(services, rich_library):
    services.storage.articles.add_tags(rich_library.seed, ("Zebra", "alpha/beta"))
    rows = services.storage.export_rows.articles()
    stored = sorted(services.storage.articles.list(), key=lambda article: article.id)
    assert rows == [_as_record(article) for article in stored]
    assert [row.id for row in rows] == sorted([rich_library.seed, rich_library.foxes])
    foxes = next(row for row in rows if row.id == rich_library.foxes)
    assert foxes.is_read is True and foxes.archived is True and foxes.note == "Berlin's essay, *retold*."
    assert next(row for row in rows if row.id == rich_library.seed).tags == ("alpha/beta", "reading/2024", "Zebra")


def test_chosen_articles_come_in_the_order_asked_each_once(services, rich_library, monkeypatch):
    monkeypatch.setattr(export_rows, "CHUNK", 1)  # several queries even for two articles
    wanted = [rich_library.foxes, rich_library.seed, rich_library.foxes]
    rows = services.storage.export_rows.articles(wanted)
    assert [row.id for row in rows] == [rich_library.foxes, rich_library.seed]
    assert rows[0] == _as_record(services.storage.articles.get(rich_library.foxes))
    with pytest.raises(NotFoundError, match="no article with id 999"):
        services.storage.export_rows.articles([rich_library.seed, 999, 1000])
    assert services.storage.export_rows.articles([]) == []


def test_highlights_are_those_of_each_article_in_text_order(services, rich_library):
    ids = [rich_library.foxes, rich_library.seed, 12345]
    loaded = services.storage.export_rows.highlights(ids, chunk=1)
    assert list(loaded) == ids and loaded[12345] == []
    for article_id in ids[:2]:
        assert [Highlight(*row) for row in loaded[article_id]] == services.storage.highlights.for_article(article_id)
    assert any(row.tags for row in loaded[rich_library.seed])
    assert {row.anchor_state.value for row in loaded[rich_library.foxes]} == {"exact", "orphan"}
    assert services.storage.export_rows.highlights([]) == {}


def test_shown_highlights_are_the_same_rows_with_fewer_fields(services, rich_library):
    ids = [rich_library.seed, rich_library.foxes]
    full = services.storage.export_rows.highlights(ids)
    shown = services.storage.export_rows.shown_highlights(ids, chunk=1)
    assert list(shown) == ids
    assert shown == {article_id: [ShownHighlight(*(getattr(row, name) for name in ShownHighlight._fields))
                                  for row in rows] for article_id, rows in full.items()}
    assert sum(map(len, shown.values())) == 7 and services.storage.export_rows.shown_highlights([]) == {}


def test_an_empty_library_has_nothing_to_read(services):
    assert services.storage.export_rows.articles() == []


def test_sqlite_errors_of_the_raw_reads_come_out_as_storage_errors(services, rich_library, monkeypatch):
    monkeypatch.setattr(export_rows, "_SHOWN", "SELECT no_such_column FROM highlights")
    with pytest.raises(StorageError, match="no such column: no_such_column"):
        services.storage.export_rows.shown_highlights([rich_library.seed])
    with pytest.raises(LibraryLockedError, match="locked by another program"), translate_errors(Path("x")):
        raise sqlite3.OperationalError("database is locked")
    with pytest.raises(StorageError, match="damaged or is not a Reader library"), translate_errors(Path("x")):
        raise sqlite3.DatabaseError("file is not a database")


class _EditAfter:
    """The session's sqlite3 connection, with `edit` run (as by another window) right after the
    first statement that starts with `prefix` has read its rows."""

    def __init__(self, connection, prefix: str, edit) -> None:
        self._connection, self._prefix, self._edit = connection, prefix, edit

    def __getattr__(self, name):
        return getattr(self._connection, name)

    def execute(self, sql, params=()):
        cursor = self._connection.execute(sql, params)
        if self._edit is not None and sql.startswith(self._prefix):
            rows, edit, self._edit = cursor.fetchall(), self._edit, None
            edit()
            return _Rows(rows)
        return cursor


class _Rows(list):
    """Rows already read, as a cursor gives them."""

    def fetchall(self):
        return list(self)


@pytest.mark.parametrize("prefix", ["SELECT article_id, tag_id FROM article_tags",
                                    "SELECT t.highlight_id, t.tag_id FROM highlight_tags"])
def test_tags_merged_while_the_rows_are_read_are_seen_as_before_the_merge(services, rich_library, monkeypatch, prefix):
    # Links and tag names come from separate statements; without one snapshot around them a tag
    # merged in between left a link to a tag that is gone (KeyError out of the export).
    services.storage.articles.add_tags(rich_library.seed, ("animals",))
    services.annotations.update(rich_library.highlights["official"], tags=("iran", "world/middle east", "animals"))
    real_driver = export_rows._driver

    def merge():
        services.tags.rename("animals", "big ideas")

    monkeypatch.setattr(export_rows, "_driver", lambda session: _EditAfter(real_driver(session), prefix, merge))
    report = services.exports.export_markdown(services.data_dir.parent / "out")
    monkeypatch.undo()
    assert report.ok
    text = {item.article_id: item.path.read_text(encoding="utf-8") for item in report.files}
    assert "animals" in text[rich_library.seed]  # as the library was when the export began to read
    assert "animals" not in services.exports.markdown(rich_library.seed)
