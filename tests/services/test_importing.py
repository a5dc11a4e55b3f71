"""Importing files and folders: what is stored, what is skipped and what is reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.services.importing import ImportService, collect_sources


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _article(n: int) -> bytes:
    return f"Headline number {n} for the library\n\nBody paragraph {n} with a few more words.\n".encode()


def test_a_folder_is_walked_and_unknown_files_are_skipped(tmp_path, services):
    folder = tmp_path / "in"
    _write(folder, "a.txt", _article(1))
    _write(folder, "sub/b.md", b"# Markdown Title\n\nText.")
    _write(folder, "sub/c.html", b"<html><body><article><p>" + b"Words of a page. " * 30 + b"</p></article></body></html>")
    _write(folder, "picture.png", b"\x89PNG\r\n\x1a\n")
    _write(folder, ".hidden.txt", _article(9))
    report = services.importer.import_paths([folder])
    assert report.ok
    assert sorted(Path(i.source).name for i in report.imported) == ["a.txt", "b.md", "c.html"]
    assert services.articles.count() == 3


def test_the_same_content_twice_is_a_no_op_that_says_so(tmp_path, services):
    path = _write(tmp_path, "a.txt", _article(1))
    first = services.importer.import_paths([path])
    copy = _write(tmp_path, "copy.txt", _article(1))
    second = services.importer.import_paths([path, copy])
    assert len(first.imported) == 1 and second.imported == []
    assert [d.article.id for d in second.duplicates] == [first.imported[0].article.id] * 2
    assert second.ok and services.articles.count() == 1


def test_bad_files_are_reported_and_the_rest_imported(tmp_path, services):
    folder = tmp_path / "in"
    _write(folder, "good.txt", _article(1))
    _write(folder, "empty.txt", b"")
    _write(folder, "binary.txt", bytes(range(256)) * 10)
    _write(folder, "junk.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 400)
    big = folder / "huge.txt"
    with big.open("wb") as handle:  # sparse: 51 MB on paper, nothing on disk
        handle.truncate(51 * 1024 * 1024)
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    _write(folder, "later.md", b"# Still Imported\n\nAfter all the bad ones.")
    report = services.importer.import_paths([folder, tmp_path / "nowhere.txt"])
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert reasons.keys() == {"empty.txt", "binary.txt", "junk.txt", "huge.txt", "dangling.txt", "nowhere.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "encoding" in reasons["junk.txt"]
    assert "50 MB" in reasons["huge.txt"]
    assert "broken link" in reasons["dangling.txt"]
    assert "no such file" in reasons["nowhere.txt"]
    assert sorted(i.article.title for i in report.imported) == ["Headline number 1 for the library", "Still Imported"]
    assert not report.ok


def test_an_unreadable_file_is_reported(tmp_path, services, monkeypatch):
    good = _write(tmp_path, "good.txt", _article(1))
    locked = _write(tmp_path, "locked.txt", _article(2))
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":  # what a file without read permission does for a normal user
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = services.importer.import_paths([good, locked])
    assert [(Path(f.source).name, f.reason) for f in report.failures] == [
        ("locked.txt", "cannot read it (Permission denied)")]
    assert len(report.imported) == 1


def test_an_unexpected_parser_failure_is_reported_not_raised(tmp_path, services, monkeypatch):
    import reader.services.importing as importing

    def explode(data, name="", url="", charset=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(importing, "extract", explode)
    report = services.importer.import_paths([_write(tmp_path, "deep.html", b"<div>" * 10)])
    assert report.failures[0].reason.startswith("could not read it (RecursionError")


def test_tags_given_on_import_are_applied(tmp_path, services):
    report = services.importer.import_paths([_write(tmp_path, "a.txt", _article(1))], tags=("inbox", "To/Read"))
    assert services.articles.get(report.imported[0].article.id).tags == ("inbox", "To/Read")


def test_big_batches_use_worker_processes_and_give_the_same_result(tmp_path, services):
    folder = tmp_path / "many"
    for n in range(14):
        _write(folder, f"{n:02}.txt", _article(n))
    progress = []
    report = ImportService(services.storage, workers=2).import_paths(
        [folder], progress=lambda done, total, source: progress.append((done, total)))
    assert [i.article.title for i in report.imported] == [f"Headline number {n} for the library" for n in range(14)]
    assert progress[-1] == (14, 14) and len(progress) == 14


def test_cancelling_stops_the_batch_and_keeps_what_was_stored(tmp_path, services):
    folder = tmp_path / "many"
    for n in range(5):
        _write(folder, f"{n}.txt", _article(n))
    calls = []
    report = services.importer.import_paths([folder], should_cancel=lambda: len(calls) >= 2,
                                            progress=lambda *a: calls.append(a))
    assert report.cancelled and len(report.imported) == 2
    assert services.articles.count() == 2


def test_collect_reports_missing_paths_without_touching_others(tmp_path):
    _write(tmp_path, "a.txt", b"x")
    sources, failures = collect_sources([tmp_path, tmp_path / "missing"])
    assert [p.name for p in sources] == ["a.txt"] and failures[0].reason == "no such file or folder"


@pytest.mark.parametrize("content", [b"\xff\xfe" + "Titre accentu\u00e9 du document\n\nTexte.".encode("utf-16-le")])
def test_utf16_with_bom_imports(tmp_path, services, content):
    report = services.importer.import_paths([_write(tmp_path, "u16.txt", content)])
    assert report.imported[0].article.title == "Titre accentu\u00e9 du document"
