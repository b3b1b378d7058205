"""One way into the server, with limits: every request's body is read here, before any endpoint
sees it, within its path's size (after gzip), at a pace a real client keeps; a connection that
never finishes its headers is closed; a station holds only a few long-polls at once.

These hold for the server on its own (a test, a small shop's single box). In production it sits
behind nginx (sync/server/deploy/nginx.conf, rendered by `packline-server nginx-config`), which
enforces the same limits and caps each address's connections before a request reaches a server
process (docs/SYNC.md, "Limits").
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from sync import protocol as p

log = logging.getLogger(__name__)

MAX_PUSH_BYTES = 16 * 1024 * 1024  # a batch of MAX_PUSH_BATCH events is a few MB at most
MAX_IMPORT_BYTES = 256 * 1024 * 1024  # a shop's master data and a day of orders
MAX_ENTITIES_BYTES = 1024 * 1024  # MAX_PULL_PAGE keys of at most 64 characters, as JSON
MAX_BODY_BYTES = 256 * 1024  # everything else: a device report, a waybill request
BODY_LIMITS = {
    f"{p.API_PREFIX}/events": MAX_PUSH_BYTES,
    f"{p.API_PREFIX}/import": MAX_IMPORT_BYTES,
    f"{p.API_PREFIX}/entities": MAX_ENTITIES_BYTES,
}

# A body arrives at least this fast once its first BODY_GRACE_S are over: a station on a poor
# mobile link sends a 16 MiB push in well under a minute; a client that trickles a byte now and
# then to hold a connection is cut off.
BODY_GRACE_S = 30.0
BODY_MIN_RATE = 16 * 1024  # bytes per second
HEADER_TIMEOUT_S = 10.0  # from the connection (or the previous answer) to the end of the headers
WAITS_PER_STATION = 3  # long-polls one token holds at once (a station keeps one; a reconnect overlaps)


def body_limit(path: str) -> int:
    return BODY_LIMITS.get(path.rstrip("/"), MAX_BODY_BYTES)


class Refusal(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class BodyLimit:
    """Reads the request's body chunk by chunk, inflating gzip as it comes, and refuses it (413)
    as soon as it or what it inflates to passes its path's limit, (422) when its gzip is broken,
    (408) when it comes too slowly: a small gzip bomb never becomes a large allocation, and no
    endpoint reads a body of its own. The endpoint then gets the plain body in one piece."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope["path"])
        headers = dict(scope["headers"])
        try:
            body = await read_body(receive, headers, limit)
        except Refusal as refusal:
            client = scope.get("client") or ("?", 0)
            method, path = scope["method"], scope["path"]
            log.warning("%s %s from %s refused: %s", method, path, client[0], refusal.detail)
            await _answer(send, refusal.status, refusal.detail)
            return
        if b"content-encoding" in headers:  # the endpoint reads what was sent, inflated
            scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k != b"content-encoding"]}
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # http.disconnect, for a long-poll that waits on it

        await self.app(scope, replay, send)


async def read_body(receive: Receive, headers: dict[bytes, bytes], limit: int) -> bytes:
    declared = headers.get(b"content-length", b"")
    if declared.isdigit() and int(declared) > limit:
        raise Refusal(413, f"the body is {int(declared)} bytes; at most {limit} are taken here")
    encoding = headers.get(b"content-encoding", b"").strip().lower()
    if encoding not in (b"", b"identity", b"gzip"):
        raise Refusal(415, f"content encoding {encoding.decode(errors='replace')!r}: send gzip or none")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == b"gzip" else None
    started = time.monotonic()
    received = size = 0
    parts: list[bytes] = []
    more = True
    while more:
        allowed = started + BODY_GRACE_S + received / BODY_MIN_RATE - time.monotonic()
        try:
            message = await asyncio.wait_for(receive(), max(allowed, 0.001))
        except TimeoutError:
            raise Refusal(408, f"the body came too slowly ({received} bytes so far)") from None
        if message["type"] == "http.disconnect":
            raise Refusal(400, "the client went away before its body was in")
        chunk = message.get("body", b"")
        more = message.get("more_body", False)
        received += len(chunk)
        if received > limit:
            raise Refusal(413, f"the body is more than {limit} bytes")
        if inflater is None:
            parts.append(chunk)
            size += len(chunk)
            continue
        try:
            while chunk:
                piece = inflater.decompress(chunk, limit + 1 - size)
                parts.append(piece)
                size += len(piece)
                if size > limit:
                    raise Refusal(413, f"the body inflates to more than {limit} bytes")
                chunk = inflater.unconsumed_tail
        except zlib.error:
            raise Refusal(422, "the body is not valid gzip") from None
    if inflater is not None and received and not inflater.eof:
        raise Refusal(422, "the body is not valid gzip (it ends early)")
    return b"".join(parts)


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            # The rest of a refused body is not read: the connection is not reused.
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class WaitSlots:
    """How many long-polls each station holds: past WAITS_PER_STATION the next is refused (429),
    so one token cannot tie up a worker's connections."""

    def __init__(self, per_station: int = WAITS_PER_STATION) -> None:
        self.per_station = per_station
        self.held: Counter[str] = Counter()

    @contextmanager
    def hold(self, station: str) -> Iterator[bool]:
        """True (and held until the block ends) when `station` may wait; False when it holds its share."""
        if self.held[station] >= self.per_station:
            yield False
            return
        self.held[station] += 1
        try:
            yield True
        finally:
            self.held[station] -= 1
            if not self.held[station]:
                del self.held[station]


class TimedHttpProtocol(HttpToolsProtocol):
    """uvicorn's HTTP protocol, with a deadline for the headers: a connection that opens and sends
    nothing, or its headers a byte at a time, is closed after HEADER_TIMEOUT_S. uvicorn's own
    keep-alive timer stops at the first byte, so a slow client would hold its socket for ever
    (a thousand such and every other station is shut out at the open-file limit)."""

    header_timeout_s = HEADER_TIMEOUT_S
    _header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._header_deadline is None:
            self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request's headers, on a kept-alive connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_deadline = self.loop.call_later(self.header_timeout_s, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if not self.transport.is_closing():
            log.info("closing a connection from %s: no complete request headers in %.0f s",
                     (self.client or ("?",))[0], self.header_timeout_s)  # fmt: skip
            self.transport.close()


def open_files_raised() -> int:
    """The process's open-file limit raised to what the system allows (Linux's soft default of 1,024
    is a few hundred stations' long-polls and pushes): the new soft limit."""
    try:
        import resource
    except ImportError:  # Windows: no such limit
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if wanted > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            return wanted
        except (ValueError, OSError) as exc:
            log.warning("could not raise the open-file limit from %d: %s", soft, exc)
    return soft
