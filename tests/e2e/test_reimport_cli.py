"""`reader import` of a changed file, end to end: the article is updated and its highlights follow."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.e2e
TITLE = "Top US Officials Agree on Options to Give Trump to Deter Attacks on Americans in Iraq"
CUT = ("The meeting was spurred by an attack on Sunday in which rockets landed in Baghdad\u2019s heavily-fortified "
       "Green Zone compound targeting the US Embassy and causing some minor damage, the Iraqi military and the "
       "embassy said.\n\n")


def _ok(result):
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_reimporting_a_changed_file_updates_the_article_and_its_highlights(reader_cli, data_dir, seed_path,
                                                                           tmp_path):
    source = tmp_path / "article.txt"
    original = seed_path.read_text(encoding="utf-8")
    assert CUT in original
    source.write_text(original, encoding="utf-8")
    _ok(reader_cli("import", str(source), "--tag", "iraq", data_dir=data_dir))
    _ok(reader_cli("highlight", "1", "--quote", "a senior administration official told Reuters",
                   "--note", "Who?", "--tag", "sources", data_dir=data_dir))
    _ok(reader_cli("highlight", "1", "--quote", "rockets landed in Baghdad\u2019s heavily-fortified Green Zone",
                   "--color", "pink", data_dir=data_dir))
    _ok(reader_cli("highlight", "1", "--quote", "Secretary of State Mike Pompeo and National Security Adviser",
                   "--color", "blue", data_dir=data_dir))
    _ok(reader_cli("edit", "1", "--title", "US options on Iraq", data_dir=data_dir))
    before = json.loads(_ok(reader_cli("show", "1", "--json", data_dir=data_dir)))

    changed = (original.replace("Top US national security officials agreed",
                                "After days of talks, top US national security officials agreed", 1)
               .replace(CUT, "")
               .replace("Mike Pompeo and National", "Mike Pompeo, and National"))
    source.write_text(changed, encoding="utf-8")
    result = reader_cli("import", str(source), data_dir=data_dir)
    assert _ok(result) == "1\tUS options on Iraq\tupdated\n"  # ID<TAB>title first, as scripts expect
    assert result.stderr == (f"{source}: a new version of article 1 (text version 2, the previous one kept); "
                             "3 highlights: 0 in place, 1 moved, 1 fuzzy, 1 needs review\n")

    after = json.loads(_ok(reader_cli("show", "1", "--json", data_dir=data_dir)))
    assert after["title"] == "US options on Iraq" and after["tags"] == ["iraq"]
    assert after["text"].startswith("After days of talks") and before["text"].startswith("Top US")
    by_color = {h["color"]: h for h in after["highlights"]}
    moved, cut, fixed = by_color["yellow"], by_color["pink"], by_color["blue"]
    assert (moved["anchor"], moved["note"], moved["tags"]) == ("moved", "Who?", ["sources"])
    assert 0.75 <= moved["anchor_score"] < 1  # the sentence after it was cut: the suffix changed
    assert after["text"][moved["start"]:moved["end"]] == moved["quote"]
    assert fixed["anchor"] == "fuzzy" and 0.75 <= fixed["anchor_score"] < 1
    assert fixed["quote"] == "Secretary of State Mike Pompeo, and National Security Adviser"
    assert after["text"][fixed["start"]:fixed["end"]] == fixed["quote"]
    assert (cut["anchor"], cut["anchor_score"], cut["start"] == cut["end"]) == ("orphan", None, True)

    shown = _ok(reader_cli("show", "1", data_dir=data_dir))
    placed, review = shown.split("Needs review (1): no longer found in the text\n")
    assert "Highlights (2):" in placed and "placed approximately" in placed
    assert review.startswith(f"  [{cut['id']}] pink: \u201crockets landed in Baghdad")

    again = reader_cli("import", str(source), data_dir=data_dir)
    assert again.stdout == "" and "already in the library as 1" in again.stderr
