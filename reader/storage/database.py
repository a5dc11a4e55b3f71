"""Opening the library database: folder checks, connection pragmas, backups and migrations."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reader.storage.errors import LibraryLockedError, StorageError
from reader.storage.fts import require_fts5

DATABASE_NAME = "library.sqlite3"
DEFAULT_BUSY_TIMEOUT_MS = 5000
_MIGRATIONS = Path(__file__).with_name("migrations")


def busy_timeout_ms() -> int:
    # Tests of the "locked by another program" path shorten the wait through this variable.
    try:
        return int(os.environ.get("READER_BUSY_TIMEOUT_MS", DEFAULT_BUSY_TIMEOUT_MS))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


def prepare_folder(folder: Path) -> None:
    """Create the data folder if needed and check it is a writable folder."""
    if folder.exists() and not folder.is_dir():
        raise StorageError(f"{folder}: the data folder is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"{folder}: cannot create the data folder ({error.strerror or error})") from None
    probe = folder / ".reader-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise StorageError(f"{folder}: the data folder is not writable ({error.strerror or error})") from None


class Database:
    """The engine and session factory of one library file.

    Use `session()` for one unit of work; storage errors come out as StorageError.
    """

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with translate_errors(self.path), self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading; nothing is committed."""
        with translate_errors(self.path), self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite failures into StorageError messages that name the file and the reason."""
    try:
        yield
    except (OperationalError, sqlite3.OperationalError) as error:  # the latter from raw reads (export_rows)
        message = _message(error)
        if "locked" in message or "busy" in message:
            raise LibraryLockedError(
                f"{path}: the library is locked by another program; close it or try again"
            ) from None
        raise StorageError(f"{path}: {message}") from None
    except (DatabaseError, sqlite3.DatabaseError) as error:
        message = _message(error)
        if "not a database" in message or "malformed" in message:
            message = "the library file is damaged or is not a Reader library"
        raise StorageError(f"{path}: {message}") from None


def _message(error: Exception) -> str:
    """SQLite's own message, from SQLAlchemy's wrapper or from sqlite3 itself."""
    original = getattr(error, "orig", None)
    return str(original) if original is not None else str(error)


def _on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _alembic_config():
    from alembic.config import Config  # Alembic loads only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


_REVISION = re.compile(r"""^(down_revision|revision)\s*=\s*["']?([\w-]+|None)["']?""", re.M)


def head_revision() -> str:
    """The newest migration, read from the scripts' `revision`/`down_revision` lines.

    Reading the files directly keeps Alembic (a third of a second to import) off the start-up
    path when the library is already up to date; tests check it agrees with Alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (_MIGRATIONS / "versions").glob("*.py"):
        values = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        revisions.add(values["revision"])
        if values.get("down_revision", "None") != "None":
            parents.add(values["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise StorageError(f"{_MIGRATIONS}: expected one head revision, found {sorted(heads)}")
    return heads.pop()


def backup_file(path: Path, revision: str | None) -> Path:
    """Copy the database (through SQLite's backup API, so a live WAL is included) before a migration."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision or 'none'}-{stamp}.bak")
    try:
        source = sqlite3.connect(path)
        try:
            destination = sqlite3.connect(target)
            with destination:
                source.backup(destination)
            destination.close()
        finally:
            source.close()
    except (sqlite3.Error, OSError) as error:
        # no copy, no migration: the library stays as it was
        raise StorageError(f"{path}: cannot copy the library before updating it ({error})") from None
    return target


def open_database(folder: Path) -> Database:
    """Open (creating or migrating as needed) the library in `folder`.

    WAL journal, foreign keys, a busy timeout; a copy of the file is kept before any
    migration of an existing library. Raises StorageError with a one-line reason.
    """
    prepare_folder(folder)
    path = folder / DATABASE_NAME
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_timeout_ms() / 1000})
    event.listen(engine, "connect", _on_connect)
    with translate_errors(path):
        with engine.connect() as connection:
            if connection.exec_driver_sql("PRAGMA journal_mode").scalar() != "wal":
                connection.exec_driver_sql("PRAGMA journal_mode = WAL")
            require_fts5(connection.exec_driver_sql, sqlite3.sqlite_version)  # search needs it; say so up front
            tables = {name for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            current = None
            if "alembic_version" in tables:
                current = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if current != head_revision():
            if tables:
                backup_file(path, current)
            _upgrade(engine)
    return Database(path, engine)


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.util.exc import CommandError

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as error:
            # e.g. a library written by a newer Reader, whose revision this version does not know
            raise StorageError(f"cannot update the library's format ({error}); is it from a newer Reader?") from None
