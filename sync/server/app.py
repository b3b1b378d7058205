"""The HTTP face of the central server (FastAPI; OpenAPI at /docs and /openapi.json)."""

import asyncio
import gc
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from datetime import time as dt_time
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.concurrency import run_in_threadpool

from sync import protocol as p
from sync.server.db import DB_CONNECTIONS
from sync.server.limits import (
    MAX_PUSH_BYTES,
    BodyLimit,
    WaitSlots,
)
from sync.server.live import ChangeFeed
from sync.server.routes import ServerContext, include_all
from sync.server.routes.context import COMPRESS_FROM
from sync.server.services.core import TOKEN_REFRESH_S
from sync.server.store import ServerStore
from sync.server.work import RETRY_AFTER_S, DatabaseAway, DatabaseWork, ServerTiming

log = logging.getLogger(__name__)


def app_from_environment() -> FastAPI:
    """For `uvicorn --factory` with several worker processes: the database from PACKLINE_SERVER_DB,
    connections per worker from PACKLINE_SERVER_CONNECTIONS."""
    from sync.server.db import DEFAULT_DB
    from sync.server.store import open_store

    connections = int(os.environ.get("PACKLINE_SERVER_CONNECTIONS", DB_CONNECTIONS))
    store = open_store(os.environ.get("PACKLINE_SERVER_DB", DEFAULT_DB), connections)
    at = os.environ.get("PACKLINE_SERVER_SEGMENTS_AT", "")
    return create_app(store, connections, freeze_heap=True, segments_at=nightly_time(at))


def nightly_time(text: str) -> dt_time | None:
    """HH:MM of the nightly customer-segment run ("", "off": none)."""
    if text.strip().lower() in ("", "off", "none"):
        return None
    return dt_time.fromisoformat(text.strip())


def seconds_until(at: dt_time, now: datetime | None = None) -> float:
    """From now (local) to the next `at` (local), in seconds."""
    local = (now or datetime.now()).astimezone()
    due = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if due <= local:
        due += timedelta(days=1)
    return (due - local).total_seconds()


def create_app(
    store: ServerStore,
    connections: int = DB_CONNECTIONS,
    freeze_heap: bool = False,
    max_wait_s: float = p.WAIT_MAX_S,
    segments_at: dt_time | None = None,
) -> FastAPI:
    """The server's app. `freeze_heap`: the process is the server's own (packline-server serve), so
    what it holds at start-up may be frozen for the garbage collector (not in a test's process).
    `max_wait_s`: the longest a wait for changes is held (the fuzzer's server holds them briefly)."""
    database = DatabaseWork(connections)
    feed = ChangeFeed()
    waits = WaitSlots()
    store.on_change = feed.notify

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        feed.attach(asyncio.get_running_loop())
        feed.end_waits_on_exit()
        if store.engine.dialect.name == "postgresql":
            feed.listen(store.engine)
        try:
            await database.run(store.warm_up, connections)
        except DBAPIError as exc:  # the database may be back by the first request: serve anyway
            log.warning("could not open the database connections at start: %s", exc.orig)
        if freeze_heap:
            # What is alive now (modules, the app, SQLAlchemy's and pydantic's tables) lives as long
            # as the process. Frozen, it is out of the collector's sight: a full collection walked
            # ~120k such objects and took 100 ms on a 2-core server, stalling every request in
            # flight in that worker (docs/PERFORMANCE.md, sync load).
            gc.collect()
            gc.freeze()

        async def refresh_tokens() -> None:
            while True:
                await anyio.sleep(TOKEN_REFRESH_S)
                try:
                    await database.run(store.refresh_tokens)
                except Exception:  # the database away for a moment: tokens then expire as before
                    log.exception("could not re-check the stations' tokens")

        async def nightly_segments(at: dt_time) -> None:
            while True:
                await anyio.sleep(seconds_until(at))
                day = datetime.now().astimezone().date().isoformat()
                try:
                    if await database.run(store.claim_segment_run, day):  # one process of all runs it
                        await run_in_threadpool(store.run_segments)
                except Exception:  # the database away tonight: tomorrow night again, and it is logged
                    log.exception("the nightly customer segments did not run")

        async with anyio.create_task_group() as background:
            background.start_soon(refresh_tokens)
            if segments_at is not None:
                background.start_soon(nightly_segments, segments_at)
            yield
            background.cancel_scope.cancel()
        feed.close()
        database.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Packline central server",
        version="1",
        description="Orders, customers, SKUs and rules for packing stations; events back from them.",
        # FastAPI's own OpenTelemetry spans, metrics and logs: the reference server exports none,
        # and with them on every request looked up the global providers (environment reads
        # included) to find that out: 6% of the server's time for a small push (py-spy).
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.feed = feed
    # Level 1: pages still shrink about 5x (a load-round page 64 -> 12 KB, 11 KB at level 4) for
    # 40% less CPU than level 4; the server's CPU is what stations syncing at once wait for.
    app.add_middleware(BodyLimit)
    app.add_middleware(GZipMiddleware, minimum_size=COMPRESS_FROM, compresslevel=1)
    app.add_middleware(ServerTiming)

    @app.exception_handler(DatabaseAway)
    async def database_away(_request: Request, exc: DatabaseAway) -> JSONResponse:
        log.error("the database is not reachable: %s", exc)
        return JSONResponse(
            {"detail": "the server's database is not reachable just now; try again shortly"},
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )

    include_all(app, ServerContext(store, database, feed, waits, max_wait_s))

    app.openapi = lambda: _documented(app)  # type: ignore[method-assign]
    return app


def _documented(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document with the request bodies the two raw-body endpoints read themselves
    (they parse their bytes directly, for speed and for the size limits), so schema-driven tools
    and fuzzers exercise them too."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    document = get_openapi(title=app.title, version=app.version, routes=app.routes)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    push = p.PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(push.pop("$defs", {}))
    schemas["PushRequest"] = push
    events = document["paths"][f"{p.API_PREFIX}/events"]["post"]
    events["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
    events["responses"]["413"] = {
        "description": f"the body, or what its gzip inflates to, is over {MAX_PUSH_BYTES} bytes"
    }
    wanted = p.EntitiesRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(wanted.pop("$defs", {}))
    schemas["EntitiesRequest"] = wanted
    document["paths"][f"{p.API_PREFIX}/entities"]["post"]["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntitiesRequest"}}},
    }
    imports = document["paths"][f"{p.API_PREFIX}/import"]["post"]
    imports["requestBody"] = {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "object", "description": "an import document"}},
            "text/csv": {"schema": {"type": "string", "description": "orders or customers, one row each"}},
        },
    }
    app.openapi_schema = document
    return document
