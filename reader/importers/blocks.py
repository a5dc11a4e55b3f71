"""Editing built articles: keep some blocks of a canonical text, shifting offsets to match."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.domain.models import Block


def keep_blocks(text: str, blocks: Sequence[Block], keep: Sequence[bool]) -> tuple[str, tuple[Block, ...]]:
    """The canonical text and blocks made of the blocks whose `keep` flag is true.

    Blocks stay joined by one newline and every block and mark offset is moved to the new text.
    """
    pieces: list[str] = []
    kept: list[Block] = []
    length = 0
    for block, wanted in zip(blocks, keep):
        if not wanted:
            continue
        if kept:
            pieces.append("\n")
            length += 1
        shift = length - block.start
        pieces.append(text[block.start:block.end])
        kept.append(replace(
            block, start=block.start + shift, end=block.end + shift,
            marks=tuple(replace(m, start=m.start + shift, end=m.end + shift) for m in block.marks),
        ))
        length += block.end - block.start
    return "".join(pieces), tuple(kept)


def block_texts(text: str, blocks: Sequence[Block]) -> list[str]:
    """The text of each block."""
    return [text[b.start:b.end] for b in blocks]
