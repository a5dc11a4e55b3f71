"""Importing a new version of an article: same file or address, text replaced, highlights re-placed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.domain.errors import ReaderError
from reader.domain.models import AnchorState
from reader.storage import NotFoundError

ORIGINAL = """# Tram line approved after late-night vote

The city council voted 31 to 14 early on Wednesday to approve a new tram line linking the northern suburbs to the central station.

Opponents argued that the cost had nearly doubled since the first estimate. Councillor Mark Jensen called the vote a blank cheque written at midnight.

Residents along the route raised concerns about noise and the loss of parking spaces during construction.

Construction is expected to begin next spring and to take about four years.
"""

# A paragraph added at the top, the name in a highlight corrected, the residents' paragraph cut.
CHANGED = """# Tram line approved after late-night vote

Editor's note: this article was updated on Thursday with the final vote count.

The city council voted 31 to 14 early on Wednesday to approve a new tram line linking the northern suburbs to the central station.

Opponents argued that the cost had nearly doubled since the first estimate. Councillor Marc Jensen called the vote a blank cheque written at midnight.

Construction is expected to begin next spring and to take about four years.
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def imported(tmp_path, services):
    """An imported article with three highlights, a user correction, tags, a note and read state."""
    source = _write(tmp_path / "tram.md", ORIGINAL)
    (item,) = services.importer.import_paths([source], tags=("transport",)).imported
    article_id = item.article.id
    annotations = services.annotations
    kept = annotations.highlight_quote(article_id, "approve a new tram line", color="green", note="the news",
                                       tags=("vote",))
    fixed = annotations.highlight_quote(article_id, "Councillor Mark Jensen called the vote", note="who?")
    cut = annotations.highlight_quote(article_id, "the loss of parking spaces", color="pink", note="parking",
                                      tags=("local",))
    services.articles.edit(article_id, title="Tram line approved (my title)")
    services.articles.set_note(article_id, "follow up in spring")
    services.articles.set_read(article_id, True)
    return source, article_id, kept, fixed, cut


def test_a_changed_file_updates_its_article_and_moves_every_highlight(services, imported):
    source, article_id, kept, fixed, cut = imported
    _write(source, CHANGED)
    report = services.importer.import_paths([source], tags=("updated",))
    assert report.ok and report.imported == [] and report.duplicates == []
    (item,) = report.updated
    assert item.article.id == article_id and item.article.text_version == 2
    assert (item.anchors.exact, item.anchors.moved, item.anchors.fuzzy, item.anchors.orphan) == (0, 1, 1, 1)
    assert services.articles.count() == 1

    article = services.articles.get(article_id)
    assert article.text.startswith("Editor's note") and "parking" not in article.text
    assert article.title == "Tram line approved (my title)"  # the user's correction stays
    assert article.tags == ("transport", "updated") and article.note == "follow up in spring" and article.is_read

    by_id = {h.id: h for h in services.annotations.highlights(article_id)}
    assert by_id[kept.id].anchor_state is AnchorState.MOVED
    assert article.text[by_id[kept.id].start:by_id[kept.id].end] == "approve a new tram line"
    assert by_id[fixed.id].anchor_state is AnchorState.FUZZY and 0.75 <= by_id[fixed.id].anchor_score < 1
    assert by_id[fixed.id].quote == "Councillor Marc Jensen called the vote"
    assert article.text[by_id[fixed.id].start:by_id[fixed.id].end] == by_id[fixed.id].quote
    orphan = by_id[cut.id]
    assert orphan.anchor_state is AnchorState.ORPHAN and orphan.anchor_score is None
    assert (orphan.quote, orphan.note, orphan.color, orphan.tags) == ("the loss of parking spaces", "parking", "pink",
                                                                      ("local",))
    for highlight in by_id.values():  # notes, colours and tags never move with the text
        assert 0 <= highlight.start <= highlight.end <= len(article.text)
    assert (by_id[kept.id].note, by_id[kept.id].color, by_id[kept.id].tags) == ("the news", "green", ("vote",))


def test_the_previous_text_is_kept_as_a_version(services, imported):
    source, article_id, *_ = imported
    before = services.articles.get(article_id)
    _write(source, CHANGED)
    services.importer.import_paths([source])
    (version,) = services.articles.versions(article_id)
    assert (version.text_version, version.content_hash, version.text) == (1, before.content_hash, "")
    full = services.articles.version(article_id, 1)
    assert (full.text, full.blocks) == (before.text, before.blocks)
    with pytest.raises(NotFoundError):
        services.articles.version(article_id, 2)  # the current text is not a "previous" version


def test_importing_the_same_version_again_changes_nothing(services, imported):
    source, article_id, *_ = imported
    report = services.importer.import_paths([source])
    assert [d.article.id for d in report.duplicates] == [article_id] and report.updated == []
    assert services.articles.versions(article_id) == []


def test_orphans_are_listed_for_review_and_can_be_reattached_or_deleted(services, imported):
    source, article_id, kept, fixed, cut = imported
    _write(source, CHANGED)
    services.importer.import_paths([source])
    (orphan,) = services.annotations.needs_review(article_id)
    assert orphan.id == cut.id and orphan.start == orphan.end

    text = services.articles.get(article_id).text
    start = text.index("take about four years") + 2  # mid-word: snapped to whole words
    attached = services.annotations.reattach(cut.id, start, start + 10)
    assert attached.quote == "take about four" and text[attached.start:attached.end] == attached.quote
    assert attached.anchor_state is AnchorState.EXACT and attached.note == "parking" and attached.tags == ("local",)
    assert attached.prefix == text[max(0, attached.start - 32):attached.start]
    assert services.annotations.needs_review(article_id) == []

    with pytest.raises(ReaderError, match="select some text"):
        services.annotations.reattach(kept.id, 5, 5)
    services.annotations.delete(fixed.id)
    assert fixed.id not in {h.id for h in services.annotations.highlights(article_id)}


def test_orphans_come_back_when_a_later_version_restores_the_passage(services, imported):
    source, article_id, kept, fixed, cut = imported
    _write(source, CHANGED)
    services.importer.import_paths([source])
    _write(source, ORIGINAL)
    (item,) = services.importer.import_paths([source]).updated
    assert item.article.text_version == 3 and item.anchors.orphan == 0
    assert services.annotations.get(cut.id).quote == "the loss of parking spaces"
    assert [v.text_version for v in services.articles.versions(article_id)] == [1, 2]


TRAM = ["The council approved the tram line on Wednesday.", "Construction starts next spring.",
        "The line will have 17 stops.", "Trams will run every six minutes.", "The state pays 40 percent of the cost."]
BUDGET = ["Taxes rise for the third year running.", "Schools get a larger share than last year.",
          "The mayor defended the cuts to street cleaning.", "Parks lose two gardeners.", "A vote is due in May."]


def _page(title: str, paragraphs: list[str], url: str = "https://news.example.org/tram") -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f'<html><head><title>{title}</title><link rel="canonical" href="{url}"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def test_the_same_address_updates_but_another_article_there_is_added(services):
    first = services.importer.import_bytes(_page("Tram vote", TRAM), source="a")
    (added,) = first.imported
    services.annotations.highlight_quote(added.article.id, "Construction starts next spring.", note="n")
    newer = services.importer.import_bytes(_page("Tram vote", ["Breaking news."] + TRAM), source="b")
    assert [u.article.id for u in newer.updated] == [added.article.id] and newer.imported == []
    (highlight,) = services.annotations.highlights(added.article.id)
    assert highlight.anchor_state is AnchorState.MOVED

    # A site giving every page the same canonical address: a different article is not an update.
    other = services.importer.import_bytes(_page("Budget", BUDGET), source="c")
    assert len(other.imported) == 1 and other.updated == []
    assert services.articles.count() == 2


def test_overlapping_and_nested_highlights_stay_separate_through_storage_and_reimport(tmp_path, services):
    source = _write(tmp_path / "a.md", ORIGINAL)
    (item,) = services.importer.import_paths([source]).imported
    text = item.article.text
    outer_start = text.index("Opponents argued")
    outer_end = text.index("midnight.") + len("midnight.")
    inner_start = text.index("Councillor")
    across_end = text.index("concerns about noise") + len("concerns about noise")
    annotations = services.annotations
    outer = annotations.highlight_span(item.article.id, outer_start, outer_end, color="yellow", note="outer",
                                       tags=("a",))
    nested = annotations.highlight_span(item.article.id, inner_start, inner_start + 18, color="blue", note="nested",
                                        tags=("b",))
    across = annotations.highlight_span(item.article.id, inner_start, across_end, color="pink", note="across",
                                        tags=("c",))
    same = annotations.highlight_span(item.article.id, inner_start, inner_start + 18, color="green", note="twin")
    expected = {h.id: (h.quote, h.color, h.note, h.tags) for h in (outer, nested, across, same)}
    assert len(expected) == 4 and nested.quote == same.quote  # even the very same span is two highlights

    stored = {h.id: (h.quote, h.color, h.note, h.tags) for h in annotations.highlights(item.article.id)}
    assert stored == expected

    _write(source, ORIGINAL.replace("# Tram line approved after late-night vote\n",
                                    "# Tram line approved after late-night vote\n\nA new first paragraph.\n"))
    (updated,) = services.importer.import_paths([source]).updated
    after = {h.id: h for h in annotations.highlights(item.article.id)}
    assert {i: (h.quote, h.color, h.note, h.tags) for i, h in after.items()} == expected
    assert all(h.anchor_state is AnchorState.MOVED for h in after.values())
    shift = len("A new first paragraph.\n")
    assert after[outer.id].start == outer.start + shift and after[across.id].end == across.end + shift
    assert after[outer.id].start < after[nested.id].start < after[nested.id].end < after[outer.id].end
    assert after[nested.id].start == after[same.id].start and after[across.id].end > after[outer.id].end
