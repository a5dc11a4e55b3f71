"""Each article's Markdown as the default export layout last rendered it, forgotten by triggers on any change.

Rendering is most of a Markdown export's time, and most articles do not change between two
exports. So an export keeps what it rendered here, under the name of the layout it rendered
(`layout`: the exporter's key for its code and the user's choices), and the next export
writes the kept text for every article whose row still holds it.

Nothing stale can be kept, whoever changes the library (this window, `reader` in a terminal,
a restore): the triggers below give the article's row a new random `stamp` and drop its text
on every change to what its Markdown is made from (its columns but the reading state, its
tags, its highlights and their tags, a tag's name). An export reads the stamps before
anything it renders from, and `keep` stores a render only where the stamp is still the one
read: a change made in between has replaced it, so that render is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from reader.storage.database import Database, busy_timeout_ms
from reader.storage.errors import StorageError

TABLE = "export_renders"
# Columns of `articles` whose change leaves the rendered Markdown as it was: reading state.
# Every other column, present or future, must be in ARTICLE_COLUMNS (a test compares them).
READING_STATE_COLUMNS = ("is_read", "archived", "progress", "read_position", "updated")
ARTICLE_COLUMNS = ("uid", "title", "author", "site", "url", "source_path", "language", "published", "added",
                   "kind", "text", "blocks", "content_hash", "source_hash", "original", "text_version", "note",
                   "edited_fields", "tags_text")
KEEP_WAIT_MS = 100  # keeping renders is a saving, not a duty: never wait long for a busy library
CHUNK = 500  # ids per IN (...) query, well under SQLite's limit on bound parameters

Execute = Callable[[str], object]


def _forget(where: str) -> str:
    return f"UPDATE {TABLE} SET stamp = random(), markdown = NULL, sha256 = NULL WHERE article_id {where}; "


def _tag_owners(tag: str) -> str:
    """The ids of the articles that carry tag `tag`, themselves or on one of their highlights."""
    return (f"IN (SELECT article_id FROM article_tags WHERE tag_id = {tag} UNION "
            f"SELECT h.article_id FROM highlight_tags AS t JOIN highlights AS h ON h.id = t.highlight_id "
            f"WHERE t.tag_id = {tag})")


def _highlight_owner(highlight: str) -> str:
    return f"= (SELECT article_id FROM highlights WHERE id = {highlight})"


def _clashing_highlights() -> str:
    return "IN (SELECT article_id FROM highlights WHERE id = new.id OR uid = new.uid)"


# (name, event, table, body). A batch migration that copies one of these tables drops its
# triggers: such a migration must create them again (as fts.py's must for the search index).
_TRIGGERS = (
    ("article_insert", "AFTER INSERT", "articles",
     f"INSERT OR REPLACE INTO {TABLE} (article_id, stamp) VALUES (new.id, random()); "),
    ("article_update", f"AFTER UPDATE OF {', '.join(ARTICLE_COLUMNS)}", "articles", _forget("= new.id")),
    # INSERT OR REPLACE and UPDATE OR REPLACE delete a clashing highlight without its delete
    # trigger (recursive_triggers is off): forget the article of whatever row the new one replaces.
    ("highlight_replacing_insert", "BEFORE INSERT", "highlights", _forget(_clashing_highlights())),
    ("highlight_replacing_update", "BEFORE UPDATE OF id, uid", "highlights", _forget(_clashing_highlights())),
    ("highlight_insert", "AFTER INSERT", "highlights", _forget("= new.article_id")),
    ("highlight_update", "AFTER UPDATE", "highlights", _forget("IN (old.article_id, new.article_id)")),
    ("highlight_delete", "AFTER DELETE", "highlights", _forget("= old.article_id")),
    ("article_tag_insert", "AFTER INSERT", "article_tags", _forget("= new.article_id")),
    ("article_tag_delete", "AFTER DELETE", "article_tags", _forget("= old.article_id")),
    ("article_tag_update", "AFTER UPDATE", "article_tags", _forget("IN (old.article_id, new.article_id)")),
    ("highlight_tag_insert", "AFTER INSERT", "highlight_tags", _forget(_highlight_owner("new.highlight_id"))),
    ("highlight_tag_delete", "AFTER DELETE", "highlight_tags", _forget(_highlight_owner("old.highlight_id"))),
    ("highlight_tag_update", "AFTER UPDATE", "highlight_tags",
     _forget("IN (SELECT article_id FROM highlights WHERE id IN (old.highlight_id, new.highlight_id))")),
    ("tag_update", "AFTER UPDATE", "tags", _forget(_tag_owners("new.id"))),
    ("tag_delete", "BEFORE DELETE", "tags", _forget(_tag_owners("old.id"))),  # before its links go
)


def trigger_names() -> list[str]:
    return [f"{TABLE}_{name}" for name, _event, _table, _body in _TRIGGERS]


def create_triggers(execute: Execute) -> None:
    for name, event, table, body in _TRIGGERS:
        execute(f"CREATE TRIGGER {TABLE}_{name} {event} ON {table} BEGIN {body}END")


def fill(execute: Execute) -> None:
    """A row, with nothing kept, for every article that has none (an existing library)."""
    execute(f"INSERT OR IGNORE INTO {TABLE} (article_id, stamp) SELECT id, random() FROM articles")


def drop_triggers(execute: Execute) -> None:
    for name in trigger_names():
        execute(f"DROP TRIGGER IF EXISTS {name}")


class ExportRenders:
    """Reads and keeps rendered Markdown; see the module for why a kept render is never stale."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def stamps(self, article_ids: Sequence[int] | None = None) -> dict[int, int]:
        """Each article's stamp (of those given, or all); read it before anything to render: see the module."""
        return dict(self._rows("article_id, stamp", "1", (), article_ids))

    def kept(self, layout: str, article_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(Markdown, SHA-256 of its UTF-8 bytes) kept for `layout`, of those of `article_ids` that have it.

        Each is right for its article as the library holds it when read (a change drops it),
        whatever the stamps read before.
        """
        return {article_id: (markdown, digest) for article_id, markdown, digest in self._rows(
            "article_id, markdown, sha256", "layout = ? AND markdown IS NOT NULL AND sha256 IS NOT NULL",
            (layout,), article_ids)}

    def _rows(self, columns: str, condition: str, params: tuple, article_ids: Sequence[int] | None) -> list[tuple]:
        """`columns` of the rows meeting `condition`, of the articles given (all if None)."""
        query = f"SELECT {columns} FROM {TABLE} WHERE {condition}"
        with self._db.read_session() as session:
            driver = session.connection().connection.driver_connection
            if article_ids is None:
                return driver.execute(query, params).fetchall()
            ids = list(dict.fromkeys(article_ids))
            rows = []
            for at in range(0, len(ids), CHUNK):
                some = ids[at:at + CHUNK]
                rows += driver.execute(f"{query} AND article_id IN ({','.join('?' * len(some))})",
                                       (*params, *some)).fetchall()
            return rows

    def keep(self, layout: str, renders: Iterable[tuple[int, int | None, str, str]]) -> bool:
        """Keep each (article id, stamp read before rendering or None if it had no row, Markdown, its SHA-256).

        Only renders whose article still has the stamp read are kept; an article that had no
        row gets one, to keep its next render. Returns False, having kept nothing, when the
        library is busy or read-only: the export that called this has done its work anyway.
        """
        kept, rowless = [], []
        for article_id, stamp, markdown, digest in renders:
            if stamp is None:
                rowless.append((article_id,))
            else:
                kept.append((layout, markdown, digest, article_id, stamp))
        if not kept and not rowless:
            return True
        try:
            with self._db.session() as session:
                connection = session.connection()
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {KEEP_WAIT_MS}")
                try:
                    if kept:
                        connection.exec_driver_sql(
                            f"UPDATE {TABLE} SET layout = ?, markdown = ?, sha256 = ? WHERE article_id = ? AND stamp = ?",
                            kept)
                    if rowless:
                        connection.exec_driver_sql(
                            f"INSERT OR IGNORE INTO {TABLE} (article_id, stamp) SELECT id, random() FROM articles "
                            "WHERE id = ?", rowless)
                finally:
                    connection.exec_driver_sql(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        except StorageError:
            return False
        return True
