"""What an operation changed, as data, so each pane refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Ids touched by an operation.

    `articles`: metadata, state, note or tags changed; `added`/`removed`: articles that
    appeared or went; `highlights_of`: articles whose highlights changed; `tags`: tag names or
    counts may differ; `listing`: which articles a filtered list shows, or their order, may
    differ (a title, a flag or a tag changed), so lists must query again.
    """

    articles: frozenset[int] = field(default_factory=frozenset)
    added: frozenset[int] = field(default_factory=frozenset)
    removed: frozenset[int] = field(default_factory=frozenset)
    highlights_of: frozenset[int] = field(default_factory=frozenset)
    tags: bool = False
    listing: bool = False

    @classmethod
    def of(cls, *, articles=(), added=(), removed=(), highlights_of=(), tags: bool = False,
           listing: bool = False) -> Changes:
        return cls(frozenset(articles), frozenset(added), frozenset(removed), frozenset(highlights_of), tags,
                   listing or bool(added) or bool(removed))
