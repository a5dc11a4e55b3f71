"""File > Export and Preferences from the window."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

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
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, parent, settings, **_: chosen))
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


def test_a_failed_export_opens_the_dialog_again_on_the_same_choices(make_window, library, qtbot, tmp_path,
                                                                     monkeypatch):
    window = make_window(library)
    window.settings.last_export_folder = str(tmp_path)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    failing = ExportRequest(MARKDOWN, blocked, (), None, True, True)
    asked = []

    def ask(cls, parent, **choices):
        asked.append(choices)
        return failing if len(asked) == 1 else None  # then the user cancels the dialog shown again

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    boxes = []
    monkeypatch.setattr("reader.ui.background.QMessageBox.warning", lambda *args: boxes.append(args[2]))
    with qtbot.waitSignal(window.jobs.failed, timeout=30000):
        window.actions.export.trigger()
    assert len(asked) == 2
    first, again = asked
    assert first["previous"] is None and not first["error"]
    assert again["previous"] == failing  # every choice kept ...
    assert again["error"].startswith("The export failed:") and "is a file" in again["error"]
    assert {k: v for k, v in again.items() if k not in ("previous", "error")} == \
        {k: v for k, v in first.items() if k not in ("previous", "error")}  # ... over the same articles and tags
    assert boxes == []  # one message, in the dialog: no box before it
    assert window.settings.last_export_folder == str(tmp_path)  # a failed destination is not proposed next time


@pytest.mark.parametrize("previous", [
    ExportRequest(MARKDOWN, Path("/notes/a"), (3,), None, True, True),
    ExportRequest(MARKDOWN, Path("/notes/b"), (3, 5), None, False, False),
    ExportRequest(JSON, Path("/backups/all.json"), (), None, False, False),
    ExportRequest(JSON, Path("/backups/iran.json"), (), "world/iran", True, False),
], ids=["open", "selected", "all", "tagged"])
def test_the_export_dialog_opens_on_an_earlier_request_and_shows_why_it_failed(qtbot, previous):
    choices = dict(open_id=3, selected_ids=[3, 5], tags=["news", "world/iran"], group_by_color=False,
                   last_folder="/elsewhere")
    dialog = ExportDialog(None, **choices, previous=previous, error="The export failed: cannot write /notes")
    qtbot.addWidget(dialog)
    assert dialog.request() == previous
    error = dialog.findChild(QLabel, "export_error")
    assert error.isVisibleTo(dialog) and error.text() == "The export failed: cannot write /notes"

    fresh = ExportDialog(None, **choices)
    qtbot.addWidget(fresh)
    assert not fresh.findChild(QLabel, "export_error").isVisibleTo(fresh)
    assert fresh.request().destination == Path("/elsewhere")


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
    # a file in the folder chosen for Markdown (the folder itself would fail as a JSON destination)
    assert dialog.request() == ExportRequest(JSON, tmp_path / "reader-backup.json", (), "world/iran", True, False)


BROKEN = "---\ntitle: {{ article.title }}\n---\n{% for h in highlights %}\n> {{ h.quote }\n{% endfor %}\n"


def _ok(dialog):
    return dialog.findChild(QDialogButtonBox, "preferences_buttons").button(QDialogButtonBox.StandardButton.Ok)


def test_preferences_refuse_a_broken_template_naming_its_line_as_the_export_would(services, qtbot, tmp_path,
                                                                                 monkeypatch):
    from reader.exporters.markdown import TemplateProblem
    from reader.services.settings import Settings

    broken = tmp_path / "broken.md.j2"
    broken.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(TemplateProblem) as raised:
        services.exports.exporter(broken)
    dialog = PreferencesDialog(Settings(), None, check_template=services.exports.exporter)
    qtbot.addWidget(dialog)
    dialog.show()
    error = dialog.findChild(QLabel, "template_error")
    assert not error.isVisible()

    # chosen with Choose…: refused at once, with the exporter's own message (file and line)
    monkeypatch.setattr("reader.ui.preferences.QFileDialog.getOpenFileName", lambda *args: (str(broken), ""))
    dialog.findChild(QPushButton, "choose_template").click()
    assert error.isVisible() and error.text() == str(raised.value)
    assert "line 5" in error.text()

    # typed and accepted: OK keeps the dialog open on the error
    dialog.template.setText(str(tmp_path / "missing.j2"))
    assert not error.isVisible()  # being corrected
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert error.isVisible() and "cannot read the template" in error.text()

    # mended, it is taken
    broken.write_text(BROKEN.replace("h.quote }", "h.quote }}"), encoding="utf-8")
    dialog.template.setText(str(broken))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen().export_template == str(broken)


def test_preferences_from_the_window_check_the_template_through_the_export_service(make_window, library,
                                                                                     tmp_path, monkeypatch):
    from reader.domain.errors import ReaderError

    window = make_window(library)
    broken = tmp_path / "broken.md.j2"
    broken.write_text(BROKEN, encoding="utf-8")
    seen = {}

    def ask(cls, parent, settings, check_template=None):
        seen["check"] = check_template
        return None

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(ask))
    window.actions.preferences.trigger()
    with pytest.raises(ReaderError, match=r"broken\.md\.j2, line 5"):
        seen["check"](broken)
    assert window.settings.export_template == ""  # cancelled: nothing changed
