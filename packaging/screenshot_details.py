"""Render the smaller parts of the window in the light and dark themes, to PNG files.

Run under a display or Xvfb (fonts render as on a desktop):
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshot_details.py [OUT_DIR]
Writes, for each theme: export-<theme>.png and preferences-<theme>.png (the dialogs, showing
an export that failed and a broken template), shortcuts-<theme>.png (the Keyboard Shortcuts
list, as tall as the screen allows), completion-<theme>.png (the tag completion
popup over the sidebar), focus-list-<theme>.png and focus-reading-<theme>.png (keyboard focus
in the article list, then the reading pane), and search-<theme>.png (a search that found
nothing).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from screenshot_window import sample_window

from reader.ui.export_dialog import MARKDOWN, ExportDialog, ExportRequest
from reader.ui.help import ShortcutsDialog
from reader.ui.preferences import PreferencesDialog


def screen_area(widget: QWidget):
    """What the screen shows where `widget` is, popups over it included."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    screen = QGuiApplication.primaryScreen()
    return screen.grabWindow(0, top_left.x(), top_left.y(), widget.width(), widget.height())


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    with sample_window() as (app, window, seed):
        window.move(0, 0)
        window.activateWindow()  # focus shows only in the active window (Xvfb has no window manager to do it)
        steps = shots(window, seed, out)

        def next_step() -> None:
            if steps:
                steps.pop(0)()
                QTimer.singleShot(300, next_step)
            else:
                window.close()
                app.quit()

        QTimer.singleShot(600, next_step)
        app.exec()


def shots(window, seed, out: Path) -> list[Callable[[], None]]:
    """The steps that set up and save each picture, one after another."""
    services = window.services
    steps: list[Callable[[], None]] = []
    template = services.data_dir / "notes.md.j2"
    template.write_text("# {{ article.title }}\n{% for h in highlights %}\n> {{ h.quote }\n", encoding="utf-8")
    dialogs: list[QWidget] = []

    def broken_template(preferences: PreferencesDialog) -> PreferencesDialog:
        preferences.template.setText(str(template))
        preferences.template_is_valid()
        return preferences

    def dialog(theme: str, name: str, make: Callable[[], QWidget]) -> None:
        def show() -> None:
            shown = make()
            shown.show()
            dialogs.append(shown)

        def save() -> None:
            shown = dialogs.pop()
            shown.grab().save(str(out / f"{name}-{theme}.png"))
            shown.close()

        steps.extend([show, save])

    def complete() -> None:
        field = window.sidebar.article_tags.field
        field.setFocus()
        field.completer().setCompletionPrefix("i")
        field.completer().complete()

    for theme in ("light", "dark"):
        def use(theme=theme) -> None:
            window.settings.theme = theme
            window.apply_appearance()

        steps.append(use)
        dialog(theme, "export", lambda: ExportDialog(
            window, open_id=seed.id, selected_ids=[seed.id], tags=services.tags.names(),
            group_by_color=True, last_folder="/tmp/notes",
            previous=ExportRequest(MARKDOWN, Path("/notes"), (seed.id,), None, True, False),
            error="The export failed: cannot create the folder /notes: Permission denied"))
        dialog(theme, "preferences", lambda: broken_template(PreferencesDialog(
            window.settings, window, check_template=services.exports.exporter)))
        dialog(theme, "shortcuts", lambda: ShortcutsDialog(window.actions, window))
        steps.append(lambda: window.library.list_view.setFocus())
        steps.append(lambda theme=theme: window.grab().save(str(out / f"focus-list-{theme}.png")))
        steps.append(lambda: window.reading.view.setFocus())
        steps.append(lambda theme=theme: window.grab().save(str(out / f"focus-reading-{theme}.png")))
        steps.append(complete)
        steps.append(lambda theme=theme: screen_area(window).save(str(out / f"completion-{theme}.png")))
        steps.append(lambda: window.sidebar.article_tags.field.completer().popup().hide())
        steps.append(lambda: window.search_field.setText("zzzqqq"))
        steps.append(lambda theme=theme: window.grab().save(str(out / f"search-{theme}.png")))
        steps.append(lambda: window.search_field.clear())
    return steps


if __name__ == "__main__":
    main()
