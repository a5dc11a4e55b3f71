"""Tags across the library: counts, and rename (which merges onto an existing tag)."""

from __future__ import annotations

from reader.domain.models import TagCount
from reader.storage import Storage


class TagService:
    """Library-wide tag operations."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def counts(self) -> list[TagCount]:
        return self._storage.tags.counts()

    def names(self) -> list[str]:
        return self._storage.tags.names()

    def rename(self, old: str, new: str) -> int:
        """Rename `old` (and its `old/...` children) to `new`; returns how many tags changed."""
        return self._storage.tags.rename(old, new)
