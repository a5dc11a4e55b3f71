"""Rough edges in the dialogs and where settings show: export, Preferences, dialog buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def test_a_backup_of_one_article_says_article_not_articles(make_window, library, qtbot, tmp_path, monkeypatch):
    from reader.ui.export_dialog import JSON, ExportDialog, ExportRequest

    window = make_window(library)
    article = window.controller.article
    library.annotations.highlight_quote(article.id, article.text.split()[0])
    target = tmp_path / "one.json"
    monkeypatch.setattr(ExportDialog, "ask",
                        classmethod(lambda cls, parent, **c: ExportRequest(JSON, target, (article.id,))))
    with qtbot.waitSignal(window.jobs.finished, timeout=30000):
        window.actions.export.trigger()
    assert target.exists()
    assert window.status.currentMessage() == f"Backed up 1 article and 1 highlight to {target}"


def test_a_template_error_grows_preferences_instead_of_squeezing_the_fields(services, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    from reader.services.settings import Settings
    from reader.ui.preferences import PreferencesDialog

    folder = tmp_path / "a folder with a rather long name for the export templates"
    folder.mkdir()
    broken = folder / "my notes layout.md.j2"
    broken.write_text("# {{ article.title }\n", encoding="utf-8")
    dialog = PreferencesDialog(Settings(), None, check_template=services.exports.exporter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.template.setText(str(broken))
    ok = dialog.findChild(QDialogButtonBox, "preferences_buttons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    error = dialog.findChild(QLabel, "template_error")
    qtbot.waitUntil(lambda: error.isVisible() and dialog.rect().contains(error.geometry()))
    assert error.height() > 1.5 * error.fontMetrics().lineSpacing()  # the message takes two lines or more
    for edit in dialog.findChildren(QLineEdit):
        if edit.objectName().startswith("qt_"):  # a spin box's own field
            continue
        assert edit.height() >= edit.sizeHint().height(), f"{edit.objectName()} squeezed"


def test_the_colour_names_chosen_in_preferences_show_where_colours_are_chosen(make_window, library, monkeypatch):
    from dataclasses import replace

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QToolButton
    from reading_data import point_at

    from reader.ui.preferences import PreferencesDialog

    window = make_window(library)
    article = window.controller.article
    highlight = library.annotations.highlight_quote(article.id, article.text.split()[0])
    other = library.annotations.highlight_quote(article.id, article.text.split()[-1])
    window.events.highlights_changed.emit(article.id)
    window.sidebar.select_highlight(highlight.id, emit=True)
    view = window.reading.view
    bar_yellow = view.findChild(QToolButton, "color_bar_yellow")
    assert bar_yellow.toolTip() == "Highlight in yellow (1)"  # nothing named yet

    names = {"yellow": "key point", "pink": "disagree"}
    chosen = replace(window.settings, color_names=names)
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, parent, settings, **_: chosen))
    window.actions.preferences.trigger()

    assert bar_yellow.toolTip() == "Highlight in yellow \u2014 key point (1)"  # the bar over a selection
    card = window.sidebar.editor()
    assert card.findChild(QToolButton, "color_pink").toolTip() == "Pink \u2014 disagree (4)"  # the open card
    assert card.findChild(QToolButton, "color_green").toolTip() == "Green (2)"
    cursor = view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len(article.text.split()[0]), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    menu = view.context_menu(point_at(view, 0))  # the context menu's colours
    assert menu.findChild(QAction, "action_highlight_yellow").text().startswith("Yellow \u2014 key point")
    assert menu.findChild(QAction, f"action_recolor_{highlight.id}_pink").text() == "Pink \u2014 disagree"
    menu.deleteLater()

    window.sidebar.select_highlight(other.id, emit=True)  # a card opened later has them too
    assert window.sidebar.editor().findChild(QToolButton, "color_yellow").toolTip() == "Yellow \u2014 key point (1)"


def test_dialog_buttons_are_words_alone_as_the_export_button_is(make_window, library, qtbot):
    """OK and Cancel wore the platform's stock icons (a green arrow, a red cross) beside an
    Export button without one, where the platform puts icons on dialog buttons (X11 without a
    desktop's theme, KDE)."""
    from PySide6.QtWidgets import QDialogButtonBox, QProxyStyle, QStyle

    class IconsOnButtons(QProxyStyle):  # what such a platform's style says
        def styleHint(self, hint, option=None, widget=None, data=None):
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, data)

    window = make_window(library)
    window.apply_appearance()
    style = IconsOnButtons("Fusion")
    buttons = QDialogButtonBox()
    buttons.setStyle(style)
    buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
    qtbot.addWidget(buttons)
    buttons.show()
    assert not style.standardIcon(QStyle.StandardPixmap.SP_DialogOkButton).isNull()  # it has them to give
    for button in buttons.buttons():
        assert button.icon().isNull(), f"{button.text()} has an icon"


def test_the_markdown_choices_sit_under_markdown_in_the_export_dialog(qtbot):
    """"Group highlights by colour" and "Replace files I edited" stood level with the two formats,
    as if they were a third and a fourth."""
    from reader.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, open_id=1, selected_ids=[1], tags=[], group_by_color=False, last_folder="")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def left(widget) -> int:
        return widget.mapTo(dialog, widget.rect().topLeft()).x()

    assert left(dialog.json) == left(dialog.markdown)
    for option in (dialog.group_by_color, dialog.force):
        # its box under the Markdown button's label, not under its button
        assert left(option) >= left(dialog.markdown) + dialog.style().pixelMetric(
            dialog.style().PixelMetric.PM_ExclusiveIndicatorWidth)


def test_choosing_json_proposes_a_file_in_the_folder_not_the_folder(qtbot, tmp_path):
    """The dialog kept the Markdown folder as the JSON destination, and the export then failed
    ("... is a folder; JSON export needs a file name")."""
    from pathlib import Path

    from reader.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, open_id=1, selected_ids=[1], tags=[], group_by_color=False,
                          last_folder=str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.json.setChecked(True)
    assert Path(dialog.destination.text()) == tmp_path / "reader-backup.json"
    dialog.markdown.setChecked(True)
    assert Path(dialog.destination.text()) == tmp_path  # and back to the folder for Markdown

    typed = tmp_path / "mine.json"  # a file the user named stays theirs
    dialog.json.setChecked(True)
    dialog.destination.setText(str(typed))
    dialog.markdown.setChecked(True)
    dialog.json.setChecked(True)
    assert Path(dialog.destination.text()) == typed


def test_preferences_choose_the_reading_theme_font_and_size(make_window, library, qtbot, monkeypatch):
    """The font could be chosen only by editing settings.json; theme and size only in the View menu."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QComboBox, QSpinBox

    from reader.ui.preferences import PreferencesDialog

    window = make_window(library)
    family = QFontDatabase.families()[0]
    made = []

    def ask(cls, parent, settings, **kwargs):
        dialog = cls(settings, parent, **kwargs)
        made.append(dialog)
        theme = dialog.findChild(QComboBox, "preferences_theme")
        assert theme.currentData() == settings.theme  # opens on what is in use
        theme.setCurrentIndex(theme.findData("dark"))
        font = dialog.findChild(QComboBox, "preferences_font")
        assert font.currentData() == "" and font.currentText() == "Default serif"
        font.setCurrentIndex(font.findData(family))
        dialog.findChild(QSpinBox, "preferences_font_size").setValue(21)
        return dialog.chosen()

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(ask))
    window.actions.preferences.trigger()
    assert (window.settings.theme, window.settings.font_family, window.settings.font_size) == ("dark", family, 21)
    assert window.settings_store.load().font_family == family  # kept for next time
    typography = window.reading.view.typography
    assert typography.font_family == family and typography.font_size == 21 and typography.theme.is_dark
    assert window.actions.themes["dark"].isChecked()  # the View menu agrees
    made[0].deleteLater()
