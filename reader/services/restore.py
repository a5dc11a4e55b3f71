"""Restoring a Reader backup, and attaching other tools' annotations (Hypothesis, W3C) to articles.

`reader import FILE` comes here when FILE holds annotation JSON (told by content, not name).
- A Reader backup puts back each article it holds with its highlights, ids, uids, offsets,
  notes, tags, colours, text, blocks, source and read state. An article the library already
  has (same uid, or same content) is not added again: the library's copy and its metadata
  stay as they are, and only the backup's highlights it lacks are added (placed by quote if
  its text differs; kept as orphans for review if they cannot be placed).
- Annotations of other tools are matched to articles by the page address, placed by their
  quote (prefix and suffix decide between repeats), and added once: importing the same file
  again adds nothing. What cannot be matched or placed is reported, never guessed.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.domain.colors import DEFAULT_COLOR
from reader.domain.errors import ReaderError
from reader.domain.models import AnchorState, Article, Highlight
from reader.domain.tags import InvalidTagError, normalize_tag
from reader.domain.text import content_hash, find_quote, normalize_with_map, quote_context
from reader.exporters.annotations import BackupArticle
from reader.exporters.backup_reader import Backup, is_reader_backup, read_backup
from reader.exporters.foreign import ForeignAnnotation, ForeignAnnotations, foreign_kind, read_foreign
from reader.storage import ArticleRecord, Storage

BACKUP = "Reader backup"
MAX_OCCURRENCES = 200  # places of one quote weighed against each other; more is not a quote


@dataclass
class RestoreReport:
    """What restoring one annotation file did; `problems` are what could not be brought in."""

    source: str
    kind: str
    restored: list[Article] = field(default_factory=list)  # articles added to the library
    present: list[Article] = field(default_factory=list)  # articles it already had
    highlights_added: int = 0
    highlights_present: int = 0
    orphans: int = 0
    notes: list[str] = field(default_factory=list)  # left out by design (replies, page notes)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people: what came in and what was already there."""
        parts = []
        if self.kind != BACKUP:
            parts.append(f"added {_count(self.highlights_added, 'highlight')} to "
                         f"{_count(len(self.present), 'article')} of the library")
        else:
            if self.restored:
                parts.append(f"restored {_count(len(self.restored), 'article')}")
            parts.append(f"added {_count(self.highlights_added, 'highlight')}")
            if self.present:
                parts.append(f"{_count(len(self.present), 'article')} already in the library")
        if self.highlights_present:
            parts.append(f"{_count(self.highlights_present, 'highlight')} already there")
        if self.orphans:
            parts.append(f"{_count(self.orphans, 'highlight')} kept as orphans (their text changed)")
        return f"{self.source}: {self.kind}: " + "; ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def load_annotation_json(path: Path) -> Any | None:
    """The JSON document in `path` if it holds JSON, else None (an article to import as usual).

    A `.json` file that does not parse, or JSON that is no annotation format we know, raises
    ReaderError: importing it as the text of an article would help no one.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
            named_json = path.suffix.lower() == ".json"
            if not named_json and not head.startswith((b"{", b"[")):
                return None
            data = head + stream.read() if head else stream.read()
    except OSError:
        return None  # the importer reports unreadable files itself
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        if named_json:
            raise ReaderError("not valid JSON: it is not UTF-8 text") from None
        return None
    except json.JSONDecodeError as error:
        if named_json:
            raise ReaderError(f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
        return None
    if not is_reader_backup(document) and foreign_kind(document) is None:
        raise ReaderError("a JSON file that is neither a Reader backup nor annotations from Hypothesis "
                          "or another W3C Web Annotation tool")
    return document


def url_key(url: str) -> str:
    """How two addresses of one page compare: no scheme, `www.`, fragment, trailing slash or utm_ tags."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.")
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return url.strip()
    query = "&".join(sorted(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_")))
    return f"{host}{port}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def anchor_quote(text: str, exact: str, prefix: str = "", suffix: str = "",
                 hint: int | None = None) -> tuple[int, int] | None:
    """Where the quote `exact` is in `text`: of its places, the one whose surroundings best
    match `prefix` and `suffix`, then the one nearest `hint`. None if it is not there."""
    spans = []
    while len(spans) < MAX_OCCURRENCES:
        span = find_quote(text, exact, len(spans) + 1)
        if span is None:
            break
        spans.append(span)
    if len(spans) <= 1:
        return spans[0] if spans else None
    want_before, want_after = normalize_with_map(prefix)[0], normalize_with_map(suffix)[0]

    def score(span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        before = normalize_with_map(text[max(0, start - 2 * len(prefix)):start])[0]
        after = normalize_with_map(text[end:end + 2 * len(suffix)])[0]
        agree = _common_length(before[::-1], want_before[::-1]) + _common_length(after, want_after)
        return agree, -abs(start - hint) if hint is not None else 0

    return max(spans, key=score)


def _common_length(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second):
        if a != b:
            break
        length += 1
    return length


def place(highlight: Highlight, text: str) -> Highlight:
    """`highlight` on `text`: as it is if its span still holds its quote, else found again by
    quote (MOVED if the same words, FUZZY if only loosely), else an ORPHAN kept for review."""
    if 0 <= highlight.start <= highlight.end <= len(text) and text[highlight.start:highlight.end] == highlight.quote:
        return highlight
    span = anchor_quote(text, highlight.quote, highlight.prefix, highlight.suffix, highlight.start)
    if span is None:
        start = min(highlight.start, len(text))
        return replace(highlight, start=start, end=min(max(highlight.end, start), len(text)),
                       anchor_state=AnchorState.ORPHAN, anchor_score=None)
    start, end = span
    prefix, suffix = quote_context(text, start, end)
    quote = text[start:end]
    state = AnchorState.MOVED if quote == highlight.quote else AnchorState.FUZZY
    return replace(highlight, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix, anchor_state=state,
                   anchor_score=None)


def _placed(highlights: tuple[Highlight, ...], text: str, *, same_text: bool,
            report: RestoreReport) -> tuple[Highlight, ...]:
    """The highlights placed on `text`; on the very text they were made on, exactly as they were."""
    result = []
    for highlight in highlights:
        fits = 0 <= highlight.start <= highlight.end <= len(text)
        placed = highlight if same_text and fits else place(highlight, text)
        if placed.anchor_state is AnchorState.ORPHAN and highlight.anchor_state is not AnchorState.ORPHAN:
            report.orphans += 1
        result.append(placed)
    return tuple(result)


class RestoreService:
    """Brings Reader backups and other tools' annotations into the library."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def restore_file(self, path: Path) -> RestoreReport | None:
        """Restore `path` if it holds annotation JSON; None if it is something else to import."""
        document = load_annotation_json(path)
        if document is None:
            return None
        if is_reader_backup(document):
            return self.restore_backup(read_backup(document), str(path))
        return self.attach(read_foreign(document), str(path))

    # --- Reader backups ------------------------------------------------------------------
    def restore_backup(self, backup: Backup, source: str = "backup") -> RestoreReport:
        """Put the backup's articles back (see the module for articles already present)."""
        report = RestoreReport(source, BACKUP, problems=list(backup.problems))
        known = {article.uid: article for article in self._storage.articles.list()}
        keep_ids = all(item.article.id > 0 and all(h.id > 0 for h in item.highlights) for item in backup.articles)
        for item in backup.articles:
            try:
                self._restore_one(item, known, keep_ids, report)
            except ReaderError as error:  # e.g. a tag no library can hold; each article is its own transaction
                report.problems.append(f"article {item.article.title[:60]!r}: {error}")
        return report

    def _restore_one(self, item: BackupArticle, known: dict[str, Article], keep_ids: bool,
                     report: RestoreReport) -> None:
        article = replace(item.article, content_hash=content_hash(item.article.text))
        present = known.get(article.uid) or self._storage.articles.find_duplicate(
            item.source_hash or "-", article.content_hash)
        if present is not None:
            report.present.append(present)
            self._merge(present, item.highlights, article.content_hash, report)
            return
        highlights = _placed(item.highlights, article.text, same_text=True, report=report)
        restored = self._storage.records.restore(
            ArticleRecord(article, item.original, item.source_hash, highlights), keep_ids=keep_ids)
        known[restored.uid] = restored
        report.restored.append(restored)
        report.highlights_added += len(highlights)

    def _merge(self, article: Article, highlights: tuple[Highlight, ...], backup_hash: str,
               report: RestoreReport) -> None:
        """Add to an article already in the library the backup's highlights it does not have."""
        ours = self._storage.articles.get(article.id)
        existing = self._storage.highlights.for_article(article.id)
        uids = {h.uid for h in existing}
        spans = {(h.start, h.end, h.quote) for h in existing}
        new = []
        missing = tuple(h for h in highlights if h.uid not in uids)
        report.highlights_present += len(highlights) - len(missing)
        for placed in _placed(missing, ours.text, same_text=ours.content_hash == backup_hash, report=report):
            if (placed.start, placed.end, placed.quote) in spans:
                report.highlights_present += 1
                continue
            spans.add((placed.start, placed.end, placed.quote))
            new.append(placed)
        if new:
            self._storage.records.add_highlights(article.id, tuple(new))
            report.highlights_added += len(new)

    # --- other tools ---------------------------------------------------------------------
    def attach(self, found: ForeignAnnotations, source: str = "annotations") -> RestoreReport:
        """Add other tools' annotations to the articles of their pages (matched by address)."""
        report = RestoreReport(source, found.kind)
        report.notes = [f"{source}: {_count(n, 'annotation')} left out: {reason}"
                        for reason, n in found.skipped.items()]
        by_url: dict[str, list[Article]] = {}
        for article in sorted(self._storage.articles.list(), key=lambda a: a.id):
            if article.url:
                by_url.setdefault(url_key(article.url), []).append(article)
        unmatched: Counter[str] = Counter()
        unplaced: Counter[str] = Counter()
        texts: dict[int, str] = {}
        existing: dict[int, tuple[set[str], set[tuple[int, int]]]] = {}
        pending: dict[int, list[Highlight]] = {}
        touched: dict[int, Article] = {}
        for annotation in found.annotations:
            candidates = by_url.get(url_key(annotation.url), [])
            if not candidates:
                unmatched[annotation.url] += 1
                continue
            for article in candidates:
                if article.id not in texts:
                    texts[article.id] = self._storage.articles.get(article.id).text
                span = anchor_quote(texts[article.id], annotation.exact, annotation.prefix, annotation.suffix,
                                    annotation.position)
                if span is not None:
                    break
            else:
                unplaced[annotation.url] += 1
                continue
            if article.id not in existing:
                highlights = self._storage.highlights.for_article(article.id)
                existing[article.id] = ({h.uid for h in highlights}, {(h.start, h.end) for h in highlights})
            uids, spans = existing[article.id]
            highlight = _foreign_highlight(annotation, found.kind, article.id, texts[article.id], span)
            touched[article.id] = article
            if highlight.uid in uids or span in spans:
                report.highlights_present += 1
                continue
            uids.add(highlight.uid)
            spans.add(span)
            pending.setdefault(article.id, []).append(highlight)
        for article_id, highlights in pending.items():
            self._storage.records.add_highlights(article_id, tuple(highlights))
            report.highlights_added += len(highlights)
        report.present = list(touched.values())
        report.problems += [f"{_count(n, 'annotation')} of {url}: no article in the library has this address "
                            "(import the page first)" for url, n in unmatched.items()]
        report.problems += [f"{_count(n, 'annotation')} of {url}: the quoted passage is not in the article's text"
                            for url, n in unplaced.items()]
        return report


def _foreign_highlight(annotation: ForeignAnnotation, kind: str, article_id: int, text: str,
                       span: tuple[int, int]) -> Highlight:
    start, end = span
    prefix, suffix = quote_context(text, start, end)
    quote = text[start:end]
    now = datetime.now(UTC).replace(tzinfo=None)
    # The same annotation always gets the same uid, so importing a file twice adds it once.
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"{kind}:{annotation.id}").hex if annotation.id else uuid.uuid4().hex
    tags = []
    for tag in annotation.tags:
        try:
            tags.append(normalize_tag(tag))
        except InvalidTagError:
            continue
    return Highlight(
        id=0, article_id=article_id, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix,
        color=annotation.color or DEFAULT_COLOR, note=annotation.note, tags=tuple(tags),
        anchor_state=AnchorState.EXACT if quote == annotation.exact else AnchorState.FUZZY, anchor_score=None,
        created=annotation.created or now, updated=annotation.updated or annotation.created or now, uid=uid,
    )
