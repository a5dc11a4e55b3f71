"""The library as a W3C Web Annotation collection, with the articles, so a backup restores exactly.

Each highlight is an `Annotation` (motivation `highlighting`) whose target is the article with
a `TextQuoteSelector` and a `TextPositionSelector` (code points of the canonical text) and
whose `styleClass` is its colour; its note is a `TextualBody` with purpose `commenting` and
each tag one with purpose `tagging`. What the model has no term for (the articles with text,
blocks and read state, anchor states, ids) sits in Reader's own vocabulary, declared by the
second `@context` entry, so the document stays valid JSON-LD.
"""

from __future__ import annotations

import base64
import uuid
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.domain.models import Article, Highlight
from reader.domain.serialize import blocks_to_data

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_VOCABULARY = "https://example.org/reader/ns#"
BACKUP_FORMAT = 1  # bumped when a change would make older Readers misread a backup
ORIGINAL_ENCODING = "zlib+base64"


@dataclass(frozen=True)
class BackupArticle:
    """One article as a backup holds it: metadata and text, source bytes, highlights."""

    article: Article
    highlights: tuple[Highlight, ...]
    original: bytes = b""
    source_hash: str = ""


def uid_urn(uid: str) -> str:
    """The IRI of a Reader uid: `urn:uuid:...` for our hex uids, `urn:reader:...` otherwise."""
    try:
        return uuid.UUID(hex=uid).urn
    except ValueError:
        return f"urn:reader:{uid}"


def timestamp(moment: datetime) -> str:
    """An xsd:dateTime in UTC with its microseconds, as stored (naive datetimes are UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat() + "Z"


def collection(
    items: Iterable[BackupArticle],
    *,
    color_names: Mapping[str, str],
    generated: datetime,
    version: str,
) -> dict[str, Any]:
    """The whole backup document for `items`, in the order given."""
    articles: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for item in items:
        articles.append(article_object(item))
        source = uid_urn(item.article.uid)
        annotations.extend(annotation_object(h, source, item.article.url) for h in item.highlights)
    return {
        "@context": [ANNOTATION_CONTEXT, {"@vocab": READER_VOCABULARY}],
        "type": "AnnotationCollection",
        "label": "Reader library",
        "generator": {"type": "Software", "name": "Reader", "version": version},
        "generated": timestamp(generated),
        "reader_format": BACKUP_FORMAT,
        "color_names": dict(color_names),
        "total": len(annotations),
        "articles": articles,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }


def article_object(item: BackupArticle) -> dict[str, Any]:
    """An article with everything needed to put it back as it was."""
    article = item.article
    document: dict[str, Any] = {
        "id": uid_urn(article.uid),
        "type": "Text",
        "format": "text/plain",
        "reader_id": article.id,
        "title": article.title,
        "author": article.author,
        "site": article.site,
        "url": article.url,
        "published": article.published,
        "added": timestamp(article.added),
        "kind": article.kind,
        "language": article.language,
        "source_path": article.source_path,
        "content_hash": article.content_hash,
        "source_hash": item.source_hash,
        "text_version": article.text_version,
        "read": article.is_read,
        "archived": article.archived,
        "progress": article.progress,
        "read_position": article.read_position,
        "note": article.note,
        "tags": list(article.tags),
        "edited_fields": sorted(article.edited_fields),
        "text": article.text,
        "blocks": blocks_to_data(article.blocks),
    }
    if item.original:
        document["original"] = {
            "encoding": ORIGINAL_ENCODING,
            "data": base64.b64encode(zlib.compress(item.original, 6)).decode("ascii"),
        }
    return document


def annotation_object(highlight: Highlight, source: str, url: str = "") -> dict[str, Any]:
    """One highlight as a W3C Annotation targeting the article `source`."""
    body: list[dict[str, Any]] = []
    if highlight.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "format": "text/markdown",
                     "value": highlight.note})
    body.extend({"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in highlight.tags)
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source,
        "styleClass": highlight.color,
        "selector": [
            {"type": "TextQuoteSelector", "exact": highlight.quote, "prefix": highlight.prefix,
             "suffix": highlight.suffix},
            {"type": "TextPositionSelector", "start": highlight.start, "end": highlight.end},
        ],
    }
    if url:
        target["scope"] = url  # the web page the article came from, for tools that match by address
    annotation: dict[str, Any] = {
        "id": uid_urn(highlight.uid),
        "type": "Annotation",
        "motivation": "highlighting",
        "created": timestamp(highlight.created),
        "modified": timestamp(highlight.updated),
        "reader_id": highlight.id,
        "anchor": {"state": highlight.anchor_state.value, "score": highlight.anchor_score},
        "target": target,
    }
    if body:
        annotation["body"] = body
    return annotation
