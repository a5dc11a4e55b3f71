"""The rules for corrected article details: a title, a readable date, an http(s) address."""

from __future__ import annotations

import pytest

from reader.domain.dates import InvalidDateError
from reader.domain.details import InvalidDetailsError, clean_details, is_web_address


def test_details_are_squeezed_and_the_date_read():
    assert clean_details({"title": "  A\n title ", "author": " ", "published": "24 Dec 2020 8:54", "site": None,
                          "url": " https://example.com/a?b=1#c "}) == {
        "title": "A title", "author": "", "published": "2020-12-24T08:54", "url": "https://example.com/a?b=1#c"}
    assert clean_details({"published": "", "url": ""}) == {"published": None, "url": ""}  # empty clears


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_a_blank_title_is_refused(title):
    with pytest.raises(InvalidDetailsError, match="^the title cannot be empty$"):
        clean_details({"author": "Someone", "title": title})


@pytest.mark.parametrize("url", ["not a url", "example.com/page", "ftp://example.com/a", "file:///home/a.html",
                                 "/home/me/a.html", "https://", "http:///path", "https://[::1", "mailto:a@b.c"])
def test_an_address_that_is_not_absolute_http_is_refused(url):
    assert not is_web_address(url)
    with pytest.raises(InvalidDetailsError, match="absolute http:// or https:// address, or empty"):
        clean_details({"url": url})


@pytest.mark.parametrize("url", ["http://example.com", "https://www.example.com/a/b?c=d#e", "HTTPS://EXAMPLE.COM/",
                                 "http://127.0.0.1:8080/x"])
def test_web_addresses_are_kept(url):
    assert is_web_address(url) and clean_details({"url": url}) == {"url": url}


def test_a_bad_date_is_still_a_date_error():
    with pytest.raises(InvalidDateError, match="cannot read 'someday'"):
        clean_details({"title": "Fine", "published": "someday"})
