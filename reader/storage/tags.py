"""Tags in the database: find-or-create by case-insensitive name, counts, rename and merge."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, literal, select, text
from sqlalchemy.orm import Session

from reader.domain.models import TagCount
from reader.domain.tags import InvalidTagError, normalize_tag, renamed
from reader.storage import fts
from reader.storage.database import Database
from reader.storage.errors import NotFoundError
from reader.storage.schema import TagRow, article_tags, highlight_tags


def tag_rows(session: Session, names: list[str] | tuple[str, ...]) -> list[TagRow]:
    """The rows of these tags, created as needed; names that differ only in case share a row."""
    rows: dict[str, TagRow] = {}
    for name in names:
        clean = normalize_tag(name)
        key = clean.casefold()
        if key in rows:
            continue
        row = session.scalar(select(TagRow).where(TagRow.key == key))
        if row is None:
            row = TagRow(name=clean, key=key)
            session.add(row)
            session.flush()
        rows[key] = row
    return list(rows.values())


def assign_tags(session: Session, row, names: list[str] | tuple[str, ...], *, keep: bool = False) -> None:
    """Give an article or highlight row these tags (added to its own with `keep`).

    Also sets the row's `tags_text`, which brings the tags into the search index; doing it
    here, in the same flush as the tags, re-indexes the row once per change.
    """
    new = tag_rows(session, names)
    if keep:
        known = {tag.key for tag in row.tags}
        new = list(row.tags) + [tag for tag in new if tag.key not in known]
    row.tags = new
    row.tags_text = " ".join(tag.name for tag in sorted(new, key=lambda tag: tag.key))


class TagStore:
    """Tag queries and the rename/merge operation."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def counts(self) -> list[TagCount]:
        """Every tag with the number of articles and highlights carrying it, by name."""
        article_counts = (
            select(article_tags.c.tag_id, func.count().label("n")).group_by(article_tags.c.tag_id).subquery()
        )
        highlight_counts = (
            select(highlight_tags.c.tag_id, func.count().label("n")).group_by(highlight_tags.c.tag_id).subquery()
        )
        query = (
            select(TagRow.name, func.coalesce(article_counts.c.n, 0), func.coalesce(highlight_counts.c.n, 0))
            .outerjoin(article_counts, article_counts.c.tag_id == TagRow.id)
            .outerjoin(highlight_counts, highlight_counts.c.tag_id == TagRow.id)
            .order_by(TagRow.key)
        )
        with self._db.read_session() as session:
            return [TagCount(name, articles, highlights) for name, articles, highlights in session.execute(query)]

    def names(self) -> list[str]:
        with self._db.read_session() as session:
            return list(session.scalars(select(TagRow.name).order_by(TagRow.key)))

    def rename(self, old: str, new: str) -> int:
        """Rename `old` and the tags below it (`old/x` becomes `new/x`); returns how many tags moved.

        Renaming onto a tag that exists merges the two: everything tagged with either ends
        up with the one tag, never twice. Raises NotFoundError if `old` does not exist.
        """
        old_clean, new_clean = normalize_tag(old), normalize_tag(new)
        old_key = old_clean.casefold()
        if new_clean.casefold().startswith(old_key + "/"):
            raise InvalidTagError(f"cannot move {old_clean!r} inside itself")
        with self._db.session() as session:
            affected = list(
                session.scalars(
                    select(TagRow).where((TagRow.key == old_key) | TagRow.key.startswith(old_key + "/", autoescape=True))
                )
            )
            if not affected:
                raise NotFoundError(f"no tag named {old_clean!r}")
            for row in sorted(affected, key=lambda r: r.key):
                target_name = renamed(row.name, old_clean, new_clean)
                target_key = target_name.casefold()
                if target_key == row.key:
                    row.name = target_name  # a change of case only
                    continue
                target = session.scalar(select(TagRow).where(TagRow.key == target_key))
                if target is None:
                    row.name, row.key = target_name, target_key
                    session.flush()
                    continue
                _merge_into(session, row.id, target.id)
            return len(affected)


def _merge_into(session: Session, source_id: int, target_id: int) -> None:
    """Move every use of tag `source_id` to `target_id` (skipping doubles) and drop the source."""
    for table, owner in ((article_tags, article_tags.c.article_id), (highlight_tags, highlight_tags.c.highlight_id)):
        already = select(owner).where(table.c.tag_id == target_id)
        session.execute(
            insert(table).from_select(
                [owner.name, "tag_id"],
                select(owner, literal(target_id)).where(
                    table.c.tag_id == source_id, owner.not_in(already)
                ),
            )
        )
        session.execute(delete(table).where(table.c.tag_id == source_id))
        fts.refresh_tags_text(lambda sql: session.execute(text(sql)), table.name, target_id)
    session.execute(delete(TagRow).where(TagRow.id == source_id))
    session.expire_all()
