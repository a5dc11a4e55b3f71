"""The library file: pragmas, migrations to head, a copy before migrating, clear errors."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command

from reader.storage import DATABASE_NAME, StorageError, open_storage
from reader.storage.database import _alembic_config, head_revision, open_database


def test_a_new_library_is_at_the_head_revision_with_wal_and_foreign_keys(data_dir):
    database = open_database(data_dir)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == head_revision()
    assert not list(data_dir.glob("*.bak"))  # nothing to back up on a new library
    database.close()


def test_the_database_file_is_copied_before_a_migration(data_dir):
    storage = open_storage(data_dir)
    storage.close()
    path = data_dir / DATABASE_NAME
    config = _alembic_config()
    with storage.database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
        older = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        tables_before = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}

    open_storage(data_dir).close()

    (backup,) = data_dir.glob(f"{DATABASE_NAME}.before-*.bak")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ((older,) if older else None)
    assert {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")} == tables_before
    copy.close()
    current = sqlite3.connect(path)
    assert current.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    current.close()


def test_a_data_folder_that_is_a_file_is_refused(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(StorageError, match="is a file, not a folder"):
        open_storage(not_a_folder)


def test_a_file_that_is_not_a_database_is_reported_and_left_alone(data_dir):
    data_dir.mkdir()
    (data_dir / DATABASE_NAME).write_bytes(b"this is not sqlite at all, just some text" * 100)
    with pytest.raises(StorageError, match="damaged or is not a Reader library"):
        open_storage(data_dir)
    assert (data_dir / DATABASE_NAME).read_bytes().startswith(b"this is not sqlite")


def test_the_quick_head_revision_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(_alembic_config()).get_current_head()


def test_a_library_from_a_newer_reader_is_refused_untouched(data_dir):
    open_storage(data_dir).close()
    path = data_dir / DATABASE_NAME
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    connection.commit()
    connection.close()
    with pytest.raises(StorageError, match="newer Reader"):
        open_storage(data_dir)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("from_the_future",)
    connection.close()


def test_a_failed_copy_before_migrating_stops_with_one_message_and_no_migration(data_dir, monkeypatch):
    storage = open_storage(data_dir)
    storage.close()
    config = _alembic_config()
    with storage.database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
        older = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    real_connect = sqlite3.connect

    def full_disk(path, *args, **kwargs):
        if str(path).endswith(".bak"):
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", full_disk)
    with pytest.raises(StorageError, match="cannot copy the library before updating it"):
        open_storage(data_dir)
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    copy = sqlite3.connect(data_dir / DATABASE_NAME)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (older,)  # not migrated
    copy.close()
