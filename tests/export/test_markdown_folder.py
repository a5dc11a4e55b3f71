"""Markdown export into a folder: names, the manifest, idempotent re-exports, edits kept, no escape."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from reader.domain.errors import ReaderError
from reader.domain.models import BlockKind, ExtractedArticle
from reader.domain.text import text_from_paragraphs
from reader.exporters.markdown import TemplateProblem
from reader.services.export import FileStatus
from reader.services.export_folder import MANIFEST_NAME
from reader.services.settings import SETTINGS_NAME, Settings, SettingsStore


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def _block_ids(path: Path) -> list[str]:
    return re.findall(r"^\^(h\d+)$", path.read_text(encoding="utf-8"), re.M)


def _statuses(report) -> dict[int, FileStatus]:
    return {item.article_id: item.status for item in report.files}


def _add_article(services, title: str, body: str = "Some words of the body.") -> int:
    text, blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, body + " " + title)])
    article = services.storage.articles.add(ExtractedArticle(text, blocks, title=title), content_hash=title,
                                             source_hash=title, original=body.encode())
    return article.id


def test_one_file_per_article_with_front_matter_and_a_manifest(services, rich_library, tmp_path):
    out = tmp_path / "vault"
    report = services.exports.export_markdown(out)
    assert report.ok and _statuses(report) == {rich_library.seed: FileStatus.CREATED,
                                               rich_library.foxes: FileStatus.CREATED}
    names = sorted(p.name for p in out.iterdir())
    assert names == [MANIFEST_NAME, "Foxes and Hedgehogs 🦊.md", "Officials options #1 — Iraq US.md"]
    for item in report.files:
        text = item.path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---\n")[1])
        assert front["reader_id"] == item.article_id
        assert set(front) == {"title", "author", "site", "url", "published", "tags", "reader_id"}
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert {(e["file"], e["article_id"]) for e in manifest["files"]} == {
        (item.path.name, item.article_id) for item in report.files}


def test_re_export_is_idempotent_and_touches_nothing(services, rich_library, tmp_path):
    out = tmp_path / "vault"
    services.exports.export_markdown(out)
    before = _snapshot(out)
    report = services.exports.export_markdown(out)
    assert set(_statuses(report).values()) == {FileStatus.UNCHANGED} and report.ok
    assert _snapshot(out) == before  # same bytes and same mtimes, manifest included


def test_a_changed_article_is_updated_in_place_with_the_same_name_and_block_ids(services, rich_library, tmp_path):
    out = tmp_path / "vault"
    first = services.exports.export_markdown(out)
    path = next(item.path for item in first.files if item.article_id == rich_library.foxes)
    other = next(item.path for item in first.files if item.article_id == rich_library.seed)
    other_before = _snapshot(out)[other.name]
    old_ids = _block_ids(path)
    services.articles.edit(rich_library.foxes, title="A New Title for the Foxes")
    added = services.annotations.highlight_quote(rich_library.foxes, "this sentence repeats", color="blue")
    report = services.exports.export_markdown(out)
    assert _statuses(report) == {rich_library.seed: FileStatus.UNCHANGED, rich_library.foxes: FileStatus.UPDATED}
    assert path.exists() and not (out / "A New Title for the Foxes.md").exists()  # the name is stable
    assert "# A New Title for the Foxes" in path.read_text(encoding="utf-8")
    assert sorted(_block_ids(path)) == sorted(old_ids + [f"h{added.id}"])
    assert _snapshot(out)[other.name] == other_before


def test_a_file_the_user_edited_is_kept_unless_forced(services, rich_library, tmp_path):
    out = tmp_path / "vault"
    first = services.exports.export_markdown(out)
    path = next(item.path for item in first.files if item.article_id == rich_library.seed)
    edited = path.read_text(encoding="utf-8") + "\nMy own thoughts, written in the note app.\n"
    path.write_text(edited, encoding="utf-8")
    services.annotations.highlight_quote(rich_library.seed, "Reuters", color="green")

    kept = services.exports.export_markdown(out)
    assert _statuses(kept)[rich_library.seed] is FileStatus.KEPT and not kept.ok
    (item,) = kept.with_status(FileStatus.KEPT)
    assert item.path == path and "--force" in item.reason
    assert path.read_text(encoding="utf-8") == edited
    assert services.exports.export_markdown(out).with_status(FileStatus.KEPT)  # still kept next time

    forced = services.exports.export_markdown(out, force=True)
    assert _statuses(forced)[rich_library.seed] is FileStatus.OVERWRITTEN and forced.ok
    assert "My own thoughts" not in path.read_text(encoding="utf-8")
    assert _statuses(services.exports.export_markdown(out))[rich_library.seed] is FileStatus.UNCHANGED


def test_a_lost_manifest_never_costs_the_user_an_edit(services, rich_library, tmp_path):
    out = tmp_path / "vault"
    first = services.exports.export_markdown(out)
    (out / MANIFEST_NAME).unlink()
    again = services.exports.export_markdown(out)  # same content: taken back, no copies made
    assert set(_statuses(again).values()) == {FileStatus.UNCHANGED}
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST_NAME] + [i.path.name for i in first.files])
    (out / MANIFEST_NAME).write_text("{ damaged", encoding="utf-8")
    path = first.files[0].path
    path.write_text(path.read_text(encoding="utf-8") + "edit\n", encoding="utf-8")
    report = services.exports.export_markdown(out)
    assert report.warnings and "damaged" in report.warnings[0]
    assert _statuses(report)[first.files[0].article_id] is FileStatus.KEPT


def test_a_user_file_with_the_same_name_is_never_overwritten(services, tmp_path):
    article = _add_article(services, "Notes")
    out = tmp_path / "vault"
    out.mkdir()
    (out / "notes.md").write_text("the user's own notes\n", encoding="utf-8")
    report = services.exports.export_markdown(out)
    assert [item.path.name for item in report.files] == ["Notes (2).md"]  # case-insensitive collision
    assert (out / "notes.md").read_text(encoding="utf-8") == "the user's own notes\n"
    assert report.files[0].article_id == article


@pytest.mark.parametrize("title", ["../../etc/passwd", "CON", "x" * 300, "🦊" * 80, "/", ".hidden", "a\\..\\b"])
def test_hostile_titles_stay_inside_the_folder(services, tmp_path, title):
    _add_article(services, title)
    out = tmp_path / "deep" / "vault"
    report = services.exports.export_markdown(out)
    (item,) = report.files
    assert item.status is FileStatus.CREATED and item.path.parent == out
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST_NAME, item.path.name])
    assert not item.path.name.startswith(".") and len(item.path.name.encode()) <= 255
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "library"]


def test_same_titles_get_distinct_stable_names(services, tmp_path):
    ids = [_add_article(services, "Same", body=f"Body {n}.") for n in range(3)]
    out = tmp_path / "vault"
    report = services.exports.export_markdown(out)
    assert [(i.article_id, i.path.name) for i in report.files] == list(
        zip(ids, ["Same.md", "Same (2).md", "Same (3).md"]))
    services.articles.edit(ids[0], title="Renamed")
    again = services.exports.export_markdown(out)
    assert [(i.article_id, i.path.name) for i in again.files] == [(i.article_id, i.path.name) for i in report.files]


def test_a_link_in_the_folder_is_replaced_never_written_through(services, tmp_path):
    _add_article(services, "Target")
    out = tmp_path / "vault"
    out.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("must not change\n", encoding="utf-8")
    os.symlink(outside, out / "Target.md")
    report = services.exports.export_markdown(out)
    assert report.files[0].path.name == "Target (2).md"
    assert outside.read_text(encoding="utf-8") == "must not change\n"


def test_selection_by_article_and_by_tag(services, rich_library, tmp_path):
    only = services.exports.export_markdown(tmp_path / "one", article_ids=[rich_library.foxes])
    assert [i.article_id for i in only.files] == [rich_library.foxes]
    by_highlight_tag = services.exports.export_markdown(tmp_path / "two", tag="world")  # world/middle east
    assert [i.article_id for i in by_highlight_tag.files] == [rich_library.seed]
    by_article_tag = services.exports.export_markdown(tmp_path / "three", tag="READING")  # reading/2024
    assert sorted(i.article_id for i in by_article_tag.files) == sorted([rich_library.seed, rich_library.foxes])
    with pytest.raises(ReaderError, match="no article to export is tagged 'nothing'"):
        services.exports.export_markdown(tmp_path / "four", tag="nothing")
    with pytest.raises(ReaderError, match="no article with id 999"):
        services.exports.export_markdown(tmp_path / "five", article_ids=[999])


def test_progress_and_cancel(services, rich_library, tmp_path):
    calls = []
    report = services.exports.export_markdown(tmp_path / "a", progress=lambda *args: calls.append(args))
    assert [(done, total) for done, total, _ in calls] == [(1, 2), (2, 2)]
    assert {title for _, _, title in calls} == {item.title for item in report.files}
    cancelled = services.exports.export_markdown(tmp_path / "b", should_cancel=lambda: True)
    assert cancelled.cancelled and cancelled.files == [] and not cancelled.ok


def test_settings_give_colour_names_grouping_and_the_template(services, rich_library, data_dir, tmp_path):
    template = tmp_path / "short.md.j2"
    template.write_text("{% for g in groups %}## {{ g.title }}\n{% endfor %}", encoding="utf-8")
    settings = Settings(color_names={"yellow": "key point", "pink": "disagree"}, export_group_by_color=True)
    SettingsStore(data_dir / SETTINGS_NAME).save(settings)
    markdown = services.exports.markdown(rich_library.seed)
    assert re.findall(r"^## (.+)$", markdown, re.M) == ["key point", "disagree"]
    assert "Colour: pink (disagree)" in markdown
    assert "## Highlights" in services.exports.markdown(rich_library.seed, group_by_color=False)
    settings.export_template = str(template)
    SettingsStore(data_dir / SETTINGS_NAME).save(settings)
    assert services.exports.markdown(rich_library.seed) == "## key point\n## disagree\n"


def test_a_bad_template_writes_nothing(services, rich_library, tmp_path):
    template = tmp_path / "bad.j2"
    template.write_text("{% if %}", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="line 1"):
        services.exports.export_markdown(tmp_path / "vault", template=template)
    assert not (tmp_path / "vault").exists()


def test_a_file_where_the_folder_should_be_is_an_error(services, rich_library, tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ReaderError, match="is a file"):
        services.exports.export_markdown(tmp_path / "file")


@pytest.mark.parametrize("manifest", [
    '{"files": ["not an entry"]}',
    "[1, 2]",
    '{"files": [{"file": "../escaped.md", "article_id": 1, "sha256": null}]}',
    '{"files": [{"file": "Target.md", "article_id": 5, "article_uid": "x", "sha256": null},'
    ' {"file": "target.md", "article_id": 6, "article_uid": "y", "sha256": null}]}',
])
def test_a_hostile_or_broken_manifest_cannot_misdirect_the_export(services, tmp_path, manifest):
    _add_article(services, "Target")
    out = tmp_path / "vault"
    out.mkdir()
    (out / MANIFEST_NAME).write_text(manifest, encoding="utf-8")
    report = services.exports.export_markdown(out)
    (item,) = report.files
    assert item.status is FileStatus.CREATED and item.path.parent == out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library", "vault"]
    entries = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]
    assert len({entry["file"].casefold() for entry in entries}) == len(entries)  # one article per file
