"""Saved searches: named queries in a user-chosen order, as dataclasses."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reader.domain.search import InvalidSavedSearchError, SavedSearch, clean_search_name
from reader.storage.database import Database
from reader.storage.errors import NotFoundError
from reader.storage.schema import SavedSearchRow


def _saved(row: SavedSearchRow) -> SavedSearch:
    return SavedSearch(row.id, row.name, row.query, row.position)


class SavedSearchStore:
    """Add, rename, change, reorder and delete saved searches; positions stay 0, 1, 2, ..."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def list(self) -> list[SavedSearch]:
        with self._db.read_session() as session:
            return [_saved(row) for row in self._ordered(session)]

    def get(self, search_id: int) -> SavedSearch:
        with self._db.read_session() as session:
            return _saved(self._row(session, search_id))

    def add(self, name: str, query: str) -> SavedSearch:
        """A new saved search at the end of the list."""
        name, query = clean_search_name(name), self._clean_query(query)
        with self._db.session() as session:
            self._check_free(session, name)
            position = session.scalar(select(func.count()).select_from(SavedSearchRow)) or 0
            row = SavedSearchRow(name=name, query=query, position=position)
            session.add(row)
            session.flush()
            return _saved(row)

    def update(self, search_id: int, *, name: str | None = None, query: str | None = None) -> SavedSearch:
        with self._db.session() as session:
            row = self._row(session, search_id)
            if name is not None:
                name = clean_search_name(name)
                self._check_free(session, name, but=search_id)
                row.name = name
            if query is not None:
                row.query = self._clean_query(query)
            session.flush()
            return _saved(row)

    def move(self, search_id: int, position: int) -> list[SavedSearch]:
        """Put a saved search at `position` (clamped to the list); returns the new order."""
        with self._db.session() as session:
            rows = self._ordered(session)
            moving = self._row(session, search_id)
            rows.remove(moving)
            rows.insert(max(0, min(position, len(rows))), moving)
            self._renumber(rows)
            return [_saved(row) for row in rows]

    def delete(self, search_id: int) -> None:
        with self._db.session() as session:
            session.delete(self._row(session, search_id))
            session.flush()
            self._renumber(self._ordered(session))

    @staticmethod
    def _clean_query(query: str) -> str:
        if not query.strip():
            raise InvalidSavedSearchError("a saved search needs a query")
        return query.strip()

    @staticmethod
    def _ordered(session: Session) -> list[SavedSearchRow]:
        return list(session.scalars(select(SavedSearchRow).order_by(SavedSearchRow.position, SavedSearchRow.id)))

    @staticmethod
    def _renumber(rows: list[SavedSearchRow]) -> None:
        for position, row in enumerate(rows):
            row.position = position

    @staticmethod
    def _check_free(session: Session, name: str, but: int | None = None) -> None:
        for row_id, other in session.execute(select(SavedSearchRow.id, SavedSearchRow.name)):
            if row_id != but and other.casefold() == name.casefold():
                raise InvalidSavedSearchError(f"there is already a saved search named {other!r}")

    @staticmethod
    def _row(session: Session, search_id: int) -> SavedSearchRow:
        row = session.get(SavedSearchRow, search_id)
        if row is None:
            raise NotFoundError(f"no saved search with id {search_id}")
        return row
