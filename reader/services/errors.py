"""Errors callers of the services may want to tell apart (all are ReaderErrors)."""

from reader.storage.errors import LibraryLockedError, NotFoundError, StorageError

__all__ = ["LibraryLockedError", "NotFoundError", "StorageError"]
