"""Exports run with the garbage collector paused, and leave it as they found it however they end."""

from __future__ import annotations

import gc
import threading

import pytest

from reader.exporters.markdown import TemplateProblem
from reader.services.collector import collector_paused


@pytest.fixture
def collector_enabled():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_during_an_export_and_back_after(services, rich_library, tmp_path,
                                                                   collector_enabled):
    seen = []
    report = services.exports.export_markdown(tmp_path / "vault", progress=lambda *_: seen.append(gc.isenabled()))
    assert report.ok and seen == [False, False]
    assert gc.isenabled()


def test_a_template_failing_half_way_leaves_the_collector_on(services, rich_library, tmp_path, collector_enabled):
    template = tmp_path / "fails.md.j2"
    # The seed renders; the foxes article (exported second) divides by zero on line 2.
    template.write_text(f"{{{{ article.title }}}}\n{{{{ 1 // (article.id - {rich_library.foxes}) }}}}\n",
                        encoding="utf-8")
    with pytest.raises(TemplateProblem, match="line 2"):
        services.exports.export_markdown(tmp_path / "vault", template=template)
    assert gc.isenabled()
    assert len(list((tmp_path / "vault").glob("*.md"))) == 1  # it did fail half-way
    with pytest.raises(TemplateProblem):
        services.exports.export_markdown(tmp_path / "other", template=tmp_path / "missing.j2")
    assert gc.isenabled()


def test_a_cancelled_export_leaves_the_collector_on(services, rich_library, tmp_path, collector_enabled):
    assert services.exports.export_markdown(tmp_path / "vault", should_cancel=lambda: True).cancelled
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(services, rich_library, tmp_path, collector_enabled):
    gc.disable()
    services.exports.export_markdown(tmp_path / "vault")
    assert not gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert not gc.isenabled()


def test_overlapping_pauses_restore_the_collector_when_the_last_ends(collector_enabled):
    first_in, first_may_end = threading.Event(), threading.Event()
    states = {}

    def first():
        with collector_paused():
            first_in.set()
            first_may_end.wait(5)
        states["after first"] = gc.isenabled()

    thread = threading.Thread(target=first)
    thread.start()
    assert first_in.wait(5)
    with collector_paused():
        states["inside both"] = gc.isenabled()
    states["after second, first running"] = gc.isenabled()
    first_may_end.set()
    thread.join(5)
    assert states == {"inside both": False, "after second, first running": False, "after first": True}
    assert gc.isenabled()
