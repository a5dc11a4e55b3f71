"""The database tables as SQLAlchemy 2.x typed models (mirrored by the Alembic migrations)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of all tables; FTS tables live outside this metadata on purpose."""


article_tags = Table(
    "article_tags",
    Base.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

highlight_tags = Table(
    "highlight_tags",
    Base.metadata,
    Column("highlight_id", ForeignKey("highlights.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ArticleRow(Base):
    __tablename__ = "articles"
    # AUTOINCREMENT: ids are never reused, so undoing a delete can put a row back under its id.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text, default="")
    site: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="", index=True)
    source_path: Mapped[str] = mapped_column(Text, default="", index=True)
    language: Mapped[str] = mapped_column(String(16), default="")
    published: Mapped[str | None] = mapped_column(String(32), nullable=True)
    added: Mapped[datetime] = mapped_column(DateTime, index=True)
    updated: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))
    # The big columns load only when asked for (undefer), so listing 100,000 articles stays light.
    text: Mapped[str] = mapped_column(Text, deferred=True, deferred_group="content")
    blocks: Mapped[str] = mapped_column(Text, deferred=True, deferred_group="content")  # JSON
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_hash: Mapped[str] = mapped_column(String(64), index=True)
    original: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)  # zlib
    text_version: Mapped[int] = mapped_column(Integer, default=1)
    is_read: Mapped[bool] = mapped_column(Boolean, default=False)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    read_position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    edited_fields: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of user-corrected fields
    # The tag names for the full-text index, kept by triggers (storage/fts.py); never set it.
    tags_text: Mapped[str] = mapped_column(Text, server_default="", deferred=True)

    tags: Mapped[list[TagRow]] = relationship(secondary=article_tags, lazy="selectin", order_by="TagRow.key")


class ArticleVersionRow(Base):
    """A previous canonical text of an article, kept when a re-import replaces it."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "text_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text_version: Mapped[int] = mapped_column(Integer)
    text: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed UTF-8
    blocks: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed JSON
    content_hash: Mapped[str] = mapped_column(String(64))
    replaced: Mapped[datetime] = mapped_column(DateTime)


class ExportRenderRow(Base):
    """An article's Markdown as the default export layout last rendered it; kept by triggers (export_renders)."""

    __tablename__ = "export_renders"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    stamp: Mapped[int] = mapped_column(Integer)  # a new random value on every change to the article
    layout: Mapped[str] = mapped_column(Text, server_default="")  # the insert trigger gives none
    markdown: Mapped[str | None] = mapped_column(Text, nullable=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)  # of the Markdown's UTF-8 bytes


class HighlightRow(Base):
    __tablename__ = "highlights"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="ck_highlights_span"),
        Index("ix_highlights_article_position", "article_id", "start", "end"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String(16), default="yellow")
    note: Mapped[str] = mapped_column(Text, default="")
    anchor_state: Mapped[str] = mapped_column(String(8), default="exact")
    anchor_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    text_version: Mapped[int] = mapped_column(Integer, default=1)
    created: Mapped[datetime] = mapped_column(DateTime)
    updated: Mapped[datetime] = mapped_column(DateTime)
    # The tag names for the full-text index, kept by triggers (storage/fts.py); never set it.
    tags_text: Mapped[str] = mapped_column(Text, server_default="", deferred=True)

    tags: Mapped[list[TagRow]] = relationship(secondary=highlight_tags, lazy="selectin", order_by="TagRow.key")


class TagRow(Base):
    """A tag; `key` is the case-folded name that makes tags unique regardless of case."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, unique=True)


class SavedSearchRow(Base):
    """A named query of the library pane, shown in `position` order."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    query: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
