"""Reading a Reader backup (the W3C collection of `annotations.py`) back into articles and highlights.

Damage is reported, never guessed around: a broken document raises BackupError, a broken
article or highlight is left out with one line in `Backup.problems`, and the rest is read.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from reader.domain.colors import PALETTE
from reader.domain.errors import ReaderError
from reader.domain.models import AnchorState, Article, Highlight
from reader.domain.serialize import blocks_from_data
from reader.exporters.annotations import BACKUP_FORMAT, ORIGINAL_ENCODING, BackupArticle


class BackupError(ReaderError):
    """A backup that cannot be read at all."""


@dataclass
class Backup:
    """What a backup holds, and what of it could not be read."""

    articles: list[BackupArticle] = field(default_factory=list)
    color_names: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def highlight_count(self) -> int:
        return sum(len(item.highlights) for item in self.articles)


def is_reader_backup(document: Any) -> bool:
    """True for a document written by `annotations.collection` (any format version)."""
    return (
        isinstance(document, dict)
        and document.get("type") == "AnnotationCollection"
        and "reader_format" in document
        and isinstance(document.get("articles"), list)
    )


def urn_uid(iri: Any) -> str:
    """The Reader uid of an IRI made by `uid_urn`, or "" for anything else."""
    if not isinstance(iri, str):
        return ""
    if iri.startswith("urn:uuid:"):
        return iri[len("urn:uuid:"):].replace("-", "").lower()
    if iri.startswith("urn:reader:"):
        return iri[len("urn:reader:"):]
    return ""


def parse_timestamp(value: Any) -> datetime | None:
    """A naive UTC datetime from an ISO 8601 string, or None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


class _Fields:
    """Typed access to one JSON object, with errors that say where and what."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise BackupError(f"{where} is not a JSON object")
        self.data, self.where = data, where

    def _get(self, key: str, kinds: tuple[type, ...], default: Any, wanted: str) -> Any:
        value = self.data.get(key)
        if value is None and type(None) not in kinds:
            return default  # missing, or null where a value was expected: the default
        if isinstance(value, bool) and bool not in kinds:
            raise BackupError(f"{self.where}: {key!r} must be {wanted}")
        if not isinstance(value, kinds):
            raise BackupError(f"{self.where}: {key!r} must be {wanted}")
        return value

    def text(self, key: str, default: str = "") -> str:
        return self._get(key, (str,), default, "text")

    def optional_text(self, key: str) -> str | None:
        return self._get(key, (str, type(None)), None, "text or null")

    def integer(self, key: str, default: int = 0) -> int:
        return self._get(key, (int,), default, "a whole number")

    def number(self, key: str, default: float = 0.0) -> float:
        return float(self._get(key, (int, float), default, "a number"))

    def boolean(self, key: str, default: bool = False) -> bool:
        return self._get(key, (bool,), default, "true or false")

    def strings(self, key: str) -> list[str]:
        values = self._get(key, (list,), [], "a list of texts")
        if not all(isinstance(value, str) for value in values):
            raise BackupError(f"{self.where}: {key!r} must be a list of texts")
        return values

    def moment(self, key: str, default: datetime) -> datetime:
        if key not in self.data:
            return default
        moment = parse_timestamp(self.data[key])
        if moment is None:
            raise BackupError(f"{self.where}: {key!r} must be a date and time (ISO 8601)")
        return moment


def read_backup(document: Any) -> Backup:
    """The articles and highlights of a Reader backup; raises BackupError if it is unusable."""
    if not is_reader_backup(document):
        raise BackupError("not a Reader backup (no articles in an annotation collection)")
    top = _Fields(document, "the backup")
    version = top.integer("reader_format")
    if version > BACKUP_FORMAT:
        raise BackupError(f"the backup was made by a newer Reader (format {version}); update Reader to restore it")
    generated = top.moment("generated", datetime(1970, 1, 1))
    names = document.get("color_names")
    backup = Backup(color_names={k: v for k, v in names.items() if isinstance(v, str)} if isinstance(names, dict)
                    else {})
    page = document.get("first") or {}
    items = page.get("items", []) if isinstance(page, dict) else None
    if not isinstance(items, list):
        raise BackupError("the backup's annotations ('first', 'items') are not a list")

    by_source: dict[str, list[Highlight]] = {}
    for index, annotation in enumerate(items, start=1):
        try:
            source, highlight = _highlight(annotation, f"annotation {index}", generated)
        except BackupError as error:
            backup.problems.append(str(error))
            continue
        by_source.setdefault(source, []).append(highlight)

    for index, data in enumerate(document["articles"], start=1):
        try:
            item = _article(data, f"article {index}", generated)
        except BackupError as error:
            backup.problems.append(str(error))
            continue
        highlights = by_source.pop(item.article.uid, [])
        backup.articles.append(BackupArticle(
            item.article,
            tuple(replace(h, article_id=item.article.id) for h in highlights),
            item.original,
            item.source_hash,
        ))
    for source, highlights in by_source.items():
        backup.problems.append(f"{len(highlights)} annotations target {source or 'nothing'}, "
                               "which is not an article of the backup")
    return backup


def _article(data: Any, where: str, generated: datetime) -> BackupArticle:
    fields = _Fields(data, where)
    uid = urn_uid(data.get("id"))
    if not uid:
        raise BackupError(f"{where}: 'id' must be a urn:uuid: of the article")
    where = f"{where} ({fields.text('title')[:60]!r})"
    fields.where = where
    text = fields.text("text")
    try:
        blocks = blocks_from_data(data.get("blocks", []))
    except (TypeError, ValueError, KeyError) as error:
        raise BackupError(f"{where}: its blocks are damaged ({error})") from None
    if any(not 0 <= block.start <= block.end <= len(text) for block in blocks):
        raise BackupError(f"{where}: its blocks do not fit its text")
    article = Article(
        id=fields.integer("reader_id"),
        title=fields.text("title"),
        author=fields.text("author"),
        site=fields.text("site"),
        url=fields.text("url"),
        published=fields.optional_text("published"),
        added=fields.moment("added", generated),
        kind=fields.text("kind", "text"),
        text=text,
        blocks=blocks,
        language=fields.text("language"),
        source_path=fields.text("source_path"),
        content_hash=fields.text("content_hash"),
        text_version=fields.integer("text_version", 1),
        is_read=fields.boolean("read"),
        archived=fields.boolean("archived"),
        progress=fields.number("progress"),
        read_position=fields.integer("read_position"),
        note=fields.text("note"),
        tags=tuple(fields.strings("tags")),
        edited_fields=frozenset(fields.strings("edited_fields")),
        uid=uid,
    )
    return BackupArticle(article, (), _original(data.get("original"), where), fields.text("source_hash"))


def _original(data: Any, where: str) -> bytes:
    if data is None:
        return b""
    if not isinstance(data, dict) or data.get("encoding") != ORIGINAL_ENCODING or not isinstance(data.get("data"), str):
        raise BackupError(f"{where}: 'original' must be {{'encoding': '{ORIGINAL_ENCODING}', 'data': ...}}")
    try:
        return zlib.decompress(base64.b64decode(data["data"], validate=True))
    except (binascii.Error, zlib.error, ValueError):
        raise BackupError(f"{where}: its original source bytes are damaged") from None


def _highlight(data: Any, where: str, generated: datetime) -> tuple[str, Highlight]:
    fields = _Fields(data, where)
    uid = urn_uid(data.get("id"))
    target = _Fields(data.get("target"), f"{where}: target")
    source = urn_uid(target.data.get("source"))
    selectors = target.data.get("selector")
    quote = _selector(selectors, "TextQuoteSelector", where)
    position = _selector(selectors, "TextPositionSelector", where)
    start, end = position.integer("start", -1), position.integer("end", -1)
    if not 0 <= start <= end:
        raise BackupError(f"{where}: its TextPositionSelector needs a start and an end, start <= end")
    color = target.text("styleClass", PALETTE[0])
    if color not in PALETTE:
        raise BackupError(f"{where}: unknown colour {color!r} (styleClass)")
    note, tags = _bodies(data.get("body"), where)
    anchor = _Fields(data.get("anchor", {}), f"{where}: anchor")
    try:
        state = AnchorState(anchor.text("state", AnchorState.EXACT.value))
    except ValueError:
        raise BackupError(f"{where}: unknown anchor state {anchor.data.get('state')!r}") from None
    score = anchor.data.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
        raise BackupError(f"{where}: the anchor score must be a number or null")
    created = fields.moment("created", generated)
    return source, Highlight(
        id=fields.integer("reader_id"),
        article_id=0,
        start=start,
        end=end,
        quote=quote.text("exact"),
        prefix=quote.text("prefix"),
        suffix=quote.text("suffix"),
        color=color,
        note=note,
        tags=tags,
        anchor_state=state,
        anchor_score=None if score is None else float(score),
        created=created,
        updated=fields.moment("modified", created),
        uid=uid,
    )


def _selector(selectors: Any, kind: str, where: str) -> _Fields:
    candidates = selectors if isinstance(selectors, list) else [selectors]
    for selector in candidates:
        if isinstance(selector, Mapping) and selector.get("type") == kind:
            return _Fields(selector, f"{where}: {kind}")
    raise BackupError(f"{where}: its target has no {kind}")


def _bodies(body: Any, where: str) -> tuple[str, tuple[str, ...]]:
    """The note (commenting bodies, joined) and the tags (tagging bodies) of an annotation."""
    notes: list[str] = []
    tags: list[str] = []
    for item in body if isinstance(body, list) else ([] if body is None else [body]):
        fields = _Fields(item, f"{where}: body")
        purpose, value = fields.text("purpose"), fields.text("value")
        if purpose == "tagging":
            tags.append(value)
        elif purpose in ("commenting", "describing", ""):
            notes.append(value)
    return "\n\n".join(notes), tuple(tags)
