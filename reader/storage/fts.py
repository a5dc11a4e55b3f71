"""The full-text index: FTS5 tables over articles and highlights, the triggers keeping them in step.

Each of articles and highlights has two external-content FTS5 tables (they store no text,
only the index, and read the text back from the base table by rowid):

- `<base>_fts`, tokenized `porter unicode61 remove_diacritics 2`: plain words and phrases,
  stemmed for English and matched ignoring case and accents. Ranking and snippets use it.
- `<base>_prefix_fts`, tokenized `unicode61 remove_diacritics 2` with prefix indexes: only
  for `prefix*` terms. The porter tokenizer stems the prefix itself, so `runn*` would look for
  words starting with `runn` among stems like `run` and find nothing; words as written do not
  have that problem.

Tags live in join tables; a denormalised `tags_text` column on each base table brings them
into the index. Storage sets it in the same flush as the tags themselves (`tags.assign_tags`),
once per change: a trigger per join-table row re-tokenized the whole article once per tag.
A trigger keeps it right when a tag is renamed. Every trigger
that removes index entries passes the old column values, as FTS5 external content requires.
Batch migrations (table copies) drop triggers: call `create_triggers` again after one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.storage.errors import StorageError


@dataclass(frozen=True)
class IndexedTable:
    """A base table, the columns indexed from it, and their BM25 weights (title above body)."""

    base: str
    columns: tuple[str, ...]
    weights: tuple[float, ...]

    @property
    def stemmed(self) -> str:
        return f"{self.base}_fts"

    @property
    def prefix(self) -> str:
        return f"{self.base}_prefix_fts"

    @property
    def fts_tables(self) -> tuple[str, str]:
        return self.stemmed, self.prefix

    def column_index(self, column: str) -> int:
        return self.columns.index(column)


ARTICLES = IndexedTable("articles", ("title", "author", "site", "text", "note", "tags_text"),
                        (10.0, 4.0, 4.0, 1.0, 2.0, 4.0))
HIGHLIGHTS = IndexedTable("highlights", ("quote", "note", "tags_text"), (1.0, 1.0, 2.0))
INDEXED = (ARTICLES, HIGHLIGHTS)

_TOKENIZERS = {
    "stemmed": "tokenize = 'porter unicode61 remove_diacritics 2'",
    "prefix": "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'",
}
# (join table, its column naming the tagged row, the tagged base table)
_TAG_LINKS = (("article_tags", "article_id", "articles"), ("highlight_tags", "highlight_id", "highlights"))

Execute = Callable[[str], object]


class Fts5MissingError(StorageError):
    """The SQLite library Python uses was built without FTS5."""


def require_fts5(execute: Execute, sqlite_version: str) -> None:
    """Raise Fts5MissingError, with what to do about it, unless FTS5 can be used."""
    try:
        execute("CREATE VIRTUAL TABLE temp.reader_fts5_probe USING fts5(x)")
        execute("DROP TABLE temp.reader_fts5_probe")
    except Exception as error:  # noqa: BLE001 - any failure here means the same thing
        if "fts5" not in str(error).lower():
            raise
        raise Fts5MissingError(
            f"the SQLite library of this Python ({sqlite_version}) has no FTS5 full-text search, which "
            "Reader needs; use a Python whose sqlite3 includes FTS5 (python.org and Debian builds do)"
        ) from None


def tags_text_expression(link: str, owner: str, row: str, without: str = "") -> str:
    """SQL for the space-separated tag names of one row (`row` is e.g. `new.article_id`),
    leaving out the tag whose id is `without` (an SQL expression) if given."""
    skip = f" AND t.id != {without}" if without else ""
    return (
        "coalesce((SELECT group_concat(name, ' ') FROM (SELECT t.name FROM "
        f"{link} AS x JOIN tags AS t ON t.id = x.tag_id WHERE x.{owner} = {row}{skip} ORDER BY t.key)), '')"
    )


def _values(prefix: str, table: IndexedTable) -> str:
    return ", ".join(f"{prefix}.{column}" for column in table.columns)


def create_tables(execute: Execute) -> None:
    """Create the FTS tables (empty) with their ranking functions."""
    for table in INDEXED:
        columns = ", ".join(table.columns)
        weights = ", ".join(str(weight) for weight in table.weights)
        for name, tokenizer in zip(table.fts_tables, _TOKENIZERS.values(), strict=True):
            execute(f"CREATE VIRTUAL TABLE {name} USING fts5({columns}, content = '{table.base}', "
                    f"content_rowid = 'id', {tokenizer})")
            # ORDER BY rank then ranks with these weights; SQLite lets FTS5 do that sort itself.
            execute(f"INSERT INTO {name}({name}, rank) VALUES ('rank', 'bm25({weights})')")


def create_triggers(execute: Execute) -> None:
    """Create the triggers that keep the FTS tables and `tags_text` in step with the data."""
    for table in INDEXED:
        columns = ", ".join(table.columns)
        insert = "".join(f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {_values('new', table)}); "
                         for fts in table.fts_tables)
        delete = "".join(f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, "
                         f"{_values('old', table)}); " for fts in table.fts_tables)
        execute(f"CREATE TRIGGER {table.base}_fts_insert AFTER INSERT ON {table.base} BEGIN {insert}END")
        execute(f"CREATE TRIGGER {table.base}_fts_delete AFTER DELETE ON {table.base} BEGIN {delete}END")
        # Only changes to indexed columns re-index: reading progress must not re-tokenize an article.
        execute(f"CREATE TRIGGER {table.base}_fts_update AFTER UPDATE OF {columns} ON {table.base} "
                f"BEGIN {delete}{insert}END")
    updates = "".join(
        f"UPDATE {base} SET tags_text = {tags_text_expression(link, owner, f'{base}.id')} "
        f"WHERE id IN (SELECT {owner} FROM {link} WHERE tag_id = new.id); "
        for link, owner, base in _TAG_LINKS
    )
    execute(f"CREATE TRIGGER tags_tags_text_rename AFTER UPDATE OF name ON tags BEGIN {updates}END")
    create_tag_delete_trigger(execute)


def create_tag_delete_trigger(execute: Execute) -> None:
    """A deleted tag leaves the `tags_text` of the rows that carried it (once per tag deleted)."""
    updates = "".join(
        f"UPDATE {base} SET tags_text = {tags_text_expression(link, owner, f'{base}.id', without='old.id')} "
        f"WHERE id IN (SELECT {owner} FROM {link} WHERE tag_id = old.id); "
        for link, owner, base in _TAG_LINKS
    )
    execute(f"CREATE TRIGGER IF NOT EXISTS tags_tags_text_delete BEFORE DELETE ON tags BEGIN {updates}END")


def link_trigger_names() -> list[str]:
    """The per-row triggers on the join tables that migration 0002 made and 0003 removed."""
    return [f"{link}_tags_text_{event}" for link, _owner, _base in _TAG_LINKS for event in ("insert", "delete")]


def trigger_names() -> list[str]:
    names = []
    for table in INDEXED:
        names += [f"{table.base}_fts_{event}" for event in ("insert", "delete", "update")]
    return names + ["tags_tags_text_rename", "tags_tags_text_delete"] + link_trigger_names()


def refresh_tags_text(execute: Execute, link: str, tag_id: int) -> None:
    """Recompute `tags_text` of every row carrying tag `tag_id` through `link` (after a merge)."""
    for table_link, owner, base in _TAG_LINKS:
        if table_link == link:
            execute(f"UPDATE {base} SET tags_text = {tags_text_expression(link, owner, f'{base}.id')} "
                    f"WHERE id IN (SELECT {owner} FROM {link} WHERE tag_id = {int(tag_id)})")


def fill_tags_text(execute: Execute) -> None:
    """Compute `tags_text` for every row (before the triggers exist, for an existing library)."""
    for link, owner, base in _TAG_LINKS:
        execute(f"UPDATE {base} SET tags_text = {tags_text_expression(link, owner, f'{base}.id')} "
                f"WHERE id IN (SELECT {owner} FROM {link})")


def rebuild(execute: Execute) -> None:
    """Build every FTS table afresh from its base table."""
    for table in INDEXED:
        for fts in table.fts_tables:
            execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def integrity_check(execute: Execute) -> None:
    """Raise if an FTS table disagrees with its base table (used by tests and after repairs)."""
    for table in INDEXED:
        for fts in table.fts_tables:
            execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


def drop(execute: Execute) -> None:
    """Remove the triggers and FTS tables (downgrade)."""
    for name in trigger_names():
        execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in INDEXED:
        for fts in table.fts_tables:
            execute(f"DROP TABLE IF EXISTS {fts}")
