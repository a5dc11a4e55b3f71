"""Tags reach the search index once per change: drop the per-row triggers on the tag join tables.

Storage now sets `tags_text` in the same flush as an article's or highlight's tags; the
triggers re-tokenized the whole article once per tag row added or removed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from alembic import op

from reader.storage import fts

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute = op.get_bind().exec_driver_sql
    for name in fts.link_trigger_names():
        execute(f"DROP TRIGGER IF EXISTS {name}")
    fts.create_tag_delete_trigger(execute)
    fts.fill_tags_text(execute)  # in case anything drifted: the column is now ours to keep


def downgrade() -> None:
    execute = op.get_bind().exec_driver_sql
    execute("DROP TRIGGER IF EXISTS tags_tags_text_delete")
    for link, owner, base in (("article_tags", "article_id", "articles"),
                              ("highlight_tags", "highlight_id", "highlights")):
        for event, row in (("INSERT", "new"), ("DELETE", "old")):
            execute(f"CREATE TRIGGER {link}_tags_text_{event.lower()} AFTER {event} ON {link} BEGIN "
                    f"UPDATE {base} SET tags_text = {fts.tags_text_expression(link, owner, f'{row}.{owner}')} "
                    f"WHERE id = {row}.{owner}; END")
