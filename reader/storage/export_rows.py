"""What a Markdown export reads, in a few Core queries: article metadata and highlights as plain records.

No ORM objects and no article text: an export of 1,000 articles with 10,000 highlights reads
only the columns it shows (fewer still for the default layout), as result tuples made
straight into the records of `reader.domain.export_records`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime

from sqlalchemy import Connection, Select, String, select, type_coerce

from reader.domain.export_records import ExportArticle, ExportHighlight, ShownHighlight
from reader.domain.models import AnchorState
from reader.storage.database import Database
from reader.storage.errors import NotFoundError
from reader.storage.schema import ArticleRow, HighlightRow, TagRow, article_tags, highlight_tags

CHUNK = 500  # ids per IN (...) query, well under SQLite's limit on bound parameters

# Times come as the text SQLite holds ("2024-05-01 10:00:00.000000"): datetime.fromisoformat
# reads it many times faster than SQLAlchemy's DateTime processing does.
_ARTICLE_COLUMNS = (ArticleRow.id, ArticleRow.uid, ArticleRow.title, ArticleRow.author, ArticleRow.site,
                    ArticleRow.url, ArticleRow.published, type_coerce(ArticleRow.added, String), ArticleRow.kind,
                    ArticleRow.language, ArticleRow.note, ArticleRow.is_read, ArticleRow.archived,
                    ArticleRow.progress)
# In the order of ExportHighlight's fields, tags and anchor state apart.
_HIGHLIGHT_COLUMNS = (HighlightRow.id, HighlightRow.article_id, HighlightRow.start, HighlightRow.end,
                      HighlightRow.quote, HighlightRow.prefix, HighlightRow.suffix, HighlightRow.color,
                      HighlightRow.note, HighlightRow.anchor_state, HighlightRow.anchor_score,
                      type_coerce(HighlightRow.created, String), type_coerce(HighlightRow.updated, String),
                      HighlightRow.uid)
_SHOWN_COLUMNS = (HighlightRow.id, HighlightRow.article_id, HighlightRow.start, HighlightRow.end,
                  HighlightRow.quote, HighlightRow.color, HighlightRow.note, HighlightRow.anchor_state)
_STATES = {state.value: state for state in AnchorState}


def _chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    for at in range(0, len(ids), size):
        yield list(ids[at:at + size])


class ExportRows:
    """Articles and highlights for exports, as records; one read session per call."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def articles(self, article_ids: Sequence[int] | None = None) -> list[ExportArticle]:
        """Every article by id, or those of `article_ids` in that order (each once).

        Raises NotFoundError naming the first of `article_ids` that does not exist.
        """
        with self._db.read_session() as session:
            connection = session.connection()
            if article_ids is None:
                found = _articles(connection, None)
                return list(found.values())
            wanted = list(dict.fromkeys(article_ids))
            found = {}
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
        parse, states, no_tags = datetime.fromisoformat, _STATES, ()
        for tags, rows in self._highlight_rows(list(found), _HIGHLIGHT_COLUMNS, chunk):
            for id_, article_id, start, end, quote, prefix, suffix, color, note, state, score, created, updated, \
                    uid in rows:
                found[article_id].append(ExportHighlight(
                    id_, article_id, start, end, quote, prefix, suffix, color, note, tags.get(id_, no_tags),
                    states[state], score, parse(created), parse(updated), uid))
        return found

    def shown_highlights(self, article_ids: Sequence[int], *, chunk: int = CHUNK) -> dict[int, list[ShownHighlight]]:
        """As `highlights`, with only the fields the default Markdown layout shows."""
        found: dict[int, list[ShownHighlight]] = {article_id: [] for article_id in article_ids}
        states, no_tags = _STATES, ()
        for tags, rows in self._highlight_rows(list(found), _SHOWN_COLUMNS, chunk):
            for id_, article_id, start, end, quote, color, note, state in rows:
                found[article_id].append(ShownHighlight(
                    id_, article_id, start, end, quote, color, note, tags.get(id_, no_tags), states[state]))
        return found

    def _highlight_rows(self, ids: list[int], columns: tuple, chunk: int) -> Iterator[tuple[dict, Iterable]]:
        """For each `chunk` of article ids: the tags of their highlights by highlight id, and the
        rows of `columns` of those highlights in article and text order."""
        with self._db.read_session() as session:
            connection = session.connection()
            for some in _chunks(ids, chunk):
                mine = HighlightRow.article_id.in_(some)
                tags = _tags(connection, select(highlight_tags.c.highlight_id, highlight_tags.c.tag_id)
                             .join(HighlightRow, HighlightRow.id == highlight_tags.c.highlight_id)
                             .where(mine))
                # all(): one fetch for the chunk costs less than SQLAlchemy's row-by-row iteration
                yield tags, connection.execute(
                    select(*columns).where(mine)
                    .order_by(HighlightRow.article_id, HighlightRow.start, HighlightRow.end, HighlightRow.id)).all()


def _articles(connection: Connection, ids: list[int] | None) -> dict[int, ExportArticle]:
    """The articles of `ids` (all if None) by id, in id order."""
    query = select(*_ARTICLE_COLUMNS).order_by(ArticleRow.id)
    tag_query = select(article_tags.c.article_id, article_tags.c.tag_id)
    if ids is not None:
        query = query.where(ArticleRow.id.in_(ids))
        tag_query = tag_query.where(article_tags.c.article_id.in_(ids))
    tags = _tags(connection, tag_query)
    parse, no_tags = datetime.fromisoformat, ()
    return {
        id_: ExportArticle(id_, uid, title, author, site, url, published, parse(added), kind, language, note,
                           is_read, archived, progress, tags.get(id_, no_tags))
        for id_, uid, title, author, site, url, published, added, kind, language, note, is_read, archived,
        progress in connection.execute(query)
    }


def _tags(connection: Connection, pairs: Select) -> dict[int, tuple[str, ...]]:
    """(owner id, tag id) rows to each owner's tag names in tag order (as the ORM relationships give them).

    The rows carry tag ids rather than names: each tag is read once and each set of tags
    sorted once, where ten thousand highlights share a few tags.
    """
    ids_of: dict[int, list[int]] = {}
    for owner, tag_id in connection.execute(pairs).all():
        ids_of.setdefault(owner, []).append(tag_id)
    tags: dict[int, tuple[str, str]] = {}
    for some in _chunks(list({tag_id for ids in ids_of.values() for tag_id in ids}), CHUNK):
        tags.update((tag_id, (key, name)) for tag_id, key, name in
                    connection.execute(select(TagRow.id, TagRow.key, TagRow.name).where(TagRow.id.in_(some))))
    named: dict[tuple[int, ...], tuple[str, ...]] = {}
    found: dict[int, tuple[str, ...]] = {}
    for owner, ids in ids_of.items():
        key = tuple(ids)
        names = named.get(key)
        if names is None:
            names = named[key] = tuple(name for _, name in sorted(tags[tag_id] for tag_id in key))
        found[owner] = names
    return found
