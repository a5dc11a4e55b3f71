"""Shared test setup: Qt offscreen before any Qt import, GUI tests marked, library fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reader_process import SEED, run_reader

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Dates and numbers shown in the window follow the locale; tests expect the same everywhere.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ["LANG"] = "C.UTF-8"
# Keep tests away from the real user's library whatever they call.
os.environ.pop("READER_DATA_DIR", None)



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


@pytest.fixture
def reader_cli():
    return run_reader
