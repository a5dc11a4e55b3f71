"""`reader highlight` and `reader tags` (list, rename)."""

from __future__ import annotations

import argparse

from reader.cli.output import one_line, print_json, warn
from reader.domain.colors import DEFAULT_COLOR, PALETTE
from reader.domain.text import count_quote
from reader.domain.wording import counted
from reader.services import Services


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("highlight", parents=[common], help="highlight a quote of an article")
    parser.add_argument("id", type=int, metavar="ID", help="the article")
    parser.add_argument("--quote", required=True, metavar="TEXT", help="the passage, as it reads in the article")
    parser.add_argument("--occurrence", type=int, default=1, metavar="N",
                        help="which occurrence of the quote (1 is the first)")
    parser.add_argument("--color", default=DEFAULT_COLOR, metavar="C", help=f"one of {', '.join(PALETTE)}")
    parser.add_argument("--note", default="", metavar="N", help="a note (Markdown)")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="a tag (repeatable)")
    parser.set_defaults(run=run_highlight)

    parser = commands.add_parser("tags", parents=[common], help="list tags with counts, or rename one",
                                 description="List tags with counts; `tags rename OLD NEW` renames "
                                             "(onto an existing tag it merges the two).")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    actions = parser.add_subparsers(dest="tags_action", metavar="ACTION")
    rename = actions.add_parser("rename", parents=[common], help="rename a tag (merging onto an existing one)")
    rename.add_argument("old", metavar="OLD", help="the tag to rename (the tags below it follow)")
    rename.add_argument("new", metavar="NEW", help="its new name")
    parser.set_defaults(run=run_tags)


def run_highlight(services: Services, args: argparse.Namespace) -> int:
    highlight = services.annotations.highlight_quote(
        args.id, args.quote, occurrence=args.occurrence, color=args.color, note=args.note, tags=tuple(args.tag)
    )
    if args.occurrence == 1:
        count = count_quote(services.articles.get(args.id).text, args.quote)
        if count > 1:
            warn(f"note: the quote occurs {count} times; the first was highlighted (use --occurrence N)")
    print(f"{highlight.id}\t{one_line(highlight.quote, 200)}")
    return 0


def run_tags(services: Services, args: argparse.Namespace) -> int:
    if args.tags_action == "rename":
        changed = services.tags.rename(args.old, args.new)
        print(f"renamed {counted(changed, 'tag')}: {args.old} \u2192 {args.new}")
        return 0
    counts = services.tags.counts()
    if args.json:
        print_json([{"name": c.name, "count": c.total, "articles": c.articles, "highlights": c.highlights}
                    for c in counts])
        return 0
    for tag in counts:
        print(f"{tag.name}\t{tag.total}")
    return 0
