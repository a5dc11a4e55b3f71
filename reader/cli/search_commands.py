"""`reader search`: the whole library at once, one line (or JSON object) per result."""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli.output import one_line, print_json, warn
from reader.domain.errors import ReaderError
from reader.domain.search import ArticleHit, HighlightHit, Hit
from reader.services import Services
from reader.services.search import DEFAULT_LIMIT

_EPILOG = """\
query language: words (all must match), "exact phrases", prefix*, -word to exclude, a OR b;
fields title: author: site: note: tag:NAME (tag:NAME/* with the tags below it) color:yellow
has:note|highlights|tags is:unread|read|archived added:>2024-01-01 published:<2021.
A query starting with - goes after --:  reader search -- -draft"""


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "search", parents=[common], help="search articles, highlights, notes and tags",
        description="Search the whole library; results best first.", epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help="the query (several words are joined)")
    parser.add_argument("--json", action="store_true", help="print a JSON array of results")
    parser.add_argument("--limit", type=_positive, default=DEFAULT_LIMIT, metavar="N",
                        help=f"at most N results (default {DEFAULT_LIMIT})")
    # `reader search oil -opec`: words after a first word may start with "-" (see cli.main).
    parser.set_defaults(run=run_search, takes_dash_words=True)


def hit_object(hit: Hit) -> dict[str, Any]:
    """The `search --json` object of a hit (DESIGN.md), with the snippet's match spans."""
    document: dict[str, Any] = {
        "kind": hit.kind,
        "article_id": hit.article_id,
        "title": hit.title,
        "snippet": hit.snippet.text,
        "snippet_matches": [list(span) for span in hit.snippet.matches],
    }
    if isinstance(hit, HighlightHit):
        document.update(highlight_id=hit.highlight_id, quote=hit.quote, note=hit.note, tags=list(hit.tags),
                        color=hit.color, start=hit.start, end=hit.end)
    else:
        document.update(author=hit.author, site=hit.site,
                        position=list(hit.position) if hit.position else None)
    return document


def _line(hit: Hit) -> str:
    if isinstance(hit, ArticleHit):
        title = hit.title + (f" \u00b7 {hit.site}" if hit.site else "")
        return f"{hit.article_id}\t{one_line(title, 90)}\t{one_line(hit.snippet.marked(), 240)}"
    label = " ".join([hit.color] + ["#" + tag for tag in hit.tags])
    text = hit.snippet.marked()
    if hit.snippet is hit.quote_snippet and hit.note:
        text += " \u2014 " + hit.note_snippet.marked()
    return f"{hit.article_id}#{hit.highlight_id}\t{one_line(hit.title, 90)}\t{label}: {one_line(text, 240)}"


def run_search(services: Services, args: argparse.Namespace) -> int:
    text = " ".join(args.query + getattr(args, "dash_words", []))
    if not text.strip():
        raise ReaderError("give a query, e.g. reader search 'inflation tag:economy'")
    results = services.search.search(text, limit=args.limit)
    if results.query.reinterpreted:
        warn(f"understood as: {results.query.describe()}")
        for note in results.query.notes:
            warn(f"  ({note})")
    if args.json:
        print_json([hit_object(hit) for hit in results.hits])
        return 0
    for hit in results.hits:
        print(_line(hit))
    if results.truncated:
        warn(f"(more results than {args.limit}; use --limit N to see more)")
    return 0
