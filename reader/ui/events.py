"""The one Qt adapter that turns Changes records into signals named as events."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.services.changes import Changes


class LibraryEvents(QObject):
    """Broadcasts what changed in the library, so each pane refreshes only what it shows.

    Signals:
        articles_removed(list): ids of deleted articles.
        articles_changed(list): ids whose metadata, state, note or tags changed.
        highlights_changed(int): the article whose highlights changed.
        tags_changed(): tag names or counts may have changed.
        listing_changed(): lists must query again (membership or order may differ).
    """

    articles_removed = Signal(list)
    articles_changed = Signal(list)
    highlights_changed = Signal(int)
    tags_changed = Signal()
    listing_changed = Signal()

    def publish(self, changes: Changes) -> None:
        if changes.removed:
            self.articles_removed.emit(sorted(changes.removed))
        if changes.articles:
            self.articles_changed.emit(sorted(changes.articles))
        for article_id in sorted(changes.highlights_of):
            self.highlights_changed.emit(article_id)
        if changes.tags:
            self.tags_changed.emit()
        if changes.listing:
            self.listing_changed.emit()
