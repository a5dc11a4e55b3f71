"""What callers ask storage for, as plain values: list queries and the fields a user may correct.

Free of SQLAlchemy, so the window can import them and show itself before the library opens.
"""

from __future__ import annotations

from dataclasses import dataclass

SORTS = ("added", "title", "published")
SHOWS = ("inbox", "unread", "archived", "all")

# Fields a user may correct; a correction is remembered so a re-import keeps it.
EDITABLE_FIELDS = ("title", "author", "published", "site", "url")


@dataclass(frozen=True)
class ListQuery:
    """Which articles the list shows: filter words, a tag (with its subtree), a state, an order.

    `show`: "inbox" (not archived), "unread" (not archived, not read), "archived", or "all".
    """

    text: str = ""
    tag: str = ""
    show: str = "inbox"
    sort: str = "added"
