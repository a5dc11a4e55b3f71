"""Full-text search: FTS5 tables and triggers over articles and highlights, and saved searches.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

An existing library gets its index built here (tags_text filled, then 'rebuild').
"""

import sqlite3

import sqlalchemy as sa
from alembic import op

from reader.storage import fts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute = op.get_bind().exec_driver_sql  # raw SQL: trigger bodies must not be read as bind parameters
    fts.require_fts5(execute, sqlite3.sqlite_version)
    # Plain ADD COLUMN, not a batch copy: the tables keep their rowids and nothing is dropped.
    for table in ("articles", "highlights"):
        op.add_column(table, sa.Column("tags_text", sa.Text, nullable=False, server_default=""))
    fts.fill_tags_text(execute)
    fts.create_tables(execute)
    fts.rebuild(execute)
    fts.create_triggers(execute)

    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("saved_searches")
    fts.drop(op.get_bind().exec_driver_sql)
    for table in ("highlights", "articles"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("tags_text")
