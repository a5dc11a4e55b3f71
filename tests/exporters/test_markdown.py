"""The Markdown exporter: YAML front matter, every quote and note shown, tags, colours, templates."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.domain.models import AnchorState, Article, Highlight
from reader.exporters.markdown import (
    TEMPLATE_FILTERS,
    TEMPLATE_VARIABLES,
    MarkdownExporter,
    TemplateProblem,
    front_matter,
    template_context,
)

WHEN = datetime(2024, 5, 1, 10, 0, 0)
# Quotes that would turn into something else if pasted raw into Markdown (or Obsidian).
TRICKY_QUOTES = [
    "Plain words, with a comma.",
    "*not emphasis* and _not either_ and **nor this**",
    "# not a heading",
    "1. not a list item",
    "- nor this one\n+ nor this",
    "> not a nested quote",
    "<b>not bold</b> & &amp; stays five characters",
    "[not a link](https://example.com) nor ![an image](x.png)",
    "`not code` and ~~not struck~~ and ==not highlighted==",
    "a line\n---\nthat would be a heading underline",
    "#hashtag-looking words that must not become tags",
    "back\\slash and trailing spaces   ",
    "emoji 🦊 and accents é and CJK 漢字",
]


def _article(**changes) -> Article:
    article = Article(id=7, title="An Article", author="Jane Doe", site="Example News",
                      url="https://example.com/news/1", published="2020-12-24", added=WHEN, kind="html",
                      tags=("world/iran", "long read"), uid="a" * 32)
    return replace(article, **changes)


def _highlight(id: int, quote: str, start: int, *, color="yellow", note="", tags=()) -> Highlight:
    return Highlight(id=id, article_id=7, start=start, end=start + len(quote), quote=quote, prefix="", suffix="",
                     color=color, note=note, tags=tuple(tags), anchor_state=AnchorState.EXACT, anchor_score=None,
                     created=WHEN, updated=WHEN, uid=f"{id:032x}")


def _front_matter(markdown: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", markdown, re.S)
    assert match, markdown[:200]
    return yaml.safe_load(match.group(1))


def _rendered_quotes(markdown: str) -> list[str]:
    page = MarkdownIt("commonmark").render(markdown)
    quotes = re.findall(r"<blockquote>\n(.*?)</blockquote>", page, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", quote)).strip() for quote in quotes]


def test_front_matter_parses_as_yaml_with_the_fields_of_the_design():
    nasty = 'Colons: "quotes", #hash, [brackets] {braces} & --- dashes\nand a newline'
    article = _article(title=nasty, author="O'Brien: yes", site="- dash", url="https://x.test/a?b=1#c",
                       published=None, tags=("a b/c", "yes", "1984"))
    markdown = MarkdownExporter().render(article, [])
    front = _front_matter(markdown)
    assert front == {"title": nasty, "author": "O'Brien: yes", "site": "- dash", "url": "https://x.test/a?b=1#c",
                     "published": None, "tags": ["a-b/c", "yes", "_1984"], "reader_id": 7}
    assert isinstance(_front_matter(MarkdownExporter().render(_article(published="2020-12-24"), []))["published"],
                      str)  # a date stays the text it was, never a YAML date


@given(st.text(), st.lists(st.text(max_size=20), max_size=3), st.one_of(st.none(), st.text(max_size=30)))
def test_front_matter_reads_back_exactly_whatever_the_text(title, tags, published):
    fields = {"title": title, "published": published, "tags": tags, "reader_id": 3}
    assert yaml.safe_load(front_matter(fields)) == fields


@pytest.mark.parametrize("quote", TRICKY_QUOTES)
def test_every_quote_renders_as_itself_in_a_blockquote(quote):
    note = "A note with **bold** and a [link](https://example.com)."
    markdown = MarkdownExporter().render(_article(), [_highlight(1, quote, 10, note=note)])
    assert _rendered_quotes(markdown) == ["\n".join(line.rstrip() for line in quote.split("\n")).strip()]
    page = MarkdownIt("commonmark").render(markdown)
    assert "<strong>bold</strong>" in page and '<a href="https://example.com">link</a>' in page
    if "#" in quote:
        assert not re.search(r"(?<!\\)#hashtag", markdown)  # Obsidian would read a tag


def test_highlights_in_text_order_with_block_ids_colours_tags_and_notes():
    highlights = [
        _highlight(30, "third passage", 300, color="pink", note="Disagree.\n\n- because\n- reasons"),
        _highlight(10, "first passage", 100, tags=("world/iran", "big idea")),
        _highlight(20, "second passage", 200, color="green"),
    ]
    names = {"yellow": "key point", "pink": "disagree"}
    markdown = MarkdownExporter().render(_article(), highlights, color_names=names)
    assert _rendered_quotes(markdown) == ["first passage", "second passage", "third passage"]
    assert re.findall(r"^\^(h\d+)$", markdown, re.M) == ["h10", "h20", "h30"]
    assert "Colour: yellow (key point) · #world/iran #big-idea" in markdown
    assert "Colour: green\n" in markdown and "Colour: pink (disagree)" in markdown
    assert "&#x2F;" not in markdown and "&amp;" not in markdown
    page = MarkdownIt("commonmark").render(markdown)
    assert "<p>Disagree.</p>\n<ul>\n<li>because</li>" in page
    assert "# An Article" in markdown and "Source: [Example News](https://example.com/news/1)" in markdown


def test_group_by_colour_uses_the_colour_names_in_palette_order():
    highlights = [_highlight(1, "pink one", 10, color="pink"), _highlight(2, "yellow one", 20),
                  _highlight(3, "pink two", 30, color="pink")]
    markdown = MarkdownExporter().render(_article(), highlights, color_names={"pink": "disagree"},
                                         group_by_color=True)
    assert re.findall(r"^## (.+)$", markdown, re.M) == ["Yellow", "disagree"]
    assert _rendered_quotes(markdown) == ["yellow one", "pink one", "pink two"]


def test_an_unclosed_code_fence_in_a_note_does_not_swallow_the_next_highlight():
    highlights = [_highlight(1, "first", 10, note="```python\nprint('open fence')"), _highlight(2, "second", 20)]
    markdown = MarkdownExporter().render(_article(), highlights)
    assert _rendered_quotes(markdown) == ["first", "second"]


def test_link_to_the_source_survives_spaces_and_brackets_in_the_url():
    markdown = MarkdownExporter().render(_article(url="https://example.com/a b(1)", site=""), [])
    page = MarkdownIt("commonmark").render(markdown)
    assert '<a href="https://example.com/a%20b%281%29">' in page


def test_a_user_template_sees_the_documented_variables(tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{{ article.title }}|{{ article.hashtags | join(',') }}|{{ group_by_color }}|{{ color_names.yellow }}\n"
        "{% for h in highlights %}{{ h.block_id }}:{{ h.color_label }}:{{ h.quote }}:{{ h.tags | join('+') }}\n"
        "{% endfor %}{% for g in groups %}[{{ g.title }}]{% endfor %}\n\n{{ {'id': article.id} | yaml }}",
        encoding="utf-8")
    exporter = MarkdownExporter.from_file(template)
    markdown = exporter.render(_article(), [_highlight(4, "quoted", 10, tags=("a/b",))],
                               color_names={"yellow": "key point"})
    assert markdown == ("An Article|#world/iran,#long-read|False|key point\nh4:key point:quoted:a/b\n"
                        "[Highlights]\nid: 7\n")


def test_the_documented_variables_are_exactly_the_context():
    context = template_context(_article(), [_highlight(1, "q", 0)], {}, False)
    assert set(context) == set(TEMPLATE_VARIABLES)
    for name in ("article", "highlights"):
        documented = TEMPLATE_VARIABLES[name]
        item = context[name] if name == "article" else context[name][0]
        assert all(key in documented for key in item), f"undocumented keys of {name}"


def test_the_readme_documents_every_variable_and_filter():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section, fenced = [], False
    for line in readme.split("## Export and backup\n", 1)[1].split("\n"):
        fenced ^= line.lstrip().startswith("```")
        if line.startswith("## ") and not fenced:
            break
        section.append(line)
    section = "\n".join(section)
    context = template_context(_article(), [_highlight(1, "q", 0)], {}, True)
    names = [*context, *TEMPLATE_FILTERS, *context["article"], *context["highlights"][0], *context["groups"][0]]
    assert [name for name in names if f"`{name}`" not in section] == []


def test_a_broken_template_names_its_line(tmp_path):
    template = tmp_path / "broken.md.j2"
    template.write_text("# {{ article.title }}\n\n{% for h in highlights %}\n{{ h.quote }\n{% endfor %}\n",
                        encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"broken\.md\.j2, line 4: "):
        MarkdownExporter.from_file(template)


def test_a_template_failing_while_rendering_names_its_line(tmp_path):
    template = tmp_path / "typo.md.j2"
    template.write_text("# {{ article.title }}\n\n{{ article.titel }}\n", encoding="utf-8")
    exporter = MarkdownExporter.from_file(template)
    with pytest.raises(TemplateProblem, match=r"typo\.md\.j2, line 3: .*titel"):
        exporter.render(_article(), [])


def test_templates_run_in_a_sandbox(tmp_path):
    template = tmp_path / "evil.md.j2"
    template.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"evil\.md\.j2, line 1: .*unsafe"):
        MarkdownExporter.from_file(template).render(_article(), [])


@pytest.mark.parametrize("content", [b"\xff\xfe\x00broken", None])
def test_an_unreadable_template_is_one_clear_error(tmp_path, content):
    path = tmp_path / "t.j2"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TemplateProblem, match=r"t\.j2"):
        MarkdownExporter.from_file(path)
