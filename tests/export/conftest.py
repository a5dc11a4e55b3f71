"""Fixtures of the export tests: the rich library of tests/support/rich_library.py."""

from __future__ import annotations

import pytest
from rich_library import RichLibrary, make_rich_library


@pytest.fixture
def rich_library(services, tmp_path, seed_path) -> RichLibrary:
    return make_rich_library(services, tmp_path / "sources", seed_path)
