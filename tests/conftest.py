"""Shared test setup: Qt offscreen before any Qt import, GUI tests marked, library fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep tests away from the real user's library whatever they call.
os.environ.pop("READER_DATA_DIR", None)

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_8b0dc8d946da1e59.txt"
BENCHMARK_DATA = REPO.parent / "shared" / "data" / "article-extraction-benchmark"


def pytest_collection_modifyitems(items):
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def services(data_dir):
    from reader.services import open_library

    opened = open_library(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def seed_path() -> Path:
    return SEED


def run_reader(*args: str, data_dir: Path | None = None, env: dict | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real `reader` command line in a subprocess, as a user or a script would."""
    command = [sys.executable, "-m", "reader"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(command + list(args), capture_output=True, text=True, timeout=timeout, env=full_env)


@pytest.fixture
def reader_cli():
    return run_reader
