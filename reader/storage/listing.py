"""The library list: ids of the articles that match a filter in a chosen order, and their rows.

The window's list model holds only ids and fetches rows a page at a time, so filtering and
sorting happen here in SQL rather than in Qt, and 100,000 articles stay quick.
"""

from __future__ import annotations

from sqlalchemy import Integer, and_, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from reader.domain.models import Article
from reader.storage.articles import highlight_counts
from reader.storage.convert import article_from_row
from reader.storage.database import Database
from reader.storage.queries import ListQuery
from reader.storage.schema import ArticleRow, TagRow, article_tags


def _tag_condition(pattern_or_key: ColumnElement) -> ColumnElement:
    return exists(
        select(1)
        .select_from(article_tags.join(TagRow, TagRow.id == article_tags.c.tag_id))
        .where(article_tags.c.article_id == ArticleRow.id, pattern_or_key)
    )


def _conditions(query: ListQuery) -> list[ColumnElement]:
    conditions: list[ColumnElement] = []
    if query.show == "inbox":
        conditions.append(ArticleRow.archived.is_(False))
    elif query.show == "unread":
        conditions.extend([ArticleRow.archived.is_(False), ArticleRow.is_read.is_(False)])
    elif query.show == "archived":
        conditions.append(ArticleRow.archived.is_(True))
    for word in query.text.split():
        conditions.append(
            or_(
                ArticleRow.title.contains(word, autoescape=True),
                ArticleRow.author.contains(word, autoescape=True),
                ArticleRow.site.contains(word, autoescape=True),
                _tag_condition(TagRow.name.contains(word, autoescape=True)),
            )
        )
    if query.tag:
        key = query.tag.casefold()
        conditions.append(_tag_condition(or_(TagRow.key == key, TagRow.key.startswith(key + "/", autoescape=True))))
    return conditions


def _order(sort: str) -> list[ColumnElement]:
    if sort == "title":
        return [func.lower(ArticleRow.title), ArticleRow.id]
    if sort == "published":
        return [ArticleRow.published.is_(None), ArticleRow.published.desc(), ArticleRow.id.desc()]
    return [ArticleRow.added.desc(), ArticleRow.id.desc()]


class ArticleListing:
    """Ids in list order, and rows (without text) for a page of ids."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def ids(self, query: ListQuery) -> list[int]:
        statement = select(ArticleRow.id).where(and_(True, *_conditions(query))).order_by(*_order(query.sort))
        with self._db.read_session() as session:
            return list(session.scalars(statement))

    def rows(self, ids: list[int]) -> dict[int, Article]:
        """Articles (metadata, tags, highlight counts; no text) by id; missing ids are left out."""
        if not ids:
            return {}
        with self._db.read_session() as session:
            found = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))
            rows = list(found)
            counts = highlight_counts(session, [row.id for row in rows])
            return {row.id: article_from_row(row, with_text=False, highlight_count=counts.get(row.id, 0))
                    for row in rows}

    def counts(self) -> dict[str, int]:
        """How many articles each `show` choice holds."""
        with self._db.read_session() as session:
            total, archived, unread = session.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(ArticleRow.archived.cast(Integer)), 0),
                    func.coalesce(func.sum(and_(ArticleRow.archived.is_(False), ArticleRow.is_read.is_(False))
                                           .cast(Integer)), 0),
                )
            ).one()
        return {"all": total, "archived": archived, "inbox": total - archived, "unread": unread}
