"""Headline, byline and date of text copied from a web page, on small pages written for each rule."""

from __future__ import annotations

from reader.importers import extract

BODY = [
    "The council voted on Tuesday to rebuild the old harbour wall, after two winters of storms left the quay "
    "cracked and the fishing boats without a safe mooring for weeks at a time.",
    "Work on the harbour wall starts in May. The mayor said the town had waited long enough for the rebuilding, "
    "and that the cost would be shared with the region and the fishermen's association.",
    "Fishermen welcomed the council's plan for the harbour, though some asked why it had taken so long to agree "
    "on it and whether the new wall would be finished before the winter storms return.",
]
MENU = ["  \u2022 Home", "  \u2022 News", "  \u2022 Sport", "  \u2022 Weather", "  \u2022 Contact"]
HEADLINE = "Harbour Wall to Be Rebuilt After Winter Storms"


def copied(*header: str, body: list[str] = BODY) -> object:
    """The article imported from a copied page: these header lines, then the body paragraphs."""
    return extract("\n".join([*MENU, *header, *body]).encode("utf-8"), name="copied.txt")


def test_the_headline_beats_a_photo_caption_below_the_byline():
    article = copied(HEADLINE, "By Jane Dodson", "March 3, 2021 7:15 am",
                     "Fishing boats moored by the cracked harbour wall", "Photo: John Roe / Coast Gazette")
    assert (article.title, article.author, article.published) == (HEADLINE, "Jane Dodson", "2021-03-03T07:15")


def test_a_standfirst_ending_with_a_full_stop_is_not_the_headline():
    standfirst = "The council has agreed to rebuild the harbour wall that the storms cracked."
    article = copied(HEADLINE, standfirst, "By Jane Dodson")
    assert article.title == HEADLINE
    assert article.author == "Jane Dodson"


def test_the_headline_is_the_line_above_its_subtitle():
    headline = "Council agrees to rebuild the harbour wall"
    subtitle = "Fishermen have waited two winters for a safe mooring for their boats in the harbour"
    article = copied(headline, subtitle, "By Jane Dodson | March 3, 2021")
    assert article.title == headline
    assert article.published == "2021-03-03"


def test_a_box_of_related_links_neither_holds_the_headline_nor_pushes_it_away():
    related = ["More stories like this"]
    for n, title in enumerate(["Harbour fees to rise for fishing boats", "Storm closes the harbour road again",
                               "Council debates the harbour budget", "New moorings planned for the quay",
                               "Harbour festival returns this summer", "Fishermen protest at the harbour",
                               "Winter storms cost the town dearly", "The quay wall: a short history"], start=1):
        related += [title, "LOCAL NEWS", f"January {n}, 2021"]
    article = copied(HEADLINE, "By Jane Dodson", "March 3, 2021", *related)
    assert article.title == HEADLINE
    assert article.published == "2021-03-03"


def test_a_breadcrumb_glued_to_the_headline_loses_to_the_headline_alone():
    article = copied(f"HomeLocal News{HEADLINE}", HEADLINE, "March 3, 2021")
    assert article.title == HEADLINE


def test_breadcrumbs_agency_slugs_and_the_sites_name_are_not_headlines():
    article = copied("The Coast Gazette", "Home \u00bb Local \u00bb", "BC-EU--Harbour-Wall, 1st Ld-Writethru",
                     "The Coast Gazette", "Harbour wall to be rebuilt", "March 3, 2021")
    assert article.title == "Harbour wall to be rebuilt"


def test_a_headline_loses_the_rules_drawn_around_it():
    article = copied(f"{HEADLINE} \u2501\u2501\u2501\u2501\u2501\u2501", "March 3, 2021")
    assert article.title == HEADLINE


def test_the_date_is_the_one_by_the_headline_not_a_sidebars():
    sidebar = [line for n in range(1, 6) for line in (f"Market report number {n}", f"February {n}, 2021")]
    article = copied(*sidebar, *["Local", "Opinion", "Letters", "Events", "Jobs", "Advertise"] * 2,
                     HEADLINE, "Posted March 3, 2021 by Jane Dodson")
    assert article.published == "2021-03-03"
    assert article.author == "Jane Dodson"


def test_a_relative_or_yearless_date_is_left_empty():
    assert copied(HEADLINE, "By Jane Dodson", "Published 2 hours ago").published is None
    assert copied(HEADLINE, "By Jane Dodson", "Updated Mar 3, 6:55 AM").published is None


def test_only_an_updated_date_is_still_the_date_the_page_shows():
    article = copied(HEADLINE, "By Jane Dodson", "Updated 1:39 am EST, Wednesday, March 3, 2021")
    assert article.published == "2021-03-03T01:39"


def test_a_date_line_a_little_into_the_article_is_its_date_not_its_text():
    body = [BODY[0], "Sign up for our newsletter", "Get the harbour news every morning.", "SUBSCRIBE",
            "Mar. 3, 2021, 8:41 AM UTC", "By Jane Dodson", *BODY[1:]]
    article = copied(HEADLINE, body=body)
    assert article.published == "2021-03-03T08:41"
    assert article.author == "Jane Dodson"
    assert "8:41" not in article.text and "Jane Dodson" not in article.text


def test_a_name_between_the_headline_and_the_date_is_the_byline():
    article = copied(HEADLINE, "Jane Dodson and John Roe Coast Gazette", "Published 10:02 AM EST Mar 3, 2021")
    assert article.author == "Jane Dodson and John Roe"  # the paper (Coast Gazette) is not theirs
    article = copied(HEADLINE, "JANE DODSON", "Mar. 3, 2021 Updated: Mar. 3, 2021 1:35 a.m.")
    assert article.author == "JANE DODSON"


def test_a_name_above_the_date_above_the_headline_is_the_byline():
    article = copied("Jane Dodson", "Ideas", "03.03.2021 09:00 AM", HEADLINE)
    assert (article.title, article.author, article.published) == (HEADLINE, "Jane Dodson", "2021-03-03T09:00")


def test_by_on_a_line_of_its_own_names_the_next_line():
    article = copied(HEADLINE, "By", "Jane Dodson", "The Coast Gazette", "March 3, 2021")
    assert (article.title, article.author) == (HEADLINE, "Jane Dodson")


def test_a_by_item_amid_a_menu_is_not_a_byline():
    shows = ["  \u2022 Morning Show", "  \u2022 Brave New World", "  \u2022 By Any Means Necessary",
             "  \u2022 Double Down", "  \u2022 Loud and Clear"]
    article = copied(*shows, HEADLINE, "March 3, 2021")
    assert article.author == ""


def test_dates_on_a_page_not_in_english_are_read_day_first():
    body = ["O conselho votou na terça-feira a reconstrução do velho muro do porto, depois de dois invernos de "
            "tempestades que deixaram o cais rachado e os barcos sem amarração segura durante semanas.",
            "As obras no muro do porto começam em maio. O presidente da câmara disse que a cidade já tinha "
            "esperado o suficiente e que o custo seria partilhado com a região e a associação de pescadores."]
    article = copied("Muro do porto vai ser reconstruído depois das tempestades",
                     "05/10/2018 - Publicado por: Maria Souza", body=body)
    assert article.published == "2018-10-05"
    assert article.author == "Maria Souza"


def test_the_posted_date_wins_over_the_updated_one_beside_it():
    article = copied(HEADLINE, "By Jane Dodson", "Updated: 4 Mar 2021 9:38 pm", "Posted: 3 Mar 2021 8:11 pm")
    assert article.published == "2021-03-03T20:11"


def test_a_korean_headline_shares_its_words_with_the_article_through_syllable_pairs():
    # Korean words carry their particles ("항구의" is "항구" + "of"): whole words rarely meet
    headline = "항구 방파제 재건축, 시의회가 마침내 결정한 이유"
    lead = "[코스트=기자] 항구의 방파제를 다시 짓기로 시의회가 화요일에 결정했다. " * 3
    subheading = "어민들의 오랜 기다림 끝에 내려진 결정"
    article = copied(headline, "기사입력 :[ 2018-08-25 15:24 ]", subheading, body=[lead, lead + "끝.", lead + "정말."])
    assert article.title == headline
    assert article.published == "2018-08-25T15:24"


def test_the_organisation_credited_after_the_date_is_the_author():
    article = copied(HEADLINE, "Updated on: November 19, 2019 / 10:07 AM / CBS News")
    assert (article.title, article.author, article.published[:10]) == (HEADLINE, "CBS News", "2019-11-19")
