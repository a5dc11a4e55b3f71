"""The `reader` command end to end, in a subprocess, against a temporary library."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
TITLE = "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans in Iraq"


def _ok(result):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_import_list_show_highlight_tags(reader_cli, data_dir, seed_path):
    out = _ok(reader_cli("import", str(seed_path), "--tag", "news", data_dir=data_dir))
    assert out == f"1\t{TITLE}\n"

    again = reader_cli("import", str(seed_path), data_dir=data_dir)
    assert again.returncode == 0 and again.stdout == ""
    assert "already in the library as 1" in again.stderr

    listed = json.loads(_ok(reader_cli("list", "--json", data_dir=data_dir)))
    assert [(a["id"], a["title"], a["tags"], a["highlights"]) for a in listed] == [(1, TITLE, ["news"], 0)]
    assert {"id", "title", "author", "site", "url", "published", "added", "tags", "highlights"} <= listed[0].keys()

    out = _ok(reader_cli("highlight", "1", "--quote", "a senior administration official told Reuters",
                         "--color", "yellow", "--note", "Who is it?", "--tag", "iran", data_dir=data_dir))
    assert out.split("\t")[1].strip() == "a senior administration official told Reuters"

    shown = json.loads(_ok(reader_cli("show", "1", "--json", data_dir=data_dir)))
    (highlight,) = shown["highlights"]
    assert shown["text"][highlight["start"]:highlight["end"]] == highlight["quote"]
    assert (highlight["color"], highlight["note"], highlight["tags"]) == ("yellow", "Who is it?", ["iran"])

    text = _ok(reader_cli("show", "1", "--text", data_dir=data_dir))
    assert text.rstrip("\n") == shown["text"]

    assert _ok(reader_cli("tags", data_dir=data_dir)) == "iran\t1\nnews\t1\n"
    _ok(reader_cli("tags", "rename", "news", "IRAN", data_dir=data_dir))
    tags = json.loads(_ok(reader_cli("tags", "--json", data_dir=data_dir)))
    assert tags == [{"name": "iran", "count": 2, "articles": 1, "highlights": 1}]


def test_data_dir_after_the_subcommand_and_from_the_environment(reader_cli, tmp_path, seed_path):
    library = tmp_path / "env-lib"
    _ok(reader_cli("import", str(seed_path), "--data-dir", str(library)))
    out = _ok(reader_cli("list", env={"READER_DATA_DIR": str(library)}))
    assert out.startswith("1\t" + TITLE)


def test_a_new_data_folder_starts_empty(reader_cli, data_dir):
    assert _ok(reader_cli("list", "--json", data_dir=data_dir)) == "[]\n"


def test_edit_corrects_metadata(reader_cli, data_dir, seed_path):
    _ok(reader_cli("import", str(seed_path), data_dir=data_dir))
    _ok(reader_cli("edit", "1", "--title", "Shorter title", "--published", "2020-12-25 09:00",
                   "--site", "The Algemeiner", data_dir=data_dir))
    (article,) = json.loads(_ok(reader_cli("list", "--json", data_dir=data_dir)))
    assert (article["title"], article["published"], article["site"]) == (
        "Shorter title", "2020-12-25T09:00", "The Algemeiner")
    bad = reader_cli("edit", "1", "--published", "whenever", data_dir=data_dir)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "cannot read 'whenever'" in bad.stderr


def test_bad_input_gives_one_line_each_and_exit_1(reader_cli, data_dir, tmp_path, seed_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "junk.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 400)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    (folder / "good.txt").write_bytes(seed_path.read_bytes())
    result = reader_cli("import", str(folder), data_dir=data_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert sorted(Path(line.split(": ", 1)[0]).name for line in lines) == [
        "binary.html", "empty.txt", "huge.txt", "junk.txt"]
    assert result.stdout == f"1\t{TITLE}\n"


def test_unknown_ids_and_quotes_are_one_line_errors(reader_cli, data_dir, seed_path):
    _ok(reader_cli("import", str(seed_path), data_dir=data_dir))
    for args, message in [
        (("show", "42"), "no article with id 42"),
        (("highlight", "1", "--quote", "not in the text at all"), "does not occur"),
        (("highlight", "1", "--quote", "the official", "--color", "plaid"), "unknown colour"),
        (("tags", "rename", "nothing", "else"), "no tag named"),
    ]:
        result = reader_cli(*args, data_dir=data_dir)
        assert result.returncode == 1, args
        assert result.stderr.strip().count("\n") == 0 and message in result.stderr, result.stderr


def test_a_data_dir_that_is_a_file(reader_cli, tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    result = reader_cli("list", data_dir=path)
    assert result.returncode == 1
    assert result.stderr == f"reader: {path}: the data folder is a file, not a folder\n"


def test_a_data_dir_that_is_not_writable(reader_cli, tmp_path):
    if os.geteuid() == 0:
        target = Path("/sys/reader-test-library")  # root may write anywhere except a read-only file system
    else:
        parent = tmp_path / "read-only"
        parent.mkdir()
        parent.chmod(0o500)
        target = parent / "library"
    result = reader_cli("list", data_dir=target)
    assert result.returncode == 1
    assert result.stderr.startswith(f"reader: {target}: cannot create the data folder")
    assert result.stderr.count("\n") == 1


def test_a_locked_database_is_reported_and_nothing_is_lost(reader_cli, data_dir, seed_path, tmp_path):
    _ok(reader_cli("import", str(seed_path), data_dir=data_dir))
    other = tmp_path / "other.md"
    other.write_text("# Another Article\n\nWith its own text.", encoding="utf-8")
    blocker = sqlite3.connect(data_dir / "library.sqlite3", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = reader_cli("import", str(other), data_dir=data_dir, env={"READER_BUSY_TIMEOUT_MS": "300"})
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert result.returncode == 1
    assert "locked by another program" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    listed = json.loads(_ok(reader_cli("list", "--json", data_dir=data_dir)))
    assert [a["title"] for a in listed] == [TITLE]
    assert _ok(reader_cli("import", str(other), data_dir=data_dir)).endswith("\tAnother Article\n")


def test_the_console_script_is_installed():
    script = Path(sys.executable).with_name("reader")
    assert script.exists(), "pip install should create the `reader` command next to python"


def test_a_name_too_long_for_the_file_system_is_one_line(reader_cli, data_dir, tmp_path):
    result = reader_cli("import", str(tmp_path / ("x" * 300 + ".txt")), data_dir=data_dir)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "File name too long" in result.stderr
