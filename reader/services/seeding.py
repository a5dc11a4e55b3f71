"""The sample library: the articles of `seeds/`, imported the first time the window opens."""

from __future__ import annotations

from pathlib import Path

from reader.services.importing import ImportReport, ImportService

SEEDED_MARKER = ".seeded"


def seed_if_new(data_dir: Path, importer: ImportService, library_size: int, seeds: Path) -> ImportReport | None:
    """Import the sample articles into an empty library the first time the window opens it.

    A marker file remembers that this library was seeded, so a user who deletes the samples
    does not get them back; the command line never calls this.
    """
    marker = data_dir / SEEDED_MARKER
    if marker.exists():
        return None
    report = None
    if library_size == 0 and seeds.is_dir():
        report = importer.import_paths([seeds])
    marker.write_text("The sample articles were offered to this library once.\n", encoding="utf-8")
    return report
