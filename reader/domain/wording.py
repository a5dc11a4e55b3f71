"""Counts in words for messages: "1 article", "3 articles"."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """`count` and `noun`, with an s unless there is one (every noun Reader counts takes an s)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
