"""Importing files and folders: walk, read, extract (on every core for big batches), store.

Each source is stored in its own transaction, so a failure never loses what came before,
and every failure is reported as `source: reason` while the rest of the batch goes on.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from reader.domain.errors import ReaderError
from reader.domain.models import Article, ExtractedArticle
from reader.domain.tags import normalize_tag
from reader.domain.text import content_hash
from reader.importers import MAX_SOURCE_BYTES, ImportRejected, extract
from reader.services.fetch import FetchedPage, FetchError, fetch_page, is_url
from reader.services.progress import CancelCheck, ProgressCallback
from reader.services.reimport import UpdatedItem, previous_version, update_article
from reader.services.restore import RestoreReport, RestoreService
from reader.storage import ArticleChangedError, Storage

IMPORTABLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".mdown", ".mkd")
PARALLEL_THRESHOLD = 12  # below this, starting worker processes costs more than it saves



@dataclass(frozen=True)
class ImportFailure:
    source: str
    reason: str


@dataclass(frozen=True)
class ImportedItem:
    source: str
    article: Article


@dataclass(frozen=True)
class DuplicateItem:
    """A source whose content is already in the library (as `article`); nothing was stored."""

    source: str
    article: Article


@dataclass
class ImportReport:
    """What an import did: new articles, new versions of articles, sources already present, failures."""

    imported: list[ImportedItem] = field(default_factory=list)
    duplicates: list[DuplicateItem] = field(default_factory=list)
    updated: list[UpdatedItem] = field(default_factory=list)
    failures: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False
    restored: list[RestoreReport] = field(default_factory=list)  # backups and annotation files

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class _Extracted:
    source: str
    data: bytes
    article: ExtractedArticle | None = None
    reason: str = ""


def collect_sources(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[ImportFailure]]:
    """Files to import from the given files and folders (folders walked, hidden files skipped).

    A file named directly is always tried; inside folders only article-like suffixes count.
    """
    sources: list[Path] = []
    failures: list[ImportFailure] = []
    for raw in paths:
        path = Path(raw).expanduser()
        try:
            if path.is_dir():
                sources.extend(_walk(path, failures))
            elif path.is_file():
                sources.append(path)
            elif path.exists():
                failures.append(ImportFailure(str(path), "not a regular file"))
            elif path.is_symlink():
                failures.append(ImportFailure(str(path), "a broken link: what it points to does not exist"))
            else:
                failures.append(ImportFailure(str(path), "no such file or folder"))
        except OSError as error:  # a name too long for the file system, a folder we may not enter
            failures.append(ImportFailure(str(path), f"cannot read it ({error.strerror or error})"))
    return sources, failures


def _walk(folder: Path, failures: list[ImportFailure]) -> Iterator[Path]:
    def on_error(error: OSError) -> None:
        failures.append(ImportFailure(str(error.filename or folder), f"cannot read the folder ({error.strerror})"))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(IMPORTABLE_SUFFIXES):
                continue
            path = Path(root, name)
            if path.is_symlink() and not path.exists():
                failures.append(ImportFailure(str(path), "a broken link: what it points to does not exist"))
            elif path.is_file():
                yield path


def read_and_extract(path: Path) -> _Extracted:
    """Read one file and extract its article; never raises (runs in worker processes)."""
    source = str(path)
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            return _Extracted(source, b"", reason="the file is larger than 50 MB")
        data = path.read_bytes()
    except OSError as error:
        return _Extracted(source, b"", reason=f"cannot read it ({error.strerror or error})")
    return extract_source(source, data, name=path.name)


def extract_source(source: str, data: bytes, name: str = "", url: str = "", charset: str | None = None) -> _Extracted:
    try:
        return _Extracted(source, data, extract(data, name=name, url=url, charset=charset))
    except ImportRejected as error:
        return _Extracted(source, data, reason=str(error))
    except Exception as error:  # noqa: BLE001 - the boundary where bad input must not stop a batch
        # A page that breaks a parser deep inside (absurd nesting, a broken codec, a library
        # bug on odd markup) is reported like any bad input; the rest of the batch goes on.
        return _Extracted(source, data, reason=f"could not read it ({type(error).__name__}: {error})"[:200])


class ImportService:
    """Imports files, folders and raw bytes into the library.

    Big batches are extracted in `workers` processes started with `start_method`: "fork" is
    quickest and right for the command line; a process running Qt threads must not fork, so
    the window passes "spawn".
    """

    def __init__(self, storage: Storage, workers: int | None = None, start_method: str = "fork") -> None:
        self._storage = storage
        self._workers = workers if workers is not None else min(4, os.cpu_count() or 1)
        self._start_method = start_method
        self._restorer = RestoreService(storage)

    def import_paths(
        self,
        paths: list[str | os.PathLike] | tuple[str | os.PathLike, ...],
        *,
        tags: tuple[str, ...] = (),
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
        fetch: Callable[[str], FetchedPage] = fetch_page,
    ) -> ImportReport:
        """Import every file in `paths` (folders walked) and every web address among them.

        Web pages are fetched (with `fetch`) and imported like saved HTML files, their address
        kept as url and source; one that cannot be fetched is a failure `URL: reason`.
        See ImportReport for the outcome; `progress(done, total, source)` follows both kinds.
        """
        tags = tuple(normalize_tag(tag) for tag in tags)
        urls = [str(path) for path in paths if is_url(str(path))]
        sources, failures = collect_sources(path for path in paths if not is_url(str(path)))
        report = ImportReport(failures=list(failures))
        sources = [source for source in sources if not self._restored(source, report)]
        total = len(sources) + len(urls)
        done = 0
        for extracted in self._extract_all(sources):
            if should_cancel is not None and should_cancel():
                report.cancelled = True
                return report
            self._store(extracted, tags, report)
            done += 1
            if progress is not None:
                progress(done, total, extracted.source)
        for url in urls:
            if should_cancel is not None and should_cancel():
                report.cancelled = True
                return report
            self._fetch_and_store(url, tags, report, fetch)
            done += 1
            if progress is not None:
                progress(done, total, url)
        return report

    def import_bytes(self, data: bytes, *, source: str, name: str = "", url: str = "",
                     tags: tuple[str, ...] = ()) -> ImportReport:
        """Import one source already in memory (pasted text, a dropped page, a fetched URL)."""
        report = ImportReport()
        if len(data) > MAX_SOURCE_BYTES:
            report.failures.append(ImportFailure(source, "the file is larger than 50 MB"))
            return report
        tags = tuple(normalize_tag(tag) for tag in tags)
        self._store(extract_source(source, data, name=name, url=url), tags, report)
        return report

    def _fetch_and_store(self, url: str, tags: tuple[str, ...], report: ImportReport,
                         fetch: Callable[[str], FetchedPage]) -> None:
        try:
            page = fetch(url)
        except FetchError as error:
            report.failures.append(ImportFailure(url, str(error)))
            return
        self._store(extract_source(page.url, page.data, url=page.url, charset=page.charset), tags, report)

    # --- internals ----------------------------------------------------------------------
    def _restored(self, path: Path, report: ImportReport) -> bool:
        """Restore `path` if its content is a Reader backup or other tools' annotations."""
        try:
            outcome = self._restorer.restore_file(path)
        except ReaderError as error:
            report.failures.append(ImportFailure(str(path), str(error)))
            return True
        if outcome is None:
            return False
        report.restored.append(outcome)
        report.imported.extend(ImportedItem(str(path), article) for article in outcome.restored)
        report.failures.extend(ImportFailure(str(path), problem) for problem in outcome.problems)
        return True

    def _extract_all(self, sources: list[Path]) -> Iterator[_Extracted]:
        if len(sources) < PARALLEL_THRESHOLD or self._workers < 2:
            yield from map(read_and_extract, sources)
            return
        context = multiprocessing.get_context(self._start_method)
        done = 0
        try:
            with ProcessPoolExecutor(self._workers, mp_context=context) as pool:
                results = pool.map(read_and_extract, sources, chunksize=2)
                try:
                    for result in results:
                        done += 1
                        yield result
                finally:
                    pool.shutdown(wait=False, cancel_futures=True)
        except (BrokenProcessPool, OSError):
            # A worker died (killed, out of memory, no way to start processes): finish the batch
            # in this process rather than losing it.
            yield from map(read_and_extract, sources[done:])

    def _store(self, extracted: _Extracted, tags: tuple[str, ...], report: ImportReport) -> None:
        if extracted.article is None:
            report.failures.append(ImportFailure(extracted.source, extracted.reason))
            return
        article = extracted.article
        source_hash = hashlib.sha256(extracted.data).hexdigest()
        text_hash = content_hash(article.text)
        existing = self._storage.articles.find_duplicate(source_hash, text_hash)
        if existing is not None:
            report.duplicates.append(DuplicateItem(extracted.source, existing))
            return
        source_path = _source_path(extracted.source)
        previous = previous_version(self._storage, article, source_path)
        if previous is not None:
            try:
                report.updated.append(update_article(
                    self._storage, previous, article, source=extracted.source, data=extracted.data,
                    source_hash=source_hash, text_hash=text_hash, source_path=source_path, tags=tags))
            except ArticleChangedError as error:
                report.failures.append(ImportFailure(extracted.source, str(error)))
            return
        stored = self._storage.articles.add(
            article,
            content_hash=text_hash,
            source_hash=source_hash,
            original=extracted.data,
            source_path=source_path,
            tags=tags,
        )
        report.imported.append(ImportedItem(extracted.source, stored))


def _source_path(source: str) -> str:
    if is_url(source):
        return source  # a fetched page's source is its web address
    path = Path(source)
    return str(path.resolve()) if path.is_absolute() or path.exists() else ""
