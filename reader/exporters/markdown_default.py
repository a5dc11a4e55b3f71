"""Reader's default Markdown layout written out in Python: the bytes of `templates/article.md.j2`, faster.

Rendering the shipped template through Jinja2's sandbox took most of an export's time (a
dict of variables per article and per highlight, then a sandboxed filter call for each
value). The template stays the reference: users copy it to start their own, and
tests/exporters/test_markdown_default.py renders generated articles both ways and requires
the same text, so a change to one of the two must be made to the other. The choices both
share (text order, colour order and names, front matter fields) are made here once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

from reader import __version__
from reader.domain.colors import PALETTE
from reader.domain.export_records import ExportArticle, ExportHighlight, ShownHighlight
from reader.domain.models import AnchorState, Article, Highlight
from reader.exporters.markdown_syntax import blockquote, hashtag, link_url, md_escape, note_markdown, one_line, safe_tag
from reader.exporters.markdown_yaml import front_matter

T = TypeVar("T")
_ORDER = {color: index for index, color in enumerate(PALETTE)}
_ORPHAN = "orphan"
_ORPHAN_LINE = " · no longer found in the article's text"
_TEXT_ORDER = attrgetter("start", "end", "id")


def palette_names(color_names: Mapping[str, str]) -> dict[str, str]:
    """The user's name of each palette colour, "" where it has none."""
    return {color: str(color_names.get(color) or "") for color in PALETTE}


def in_text_order(highlights: Iterable) -> list:
    """Highlights by start, then end, then age (id)."""
    return sorted(highlights, key=_TEXT_ORDER)


def by_color(items: Sequence[T], color_of: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """(colour, its items) in palette order, then colours outside the palette by name."""
    colors = sorted({color_of(item) for item in items}, key=lambda c: (_ORDER.get(c, len(_ORDER)), c))
    return [(color, [item for item in items if color_of(item) == color]) for color in colors]


def group_title(color: str, names: Mapping[str, str]) -> str:
    """A colour group's heading: the user's name of the colour, else the colour."""
    return names.get(color, "") or color.capitalize()


def front_fields(article: Article | ExportArticle, tags: list[str]) -> dict[str, Any]:
    """The front matter of an article whose tags, made safe, are `tags`."""
    return {"title": article.title, "author": article.author, "site": article.site, "url": article.url,
            "published": article.published, "tags": tags, "reader_id": article.id}


def safe_tags(names: Iterable[str]) -> list[str]:
    """Tags as note apps take them (see safe_tag), those with nothing usable left out."""
    return [safe for safe in map(safe_tag, names) if safe]


def hashtags(names: Iterable[str]) -> list[str]:
    """Tags as `#a/b` (see hashtag), those with nothing usable left out."""
    return [tag for tag in map(hashtag, names) if tag]


def render_default(
    article: Article | ExportArticle,
    highlights: Sequence[Highlight | ExportHighlight | ShownHighlight],
    color_names: Mapping[str, str],
    group_by_color: bool,
) -> str:
    """What the default template renders for `article` and `highlights`, before the final newline is settled."""
    names = palette_names(color_names)
    items = in_text_order(highlights)
    parts = [
        "---\n", front_matter(front_fields(article, safe_tags(article.tags))),
        "---\n\n# ", md_escape(one_line(article.title)), "\n",
    ]
    if article.url:
        parts += ("\nSource: [", md_escape(one_line(article.site or article.url)), "](", link_url(article.url),
                  ")\n")
    elif article.site:
        parts += ("\nSource: ", md_escape(one_line(article.site)), "\n")
    if article.note:
        parts += ("\n## Note\n\n", note_markdown(article.note), "\n")
    if group_by_color:
        for color, mine in by_color(items, lambda h: h.color):
            _group(parts, group_title(color, names), mine, names)
    elif items:
        _group(parts, "Highlights", items, names)
    return "".join(parts)


def _group(parts: list[str], title: str, items: Sequence, names: Mapping[str, str]) -> None:
    """One `## title` section with its highlights, appended to `parts`."""
    parts.append(f"\n## {md_escape(one_line(title))}\n")
    labels = _labels(tuple(names.items()))
    for h in items:
        label = labels.get(h.color, "") if labels else ""
        tags = _tag_line(h.tags) if h.tags else ""
        orphan = _ORPHAN_LINE if h.anchor_state == _ORPHAN else ""
        note = f"\n{note_markdown(h.note)}\n" if h.note else ""
        parts.append(f"\n{blockquote(h.quote)}\n\n^h{h.id}\n\nColour: {h.color}{label}{tags}{orphan}\n{note}")


@lru_cache(maxsize=16)  # an export's colour names are the same for each of its articles
def _labels(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """What follows a colour that has a name: " (name)" (the dict is shared: never change it)."""
    return {color: f" ({md_escape(one_line(name))})" for color, name in names if name}


@lru_cache(maxsize=4096)  # the same few sets of tags come back on many highlights
def _tag_line(tags: tuple[str, ...]) -> str:
    """What follows a highlight's colour for its tags: " · #a #b/c", or "" if none is usable."""
    usable = hashtags(tags)
    return " · " + " ".join(usable) if usable else ""


# Articles that show the parts of the layout: what `layout_key` renders to name the code's output.
_SAMPLE = ExportArticle(
    7, "0" * 32, "A *sample*: [links], #tags & «quotes» 🙂", "Jane Doe", "Example", "https://example.com/a_(b)",
    "2024-05-01", datetime(2024, 5, 1), "html", "en", "An article note\n\n```\nopen fence", False, False, 0.0,
    ("news", "a b/c d"))
_SAMPLE_HIGHLIGHTS = tuple(
    ShownHighlight(index + 1, 7, 10 * index, 10 * index + 9, f"> Quote {index}\n\n* with lines_and `code`", color,
                   "A **note**" if index % 2 else "", ("topic/sub topic", "x") if index % 2 else (),
                   AnchorState.ORPHAN if index == 3 else AnchorState.EXACT)
    for index, color in enumerate((*PALETTE, "teal", PALETTE[0])))
_BARE_SAMPLE = ExportArticle(8, "1" * 32, "", "", "Only a site", "", None, datetime(2024, 5, 1), "text", "", "",
                             False, False, 0.0, ())


@lru_cache(maxsize=1)
def _code() -> str:
    """Reader's version and a hash of the source of the modules that write the layout.

    The version alone stays the same between releases (a git checkout, a patched package); a
    frozen build without sources has only its version, which is then the build's own.
    """
    from reader.exporters import markdown_syntax, markdown_yaml

    digest = hashlib.sha256(__version__.encode())
    for path in (__file__, markdown_syntax.__file__, markdown_yaml.__file__):
        try:
            digest.update(Path(path).read_bytes())
        except (OSError, TypeError):  # no source file
            digest.update(b"no source")
    return digest.hexdigest()


def layout_key(color_names: Mapping[str, str], group_by_color: bool) -> str:
    """A name for what this module writes with these choices, to keep renders under (storage/export_renders).

    It hashes the code (see `_code`), the choices, and sample articles as rendered by the code
    running now, so renders kept by other code, or for other choices, are never used.
    """
    names = palette_names(color_names)
    samples = (render_default(_SAMPLE, _SAMPLE_HIGHLIGHTS, names, group_by_color)
               + render_default(_BARE_SAMPLE, (), names, group_by_color))
    digest = hashlib.sha256(f"{_code()}\n{group_by_color}\n{sorted(names.items())}\n{samples}".encode())
    return "default:" + digest.hexdigest()[:32]
