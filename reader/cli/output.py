"""How the command line prints: JSON documents for scripts, tab-separated lines for people."""

from __future__ import annotations

import json
import sys
from typing import Any

from reader.domain.errors import ReaderError
from reader.domain.models import Article, Highlight

USAGE_ERROR = 2  # the exit code of a command given wrongly, as argparse uses for its own errors


class UsageError(ReaderError):
    """A command given without what it needs; `reader` prints it and exits with USAGE_ERROR."""


def article_summary(article: Article) -> dict[str, Any]:
    """The `list --json` object of an article."""
    return {
        "id": article.id,
        "title": article.title,
        "author": article.author,
        "site": article.site,
        "url": article.url,
        "published": article.published,
        "added": article.added.isoformat(timespec="seconds"),
        "tags": list(article.tags),
        "highlights": article.highlight_count,
        "kind": article.kind,
        "language": article.language,
        "read": article.is_read,
        "archived": article.archived,
    }


def highlight_object(highlight: Highlight) -> dict[str, Any]:
    """The JSON object of a highlight."""
    return {
        "id": highlight.id,
        "article_id": highlight.article_id,
        "start": highlight.start,
        "end": highlight.end,
        "quote": highlight.quote,
        "prefix": highlight.prefix,
        "suffix": highlight.suffix,
        "color": highlight.color,
        "note": highlight.note,
        "tags": list(highlight.tags),
        "anchor": highlight.anchor_state.value,
        "anchor_score": highlight.anchor_score,
        "created": highlight.created.isoformat(timespec="seconds"),
        "updated": highlight.updated.isoformat(timespec="seconds"),
    }


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def one_line(text: str, limit: int = 100) -> str:
    """Text squeezed onto one line (tabs and newlines would break tab-separated output)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def warn(message: str) -> None:
    print(message, file=sys.stderr)
