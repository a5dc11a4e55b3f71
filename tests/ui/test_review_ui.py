"""Highlights that need review after a re-import: listed, re-attached by selecting, undoable."""

from __future__ import annotations

from reading_data import drag

from reader.domain.models import AnchorState

V1 = ("# A Changing Story\n\nThe mayor said the bridge would open in March after the final inspection.\n\n"
      "Residents welcomed the news and planned a small celebration by the river.\n")
V2 = ("# A Changing Story\n\nThe mayor said the bridge would open in April, later than planned.\n\n"
      "Residents welcomed the news and planned a small celebration by the river.\n")


def _orphaned(window, tmp_path, qtbot, quote: str, note: str = ""):
    """Import V1, highlight `quote`, then re-import V2 (which drops it) through the window."""
    services = window.services
    story = tmp_path / "story.md"
    story.write_text(V1, encoding="utf-8")
    article = services.importer.import_paths([story]).imported[0].article
    services.annotations.highlight_quote(article.id, quote, note=note)
    window.events.highlights_changed.emit(article.id)
    story.write_text(V2, encoding="utf-8")
    with qtbot.waitSignal(window.jobs.finished, timeout=30000) as blocker:
        window.imports.import_paths([str(story)])  # as File > Import does
    assert [item.article.id for item in blocker.args[0].updated] == [article.id]
    return article


def test_an_orphan_is_shown_for_review_and_reattached_to_a_selection(make_window, tmp_path, qtbot):
    window = make_window()
    services = window.services
    _orphaned(window, tmp_path, qtbot, "open in March after the final inspection", note="Check the date")
    assert window.controller.article.text.count("April") == 1  # the open article shows the new text

    sidebar = window.sidebar
    (orphan,) = sidebar.model.highlights()
    assert orphan.anchor_state is AnchorState.ORPHAN and orphan.note == "Check the date"
    assert "1 need review" in sidebar.highlights_title.text()
    assert window.reading.view.highlights() == [] or all(
        h.anchor_state is AnchorState.ORPHAN for h in window.reading.view.highlights())

    sidebar.select_highlight(orphan.id, emit=True)
    editor = sidebar.editor()
    assert editor.reattach_button.isVisible() and editor.review_label.isVisible()
    text = window.controller.article.text
    start = text.index("open in April")
    drag(qtbot, window.reading.view, start + 1, start + len("open in April") - 1)
    editor.reattach_button.click()
    placed = services.annotations.get(orphan.id)
    assert (placed.quote, placed.anchor_state, placed.note) == ("open in April", AnchorState.EXACT, "Check the date")
    assert "need review" not in sidebar.highlights_title.text()
    assert [h.id for h in window.reading.view.highlights() if h.anchor_state is not AnchorState.ORPHAN] == [orphan.id]

    window.undo_stack.undo()
    assert services.annotations.get(orphan.id).anchor_state is AnchorState.ORPHAN
    assert "1 need review" in sidebar.highlights_title.text()


def test_reattach_without_a_selection_says_what_to_do(make_window, tmp_path, qtbot):
    window = make_window()
    services = window.services
    _orphaned(window, tmp_path, qtbot, "after the final inspection")
    (orphan,) = window.sidebar.model.highlights()
    window.sidebar.select_highlight(orphan.id, emit=True)
    window.sidebar.editor().reattach_button.click()
    assert "Select the passage" in window.status.currentMessage()
    assert services.annotations.get(orphan.id).anchor_state is AnchorState.ORPHAN
