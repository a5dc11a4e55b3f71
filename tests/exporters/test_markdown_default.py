"""The default layout written in Python gives the same bytes as the shipped Jinja2 template, whatever the article."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.domain.colors import PALETTE
from reader.domain.export_records import ExportArticle, ExportHighlight, ShownHighlight
from reader.domain.models import AnchorState, Article, Highlight
from reader.exporters.markdown import MarkdownExporter, default_template_source

WHEN = datetime(2024, 5, 1, 10, 0, 0)
# Text that exercises every escape: Markdown and Obsidian syntax, line starts, blank and
# indented lines, fences, YAML's troublemakers, and anything else hypothesis thinks of.
PIECES = [*"ab1 \n\t\\`*_[]<>~#&=-+.)(:\"'|!", "```", "~~~", "&amp;", "==", "1.", "\u2028", "\x85", "🦊", "word "]
MARKDOWNISH = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
TEXT = st.one_of(MARKDOWNISH, st.text(max_size=40))
COLORS = st.one_of(st.sampled_from(PALETTE), st.sampled_from(["red", "", "Yellow"]), st.text(max_size=6))
TAGS = st.lists(st.one_of(st.sampled_from(["world/iran", "big idea", "1984", "a//b", "---", "C++"]), TEXT),
                max_size=3)


@st.composite
def articles(draw):
    """(article, highlights) as storage gives them: domain dataclasses, or the export's records."""
    records = draw(st.booleans())
    fields = dict(id=draw(st.integers(1, 10**6)), uid="a" * 32, title=draw(TEXT), author=draw(TEXT),
                  site=draw(st.one_of(st.just(""), TEXT)), url=draw(st.one_of(st.just(""), TEXT)),
                  published=draw(st.one_of(st.none(), TEXT)), added=WHEN, kind="html", language="en",
                  note=draw(st.one_of(st.just(""), TEXT)), is_read=draw(st.booleans()), archived=False,
                  progress=0.5, tags=tuple(draw(TAGS)))
    article = ExportArticle(**fields) if records else Article(**fields)
    highlights = []
    for number, start in enumerate(draw(st.lists(st.integers(0, 50), max_size=6)), start=1):
        values = dict(id=draw(st.integers(1, 10**6)) * 10 + number, article_id=fields["id"], start=start,
                      end=start + draw(st.integers(0, 5)), quote=draw(TEXT), prefix="", suffix="",
                      color=draw(COLORS), note=draw(st.one_of(st.just(""), TEXT)), tags=tuple(draw(TAGS)),
                      anchor_state=draw(st.sampled_from(AnchorState)), anchor_score=None, created=WHEN,
                      updated=WHEN, uid=f"{number:032x}")
        highlights.append(ExportHighlight(**values) if records else Highlight(**values))
    return article, highlights


NAMES = st.dictionaries(st.sampled_from([*PALETTE, "red"]), st.one_of(st.just(""), TEXT), max_size=4)
JINJA = MarkdownExporter(default_template_source())
FAST = MarkdownExporter()


def test_only_templates_need_every_field_of_a_highlight():
    assert JINJA.full_highlights and not FAST.full_highlights


@settings(max_examples=400)
@given(articles(), NAMES, st.booleans())
def test_the_default_layout_is_the_template_byte_for_byte(article_and_highlights, names, grouped):
    article, highlights = article_and_highlights
    expected = JINJA.render(article, highlights, color_names=names, group_by_color=grouped)
    assert FAST.render(article, highlights, color_names=names, group_by_color=grouped) == expected
    shown = [ShownHighlight(*(getattr(h, name) for name in ShownHighlight._fields)) for h in highlights]
    assert FAST.render(article, shown, color_names=names, group_by_color=grouped) == expected


@settings(max_examples=100)
@given(articles(), NAMES, st.booleans())
def test_a_template_sees_the_same_variables_from_records_and_dataclasses(article_and_highlights, names, grouped):
    article, highlights = article_and_highlights
    fields = {name: getattr(article, name) for name in ExportArticle._fields}
    as_records = (ExportArticle(**fields), [ExportHighlight(*h) for h in map(_fields, highlights)])
    as_models = (Article(**fields), [Highlight(*h) for h in map(_fields, highlights)])
    rendered = {JINJA.render(a, hs, color_names=names, group_by_color=grouped) for a, hs in (as_records, as_models)}
    assert len(rendered) == 1


def _fields(highlight) -> tuple:
    return tuple(getattr(highlight, name) for name in ExportHighlight._fields)


def test_the_layout_of_an_article_with_everything():
    article = Article(id=3, title="A *Title*\non two lines", author="", site="", url="https://x.test/a b",
                      published="2024", added=WHEN, kind="html", note="Article note\n```\nopen fence",
                      tags=("world/iran", "1984"), uid="b" * 32)
    highlights = [
        Highlight(2, 3, 20, 30, "# second\n\n1. item", "", "", "pink", "", ("big idea",), AnchorState.ORPHAN, 0.2,
                  WHEN, WHEN, "c" * 32),
        Highlight(1, 3, 10, 15, "first", "", "", "yellow", "", (), AnchorState.EXACT, None, WHEN, WHEN, "d" * 32),
    ]
    markdown = FAST.render(article, highlights, color_names={"yellow": "key point"})
    assert markdown == JINJA.render(article, highlights, color_names={"yellow": "key point"})
    assert markdown == (
        '---\ntitle: "A *Title*\\non two lines"\nauthor: ""\nsite: ""\nurl: "https://x.test/a b"\n'
        'published: "2024"\ntags:\n  - "world/iran"\n  - "_1984"\nreader_id: 3\n---\n\n'
        "# A \\*Title\\* on two lines\n\nSource: [https://x.test/a b](https://x.test/a%20b)\n\n"
        "## Note\n\nArticle note\n```\nopen fence\n```\n\n## Highlights\n\n"
        "> first\n\n^h1\n\nColour: yellow (key point)\n\n"
        "> \\# second\n>\n> 1\\. item\n\n^h2\n\nColour: pink · #big-idea · no longer found in the article's text\n"
    )
