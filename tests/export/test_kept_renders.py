"""Markdown exports reuse the renders the library kept, and what they write is always what a fresh render gives."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from search_helpers import bulk_articles

import reader.exporters.markdown_default as markdown_default
from reader.domain.colors import PALETTE
from reader.exporters.markdown import MarkdownExporter
from reader.services.export_folder import MANIFEST_NAME
from reader.storage.export_renders import ExportRenders


def _fresh(services, article_id: int) -> str:
    """The article's Markdown rendered now, from the library as it is (`markdown` keeps nothing)."""
    return services.exports.markdown(article_id)


def _exported(report) -> dict[int, str]:
    return {item.article_id: item.path.read_text(encoding="utf-8") for item in report.files}


@pytest.fixture
def renders_counted(monkeypatch):
    """How many articles each export renders (rather than takes from the library)."""
    counts: list[int] = []
    real = MarkdownExporter.render

    def counting(self, *args, **kwargs):
        counts[-1] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(MarkdownExporter, "render", counting)
    return counts


def _export(services, folder, counts=None, **options):
    if counts is not None:
        counts.append(0)
    report = services.exports.export_markdown(folder, **options)
    assert report.ok
    return report


def test_a_second_export_renders_nothing_and_writes_the_same_bytes(services, rich_library, tmp_path, renders_counted):
    first = _export(services, tmp_path / "one", renders_counted)
    second = _export(services, tmp_path / "two", renders_counted)
    assert renders_counted == [2, 0]
    assert _exported(first) == _exported(second) == {a: _fresh(services, a) for a in _exported(first)}
    manifest = json.loads((tmp_path / "two" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert {entry["file"]: entry["sha256"] for entry in manifest["files"]} == {
        item.file: hashlib.sha256(item.path.read_bytes()).hexdigest() for item in second.files}


def test_only_the_changed_article_is_rendered_again(services, rich_library, tmp_path, renders_counted):
    _export(services, tmp_path / "one", renders_counted)
    services.annotations.update(rich_library.highlights["fox"], note="Renamed in a *note*")
    report = _export(services, tmp_path / "two", renders_counted)
    assert renders_counted == [2, 1]
    assert "Renamed in a *note*" in _exported(report)[rich_library.foxes]
    assert _exported(report) == {a: _fresh(services, a) for a in _exported(report)}


def test_colour_names_and_grouping_are_part_of_what_is_kept(services, rich_library, tmp_path, renders_counted):
    _export(services, tmp_path / "one", renders_counted)
    settings = services.settings.load()
    services.settings.save(replace(settings, color_names={**settings.color_names, "green": "Key point"}))
    named = _exported(_export(services, tmp_path / "two", renders_counted))
    grouped = _exported(_export(services, tmp_path / "three", renders_counted, group_by_color=True))
    assert renders_counted == [2, 2, 2]
    assert "Colour: green (Key point)" in named[rich_library.foxes]
    assert "## Key point" in grouped[rich_library.foxes]
    assert grouped == {a: services.exports.markdown(a, group_by_color=True) for a in grouped}


def test_a_users_template_renders_every_time_and_keeps_nothing(services, rich_library, tmp_path, renders_counted):
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ article.title }} read {{ article.read }}\n", encoding="utf-8")
    for folder in ("one", "two"):
        _export(services, tmp_path / folder, renders_counted, template=template)
    assert renders_counted == [2, 2]
    with sqlite3.connect(services.storage.database.path) as library:
        assert library.execute("SELECT count(*) FROM export_renders WHERE markdown IS NOT NULL").fetchone() == (0,)


def test_an_export_in_a_busy_library_writes_every_file_without_keeping_renders(services, rich_library, tmp_path,
                                                                             renders_counted):
    other = sqlite3.connect(services.storage.database.path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock for the whole export
    try:
        report = _export(services, tmp_path / "one", renders_counted)
    finally:
        other.rollback()
        other.close()
    _export(services, tmp_path / "two", renders_counted)
    assert renders_counted == [2, 2]  # nothing was kept the first time
    assert _exported(report) == {a: _fresh(services, a) for a in _exported(report)}


def test_a_change_made_while_an_export_reads_is_not_kept_in_an_old_render(services, rich_library, tmp_path,
                                                                          renders_counted, monkeypatch):
    rows = services.storage.export_rows
    real_articles = rows.articles

    def articles_then_an_edit(*args, **kwargs):
        found = real_articles(*args, **kwargs)
        services.articles.edit(rich_library.foxes, title="Retitled while the export ran")
        return found

    monkeypatch.setattr(rows, "articles", articles_then_an_edit)
    first = _exported(_export(services, tmp_path / "one", renders_counted))
    monkeypatch.setattr(rows, "articles", real_articles)
    assert "Retitled" not in first[rich_library.foxes]  # rendered from what was read before the edit
    second = _exported(_export(services, tmp_path / "two", renders_counted))
    assert renders_counted == [2, 1]  # that render was not kept; the other article's was
    assert "# Retitled while the export ran" in second[rich_library.foxes]
    assert second == {a: _fresh(services, a) for a in second}


def test_an_export_in_a_busy_library_tries_to_keep_renders_once(services, tmp_path, monkeypatch):
    bulk_articles(services.storage, [f"Text {n}" for n in range(450)])  # three batches of articles
    attempts: list[bool] = []
    real_keep = ExportRenders.keep
    monkeypatch.setattr(ExportRenders, "keep", lambda self, *args: attempts.append(real_keep(self, *args))
                        or attempts[-1])
    other = sqlite3.connect(services.storage.database.path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    try:
        report = _export(services, tmp_path / "one")
    finally:
        other.rollback()
        other.close()
    assert len(report.files) == 450 and attempts == [False]  # each attempt waits: only one


def test_the_layout_key_changes_with_the_layouts_code_where_the_samples_do_not_show_it(tmp_path):
    source = Path(markdown_default.__file__).read_text(encoding="utf-8")
    changed = tmp_path / "markdown_default_changed.py"
    # A change no sample shows (here none at all, as if it were in a branch they miss).
    changed.write_text(source + "\n# changed\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("markdown_default_changed", changed)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sample = module._SAMPLE, module._SAMPLE_HIGHLIGHTS, {}, False
    assert module.render_default(*sample) == markdown_default.render_default(*sample)
    assert module.layout_key({}, False) != markdown_default.layout_key({}, False)


def test_the_layout_key_follows_the_code_that_renders(monkeypatch):
    exporter = MarkdownExporter()
    before = exporter.layout_key({}, False)
    assert before == exporter.layout_key({}, False)
    assert len({before, exporter.layout_key({}, True), exporter.layout_key({"pink": "Doubt"}, False)}) == 3
    monkeypatch.setattr(markdown_default, "_ORPHAN_LINE", " · lost")  # as if the layout's code changed
    assert exporter.layout_key({}, False) != before


@pytest.mark.parametrize("seed", range(4))
def test_after_any_edits_an_export_writes_what_a_fresh_render_gives(services, rich_library, tmp_path, seed):
    """Random edits through the services, an export after each: every file equals a fresh render."""
    rng = random.Random(seed)
    articles = [rich_library.seed, rich_library.foxes]
    quotes = {rich_library.seed: ("Reuters", "senior administration"), rich_library.foxes: ("hedgehog", "fox")}

    def some_highlight() -> int | None:
        ids = [h.id for a in articles for h in services.annotations.highlights(a)]
        return rng.choice(ids) if ids else None

    def edit() -> None:
        kind = rng.randrange(9)
        article = rng.choice(articles)
        highlight = some_highlight()
        if kind == 0:
            services.articles.edit(article, title=f"Title {rng.random():.6f} *x*")
        elif kind == 1:
            services.articles.set_tags(article, rng.sample(["a", "b/c", "d e", "Ünï"], 2))
        elif kind == 2:
            services.articles.set_note(article, rng.choice(["", "A *note*", "```\nopen"]))
        elif kind == 3 and highlight is not None:
            services.annotations.update(highlight, note=rng.choice(["", "n1", "> quoted"]),
                                        color=rng.choice(PALETTE), tags=tuple(rng.sample(["x", "y/z", "b/c"], 2)))
        elif kind == 4 and highlight is not None:
            services.annotations.delete(highlight)
        elif kind == 5:
            services.annotations.highlight_quote(article, rng.choice(quotes[article]), color=rng.choice(PALETTE))
        elif kind == 6:
            names = [tag.name for tag in services.storage.tags.counts()]
            if names:
                services.tags.rename(rng.choice(names), rng.choice(["renamed", "b/c", "x/new"]))
        elif kind == 7:
            settings = services.settings.load()
            services.settings.save(replace(settings, color_names={**settings.color_names,
                                                                  rng.choice(PALETTE): rng.choice(["", "Key"])}))
        else:
            services.articles.set_read(article, rng.random() < 0.5)

    for step in range(25):
        edit()
        report = _export(services, tmp_path / f"step-{step}")
        assert _exported(report) == {a: _fresh(services, a) for a in articles}, f"after step {step}"
