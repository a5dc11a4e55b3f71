"""W3C Web Annotation JSON: what the backup looks like, reading it back exactly, and other tools' files."""

from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest

from reader.domain.models import AnchorState, Article, Block, BlockKind, Highlight, Mark, MarkKind
from reader.exporters.annotations import BACKUP_FORMAT, BackupArticle, collection
from reader.exporters.backup_reader import BackupError, read_backup
from reader.exporters.foreign import HYPOTHESIS, W3C, foreign_kind, read_foreign

TEXT = "Title 🦊\nA paragraph with emphasis, and a link.\nA second paragraph."


def _item() -> BackupArticle:
    article = Article(
        id=4, title="Title 🦊", author="Ann", site="Site", url="https://example.com/a", published="2020-12-24T08:54",
        added=datetime(2024, 5, 1, 10, 0, 0, 123456), kind="html", text=TEXT,
        blocks=(Block(BlockKind.HEADING, 0, 7, level=1),
                Block(BlockKind.PARAGRAPH, 8, 46, marks=(Mark(MarkKind.EMPHASIS, 25, 33),
                                                         Mark(MarkKind.LINK, 41, 45, "https://x.test/"))),
                Block(BlockKind.PARAGRAPH, 47, 66)),
        language="en", source_path="/home/ann/a.html", content_hash="c" * 64, text_version=2, is_read=True,
        archived=True, progress=0.4375, read_position=50, note="Article *note*", tags=("news", "world/iran"),
        edited_fields=frozenset({"title"}), uid="0123456789abcdef0123456789abcdef")
    highlights = (
        Highlight(id=9, article_id=4, start=10, end=19, quote=TEXT[10:19], prefix=TEXT[:10], suffix=TEXT[19:51],
                  color="pink", note="A **note**", tags=("idea", "a/b"), anchor_state=AnchorState.EXACT,
                  anchor_score=None, created=datetime(2024, 5, 2, 1, 2, 3, 4), updated=datetime(2024, 5, 3),
                  uid="fedcba9876543210fedcba9876543210"),
        Highlight(id=11, article_id=4, start=0, end=7, quote="Title 🦊", prefix="", suffix="\nA para",
                  color="yellow", note="", tags=(), anchor_state=AnchorState.FUZZY, anchor_score=0.8125,
                  created=datetime(2024, 5, 2), updated=datetime(2024, 5, 2), uid="1" * 32),
    )
    return BackupArticle(article, highlights, b"<html>original \xe2\x80\x94 bytes</html>", "s" * 64)


def _document() -> dict:
    document = collection([_item()], color_names={"pink": "disagree"}, generated=datetime(2024, 6, 1), version="9")
    return json.loads(json.dumps(document))  # exactly what a file holds


def test_the_backup_is_a_w3c_annotation_collection():
    document = _document()
    assert document["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection" and document["total"] == 2
    annotation = document["first"]["items"][0]
    assert annotation["type"] == "Annotation" and annotation["motivation"] == "highlighting"
    assert annotation["id"] == "urn:uuid:fedcba98-7654-3210-fedc-ba9876543210"
    target = annotation["target"]
    assert target["source"] == document["articles"][0]["id"] and target["styleClass"] == "pink"
    assert target["selector"] == [
        {"type": "TextQuoteSelector", "exact": TEXT[10:19], "prefix": TEXT[:10], "suffix": TEXT[19:51]},
        {"type": "TextPositionSelector", "start": 10, "end": 19},
    ]
    assert annotation["body"] == [
        {"type": "TextualBody", "purpose": "commenting", "format": "text/markdown", "value": "A **note**"},
        {"type": "TextualBody", "purpose": "tagging", "value": "idea"},
        {"type": "TextualBody", "purpose": "tagging", "value": "a/b"},
    ]
    assert annotation["created"] == "2024-05-02T01:02:03.000004Z"
    assert document["color_names"] == {"pink": "disagree"}


def test_reading_a_backup_gives_back_every_field_exactly():
    backup = read_backup(_document())
    assert backup.problems == []
    (item,) = backup.articles
    assert item == _item()  # the dataclasses compare every field: text, blocks, marks, times, states


def test_damaged_parts_are_reported_and_the_rest_read():
    document = _document()
    second = copy.deepcopy(document["articles"][0])
    second.update(id="urn:uuid:" + "2" * 32, title="Broken", progress="half")
    document["articles"].append(second)
    document["first"]["items"].append({"type": "Annotation", "target": {"source": "urn:uuid:" + "3" * 32}})
    backup = read_backup(document)
    assert [item.article.title for item in backup.articles] == ["Title 🦊"]
    assert any("'Broken'" in problem and "'progress' must be a number" in problem for problem in backup.problems)
    assert any("annotation 3" in problem and "TextQuoteSelector" in problem for problem in backup.problems)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(reader_format=BACKUP_FORMAT + 1), "newer Reader"),
    (lambda d: d.update(first={"items": "nope"}), "not a list"),
    (lambda d: d.pop("articles"), "not a Reader backup"),
])
def test_an_unusable_backup_is_one_clear_error(change, message):
    document = _document()
    change(document)
    with pytest.raises(BackupError, match=message):
        read_backup(document)


def test_blocks_that_do_not_fit_the_text_are_refused():
    document = _document()
    document["articles"][0]["blocks"][0][2] = 999
    backup = read_backup(document)
    assert backup.articles == [] and "do not fit" in backup.problems[0]


HYPOTHESIS_EXPORT = {
    "export_date": "2024-05-01T10:00:00.000Z",
    "export_userid": "acct:ann@hypothes.is",
    "client_version": "1.1",
    "annotations": [
        {"id": "abc123", "created": "2024-04-01T08:00:00.000000+00:00", "updated": "2024-04-02T08:00:00+00:00",
         "uri": "https://example.com/a", "text": "My *note*", "tags": ["idea", " "],
         "target": [{"source": "https://example.com/a", "selector": [
             {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]",
              "endOffset": 9},
             {"type": "TextPositionSelector", "start": 120, "end": 129},
             {"type": "TextQuoteSelector", "exact": "paragraph", "prefix": "A ", "suffix": " with"}]}],
         "document": {"title": ["Title"]}},
        {"id": "reply1", "uri": "https://example.com/a", "text": "I agree", "references": ["abc123"],
         "target": [{"source": "https://example.com/a"}]},
        {"id": "page1", "uri": "https://example.com/a", "text": "A page note",
         "target": [{"source": "https://example.com/a"}]},
    ],
}


def test_a_hypothesis_export_is_read_as_quotes_on_pages():
    assert foreign_kind(HYPOTHESIS_EXPORT) == HYPOTHESIS
    assert foreign_kind({"total": 1, "rows": HYPOTHESIS_EXPORT["annotations"]}) == HYPOTHESIS
    found = read_foreign(HYPOTHESIS_EXPORT)
    (annotation,) = found.annotations
    assert (annotation.id, annotation.url, annotation.exact, annotation.prefix, annotation.suffix) == (
        "abc123", "https://example.com/a", "paragraph", "A ", " with")
    assert (annotation.note, annotation.tags, annotation.position) == ("My *note*", ("idea",), 120)
    assert annotation.created == datetime(2024, 4, 1, 8, 0) and annotation.updated == datetime(2024, 4, 2, 8, 0)
    assert sum(found.skipped.values()) == 2 and any("repl" in reason for reason in found.skipped)


def test_plain_w3c_annotations_of_other_tools_are_read_too():
    annotation = {"type": "Annotation", "id": "x1", "bodyValue": "Nice",
                  "body": [{"type": "TextualBody", "purpose": "tagging", "value": "t"}],
                  "target": {"source": "https://example.com/a", "styleClass": "green",
                             "selector": {"type": "TextQuoteSelector", "exact": "emphasis"}}}
    for document in ([annotation], annotation, {"type": "AnnotationPage", "items": [annotation]}):
        assert foreign_kind(document) == W3C
        (found,) = read_foreign(document).annotations
        assert (found.url, found.exact, found.note, found.tags, found.color) == (
            "https://example.com/a", "emphasis", "Nice", ("t",), "green")


@pytest.mark.parametrize("document", [{}, [], [1, 2], {"type": "Something"}, "text", 3, None])
def test_other_json_is_no_annotation_format(document):
    assert foreign_kind(document) is None
