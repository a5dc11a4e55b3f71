"""Use cases shared by the command line and the window, built on storage and the importers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.services.paths import resolve_data_dir

if TYPE_CHECKING:
    from reader.services.annotations import AnnotationService
    from reader.services.articles import ArticleService
    from reader.services.export import ExportService
    from reader.services.importing import ImportService
    from reader.services.search import SearchService
    from reader.services.settings import SettingsStore
    from reader.services.tags import TagService
    from reader.storage import Storage

__all__ = ["Services", "open_library", "resolve_data_dir"]


@dataclass(frozen=True)
class Services:
    """Every service of one open library."""

    data_dir: Path
    storage: Storage
    articles: ArticleService
    annotations: AnnotationService
    importer: ImportService
    tags: TagService
    exports: ExportService
    search: SearchService
    settings: SettingsStore  # the user's settings (settings.json in the library folder)

    def close(self) -> None:
        self.storage.close()


def open_library(data_dir: Path, *, process_start: str = "fork") -> Services:
    """Open (creating if needed) the library in `data_dir` and build its services.

    `process_start` is how bulk imports start worker processes ("spawn" in a Qt process).
    """
    # Imported here, not above: the window imports this package to name its types and paints
    # before the library opens, and these bring in SQLAlchemy and the importers.
    from reader.services.annotations import AnnotationService
    from reader.services.articles import ArticleService
    from reader.services.export import ExportService
    from reader.services.importing import ImportService
    from reader.services.search import SearchService
    from reader.services.settings import SETTINGS_NAME, SettingsStore
    from reader.services.tags import TagService
    from reader.storage import open_storage

    storage = open_storage(data_dir)
    settings = SettingsStore(data_dir / SETTINGS_NAME)
    return Services(
        data_dir=data_dir,
        storage=storage,
        articles=ArticleService(storage),
        annotations=AnnotationService(storage),
        importer=ImportService(storage, start_method=process_start),
        tags=TagService(storage),
        exports=ExportService(storage, settings),
        search=SearchService(storage),
        settings=settings,
    )
