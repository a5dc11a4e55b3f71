"""The message after an import with failures: each source and why, in the message itself."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.services.fetch import is_url
from reader.ui.dialogs import report_summary

if TYPE_CHECKING:
    from reader.services.importing import ImportFailure, ImportReport

SHOWN_FAILURES = 6  # more than this and the message says how many more; Show Details lists all
REASON_CHARS = 160


def failure_line(failure: ImportFailure) -> str:
    """`name: reason` on one line: a file's name (its folder is in the details), a web address whole."""
    name = failure.source if is_url(failure.source) else Path(failure.source).name or failure.source
    reason = " ".join(failure.reason.split())
    if len(reason) > REASON_CHARS:
        reason = reason[:REASON_CHARS - 1].rstrip() + "\u2026"
    return f"{name}: {reason}"


def failure_lines(report: ImportReport, shown: int = SHOWN_FAILURES) -> list[str]:
    """The first `shown` failures as lines, then "and N more" when there are others."""
    lines = [failure_line(failure) for failure in report.failures[:shown]]
    more = len(report.failures) - shown
    if more > 0:
        lines.append(f"and {more} more (Show Details\u2026 lists them all)")
    return lines


class ImportProblemsDialog:
    """Says what could not be imported and why; the details list every source with its full path."""

    @classmethod
    def build(cls, parent: QWidget | None, report: ImportReport) -> QMessageBox:
        box = QMessageBox(parent)
        box.setObjectName("import_problems")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Import problems")
        box.setText(f"{report_summary(report)}.")
        # rich text, escaped: a file name may hold '<' or '&'
        items = "".join(f"<li>{html.escape(line)}</li>" for line in failure_lines(report))
        box.setInformativeText(f"These sources could not be imported:<ul>{items}</ul>")
        box.setDetailedText("\n".join(f"{f.source}: {f.reason}" for f in report.failures))
        return box

    @classmethod
    def ask(cls, parent: QWidget | None, report: ImportReport) -> None:
        cls.build(parent, report).exec()
