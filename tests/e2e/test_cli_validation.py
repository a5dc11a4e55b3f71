"""The command line refuses bad values with one line on stderr and saves nothing."""

from __future__ import annotations

import json

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
