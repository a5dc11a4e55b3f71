"""Rendered Markdown kept per article for exports, with the triggers that forget it on any change.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

An existing library gets a row, with nothing kept, for every article.
"""

import sqlalchemy as sa
from alembic import op

from reader.storage import export_renders

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        export_renders.TABLE,
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("stamp", sa.Integer, nullable=False),
        sa.Column("layout", sa.Text, nullable=False, server_default=""),
        sa.Column("markdown", sa.Text, nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
    )
    execute = op.get_bind().exec_driver_sql  # raw SQL: trigger bodies must not be read as bind parameters
    export_renders.fill(execute)
    export_renders.create_triggers(execute)


def downgrade() -> None:
    export_renders.drop_triggers(op.get_bind().exec_driver_sql)
    op.drop_table(export_renders.TABLE)
