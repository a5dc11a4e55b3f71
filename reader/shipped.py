"""Where the files shipped with the app (sample articles, icons, styles) are found.

A wheel carries them inside the package (`reader/_shipped/`, see pyproject.toml); a source
checkout or an editable install finds them at the top of the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _shipped(name: str) -> Path:
    inside = Path(str(resources.files("reader"))) / "_shipped" / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / name


def seeds_folder() -> Path:
    """The folder of sample articles imported when the window first opens an empty library."""
    return _shipped("seeds")


def resources_folder() -> Path:
    """The folder of icons and style sheets."""
    return _shipped("resources")
