"""Tags as removable chips plus a field that adds tags, completing from the library's tags."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolButton, QWidget

from reader.domain.errors import ReaderError
from reader.domain.tags import normalize_tag
from reader.ui.flow_layout import FlowLayout


class TagEditor(QWidget):
    """Edits one list of tags.

    Signals:
        tags_edited(list): the full new list of tag names, after a tag was added or removed.
        chips_changed(): new chips show the tags; Qt puts widgets made later last in the
            window's tab order, so the owner places them again (`focus_widgets`).
    """

    tags_edited = Signal(list)
    chips_changed = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "Add tag\u2026") -> None:
        super().__init__(parent)
        self._tags: list[str] = []
        self._chips: list[QToolButton] = []
        self._layout = FlowLayout(self, spacing=4)
        self.field = QLineEdit(self, objectName="tag_field")
        self.field.setPlaceholderText(placeholder)
        self.field.setMinimumWidth(90)
        self.field.setMaximumWidth(180)
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.popup().setObjectName("tag_completions")  # the style sheet gives it a frame
        self.field.setCompleter(completer)
        self.field.returnPressed.connect(self._add_from_field)
        self._layout.addWidget(self.field)

    def set_tags(self, tags: list[str] | tuple[str, ...]) -> None:
        """Show these tags (no signal)."""
        if list(tags) == self._tags:
            return
        self._tags = list(tags)
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.hide()  # out of sight and out of Tab's way until Qt deletes it
            chip.deleteLater()
        self._chips = []
        self._layout.removeWidget(self.field)
        for tag in self._tags:
            chip = QToolButton(self, objectName="tag_chip")
            chip.setText(f"#{tag}  \u00d7")
            chip.setToolTip(f"Remove the tag \u201c{tag}\u201d")
            chip.setAutoRaise(True)
            chip.clicked.connect(lambda _=False, name=tag: self.remove_tag(name))
            chip.show()
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self._layout.addWidget(self.field)
        self.updateGeometry()
        self.chips_changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        """What Tab reaches here, in the order shown: the chips, then the field."""
        return [*self._chips, self.field]

    def set_completions(self, names: list[str]) -> None:
        self._completions.setStringList(names)

    def add_tags(self, names: list[str]) -> None:
        """Ask for these tags to be added (names already there, in any case, are skipped)."""
        new = list(self._tags)
        for name in names:
            try:
                clean = normalize_tag(name)
            except ReaderError:
                continue
            if clean.casefold() not in {t.casefold() for t in new}:
                new.append(clean)
        if new != self._tags:
            self.tags_edited.emit(new)

    def remove_tag(self, name: str) -> None:
        self.tags_edited.emit([t for t in self._tags if t != name])

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)

    def _add_from_field(self) -> None:
        text = self.field.text()
        self.field.clear()
        self.add_tags(text.split(","))
