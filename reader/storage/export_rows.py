"""What a Markdown export reads, in a few plain SQL queries: article metadata and highlights as plain records.

No ORM objects and no article text: an export of 1,000 articles with 10,000 highlights reads
only the columns it shows (fewer still for the default layout), through the session's own
sqlite3 connection, as tuples made straight into the records of `reader.domain.export_records`
(SQLAlchemy's result rows cost a quarter of the reading on top of SQLite).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from reader.domain.export_records import ExportArticle, ExportHighlight, ShownHighlight
from reader.domain.models import AnchorState
from reader.storage.database import Database
from reader.storage.errors import NotFoundError

CHUNK = 500  # ids per IN (...) query, well under SQLite's limit on bound parameters

# Times come as the text SQLite holds ("2024-05-01 10:00:00.000000"): datetime.fromisoformat
# reads it many times faster than SQLAlchemy's DateTime processing does.
_ARTICLES = ("SELECT id, uid, title, author, site, url, published, added, kind, language, note, is_read, archived, "
             "progress FROM articles")
# In the order of ExportHighlight's fields, tags apart; then those of ShownHighlight, tags apart.
_HIGHLIGHTS = ('SELECT id, article_id, start, "end", quote, prefix, suffix, color, note, anchor_state, anchor_score, '
               "created, updated, uid FROM highlights")
_SHOWN = 'SELECT id, article_id, start, "end", quote, color, note, anchor_state FROM highlights'
_TEXT_ORDER = ' ORDER BY article_id, start, "end", id'
_HIGHLIGHT_TAGS = ("SELECT t.highlight_id, t.tag_id FROM highlight_tags AS t JOIN highlights AS h "
                   "ON h.id = t.highlight_id WHERE h.article_id IN ({})")
_STATES = {state.value: state for state in AnchorState}
_new = tuple.__new__  # a NamedTuple from a ready tuple, without its keyword-taking __new__


def _chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    for at in range(0, len(ids), size):
        yield list(ids[at:at + size])


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _driver(session: Session) -> sqlite3.Connection:
    """The session's sqlite3 connection (errors still come out as StorageError: see translate_errors)."""
    return session.connection().connection.driver_connection


@contextlib.contextmanager
def _snapshot(connection: sqlite3.Connection) -> Iterator[None]:
    """One read transaction around the statements inside: they see the library at one moment.

    pysqlite opens no transaction for a SELECT, so each statement would see its own: a tag
    merged between reading the links and reading the tags' names left a link to no tag.
    """
    if connection.in_transaction:
        yield
        return
    connection.execute("BEGIN")
    try:
        yield
    finally:
        connection.execute("ROLLBACK")  # nothing was written: this only ends the snapshot


class ExportRows:
    """Articles and highlights for exports, as records; one read session per call."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def articles(self, article_ids: Sequence[int] | None = None) -> list[ExportArticle]:
        """Every article by id, or those of `article_ids` in that order (each once).

        Raises NotFoundError naming the first of `article_ids` that does not exist.
        """
        with self._db.read_session() as session:
            connection = _driver(session)
            if article_ids is None:
                with _snapshot(connection):
                    return list(_articles(connection, None).values())
            wanted = list(dict.fromkeys(article_ids))
            found = {}
            with _snapshot(connection):
                for chunk in _chunks(wanted, CHUNK):
                    found.update(_articles(connection, chunk))
        missing = next((article_id for article_id in wanted if article_id not in found), None)
        if missing is not None:
            raise NotFoundError(f"no article with id {missing}")
        return [found[article_id] for article_id in wanted]

    def highlights(self, article_ids: Sequence[int], *, chunk: int = CHUNK) -> dict[int, list[ExportHighlight]]:
        """The highlights of each of `article_ids` (a key for every id), each list in text order
        (start, then end, then age); two queries per `chunk` articles."""
        found: dict[int, list[ExportHighlight]] = {article_id: [] for article_id in article_ids}
        parse, states, no_tags, record = datetime.fromisoformat, _STATES, (), ExportHighlight
        for tags, rows in self._highlight_rows(list(found), _HIGHLIGHTS, chunk):
            for id_, article_id, start, end, quote, prefix, suffix, color, note, state, score, created, updated, \
                    uid in rows:
                found[article_id].append(_new(record, (
                    id_, article_id, start, end, quote, prefix, suffix, color, note, tags.get(id_, no_tags),
                    states[state], score, parse(created), parse(updated), uid)))
        return found

    def shown_highlights(self, article_ids: Sequence[int], *, chunk: int = CHUNK) -> dict[int, list[ShownHighlight]]:
        """As `highlights`, with only the fields the default Markdown layout shows."""
        found: dict[int, list[ShownHighlight]] = {article_id: [] for article_id in article_ids}
        states, no_tags, record = _STATES, (), ShownHighlight
        for tags, rows in self._highlight_rows(list(found), _SHOWN, chunk):
            for id_, article_id, start, end, quote, color, note, state in rows:
                found[article_id].append(_new(record, (
                    id_, article_id, start, end, quote, color, note, tags.get(id_, no_tags), states[state])))
        return found

    def _highlight_rows(self, ids: list[int], query: str, chunk: int) -> Iterator[tuple[dict, list]]:
        """For each `chunk` of article ids: the tags of their highlights by highlight id, and the
        rows of `query` for those highlights in article and text order."""
        with self._db.read_session() as session:
            connection = _driver(session)
            for some in _chunks(ids, chunk):
                marks = _marks(some)
                with _snapshot(connection):
                    tags = _tags(connection, _HIGHLIGHT_TAGS.format(marks), some)
                    rows = connection.execute(f"{query} WHERE article_id IN ({marks}){_TEXT_ORDER}",
                                              some).fetchall()
                yield tags, rows


def _articles(connection: sqlite3.Connection, ids: list[int] | None) -> dict[int, ExportArticle]:
    """The articles of `ids` (all if None) by id, in id order."""
    if ids is None:
        query, tag_query, params = _ARTICLES, "SELECT article_id, tag_id FROM article_tags", []
    else:
        marks = _marks(ids)
        query = f"{_ARTICLES} WHERE id IN ({marks})"
        tag_query, params = f"SELECT article_id, tag_id FROM article_tags WHERE article_id IN ({marks})", ids
    tags = _tags(connection, tag_query, params)
    parse, no_tags = datetime.fromisoformat, ()
    return {
        id_: ExportArticle(id_, uid, title, author, site, url, published, parse(added), kind, language, note,
                           bool(is_read), bool(archived), float(progress), tags.get(id_, no_tags))
        for id_, uid, title, author, site, url, published, added, kind, language, note, is_read, archived,
        progress in connection.execute(f"{query} ORDER BY id", params).fetchall()
    }


def _tags(connection: sqlite3.Connection, pairs: str, params: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """(owner id, tag id) rows of the query `pairs` to each owner's tag names in tag order (as the
    ORM relationships give them).

    The rows carry tag ids rather than names: each tag is read once and each set of tags
    sorted once, where ten thousand highlights share a few tags.
    """
    ids_of: dict[int, list[int]] = {}
    for owner, tag_id in connection.execute(pairs, params).fetchall():
        ids_of.setdefault(owner, []).append(tag_id)
    tags: dict[int, tuple[str, str]] = {}
    for some in _chunks(list({tag_id for ids in ids_of.values() for tag_id in ids}), CHUNK):
        tags.update((tag_id, (key, name)) for tag_id, key, name in
                    connection.execute(f'SELECT id, "key", name FROM tags WHERE id IN ({_marks(some)})', some))
    named: dict[tuple[int, ...], tuple[str, ...]] = {}
    found: dict[int, tuple[str, ...]] = {}
    for owner, ids in ids_of.items():
        key = tuple(ids)
        names = named.get(key)
        if names is None:
            names = named[key] = tuple(name for _, name in sorted(tags[tag_id] for tag_id in key))
        found[owner] = names
    return found
