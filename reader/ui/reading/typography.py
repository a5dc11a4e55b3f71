"""The reading pane's typography: fonts, block and character formats, the text column's width."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat, QTextFormat, QTextListFormat

from reader.domain.models import BlockKind, MarkKind
from reader.ui.theme import THEMES, Theme

# Fonts tried in order; the first one installed wins, the generic family is the last resort.
SERIF_FAMILIES = ["Charter", "Literata", "Source Serif 4", "Source Serif Pro", "Georgia", "Noto Serif",
                  "DejaVu Serif", "serif"]
SANS_FAMILIES = ["Inter", "Source Sans 3", "Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans",
                 "sans-serif"]
MONO_FAMILIES = ["JetBrains Mono", "Source Code Pro", "Menlo", "Consolas", "Noto Sans Mono",
                 "DejaVu Sans Mono", "monospace"]

COLUMN_CHARACTERS = 68  # a comfortable measure: 65-75 characters per line
LINE_HEIGHT = 160  # percent of the font's natural line height
MIN_SIDE_MARGIN = 32  # pixels kept on each side when the pane is narrower than the column

# Custom format properties. Block: what kind of block it is (for the quote rule).
# Character: painted by a highlight; drawn with an overlap underline; a code mark's own
# background and a link's own underline colour (so clearing a highlight restores them).
BLOCK_KIND = QTextFormat.Property.UserProperty + 1
HIGHLIGHTED = QTextFormat.Property.UserProperty + 2
HIGHLIGHT_LINE = QTextFormat.Property.UserProperty + 3
BASE_BACKGROUND = QTextFormat.Property.UserProperty + 4
BASE_UNDERLINE = QTextFormat.Property.UserProperty + 5

_HEADING_SCALE = {1: 1.55, 2: 1.35, 3: 1.18, 4: 1.08, 5: 1.0, 6: 1.0}
# A sample of ordinary English letters, so the column width follows real text, not "x" or "M".
_SAMPLE = "the quick brown fox jumps over the lazy dog, and then some more ordinary text."


def _mix(first: str, second: str, amount: float) -> QColor:
    """`amount` of `second` blended into `first`, as a plain 8-bit colour (so a colour kept
    by name in a format property comes back equal)."""
    a, b = QColor(first), QColor(second)
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


@dataclass
class Typography:
    """Every font and format of one appearance (theme, body size in pixels, optional family).

    Character formats are cached by what decides them, so building a document of thousands of
    blocks makes only a handful of QTextCharFormat objects.
    """

    theme: Theme = field(default_factory=lambda: THEMES["light"])
    font_size: int = 17
    font_family: str = ""
    _char_cache: dict = field(default_factory=dict, repr=False)
    _block_cache: dict = field(default_factory=dict, repr=False)
    _highlight_cache: dict = field(default_factory=dict, repr=False)

    # --- fonts -----------------------------------------------------------------------------
    def body_font(self) -> QFont:
        """The serif text face (or the reader's family) at the body size in pixels."""
        font = QFont()
        font.setFamilies([self.font_family, *SERIF_FAMILIES] if self.font_family else SERIF_FAMILIES)
        font.setPixelSize(self.font_size)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def ui_font(self, scale: float = 1.0, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        """The sans face of headings and the title block's small print, `scale` times the body size."""
        font = QFont()
        font.setFamilies(SANS_FAMILIES)
        font.setPixelSize(max(8, round(self.font_size * scale)))
        font.setWeight(weight)
        return font

    def column_width(self) -> int:
        """The width in pixels of a line of about COLUMN_CHARACTERS characters of body text."""
        metrics = QFontMetricsF(self.body_font())
        return round(metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE) * COLUMN_CHARACTERS)

    def paragraph_gap(self) -> float:
        return round(self.font_size * 0.9)

    def code_padding(self) -> int:
        """Room around a preformatted block inside its panel."""
        return round(self.font_size * 0.7)

    def code_fill(self) -> QColor:
        """The panel behind preformatted blocks."""
        return _mix(self.theme.background, self.theme.text, 0.05)

    # --- blocks ----------------------------------------------------------------------------
    def block_format(self, kind: BlockKind, level: int = 0) -> QTextBlockFormat:
        key = (kind, level)
        cached = self._block_cache.get(key)
        if cached is not None:
            return cached
        size = self.font_size
        fmt = QTextBlockFormat()
        fmt.setProperty(BLOCK_KIND, str(kind))
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(self.paragraph_gap())
        if kind is BlockKind.HEADING:
            level = min(max(level, 1), 6)
            fmt.setHeadingLevel(level)
            fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setTopMargin(round(size * (1.5 if level <= 2 else 1.1)))
            fmt.setBottomMargin(round(size * 0.45))
        elif kind is BlockKind.QUOTE:
            fmt.setLeftMargin(round(size * 1.4))
            fmt.setRightMargin(round(size * 0.8))
        elif kind is BlockKind.LIST_ITEM:
            fmt.setBottomMargin(round(size * 0.35))
        elif kind is BlockKind.PREFORMATTED:
            # the view paints a padded panel behind (block backgrounds cannot be padded)
            fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            fmt.setLeftMargin(round(size * 0.9))
            fmt.setRightMargin(round(size * 0.9))
            fmt.setTopMargin(self.code_padding())
            fmt.setBottomMargin(self.paragraph_gap() + self.code_padding())
        self._block_cache[key] = fmt
        return fmt

    def list_format(self, level: int, ordered: bool) -> QTextListFormat:
        fmt = QTextListFormat()
        depth = max(level, 1)
        if ordered:
            fmt.setStyle(QTextListFormat.Style.ListDecimal)
        else:
            styles = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle,
                      QTextListFormat.Style.ListSquare)
            fmt.setStyle(styles[(depth - 1) % 3])
        fmt.setIndent(depth)
        return fmt

    # --- characters ------------------------------------------------------------------------
    def char_format(self, kind: BlockKind, level: int, marks: frozenset, href: str | None) -> QTextCharFormat:
        """The format of text in a block of `kind` under the mark kinds `marks` (a link's `href`)."""
        key = (kind, level, marks, href)
        cached = self._char_cache.get(key)
        if cached is not None:
            return cached
        theme = self.theme
        fmt = QTextCharFormat()
        size = self.font_size
        if kind is BlockKind.HEADING:
            level = min(max(level, 1), 6)
            fmt.setFontFamilies(SANS_FAMILIES)
            fmt.setProperty(QTextFormat.Property.FontPixelSize, round(size * _HEADING_SCALE[level]))
            fmt.setFontWeight(QFont.Weight.Bold if level <= 2 else QFont.Weight.DemiBold)
        elif kind is BlockKind.QUOTE:
            fmt.setForeground(QColor(_mix(theme.text, theme.background, 0.22)))
            fmt.setFontItalic(True)
        elif kind is BlockKind.PREFORMATTED:
            fmt.setFontFamilies(MONO_FAMILIES)
            fmt.setProperty(QTextFormat.Property.FontPixelSize, round(size * 0.84))
        if MarkKind.EMPHASIS in marks:
            fmt.setFontItalic(kind is not BlockKind.QUOTE)  # emphasis inside a quote stands upright
        if MarkKind.STRONG in marks:
            fmt.setFontWeight(QFont.Weight.Bold)
        if MarkKind.CODE in marks and kind is not BlockKind.PREFORMATTED:
            fmt.setFontFamilies(MONO_FAMILIES)
            fmt.setProperty(QTextFormat.Property.FontPixelSize, round(size * 0.86))
            background = _mix(theme.background, theme.text, 0.07).name()
            fmt.setBackground(QColor(background))
            fmt.setProperty(BASE_BACKGROUND, background)
        if MarkKind.LINK in marks:
            fmt.setAnchor(True)
            fmt.setAnchorHref(href or "")
            fmt.setForeground(QColor(theme.link))
            line = _mix(theme.link, theme.background, 0.55).name()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(line))
            fmt.setProperty(BASE_UNDERLINE, line)
            if href:
                fmt.setToolTip(href)
        self._char_cache[key] = fmt
        return fmt

    def highlight_format(self, colors: tuple[str, ...]) -> QTextCharFormat:
        """What a stretch covered by highlights of `colors` (topmost first) gets merged in.

        One highlight: its fill. Several: the top fill made deeper by each extra layer, and
        an underline in the line colour of the one below it, so both stay visible.
        """
        cached = self._highlight_cache.get(colors)
        if cached is not None:
            return cached
        theme = self.theme
        fills, lines = theme.highlights, theme.underline
        top = colors[0] if colors[0] in fills else "yellow"
        fill = QColor(fills[top])
        fmt = QTextCharFormat()
        fmt.setProperty(HIGHLIGHTED, True)
        if len(colors) > 1:
            extra = min(len(colors) - 1, 3)
            fill = fill.lighter(100 + 18 * extra) if theme.is_dark else fill.darker(100 + 9 * extra)
            second = colors[1] if colors[1] in lines else "yellow"
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(lines[second]))
            fmt.setProperty(HIGHLIGHT_LINE, True)
        fmt.setBackground(fill)
        self._highlight_cache[colors] = fmt
        return fmt

    def fill(self, color: str) -> QColor:
        """The fill of one highlight colour (for swatches and the colour bar)."""
        return QColor(self.theme.highlights.get(color, self.theme.highlights["yellow"]))
