"""Dates and bylines as pages write them, one line at a time."""

from __future__ import annotations

from datetime import date

import pytest

from reader.importers.bylines import find_byline, find_date, name_line, role_byline, unglue
from reader.importers.people import clean_author
from reader.importers.written_dates import (
    copyright_year,
    find_dates,
    numeric_order,
    publication_date,
    yearless_date,
)


@pytest.mark.parametrize(("line", "iso"), [
    ("Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31"),
    ("Wednesday 20 November 2019 9:22 am", "2019-11-20T09:22"),
    ("Mon 18 Nov 2019 18.54 GMT", "2019-11-18T18:54"),
    ("Nov 20 2019, 10:18am ist", "2019-11-20T10:18"),
    ("5:45 AM PST 11/19/2019 by Jane Doe", "2019-11-19T05:45"),  # the time before the date
    ("Published 7:07 PM EST Nov 19, 2019", "2019-11-19T19:07"),
    ("November 18, 2019 | 4:10pm", "2019-11-18T16:10"),
    ("2019-11-19T08:00:00Z", "2019-11-19T08:00"),
    ("posted on 2019/11/19", "2019-11-19"),
    ("11.14.2019 09:00 AM", "2019-11-14T09:00"),  # the 14th can only be a day
    ("By Jane Doe - 11/19/19 06:56 AM EST", "2019-11-19T06:56"),  # a two-digit year beside a time
    ("25. September 2018", "2018-09-25"),
    ("Von Jane Doe publiziert am 25. September 2018", "2018-09-25"),
    ("27 de setembro de 2018", "2018-09-27"),
    ("le 3 mars 2020 à 14h05", "2020-03-03T14:05"),
    ("02 Ago 2017", "2017-08-02"),
    ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
    ("Текст: Анна Петрова·11 октября 2018", "2018-10-11"),
    ("21:17 18.11.2019Get short URL", "2019-11-18T21:17"),  # the next element glued to the year
    ("October 12, 2018/0 Comments/in News", "2018-10-12"),
])
def test_dates_in_every_common_form(line, iso):
    assert publication_date(line) == iso


@pytest.mark.parametrize("line", [
    "2 days ago", "Published 1 hour ago", "Today 12:01 AM", "Friday, August 12th | 15 Av 5782",
    "Updated Nov 19, 6:55 AM", "Opening Bell 11.18.19", "May 2019 was warm", "It rose 2.8 percent in 2019",
    "see /2019/11/19/story",
])
def test_no_date_is_made_up_without_a_day_month_and_year(line):
    assert publication_date(line) is None


def test_a_published_date_wins_over_an_updated_one_in_the_same_line():
    line = "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET"
    assert publication_date(line) == "2019-11-19T08:02"
    assert publication_date("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT") == (
        "2019-11-18T18:54")
    updated_only = find_dates("Updated 1:39 am EST, Wednesday, November 20, 2019")
    assert [(d.iso, d.updated) for d in updated_only] == [("2019-11-20T01:39", True)]
    assert publication_date("Updated 1:39 am EST, Wednesday, November 20, 2019") == "2019-11-20T01:39"


def test_a_date_without_its_year_is_read_in_the_year_of_the_copyright_notice():
    assert copyright_year(["Home", "\u00a9 2019 Cleveland.com. All rights reserved."]) == 2019
    assert copyright_year(["Copyright \u00a9 2010-2018 The Coast Gazette", "(c) 2017 Someone"]) == 2018
    assert copyright_year(["No notice here, 2019 or not"]) is None
    today = date(2019, 11, 20)
    line = "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM"  # the posted moment, not the update
    assert yearless_date(line, 2019, today=today) == "2019-11-19T06:51"
    assert yearless_date("Nov. 18th", 2019, today=today) == "2019-11-18"
    assert yearless_date("19 November", 2019, today=today) == "2019-11-19"
    assert yearless_date("Dec 30", 2019, today=today) == "2018-12-30"  # not yet come: last year's
    assert yearless_date("2 hours ago", 2019, today=today) is None
    assert yearless_date("May 5, 2018", 2019, today=today) is None  # has its year: not this function's


def test_numbers_in_either_order_follow_the_page():
    assert publication_date("08/12/2022") == "2022-08-12"  # a slash: month first, as in the US
    assert publication_date("08.12.2022") == "2022-12-08"  # dots: day first, as in Europe
    assert publication_date("08/12/2022", day_first=True) == "2022-12-08"
    english = "The council met on the 19th and the harbour plan was approved in the end. " * 10
    assert numeric_order(english + "Posted 11/19/2019, updated 08/12/2022") is False
    assert numeric_order(english + "Posted 19/11/2019, updated 08/12/2022") is True
    assert numeric_order(english + "updated 08/12/2022") is None
    portuguese = "O conselho aprovou o plano do porto depois de dois invernos de tempestades na cidade. " * 10
    assert numeric_order(portuguese + "05/10/2018 - Publicado por: Maria Souza") is True
    assert numeric_order(portuguese) is None  # no numeric date to read


@pytest.mark.parametrize(("line", "author"), [
    ("avatar by Reuters and Algemeiner Staff", "Reuters and Algemeiner Staff"),
    ("Monday November 18, 2019 7:45 am PST by Jane Doe", "Jane Doe"),  # "by" after a date
    ("5:45 AM PST 11/19/2019 by Jane Doe", "Jane Doe"),
    ("Jane DoeBy Jane Doe, City Staff", "Jane Doe"),  # elements glued together
    ("By Jane DoeFOXBusiness close", "Jane Doe"),
    ("By Jane DoeStaff Writer", "Jane Doe"),
    ("By Jane Doe | The Coast Gazette", "Jane Doe"),
    ("By Jane Doe coastgazette.com", "Jane Doe"),
    ("By Jane Doe jane@coastgazette.com (555) 459-5382", "Jane Doe"),
    ("By Jane Doe@janedoe Nov 19, 2019, 7:53pm EST", "Jane Doe"),
    ("Von Jane Doe publiziert am 25. September 2018", "Jane Doe"),
    ("Author: Jane Doe", "Jane Doe"),
    ("Written by Jane Doe", "Jane Doe"),
    ("Jane Doe 27/09/2018 Comment! Music, Toys", "Jane Doe"),  # a name, then a date
    ("[author photo] Jane Doe - Nov 19, 2019", "Jane Doe"),
    ("Tom Krisher, AP Auto Writer", "Tom Krisher"),  # the job is not the name
    ("Jane Roe and John Doe, Associated Press", "Jane Roe and John Doe, Associated Press"),
    ("Bruce Lee Senior Contributor", "Bruce Lee"),  # a job without a comma is not part of the name
    ("Coast Rider Editorial Staff", "Coast Rider Editorial Staff"),  # a paper's staff: no person, no job
    ("Jane Doe Staff Writer", "Jane Doe"),
    ("by India Post News Weekly 0 Comments", "India Post News Weekly"),  # the comment count is not the name
    ("By Sean Martin Sean Martin", "Sean Martin"),
    ("Coast Gazette wire services", "Coast Gazette wire services"),  # a paper's desk signs for the agencies
    ("Times staff and wire reports", "Times staff and wire reports"),
    ("Jane DoeView More Articles", "Jane Doe"),  # a name beside the link to the writer's other articles
    ("Jane Doe See all posts by Jane Doe", "Jane Doe"),
    ("21/06/2014 Tony Carter All, Books, Kit Reviews, News", "Tony Carter"),  # sections run into the name
    ("13/06/2014 Jane Doe Music, Toys, Kit Reviews", "Jane Doe"),
    ("Jane Roe, John Doe, Mary Major - Nov 19, 2019", "Jane Roe, John Doe, Mary Major"),  # people, not sections
    ("\u0422\u0435\u043a\u0441\u0442: \u0412\u0435\u043d\u0435\u0440\u0430 \u0415\u0440\u043e\u0444\u0435"
     "\u0435\u0432\u0430\u00b724 \u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f 2018",
     "\u0412\u0435\u043d\u0435\u0440\u0430 \u0415\u0440\u043e\u0444\u0435\u0435\u0432\u0430"),  # "Text: ..."
])
def test_bylines_in_the_forms_pages_write_them(line, author):
    assert find_byline(line) == author


@pytest.mark.parametrize("line", [
    "The meeting was spurred by an attack on Sunday in which rockets landed",
    "Ursula von der Leyen",  # "von" is a name particle, not "by", inside a line
    "Sport 19 November 2019",  # one word before a date is a section, unless it is a wire service
    "Opening Bell 11.18.19",  # not a date, so not "NAME DATE"
    "Letters to the Editor",
    "BBC News Services",  # a footer's link: a desk's byline is written in lower case
    "Latest News View More Articles",  # a box of links, not a writer's
    "Facebook Twitter Email Linked - Nov 19, 2019",
    "21/06/2014 Jane Doe, Books, News",  # sections, not people: no name has one word
])
def test_lines_that_only_look_like_bylines(line):
    assert find_byline(line) == ""


def test_one_word_bylines_are_wire_services():
    assert find_byline("Reuters November 18, 2019 11:03 PM") == "Reuters"
    assert find_byline("CoastNews October 06, 2018") == "CoastNews"  # a handle: no section is written so
    assert find_byline("Sport October 06, 2018") == ""
    assert find_byline("By Admin") == ""  # the site's software account: nobody's name
    assert role_byline("The Editorial Staff") == ""  # nothing left once the job is taken off


@pytest.mark.parametrize(("line", "name"), [
    ("Molly Wood", "Molly Wood"),
    ("REUTERS", "REUTERS"),
    ("Kevin Johnson and Kevin McCoy USA TODAY", "Kevin Johnson and Kevin McCoy"),  # without the paper's name
    ("Tom Davies Associated Press", "Tom Davies"),
    ("Elliot Brownstein Florida Today", "Elliot Brownstein"),  # a paper's name in capitalised words
    ("Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader", "Lisa Kaczke and Trevor J. Mitchell"),
    ("Mary Clare Jalonick", "Mary Clare Jalonick"),  # three names, no paper
    ("The Associated Press", "The Associated Press"),
    ("Michael HiltzikBusiness Columnist", "Michael Hiltzik"),
    ("[2m-4G7ws_4] Dallas Robinson", "Dallas Robinson"),
    ("Ideas", ""), ("FEATURES", ""), ("Breaking News Emails", ""), ("Contact Us", ""), ("X Share via", ""),
    ("Image Copyright", ""), ("Home Depot sales miss, shares plunge", ""), ("Posted on Nov 19", ""),
    ("First Impressions Praise Scissor Keyboard, Larger Display", ""),
])
def test_a_line_holding_only_a_name(line, name):
    assert name_line(line) == name


def test_glued_elements_come_apart_but_names_stay_whole():
    assert unglue("Meg JamesStaff Writer") == "Meg James | Staff Writer"
    assert unglue("Sandee LaMotte and Kevin McCoy MacKenzie") == "Sandee LaMotte and Kevin McCoy MacKenzie"


def test_find_date_is_the_publication_date_of_a_byline():
    assert find_date("By Jane Doe | Nov 18, 2019 | Updated Nov 19, 2019") == "2019-11-18"


def test_authors_from_html_lose_what_is_not_a_name():
    assert clean_author("Jane Doe, Print this article") == "Jane Doe"
    assert clean_author("Jane Doe Monday, November") == "Jane Doe"
    assert clean_author("Detroit News wire services Published") == "Detroit News wire services"
    assert clean_author("May Smith") == "May Smith"  # a month's name can be a first name
