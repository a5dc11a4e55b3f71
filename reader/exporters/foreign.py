"""Annotations made by other tools: Hypothesis exports and plain W3C Web Annotations, as quotes on web pages.

Hypothesis writes `{"export_date", "annotations": [...]}` from its client and
`{"total", "rows": [...]}` from its API; each annotation has `uri`, `text`, `tags` and
`target: [{"source", "selector": [...]}]`. Both kinds are read into ForeignAnnotation: the
page's address and the quoted passage, which the library then matches to its own articles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reader.domain.colors import PALETTE
from reader.exporters.backup_reader import is_reader_backup, parse_timestamp

HYPOTHESIS = "Hypothesis"
W3C = "W3C Web Annotation"


@dataclass(frozen=True)
class ForeignAnnotation:
    """A quoted passage of a web page, with the note and tags someone wrote on it."""

    id: str
    url: str
    exact: str
    prefix: str = ""
    suffix: str = ""
    position: int | None = None  # where the other tool's text had it: a hint only
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str = ""
    created: datetime | None = None
    updated: datetime | None = None


@dataclass
class ForeignAnnotations:
    """The annotations of one file, and why the others in it were left out."""

    kind: str
    annotations: list[ForeignAnnotation] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> how many

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def foreign_kind(document: Any) -> str | None:
    """HYPOTHESIS, W3C, or None for a document that holds neither (a Reader backup is neither)."""
    if is_reader_backup(document):
        return None
    if isinstance(document, dict):
        for key in ("annotations", "rows"):
            if isinstance(document.get(key), list):
                return HYPOTHESIS
        if document.get("type") in ("AnnotationCollection", "AnnotationPage", "Annotation"):
            return W3C
        return None
    if isinstance(document, list) and document and all(isinstance(item, dict) for item in document):
        if all(item.get("type") == "Annotation" for item in document):
            return W3C
        if all("uri" in item or "target" in item for item in document):
            return HYPOTHESIS
    return None


def read_foreign(document: Any) -> ForeignAnnotations:
    """The annotations of a Hypothesis or W3C document (see `foreign_kind`)."""
    kind = foreign_kind(document)
    result = ForeignAnnotations(kind or "unknown")
    if kind == HYPOTHESIS:
        items = document if isinstance(document, list) else document.get("annotations", document.get("rows"))
        for item in items:
            _read_hypothesis(item, result)
    elif kind == W3C:
        for item in _w3c_items(document):
            _read_w3c(item, result)
    return result


def _w3c_items(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if document.get("type") == "Annotation":
        return [document]
    if document.get("type") == "AnnotationPage":
        return document.get("items") or []
    page = document.get("first")
    return (page.get("items") or []) if isinstance(page, dict) else []


def _text(data: Mapping, key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _selectors(target: Any) -> tuple[Mapping | None, int | None]:
    """The TextQuoteSelector of a target and the start of its TextPositionSelector, if any."""
    selectors = target.get("selector") if isinstance(target, Mapping) else None
    quote, position = None, None
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        if not isinstance(selector, Mapping):
            continue
        if selector.get("type") == "TextQuoteSelector" and _text(selector, "exact").strip():
            quote = selector
        elif selector.get("type") == "TextPositionSelector" and isinstance(selector.get("start"), int):
            position = selector["start"]
    return quote, position


def _tags(values: Any) -> tuple[str, ...]:
    return tuple(value for value in values if isinstance(value, str) and value.strip()) if isinstance(values, list) \
        else ()


def _read_hypothesis(item: Any, result: ForeignAnnotations) -> None:
    if not isinstance(item, Mapping):
        result.skip("not an annotation object")
        return
    if item.get("references"):
        result.skip("replies to other annotations (they quote nothing)")
        return
    target = _first_target(item)
    url = _text(target, "source") if isinstance(target, Mapping) else ""
    url = url or _text(item, "uri")
    quote, position = _selectors(target)
    if quote is None:
        result.skip("page notes without a quoted passage")
        return
    if not url:
        result.skip("annotations without the address of their page")
        return
    result.annotations.append(_annotation(item, url, quote, position, _text(item, "text"), item.get("tags"),
                                          updated="updated"))


def _read_w3c(item: Any, result: ForeignAnnotations) -> None:
    if not isinstance(item, Mapping) or item.get("type") != "Annotation":
        result.skip("not an annotation object")
        return
    target = _first_target(item)
    quote, position = _selectors(target)
    if quote is None:
        result.skip("annotations of a whole page without a quoted passage")
        return
    source = _text(target, "source")
    url = source if source.startswith(("http://", "https://")) else _text(target, "scope")
    if not url:
        result.skip("annotations without the address of their page")
        return
    notes, tags = [], []
    body_value = _text(item, "bodyValue")
    if body_value:
        notes.append(body_value)
    bodies = item.get("body")
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, str):
            continue  # an IRI of an external body: nothing we can store
        if isinstance(body, Mapping) and isinstance(body.get("value"), str):
            (tags if body.get("purpose") == "tagging" else notes).append(body["value"])
    result.annotations.append(_annotation(item, url, quote, position, "\n\n".join(notes), tags, updated="modified",
                                          color=_text(target, "styleClass")))


def _first_target(item: Mapping) -> Any:
    targets = item.get("target")
    return targets[0] if isinstance(targets, list) and targets else targets


def _annotation(item: Mapping, url: str, quote: Mapping, position: int | None, note: str, tags: Any, *,
                updated: str, color: str = "") -> ForeignAnnotation:
    created = parse_timestamp(item.get("created"))
    return ForeignAnnotation(
        id=_text(item, "id"),
        url=url,
        exact=_text(quote, "exact"),
        prefix=_text(quote, "prefix"),
        suffix=_text(quote, "suffix"),
        position=position,
        note=note,
        tags=_tags(tags),
        color=color if color in PALETTE else "",
        created=created,
        updated=parse_timestamp(item.get(updated)) or created,
    )
