"""The Edit Details dialog (F2) keeps the rules of `reader edit` and says what is wrong in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from reader.ui.dialogs import EditArticleDialog


@pytest.fixture
def dialog(qtbot, library):
    article = library.articles.get(library.articles.list()[-1].id)
    made = EditArticleDialog(article)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def _type(qtbot, dialog, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, f"edit_{name}")
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _press_ok(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox, "edit_buttons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_a_blank_title_keeps_the_dialog_open_with_a_message(qtbot, dialog):
    _type(qtbot, dialog, "title", "   ")
    _press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.findChild(QLabel, "edit_error").text() == "The title cannot be empty."
    _type(qtbot, dialog, "title", "A real title")
    _press_ok(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.values()["title"] == "A real title"


def test_a_bad_date_keeps_the_dialog_open(qtbot, dialog):
    _type(qtbot, dialog, "published", "whenever")
    _press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "edit_error").text().startswith("Cannot read 'whenever' as a date")



@pytest.mark.parametrize("typed", ["whenever", "the Tuesday after the long spring holiday weekend, around lunch"])
def test_the_date_message_is_shown_whole_wrapped_inside_the_dialog(qtbot, dialog, typed):
    _type(qtbot, dialog, "published", typed)
    _press_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "edit_error")
    message = f"Cannot read {typed!r} as a date (try 2020-12-24 or 2020-12-24 08:54)."
    assert error.text() == message and error.wordWrap() and error.isVisible()

    def fits() -> bool:  # the laid-out label holds all of its text, and the dialog all of the label
        needed = error.fontMetrics().boundingRect(error.contentsRect(), Qt.TextFlag.TextWordWrap, message)
        inside = error.contentsRect().contains(needed)
        return inside and dialog.rect().contains(error.geometry())

    qtbot.waitUntil(fits, timeout=2000)
    assert error.width() <= dialog.width()


def test_a_long_message_grows_the_dialog_instead_of_squeezing_the_fields(qtbot, dialog):
    _type(qtbot, dialog, "published", "the Tuesday after the long spring holiday weekend, around lunch")
    _press_ok(qtbot, dialog)
    error = dialog.findChild(QLabel, "edit_error")
    qtbot.waitUntil(lambda: error.isVisible() and dialog.rect().contains(error.geometry()))
    assert error.height() > 1.5 * error.fontMetrics().lineSpacing()  # two lines
    for edit in dialog.findChildren(QLineEdit):  # the fields keep their height (they lost 4 px each)
        assert edit.height() >= edit.sizeHint().height(), f"{edit.objectName()} squeezed"
