"""`reader export`: Markdown files for note apps, or the library as W3C annotation JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.output import one_line, warn
from reader.domain.errors import ReaderError
from reader.services import Services


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "export", parents=[common], help="export notes to Markdown, or the library to annotation JSON",
        description="Markdown: one file per article in the folder --out (updated in place on re-export; "
                    "files you edited are kept unless --force). JSON: a W3C Web Annotation collection with "
                    "the articles, which `reader import FILE` restores. Without --out, one article's "
                    "Markdown or the JSON goes to standard output.")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="markdown (the default) or json")
    parser.add_argument("--article", action="append", type=int, default=[], metavar="ID",
                        help="export this article (repeatable; default: all)")
    parser.add_argument("--tag", metavar="T", help="only articles carrying T (or a tag below it), "
                                                    "on the article or on one of its highlights")
    parser.add_argument("--out", metavar="PATH", help="a folder for Markdown, a file for JSON")
    parser.add_argument("--template", metavar="FILE", type=Path, help="a Jinja2 template for the Markdown")
    parser.add_argument("--force", action="store_true", help="overwrite Markdown files edited since the last export")
    parser.add_argument("--group-by-color", action="store_true", default=None,
                        help="group highlights by colour (default: as in settings)")
    parser.set_defaults(run=run_export)


def run_export(services: Services, args: argparse.Namespace) -> int:
    if args.format == "json":
        return _export_json(services, args)
    # Here rather than at the top: `reader` with no command (the window) imports this module too.
    from reader.services.export_folder import FileStatus

    if args.out is None:
        return _markdown_to_stdout(services, args)
    report = services.exports.export_markdown(
        Path(args.out), article_ids=tuple(args.article), tag=args.tag, template=args.template,
        group_by_color=args.group_by_color, force=args.force)
    for message in report.warnings:
        warn(message)
    for item in report.with_status(FileStatus.CREATED, FileStatus.UPDATED, FileStatus.OVERWRITTEN):
        print(f"{item.article_id}\t{item.path}", flush=True)
    for item in report.with_status(FileStatus.KEPT, FileStatus.FAILED):
        warn(f"{item.path}: {item.reason}")
    counts = ", ".join(f"{len(report.with_status(status))} {status.value}" for status in FileStatus
                       if report.with_status(status))
    warn(f"exported {len(report.files)} article{'' if len(report.files) == 1 else 's'} to {report.folder}"
         + (f" ({counts})" if counts else ""))
    return 0 if report.ok else 1


def _markdown_to_stdout(services: Services, args: argparse.Namespace) -> int:
    if args.force:
        raise ReaderError("--force is about files in an --out folder; give --out DIR")
    articles = services.exports.select(article_ids=tuple(args.article), tag=args.tag)
    if len(articles) != 1:
        what = "the library has no articles" if not articles else f"{len(articles)} articles are selected"
        raise ReaderError(f"{what}: give --out DIR to write one Markdown file each, or --article ID for one")
    sys.stdout.write(services.exports.markdown(articles[0].id, template=args.template,
                                               group_by_color=args.group_by_color))
    return 0


def _export_json(services: Services, args: argparse.Namespace) -> int:
    if args.template is not None or args.group_by_color or args.force:
        raise ReaderError("--template, --group-by-color and --force are for Markdown; drop them for JSON")
    destination = Path(args.out) if args.out is not None else sys.stdout
    report = services.exports.export_json(destination, article_ids=tuple(args.article), tag=args.tag)
    if report.path is not None:
        warn(f"wrote {report.articles} article{'' if report.articles == 1 else 's'} and {report.highlights} "
             f"highlight{'' if report.highlights == 1 else 's'} to {one_line(str(report.path), 300)}")
    return 0
