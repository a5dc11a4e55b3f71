"""A folder of exported Markdown files, and the manifest that makes re-exports safe.

The manifest (`.reader-export.json` in the folder) remembers, for each article, the file
name it was given and a hash of the bytes Reader wrote. So a re-export
- keeps each article's file name, even when its title has changed (links in the note app
  keep working; delete the file to have it named from the new title),
- leaves files whose content would not change untouched (same bytes, same mtime),
- updates files whose article changed, in place,
- and keeps a file the user edited since (its hash no longer matches) unless forced.
Files are written through a temporary file and a rename, never through a link, and only
under names made here, so nothing is ever written outside the folder. The folder is listed
once, when the export begins: a name that was not in it is written without being read first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import json.encoder
import os
import secrets
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from reader.domain.errors import ReaderError
from reader.domain.export_records import ExportArticle
from reader.exporters.filenames import is_plain_name, name_key, safe_stem, unique_name

MANIFEST_NAME = ".reader-export.json"
_MANIFEST_KEY = name_key(MANIFEST_NAME)
MANIFEST_FORMAT = 1
SUFFIX = ".md"
MANIFEST_NOTE = ("Written by Reader's Markdown export: which file holds which article, and a hash of "
                 "what was written, so re-exports update files in place and keep files you edited.")


class FileStatus(StrEnum):
    """What an export did with one article's file."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OVERWRITTEN = "overwritten"  # edited by the user since the last export, replaced (force)
    KEPT = "kept"  # edited by the user since the last export, left as it is
    FAILED = "failed"


@dataclass(frozen=True)
class ExportedFile:
    """One article's file in the folder and what happened to it."""

    article_id: int
    title: str
    folder: Path
    file: str  # the file's name in `folder`
    status: FileStatus
    reason: str = ""

    @cached_property
    def path(self) -> Path:
        # Made when asked for: a thousand Paths cost more than the rest of an export's bookkeeping.
        return self.folder / self.file


@dataclass
class ManifestEntry:
    """Which file of the folder holds which article, and a hash of what Reader last wrote there."""

    file: str
    article_id: int
    article_uid: str
    sha256: str | None  # of the bytes Reader last wrote; None when the file is the user's


def write_atomically(path: str | Path, data: bytes, *, temporary: str | None = None) -> None:
    """Write `path` through a new temporary file and a rename: never half a file, never through a link.

    `temporary` names that file (in the same folder, not existing); by default a random name
    beside `path`.
    """
    if temporary is None:
        folder, name = os.path.split(os.fspath(path))
        temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # mode as umask says
    try:
        try:
            view = memoryview(data)  # os.write rather than a file object: no buffer to set up and flush
            while view:
                view = view[os.write(descriptor, view):]
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def manifest_text(entries: Sequence[ManifestEntry]) -> str:
    """The manifest of `entries`: what `json.dumps({"format", "note", "files"}, ensure_ascii=False,
    indent=2)` gives, plus a newline, written out here because json's indenting encoder is pure
    Python (10 ms for 1,000 files, and every re-export builds it to see whether it changed)."""
    quote = json.encoder.encode_basestring  # json.dumps' own quoting of a str with ensure_ascii=False
    files = ",\n".join(
        f'    {{\n      "file": {quote(e.file)},\n      "article_id": {int(e.article_id)},\n'
        f'      "article_uid": {quote(e.article_uid)},\n'
        f'      "sha256": {"null" if e.sha256 is None else quote(e.sha256)}\n    }}'
        for e in entries
    )
    listed = "[\n" + files + "\n  ]" if entries else "[]"
    return f'{{\n  "format": {MANIFEST_FORMAT},\n  "note": {quote(MANIFEST_NOTE)},\n  "files": {listed}\n}}\n'


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ExportFolder:
    """Writes articles' Markdown into one folder, keeping the manifest; call `save` at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder).expanduser().absolute()
        self._root = str(self.folder)
        # Temporary files are named from one random token and a count: a token for each file cost
        # 1-2 ms of the 18 that an export of 1,000 unchanged articles takes.
        self._temporary = f"{self._root}{os.sep}.reader-export.{secrets.token_hex(4)}."
        self._written = 0
        self.warnings: list[str] = []
        if self.folder.exists() and not self.folder.is_dir():
            raise ReaderError(f"{self.folder} is a file; Markdown export needs a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._existing = {name_key(name): name for name in os.listdir(self.folder)}
        except OSError as error:
            raise ReaderError(f"cannot use the folder {self.folder}: {error.strerror or error}") from None
        self._entries: dict[str, ManifestEntry] = {}
        self._loaded = self._load()
        self._claimed = {name_key(entry.file) for entry in self._entries.values()}  # names given to articles

    # --- the manifest --------------------------------------------------------------------
    def _load(self) -> str:
        path = self.folder / MANIFEST_NAME
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""
        except (OSError, UnicodeDecodeError) as error:
            self.warnings.append(f"{path}: cannot read the export manifest ({error}); existing files are kept")
            return ""
        try:
            data = json.loads(raw)
            entries = data["files"]
            names = {_MANIFEST_KEY}
            for item in entries:
                digest = item.get("sha256")  # anything but a hash matches no file: as if none
                entry = ManifestEntry(str(item["file"]), int(item["article_id"]),
                                      str(item.get("article_uid", "")), digest if isinstance(digest, str) else None)
                if is_plain_name(entry.file) and name_key(entry.file) not in names:  # one article per file
                    names.add(name_key(entry.file))
                    self._entries[entry.article_uid or f"id:{entry.article_id}"] = entry
        except (ValueError, TypeError, KeyError, AttributeError):
            self.warnings.append(f"{path}: the export manifest is damaged; existing files are kept")
        return raw

    def save(self) -> None:
        """Write the manifest if anything in it changed (an export that changed nothing touches nothing)."""
        text = manifest_text(sorted(self._entries.values(), key=lambda e: (name_key(e.file), e.article_id)))
        if text != self._loaded:
            try:
                write_atomically(self.folder / MANIFEST_NAME, text.encode("utf-8"))
            except OSError as error:
                raise ReaderError(f"{self.folder / MANIFEST_NAME}: cannot write the export's manifest "
                                  f"({error.strerror or error})") from None
            self._loaded = text

    # --- files ---------------------------------------------------------------------------
    def write(self, article: ExportArticle, content: str, *, force: bool = False,
              digest: str | None = None) -> ExportedFile:
        """Put `content` in the article's file unless the user edited that file (see the module).

        `digest`, if known, is the SHA-256 of `content` as UTF-8 (see `sha256`).
        """
        data = content.encode("utf-8")
        digest = digest or sha256(data)
        key = article.uid or f"id:{article.id}"
        entry = self._entries.get(key) or self._entries.pop(f"id:{article.id}", None)
        if entry is not None and not self._is_regular(entry.file):
            entry = None  # the file became a folder or a link: it is not ours to write any more
        if entry is None:
            entry = ManifestEntry(self._new_name(article), article.id, article.uid, None)
            self._claimed.add(name_key(entry.file))
        entry.article_id, entry.article_uid = article.id, article.uid
        self._entries[key] = entry
        name = entry.file
        if not name or name in {".", ".."} or os.sep in name or (os.altsep and os.altsep in name):
            # cannot happen with names from safe_stem or from a manifest (is_plain_name); a last guard
            raise ReaderError(f"refusing to write {name!r}: it is not a file name in {self.folder}")
        path = f"{self._root}{os.sep}{name}"  # strings: pathlib cost more than the checks here
        listed = name_key(name)
        current = None  # never written, or deleted by the user: (re)created
        if listed in self._existing:  # else not in the folder when the export began: nothing to read
            try:
                with open(path, "rb") as stream:
                    current = stream.read()
            except FileNotFoundError:
                pass
            except OSError as error:
                return self._result(article, name, FileStatus.FAILED, f"cannot read it ({error.strerror or error})")
        if current is not None and current == data:
            entry.sha256 = digest
            return self._result(article, name, FileStatus.UNCHANGED)
        if current is None:
            status = FileStatus.CREATED
        elif entry.sha256 is not None and sha256(current) == entry.sha256:
            status = FileStatus.UPDATED
        elif force:
            status = FileStatus.OVERWRITTEN
        else:
            return self._result(article, name, FileStatus.KEPT,
                                "edited since the last export; kept (use --force to overwrite it)")
        self._written += 1
        try:
            write_atomically(path, data, temporary=f"{self._temporary}{self._written}.tmp")
        except OSError as error:
            return self._result(article, name, FileStatus.FAILED, f"cannot write it ({error.strerror or error})")
        entry.sha256 = digest
        self._existing[listed] = name
        return self._result(article, name, status)

    def _result(self, article: ExportArticle, name: str, status: FileStatus, reason: str = "") -> ExportedFile:
        return ExportedFile(article.id, article.title, self.folder, name, status, reason)

    def _exists(self, name: str) -> bool:
        return name_key(name) in self._existing

    def _is_regular(self, name: str) -> bool:
        """True unless `name` is in the folder as something else than a plain file (a link, a folder)."""
        if not self._exists(name):
            return True
        try:
            return stat.S_ISREG(os.lstat(os.path.join(self._root, name)).st_mode)  # a link is not followed
        except (FileNotFoundError, NotADirectoryError):
            return False

    def _new_name(self, article: ExportArticle) -> str:
        """A name from the title, unique in the folder ignoring case; a file of this article
        left by an export whose manifest was lost is taken back (and then kept if it differs)."""
        def taken(name: str) -> bool:
            key = name_key(name)
            if key in self._claimed or key == _MANIFEST_KEY:
                return True
            existing = self._existing.get(key)
            return existing is not None and not self._written_for(existing, article)

        name = unique_name(safe_stem(article.title), SUFFIX, taken)
        return self._existing.get(name_key(name), name)

    def _written_for(self, name: str, article: ExportArticle) -> bool:
        """True if the file's front matter says it is this article's export (`reader_id`)."""
        import yaml  # only for a folder whose manifest was lost

        path = self.folder / name
        if path.is_symlink() or not path.is_file():
            return False
        try:
            with path.open("r", encoding="utf-8") as stream:
                head = stream.read(16384)
            if not head.startswith("---\n"):
                return False
            front = yaml.safe_load(head[4:].split("\n---", 1)[0])
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return False
        return isinstance(front, dict) and front.get("reader_id") == article.id
