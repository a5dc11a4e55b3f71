"""Storage errors in the library's own terms, so no SQLAlchemy exception leaks out."""

from reader.domain.errors import ReaderError


class StorageError(ReaderError):
    """The library database cannot be used; `str(error)` names the file and the reason."""


class LibraryLockedError(StorageError):
    """Another program holds the library's write lock longer than we are willing to wait."""


class NotFoundError(StorageError):
    """An article, highlight or tag that does not exist (any more)."""
