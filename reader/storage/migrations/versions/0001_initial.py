"""The first tables: articles and their versions, highlights, tags.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.Text, nullable=False, server_default=""),
        sa.Column("site", sa.Text, nullable=False, server_default=""),
        sa.Column("url", sa.Text, nullable=False, server_default=""),
        sa.Column("source_path", sa.Text, nullable=False, server_default=""),
        sa.Column("language", sa.String(16), nullable=False, server_default=""),
        sa.Column("published", sa.String(32), nullable=True),
        sa.Column("added", sa.DateTime, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("blocks", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_hash", sa.String(64), nullable=False),
        sa.Column("original", sa.LargeBinary, nullable=True),
        sa.Column("text_version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("is_read", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("progress", sa.Float, nullable=False, server_default="0"),
        sa.Column("read_position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("edited_fields", sa.Text, nullable=False, server_default="[]"),
        sqlite_autoincrement=True,  # ids never reused: undoing a delete restores the same id
    )
    for column in ("url", "source_path", "added", "content_hash", "source_hash"):
        op.create_index(f"ix_articles_{column}", "articles", [column])

    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("text_version", sa.Integer, nullable=False),
        sa.Column("text", sa.LargeBinary, nullable=False),
        sa.Column("blocks", sa.LargeBinary, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("replaced", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "text_version"),
    )
    op.create_index("ix_article_versions_article_id", "article_versions", ["article_id"])

    op.create_table(
        "highlights",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("prefix", sa.Text, nullable=False, server_default=""),
        sa.Column("suffix", sa.Text, nullable=False, server_default=""),
        sa.Column("color", sa.String(16), nullable=False, server_default="yellow"),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("anchor_state", sa.String(8), nullable=False, server_default="exact"),
        sa.Column("anchor_score", sa.Float, nullable=True),
        sa.Column("text_version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name="ck_highlights_span"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_highlights_article_position", "highlights", ["article_id", "start", "end"])

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False, unique=True),
    )
    op.create_table(
        "article_tags",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_article_tags_tag_id", "article_tags", ["tag_id"])
    op.create_table(
        "highlight_tags",
        sa.Column("highlight_id", sa.Integer, sa.ForeignKey("highlights.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_highlight_tags_tag_id", "highlight_tags", ["tag_id"])


def downgrade() -> None:
    for table in ("highlight_tags", "article_tags", "tags", "highlights", "article_versions", "articles"):
        op.drop_table(table)
