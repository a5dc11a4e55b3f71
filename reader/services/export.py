"""Exporting: Markdown files for note apps into a folder, and the library as W3C annotation JSON.

This is the API the window's File > Export calls (with a progress callback and a cancel
check, as imports have); the command line calls the same.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader import __version__
from reader.domain.errors import ReaderError
from reader.domain.export_records import ExportArticle, ExportHighlight, ShownHighlight
from reader.domain.tags import is_same_or_descendant, normalize_tag
from reader.exporters.annotations import BackupArticle, collection
from reader.services.collector import collector_paused
from reader.services.export_folder import ExportedFile, ExportFolder, FileStatus, sha256, write_atomically
from reader.services.progress import CancelCheck, ProgressCallback
from reader.services.settings import Settings, SettingsStore
from reader.storage import Storage

if TYPE_CHECKING:
    from reader.exporters.markdown import MarkdownExporter

BATCH = 200  # articles whose highlights load in one go: few queries, bounded memory
HighlightLoader = Callable[[Sequence[int]], Mapping[int, list[ExportHighlight]] | Mapping[int, list[ShownHighlight]]]


@dataclass
class MarkdownExportReport:
    """What a Markdown export did with each article's file."""

    folder: Path
    files: list[ExportedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False

    def with_status(self, *statuses: FileStatus) -> list[ExportedFile]:
        return [item for item in self.files if item.status in statuses]

    @property
    def ok(self) -> bool:
        """True when every article's file now holds its export (none kept, none failed)."""
        return not self.cancelled and not self.with_status(FileStatus.KEPT, FileStatus.FAILED)


@dataclass(frozen=True)
class JsonExportReport:
    """What a JSON export wrote (nothing when cancelled)."""

    articles: int
    highlights: int
    path: Path | None
    cancelled: bool = False


class ExportService:
    """Markdown and JSON exports of the whole library or a selection of it."""

    def __init__(self, storage: Storage, settings: SettingsStore | None = None) -> None:
        self._storage = storage
        self._settings = settings

    # --- choosing ------------------------------------------------------------------------
    def select(self, *, article_ids: Sequence[int] = (), tag: str | None = None) -> list[ExportArticle]:
        """The articles to export (metadata and tags, no text), by id: the given ones (all if none),
        narrowed to those that carry `tag` or a tag below it, on the article or on one of its highlights."""
        articles = self._storage.export_rows.articles(article_ids or None)
        if tag is None:
            return articles
        wanted = normalize_tag(tag)
        shown = self._storage.export_rows.shown_highlights  # tags are all it needs
        chosen = [article for _, article, highlights in self._with_highlights(articles, shown)
                  if _tagged(article.tags, wanted) or any(_tagged(h.tags, wanted) for h in highlights)]
        if not chosen:
            raise ReaderError(f"no article to export is tagged {wanted!r}")
        return chosen

    def exporter(self, template: Path | None = None, settings: Settings | None = None) -> MarkdownExporter:
        """The Markdown exporter of `template`, else of the template chosen in `settings` (loaded
        if not given), else the default."""
        # Imported here: Jinja2 and PyYAML need not load before the window first paints.
        from reader.exporters.markdown import MarkdownExporter

        chosen = template
        if chosen is None:
            settings = settings or self.settings()
            chosen = Path(settings.export_template).expanduser() if settings.export_template else None
        return MarkdownExporter.from_file(chosen) if chosen else MarkdownExporter()

    def settings(self) -> Settings:
        return self._settings.load() if self._settings is not None else Settings()

    # --- Markdown ------------------------------------------------------------------------
    def markdown(self, article_id: int, *, template: Path | None = None, group_by_color: bool | None = None) -> str:
        """One article's Markdown, as its file would hold it."""
        (article,) = self._storage.export_rows.articles([article_id])
        settings = self.settings()
        exporter = self.exporter(template, settings)
        return exporter.render(
            article, self._highlight_loader(exporter)([article_id])[article_id], color_names=settings.color_names,
            group_by_color=settings.export_group_by_color if group_by_color is None else group_by_color)

    def export_markdown(
        self,
        folder: Path,
        *,
        article_ids: Sequence[int] = (),
        tag: str | None = None,
        template: Path | None = None,
        group_by_color: bool | None = None,
        force: bool = False,
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
    ) -> MarkdownExportReport:
        """One Markdown file per selected article in `folder` (see export_folder for re-exports).

        `template` and `group_by_color` default to the settings. Files the user edited since
        the last export are kept unless `force`. A bad template raises before anything is written.
        """
        with collector_paused():  # tens of thousands of short-lived records: see collector
            settings = self.settings()
            exporter = self.exporter(template, settings)
            grouped = settings.export_group_by_color if group_by_color is None else group_by_color
            layout = exporter.layout_key(settings.color_names, grouped)
            # Stamps first, before anything rendered from is read: see storage/export_renders.
            stamps = self._storage.export_renders.stamps(article_ids or None) if layout else {}
            articles = self.select(article_ids=article_ids, tag=tag)
            target = ExportFolder(folder)
            report = MarkdownExportReport(target.folder, warnings=target.warnings)
            try:
                for done, article, content, digest in self._contents(articles, exporter, layout, stamps,
                                                                      settings.color_names, grouped):
                    if should_cancel is not None and should_cancel():
                        report.cancelled = True
                        break
                    report.files.append(target.write(article, content, force=force, digest=digest))
                    if progress is not None:
                        progress(done, len(articles), article.title)
            finally:
                target.save()  # what was written is remembered even if a template fails half-way
            return report

    def _contents(
        self,
        articles: list[ExportArticle],
        exporter: MarkdownExporter,
        layout: str | None,
        stamps: Mapping[int, int],
        color_names: Mapping[str, str],
        grouped: bool,
    ) -> Iterator[tuple[int, ExportArticle, str, str | None]]:
        """(position, article, its Markdown, the SHA-256 of that if known), a batch of articles at a
        time: the Markdown the library kept for `layout` if any, else rendered now and kept under the
        stamp read before."""
        load, renders = self._highlight_loader(exporter), self._storage.export_renders
        keeping = layout is not None
        for at in range(0, len(articles), BATCH):
            batch = articles[at:at + BATCH]
            kept = renders.kept(layout, [article.id for article in batch]) if layout else {}
            unkept = [article.id for article in batch if article.id not in kept]
            highlights = load(unkept) if unkept else {}
            fresh = []  # (article id, stamp read before its rows, Markdown, its SHA-256)
            for done, article in enumerate(batch, start=at + 1):
                content, digest = kept.get(article.id) or (None, None)
                if content is None:
                    content = exporter.render(article, highlights[article.id], color_names=color_names,
                                              group_by_color=grouped)
                    if keeping:
                        digest = sha256(content.encode("utf-8"))
                        fresh.append((article.id, stamps.get(article.id), content, digest))
                yield done, article, content, digest
            if keeping and not renders.keep(layout, fresh):
                keeping = False  # the library is busy: never wait for it again in this export

    def _highlight_loader(self, exporter: MarkdownExporter) -> HighlightLoader:
        """What `exporter` renders from: every field for a template, what it shows for the default layout."""
        rows = self._storage.export_rows
        return rows.highlights if exporter.full_highlights else rows.shown_highlights

    @staticmethod
    def _with_highlights(
        articles: list[ExportArticle], load: HighlightLoader
    ) -> Iterator[tuple[int, ExportArticle, list[ExportHighlight] | list[ShownHighlight]]]:
        """(position, article, its highlights), loading highlights a batch of articles at a time."""
        for at in range(0, len(articles), BATCH):
            batch = articles[at:at + BATCH]
            highlights = load([article.id for article in batch])
            for done, article in enumerate(batch, start=at + 1):
                yield done, article, highlights[article.id]

    # --- JSON ----------------------------------------------------------------------------
    def export_json(
        self,
        destination: Path | TextIO,
        *,
        article_ids: Sequence[int] = (),
        tag: str | None = None,
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
    ) -> JsonExportReport:
        """The selected articles (all by default) with their highlights as a W3C annotation
        collection that `reader import` restores; written to a file path or a text stream."""
        articles = self.select(article_ids=article_ids, tag=tag)
        items: list[BackupArticle] = []
        for done, article in enumerate(articles, start=1):
            if should_cancel is not None and should_cancel():
                return JsonExportReport(0, 0, None, cancelled=True)
            record = self._storage.records.record(article.id)
            items.append(BackupArticle(record.article, record.highlights, record.original, record.source_hash))
            if progress is not None:
                progress(done, len(articles), article.title)
        document = collection(items, color_names=self.settings().color_names, generated=datetime.now(UTC),
                              version=__version__)
        highlights = sum(len(item.highlights) for item in items)
        if isinstance(destination, (str, Path)):
            path = _json_path(Path(destination))
            buffer = io.StringIO()
            _dump(document, buffer)
            try:
                write_atomically(path, buffer.getvalue().encode("utf-8"))
            except OSError as error:
                raise ReaderError(f"cannot write {path}: {error.strerror or error}") from None
            return JsonExportReport(len(items), highlights, path)
        _dump(document, destination)
        return JsonExportReport(len(items), highlights, None)


def _tagged(tags: Sequence[str], wanted: str) -> bool:
    return any(is_same_or_descendant(tag, wanted) for tag in tags)


def _json_path(path: Path) -> Path:
    path = path.expanduser().absolute()
    if path.is_dir():
        raise ReaderError(f"{path} is a folder; JSON export needs a file name (e.g. {path / 'backup.json'})")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReaderError(f"cannot create the folder {path.parent}: {error.strerror or error}") from None
    return path


def _dump(document: dict, stream: TextIO) -> None:
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    if stream is sys.stdout:
        stream.flush()


__all__ = ["ExportService", "ExportedFile", "FileStatus", "JsonExportReport", "MarkdownExportReport"]
