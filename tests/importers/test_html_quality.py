"""HTML import quality on small pages: clean bodies, metadata from every source, encodings."""

from __future__ import annotations

from dataclasses import replace

import lxml.html

from reader.domain.models import Block, BlockKind, Mark, MarkKind
from reader.importers import extract
from reader.importers.blocks import keep_blocks
from reader.importers.boilerplate import is_boilerplate
from reader.importers.bylines import find_byline, find_date
from reader.importers.metadata import MetadataSources
from reader.importers.people import clean_author
from reader.importers.titles import clean_title

BODY = "".join(
    f"<p>Paragraph {n} of the story tells the reader something new about the harbour, the boats and the town "
    f"council, in sentences long enough to be kept.</p>" for n in range(1, 5)
)


def page(head: str = "", before: str = "", after: str = "", html_attrs: str = ' lang="en"') -> bytes:
    return (f"<!DOCTYPE html><html{html_attrs}><head><meta charset='utf-8'>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>{before}{BODY}{after}</article>"
            f"<footer>Footer text</footer></body></html>").encode("utf-8")


def test_json_ld_wins_and_the_title_loses_its_site_tail():
    head = """<title>Harbour wall to be rebuilt | The Coast Gazette</title>
    <meta property="og:title" content="Harbour wall to be rebuilt - The Coast Gazette">
    <meta property="og:site_name" content="The Coast Gazette">
    <meta name="author" content="Desk Editor">
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Gazette site"},
      {"@type": "NewsArticle", "headline": "Harbour wall to be rebuilt after storms",
       "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
       "datePublished": "2021-03-03T07:15:00+01:00", "inLanguage": "en-GB",
       "publisher": {"@type": "Organization", "name": "Gazette Media"}}]}</script>
    <link rel="canonical" href="https://gazette.example/harbour">"""
    article = extract(page(head), name="p.html")
    assert article.title == "Harbour wall to be rebuilt after storms"
    assert article.author == "Jane Doe, John Roe"
    assert article.published == "2021-03-03T07:15"
    assert article.site == "The Coast Gazette"
    assert article.url == "https://gazette.example/harbour"
    assert article.language == "en"  # <html lang> is what the page itself says first


def test_meta_tags_alone_give_title_author_and_date():
    head = """<title>Harbour wall to be rebuilt | The Coast Gazette</title>
    <meta property="og:site_name" content="The Coast Gazette">
    <meta name="author" content="By Jane Doe">
    <meta property="article:published_time" content="2021-03-03">"""
    article = extract(page(head), name="p.html", url="https://gazette.example/a?utm=1")
    assert article.title == "Harbour wall to be rebuilt"
    assert article.author == "Jane Doe"
    assert article.published == "2021-03-03"
    assert article.url == "https://gazette.example/a?utm=1"  # where the page came from is kept


def test_hidden_copies_headline_and_furniture_stay_out_of_the_body():
    hidden = ("<div style='display:none' itemscope><h1 itemprop='name'>Harbour headline</h1>"
              "<div itemprop='datePublished'>2021-03-03T07:15:00+01:00</div></div>")
    before = "<h1>Harbour headline</h1><p>March 3, 2021</p>"
    after = "<p>Share this story</p><p>Sign up for our newsletter</p><p>Copyright 2021 The Coast Gazette.</p>"
    article = extract(page("<title>Harbour headline</title>", before + hidden, after), name="p.html")
    assert article.title == "Harbour headline"
    assert article.text.startswith("Paragraph 1 of the story")
    assert article.text.endswith("long enough to be kept.")
    for clutter in ("Harbour headline", "2021-03-03T07:15", "March 3, 2021", "Share", "Sign up", "Copyright"):
        assert clutter not in article.text, clutter


def test_escaped_entities_in_metadata_are_decoded():
    head = ('<meta property="og:title" content="Bike &amp;amp; Style: &#8220;quoted&#8221;">'
            '<meta name="author" content="Zo&amp;euml; Smith">')
    article = extract(page(head), name="p.html")
    assert article.title == "Bike & Style: \u201cquoted\u201d"
    assert article.author == "Zo\u00eb Smith"


def test_http_charset_wins_over_the_meta_and_a_bom_wins_over_both():
    latin = page("<title>Caf\u00e9</title>").decode().replace("charset='utf-8'", "charset='utf-8'").encode("latin-1")
    assert extract(latin, name="p.html", charset="ISO-8859-1").title == "Caf\u00e9"
    utf8 = page("<title>Caf\u00e9</title>")
    assert extract(b"\xef\xbb\xbf" + utf8, name="p.html", charset="iso-8859-1").title == "Caf\u00e9"


def test_mixed_and_broken_bytes_never_crash():
    broken = page("<title>Mixed</title>").replace(b"Paragraph 2", b"Paragraph \xe9\xff\xfe 2")
    article = extract(broken, name="p.html")
    assert "Paragraph 1 of the story" in article.text


def test_clean_title_prefers_the_h1_part_and_drops_site_names():
    assert clean_title(["Big News Today | Example Site"], site="Example Site") == "Big News Today"
    assert clean_title(["Example Site - Big News Today"], site="Example Site") == "Big News Today"
    assert clean_title(["Big News Today \u2014 Politics \u2014 Daily"], headings=["Big News Today"]) == "Big News Today"
    assert clean_title(["Big News Today | Daily", "Big News Today"]) == "Big News Today"
    assert clean_title(["Left - Right: a headline with a dash inside"], site="Other") == (
        "Left - Right: a headline with a dash inside")


def test_clean_author_drops_by_urls_handles_dates_and_repeats():
    assert clean_author("By Jane Doe") == "Jane Doe"
    assert clean_author("Jane Doe, November 18, 2019 12:01 PM") == "Jane Doe"
    assert clean_author("https://www.facebook.com/jane") == ""
    assert clean_author("Jane Doe, Jane Doe; John Roe") == "Jane Doe, John Roe"


def test_clean_author_reads_names_as_pages_write_them():
    assert clean_author("Sean Martin Sean Martin") == "Sean Martin"  # the byline and its link, glued
    assert clean_author("Sean Martin") == "Sean Martin"  # "Martin" is no "Mar(ch)"
    assert clean_author("Janet Decker, Nov 19, 2019") == "Janet Decker"
    assert clean_author("| BY: Beachbody, Beachbody") == "Beachbody"
    assert clean_author("\u0422\u0435\u043a\u0441\u0442 \u0412\u0435\u043d\u0435\u0440\u0430 "
                        "\u0415\u0440\u043e\u0444\u0435\u0435\u0432\u0430") == \
        "\u0412\u0435\u043d\u0435\u0440\u0430 \u0415\u0440\u043e\u0444\u0435\u0435\u0432\u0430"  # "Text: ..."
    for account in ("admin", "Admin", "Administrator", "webmaster"):
        assert clean_author(account) == ""  # the site's software, not a writer
    assert clean_author("Jane Doe, admin") == "Jane Doe"


def test_a_person_named_anywhere_wins_over_the_publisher_as_author():
    head = """<meta property="og:site_name" content="The Coast Gazette">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour wall to be rebuilt",
       "author": {"@type": "Organization", "name": "The Coast Gazette"}}</script>
    <meta name="author" content="Jane Doe">"""
    assert extract(page(head), name="p.html").author == "Jane Doe"
    alone = """<meta property="og:site_name" content="The Coast Gazette">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour wall to be rebuilt",
       "author": {"@type": "Organization", "name": "Coast Gazette"}}</script>"""
    assert extract(page(alone), name="p.html").author == "Coast Gazette"  # no person: the credit it gives


def test_bylines_and_dates_in_lines():
    assert find_byline("avatar by Reuters and Algemeiner Staff") == "Reuters and Algemeiner Staff"
    assert find_byline("Chris Davies - Nov 19, 2019, 10:31 pm CST") == "Chris Davies"
    assert find_byline("Posted by John Smith on November 3, 2019") == "John Smith"
    assert find_byline("The meeting was spurred by an attack on Sunday in which rockets landed") == ""
    assert find_date("Chris Davies - Nov 19, 2019, 10:31 pm CST") == "2019-11-19T22:31"
    assert find_date("December 24, 2020 8:54 am") == "2020-12-24T08:54"
    assert find_date("Friday, August 12th | 15 Av 5782") is None


def test_furniture_lines_are_short_and_real_sentences_are_not():
    for line in ("Share this:", "Advertisement", "Sign up for our newsletter", "Related coverage", "3 Comments",
                 "\u00a9 2021 The Coast Gazette. All rights reserved.", "Read more"):
        assert is_boilerplate(line), line
    assert not is_boilerplate("Readers who subscribe to the paper can share this story with friends, the editor "
                              "said, adding that the newsletter had grown to ten thousand readers in one year.")
    assert not is_boilerplate("The council met on Tuesday.")


def test_keep_blocks_moves_blocks_and_marks():
    text = "one\ntwo two\nthree"
    blocks = (Block(BlockKind.PARAGRAPH, 0, 3), Block(BlockKind.PARAGRAPH, 4, 11, marks=(Mark(MarkKind.STRONG, 8, 11),)),
              Block(BlockKind.HEADING, 12, 17, level=2))
    new_text, new_blocks = keep_blocks(text, blocks, [False, True, True])
    assert new_text == "two two\nthree"
    assert new_blocks == (replace(blocks[1], start=0, end=7, marks=(Mark(MarkKind.STRONG, 4, 7),)),
                          replace(blocks[2], start=8, end=13))
    mark = new_blocks[0].marks[0]
    assert new_text[mark.start:mark.end] == "two"


def test_labels_before_by_and_date_words_are_not_names():
    assert clean_author("Analysis by Chris Cillizza, CNN Editor-at-large") == "Chris Cillizza"
    assert find_byline("Published Monday, November 18, 2019 8:22AM EST") == ""


def test_a_logo_h1_linking_home_is_not_the_headline_and_the_pages_own_links_name_its_site():
    footer = "".join(f"<a href='http://www.coast.example/page{n}'>Page {n}</a>" for n in range(6))
    html = (f"<html><head><title>Harbour wall to be rebuilt after storms - Coast</title></head><body>"
            f"<a href='/'><h1>Coast Gazette</h1></a><article>{BODY}</article>{footer}</body></html>")
    article = extract(html.encode(), name="p.html")
    assert article.site == "coast.example"  # no address given: the host most of its links point to
    assert article.title == "Harbour wall to be rebuilt after storms"


def test_the_h1_wins_when_the_metadata_gives_it_too_or_cut_it_short():
    confirmed = """<script type="application/ld+json">[
      {"@type": "WebPage", "name": "Harbour Wall Recipe | Coast"},
      {"@type": "BlogPosting", "headline": "How the harbour wall was rebuilt"}]</script>"""
    article = extract(page(confirmed, before="<h1>How the harbour wall was rebuilt</h1>"), name="p.html")
    assert article.title == "How the harbour wall was rebuilt"
    cut = '<meta property="og:title" content="Council agrees to rebuild the harbour wall after two">'
    article = extract(page(cut, before="<h1>Council agrees to rebuild the harbour wall after two winters</h1>"),
                      name="p.html")
    assert article.title == "Council agrees to rebuild the harbour wall after two winters"
    shown = '<meta property="og:title" content="Harbour wall to be rebuilt">'
    article = extract(page(shown, before="<h1>A different story in a teaser</h1>"), name="p.html")
    assert article.title == "Harbour wall to be rebuilt"  # an h1 the metadata does not give is no proof


def test_jobs_and_agencies_written_after_names_are_not_authors():
    assert clean_author("TOM KRISHER, AP Auto Writer") == "TOM KRISHER"
    assert clean_author("Eric Song, IGN Staff") == "Eric Song"
    assert clean_author("LISA MASCARO, ERIC TUCKER Associated Press") == "LISA MASCARO, ERIC TUCKER"
    assert clean_author("The Associated Press") == "The Associated Press"
    assert clean_author("Practical Horseman Editorial Staff") == "Practical Horseman Editorial Staff"
    assert clean_author("Reuters, Staff") == "Reuters, Staff"  # a job alone with one word: nothing to drop it for


def test_readers_comments_name_no_author():
    byline = '<p><span itemprop="author">Jane Doe</span></p>'
    comment = ('<section id="comments"><div itemprop="comment" itemscope itemtype="http://schema.org/Comment">'
               '<cite itemprop="author">Karol</cite><p>Lovely piece about the harbour, thanks.</p></div></section>')
    assert extract(page(before=byline, after=comment), name="p.html").author == "Jane Doe"
    # a wrapper that lets readers comment on the article is not a comment box: its author is read
    wrapped = lxml.html.fromstring(page(before=f'<div class="commentable-section">{byline}</div>', after=comment))
    assert MetadataSources(wrapped).itemprops["author"] == ["Jane Doe"]


def test_the_pages_byline_names_all_its_writers_and_stands_for_the_publisher():
    one = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour wall to be rebuilt",
       "author": {"@type": "Person", "name": "Jane Doe"}}</script>"""
    byline = '<p class="byline">By Jane Doe, John Roe</p>'
    assert extract(page(one, before=byline), name="p.html").author == "Jane Doe, John Roe"
    dateline = '<p class="byline"><a href="/author/jane-doe">Jane Doe</a>, <span>Portsmouth</span></p>'
    assert extract(page(one, before=dateline), name="p.html").author == "Jane Doe"  # a place is no writer
    publisher = """<meta property="og:site_name" content="The Coast Gazette">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour wall to be rebuilt",
       "author": {"@type": "Organization", "name": "Gazette"}}</script>"""
    writer = '<div><h3><a href="/author/jane-doe-726">Jane Doe</a></h3></div>'
    assert extract(page(publisher, before=writer), name="p.html").author == "Jane Doe"
    menu = '<nav><a href="/staff/">Our Staff</a></nav>'  # the list of writers, in a menu: nobody's byline
    nobody = f'{menu}<p>By <a href="/staff/jane-doe/">Jane Doe</a> on Monday, November 18th, 2019</p>'
    assert extract(page(before=nobody), name="p.html").author == "Jane Doe"
    assert extract(page(before=menu), name="p.html").author == ""


def test_a_byline_paragraph_at_the_top_is_metadata_not_body():
    head = '<meta name="author" content="Jonas Berg">'
    article = extract(page(head, before="<h1>Harbour wall to be rebuilt</h1><p>By Jonas Berg</p>"), name="p.html")
    assert article.author == "Jonas Berg"
    assert article.text.startswith("Paragraph 1 of the story")
    # a first line naming someone else is the article's own text
    other = extract(page(head, before="<p>By Ann Smith</p>"), name="p.html")
    assert other.text.startswith("By Ann Smith")
