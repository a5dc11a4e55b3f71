"""Text copied from a whole web page: the article is found, the page's furniture is left out."""

from __future__ import annotations

import pytest

from reader.domain.models import BlockKind
from reader.importers import extract
from reader.importers.copied_lines import split_lines
from reader.importers.copied_text import read_copied_page

SEED_CLUTTER = ("Friday, August 12th", "Related coverage", "Dismissing Video Evidence", "The war of words",
                "Share this Story", "Let your voice be heard", "Join the Algemeiner", "reCAPTCHA", "avatar by")

PARAGRAPH = ("The council voted on Tuesday to rebuild the old harbour wall, after two winters of storms left "
             "the quay cracked and the fishing boats without a safe mooring for weeks at a time.")

PAGE = f"""Home
  • News
  • Sport
  • Weather
  • Contact
Subscribe to our newsletter

Harbour Wall to Be Rebuilt After Winter Storms

By Jane Doe | March 3, 2021, 7:15 am

{PARAGRAPH}

Work starts in May. The mayor said the town had waited long enough, and that the cost would be shared with the region.

Related articles

Storm damage closes coastal road

The road along the cliffs was closed again on Monday after...

Local fishermen welcomed the plan, though some asked why it had taken so long to agree on it.

Share this:
Facebook
Twitter
3 comments
Pat says:
March 3, 2021 at 9:00 am
About time they did something about that wall, it has been falling apart for years now.
© 2021 The Coast Gazette. All rights reserved.
"""


def test_the_seed_gives_its_metadata_and_a_body_without_clutter(seed_path):
    article = extract(seed_path.read_bytes(), name=seed_path.name)
    assert article.title == "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans in Iraq"
    assert article.author == "Reuters and Algemeiner Staff"
    assert article.published == "2020-12-24T08:54"
    # the body starts at the photo caption or at the first paragraph (captions are dropped as credits)
    assert article.text.startswith(("A man looks at the damage", "Top US national security officials agreed"))
    assert article.text.endswith("unless the Iraqi government reins in Iran-aligned militias.")
    assert "\u201cEach one is designed to be non-escalatory" in article.text  # the text after the teaser stays
    for clutter in SEED_CLUTTER:
        assert clutter not in article.text, clutter


def test_a_copied_page_loses_menus_teasers_share_bars_and_comments():
    article = extract(PAGE.encode(), name="copied.txt")
    assert article.title == "Harbour Wall to Be Rebuilt After Winter Storms"
    assert article.author == "Jane Doe"
    assert article.published == "2021-03-03T07:15"
    paragraphs = article.text.split("\n")
    assert paragraphs[0] == PARAGRAPH
    assert paragraphs[-1].startswith("Local fishermen welcomed the plan")
    for clutter in ("News", "Subscribe", "Related", "Storm damage", "Share this", "Pat says", "About time", "\u00a9"):
        assert clutter not in article.text, clutter


def test_a_short_text_without_clutter_keeps_title_and_every_paragraph():
    article = extract(b"A Short Note on Bread\n\nKnead it.\n\nBake it hot.", name="note.txt")
    assert article.title == "A Short Note on Bread"
    assert article.text == "Knead it.\nBake it hot."


def test_bullets_inside_the_article_become_list_items_but_menus_do_not():
    text = (f"Five Things to Pack for a Hike\n\n{PARAGRAPH}\n\n  \u2022 Water and something salty to eat on the way\n"
            f"  \u2022 A map of the area, even when your phone has one\n\n{PARAGRAPH.replace('Tuesday', 'Friday')}\n")
    article = extract(text.encode(), name="list.txt")
    kinds = [block.kind for block in article.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH]
    assert article.text.split("\n")[1] == "Water and something salty to eat on the way"


def test_hard_wrapped_lines_join_but_one_paragraph_per_line_stays():
    assert split_lines("first line\nsame paragraph\n\nSecond One.") == ["first line same paragraph", "Second One."]
    assert split_lines("Menu\nNews\nA sentence ends here.\nAnother line") == [
        "Menu", "News", "A sentence ends here.", "Another line"]
    # a byline begins in lower case yet continues nothing; a sentence's last words still join
    assert split_lines("21:17 18.11.2019 Get short URL\nby Jane Doe") == ["21:17 18.11.2019 Get short URL", "by Jane Doe"]
    assert split_lines("The plan was drawn up\nby the harbour board") == ["The plan was drawn up by the harbour board"]


def test_text_with_no_sentences_is_kept_whole_rather_than_emptied():
    page = read_copied_page("Shopping List\nApples\nPears")
    assert page.title == "Shopping List"
    assert page.paragraphs == ["Apples", "Pears"]
    one_line = extract(b"just one line of words here", name="one.txt")
    assert one_line.title == one_line.text == "just one line of words here"


def test_a_byline_after_the_standfirst_and_a_name_under_the_headline_are_metadata():
    standfirst = "The town has argued about the wall for years; now the money is there, the council says."
    text = f"Harbour Wall to Be Rebuilt After Winter Storms\n\n{standfirst}\n\nBy Jane Doe\n\n{PARAGRAPH}\n"
    article = extract(text.encode(), name="a.txt")
    assert article.author == "Jane Doe"
    assert "By Jane Doe" not in article.text and PARAGRAPH in article.text
    named = extract(f"Harbour Wall to Be Rebuilt After Winter Storms\nJane Doe\n{PARAGRAPH}\n".encode(), name="b.txt")
    assert named.author == "Jane Doe" and named.text == PARAGRAPH


def test_a_byline_naming_nobody_leaves_the_author_empty():
    text = f"Harbour Wall to Be Rebuilt After Winter Storms\nPosted on March 30, 2015 by Admin\nKOMENTAR WARGA\n{PARAGRAPH}\n"
    article = extract(text.encode(), name="a.txt")
    assert article.author == ""  # not the section label ("citizens' comments") under it
    assert article.published == "2015-03-30"
    signed = extract(text.replace("Admin", "Jane Doe").encode(), name="b.txt")
    assert signed.author == "Jane Doe"


def test_a_menu_run_together_on_one_line_is_not_the_article():
    menu = ("Latest News Applications OS Channel Programs Cloud Components & Peripherals Data Center Internet of "
            "Things Managed Services Networking Security Software Storage Mobility Events Jobs Rankings Research")
    text = (f"{menu}\n\nCarousels\n\n{menu}\n\nTim Cook On Apple Being Pulled Into The Enterprise\n\n"
            f"By Joseph Tsidulko November 19, 2019, 07:47 PM EST\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n")
    article = extract(text.encode(), name="a.txt")
    assert (article.title, article.author) == ("Tim Cook On Apple Being Pulled Into The Enterprise", "Joseph Tsidulko")
    assert menu not in article.text
    from reader.importers.copied_lines import GOOD, classify

    assert classify(PARAGRAPH).kind == GOOD  # a paragraph with stops stays one, and so does a long sentence
    assert classify("the harbour wall and the boats and the town council and the storms " * 3).kind == GOOD


def test_a_short_article_under_its_byline_outweighs_a_long_footer_paragraph():
    short = ("The harbour wall was breached on Tuesday night after the third storm of the month, and the council "
             "closed the quay to boats and walkers until engineers have seen the damage.\n"
             "Fishing crews moved their boats to the river mooring, where the water stayed calm, and the ferry to "
             "the island will run from the old slipway from Thursday morning.")
    footer = ("The Gazette's customer service centre can be contacted with any questions or requests about your "
              "subscription, delivery, billing, the e-paper, newsletters, events, conferences and advertising "
              "in print and online, by telephone on weekdays between nine and five, or by e-mail at any time, "
              "and we will answer every message within two working days of receiving it, holidays excepted.")
    links = "\n\n".join(f"Other story number {n} of the day" for n in range(12))  # the page's lists, footer links
    text = (f"Home News Sport\n\nHarbour Wall Breached in Storm\n\nBy JANE DOE\n\nNOVEMBER 20, 2019 10:43\n\n"
            f"{short}\n\n{links}\n\n{footer}\n\nCopyright 2019\n")
    article = extract(text.encode(), name="a.txt")
    assert (article.title, article.author, article.text) == ("Harbour Wall Breached in Storm", "JANE DOE", short)


def test_name_then_date_is_a_byline_but_a_weekday_is_not_a_name():
    from reader.importers.bylines import find_byline

    assert find_byline("Reuters November 18, 2019 11:03 PM") == "Reuters"
    assert find_byline("Monday November 18, 2019 7:45 am PST") == ""


def test_photo_captions_and_credits_are_not_article_text():
    from reader.importers.copied_lines import FURNITURE, classify

    for line in ("Photo: Gene J. Puskar", "Image copyright Getty Images",
                 "The mayor visits the quay on Monday. (AP Photo/Jane Doe)",
                 "In this Nov. 10, 2019, photo, boats wait in the harbour for the storm to pass."):
        assert classify(line).kind == FURNITURE, line
    assert classify(PARAGRAPH).kind != FURNITURE


def test_a_date_written_without_its_year_takes_the_year_of_the_copyright_notice():
    page = PAGE.replace("By Jane Doe | March 3, 2021, 7:15 am", "By Jane Doe\nUpdated Mar 3, 9:40 AM;Posted Mar 3, 7:15 AM")
    assert extract(page.encode(), name="page.txt").published == "2021-03-03T07:15"
    unknown = page.replace("\u00a9 2021 The Coast Gazette.", "The Coast Gazette.")
    assert extract(unknown.encode(), name="page.txt").published is None  # no year to read it in: none made up


@pytest.mark.parametrize("text", ["Title line\n\nOne body sentence here.\n",
                                  "Harbour walks\nThe quay at dawn is quiet. Gulls wait on the posts for the boats.\n"])
def test_the_first_line_of_a_short_text_is_its_title_even_unlike_the_body(text):
    # No site furniture around a text someone wrote: its first line, though it shares no word
    # with the body, is the title rather than a menu to drop (it used to vanish).
    first, body = text.split("\n", 1)
    article = extract(text.encode(), name="note.txt")
    assert article.title == first and article.text == body.strip()
