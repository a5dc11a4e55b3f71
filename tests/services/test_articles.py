"""The library list and what reading does to an article: state, position, note, tags, delete."""

from __future__ import annotations

import pytest

from reader.domain.errors import ReaderError
from reader.services.articles import ListQuery
from reader.storage import NotFoundError


def _import(services, tmp_path, name, title, tags=()):
    path = tmp_path / name
    path.write_text(f"{title}\n\nBody of {title} with enough words.", encoding="utf-8")
    return services.importer.import_paths([path], tags=tags).imported[0].article


@pytest.fixture
def three(services, tmp_path):
    a = _import(services, tmp_path, "a.txt", "Alpha article about rivers", tags=("nature/water",))
    b = _import(services, tmp_path, "b.txt", "Beta piece on mountains", tags=("nature",))
    c = _import(services, tmp_path, "c.txt", "Gamma essay about cities")
    return a, b, c


def test_the_list_filters_by_words_tags_and_state(services, three):
    a, b, c = three
    ids = services.articles.list_ids
    assert ids(ListQuery()) == [c.id, b.id, a.id]  # newest first
    assert ids(ListQuery(sort="title")) == [a.id, b.id, c.id]
    assert ids(ListQuery(text="about")) == [c.id, a.id]
    assert ids(ListQuery(text="about rivers")) == [a.id]
    assert ids(ListQuery(text="water")) == [a.id]  # matches the tag
    assert ids(ListQuery(tag="Nature")) == [b.id, a.id]  # the tag and its subtree
    assert ids(ListQuery(tag="nature/water")) == [a.id]
    assert ids(ListQuery(text="100%_")) == []
    services.articles.set_archived(b.id, True)
    services.articles.set_read(c.id, True)
    assert ids(ListQuery()) == [c.id, a.id]
    assert ids(ListQuery(show="archived")) == [b.id]
    assert ids(ListQuery(show="unread")) == [a.id]
    assert services.articles.counts() == {"all": 3, "archived": 1, "inbox": 2, "unread": 1}
    rows = services.articles.rows([a.id, c.id, 999])
    assert set(rows) == {a.id, c.id} and rows[c.id].is_read


def test_position_note_and_tags_are_kept(services, three):
    a, _, _ = three
    services.articles.remember_position(a.id, 42, 0.5)
    services.articles.set_note(a.id, "My **note**")
    services.articles.set_tags(a.id, ["x", " X ", "y/z"])
    again = services.articles.get(a.id)
    assert (again.read_position, again.progress, again.note, again.tags) == (42, 0.5, "My **note**", ("x", "y/z"))


def test_delete_and_restore_keep_everything(services, three):
    a, _, _ = three
    services.annotations.highlight_quote(a.id, "Body", note="n")
    record = services.articles.delete(a.id)
    with pytest.raises(NotFoundError):
        services.articles.get(a.id)
    services.articles.restore(record)
    assert services.articles.get(a.id).tags == ("nature/water",)
    assert [h.note for h in services.annotations.highlights(a.id)] == ["n"]


def test_undoing_a_delete_keeps_the_previous_texts(services, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Story\n\nThe first version of the story text.", encoding="utf-8")
    article = services.importer.import_paths([story]).imported[0].article
    story.write_text("# Story\n\nThe first version of the story text, corrected.", encoding="utf-8")
    services.importer.import_paths([story])
    before = services.articles.versions(article.id)
    assert before
    services.articles.restore(services.articles.delete(article.id))
    assert services.articles.versions(article.id) == before


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": "   "}, "the title cannot be empty"),
    ({"title": "New title", "url": "not a url"}, "absolute http:// or https:// address"),
    ({"author": "New author", "published": "whenever"}, "cannot read 'whenever'"),
])
def test_a_bad_correction_changes_nothing(services, three, changes, message):
    a, _, _ = three
    before = services.articles.get(a.id)
    with pytest.raises(ReaderError, match=message):
        services.articles.edit(a.id, **changes)
    after = services.articles.get(a.id)
    assert (after.title, after.author, after.url, after.published, after.edited_fields) == (
        before.title, before.author, before.url, before.published, before.edited_fields)


def test_an_address_can_be_set_and_cleared(services, three):
    a, _, _ = three
    assert services.articles.edit(a.id, url=" https://example.org/rivers ").url == "https://example.org/rivers"
    assert services.articles.edit(a.id, url="").url == ""
