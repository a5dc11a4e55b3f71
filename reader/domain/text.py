"""Canonical text: building it from blocks, cleaning characters, and finding quotes in it."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from reader.domain.models import Block, BlockKind, Mark, MarkKind

CONTEXT_LENGTH = 32  # characters of prefix and suffix kept with a quote, as Hypothesis does

# Characters Qt's QTextDocument would turn into something else (so doc.toPlainText() would no
# longer equal the canonical text) or that carry no text at all.
_DROPPED = dict.fromkeys(
    [c for c in range(0x20) if c not in (0x09, 0x0A)]
    + [0x7F, 0xFEFF, 0xFFFC, 0xFDD0, 0xFDD1, 0xFFFE, 0xFFFF]
    + list(range(0x80, 0xA0)),
    None,
)
_TRANSLATE = {**_DROPPED, 0x00A0: " ", 0x2028: "\n", 0x2029: "\n"}
_SPACE_RUN = re.compile(r"\s+")


def clean_characters(text: str) -> str:
    """Drop control and placeholder characters, make NBSP a space and line separators newlines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_TRANSLATE)


def content_hash(text: str) -> str:
    """The hash that identifies a canonical text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class _OpenMark:
    kind: MarkKind
    href: str | None
    start: int | None = None


@dataclass
class TextBuilder:
    """Builds canonical text and blocks from a stream of blocks, inline text and marks.

    Whitespace inside a block is collapsed to single spaces (except in preformatted blocks),
    empty blocks and empty marks are dropped, and blocks are joined by one newline, so
    importers can feed it raw HTML or Markdown text runs without caring about spacing.
    """

    _blocks: list[Block] = field(default_factory=list)
    _chunks: list[str] = field(default_factory=list)
    _length: int = 0
    _kind: BlockKind | None = None
    _level: int = 0
    _ordered: bool = False
    _block_start: int = 0
    _pending_space: bool = False
    _open: list[_OpenMark] = field(default_factory=list)
    _marks: list[Mark] = field(default_factory=list)

    # --- blocks -------------------------------------------------------------------------
    def begin_block(self, kind: BlockKind, level: int = 0, ordered: bool = False) -> None:
        if self._kind is not None:
            self.end_block()
        separator = 1 if self._blocks else 0
        self._kind, self._level, self._ordered = kind, level, ordered
        self._block_start = self._length + separator
        self._block_chunks: list[str] = []
        self._block_length = 0
        self._pending_space = False
        self._marks = []

    def end_block(self) -> None:
        if self._kind is None:
            return
        body = "".join(self._block_chunks)
        if self._kind is BlockKind.PREFORMATTED:
            stripped = body.strip("\n")
            lead = len(body) - len(body.lstrip("\n"))
            body = stripped.rstrip()
        else:
            lead = 0
            body = body.rstrip()
        if body.strip():
            start = self._block_start
            self._close_all_marks()
            marks = tuple(
                Mark(m.kind, start + max(0, m.start - lead), start + min(len(body), m.end - lead), m.href)
                for m in self._marks
                if min(len(body), m.end - lead) > max(0, m.start - lead)
            )
            if self._blocks:
                self._chunks.append("\n")
            self._chunks.append(body)
            self._length = start + len(body)
            self._blocks.append(Block(self._kind, start, self._length, self._level, marks, self._ordered))
        self._kind = None
        self._open = []

    # --- inline -------------------------------------------------------------------------
    def text(self, text: str) -> None:
        """Append inline text to the current block (a paragraph is opened if none is)."""
        if self._kind is None:
            self.begin_block(BlockKind.PARAGRAPH)
        text = clean_characters(text)
        if self._kind is BlockKind.PREFORMATTED:
            self._emit(text)
            return
        words = text.split()
        if not words:
            if text:
                self._pending_space = True
            return
        if text[0].isspace():
            self._pending_space = True
        if self._pending_space and self._block_length and not self._block_chunks[-1].endswith("\n"):
            self._emit(" ")
        self._pending_space = False
        self._start_pending_marks()  # marks opened before this text start at its first word
        self._emit(" ".join(words))
        if text[-1].isspace():
            self._pending_space = True

    def line_break(self) -> None:
        """A hard line break inside the block (an HTML <br>), kept as a newline."""
        if self._kind is None or not self._block_length:
            return
        while self._block_chunks and self._block_chunks[-1] == " ":
            self._block_chunks.pop()
            self._block_length -= 1
        self._emit("\n")
        self._pending_space = False

    def open_mark(self, kind: MarkKind, href: str | None = None) -> None:
        self._open.append(_OpenMark(kind, href))
        if self._kind is BlockKind.PREFORMATTED:
            self._start_pending_marks()

    def close_mark(self) -> None:
        if not self._open:
            return
        mark = self._open.pop()
        if mark.start is not None and self._block_length > mark.start:
            self._marks.append(Mark(mark.kind, mark.start, self._block_length, mark.href))

    # --- result -------------------------------------------------------------------------
    def build(self) -> tuple[str, tuple[Block, ...]]:
        self.end_block()
        return "".join(self._chunks), tuple(self._blocks)

    # --- internals ----------------------------------------------------------------------
    def _emit(self, text: str) -> None:
        if self._kind is BlockKind.PREFORMATTED:
            self._start_pending_marks()
        self._block_chunks.append(text)
        self._block_length += len(text)

    def _start_pending_marks(self) -> None:
        for mark in self._open:
            if mark.start is None:
                mark.start = self._block_length

    def _close_all_marks(self) -> None:
        while self._open:
            self.close_mark()


def text_from_paragraphs(paragraphs: list[tuple[BlockKind, str]]) -> tuple[str, tuple[Block, ...]]:
    """Canonical text and blocks for plain (unmarked) paragraphs."""
    builder = TextBuilder()
    for kind, paragraph in paragraphs:
        builder.begin_block(kind)
        builder.text(paragraph)
    return builder.build()


# --- quotes ------------------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00ad": None, "\u200b": None, "\u200c": None,
        "\u200d": None, "\u2060": None,
    }
)


def _fold_char(char: str, strip_marks: bool) -> str:
    folded = char.translate(_FOLD)
    if not folded or folded.isspace():
        return " " if folded else ""
    folded = unicodedata.normalize("NFKC", folded)
    if strip_marks:
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        folded = unicodedata.normalize("NFC", folded)  # put Hangul syllables back together
    return folded.casefold()


_fold_cached = functools.lru_cache(maxsize=8192)(_fold_char)


# Runs of non-space characters and single spaces: a run whose characters each fold to one
# character (most article text) folds with one str.translate instead of character by character.
_RUN = re.compile(r"\S+(?: \S+)*")
_ONE_TO_ONE: dict[bool, dict[int, str]] = {False: {32: " "}, True: {32: " "}}  # per strip_marks: char -> fold
_NOT_ONE_TO_ONE: dict[bool, set[str]] = {False: set(), True: set()}


def _one_to_one_table(chars: set[str], strip_marks: bool) -> tuple[dict[int, str], set[str]]:
    """A translation table folding characters to one character each, and those of `chars` it can't."""
    table, others = _ONE_TO_ONE[strip_marks], _NOT_ONE_TO_ONE[strip_marks]
    odd = set()
    for char in chars:
        if ord(char) in table:
            continue
        folded = _fold_cached(char, strip_marks) if char not in others else ""
        if len(folded) != 1 or folded == " ":
            others.add(char)
            odd.add(char)
        else:
            table[ord(char)] = folded
    return table, odd


def normalize_with_map(text: str, *, strip_marks: bool = False) -> tuple[str, list[int]]:
    """Fold case, typographic quotes and dashes, and collapse whitespace.

    Returns the normalised string and, for each of its characters, the index in `text` it
    came from, with one extra entry for the end, so a match in the normalised text maps back
    to a span of the original. With `strip_marks`, accents and other combining marks are
    dropped too, so "é" written as one character or as "e" and a combining accent both fold
    to "e" (re-anchoring uses it; a text re-extracted in another Unicode form still matches).
    """
    out: list[str] = []
    origin: list[int] = []
    previous_space = True
    done = 0
    for run in _RUN.finditer(text):
        previous_space = _fold_chars(text, done, run.start(), strip_marks, out, origin, previous_space)
        previous_space = _fold_run(text, run.start(), run.end(), strip_marks, out, origin, previous_space)
        done = run.end()
    _fold_chars(text, done, len(text), strip_marks, out, origin, previous_space)
    folded = "".join(out)
    if folded.endswith(" "):
        folded = folded[:-1]
        origin.pop()
    origin.append(len(text))
    return folded, origin


def _fold_run(text: str, start: int, end: int, strip_marks: bool, out: list[str], origin: list[int],
              previous_space: bool) -> bool:
    """Fold a run of `_RUN` onto `out`: translated whole, but for characters that fold to 0 or 2+."""
    table, odd = _one_to_one_table(set(text[start:end]), strip_marks)
    position = start
    breaks = re.finditer("[" + re.escape("".join(sorted(odd))) + "]", text[start:end]) if odd else ()
    for match in breaks:
        at = start + match.start()
        previous_space = _translate(text, position, at, table, out, origin, previous_space)
        previous_space = _fold_chars(text, at, at + 1, strip_marks, out, origin, previous_space)
        position = at + 1
    return _translate(text, position, end, table, out, origin, previous_space)


def _translate(text: str, start: int, end: int, table: dict[int, str], out: list[str], origin: list[int],
               previous_space: bool) -> bool:
    """Fold `text[start:end]` (one-to-one characters and single spaces) with `table`."""
    if start < end and previous_space and text[start] == " ":
        start += 1  # a space after a space (or at the start) collapses
    if start >= end:
        return previous_space
    out.append(text[start:end].translate(table))
    origin.extend(range(start, end))
    return text[end - 1] == " "


def _fold_chars(text: str, start: int, end: int, strip_marks: bool, out: list[str], origin: list[int],
                previous_space: bool) -> bool:
    """Fold `text[start:end]` one character at a time onto `out`; returns whether it ended in a space."""
    for index in range(start, end):
        folded = _fold_cached(text[index], strip_marks)
        if not folded:
            continue
        if folded == " ":
            if previous_space:
                continue
            previous_space = True
        else:
            previous_space = False
        out.append(folded)
        origin.extend([index] * len(folded))
    return previous_space


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place `quote` occurs in `text`, in order: its exact matches if it has any;
    otherwise matches ignoring case, whitespace runs and typographic quotes and dashes, so a
    quote typed on a keyboard finds curly-quoted text. The two kinds are never mixed, so the
    n-th occurrence means one thing."""
    if not quote.strip():
        return []
    exact = _all_finds(text, quote)
    if exact:
        return exact
    norm_text, origin = normalize_with_map(text)
    norm_quote, _ = normalize_with_map(quote)
    if not norm_quote:
        return []
    return [(origin[start], origin[end - 1] + 1) for start, end in _all_finds(norm_text, norm_quote)]


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The span of the `occurrence`-th (1-based) place of `quote` in `text` (see quote_spans)."""
    spans = quote_spans(text, quote) if occurrence >= 1 else []
    return spans[occurrence - 1] if occurrence <= len(spans) else None


def count_quote(text: str, quote: str) -> int:
    """How many places `quote` has in `text`, counted as `find_quote` numbers them."""
    return len(quote_spans(text, quote))


def _all_finds(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans = []
    position = haystack.find(needle)
    while position >= 0:
        spans.append((position, position + len(needle)))
        position = haystack.find(needle, position + 1)
    return spans


def quote_context(text: str, start: int, end: int, width: int = CONTEXT_LENGTH) -> tuple[str, str]:
    """The prefix and suffix (up to `width` characters each) around `text[start:end]`."""
    return text[max(0, start - width) : start], text[end : end + width]


def _is_word_char(text: str, index: int) -> bool:
    char = text[index]
    if char.isalnum() or char == "_" or unicodedata.category(char).startswith("M"):
        return True
    # an apostrophe or hyphen between letters belongs to the word ("don't", "well-known")
    if char in "'\u2019-" and 0 < index < len(text) - 1:
        return text[index - 1].isalnum() and text[index + 1].isalnum()
    return False


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `[start, end)` to whole words and trim surrounding whitespace.

    A selection that ends or starts part-way through a word takes the whole word, as
    Omnivore and Kindle do; an empty or all-space selection stays empty.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, start
    while start > 0 and _is_word_char(text, start - 1) and _is_word_char(text, start):
        start -= 1
    while end < len(text) and _is_word_char(text, end) and _is_word_char(text, end - 1):
        end += 1
    return start, end
