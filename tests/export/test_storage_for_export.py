"""The storage addition for restores: adding highlights as they are."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from reader.domain.models import AnchorState
from reader.storage import NotFoundError


def test_added_highlights_keep_uid_times_and_anchor_state(services, rich_library):
    (first, *_) = services.storage.highlights.for_article(rich_library.seed)
    when = datetime(2001, 2, 3, 4, 5, 6, 789)
    copy = replace(first, id=0, uid="5" * 32, created=when, updated=when, anchor_state=AnchorState.FUZZY,
                   anchor_score=0.5, tags=("copied",))
    (added,) = services.storage.records.add_highlights(rich_library.seed, (copy,))
    assert added == replace(copy, id=added.id) and added.id != first.id
    (again,) = services.storage.records.add_highlights(rich_library.seed, (copy,))
    assert again.uid != copy.uid  # a uid is never given twice
    with pytest.raises(NotFoundError):
        services.storage.records.add_highlights(999, (copy,))
