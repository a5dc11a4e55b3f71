"""Articles, highlights and tags stored and read back as dataclasses."""

from __future__ import annotations

import pytest

from reader.domain.models import AnchorState, BlockKind, ExtractedArticle, MarkKind
from reader.domain.text import TextBuilder, content_hash
from reader.storage import NotFoundError, open_storage


@pytest.fixture
def storage(data_dir):
    opened = open_storage(data_dir)
    yield opened
    opened.close()


def _extracted(title="A title", body="Some body text, with a link."):
    builder = TextBuilder()
    builder.begin_block(BlockKind.PARAGRAPH)
    builder.text("Some body ")
    builder.open_mark(MarkKind.LINK, "https://x.org")
    builder.text("text")
    builder.close_mark()
    builder.text(body[len("Some body text"):])
    text, blocks = builder.build()
    return ExtractedArticle(text, blocks, title=title, author="Ann", site="Site", published="2020-01-02")


def _add(storage, extracted=None, tags=()):
    extracted = extracted or _extracted()
    return storage.articles.add(extracted, content_hash=content_hash(extracted.text), source_hash="s" + extracted.title,
                                original=b"original bytes", tags=tags)


def test_an_article_round_trips_with_blocks_marks_and_original(storage):
    stored = _add(storage, tags=("News", "news", "world/iran"))
    again = storage.articles.get(stored.id)
    assert again.text == "Some body text, with a link."
    assert again.blocks == _extracted().blocks
    assert again.tags == ("News", "world/iran")  # one tag whatever the case
    assert storage.articles.original(stored.id) == b"original bytes"
    assert [a.id for a in storage.articles.list()] == [stored.id]
    assert storage.articles.list()[0].text == ""  # the list does not load texts


def test_duplicates_are_found_by_source_or_text(storage):
    stored = _add(storage)
    assert storage.articles.find_duplicate("sA title", "other").id == stored.id
    assert storage.articles.find_duplicate("other", content_hash(stored.text)).id == stored.id
    assert storage.articles.find_duplicate("other", "other") is None


def test_user_edits_are_remembered(storage):
    stored = _add(storage)
    edited = storage.articles.update_metadata(stored.id, {"title": "Better", "published": None})
    assert (edited.title, edited.published) == ("Better", None)
    assert edited.edited_fields == {"title", "published"}
    with pytest.raises(ValueError):
        storage.articles.update_metadata(stored.id, {"text": "no"})


def test_highlights_come_back_in_text_order_with_tags(storage):
    article = _add(storage)
    later = storage.highlights.add(article.id, start=10, end=14, quote="text", prefix="", suffix="", color="green",
                                   tags=("a/b",))
    earlier = storage.highlights.add(article.id, start=0, end=4, quote="Some", prefix="", suffix="", color="yellow",
                                     note="n")
    listed = storage.highlights.for_article(article.id)
    assert [h.id for h in listed] == [earlier.id, later.id]
    assert listed[1].tags == ("a/b",) and listed[0].note == "n"
    assert listed[0].anchor_state is AnchorState.EXACT
    assert storage.articles.get(article.id).highlight_count == 2


def test_deleting_an_article_deletes_its_highlights_but_keeps_tags(storage):
    article = _add(storage, tags=("keep",))
    highlight = storage.highlights.add(article.id, start=0, end=4, quote="Some", prefix="", suffix="", color="yellow",
                                       tags=("keep",))
    storage.articles.delete(article.id)
    with pytest.raises(NotFoundError):
        storage.highlights.get(highlight.id)
    with pytest.raises(NotFoundError):
        storage.articles.get(article.id)
    assert [t.name for t in storage.tags.counts()] == ["keep"]


def test_renaming_a_tag_renames_its_children(storage):
    article = _add(storage, tags=("world", "world/iran", "other"))
    assert storage.tags.rename("World", "places") == 2
    assert storage.articles.get(article.id).tags == ("other", "places", "places/iran")


def test_renaming_onto_an_existing_tag_merges_without_doubles(storage):
    first = _add(storage, _extracted("one"), tags=("iran", "Persia"))
    second = _add(storage, _extracted("two", "Some body text, other words."), tags=("persia",))
    highlight = storage.highlights.add(first.id, start=0, end=4, quote="Some", prefix="", suffix="",
                                       color="yellow", tags=("persia", "iran"))
    storage.tags.rename("persia", "Iran")
    counts = {t.name: (t.articles, t.highlights) for t in storage.tags.counts()}
    assert counts == {"iran": (2, 1)}
    assert storage.articles.get(first.id).tags == ("iran",)
    assert storage.articles.get(second.id).tags == ("iran",)
    assert storage.highlights.get(highlight.id).tags == ("iran",)


def test_a_case_only_rename_keeps_the_tag(storage):
    article = _add(storage, tags=("iran",))
    storage.tags.rename("iran", "Iran")
    assert storage.articles.get(article.id).tags == ("Iran",)


def test_renaming_a_missing_tag_or_into_itself_fails(storage):
    _add(storage, tags=("a",))
    with pytest.raises(NotFoundError):
        storage.tags.rename("nope", "x")
    with pytest.raises(ValueError, match="inside itself"):
        storage.tags.rename("a", "a/b")


def test_a_deleted_article_comes_back_whole_under_its_old_ids(storage):
    article = _add(storage, tags=("keep",))
    highlight = storage.highlights.add(article.id, start=0, end=4, quote="Some", prefix="", suffix=" body",
                                       color="green", note="a note", tags=("h/tag",))
    record = storage.records.record(article.id)
    storage.articles.delete(article.id)
    newer = _add(storage, _extracted("newer", "Some body text, newer words."))
    assert newer.id != article.id  # ids are never reused

    restored = storage.records.restore(record)
    assert restored.id == article.id
    again = storage.articles.get(article.id)
    assert (again.text, again.blocks, again.tags, again.uid) == (record.article.text, record.article.blocks,
                                                                  ("keep",), record.article.uid)
    assert storage.articles.original(article.id) == b"original bytes"
    (back,) = storage.highlights.for_article(article.id)
    assert back == highlight


def test_restoring_into_another_library_gives_new_ids_when_taken(storage, tmp_path):
    first = _add(storage)
    record = storage.records.record(first.id)
    restored = storage.records.restore(record)  # the id is taken by the original
    assert restored.id != first.id and restored.text == first.text
