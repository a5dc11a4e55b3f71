"""The two storage additions for exports and restores: bulk highlight loading and adding highlights as they are."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

import reader.storage.highlights as highlight_store
from reader.domain.models import AnchorState
from reader.storage import NotFoundError


def test_highlights_of_many_articles_are_those_of_each(services, rich_library, monkeypatch):
    monkeypatch.setattr(highlight_store, "_CHUNK", 1)  # several chunks even for two articles
    ids = [rich_library.foxes, rich_library.seed, 12345]
    loaded = services.storage.highlights.for_articles(ids)
    assert list(loaded) == ids and loaded[12345] == []
    for article_id in ids[:2]:
        assert loaded[article_id] == services.storage.highlights.for_article(article_id)
    assert any(h.tags for h in loaded[rich_library.seed])  # tags come along, in tag order
    assert services.storage.highlights.for_articles([]) == {}


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
