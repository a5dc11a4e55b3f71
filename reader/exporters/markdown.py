"""Articles and their highlights to Markdown through a Jinja2 template, in a sandbox.

The default template ships in the package (`templates/article.md.j2`); a user's template
file may replace it and sees the same variables (`TEMPLATE_VARIABLES`, also in the README).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jinja2 import BaseLoader, StrictUndefined, Template, TemplateError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reader.domain.errors import ReaderError
from reader.domain.export_records import ExportArticle, ExportHighlight, ShownHighlight
from reader.domain.models import Article, Highlight
from reader.exporters.markdown_default import (
    by_color,
    front_fields,
    group_title,
    hashtags,
    in_text_order,
    layout_key,
    palette_names,
    render_default,
    safe_tags,
)
from reader.exporters.markdown_syntax import blockquote, hashtag, link_url, md_escape, note_markdown, one_line
from reader.exporters.markdown_yaml import front_matter

DEFAULT_TEMPLATE_NAME = "article.md.j2"

# Every variable a template sees; the README's list is this one.
TEMPLATE_VARIABLES: dict[str, str] = {
    "article": "the article: id, uid, title, author, site, url, published (text), added (a UTC datetime: "
    "{{ article.added.strftime('%Y-%m-%d') }}), kind, language, tags, hashtags, note, read, archived, "
    "progress, highlight_count",
    "highlights": "its highlights in text order, each with: id, uid, block_id (h<ID>), quote, note, "
    "color (palette key), color_name (your name for it, or ''), color_label (the name, else the key), "
    "tags, hashtags, start, end, prefix, suffix, anchor (exact, moved, fuzzy or orphan), created and "
    "updated (UTC datetimes)",
    "groups": "the highlights in sections: one 'Highlights' group, or one per colour (palette order) "
    "when grouping by colour; each with title, color, color_name, highlights",
    "group_by_color": "whether the export groups highlights by colour",
    "color_names": "your names of the colours, by palette key",
    "front_matter": "the YAML front matter (title, author, site, url, published, tags, reader_id), "
    "without the --- lines",
}
TEMPLATE_FILTERS: dict[str, str] = {
    "md_escape": "text shown literally in Markdown",
    "blockquote": "text escaped and quoted line by line with '> '",
    "note": "a note's Markdown, with a code fence it left open closed",
    "hashtag": "a tag as #a/b, safe for Obsidian and Logseq",
    "link_url": "a URL safe as a Markdown link target",
    "one_line": "whitespace and newlines squeezed to single spaces",
    "yaml": "a value as YAML (e.g. {{ {'id': article.id} | yaml }})",
}


class TemplateProblem(ReaderError):
    """A template that cannot be read, compiled or rendered; the message names the line."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with a fast path for `h.quote` on the plain dicts our variables are.

    Jinja2 tries an attribute before a key, so every `h.quote` on a dict raised and caught
    an AttributeError first; reading a key is what `h["quote"]` does unchecked anyway.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


class _SourceLoader(BaseLoader):
    """Hands Jinja2 one template under its own name, so tracebacks and errors carry that name."""

    def __init__(self, name: str, source: str) -> None:
        self._name, self._source = name, source

    def get_source(self, environment, template):
        return self._source, self._name, lambda: True


def default_template_source() -> str:
    """The shipped default template's text."""
    return resources.files("reader.exporters").joinpath("templates", DEFAULT_TEMPLATE_NAME).read_text("utf-8")


# libyaml's emitter when PyYAML was built with it: the same output, many times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_yaml(value: Any) -> str:
    """YAML for `value`, keys in the given order, Unicode kept, long strings never folded."""
    return yaml.dump(value, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=2**31 - 1)


class MarkdownExporter:
    """Renders one article with its highlights to Markdown; compile once, render many times."""

    def __init__(self, source: str | None = None, *, name: str = DEFAULT_TEMPLATE_NAME) -> None:
        """Compile `source`; raises TemplateProblem naming the line.

        Without `source`, the default layout: the shipped template's text, written by
        `markdown_default` without Jinja2 (the same bytes, in less than half the time).
        """
        self.name = name
        self._template = None if source is None else _compile(source, name)
        # A template may use any field of a highlight; the default layout shows those of ShownHighlight.
        self.full_highlights = self._template is not None

    @classmethod
    def from_file(cls, path: Path) -> MarkdownExporter:
        """The exporter of a user's template file."""
        try:
            source = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise TemplateProblem(f"template {path}: not UTF-8 text") from None
        except OSError as error:
            raise TemplateProblem(f"cannot read the template {path}: {error.strerror or error}") from None
        return cls(source, name=str(path))

    def layout_key(self, color_names: Mapping[str, str] | None, group_by_color: bool) -> str | None:
        """The name renders with these choices may be kept under (see markdown_default.layout_key);
        None for a user's template, whose output may depend on anything (the day, say)."""
        return layout_key(color_names or {}, group_by_color) if self._template is None else None

    def render(
        self,
        article: Article | ExportArticle,
        highlights: Sequence[Highlight | ExportHighlight] | Sequence[ShownHighlight],
        *,
        color_names: Mapping[str, str] | None = None,
        group_by_color: bool = False,
    ) -> str:
        """The Markdown of `article` with `highlights` (sorted into text order here), ending in one newline.

        ShownHighlights are enough when not `full_highlights`.
        """
        if self._template is None:
            return render_default(article, highlights, color_names or {}, group_by_color).rstrip("\n") + "\n"
        context = template_context(article, highlights, color_names or {}, group_by_color)
        try:
            text = self._template.render(context)
        except Exception as error:  # noqa: BLE001 - a user's template can fail in any way
            line = _template_line(error, self.name)
            where = f", line {line}" if line else ""
            message = error.message if isinstance(error, TemplateError) and error.message else str(error)
            raise TemplateProblem(f"template {self.name}{where}: {message or type(error).__name__}") from None
        return text.rstrip("\n") + "\n"  # one final newline, however the template ends


def _compile(source: str, name: str) -> Template:
    """`source` compiled in the sandbox, under `name` (which errors and tracebacks carry)."""
    environment = _Sandbox(
        loader=_SourceLoader(name, source),
        undefined=StrictUndefined,  # a misspelt variable is an error naming its line, not ""
        autoescape=False,  # Markdown, not HTML: `#a/b` must never become `#a&#x2F;b`
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=lambda value: "" if value is None else value,
    )
    environment.filters.update(
        md_escape=md_escape, blockquote=blockquote, note=note_markdown, hashtag=hashtag,
        link_url=link_url, one_line=one_line, yaml=dump_yaml,
    )
    try:
        return environment.get_template(name)
    except TemplateSyntaxError as error:
        raise TemplateProblem(f"template {name}, line {error.lineno}: {error.message}") from None


def _template_line(error: BaseException, name: str) -> int | None:
    """The template line being rendered when `error` happened (Jinja2 rewrites the traceback)."""
    line = None
    traceback = error.__traceback__ or sys.exc_info()[2]
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == name:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def template_context(
    article: Article | ExportArticle,
    highlights: Sequence[Highlight | ExportHighlight],
    color_names: Mapping[str, str],
    group_by_color: bool,
) -> dict[str, Any]:
    """The variables of TEMPLATE_VARIABLES for one article."""
    names = palette_names(color_names)
    items = [_highlight(h, names) for h in in_text_order(highlights)]
    if group_by_color:
        groups = [_group(color, names, mine) for color, mine in by_color(items, lambda item: item["color"])]
    else:
        groups = [{"title": "Highlights", "color": "", "color_name": "", "highlights": items}] if items else []
    tags = safe_tags(article.tags)
    return {
        "article": {
            "id": article.id,
            "uid": article.uid,
            "title": article.title,
            "author": article.author,
            "site": article.site,
            "url": article.url,
            "published": article.published,
            "added": article.added,
            "kind": article.kind,
            "language": article.language,
            "tags": list(article.tags),
            "hashtags": ["#" + tag for tag in tags],
            "note": article.note,
            "read": article.is_read,
            "archived": article.archived,
            "progress": article.progress,
            "highlight_count": len(items),
        },
        "highlights": items,
        "groups": groups,
        "group_by_color": group_by_color,
        "color_names": names,
        "front_matter": front_matter(front_fields(article, tags)),
    }


def _highlight(highlight: Highlight | ExportHighlight, names: Mapping[str, str]) -> dict[str, Any]:
    name = names.get(highlight.color, "")
    return {
        "id": highlight.id,
        "uid": highlight.uid,
        "block_id": f"h{highlight.id}",
        "quote": highlight.quote,
        "note": highlight.note,
        "color": highlight.color,
        "color_name": name,
        "color_label": name or highlight.color,
        "tags": list(highlight.tags),
        "hashtags": hashtags(highlight.tags),
        "start": highlight.start,
        "end": highlight.end,
        "prefix": highlight.prefix,
        "suffix": highlight.suffix,
        "anchor": highlight.anchor_state.value,
        "created": highlight.created,
        "updated": highlight.updated,
    }


def _group(color: str, names: Mapping[str, str], items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"title": group_title(color, names), "color": color, "color_name": names.get(color, ""),
            "highlights": items}
