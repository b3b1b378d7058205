"""The HTTP face of the central server (FastAPI; OpenAPI at /docs and /openapi.json)."""

import asyncio
import contextvars
import gc
import logging
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

from sync import protocol as p
from sync.server.db import DB_CONNECTIONS
from sync.server.imports import BadImportFile
from sync.server.limits import (
    MAX_ENTITIES_BYTES,
    MAX_IMPORT_BYTES,
    MAX_PUSH_BYTES,
    BodyLimit,
    WaitSlots,
)
from sync.server.live import ChangeFeed
from sync.server.store import TOKEN_REFRESH_S, ServerStore

T = TypeVar("T")
COMPRESS_FROM = 1024  # bytes: a smaller answer goes as it is

log = logging.getLogger(__name__)


def app_from_environment() -> FastAPI:
    """For `uvicorn --factory` with several worker processes: the database from PACKLINE_SERVER_DB,
    connections per worker from PACKLINE_SERVER_CONNECTIONS."""
    from sync.server.cli import DEFAULT_DB, open_store

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


class DatabaseWork:
    """Runs store calls on `connections` worker threads (the pool's size), first come first served:
    the event loop stays free for other stations' requests, and a burst of stations queues here,
    at no cost, instead of in threads fighting over a few cores and the pool. asyncio's own
    executor hand-off: anyio's (a capacity limiter, cancel scopes, a per-loop worker registry)
    was a fifth of a worker's event-loop time for a pull."""

    def __init__(self, connections: int) -> None:
        self.connections = connections
        self._threads = ThreadPoolExecutor(connections, thread_name_prefix="database")

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` on a worker thread. Tried once more when the database connection it
        got had died (a database restart, a dropped network): a pull only reads and a push is
        idempotent by event id, so a second try is always safe."""
        loop = asyncio.get_running_loop()
        asked = time.perf_counter()
        began = asked  # set on the worker thread when the work starts

        def work() -> T:
            nonlocal began
            began = time.perf_counter()
            return function(*args)

        try:
            try:
                return await loop.run_in_executor(self._threads, work)
            except DBAPIError as exc:
                if not _connection_lost(exc):
                    raise
                log.warning("the database connection was lost (%s); trying again on a new one", exc.orig)
            # A restarting database refuses connections for a moment: tried again, a little later
            # each time, for a while; past that the station hears 503 and comes back itself.
            deadline = time.monotonic() + RECONNECT_WINDOW_S
            delay = 0.1
            while True:
                try:
                    return await loop.run_in_executor(self._threads, work)
                except DBAPIError as exc:
                    if not _connection_lost(exc):
                        raise
                    if time.monotonic() + delay > deadline:
                        raise DatabaseAway(str(exc.orig).splitlines()[0] if exc.orig else str(exc)) from exc
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
        finally:
            parts = _TIMING_PARTS.get(None)
            if parts is not None:  # for Server-Timing: waiting for a slot, then the work itself
                parts["queue"] = parts.get("queue", 0.0) + (began - asked) * 1000
                parts["db"] = parts.get("db", 0.0) + (time.perf_counter() - began) * 1000


RECONNECT_WINDOW_S = 10.0  # how long a request waits for its database to come back
RETRY_AFTER_S = 5  # what a 503 tells the station


class DatabaseAway(Exception):
    """The database could not be reached within RECONNECT_WINDOW_S: a 503, never a 500."""


def _connection_lost(exc: DBAPIError) -> bool:
    """The connection died or could not be made (a restart, a dropped network), as opposed to the
    statement failing: trying the same work again on a new connection is what helps."""
    if exc.connection_invalidated:
        return True
    text = str(exc.orig).lower()
    return isinstance(exc, OperationalError | InterfaceError) and any(n in text for n in _CONNECTION_TROUBLE)


_CONNECTION_TROUBLE = ("connect", "closed the connection", "shutting down", "starting up", "terminating")


# The parts of the request in flight that Server-Timing reports besides its whole ("app").
_TIMING_PARTS: contextvars.ContextVar[dict[str, float]] = contextvars.ContextVar("timing_parts")


class ServerTiming:
    """How long the server itself took, in a W3C Server-Timing header (for support and load tests):
    `app` (the whole), `queue` (waiting for one of the worker's database slots) and `db` (the
    database work on its thread), in ms; `app;dur=12.5, queue;dur=0.1, db;dur=8.0`. Under many
    stations at once, a slow answer with a long `queue` is a busy worker; a long `db` is the
    database (or the machine's CPU). Plain ASGI: Starlette's BaseHTTPMiddleware costs a task and a
    stream copy per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        parts: dict[str, float] = {}
        _TIMING_PARTS.set(parts)  # this request's task only

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                metrics = [f"app;dur={(time.perf_counter() - started) * 1000:.1f}"]
                metrics += [f"{name};dur={ms:.1f}" for name, ms in parts.items()]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"server-timing", ", ".join(metrics).encode()),
                ]
            await send(message)

        await self.app(scope, receive, timed)


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

    async def authorized(authorization: str | None) -> str:
        """The station a request's token belongs to (401 otherwise). Answered from the token cache
        nearly always, so no thread hop per request."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise HTTPException(401, "send the station's token as 'Authorization: Bearer TOKEN'")
        token = token.strip()
        name = store.cached_station(token) or await database.run(store.station_for, token)
        if name is None:
            raise HTTPException(401, "this station's token is unknown or was revoked: register it again")
        return name

    async def station(authorization: Annotated[str | None, Header()] = None) -> str:
        return await authorized(authorization)

    @app.get(f"{p.API_PREFIX}/health", response_model=p.Health)
    def health() -> p.Health:
        from datetime import UTC, datetime

        return p.Health(status="ok", api="v1", server_time=datetime.now(UTC))

    @app.get(f"{p.API_PREFIX}/whoami", response_model=p.WhoAmI)
    def whoami(name: Annotated[str, Depends(station)]) -> p.WhoAmI:
        return p.WhoAmI(station=name)

    # The two requests every station makes on every sync read their token and query themselves:
    # FastAPI's dependency solving for a header, a dependency and two query parameters cost
    # 0.2 ms of a worker's CPU per request (a twentieth of a push's). The same checks, the same
    # answers (401; 422 with FastAPI's error shape), documented in the OpenAPI contract as before.
    @app.get(
        f"{p.API_PREFIX}/changes",
        response_model=p.ChangesPage,
        openapi_extra={"parameters": [_TOKEN_PARAMETER, *_query_parameters(PageQuery)]},
    )
    async def changes(request: Request) -> Response:
        await authorized(request.headers.get("authorization"))
        try:
            query = PageQuery.model_validate(request.query_params)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**error, "loc": ("query", *error["loc"])} for error in exc.errors(include_url=False)]
            ) from None
        try:
            page = await database.run(store.changes_json, query.cursor, query.limit)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return _compressed(request, page)

    @app.get(f"{p.API_PREFIX}/changes/wait", response_model=p.ChangesAhead)
    async def wait_for_changes(
        name: Annotated[str, Depends(station)],
        cursor: Annotated[str, Query(max_length=20, description="the station's cursor")] = "",
        wait_s: Annotated[
            float, Query(ge=0, le=p.WAIT_MAX_S, description="how long to hold the answer at most (s)")
        ] = p.WAIT_S,
    ) -> p.ChangesAhead:
        """Answered as soon as the server's head is past `cursor` (pull then), or when the wait
        runs out with nothing new (ask again). A long-poll: a station keeps one open while online."""
        try:
            after = int(cursor or 0)
        except ValueError:
            raise HTTPException(400, f"cursor {cursor!r} was not issued by this server") from None
        with waits.hold(name) as may_wait:
            if not may_wait:
                log.warning("%s holds %d waits for changes already: one more refused", name, len(waits))
                raise HTTPException(
                    429,
                    f"{name!r} holds {waits.per_station} waits for changes already: one is enough",
                    headers={"Retry-After": str(RETRY_AFTER_S)},
                )
            loop = asyncio.get_running_loop()
            deadline = loop.time() + min(wait_s, max_wait_s)
            while True:
                woken = feed.current()  # before the head is read: a commit after it still wakes us
                head = await database.run(store.head)
                if head > after:
                    return p.ChangesAhead(head=str(head), ahead=True)
                if feed.closing:
                    return p.ChangesAhead(head=str(head), ahead=False)
                if after > head:
                    ahead = f"cursor {cursor!r} is ahead of this server: pull from the start"
                    raise HTTPException(400, ahead)
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return p.ChangesAhead(head=str(head), ahead=False)
                await feed.wait(woken, remaining)

    @app.post(
        f"{p.API_PREFIX}/events",
        response_model=p.PushResponse,
        responses={
            422: {"model": p.PushRefused, "description": "the batch broke the contract; nothing applied"}
        },
        openapi_extra={"parameters": [_TOKEN_PARAMETER]},
    )
    async def events(request: Request) -> Response:
        name = await authorized(request.headers.get("authorization"))
        body = await request.body()  # inflated and within its limit (sync.server.limits)
        try:
            batch = p.PushRequest.model_validate_json(body)
        except ValidationError as exc:
            errors = [
                p.EventError(
                    index=int(err["loc"][1])
                    if len(err["loc"]) > 1 and isinstance(err["loc"][1], int)
                    else -1,
                    id=None,
                    reason=f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}",
                )
                for err in exc.errors()[:50]
            ]
            log.warning("push from %s refused: %d contract error(s)", name, len(exc.errors()))
            return _refused("the batch does not match the v1 contract; nothing was applied", errors)
        refused = store.refuse_reasons(name, batch.events)
        if refused:
            log.warning("push from %s refused: %s", name, refused[0].reason)
            return _refused("some events are not acceptable; nothing was applied", refused)
        # The database work off the event loop: other stations' requests go on meanwhile.
        results = await database.run(store.push_each, name, batch.events)
        return Response(p.PushResponse(results=results).model_dump_json(), media_type="application/json")

    # The end-of-sync check: asked after a long pull and every few minutes, so plain FastAPI.
    @app.get(f"{p.API_PREFIX}/check", response_model=p.SyncCheck)
    async def check(
        _name: Annotated[str, Depends(station)],
        cursor: Annotated[str, Query(max_length=20, description="the station's cursor after its pull")] = "",
    ) -> p.SyncCheck:
        return await database.run(store.check, cursor)

    @app.get(f"{p.API_PREFIX}/keys", response_model=p.KindKeys)
    async def keys(_name: Annotated[str, Depends(station)], kind: p.Kind) -> p.KindKeys:
        return await database.run(store.keys, kind)

    @app.post(
        f"{p.API_PREFIX}/entities",
        response_model=p.ChangesPage,
        responses={413: {"description": f"more than {MAX_ENTITIES_BYTES} bytes (after decompression)"}},
    )
    async def entities(request: Request, _name: Annotated[str, Depends(station)]) -> p.ChangesPage:
        body = await request.body()
        try:
            wanted = p.EntitiesRequest.model_validate_json(body)
        except ValidationError as exc:  # the input left out: it may be bytes no JSON answer can hold
            errors = exc.errors(include_url=False, include_input=False)
            raise RequestValidationError(
                [{**error, "loc": ("body", *error["loc"])} for error in errors]
            ) from None
        return await database.run(store.entities, wanted.kind, wanted.keys)

    @app.post(
        f"{p.API_PREFIX}/waybills/reserve",
        response_model=p.WaybillReserve,
        responses={403: {"description": "only a packing station's token holds waybill numbers"}},
    )
    async def reserve_waybills(
        wanted: p.WaybillReserveRequest, name: Annotated[str, Depends(station)]
    ) -> p.WaybillReserve:
        role = await database.run(store.role_of, name)
        if role is not p.Role.STATION:
            raise HTTPException(
                403, f"{name!r} has a {role.value} token: only packing stations hold waybills"
            )
        numbers = await database.run(store.reserve_waybills, name, wanted.carrier, wanted.keep)
        if len(numbers) < wanted.keep:
            log.info(
                "waybills for %s: %s holds %d of the %d it keeps: load more (packline-server waybills)",
                wanted.carrier, name, len(numbers), wanted.keep,
            )  # fmt: skip
        return p.WaybillReserve(carrier=wanted.carrier.upper(), waybills=numbers)

    @app.get(
        f"{p.API_PREFIX}/integration/events",
        response_model=p.IntegrationPage,
        responses={403: {"description": "a packing station's token reads no integration events"}},
    )
    async def integration_events(
        name: Annotated[str, Depends(station)],
        after: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> p.IntegrationPage:
        """Refund requests (and what else other systems act on), for the office's integrations."""
        role = await database.run(store.role_of, name)
        if role is p.Role.STATION:
            raise HTTPException(
                403, f"{name!r} has a station token: integration events are for admin or desk"
            )
        return await database.run(store.integration_events, after, limit)

    @app.put(f"{p.API_PREFIX}/stations/devices", status_code=204)
    async def station_devices(report: p.DeviceReport, name: Annotated[str, Depends(station)]) -> None:
        """The asking station's printers, scanner and scale as they stand (the board shows them)."""
        problem = p.json_problem(report.model_dump(mode="json"), "devices")
        if problem:  # a NUL, say: neither database's JSON takes it
            raise HTTPException(422, problem)
        await database.run(store.report_devices, name, report)

    @app.get(f"{p.API_PREFIX}/board", response_model=p.BoardPage)
    async def floor_board(
        _name: Annotated[str, Depends(station)],
        since: Annotated[datetime, Query(description="ISO time with its zone: the packs after it")],
    ) -> p.BoardPage:
        """Every station's accepted packs per station, packer and hour, for the floor board."""
        if since.tzinfo is None:
            raise HTTPException(422, "since needs its time zone (e.g. 2026-12-07T00:00:00+08:00)")
        try:
            since = since.astimezone(UTC)
        except (OverflowError, ValueError):  # 0001-01-01T00:00+19:00 is before the first UTC day
            raise HTTPException(422, "since is out of range") from None
        return await database.run(store.board, since)

    @app.get(f"{p.API_PREFIX}/conflicts", response_model=p.ConflictPage)
    async def conflicts(
        name: Annotated[str, Depends(station)],
        after: Annotated[int, Query(ge=0, le=p.INT64_MAX)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> p.ConflictPage:
        """A packing station sees its own conflicts; a supervisor desk or admin sees every station's.
        Oldest first, a page at a time: ask again with `after` (the last id given) for more."""
        role = await database.run(store.role_of, name)
        whose = None if role in (p.Role.DESK, p.Role.ADMIN) else name
        found = await database.run(store.conflicts, whose, after, limit)
        return p.ConflictPage(conflicts=found, after=found[-1].id if found else after)

    @app.post(
        f"{p.API_PREFIX}/import",
        response_model=p.ImportReport,
        responses={
            400: {"description": "the file is not a valid import document or CSV"},
            403: {"description": "the token is not an admin token"},
            413: {"description": f"more than {MAX_IMPORT_BYTES} bytes (after decompression)"},
        },
    )
    async def import_(
        request: Request, name: Annotated[str, Depends(station)], filename: str = "import.json"
    ) -> p.ImportReport:
        # Master data (operators and their PINs, orders, addresses) is the office's to load: a
        # packing station's token, which sits on every bench, may not rewrite it.
        role = await database.run(store.role_of, name)
        if role is not p.Role.ADMIN:
            log.warning("import refused for %s: its token's role is %s", name, role.value)
            raise HTTPException(
                403,
                f"/import needs an admin token; {name!r} has a {role.value} token "
                "(packline-server add-station NAME --role admin)",
            )
        content = await request.body()
        try:
            # On a thread of its own, not one of the database slots the stations' syncs share: an
            # import of a shop's day of orders takes seconds, and on the event loop it stalled every
            # station served by this worker until it was done.
            return await run_in_threadpool(store.import_file, filename, content)
        except BadImportFile as exc:
            raise HTTPException(400, str(exc)) from None

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


class PageQuery(BaseModel):
    """GET /changes' query parameters."""

    cursor: str = Field("", description="the cursor of the last page applied; empty for everything")
    limit: int = Field(1000, ge=1, le=p.MAX_PULL_PAGE, description="changes per page at most")


_TOKEN_PARAMETER = {
    "name": "Authorization",
    "in": "header",
    "required": True,
    "description": "Bearer TOKEN, the token `packline-server add-station` printed",
    "schema": {"type": "string"},
}


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    schema = model.model_json_schema()
    return [
        {"name": name, "in": "query", "required": False, "schema": field}
        for name, field in schema["properties"].items()
    ]


def _compressed(request: Request, body: bytes) -> Response:
    """A JSON body in zstd when the station takes it (level 1: a load-round page 0.19 ms to compress
    against 0.71 ms for gzip level 1, and 11.7 KB against 14.9 KB); otherwise as it is, for the
    gzip middleware to compress for stations that take only gzip."""
    if len(body) >= COMPRESS_FROM and "zstd" in _accepted_encodings(
        request.headers.get("accept-encoding", "")
    ):
        headers = {"Content-Encoding": "zstd", "Vary": "Accept-Encoding"}
        return Response(zstd.compress(body, level=1), media_type="application/json", headers=headers)
    return Response(body, media_type="application/json")


def _accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header names, less those refused with q=0."""
    accepted = set()
    for item in header.split(","):
        coding, *params = (part.strip() for part in item.split(";"))
        q = next((param[2:] for param in params if param.lower().startswith("q=")), "1")
        try:
            refused = float(q) == 0
        except ValueError:
            refused = False
        if coding and not refused:
            accepted.add(coding.lower())
    return accepted


def _refused(detail: str, errors: list[p.EventError]) -> JSONResponse:
    return JSONResponse(p.PushRefused(detail=detail, errors=errors).model_dump(mode="json"), status_code=422)
