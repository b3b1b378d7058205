"""How the server's requests reach its database: a fixed set of worker threads, a request tried
again when its connection died, and the time each part took (Server-Timing)."""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

T = TypeVar("T")
log = logging.getLogger(__name__)


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
