"""The command line refuses bad values with one line on stderr and saves nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e
COLOURS = "yellow, green, blue, pink, purple"


@pytest.fixture
def library(reader_cli, data_dir, seed_path):
    result = reader_cli("import", str(seed_path), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return data_dir


def _refused(result, code: int = 1) -> str:
    """The one line of stderr of a command that failed with `code`."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith("reader: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


def _highlights(reader_cli, library) -> list[dict]:
    shown = reader_cli("show", "1", "--json", data_dir=library)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["highlights"]


@pytest.mark.parametrize("color", ["orange", "ORANGE", "red", ""])
def test_a_colour_outside_the_palette_is_refused_and_nothing_saved(reader_cli, library, color):
    result = reader_cli("highlight", "1", "--quote", "the official", "--color", color, data_dir=library)
    assert _refused(result) == f"reader: unknown colour {color!r}; choose one of {COLOURS}"
    assert _highlights(reader_cli, library) == []


def test_a_palette_colour_in_any_case_is_saved_as_that_colour(reader_cli, library):
    result = reader_cli("highlight", "1", "--quote", "the official", "--color", "Green", data_dir=library)
    assert result.returncode == 0, result.stderr
    assert [h["color"] for h in _highlights(reader_cli, library)] == ["green"]


@pytest.mark.parametrize(("args", "message"), [
    (("--title", "   "), "reader: the title cannot be empty"),
    (("--title", ""), "reader: the title cannot be empty"),
    (("--url", "not a url"), "reader: the address must be an absolute http:// or https:// address, "
                             "or empty to clear it (not 'not a url')"),
    (("--url", "file:///tmp/a.html"), "reader: the address must be an absolute http:// or https:// address"),
])
def test_edit_refuses_a_blank_title_and_an_address_that_is_not_http(reader_cli, library, args, message):
    before = reader_cli("list", "--json", data_dir=library).stdout
    assert _refused(reader_cli("edit", "1", "--author", "Someone", *args, data_dir=library)).startswith(message)
    assert reader_cli("list", "--json", data_dir=library).stdout == before  # nothing changed


def test_edit_sets_and_clears_an_address(reader_cli, library):
    for url in ("https://example.com/iraq", ""):
        result = reader_cli("edit", "1", "--url", url, data_dir=library)
        assert result.returncode == 0, result.stderr
        (article,) = json.loads(reader_cli("list", "--json", data_dir=library).stdout)
        assert article["url"] == url


def test_edit_without_an_option_names_them_and_exits_with_the_usage_code(reader_cli, library):
    before = reader_cli("list", "--json", data_dir=library).stdout
    result = reader_cli("edit", "1", data_dir=library)
    assert _refused(result, code=2) == "reader: edit needs at least one of --title, --author, --published, --site, --url"
    assert reader_cli("list", "--json", data_dir=library).stdout == before
    # argparse's own usage errors exit with the same code
    assert reader_cli("edit", data_dir=library).returncode == 2


@pytest.mark.parametrize("quote", ["", "  "])
def test_an_empty_quote_is_called_empty(reader_cli, library, quote):
    result = reader_cli("highlight", "1", "--quote", quote, data_dir=library)
    assert _refused(result) == "reader: the quote is empty; give the words of the passage to highlight"
    assert _highlights(reader_cli, library) == []


@pytest.mark.parametrize(("consumer", "shown"), [("head -1", "[\n"), ("true", "")])
def test_a_reader_that_stops_reading_ends_the_command_quietly(reader_cli, data_dir, tmp_path, consumer, shown):
    # `reader list --json | head -1`: head leaves after one line while reader still has far more
    # than a pipe holds (64 KiB) to write; `true` leaves before reading anything. That is not an
    # error: nothing on stderr, exit 0, so scripts under `set -o pipefail` keep working.
    from library_data import write_articles

    from reader.services import open_library

    services = open_library(data_dir)
    try:
        assert len(services.importer.import_paths(write_articles(tmp_path / "many", 1000)).imported) == 1000
    finally:
        services.close()
    listed = reader_cli("list", "--json", data_dir=data_dir)
    assert listed.returncode == 0 and len(listed.stdout.encode()) > 4 * 65536
    assert _piped(data_dir, "list --json", consumer) == (0, shown, "")


def test_a_short_output_nobody_reads_ends_quietly_too(library):
    # All of it fits in the output buffer, so the closed pipe shows when it is flushed at the end.
    assert _piped(library, "list", "true") == (0, "", "")


def _piped(data_dir, command: str, consumer: str) -> tuple[int, str, str]:
    """`reader COMMAND | CONSUMER` in bash: reader's exit code, and what the pipe showed."""
    script = f'"$@" {command} | {consumer}; exit "${{PIPESTATUS[0]}}"'
    argv = ["bash", "-c", script, "bash", sys.executable, "-m", "reader", "--data-dir", str(data_dir)]
    # Buffered output, as people have it (PYTHONUNBUFFERED would write each line as printed).
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env)
    return result.returncode, result.stdout, result.stderr
