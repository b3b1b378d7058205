"""The server's database: a URL (SQLite file by default, PostgreSQL via psycopg 3) and migrations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_DB = "sqlite:///packline-server.db"


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here (SQLAlchemy would otherwise look for psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


# Connections a server process keeps for the stations' requests, and so how many requests'
# database work it runs at once (the rest wait on the event loop, which costs nothing). Two: one
# request's Python runs (a process has one core's worth, the GIL) while the other's statements
# are with PostgreSQL. More at once share the core, so a burst's requests all finish late together
# instead of one after another: with 20 stations syncing at once on 2 cores the p99 was 123-149 ms
# with 2 against 154-222 ms with 8 in the same phases (docs/PERFORMANCE.md, sync load). A database
# across a slower network keeps each request longer in its statements: raise --connections there.
# A pool smaller than the app's concurrency opened and closed a connection per request over it.
DB_CONNECTIONS = 2
# Beyond them, for the few calls outside that limit (a token not in the cache, /conflicts, imports).
SPARE_CONNECTIONS = 4


def compact_json(value: Any) -> str:
    """How documents are stored: the JSON column keeps this text as it is, and a pull splices it
    into the page unchanged (ServerStore.changes_json). json.dumps' defaults (spaces, Chinese as
    \\u escapes) made a page of Chinese names and addresses a third longer, and every byte costs
    the server gzip time and the station gunzip and parse time."""
    return _COMPACT.encode(value)


# What json.dumps(value, ensure_ascii=False, separators=(",", ":")) writes, without the encoder it
# builds for every call given options (a push writes three JSON values an event: 5% of its CPU).
# An encoder keeps no state between calls, so threads share it.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def make_server_engine(url: str, connections: int = DB_CONNECTIONS) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False},
            pool_size=connections,
            max_overflow=SPARE_CONNECTIONS,
            json_serializer=compact_json,
        )

        def pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        event.listen(engine, "connect", pragmas)
        return engine
    # No ping before each use (a round trip per request): a connection found dead when used
    # invalidates the pool and the request is tried once more on a new one (app.DatabaseWork).
    return create_engine(
        url, pool_size=connections, max_overflow=SPARE_CONNECTIONS, json_serializer=compact_json
    )


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
