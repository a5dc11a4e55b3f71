"""JSON backups restore exactly; restoring over a library adds no duplicates; Hypothesis files attach."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from pathlib import Path

import pytest

from reader.domain.errors import ReaderError
from reader.domain.models import AnchorState
from reader.services import open_library
from reader.services.restore import anchor_quote, url_key

# Fields that say where a library put things, not what they are.
_LOCAL = {"highlight_count"}


def _library_state(services) -> list[dict]:
    """Every stored fact of every article and highlight, by uid, for comparing libraries."""
    state = []
    for article in sorted(services.articles.list(), key=lambda a: a.uid):
        record = services.storage.records.record(article.id)
        data = {k: v for k, v in asdict(record.article).items() if k not in _LOCAL}
        data["original"], data["source_hash"] = record.original, record.source_hash
        data["highlights"] = sorted((asdict(h) for h in record.highlights), key=lambda h: h["uid"])
        state.append(data)
    return state


@pytest.fixture
def second_library(tmp_path):
    opened = open_library(tmp_path / "second")
    yield opened
    opened.close()


def test_a_backup_restores_into_an_empty_library_exactly(services, rich_library, second_library, tmp_path):
    backup = tmp_path / "backup.json"
    report = services.exports.export_json(backup)
    assert (report.articles, report.highlights) == (2, 7)
    restored = second_library.importer.import_paths([backup])
    assert restored.ok and len(restored.restored) == 1
    assert sorted(item.article.id for item in restored.imported) == [rich_library.seed, rich_library.foxes]
    original, copy = _library_state(services), _library_state(second_library)
    assert copy == original  # ids, uids, offsets, quotes, notes, tags, colours, text, blocks, read state...
    orphan = next(h for a in copy for h in a["highlights"] if h["id"] == rich_library.highlights["orphan"])
    assert orphan["anchor_state"] is AnchorState.ORPHAN and orphan["anchor_score"] == 0.25
    assert [t.name for t in second_library.tags.counts()] == [t.name for t in services.tags.counts()]


def test_restoring_twice_adds_nothing(services, rich_library, second_library, tmp_path):
    backup = tmp_path / "backup.json"
    services.exports.export_json(backup)
    second_library.importer.import_paths([backup])
    before = _library_state(second_library)
    again = second_library.importer.import_paths([backup])
    (report,) = again.restored
    assert again.imported == [] and again.ok
    assert (len(report.present), report.highlights_added, report.highlights_present) == (2, 0, 7)
    assert _library_state(second_library) == before


def test_a_library_with_the_article_gets_only_the_missing_highlights(services, rich_library, tmp_path):
    backup = tmp_path / "backup.json"
    services.exports.export_json(backup, article_ids=[rich_library.seed])
    lost = rich_library.highlights["told"]
    services.storage.highlights.delete(lost)
    services.annotations.highlight_quote(rich_library.seed, "Reuters", color="green")  # made after the backup
    report = services.importer.import_paths([backup])
    (restored,) = report.restored
    assert report.imported == [] and (restored.highlights_added, restored.highlights_present) == (1, 1)
    highlights = services.annotations.highlights(rich_library.seed)
    back = next(h for h in highlights if h.note == "Overlaps the first")
    assert back.quote == "official told" and back.color == "pink" and len(highlights) == 3
    assert "already in the library" in restored.summary()


def test_highlights_are_placed_again_when_the_article_text_differs(services, second_library, tmp_path):
    first = tmp_path / "a.md"
    first.write_text("# A Title\n\nOpening words of it.\n\nThe key sentence sits here. More text after it.\n",
                     encoding="utf-8")
    (article,) = (i.article for i in services.importer.import_paths([first]).imported)
    services.annotations.highlight_quote(article.id, "The key sentence", note="kept")
    services.annotations.highlight_quote(article.id, "Opening words", note="lost")
    backup = tmp_path / "backup.json"
    services.exports.export_json(backup)
    # The same article (same uid) in another library, with a different text.
    document = json.loads(backup.read_text(encoding="utf-8"))
    entry = document["articles"][0]
    entry["text"] = "A new first paragraph.\nThe key sentence sits here, moved."
    entry["blocks"] = [["paragraph", 0, 22, 0, False, []], ["paragraph", 23, 57, 0, False, []]]
    entry["source_hash"] = "other"
    document["first"]["items"] = []
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    assert second_library.importer.import_paths([changed]).ok
    (restored,) = second_library.importer.import_paths([backup]).restored
    assert restored.highlights_added == 2 and restored.orphans == 1
    (target,) = second_library.articles.list()
    placed = {h.note: h for h in second_library.annotations.highlights(target.id)}
    text = second_library.articles.get(target.id).text
    assert text[placed["kept"].start:placed["kept"].end] == "The key sentence"
    assert placed["kept"].anchor_state is AnchorState.MOVED
    assert placed["lost"].anchor_state is AnchorState.ORPHAN  # kept for review, never dropped


def test_json_to_a_stream_and_progress(services, rich_library):
    stream, calls = io.StringIO(), []
    report = services.exports.export_json(stream, progress=lambda *args: calls.append(args[:2]))
    assert report.path is None and calls == [(1, 2), (2, 2)]
    document = json.loads(stream.getvalue())
    assert document["type"] == "AnnotationCollection" and len(document["articles"]) == 2
    assert services.exports.export_json(io.StringIO(), should_cancel=lambda: True).cancelled


def test_a_folder_as_json_destination_is_an_error(services, tmp_path):
    with pytest.raises(ReaderError, match="is a folder"):
        services.exports.export_json(tmp_path)


# --- files that are not backups ------------------------------------------------------------

def test_broken_and_unknown_json_are_reported_and_text_starting_with_a_bracket_imports(services, tmp_path):
    (tmp_path / "broken.json").write_text('{"type": "AnnotationCollection",', encoding="utf-8")
    (tmp_path / "other.json").write_text('{"name": "a package.json, say"}', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("[Editor's note] This story was updated.\n\nA paragraph of the story "
                                        "with enough words to be an article.\n", encoding="utf-8")
    report = services.importer.import_paths(sorted(tmp_path.iterdir()))
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert reasons.keys() == {"broken.json", "other.json"}
    assert "not valid JSON (line 1" in reasons["broken.json"]
    assert "neither a Reader backup nor annotations" in reasons["other.json"]
    assert [Path(i.source).name for i in report.imported] == ["notes.txt"]


def test_a_backup_from_a_newer_reader_is_refused_whole(services, rich_library, second_library, tmp_path):
    backup = tmp_path / "backup.json"
    services.exports.export_json(backup)
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["reader_format"] = 99
    backup.write_text(json.dumps(document), encoding="utf-8")
    report = second_library.importer.import_paths([backup])
    assert "newer Reader" in report.failures[0].reason and second_library.articles.count() == 0


# --- Hypothesis ----------------------------------------------------------------------------

def _hypothesis(*annotations) -> str:
    return json.dumps({"export_date": "2024-05-01T10:00:00Z", "export_userid": "acct:ann@hypothes.is",
                       "client_version": "1.0", "annotations": list(annotations)})


def _annotation(id: str, url: str, exact: str, prefix: str = "", suffix: str = "", **extra) -> dict:
    return {"id": id, "uri": url, "text": extra.pop("text", ""), "tags": extra.pop("tags", []),
            "created": "2024-04-01T08:00:00+00:00", "updated": "2024-04-02T08:00:00+00:00",
            "target": [{"source": url, "selector": [
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}]}], **extra}


def test_hypothesis_annotations_attach_to_articles_by_address(services, rich_library, tmp_path):
    path = tmp_path / "hypothesis.json"
    path.write_text(_hypothesis(
        _annotation("h1", "http://example.org/foxes/#intro", "the hedgehog knows", text="Isaiah *Berlin*",
                    tags=["philosophy", "animals/hedgehog"]),
        # "many things" occurs twice: the prefix and suffix pick the second.
        _annotation("h2", "https://example.org/foxes", "many things", prefix="emphasis\nThe fox knows ",
                    suffix="; this sentence repeats"),
        _annotation("h3", "https://example.com/iraq?utm_source=feed", "told Reuters"),
        _annotation("h4", "https://example.org/elsewhere", "anything"),
        _annotation("h5", "https://example.org/foxes", "a passage that is not there"),
        {"id": "r1", "uri": "https://example.org/foxes", "text": "reply", "references": ["h1"], "target": []},
    ), encoding="utf-8")
    before = {h.id for h in services.annotations.highlights(rich_library.foxes)}
    report = services.importer.import_paths([path])
    (attached,) = report.restored
    assert attached.highlights_added == 3 and report.imported == []
    problems = sorted(f.reason for f in report.failures)
    assert len(problems) == 2 and "example.org/elsewhere: no article" in problems[0]
    assert "quoted passage is not in the article's text" in problems[1]
    assert any("repl" in note for note in attached.notes)

    foxes = services.articles.get(rich_library.foxes)
    new = {h.note or h.quote: h for h in services.annotations.highlights(foxes.id) if h.id not in before}
    hedgehog = new["Isaiah *Berlin*"]
    assert foxes.text[hedgehog.start:hedgehog.end] == "the hedgehog knows"
    assert hedgehog.tags == ("animals/hedgehog", "philosophy") and hedgehog.color == "yellow"
    second = new["many things"]
    assert second.start == foxes.text.rindex("many things") != foxes.text.index("many things")
    assert any(h.quote == "told Reuters" for h in services.annotations.highlights(rich_library.seed))

    again = services.importer.import_paths([path]).restored[0]
    assert (again.highlights_added, again.highlights_present) == (0, 3)  # once only


def test_anchoring_uses_prefix_suffix_then_position():
    text = "one two one two one"
    assert anchor_quote(text, "one", prefix="two ", suffix=" two") == (8, 11)
    assert anchor_quote(text, "one", hint=17) == (16, 19)
    assert anchor_quote(text, "ONE  two") == (0, 7)  # loose match, as typed
    assert anchor_quote(text, "three") is None


@pytest.mark.parametrize(("a", "b"), [
    ("https://www.example.com/a/", "http://example.com/a#section"),
    ("https://example.com/a?x=1&utm_source=rss", "https://EXAMPLE.com/a?x=1"),
])
def test_addresses_of_one_page_compare_equal(a, b):
    assert url_key(a) == url_key(b)


def test_different_pages_stay_different():
    assert url_key("https://example.com/a?id=1") != url_key("https://example.com/a?id=2")
    assert url_key("https://example.com/a") != url_key("https://example.org/a")


def test_restoring_never_changes_settings(services, rich_library, second_library, tmp_path):
    # The colour names travel in the backup for other tools; restoring never changes settings.
    backup = tmp_path / "backup.json"
    services.exports.export_json(backup)
    assert "color_names" in json.loads(backup.read_text(encoding="utf-8"))
    second_library.importer.import_paths([backup])
    assert not (second_library.data_dir / "settings.json").exists()


def test_an_article_that_cannot_be_stored_is_reported_and_the_others_restored(services, rich_library,
                                                                              second_library, tmp_path):
    backup = tmp_path / "backup.json"
    services.exports.export_json(backup)
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["articles"][0]["tags"] = ["  /  "]  # no letters: no library can hold this tag
    backup.write_text(json.dumps(document), encoding="utf-8")
    report = second_library.importer.import_paths([backup])
    assert len(report.imported) == 1 and second_library.articles.count() == 1
    (failure,) = report.failures
    assert "a tag needs at least one letter" in failure.reason


# --- colours outside the palette in files brought in -----------------------------------------
# A Reader backup names its colours by palette key; one that names another is damaged at that
# highlight: it is left out and reported, and the rest of the backup is restored (the import is
# never aborted for it). Other tools' colours are hints only: one Reader does not know is
# brought in as the default colour.

def test_a_backup_highlight_with_an_unknown_colour_is_reported_and_the_rest_restored(
        services, rich_library, second_library, tmp_path):
    backup = tmp_path / "backup.json"
    services.exports.export_json(backup)
    document = json.loads(backup.read_text(encoding="utf-8"))
    items = document["first"]["items"]
    items[0]["target"]["styleClass"] = "orange"
    backup.write_text(json.dumps(document), encoding="utf-8")
    report = second_library.importer.import_paths([backup])
    (failure,) = report.failures
    assert failure.reason == "annotation 1: unknown colour 'orange' (styleClass)" and not report.ok
    assert second_library.articles.count() == 2
    restored = {h.uid: h.color for a in second_library.articles.list()
                for h in second_library.annotations.highlights(a.id)}
    kept = {item["id"].removeprefix("urn:uuid:").replace("-", ""): item["target"]["styleClass"] for item in items[1:]}
    assert len(restored) == len(items) - 1 and restored == kept


def test_another_tools_unknown_colour_comes_in_as_the_default(services, rich_library, tmp_path):
    def annotation(id: str, exact: str, color: str) -> dict:
        return {"type": "Annotation", "id": id, "bodyValue": "",
                "target": {"source": "https://example.org/foxes", "styleClass": color,
                           "selector": {"type": "TextQuoteSelector", "exact": exact}}}

    path = tmp_path / "w3c.json"
    path.write_text(json.dumps([annotation("w1", "the hedgehog knows", "orange"),
                                annotation("w2", "emphasis", "blue")]), encoding="utf-8")
    before = {h.id for h in services.annotations.highlights(rich_library.foxes)}
    report = services.importer.import_paths([path])
    assert report.ok and report.restored[0].highlights_added == 2
    added = {h.quote: h.color for h in services.annotations.highlights(rich_library.foxes) if h.id not in before}
    assert added == {"the hedgehog knows": "yellow", "emphasis": "blue"}
