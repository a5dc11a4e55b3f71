"""Where the library lives: --data-dir, then $READER_DATA_DIR, then the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_VARIABLE = "READER_DATA_DIR"


def default_data_dir() -> Path:
    """The user data folder of the platform (~/.local/share/Reader on Linux)."""
    return platformdirs.user_data_path("Reader", appauthor=False)


def resolve_data_dir(option: str | os.PathLike | None = None) -> Path:
    """The data folder to use, from the command-line option, the environment or the default."""
    chosen = option or os.environ.get(DATA_DIR_VARIABLE) or default_data_dir()
    return Path(chosen).expanduser()
