"""`reader export` and `reader import backup.json` end to end, in subprocesses."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from markdown_it import MarkdownIt

from rich_library import make_rich_library
from reader.services import open_library

pytestmark = pytest.mark.e2e


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def _fail(result) -> str:
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def library(tmp_path, seed_path):
    """A rich library in a data folder, closed again so subprocesses can use it."""
    data_dir = tmp_path / "library"
    services = open_library(data_dir)
    try:
        ids = make_rich_library(services, tmp_path / "sources", seed_path)
    finally:
        services.close()
    return data_dir, ids


def test_one_article_to_stdout_and_many_need_a_folder(reader_cli, library):
    data_dir, ids = library
    markdown = _ok(reader_cli("export", "--article", str(ids.foxes), data_dir=data_dir))
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert front["reader_id"] == ids.foxes and front["title"] == "Foxes and Hedgehogs 🦊"
    page = MarkdownIt("commonmark").render(markdown)
    for quote in ("The fox knows many things", "one big thing", "second item 🦔 with emphasis"):
        assert f"<blockquote>\n<p>{quote}</p>\n</blockquote>" in page
    assert "<p><strong>Key</strong></p>" in page
    assert _ok(reader_cli("export", "--tag", "animals", data_dir=data_dir)) == markdown  # one article selected
    error = _fail(reader_cli("export", data_dir=data_dir))
    assert error == "reader: 2 articles are selected: give --out DIR to write one Markdown file each, " \
                    "or --article ID for one\n"


def test_export_to_a_folder_re_export_and_force(reader_cli, library, tmp_path):
    data_dir, ids = library
    out = tmp_path / "vault"
    first = _ok(reader_cli("export", "--out", str(out), data_dir=data_dir))
    written = dict(line.split("\t") for line in first.splitlines())
    assert sorted(map(int, written)) == sorted([ids.seed, ids.foxes])
    again = reader_cli("export", "--out", str(out), data_dir=data_dir)
    assert _ok(again) == "" and "(2 unchanged)" in again.stderr

    path = written[str(ids.seed)]
    with open(path, "a", encoding="utf-8") as stream:
        stream.write("my edit\n")
    _ok(reader_cli("highlight", str(ids.seed), "--quote", "Reuters", data_dir=data_dir))
    kept = reader_cli("export", "--out", str(out), data_dir=data_dir)
    assert f"{path}: edited since the last export; kept (use --force to overwrite it)" in _fail(kept)
    forced = _ok(reader_cli("export", "--out", str(out), "--force", data_dir=data_dir))
    assert forced == f"{ids.seed}\t{path}\n"
    assert "my edit" not in open(path, encoding="utf-8").read()


def test_group_by_colour_and_a_template(reader_cli, library, tmp_path):
    data_dir, ids = library
    grouped = _ok(reader_cli("export", "--article", str(ids.foxes), "--group-by-color", data_dir=data_dir))
    assert re.findall(r"^## (.+)$", grouped, re.M) == ["Note", "Yellow", "Green", "Blue", "Purple"]
    template = tmp_path / "list.j2"
    template.write_text("{% for h in highlights %}- {{ h.quote }} ^{{ h.block_id }}\n{% endfor %}", encoding="utf-8")
    listed = _ok(reader_cli("export", "--article", str(ids.seed), "--template", str(template), data_dir=data_dir))
    assert listed.splitlines() == ["- a senior administration official told Reuters ^h1", "- official told ^h2"]
    template.write_text("line one\n{{ article.nope }}\n", encoding="utf-8")
    error = _fail(reader_cli("export", "--article", str(ids.seed), "--template", str(template), data_dir=data_dir))
    assert error.startswith(f"reader: template {template}, line 2: ") and error.count("\n") == 1


def test_json_round_trip_through_the_command_line(reader_cli, library, tmp_path):
    data_dir, ids = library
    backup = tmp_path / "backup.json"
    done = reader_cli("export", "--format", "json", "--out", str(backup), data_dir=data_dir)
    assert _ok(done) == "" and "wrote 2 articles and 7 highlights" in done.stderr
    streamed = json.loads(_ok(reader_cli("export", "--format", "json", data_dir=data_dir)))
    assert streamed["articles"] == json.loads(backup.read_text(encoding="utf-8"))["articles"]

    empty = tmp_path / "restored"
    imported = _ok(reader_cli("import", str(backup), data_dir=empty))
    assert sorted(int(line.split("\t")[0]) for line in imported.splitlines()) == sorted([ids.seed, ids.foxes])
    original = json.loads(_ok(reader_cli("list", "--json", data_dir=data_dir)))
    restored = json.loads(_ok(reader_cli("list", "--json", data_dir=empty)))
    assert restored == original
    for article in original:
        shown = [json.loads(_ok(reader_cli("show", str(article["id"]), "--json", data_dir=d)))
                 for d in (data_dir, empty)]
        assert shown[0] == shown[1]
    assert _ok(reader_cli("tags", "--json", data_dir=empty)) == _ok(reader_cli("tags", "--json", data_dir=data_dir))
    second = reader_cli("import", str(backup), data_dir=empty)
    assert _ok(second) == "" and "2 articles already in the library; 7 highlights already there" in second.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("--format", "json", "--template", "x.j2"), "are for Markdown"),
    (("--force",), "give --out DIR"),
    (("--article", "99"), "no article with id 99"),
    (("--tag", "unknown"), "no article to export is tagged 'unknown'"),
])
def test_wrong_options_are_one_line(reader_cli, library, args, message):
    data_dir, _ = library
    error = _fail(reader_cli("export", *args, data_dir=data_dir))
    assert message in error and error.count("\n") == 1


def test_bad_backup_files_are_one_line_each(reader_cli, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2", encoding="utf-8")
    result = reader_cli("import", str(broken), data_dir=tmp_path / "lib")
    assert _fail(result) == f"{broken}: not valid JSON (line 1, column 6: Expecting ',' delimiter)\n"


def test_hypothesis_import_reports_what_it_could_not_place(reader_cli, library, tmp_path):
    data_dir, ids = library
    export = tmp_path / "hypothesis.json"
    annotations = [
        {"id": "a1", "uri": "https://example.org/foxes", "text": "so true", "tags": ["quotes"],
         "target": [{"source": "https://example.org/foxes",
                     "selector": [{"type": "TextQuoteSelector", "exact": "the hedgehog knows"}]}]},
        {"id": "a2", "uri": "https://nowhere.example/page", "text": "",
         "target": [{"source": "https://nowhere.example/page",
                     "selector": [{"type": "TextQuoteSelector", "exact": "anything"}]}]},
    ]
    export.write_text(json.dumps({"export_date": "2024-05-01", "annotations": annotations}), encoding="utf-8")
    result = reader_cli("import", str(export), data_dir=data_dir)
    error = _fail(result)
    assert result.stdout == ""
    assert f"{export}: 1 annotation of https://nowhere.example/page: no article in the library has this address" \
           in error
    assert f"{export}: Hypothesis: added 1 highlight to 1 article of the library" in error
    shown = json.loads(_ok(reader_cli("show", str(ids.foxes), "--json", data_dir=data_dir)))
    assert [(h["quote"], h["note"], h["tags"]) for h in shown["highlights"] if h["note"] == "so true"] == [
        ("the hedgehog knows", "so true", ["quotes"])]
