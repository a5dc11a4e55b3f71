"""Importing a newer version of an article already in the library: same address or file, new text.

The article keeps its id, tags, note, read state and the user's corrections; its text and
blocks are replaced, the previous text is kept as a version, and every highlight is placed
again on the new text (exact, moved, fuzzy or orphan; see reader.domain.anchoring).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.domain import anchoring  # its matcher (rapidfuzz) loads on the first re-import
from reader.domain.models import AnchorState, Article, ExtractedArticle, Highlight
from reader.domain.wording import counted
from reader.storage import EDITABLE_FIELDS, NewText, Storage

# Share of the shorter text's word 3-grams the other must have for it to be the same article
# in a new version; two articles that merely share an address (a site that gives every page
# its home page as canonical URL) share almost none.
SAME_ARTICLE = 0.5


@dataclass(frozen=True)
class AnchorCounts:
    """How an article's highlights were placed on its new text."""

    exact: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphan: int = 0

    @classmethod
    def of(cls, highlights: list[Highlight]) -> AnchorCounts:
        counts = Counter(highlight.anchor_state for highlight in highlights)
        return cls(counts[AnchorState.EXACT], counts[AnchorState.MOVED], counts[AnchorState.FUZZY],
                   counts[AnchorState.ORPHAN])

    def __str__(self) -> str:
        total = self.exact + self.moved + self.fuzzy + self.orphan
        if not total:
            return "no highlights"
        return (f"{counted(total, 'highlight')}: {self.exact} in place, {self.moved} moved, "
                f"{self.fuzzy} fuzzy, {self.orphan} need{'s' if self.orphan == 1 else ''} review")


@dataclass(frozen=True)
class UpdatedItem:
    """A source that was a new version of `article` (as it is now, with `anchors` counted)."""

    source: str
    article: Article
    anchors: AnchorCounts


def previous_version(storage: Storage, extracted: ExtractedArticle, source_path: str) -> Article | None:
    """The article (with its text) that `extracted` is a new version of, if there is one.

    Same web address (when there is one) or same source file, and mostly the same words.
    """
    for candidate in storage.articles.find_by_origin(url=extracted.url, source_path=source_path):
        article = storage.articles.get(candidate.id)
        if anchoring.shared_share(article.text, extracted.text) >= SAME_ARTICLE:
            return article
    return None


def update_article(storage: Storage, article: Article, extracted: ExtractedArticle, *, source: str, data: bytes,
                   source_hash: str, text_hash: str, source_path: str, tags: tuple[str, ...]) -> UpdatedItem:
    """Replace `article`'s text with `extracted`'s, keeping the old text and re-placing highlights."""
    reanchorer = anchoring.Reanchorer(article.text, extracted.text)
    placements = {h.id: reanchorer.place(h) for h in storage.highlights.for_article(article.id)}
    metadata: dict[str, str | None] = {}
    for name in EDITABLE_FIELDS:
        value = getattr(extracted, name)
        if name not in article.edited_fields and value:  # a field the new page lacks keeps its value
            metadata[name] = value
    new = NewText(
        text=extracted.text,
        blocks=extracted.blocks,
        content_hash=text_hash,
        source_hash=source_hash,
        original=data,
        kind=extracted.kind,
        language=extracted.language or article.language,
        source_path=source_path,
        metadata=metadata,
        read_position=reanchorer.map_position(article.read_position),
        add_tags=tags,
    )
    stored = storage.versions.replace_text(article.id, new, expected_version=article.text_version,
                                           placements=placements, place=reanchorer.place)
    return UpdatedItem(source, stored, AnchorCounts.of(storage.highlights.for_article(article.id)))
