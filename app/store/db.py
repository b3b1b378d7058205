"""Opening the station database: SQLite settings that keep work safe, and migrations.

WAL lets the GUI thread read while the writer commits; synchronous=FULL makes every commit
(a scan, a pack and its outbox event) survive a power cut.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.store.errors import DatabaseTooNew, StoreError, classify

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(path: Path | str, busy_timeout_ms: int = 5000) -> Engine:
    """An engine whose every connection waits for a busy database, and commits durably."""

    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    engine = create_engine(url)
    event.listen(engine, "connect", pragmas)
    return engine


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


_REVISION = re.compile(r"""^(down_)?revision\s*(?::[^=]*)?=\s*["']?([^"'\s]+)["']?""", re.MULTILINE)


def shipped_head() -> str | None:
    """The newest migration this Packline ships, read from the migration files' own revision
    lines without loading alembic (a station that is up to date starts without it). None when
    the files do not give one head (alembic then decides)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (downs if down else revisions).add(value)
    heads = revisions - downs
    return next(iter(heads)) if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The schema revision the database says it is at (None: not migrated yet)."""
    with engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if exists is None:
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision`; refuse a database written by a newer Packline."""
    if revision == "head" and engine.dialect.name == "sqlite":
        head = shipped_head()
        if head is not None and stored_revision(engine) == head:
            return  # up to date: nothing for alembic to do
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(f"schema revision {current} is newer than this version knows", str(engine.url))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@dataclass
class Database:
    """An open, migrated station database."""

    engine: Engine
    path: Path | None

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, upgrade: bool = True, busy_timeout_ms: int = 5000) -> Database:
    """Open (creating if needed) and migrate the database at `path`.

    Raises a StoreError subclass with a person-readable reason for every environmental
    problem: locked by another program, corrupt, read-only, full disk, made by a newer version.
    """
    engine = make_engine(path, busy_timeout_ms)
    try:
        with engine.connect() as connection:
            # Cheap on any size (a full integrity check would cost seconds on a big station
            # database at every start); a damaged file fails here or at its first query.
            connection.execute(text("PRAGMA schema_version")).scalar()
        if upgrade:
            migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        classified = classify(exc, str(path))
        if classified is None:
            raise
        raise classified from exc
    if str(path) != ":memory:":
        owner_only(Path(path))
    log.info("database open: %s", path)
    return Database(engine=engine, path=Path(path) if str(path) != ":memory:" else None)


def owner_only(path: Path) -> None:
    """The station database holds its server token and operators' PIN hashes: only the user the
    station runs as may read it (0600 files in a 0700 folder). POSIX only; Windows keeps a user's
    local application data private by itself."""
    if os.name != "posix":
        return
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(0o600)
    with contextlib.suppress(FileNotFoundError, PermissionError):
        folder = path.parent.stat()
        # Only a folder of the station's own: never a shared one (/tmp has the sticky bit).
        ours = folder.st_uid == os.getuid() and not folder.st_mode & stat.S_ISVTX
        if ours and folder.st_mode & 0o077:
            path.parent.chmod(0o700)
