"""Searching the whole library (articles, highlights, notes, tags), as typed, and saved searches."""

from __future__ import annotations

import threading
from collections.abc import Callable

from reader.domain.query import Query, parse
from reader.domain.search import SavedSearch, SearchCancelled, SearchResults
from reader.storage import Storage

DEFAULT_LIMIT = 50


class SearchService:
    """One query language over the whole library; see README "Search" for the language.

    Every method opens its own database connection, so any of them may be called from a
    worker thread while the window keeps its own. For results as the user types, use
    `live()`.
    """

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    @staticmethod
    def parse(text: str, *, as_you_type: bool = False) -> Query:
        """What a query string means (never raises); `Query.describe()` and `.notes` explain it."""
        return parse(text, as_you_type=as_you_type)

    def search(self, text: str, *, limit: int = DEFAULT_LIMIT, as_you_type: bool = False,
               cancelled: Callable[[], bool] | None = None) -> SearchResults:
        """Articles and highlights matching `text`, best first, at most `limit`.

        Any string is accepted: what cannot be read as the query language is read as plain
        words, and `results.query.notes` says so. With `as_you_type`, the word being typed
        (the last, when `text` does not end in a space) also matches as a prefix.
        `cancelled` is polled while the database works; once it returns True the search
        stops and SearchCancelled is raised. Raises StorageError if the library is unusable.
        """
        return self._storage.search.search(self.parse(text, as_you_type=as_you_type), limit=limit,
                                           cancelled=cancelled)

    def live(self, *, limit: int = DEFAULT_LIMIT) -> LiveSearch:
        """A search-as-you-type session in which the latest query wins (one per search box)."""
        return LiveSearch(self, limit=limit)

    # --- saved searches --------------------------------------------------------------------
    def saved(self) -> list[SavedSearch]:
        """The saved searches in their order."""
        return self._storage.saved_searches.list()

    def save(self, name: str, query: str) -> SavedSearch:
        """Save a query under a name (unique, ignoring case), at the end of the list."""
        return self._storage.saved_searches.add(name, query)

    def update_saved(self, search_id: int, *, name: str | None = None, query: str | None = None) -> SavedSearch:
        """Rename a saved search or change its query."""
        return self._storage.saved_searches.update(search_id, name=name, query=query)

    def move_saved(self, search_id: int, position: int) -> list[SavedSearch]:
        """Move a saved search to `position` (0 is first); returns the new order."""
        return self._storage.saved_searches.move(search_id, position)

    def delete_saved(self, search_id: int) -> None:
        self._storage.saved_searches.delete(search_id)

    def run_saved(self, search_id: int, *, limit: int = DEFAULT_LIMIT) -> SearchResults:
        """The results of a saved search now."""
        return self.search(self._storage.saved_searches.get(search_id).query, limit=limit)


class LiveSearch:
    """Search as the user types without blocking the window: the latest query wins.

    On the window's thread, each time the text changes (after a short debounce):

        ticket = live.submit()                     # cheap; stops any older search at once
        pool.start(lambda: done(ticket, live.run(ticket, text)))   # on a worker thread

    `run` returns None when a newer `submit()` (or `cancel()`) came before it finished: the
    older query is interrupted inside SQLite, not left to run, and its result is dropped.
    The slot receiving `done` should still check `live.is_current(ticket)`, as a result may
    arrive just after a newer submit. Every `run` uses its own connection, so several
    workers may overlap safely; only the latest one returns results.
    """

    def __init__(self, service: SearchService, *, limit: int = DEFAULT_LIMIT) -> None:
        self._service = service
        self._limit = limit
        self._lock = threading.Lock()
        self._latest = 0

    def submit(self) -> int:
        """A ticket for the next query; every earlier ticket is superseded from now on."""
        with self._lock:
            self._latest += 1
            return self._latest

    def cancel(self) -> None:
        """Supersede every ticket handed out (the search box was cleared or closed)."""
        self.submit()

    def is_current(self, ticket: int) -> bool:
        with self._lock:
            return ticket == self._latest

    def run(self, ticket: int, text: str) -> SearchResults | None:
        """The results for `text`, or None if `ticket` was superseded before they were ready."""
        if not self.is_current(ticket):
            return None
        try:
            results = self._service.search(text, limit=self._limit, as_you_type=True,
                                           cancelled=lambda: not self.is_current(ticket))
        except SearchCancelled:
            return None
        return results if self.is_current(ticket) else None
