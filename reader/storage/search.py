"""Running a parsed query: ranked article and highlight hits with snippets, cancellable mid-query.

FTS5's snippet() re-tokenizes a whole article, which costs more than the ranking itself for
most queries, so snippets are made only for the articles the merged list keeps: highlights
are fetched first (short, cheap), which says how many articles the list has room for.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from reader.domain.query import Query
from reader.domain.search import (
    ELLIPSIS,
    ArticleHit,
    HighlightHit,
    Hit,
    SearchCancelled,
    SearchResults,
    Snippet,
    merge_ranked,
)
from reader.storage.database import Database, translate_errors
from reader.storage.search_sql import ARTICLE_KIND, HIGHLIGHT_KIND, Plan, plan_for

ARTICLE_SNIPPET_TOKENS = 24
QUOTE_SNIPPET_TOKENS = 48
NOTE_SNIPPET_TOKENS = 24
_PROGRESS_STEPS = 1000  # SQLite VM steps between checks for cancellation (well under a millisecond)


class _Marks:
    """Random markers for one query, so article text can never pass for a match or an ellipsis."""

    def __init__(self) -> None:
        token = secrets.token_hex(8)
        self.open, self.close, self.ellipsis = (f"\x02{token}{c}\x03" for c in "<>~")

    def params(self) -> dict[str, str]:
        return {"mark_open": self.open, "mark_close": self.close, "mark_ellipsis": self.ellipsis}

    def snippet(self, raw: str | None) -> tuple[Snippet, str, int]:
        """The snippet to show, the exact text it was cut from, and where that starts in it."""
        raw = raw or ""
        lead = raw.startswith(self.ellipsis)
        core = raw.removeprefix(self.ellipsis).removesuffix(self.ellipsis)
        piece = Snippet.from_marked(core, self.open, self.close)
        shift = len(ELLIPSIS) if lead else 0
        text = (ELLIPSIS if lead else "") + piece.text + (ELLIPSIS if raw.endswith(self.ellipsis) and core else "")
        return Snippet(text, tuple((s + shift, e + shift) for s, e in piece.matches)), piece.text, shift


def _where(plan: Plan, joiner: str) -> str:
    return f"{joiner} {' AND '.join(plan.where)}" if plan.where else ""


def _articles_sql(plan: Plan) -> str:
    if plan.match_table:
        fts, text_column = plan.match_table, plan.kind.table.column_index("text")
        return (
            f"SELECT a.id, a.title, a.author, a.site, "
            f"snippet({fts}, {text_column}, :mark_open, :mark_close, :mark_ellipsis, {ARTICLE_SNIPPET_TOKENS}), "
            f"highlight({fts}, 0, :mark_open, :mark_close) "
            f"FROM {fts} JOIN articles AS a ON a.id = {fts}.rowid "
            f"WHERE {fts} MATCH :match {_where(plan, 'AND')} ORDER BY {fts}.rank LIMIT :limit"
        )
    return (f"SELECT a.id, a.title, a.author, a.site, substr(a.text, 1, 600), NULL FROM articles AS a "
            f"{_where(plan, 'WHERE')} ORDER BY a.added DESC, a.id DESC LIMIT :limit")


def _highlights_sql(plan: Plan) -> str:
    tags = ("(SELECT json_group_array(name) FROM (SELECT t.name FROM highlight_tags AS x JOIN tags AS t "
            "ON t.id = x.tag_id WHERE x.highlight_id = h.id ORDER BY t.key))")
    columns = f'h.id, h.article_id, a.title, h.quote, h.note, h.color, {tags}, h.start, h."end"'
    if plan.match_table:
        fts = plan.match_table
        return (
            f"SELECT {columns}, "
            f"snippet({fts}, 0, :mark_open, :mark_close, :mark_ellipsis, {QUOTE_SNIPPET_TOKENS}), "
            f"snippet({fts}, 1, :mark_open, :mark_close, :mark_ellipsis, {NOTE_SNIPPET_TOKENS}) "
            f"FROM {fts} JOIN highlights AS h ON h.id = {fts}.rowid JOIN articles AS a ON a.id = h.article_id "
            f"WHERE {fts} MATCH :match {_where(plan, 'AND')} ORDER BY {fts}.rank LIMIT :limit"
        )
    return (f"SELECT {columns}, NULL, NULL FROM highlights AS h JOIN articles AS a ON a.id = h.article_id "
            f"{_where(plan, 'WHERE')} ORDER BY h.created DESC, h.id DESC LIMIT :limit")


class SearchStore:
    """Full-text search over the library; safe to call from any thread (one connection per call)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def search(self, query: Query, *, limit: int = 50,
               cancelled: Callable[[], bool] | None = None) -> SearchResults:
        """Up to `limit` hits, best first (see `merge_ranked` for how the two kinds mix).

        `cancelled` is polled before each statement and, while SQLite works, every few
        thousand steps; once it returns True the query stops and SearchCancelled is raised.
        """
        if query.is_empty or limit <= 0:
            return SearchResults(query)
        with translate_errors(self._db.path), self._db.engine.connect() as connection:
            raw = connection.connection.driver_connection
            if cancelled is not None:
                raw.set_progress_handler(lambda: 1 if cancelled() else 0, _PROGRESS_STEPS)
            try:
                run = _Run(connection, cancelled)
                highlights = run.highlights(plan_for(query, HIGHLIGHT_KIND), limit + 1)
                # Interleaved by rank, articles fill half the list, or what highlights leave free.
                room = max((limit + 1) // 2, limit - len(highlights))
                articles = run.articles(plan_for(query, ARTICLE_KIND), room + 1)
                hits = merge_ranked(articles[:room], highlights[:limit], limit)
                hits = run.with_positions(hits)
            except OperationalError as error:
                if cancelled is not None and "interrupted" in str(error.orig):
                    raise SearchCancelled() from None
                raise
            finally:
                if cancelled is not None:
                    raw.set_progress_handler(None, 0)
        return SearchResults(query, tuple(hits), truncated=len(articles) + len(highlights) > len(hits))


class _Run:
    """One search on one connection, with its own random markers."""

    def __init__(self, connection: Connection, cancelled: Callable[[], bool] | None) -> None:
        self._connection = connection
        self._cancelled = cancelled
        self._marks = _Marks()
        self._pieces: dict[int, tuple[str, int, int]] = {}  # article id: snippet text, first match

    def _rows(self, sql: str, params: dict[str, object]) -> list:
        if self._cancelled is not None and self._cancelled():
            raise SearchCancelled()
        return list(self._connection.exec_driver_sql(sql, params))

    def _plan_rows(self, sql: str, plan: Plan, limit: int) -> list:
        params = {**plan.params, **self._marks.params(), "limit": limit}
        if plan.match is not None:
            params["match"] = plan.match
        return self._rows(sql, params)

    def articles(self, plan: Plan, limit: int) -> list[ArticleHit]:
        if plan.impossible:
            return []
        marks = self._marks
        hits = []
        for article_id, title, author, site, raw_snippet, raw_title in self._plan_rows(_articles_sql(plan), plan, limit):
            if plan.match_table:
                snippet, piece, shift = marks.snippet(raw_snippet)
                if snippet.matches:
                    self._pieces[article_id] = (piece, snippet.matches[0][0] - shift, snippet.matches[0][1] - shift)
                marked_title = Snippet.from_marked(raw_title or "", marks.open, marks.close)
            else:
                snippet, marked_title = Snippet.lead(raw_snippet or ""), Snippet(title)
            hits.append(ArticleHit(article_id, title, author, site, snippet, marked_title))
        return hits

    def highlights(self, plan: Plan, limit: int) -> list[HighlightHit]:
        if plan.impossible:
            return []
        hits = []
        for row in self._plan_rows(_highlights_sql(plan), plan, limit):
            highlight_id, article_id, title, quote, note, color, tags, start, end, raw_quote, raw_note = row
            if plan.match_table:
                quote_snippet, note_snippet = self._marks.snippet(raw_quote)[0], self._marks.snippet(raw_note)[0]
            else:
                quote_snippet, note_snippet = Snippet.lead(quote, 400), Snippet.lead(note)
            hits.append(HighlightHit(highlight_id, article_id, title, quote, note, color,
                                     tuple(json.loads(tags)), start, end, quote_snippet, note_snippet))
        return hits

    def with_positions(self, hits: list[Hit]) -> list[Hit]:
        """The article hits with where their snippet's first match lies in the article's text.

        A snippet is a verbatim piece of the text, so finding the piece finds the match; one
        statement does it for every article kept.
        """
        wanted = [[hit.article_id, self._pieces[hit.article_id][0]] for hit in hits
                  if isinstance(hit, ArticleHit) and hit.article_id in self._pieces]
        if not wanted:
            return hits
        rows = self._rows(
            "SELECT json_extract(w.value, '$[0]'), instr(a.text, json_extract(w.value, '$[1]')) "
            "FROM json_each(:wanted) AS w JOIN articles AS a ON a.id = json_extract(w.value, '$[0]')",
            {"wanted": json.dumps(wanted)},
        )
        positions = {}
        for article_id, where in rows:
            if where:
                _piece, start, end = self._pieces[article_id]
                positions[article_id] = (where - 1 + start, where - 1 + end)
        return [replace(hit, position=positions.get(hit.article_id)) if isinstance(hit, ArticleHit) else hit
                for hit in hits]
