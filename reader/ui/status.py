"""The status bar: library size, messages, and import progress with a cancel button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from reader.domain.wording import counted


class StatusBar(QStatusBar):
    """Signals: cancel_requested(): the user wants the running import to stop."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self.progress_label = QLabel(objectName="import_label")
        self.progress = QProgressBar(objectName="import_progress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton(objectName="import_cancel")
        self.cancel_button.setText("Cancel")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.size_label = QLabel(objectName="library_size")
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.addPermanentWidget(widget)
            widget.hide()
        self.addPermanentWidget(self.size_label)

    def show_library_size(self, counts: dict[str, int]) -> None:
        total = counts.get("all", 0)
        text = counted(total, "article")
        if counts.get("unread"):
            text += f" \u00b7 {counts['unread']} unread"
        if counts.get("archived"):
            text += f" \u00b7 {counts['archived']} archived"
        self.size_label.setText(text)

    def show_progress(self, done: int, total: int, label: str) -> None:
        """Show how far a long job is; `label` says what it is doing ("Importing page.html")."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total}" if total else "")
        self.progress_label.setText(label or "Starting\u2026")
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.show()

    def hide_progress(self) -> None:
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.hide()
