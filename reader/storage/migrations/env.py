"""Alembic environment: runs on the connection the app hands over, in batch mode for SQLite."""

from alembic import context

from reader.storage.schema import Base


def include_name(name, type_, parent_names):
    # FTS5 virtual tables and their shadow tables are created by hand in migrations;
    # autogenerate must not propose dropping them.
    return not (type_ == "table" and name and "_fts" in name)


connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line during development: use the URL given there
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata,
                          include_name=include_name, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      include_name=include_name, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
