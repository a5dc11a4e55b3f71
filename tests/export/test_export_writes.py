"""Writing an export's files: a failure stays with its file, never half a file, and the manifest stays right."""

from __future__ import annotations

import errno
import hashlib
import json
import os

import reader.services.export_folder as export_folder
from reader.services.export import FileStatus
from reader.services.export_folder import MANIFEST_NAME, write_atomically


def _manifest(folder) -> dict[str, str | None]:
    return {e["file"]: e["sha256"] for e in json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["files"]}


def _real_files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_write_that_fails_is_reported_for_its_file_and_the_others_are_written(services, rich_library, tmp_path,
                                                                                monkeypatch):
    out = tmp_path / "vault"
    title = services.articles.get(rich_library.foxes).title
    real_write = os.write

    def disk_full_for_foxes(descriptor, data):
        if f"reader_id: {rich_library.foxes}\n".encode() in bytes(data):
            real_write(descriptor, bytes(data)[:10])  # half a file, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(descriptor, data)

    monkeypatch.setattr(export_folder.os, "write", disk_full_for_foxes)
    report = services.exports.export_markdown(out)
    monkeypatch.undo()
    statuses = {item.article_id: (item.status, item.reason) for item in report.files}
    assert statuses == {rich_library.seed: (FileStatus.CREATED, ""),
                        rich_library.foxes: (FileStatus.FAILED, "cannot write it (No space left on device)")}
    assert not report.ok
    (failed,) = report.with_status(FileStatus.FAILED)
    assert failed.title == title and failed.path.parent == out and not failed.path.exists()
    (written,) = report.with_status(FileStatus.CREATED)
    assert _real_files(out) == sorted([MANIFEST_NAME, written.path.name])  # no temporary file left
    assert _manifest(out)[failed.path.name] is None and _manifest(out)[written.path.name]

    again = services.exports.export_markdown(out)  # the disk has room again: the failed file is made
    assert {item.article_id: item.status for item in again.files} == {
        rich_library.seed: FileStatus.UNCHANGED, rich_library.foxes: FileStatus.CREATED}
    assert again.ok and failed.path.read_bytes().startswith(b"---\n") and all(_manifest(out).values())


def test_a_rename_that_fails_leaves_the_old_file_whole(services, rich_library, tmp_path, monkeypatch):
    out = tmp_path / "vault"
    first = services.exports.export_markdown(out)
    path = next(item.path for item in first.files if item.article_id == rich_library.seed)
    before = path.read_bytes()
    services.articles.edit(rich_library.seed, title="Renamed at last")
    real_replace = os.replace

    def refuse(source, target):
        if os.path.basename(target) == path.name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_replace(source, target)

    monkeypatch.setattr(export_folder.os, "replace", refuse)
    report = services.exports.export_markdown(out)
    monkeypatch.undo()
    (failed,) = report.with_status(FileStatus.FAILED)
    assert failed.path == path and failed.reason == "cannot write it (Permission denied)"
    assert path.read_bytes() == before and not [p for p in _real_files(out) if p.endswith(".tmp")]
    updated = services.exports.export_markdown(out)  # the manifest still knows the old bytes were ours
    assert {item.path: item.status for item in updated.files}[path] is FileStatus.UPDATED
    assert "# Renamed at last" in path.read_text(encoding="utf-8")


def test_short_writes_still_write_every_byte(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(export_folder.os, "write", lambda descriptor, data: real_write(descriptor, data[:7]))
    data = "ünïcode and more than seven bytes\n".encode() * 50
    write_atomically(tmp_path / "file.md", data)
    assert (tmp_path / "file.md").read_bytes() == data and _real_files(tmp_path) == ["file.md"]


def test_a_file_deleted_since_the_last_export_is_made_again(services, rich_library, tmp_path):
    out = tmp_path / "vault"
    first = services.exports.export_markdown(out)
    gone = first.files[0].path
    gone.unlink()
    report = services.exports.export_markdown(out)
    assert {item.path: item.status for item in report.files} == {
        gone: FileStatus.CREATED, first.files[1].path: FileStatus.UNCHANGED}
    assert _manifest(out)[gone.name] == hashlib.sha256(gone.read_bytes()).hexdigest()


def test_each_report_item_names_its_file_in_the_folder(services, rich_library, tmp_path):
    report = services.exports.export_markdown(tmp_path / "vault")
    assert [(item.folder, item.path) for item in report.files] == [
        (tmp_path / "vault", tmp_path / "vault" / item.file) for item in report.files]
    assert {item.file for item in report.files} == set(_manifest(tmp_path / "vault"))
