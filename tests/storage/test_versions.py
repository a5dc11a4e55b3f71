"""Replacing an article's text: the old text kept as a version, highlights re-placed, all or nothing."""

from __future__ import annotations

import pytest

from reader.domain.anchoring import Placement, Reanchorer
from reader.domain.models import AnchorState, BlockKind, ExtractedArticle
from reader.domain.text import content_hash, quote_context, text_from_paragraphs
from reader.storage import ArticleChangedError, NewText, NotFoundError, open_storage

# Characters outside the BMP, combining accents, right-to-left text and a very long paragraph:
# every offset is a code point, in storage as in the domain.
OLD_PARAGRAPHS = [
    "Cafe\u0301 culture \U0001F600 in Montre\u0301al \U0001F469\u200d\U0001F469\u200d\U0001F467",
    "A sign reads \u05d1\u05e8\u05d5\u05db\u05d9\u05dd \u05d4\u05d1\u05d0\u05d9\u05dd and \u0645\u0631\u062d\u0628\u0627.",
    " ".join(f"word{n}" for n in range(20000)) + " the end of a very long paragraph \U0001D54F.",
]


@pytest.fixture
def storage(data_dir):
    opened = open_storage(data_dir)
    yield opened
    opened.close()


def _article(storage, paragraphs):
    text, blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in paragraphs])
    extracted = ExtractedArticle(text, blocks, title="Caf\u00e9", url="https://example.org/a")
    return storage.articles.add(extracted, content_hash=content_hash(text), source_hash="s1", original=b"old bytes")


def _highlight(storage, article, quote, **extra):
    start = article.text.index(quote)
    prefix, suffix = quote_context(article.text, start, start + len(quote))
    return storage.highlights.add(article.id, start=start, end=start + len(quote), quote=quote, prefix=prefix,
                                  suffix=suffix, color="yellow", **extra)


def _new_text(paragraphs, **extra) -> NewText:
    text, blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, p) for p in paragraphs])
    values = dict(text=text, blocks=blocks, content_hash=content_hash(text), source_hash="s2", original=b"new bytes",
                  kind="text", language="fr", source_path="", metadata={"title": "Caf\u00e9 (updated)"},
                  read_position=0)
    values.update(extra)
    return NewText(**values)


def _replace(storage, article, new, **extra):
    reanchorer = Reanchorer(article.text, new.text)
    placements = {h.id: reanchorer.place(h) for h in storage.highlights.for_article(article.id)}
    arguments = dict(expected_version=article.text_version, placements=placements, place=reanchorer.place)
    arguments.update(extra)
    return storage.versions.replace_text(article.id, new, **arguments)


def test_replacing_keeps_the_old_text_and_moves_highlights_by_code_points(storage):
    article = storage.articles.get(_article(storage, OLD_PARAGRAPHS).id)
    rtl = _highlight(storage, article, "\u05d1\u05e8\u05d5\u05db\u05d9\u05dd \u05d4\u05d1\u05d0\u05d9\u05dd",
                     note="hebrew")
    far = _highlight(storage, article, "the end of a very long paragraph \U0001D54F")
    # Two astral characters and a decomposed accent go in before both highlights.
    new = _new_text(["\U0001F30D\U0001F30E Re\u0301sume\u0301"] + OLD_PARAGRAPHS, read_position=5)
    replaced = _replace(storage, article, new)

    assert replaced.text == new.text and replaced.text_version == 2 and replaced.title == "Caf\u00e9 (updated)"
    assert storage.articles.original(article.id) == b"new bytes"
    shift = len("\U0001F30D\U0001F30E Re\u0301sume\u0301\n")  # code points, not UTF-16 units
    for old in (rtl, far):
        again = storage.highlights.get(old.id)
        assert (again.start, again.end) == (old.start + shift, old.end + shift)
        assert replaced.text[again.start:again.end] == old.quote
        assert again.anchor_state is AnchorState.MOVED and again.anchor_score == 1.0
    assert storage.highlights.get(rtl.id).note == "hebrew"

    (listed,) = storage.versions.versions(article.id)
    assert (listed.text_version, listed.content_hash, listed.text) == (1, article.content_hash, "")
    kept = storage.versions.version(article.id, 1)
    assert (kept.text, kept.blocks) == (article.text, article.blocks)


def test_a_text_changed_meanwhile_is_refused_and_nothing_changes(storage):
    article = storage.articles.get(_article(storage, OLD_PARAGRAPHS).id)
    highlight = _highlight(storage, article, "culture")
    with pytest.raises(ArticleChangedError, match="changed while it was being updated"):
        _replace(storage, article, _new_text(["Something else entirely."]), expected_version=7)
    assert storage.articles.get(article.id).text == article.text
    assert storage.versions.versions(article.id) == []
    assert storage.highlights.get(highlight.id) == highlight


def test_a_failure_half_way_rolls_everything_back(storage):
    article = storage.articles.get(_article(storage, OLD_PARAGRAPHS).id)
    highlight = _highlight(storage, article, "culture")

    def broken(_highlight):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        _replace(storage, article, _new_text(["New text."]), placements={}, place=broken)
    again = storage.articles.get(article.id)
    assert (again.text, again.text_version) == (article.text, 1)
    assert storage.versions.versions(article.id) == []
    assert storage.highlights.get(highlight.id) == highlight


def test_a_highlight_without_a_placement_is_placed_by_the_callback(storage):
    article = storage.articles.get(_article(storage, OLD_PARAGRAPHS).id)
    late = _highlight(storage, article, "culture")
    seen = []

    def place(highlight):
        seen.append(highlight.id)
        return Placement(AnchorState.ORPHAN, 0, 0, None, highlight.quote, highlight.prefix, highlight.suffix)

    _replace(storage, article, _new_text(["Other words."]), placements={}, place=place)
    assert seen == [late.id]
    orphan = storage.highlights.get(late.id)
    assert orphan.anchor_state is AnchorState.ORPHAN and orphan.quote == "culture"
    assert storage.highlights.orphans(article.id) == [orphan]


def test_versions_of_a_missing_article_or_version(storage):
    with pytest.raises(NotFoundError):
        storage.versions.versions(99)
    article = _article(storage, ["Some text."])
    with pytest.raises(NotFoundError):
        storage.versions.version(article.id, 1)
    with pytest.raises(ValueError, match="cannot set"):
        _replace(storage, storage.articles.get(article.id), _new_text(["x y"], metadata={"text": "no"}))
