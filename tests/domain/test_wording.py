"""Counts in words."""

from reader.domain.wording import counted


def test_one_is_singular_and_every_other_count_plural():
    assert [counted(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
