"""Blocks and marks to and from plain JSON-ready lists, for storage and backups."""

from __future__ import annotations

from reader.domain.models import Block, BlockKind, Mark, MarkKind


def blocks_to_data(blocks: tuple[Block, ...]) -> list[list]:
    """A compact list form: [kind, start, end, level, ordered, [[mark, start, end, href], ...]]."""
    return [
        [b.kind.value, b.start, b.end, b.level, b.ordered, [[m.kind.value, m.start, m.end, m.href] for m in b.marks]]
        for b in blocks
    ]


def blocks_from_data(data: list[list]) -> tuple[Block, ...]:
    """The inverse of `blocks_to_data`."""
    return tuple(
        Block(
            BlockKind(kind),
            start,
            end,
            level,
            tuple(Mark(MarkKind(mk), ms, me, href) for mk, ms, me, href in marks),
            bool(ordered),
        )
        for kind, start, end, level, ordered, marks in data
    )
