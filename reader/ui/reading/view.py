"""The reading view: an article's text in a centred column, with its highlights painted in."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette, QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser, QWidget

from reader.domain.colors import DEFAULT_COLOR, normalize_color
from reader.domain.models import Article, Highlight
from reader.domain.text import snap_to_words
from reader.ui.offsets import OffsetMap
from reader.ui.reading.colorbar import ColorBar
from reader.ui.reading.document import build_document
from reader.ui.reading.geometry import line_bottom, line_start_at, line_top, paint_block_decorations, set_page_margins
from reader.ui.reading.header import ArticleHeader
from reader.ui.reading.hits import qt_position_at
from reader.ui.reading.interaction import ReadingInteraction
from reader.ui.reading.overlays import Overlays
from reader.ui.reading.painter import HighlightPainter
from reader.ui.reading.typography import MIN_SIDE_MARGIN, Typography
from reader.ui.theme import THEMES, Theme

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


class ReadingView(ReadingInteraction, QTextBrowser):
    """Shows one article: title block, text in a column of about 68 characters, highlights.

    The view never writes anywhere: it reports what the reader asks for with signals and
    the window turns them into undoable commands, then calls `upsert_highlight` and friends.
    All offsets in and out are code points of the article's canonical text.

    Signals:
        highlight_requested(int, int, str): start, end (snapped to words) and colour key, after
            H, a colour bar swatch, the context menu, or 1-5 with a selection.
        highlight_clicked(int): the id of the highlight clicked (after the chooser when several
            overlap) or chosen with "Show Note" in the context menu.
        current_color_changed(str): the reader chose a colour (1-5 without a selection, or the
            colour bar); not emitted for `set_current_color`.
        position_changed(int): the reading position after scrolling, at most every
            `position_delay_ms` (500 ms), only when it changed.
        highlight_color_change_requested(int, str): highlight id and new colour key (menu).
        highlight_delete_requested(int): highlight id (menu).
        find_requested(): "Find in Article" in the context menu (the pane opens its find bar).
        article_changed(): a new article (or none) is shown.
        appearance_changed(): `set_appearance` applied a theme or font (the find bar follows it).
    """

    highlight_requested = Signal(int, int, str)
    highlight_clicked = Signal(int)
    current_color_changed = Signal(str)
    position_changed = Signal(int)
    highlight_color_change_requested = Signal(int, str)
    highlight_delete_requested = Signal(int)
    find_requested = Signal()
    article_changed = Signal()
    appearance_changed = Signal()

    position_delay_ms = 500  # tests set these to 0 instead of waiting
    flash_ms = 1400
    TOP_PADDING = 40  # above the title block
    BOTTOM_PADDING = 96

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reading_view")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setOpenLinks(False)  # links go to the system browser, never into the view
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.anchorClicked.connect(self.open_link)
        self._typography = Typography()
        self._article: Article | None = None
        self._offsets = OffsetMap("")
        self._painter: HighlightPainter | None = None
        self._current_color = DEFAULT_COLOR
        self._color_names: dict[str, str] = {}  # what the user calls each colour (set_color_names)
        self._overlays = Overlays()
        self._keep_offset: int | None = None  # the offset held at the top across relayouts
        # True while the view itself moves the scroll bar or relays out: only other moves
        # (the reader's) let go of the kept offset
        self._scrolling = False
        self._last_reported = 0
        self._press_pos = QPoint()
        self._mime_source: QPlainTextEdit | None = None
        self._header = ArticleHeader(self.viewport())
        self._empty = QLabel(self.viewport())
        self._empty.setObjectName("reading_empty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._color_bar = ColorBar(self.viewport())
        self._color_bar.color_chosen.connect(self._bar_color_chosen)
        self._color_bar.hide()
        self._position_timer = QTimer(self, singleShot=True, timeout=self._report_position)
        self._flash_timer = QTimer(self, singleShot=True, timeout=self._end_flash)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.selectionChanged.connect(self._selection_changed)
        self.set_appearance(THEMES["light"], self._typography.font_size)
        self.clear_article()

    # --- what is shown -------------------------------------------------------------------
    @property
    def typography(self) -> Typography:
        """The fonts and formats of the current appearance."""
        return self._typography

    def article(self) -> Article | None:
        return self._article

    def article_text(self) -> str:
        """The canonical text of the open article ("" when none is open)."""
        return self._article.text if self._article is not None else ""

    def highlights(self) -> list[Highlight]:
        """The highlights painted now (orphans and ones outside the text are not)."""
        return list(self._painter.highlights.values()) if self._painter is not None else []

    def set_article(self, article: Article, highlights: Sequence[Highlight], position: int = 0) -> None:
        """Show `article` with `highlights` painted, its first visible character at `position`.

        The window should read `reading_position()` of the article it leaves before this.
        """
        self._position_timer.stop()
        self._article = article
        self._offsets = OffsetMap(article.text)
        document = QTextDocument(self)
        # Built and painted before it is shown: an attached document relays out on each edit.
        build_document(document, article, self._typography)
        self._painter = HighlightPainter(document, self._offsets, self._typography, highlights)
        self._header.set_article(article)
        self._header.show()
        self._empty.hide()
        self._install(document)
        self._overlays.set_matches([], -1)
        self._overlays.flash = None
        self.scroll_to_offset(position)
        self._last_reported = self.reading_position()
        self.article_changed.emit()

    def clear_article(self, message: str = "") -> None:
        """Show no article: a calm empty page with `message` (or a default one) in the middle."""
        self._position_timer.stop()
        self._article = None
        self._offsets = OffsetMap("")
        self._painter = None
        self._keep_offset = None
        self._overlays.set_matches([], -1)
        self._overlays.flash = None
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        self._header.hide()
        self._color_bar.hide()
        self._install(document)
        self._empty.setText(message or "No article open")
        self._empty.show()
        self._place_widgets()
        self.article_changed.emit()

    def _install(self, document: QTextDocument) -> None:
        self._layout_column(document)
        self.setExtraSelections([])
        old = self.document()
        # Qt deletes only the document it made itself (its parent is Qt's text control); ours
        # are the view's children and, each holding a whole article, would pile up.
        ours = old is not None and old is not document and old.parent() is self
        self._scrolling = True
        try:
            self.setDocument(document)
        finally:
            self._scrolling = False
        if ours:
            old.deleteLater()
        self._place_widgets()

    # --- highlights ----------------------------------------------------------------------
    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Take the open article's highlights as they now are; only what changed is repainted
        (highlights of another article are ignored)."""
        if self._painter is not None and self._article is not None:
            self._painter.set_highlights([h for h in highlights if h.article_id == self._article.id])

    def upsert_highlight(self, highlight: Highlight) -> None:
        """Paint a new highlight or repaint a changed one (only its overlap cluster changes)."""
        if self._painter is not None and self._article is not None and highlight.article_id == self._article.id:
            self._painter.upsert(highlight)

    def remove_highlight(self, highlight_id: int) -> None:
        if self._painter is not None:
            self._painter.remove(highlight_id)

    def highlights_at(self, pos: QPoint) -> list[Highlight]:
        """The highlights under viewport point `pos`, topmost first."""
        if self._painter is None:
            return []
        point = QPointF(pos) + QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = qt_position_at(self.document(), point)
        if position is None:
            return []
        return self._painter.at(self._offsets.from_qt(position))

    def focus_highlight(self, highlight_id: int) -> bool:
        """Scroll to a painted highlight (unless it is on screen) and flash it; False if unknown."""
        highlight = self._painter.highlights.get(highlight_id) if self._painter is not None else None
        if highlight is None:
            return False
        self._reveal(highlight.start, highlight.end)
        self._flash(highlight.start, highlight.end, highlight.color)
        return True

    # --- position ------------------------------------------------------------------------
    def reading_position(self) -> int:
        """The code-point offset where the first line at the top of the view starts."""
        if self._article is None:
            return 0
        side = self.document().rootFrame().frameFormat().leftMargin()
        position = line_start_at(self.document(), side + 1, self.verticalScrollBar().value() + 1)
        return self._offsets.from_qt(position)

    def reading_progress(self) -> float:
        """How far down the article the view is, 0 to 1 (1 when all of it shows or the end is reached)."""
        bar = self.verticalScrollBar()
        return 1.0 if bar.maximum() <= 0 else bar.value() / bar.maximum()

    def scroll_to_offset(self, offset: int, flash_length: int = 0) -> None:
        """Put the line holding code-point `offset` at the top (the title block for the first
        line), and flash `flash_length` characters from there if asked."""
        if self._article is None:
            return
        offset = max(0, min(offset, len(self._article.text)))
        top = line_top(self.document(), self._offsets.to_qt(offset))
        first = self.document().rootFrame().frameFormat().topMargin()
        self._scroll_to(0 if top <= first + 1 else round(top))
        self._keep_offset = offset
        if flash_length > 0:
            self._flash(offset, offset + flash_length, self._current_color)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code points of the canonical text, snapped to whole words."""
        cursor = self.textCursor()
        if self._article is None or not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        start, end = snap_to_words(self._article.text, start, end)
        return (start, end) if start < end else None

    def _scroll_to(self, value: int) -> None:
        self._scrolling = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._scrolling = False

    def _reveal(self, start: int, end: int) -> None:
        """Scroll so `[start, end)` is on screen, a third of the way down, if it is not."""
        top = line_top(self.document(), self._offsets.to_qt(start))
        bottom = line_bottom(self.document(), self._offsets.to_qt(end))
        value = self.verticalScrollBar().value()
        height = self.viewport().height()
        if top < value or bottom > value + height:
            self._scroll_to(max(0, round(top - height / 3)))
            self._keep_offset = None

    def _visible_range(self) -> tuple[int, int]:
        side = self.document().rootFrame().frameFormat().leftMargin()
        value = self.verticalScrollBar().value()
        first = line_start_at(self.document(), side + 1, value)
        last = line_start_at(self.document(), side + 1, value + self.viewport().height())
        block = self.document().findBlock(last)
        return self._offsets.from_qt(first), self._offsets.from_qt(block.position() + block.length())

    def _scrolled(self, _value: int) -> None:
        self._place_widgets()
        self._color_bar.hide()
        if not self._scrolling and self.isVisible():
            self._keep_offset = None
        if self._overlays.matches or self._overlays.flash:
            self._refresh_overlays()
        if self._article is not None and not self._position_timer.isActive():
            self._position_timer.start(self.position_delay_ms)

    def _report_position(self) -> None:
        position = self.reading_position()
        if self._article is not None and position != self._last_reported:
            self._last_reported = position
            self.position_changed.emit(position)

    # --- appearance ----------------------------------------------------------------------
    def set_appearance(self, theme: Theme, font_size: int, font_family: str = "") -> None:
        """Colours, body font size (pixels) and family (empty: the default serif); the
        document is rebuilt in the new formats and the reading position kept."""
        keep = self.reading_position() if self._article is not None else None
        self._typography = Typography(theme, font_size, font_family)
        palette = self.palette()
        for role, color in ((QPalette.ColorRole.Base, theme.background), (QPalette.ColorRole.Text, theme.text),
                            (QPalette.ColorRole.Highlight, theme.selection),
                            (QPalette.ColorRole.HighlightedText, theme.text), (QPalette.ColorRole.Link, theme.link),
                            (QPalette.ColorRole.Window, theme.background)):
            palette.setColor(role, QColor(color))
        self.setPalette(palette)
        self.viewport().setPalette(palette)
        self.setFont(self._typography.body_font())
        self._header.apply(self._typography)
        self._color_bar.apply(self._typography, self._current_color)
        self._overlays.set_theme(theme)
        empty_palette = self._empty.palette()
        empty_palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.muted))
        self._empty.setPalette(empty_palette)
        self._empty.setFont(self._typography.ui_font(1.05))
        if self._article is not None:
            self.set_article(self._article, self.highlights(), keep or 0)
        else:
            self._place_widgets()
        self.appearance_changed.emit()

    def set_current_color(self, color: str) -> None:
        """Set the colour H and the menu's "Highlight" use (no signal); raises for unknown keys."""
        self._current_color = normalize_color(color)
        self._color_bar.apply(self._typography, self._current_color)

    def current_color(self) -> str:
        return self._current_color

    def _choose_color(self, color: str) -> None:
        if color != self._current_color:
            self.set_current_color(color)
            self.current_color_changed.emit(color)

    # --- layout of the column and the widgets on the viewport ------------------------------
    def _layout_column(self, document: QTextDocument | None = None) -> None:
        """Centre a column of about 68 characters and leave room above it for the title."""
        document = document or self.document()
        width = self.viewport().width()
        column = max(120, min(self._typography.column_width(), width - 2 * MIN_SIDE_MARGIN))
        side = max(0.0, (width - column) / 2)
        top = 0
        if self._article is not None:
            header_height = self._header.height_for(column)
            self._header.setFixedSize(column, header_height)
            top = self.TOP_PADDING + header_height + round(self._typography.font_size * 1.6)
        set_page_margins(document, side, top, self.BOTTOM_PADDING)

    def _place_widgets(self) -> None:
        side = self.document().rootFrame().frameFormat().leftMargin()
        self._header.move(round(side) - self.horizontalScrollBar().value(),
                          self.TOP_PADDING - self.verticalScrollBar().value())
        rect = self.viewport().rect().adjusted(40, 0, -40, 0)
        self._empty.setGeometry(rect)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        keep = self._keep_offset
        if keep is None and self._article is not None and self.isVisible():
            keep = self.reading_position()
        self._scrolling = True
        try:
            super().resizeEvent(event)
            self._layout_column()
        finally:
            self._scrolling = False
        self._place_widgets()
        if keep is not None and self._article is not None:
            self.scroll_to_offset(keep)
        if self._overlays.matches or self._overlays.flash:
            self._refresh_overlays()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # QTextEdit scrolls its cursor into view on the first show; the kept offset wins
        keep = self._keep_offset
        self._scrolling = True
        try:
            super().showEvent(event)
        finally:
            self._scrolling = False
        if keep is not None and self._article is not None:
            self.scroll_to_offset(keep)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._article is not None:
            typography = self._typography
            paint_block_decorations(self.viewport(), self.document(), self.verticalScrollBar().value(),
                                    QColor(typography.theme.border), typography.code_fill(),
                                    typography.code_padding())
        super().paintEvent(event)

    # --- transient marks -----------------------------------------------------------------
    def show_find_matches(self, matches: Sequence[tuple[int, int]], current: int) -> None:
        """Mark find matches (code-point spans) and bring the current one on screen."""
        self._overlays.set_matches(matches, current)
        if 0 <= current < len(matches):
            self._reveal(*matches[current])
        self._refresh_overlays()

    def clear_find_matches(self) -> None:
        self._overlays.set_matches([], -1)
        self._refresh_overlays()

    def _flash(self, start: int, end: int, color: str) -> None:
        self._overlays.flash = (start, end, color)
        self._refresh_overlays()
        self._flash_timer.start(self.flash_ms)

    def _end_flash(self) -> None:
        self._overlays.flash = None
        self._refresh_overlays()

    def _refresh_overlays(self) -> None:
        if self._article is None:
            self.setExtraSelections([])
            return
        selections = self._overlays.selections(self.document(), self._offsets, self._visible_range())
        self.setExtraSelections(selections)

    # --- links ---------------------------------------------------------------------------
    def resolve_link(self, href: str | QUrl) -> QUrl:
        """A link's address, made absolute against the article's own address when relative."""
        url = QUrl(href) if isinstance(href, str) else href
        if url.isRelative() and self._article is not None and self._article.url:
            url = QUrl(self._article.url).resolved(url)
        return url

    def open_link(self, href: str | QUrl) -> bool:
        """Open a web or mail link in the system's browser or mail app; other schemes never."""
        url = self.resolve_link(href)
        if url.scheme().lower() not in SAFE_SCHEMES:
            return False
        return QDesktopServices.openUrl(url)

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt override)
        # An article never fetches anything (images, style sheets): reading stays offline.
        return None
