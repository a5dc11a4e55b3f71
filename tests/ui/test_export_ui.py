"""File > Export and Preferences from the window."""

from __future__ import annotations

from pathlib import Path

import yaml

from reader.ui.export_dialog import JSON, MARKDOWN, ExportDialog, ExportRequest
from reader.ui.preferences import PreferencesDialog


def test_exporting_the_open_article_to_markdown_uses_the_colour_names(make_window, library, qtbot, tmp_path,
                                                                       monkeypatch):
    window = make_window(library)
    window.library.filter_edit.setText("officials")
    article = window.controller.article
    library.annotations.highlight_quote(article.id, "Green Zone compound", color="pink", note="Where exactly?")
    chosen = window.settings
    chosen.color_names["pink"] = "disagree"
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, parent, settings: chosen))
    window.actions.preferences.trigger()

    folder = tmp_path / "notes"
    seen = {}

    def ask(cls, parent, **choices):
        seen.update(choices)
        return ExportRequest(MARKDOWN, folder, (choices["open_id"],))

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(window.jobs.finished, timeout=30000):
        window.actions.export.trigger()
    assert seen["open_id"] == article.id
    (written,) = [p for p in folder.iterdir() if p.suffix == ".md"]
    text = written.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert front["title"] == article.title and front["reader_id"] == article.id
    assert "Green Zone compound" in text and "Where exactly?" in text and "disagree" in text
    assert "1 written" in window.status.currentMessage()
    assert window.settings.last_export_folder == str(folder)


def test_a_json_backup_from_the_window(make_window, library, qtbot, tmp_path, monkeypatch):
    window = make_window(library)
    target = tmp_path / "backup.json"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, parent, **c: ExportRequest(JSON, target)))
    with qtbot.waitSignal(window.jobs.finished, timeout=30000):
        window.actions.export.trigger()
    assert target.exists() and "Backed up 4 articles" in window.status.currentMessage()
    assert window.settings.last_export_folder == str(tmp_path)  # its folder, not the file


def test_a_failed_export_does_not_become_the_proposed_folder(make_window, library, qtbot, tmp_path, monkeypatch):
    window = make_window(library)
    window.settings.last_export_folder = str(tmp_path)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, parent, **c: ExportRequest(MARKDOWN, blocked)))
    shown = []
    monkeypatch.setattr("reader.ui.background.QMessageBox.warning", lambda *args: shown.append(args[2]))
    with qtbot.waitSignal(window.jobs.failed, timeout=30000):
        window.actions.export.trigger()
    assert shown and "is a file" in shown[0]
    assert window.settings.last_export_folder == str(tmp_path)


def test_the_export_dialog_builds_the_request(qtbot, tmp_path):
    dialog = ExportDialog(None, open_id=3, selected_ids=[3, 5], tags=["news", "world/iran"], group_by_color=True,
                          last_folder="")
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()  # no destination yet
    dialog.selected_articles.setChecked(True)
    dialog.destination.setText(str(tmp_path))
    assert dialog.export_button.isEnabled()
    assert dialog.request() == ExportRequest(MARKDOWN, Path(tmp_path), (3, 5), None, True, False)
    dialog.tagged_articles.setChecked(True)
    dialog.tag_combo.setCurrentText("world/iran")
    dialog.json.setChecked(True)
    assert not dialog.group_by_color.isEnabled()
    assert dialog.request() == ExportRequest(JSON, Path(tmp_path), (), "world/iran", True, False)
