"""The three importers on small sources: text (the seed), HTML and Markdown."""

from __future__ import annotations

from reader.domain.models import BlockKind, MarkKind
from reader.importers import extract


def _block_texts(article):
    return [(b.kind, article.text[b.start:b.end]) for b in article.blocks]


def test_the_seed_gives_title_author_and_date(seed_path):
    article = extract(seed_path.read_bytes(), name=seed_path.name)
    assert article.kind == "text"
    assert article.title == "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans in Iraq"
    assert article.author == "Reuters and Algemeiner Staff"
    assert article.published == "2020-12-24T08:54"
    # the body starts at the photo caption or at the first paragraph (captions are dropped as credits)
    assert article.text.startswith(("A man looks at the damage", "Top US national security officials agreed"))
    assert "reins in Iran-aligned militias." in article.text


def test_plain_text_paragraphs_are_blocks_and_lines_inside_them_join():
    article = extract(b"A Title Worth Reading Today\n\nfirst line\nsame paragraph\n\nsecond paragraph", name="a.txt")
    assert _block_texts(article) == [
        (BlockKind.PARAGRAPH, "first line same paragraph"),
        (BlockKind.PARAGRAPH, "second paragraph"),
    ]


def test_crlf_text_has_no_carriage_returns():
    article = extract(b"Windows Line Endings Everywhere\r\n\r\nbody one\r\n\r\nbody two\r\n", name="w.txt")
    assert "\r" not in article.text and article.text == "body one\nbody two"


HTML = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Sample headline | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-05-06T07:08:00Z">
<link rel="canonical" href="https://example.org/news/sample">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Sample headline</h1>
<p>The first paragraph has <em>emphasis</em> and a <a href="https://example.org/x">link to more</a>, enough words to count as
a real paragraph of an article that trafilatura will keep as the body of the page.</p>
<h2>A section</h2>
<p>The second paragraph is also long enough to be kept by the extractor, it talks about many things in detail.</p>
<blockquote><p>A quoted passage that matters to the story and is long enough to keep.</p></blockquote>
<ul><li>First point of a list that is worth keeping</li><li>Second point of a list that is worth keeping</li></ul>
<p>A closing paragraph with <strong>strong words</strong> that ends the article body for this small test page.</p>
</article><footer>Copyright 2021 The Example Times. All rights reserved.</footer></body></html>"""


def test_html_gives_body_blocks_marks_and_metadata():
    article = extract(HTML, name="page.html")
    assert article.kind == "html"
    assert article.author == "Jane Doe"
    assert article.site == "The Example Times"
    assert article.published and article.published.startswith("2021-05-06")
    assert article.url == "https://example.org/news/sample"
    kinds = {kind for kind, _ in _block_texts(article)}
    assert {BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM} <= kinds
    assert "Home" not in article.text and "Copyright" not in article.text
    marks = {(m.kind, article.text[m.start:m.end], m.href) for b in article.blocks for m in b.marks}
    assert (MarkKind.EMPHASIS, "emphasis", None) in marks
    assert (MarkKind.LINK, "link to more", "https://example.org/x") in marks
    assert (MarkKind.STRONG, "strong words", None) in marks


def test_broken_html_still_imports():
    broken = b"<html><body><div><p>Unclosed paragraph with plenty of words to keep as an article body here" \
             b"<p>Another one <b>bold <i>nested</b> wrongly</i> closed, still readable text for people" * 3
    article = extract(broken, name="broken.html")
    assert "Unclosed paragraph" in article.text


def test_markdown_gives_headings_lists_quotes_code_and_marks():
    source = b"# The Title\n\nIntro with *emphasis*, **strong**, `code` and [a link](https://x.org).\n\n" \
             b"## Part\n\n> quoted\n\n- one\n- two\n\n```\nfenced  code\n```\n"
    article = extract(source, name="note.md")
    assert article.kind == "markdown"
    assert article.title == "The Title"
    assert _block_texts(article) == [
        (BlockKind.PARAGRAPH, "Intro with emphasis, strong, code and a link."),
        (BlockKind.HEADING, "Part"),
        (BlockKind.QUOTE, "quoted"),
        (BlockKind.LIST_ITEM, "one"),
        (BlockKind.LIST_ITEM, "two"),
        (BlockKind.PREFORMATTED, "fenced  code"),
    ]
    marks = {(m.kind, article.text[m.start:m.end]) for m in article.blocks[0].marks}
    assert marks == {(MarkKind.EMPHASIS, "emphasis"), (MarkKind.STRONG, "strong"),
                     (MarkKind.CODE, "code"), (MarkKind.LINK, "a link")}


def test_markdown_front_matter_gives_metadata():
    source = b"---\ntitle: From Front Matter\nauthor: [Ann, Bob]\ndate: 2022-02-03\nurl: https://x.org/a\n---\nBody text."
    article = extract(source, name="fm.md")
    assert (article.title, article.author, article.published, article.url) == (
        "From Front Matter", "Ann, Bob", "2022-02-03", "https://x.org/a")
    assert article.text == "Body text."


def test_a_first_heading_that_repeats_the_front_matter_title_is_not_shown_twice():
    source = b"---\ntitle: Gardening Notes\nauthor: Priya Nair\n---\n# Gardening notes!\n\nStart with herbs.\n"
    article = extract(source, name="notes.md")
    assert (article.title, article.text) == ("Gardening Notes", "Start with herbs.")
    other = b"---\ntitle: Gardening Notes\n---\n# Containers\n\nUse pots with holes.\n"
    article = extract(other, name="notes.md")
    assert (article.title, article.text) == ("Gardening Notes", "Containers\nUse pots with holes.")
