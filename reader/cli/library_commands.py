"""`reader import`, `list`, `show` and `edit`."""

from __future__ import annotations

import argparse

from reader.cli.output import UsageError, article_summary, highlight_object, one_line, print_json, warn
from reader.domain.models import AnchorState, Highlight
from reader.services import Services


ARTICLE_ID_HELP = "the article's id (reader list shows them)"


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("import", parents=[common], help="import files, folders or web addresses",
                                 description="Import articles (.html, .htm, .md, .txt) from files and folders, "
                                             "and web pages from http(s) addresses. A JSON backup "
                                             "(reader export --format json) is restored; Hypothesis and W3C "
                                             "annotation files add their highlights to the articles you have.")
    parser.add_argument("paths", nargs="+", metavar="PATH|URL", help="a file, a folder (walked) or a web address")
    parser.add_argument("--tag", action="append", default=[], metavar="T", help="tag every imported article")
    parser.set_defaults(run=run_import)

    parser = commands.add_parser("list", parents=[common], help="list the articles of the library")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(run=run_list)

    parser = commands.add_parser("show", parents=[common], help="show one article")
    parser.add_argument("id", type=int, metavar="ID", help=ARTICLE_ID_HELP)
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="metadata, text and highlights as JSON")
    form.add_argument("--text", action="store_true", help="only the article's text")
    parser.set_defaults(run=run_show)

    parser = commands.add_parser("edit", parents=[common],
                                 help="correct an article's title, author, date, site or web address")
    parser.add_argument("id", type=int, metavar="ID", help=ARTICLE_ID_HELP)
    parser.add_argument("--title", metavar="T", help="the title (it cannot be blank)")
    parser.add_argument("--author", metavar="A", help="the author or authors; '' clears it")
    parser.add_argument("--published", metavar="DATE", help="e.g. 2020-12-24 or '2020-12-24 08:54'; '' clears it")
    parser.add_argument("--site", metavar="S", help="the site or publication; '' clears it")
    parser.add_argument("--url", metavar="URL", help="the web address (http or https); '' clears it")
    parser.set_defaults(run=run_edit)


def run_import(services: Services, args: argparse.Namespace) -> int:
    report = services.importer.import_paths(args.paths, tags=tuple(args.tag))
    for item in report.imported:
        print(f"{item.article.id}\t{one_line(item.article.title, 200)}", flush=True)
    for item in report.updated:
        print(f"{item.article.id}\t{one_line(item.article.title, 200)}\tupdated", flush=True)
        warn(f"{item.source}: a new version of article {item.article.id} (text version "
             f"{item.article.text_version}, the previous one kept); {item.anchors}")
    for item in report.duplicates:
        warn(f"{item.source}: already in the library as {item.article.id} ({one_line(item.article.title, 60)}); "
             "nothing imported")
    for failure in report.failures:
        warn(f"{failure.source}: {failure.reason}")
    for restored in report.restored:  # backups and other tools' annotation files
        for line in (restored.summary(), *restored.notes):
            warn(line)
    return 0 if report.ok else 1


def run_list(services: Services, args: argparse.Namespace) -> int:
    articles = services.articles.list()
    if args.json:
        print_json([article_summary(article) for article in articles])
        return 0
    for article in articles:
        source = article.site or article.author
        print(f"{article.id}\t{one_line(article.title, 90)}\t{one_line(source, 40)}\t"
              f"{article.published or ''}\t{article.highlight_count}")
    return 0


def run_show(services: Services, args: argparse.Namespace) -> int:
    article = services.articles.get(args.id)
    if args.text:
        print(article.text)
        return 0
    highlights = services.annotations.highlights(args.id)
    if args.json:
        document = article_summary(article)
        document.update(note=article.note, text=article.text,
                        highlights=[highlight_object(h) for h in highlights])
        print_json(document)
        return 0
    print(article.title)
    byline = " \u00b7 ".join(part for part in (article.author, article.site, article.published or "") if part)
    if byline:
        print(byline)
    if article.url:
        print(article.url)
    if article.tags:
        print("Tags: " + ", ".join(article.tags))
    print()
    print(article.text)
    placed = [h for h in highlights if h.anchor_state is not AnchorState.ORPHAN]
    orphans = [h for h in highlights if h.anchor_state is AnchorState.ORPHAN]
    for heading, group in ((f"Highlights ({len(placed)}):", placed),
                           (f"Needs review ({len(orphans)}): no longer found in the text", orphans)):
        if group:
            print()
            print(heading)
            for highlight in group:
                _print_highlight(highlight)
    return 0


def _print_highlight(highlight: Highlight) -> None:
    tags = " ".join("#" + tag for tag in highlight.tags)
    fuzzy = f" (placed approximately, score {highlight.anchor_score:.2f})" \
        if highlight.anchor_state is AnchorState.FUZZY and highlight.anchor_score is not None else ""
    line = f"  [{highlight.id}] {highlight.color}: \u201c{one_line(highlight.quote, 80)}\u201d{fuzzy} {tags}"
    print(line.rstrip())
    if highlight.note:
        print(f"      {one_line(highlight.note, 120)}")


_EDIT_FIELDS = ("title", "author", "published", "site", "url")


def run_edit(services: Services, args: argparse.Namespace) -> int:
    changes = {name: getattr(args, name) for name in _EDIT_FIELDS}
    if all(value is None for value in changes.values()):
        raise UsageError(f"edit needs at least one of {', '.join('--' + name for name in _EDIT_FIELDS)}")
    article = services.articles.edit(args.id, **changes)
    print(f"{article.id}\t{one_line(article.title, 200)}")
    return 0
