"""The one error importers raise: a source that cannot become an article, with a reason."""

from reader.domain.errors import ReaderError


class ImportRejected(ReaderError):
    """The source cannot be imported; `str(error)` is a short reason for the user."""
