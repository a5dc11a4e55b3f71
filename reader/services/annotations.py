"""Highlights: made from a quote or a selection, anchored by position, quote and context."""

from __future__ import annotations

from reader.domain.anchoring import Placement
from reader.domain.colors import DEFAULT_COLOR, palette_key
from reader.domain.errors import ReaderError
from reader.domain.models import AnchorState, Highlight
from reader.domain.tags import normalize_tag
from reader.domain.text import find_quote, quote_context, snap_to_words
from reader.storage import Storage


class QuoteNotFoundError(ReaderError):
    """The quote to highlight is not in the article."""


class AnnotationService:
    """Adding highlights, with their colours, notes and tags."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def highlight_quote(
        self,
        article_id: int,
        quote: str,
        *,
        occurrence: int = 1,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: tuple[str, ...] = (),
    ) -> Highlight:
        """Highlight the `occurrence`-th place where `quote` appears in the article.

        The quote may differ from the text in case, spacing and typographic quotes or dashes;
        the stored quote is always the article's own text.
        """
        article = self._storage.articles.get(article_id)
        if not quote.strip():  # it would "not occur" either, which sends people looking for typos
            raise ReaderError("the quote is empty; give the words of the passage to highlight")
        span = find_quote(article.text, quote, occurrence)
        if span is None:
            where = f" {occurrence} times" if occurrence > 1 else ""
            raise QuoteNotFoundError(f"the quote does not occur{where} in article {article_id}")
        return self._add(article_id, article.text, *span, color=color, note=note, tags=tags)

    def highlight_span(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = DEFAULT_COLOR,
        note: str = "",
        tags: tuple[str, ...] = (),
        snap: bool = True,
    ) -> Highlight:
        """Highlight `[start, end)` of the article's text, widened to whole words if `snap`."""
        article = self._storage.articles.get(article_id)
        if snap:
            start, end = snap_to_words(article.text, start, end)
        if not 0 <= start < end <= len(article.text):
            raise ReaderError("select some text to highlight")
        return self._add(article_id, article.text, start, end, color=color, note=note, tags=tags)

    def _add(self, article_id: int, text: str, start: int, end: int, *, color: str, note: str,
             tags: tuple[str, ...]) -> Highlight:
        prefix, suffix = quote_context(text, start, end)
        return self._storage.highlights.add(
            article_id,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=prefix,
            suffix=suffix,
            color=palette_key(color),
            note=note,
            tags=tuple(normalize_tag(tag) for tag in tags),
        )

    def highlights(self, article_id: int) -> list[Highlight]:
        """The article's highlights in text order."""
        self._storage.articles.require(article_id)  # a missing article is an error, not an empty list
        return self._storage.highlights.for_article(article_id)

    def get(self, highlight_id: int) -> Highlight:
        return self._storage.highlights.get(highlight_id)

    def update(self, highlight_id: int, *, color: str | None = None, note: str | None = None,
               tags: tuple[str, ...] | list[str] | None = None) -> Highlight:
        """Change the colour, note or tags of a highlight (None leaves that field alone)."""
        return self._storage.highlights.update(
            highlight_id,
            color=palette_key(color) if color is not None else None,
            note=note,
            tags=tuple(normalize_tag(tag) for tag in tags) if tags is not None else None,
        )

    def delete(self, highlight_id: int) -> Highlight:
        """Delete a highlight; returns it so `restore` can put it back."""
        highlight = self._storage.highlights.get(highlight_id)
        self._storage.highlights.delete(highlight_id)
        return highlight

    def restore(self, highlight: Highlight) -> Highlight:
        """Put a deleted highlight back under its id."""
        return self._storage.highlights.restore(highlight)

    # --- review after a re-import ("Needs review") ------------------------------------------
    def needs_review(self, article_id: int) -> list[Highlight]:
        """The article's orphans: highlights a new version of its text left without a place.

        Each keeps its old quote, prefix and suffix (to show), note, colour and tags; its
        span is empty, at the best guess of where the passage was. Oldest first.
        """
        self._storage.articles.require(article_id)  # a missing article is an error, not an empty list
        return self._storage.highlights.orphans(article_id)

    def reattach(self, highlight_id: int, start: int, end: int, *, snap: bool = True) -> Highlight:
        """Put a highlight (an orphan, usually) on `[start, end)` of its article's current text.

        Offsets are code points, widened to whole words if `snap`; the quote, prefix and
        suffix are taken from the text and the highlight is placed EXACT again. Its note,
        colour and tags stay. Raises ReaderError for an empty or out-of-range selection.
        """
        highlight = self._storage.highlights.get(highlight_id)
        text = self._storage.articles.get(highlight.article_id).text
        if snap:
            start, end = snap_to_words(text, start, end)
        if not 0 <= start < end <= len(text):
            raise ReaderError("select some text to attach the highlight to")
        prefix, suffix = quote_context(text, start, end)
        placement = Placement(AnchorState.EXACT, start, end, 1.0, text[start:end], prefix, suffix)
        return self._storage.highlights.place(highlight_id, placement)

    def restore_anchor(self, highlight: Highlight) -> Highlight:
        """Give a highlight back the anchor it had in `highlight` (undoing a re-attach)."""
        placement = Placement(highlight.anchor_state, highlight.start, highlight.end, highlight.anchor_score,
                              highlight.quote, highlight.prefix, highlight.suffix)
        return self._storage.highlights.place(highlight.id, placement)
