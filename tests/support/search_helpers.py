"""Small libraries for the search tests: articles and highlights written through the stores."""

from __future__ import annotations

from reader.domain.models import BlockKind, ExtractedArticle
from reader.domain.query import parse
from reader.domain.text import content_hash, find_quote, quote_context, text_from_paragraphs
from reader.storage import fts


def add_article(storage, title: str, body: str, *, author: str = "", site: str = "", published: str | None = None,
                tags: tuple[str, ...] = ()):
    text, blocks = text_from_paragraphs([(BlockKind.PARAGRAPH, part) for part in body.split("\n")])
    extracted = ExtractedArticle(text, blocks, title=title, author=author, site=site, published=published)
    return storage.articles.add(extracted, content_hash=content_hash(text), source_hash=content_hash(title + text),
                                original=body.encode(), tags=tags)


def add_highlight(storage, article, quote: str, *, color: str = "yellow", note: str = "", tags: tuple[str, ...] = ()):
    start, end = find_quote(article.text, quote)
    prefix, suffix = quote_context(article.text, start, end)
    return storage.highlights.add(article.id, start=start, end=end, quote=article.text[start:end], prefix=prefix,
                                  suffix=suffix, color=color, note=note, tags=tags)


def execute(storage, sql: str, params: dict | None = None) -> list:
    """Run SQL as another program (or a later feature) would, committed."""
    with storage.database.engine.begin() as connection:
        result = connection.exec_driver_sql(sql, params or {})
        return list(result) if result.returns_rows else []


def check_index(storage) -> None:
    """FTS5's own integrity check over every index table: raises if the index drifted."""
    with storage.database.engine.begin() as connection:
        fts.integrity_check(connection.exec_driver_sql)


def found(storage, text: str, **options) -> list[tuple]:
    """The hits of a query as ("a", article_id) and ("h", highlight_id), best first."""
    results = storage.search.search(parse(text), **options)
    return [("a", hit.article_id) if hit.kind == "article" else ("h", hit.highlight_id) for hit in results.hits]


def bulk_articles(storage, texts: list[str]) -> None:
    """Many articles at once with plain SQL (the index triggers run as for any insert)."""
    rows = [{"uid": f"bulk{n}", "title": f"Article {n}", "text": text, "hash": f"h{n}"} for n, text in enumerate(texts)]
    with storage.database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO articles (uid, title, text, blocks, content_hash, source_hash, kind, added, updated) "
            "VALUES (:uid, :title, :text, '[]', :hash, :hash, 'text', '2024-01-01', '2024-01-01')", rows)
