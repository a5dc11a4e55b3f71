"""The sample articles come in once, the first time the window opens an empty library."""

from __future__ import annotations

from reader.services.seeding import SEEDED_MARKER, seed_if_new
from reader.shipped import seeds_folder


def test_an_empty_library_is_seeded_once(services, data_dir):
    report = seed_if_new(data_dir, services.importer, services.articles.count(), seeds_folder())
    assert [item.article.title for item in report.imported] == [
        "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans in Iraq"]
    assert (data_dir / SEEDED_MARKER).exists()
    services.articles.delete(report.imported[0].article.id)
    # the user deleted the sample: it does not come back
    assert seed_if_new(data_dir, services.importer, services.articles.count(), seeds_folder()) is None
    assert services.articles.count() == 0


def test_a_library_with_articles_is_not_seeded(services, data_dir, tmp_path):
    own = tmp_path / "mine.md"
    own.write_text("# Mine\n\ntext", encoding="utf-8")
    services.importer.import_paths([own])
    report = seed_if_new(data_dir, services.importer, services.articles.count(), seeds_folder())
    assert report is None and services.articles.count() == 1
