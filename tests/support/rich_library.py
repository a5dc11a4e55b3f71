"""A library with everything an export must carry: metadata edits, read state, notes, nested tags,
overlapping highlights in every colour, text outside the BMP and an orphaned highlight."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reader.domain.models import AnchorState

MARKDOWN_ARTICLE = """# Foxes and Hedgehogs 🦊

The fox knows many things, but the hedgehog knows **one big thing**.

> A quoted line with a [link](https://example.com/source).

- first item
- second item 🦔 with *emphasis*

The fox knows many things; this sentence repeats the fox.
"""


@dataclass
class RichLibrary:
    """Ids of what the fixture made."""

    seed: int
    foxes: int
    highlights: dict[str, int]


def make_rich_library(services, folder: Path, seed_path: Path) -> RichLibrary:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "foxes.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    report = services.importer.import_paths([seed_path, folder / "foxes.md"], tags=("reading/2024",))
    assert report.ok, report.failures
    seed, foxes = (item.article.id for item in report.imported)
    services.articles.edit(seed, title="Officials: \"options\" #1 — Iraq/US", url="https://www.example.com/iraq/")
    services.articles.edit(foxes, url="https://example.org/foxes", site="Essays")
    services.storage.articles.add_tags(foxes, ("animals", "big ideas"))
    add = services.annotations.highlight_quote
    highlights = {
        "official": add(seed, "a senior administration official told Reuters", color="yellow",
                        note="Who is it?\n\n- ask", tags=("iran", "world/middle east")).id,
        "told": add(seed, "official told", color="pink", note="Overlaps the first").id,
        "fox": add(foxes, "The fox knows many things", color="green", tags=("animals/fox",)).id,
        "hedgehog": add(foxes, "one big thing", color="blue", note="**Key**").id,
        "emoji": add(foxes, "second item 🦔 with emphasis", color="purple").id,
        "repeat": add(foxes, "The fox knows many things", occurrence=2, color="yellow").id,
    }
    # Read state, an article note and an orphaned highlight have no command yet: put the
    # article back from its record with them, as undo and restore do.
    record = services.storage.records.record(foxes)
    orphan = replace(record.highlights[0], id=record.highlights[-1].id + 100, uid="9" * 32, start=3, end=9,
                     quote="words no longer in the text", anchor_state=AnchorState.ORPHAN, anchor_score=0.25)
    services.storage.articles.delete(foxes)
    services.storage.records.restore(replace(
        record,
        article=replace(record.article, is_read=True, archived=True, progress=0.625, read_position=42,
                        note="Berlin's essay, *retold*."),
        highlights=record.highlights + (orphan,),
    ))
    highlights["orphan"] = orphan.id
    return RichLibrary(seed, foxes, highlights)
