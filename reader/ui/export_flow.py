"""File > Export from the window: ask, export in the background, then say what happened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from reader.domain.wording import counted
from reader.services.export import JsonExportReport, MarkdownExportReport
from reader.services.export_folder import FileStatus
from reader.ui.background import JobRunner, ProgressFlow
from reader.ui.export_dialog import MARKDOWN, ExportDialog, ExportRequest
from reader.ui.status import StatusBar


def markdown_summary(report: MarkdownExportReport) -> str:
    """One line about a Markdown export, e.g. "3 files written, 5 unchanged, 1 kept"."""
    counts = []
    for label, statuses in (("written", (FileStatus.CREATED, FileStatus.UPDATED, FileStatus.OVERWRITTEN)),
                            ("unchanged", (FileStatus.UNCHANGED,)), ("kept (edited by you)", (FileStatus.KEPT,)),
                            ("failed", (FileStatus.FAILED,))):
        number = len(report.with_status(*statuses))
        if number:
            counts.append(f"{number} {label}")
    text = f"Exported to {report.folder}: " + (", ".join(counts) or "nothing to export")
    return text + (" (cancelled)" if report.cancelled else "")


class ExportFlow(ProgressFlow):
    """Runs exports on the shared job runner and reports them in one message.

    An export that fails as a whole (the destination cannot be written, the template is
    broken) opens the dialog again on the same choices, with the reason in it.
    """

    failure_title = "Export failed"
    verb = "Exporting"

    def __init__(self, window, runner: JobRunner, status: StatusBar) -> None:
        super().__init__(window, runner, status)
        # the dialog's choices and the export running from them, to ask again if it fails
        self._asked: tuple[dict, ExportRequest] | None = None

    def ask_and_export(self) -> None:
        window = self._window
        settings = window.settings
        self._ask(dict(
            open_id=window.controller.article.id if window.controller.article else 0,
            selected_ids=window.library.selected_article_ids(),
            tags=window.services.tags.names(),
            group_by_color=settings.export_group_by_color,
            last_folder=settings.last_export_folder,
        ))

    def _ask(self, choices: dict, previous: ExportRequest | None = None, error: str = "") -> None:
        request = ExportDialog.ask(self._window, **choices, previous=previous, error=error)
        if request is not None and self.export(request):
            self._asked = (choices, request)

    def _on_failed(self, message: str) -> None:
        asked, self._asked = self._asked, None
        if asked is None:  # an export started otherwise than through the dialog
            super()._on_failed(message)
            return
        self._status.hide_progress()
        choices, request = asked
        self._ask(choices, previous=request, error=f"The export failed: {message}")

    def _remember_folder(self, folder: Path) -> None:
        """The folder the next export dialog proposes: where the last export that worked went
        (a failed destination, or a backup's file name, would only be in the way)."""
        settings = self._window.settings
        if settings.last_export_folder != str(folder):
            settings.last_export_folder = str(folder)
            self._window.settings_store.save(settings)

    def export(self, request: ExportRequest) -> bool:
        exports = self._window.services.exports
        if request.kind == MARKDOWN:
            def job(progress, cancelled):
                return exports.export_markdown(request.destination, article_ids=request.article_ids,
                                               tag=request.tag, group_by_color=request.group_by_color,
                                               force=request.force, progress=progress, should_cancel=cancelled)
        else:
            def job(progress, cancelled):
                return exports.export_json(request.destination, article_ids=request.article_ids, tag=request.tag,
                                           progress=progress, should_cancel=cancelled)
        return self._start(job)

    def _on_finished(self, report) -> None:
        self._asked = None
        self._status.hide_progress()
        if isinstance(report, JsonExportReport):
            if report.path is not None:
                self._remember_folder(report.path.parent)
            self._status.showMessage(
                "Export cancelled." if report.cancelled else
                f"Backed up {counted(report.articles, 'article')} and {counted(report.highlights, 'highlight')} to "
                f"{report.path}", 10000)
            return
        if not report.cancelled:
            self._remember_folder(report.folder)
        self._status.showMessage(markdown_summary(report), 10000)
        kept = report.with_status(FileStatus.KEPT)
        failed = report.with_status(FileStatus.FAILED)
        if kept or failed or report.warnings:
            lines = [f"{item.path.name}: you edited it since the last export; it was kept" for item in kept]
            lines += [f"{item.path.name}: {item.reason}" for item in failed] + list(report.warnings)
            box = QMessageBox(QMessageBox.Icon.Information, "Export", markdown_summary(report) + ".",
                              QMessageBox.StandardButton.Ok, self._window)
            box.setObjectName("export_report")
            box.setInformativeText("Export again with \u201cReplace files I edited\u201d to overwrite kept files."
                                   if kept else "")
            box.setDetailedText("\n".join(lines))
            open_folder = box.addButton("Open Folder", QMessageBox.ButtonRole.ActionRole)
            box.exec()
            if box.clickedButton() is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.folder)))
