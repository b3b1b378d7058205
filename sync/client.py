"""The station's side of sync: HTTP to the central server and the push/pull cycle.

Nothing here touches the station's database directly: the engine is handed a `LocalSide` (the app
implements it over its store) and plain protocol values go back and forth. One cycle:

1. push: the outbox's pending events in batches; each batch's answers are recorded before the
   next batch is sent. A batch whose answer never arrived is simply sent again: the server
   answers repeated UUIDs with their first answer.
2. pull: pages of changes after the saved cursor; each page and its cursor are applied in one
   local transaction, so a crash between pages resumes from the last applied page.

Every failure becomes a `SyncError` with a sentence for the person at the station and whether
trying again later can help (a revoked token cannot; a dead network can).
"""

from __future__ import annotations

import gzip
import json
import logging
import multiprocessing
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlencode

import requests
import urllib3
from pydantic import ValidationError

from sync import protocol as p
from sync.local_side import MAX_ASIDE_DATA, LocalSide, UnstorablePage

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 2000
CLOCK_SKEW_WARN_S = 120


class SyncError(Exception):
    """Why a sync did not go through: `message` in the technician's words (the log, a tooltip),
    `cause` a code the station says in the person's language (SyncStatus.cause)."""

    def __init__(
        self, message: str, retryable: bool = True, status: int | None = None, cause: str = ""
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.status = status
        self.cause = cause or _cause_of_status(status, retryable)


def _cause_of_status(status: int | None, retryable: bool) -> str:
    if status == 401:
        return "token"
    if status == 503:
        return "server_db"
    if status is not None and status >= 500:
        return "server_failed"
    if status is not None:
        return "refused"
    return "unreachable" if retryable else "refused"


@dataclass(frozen=True)
class ServerConfig:
    url: str
    token: str
    ca_bundle: str = ""  # a PEM file for a private CA; empty: the system's trust store
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 30.0


class SyncClient:
    """HTTP to one server with one requests.Session (connection reuse, gzip both ways)."""

    def __init__(self, config: ServerConfig) -> None:
        if not config.url.startswith(("http://", "https://")):
            raise SyncError(
                f"server address {config.url!r} must start with http:// or https://", False, cause="address"
            )
        self.config = config
        self.base = config.url.rstrip("/") + p.API_PREFIX
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Authorization": f"Bearer {config.token}",
                # Every encoding urllib3 can decode here: zstd (pages the server compresses
                # fastest), gzip and deflate.
                "Accept-Encoding": urllib3.util.make_headers(accept_encoding=True)["accept-encoding"],
                "User-Agent": "packline-station/1",
            }
        )
        # The environment is read once, here: requests otherwise re-reads the proxy variables and
        # ~/.netrc on every call (a fifth of a station's CPU per sync request), and a netrc entry
        # for the server's host would replace the station's token.
        self.session.trust_env = False
        self.session.proxies.update(requests.utils.get_environ_proxies(self.base))
        # TLS is verified always; a private CA is added, never verification switched off.
        self.session.verify = (
            config.ca_bundle
            or os.environ.get("REQUESTS_CA_BUNDLE")
            or os.environ.get("CURL_CA_BUNDLE")
            or True
        )
        self.server_time: datetime | None = None
        self.last_server_ms: float | None = None  # the server's own time for the last request

    def close(self) -> None:
        self.session.close()

    def _request(
        self,
        method: str,
        path: str,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        read_timeout_s: float | None = None,
    ) -> requests.Response:
        # Prepared here and handed to the session's transport adapter: Session.request merged
        # settings through typing-protocol isinstance checks, looked for cookies and redirects
        # (neither is part of this protocol: a redirect is answered as the status it is) and ran
        # hooks, a fifth of the client's CPU per sync request. The session keeps the headers, the
        # TLS settings, the proxies and the pooled connections.
        request = requests.PreparedRequest()
        request.prepare_method(method)
        request.prepare_url(self.base + path, None)
        request.prepare_headers({**self.session.headers, **(headers or {})})
        request.prepare_body(data, None)
        try:
            response = self.session.get_adapter(request.url or "").send(
                request,
                timeout=(self.config.connect_timeout_s, read_timeout_s or self.config.read_timeout_s),
                verify=self.session.verify,
                proxies=self.session.proxies,
            )
            response.content  # noqa: B018 - read now, so a reply cut in half fails here
        except requests.exceptions.SSLError as exc:
            raise SyncError(
                f"the server's certificate is not trusted: {_short(exc)}", retryable=False, cause="tls"
            ) from None
        except requests.exceptions.ConnectTimeout:
            raise SyncError(
                "the server did not answer (connect timeout): network or server down", cause="timeout"
            ) from None
        except requests.exceptions.ReadTimeout:
            raise SyncError("the server took too long to answer (read timeout)", cause="slow") from None
        except requests.exceptions.ConnectionError as exc:
            log.info("connection error: %s", exc)
            raise SyncError(f"cannot reach the server ({_cause(exc)})", cause="unreachable") from None
        except requests.exceptions.RequestException as exc:  # a reply cut in half, a bad chunk
            raise SyncError(f"the connection broke: {_short(exc)}", cause="broken") from None
        timing = response.headers.get("Server-Timing", "")
        self.last_server_ms = _server_ms(timing)
        if response.status_code == 401:
            raise SyncError(_detail(response) or "the server refused this station's token", False, 401)
        if response.status_code == 503:
            raise SyncError("the server's database is not reachable just now; trying again later", True, 503)
        if response.status_code >= 500:
            raise SyncError(
                f"the server failed ({response.status_code}); trying again later", True, response.status_code
            )
        return response

    def _json(self, response: requests.Response, model: type[p.Outgoing]) -> Any:
        return self._parse(response, model.__name__, model.model_validate_json)

    def _parse(self, response: requests.Response, name: str, validate: Callable[[bytes], Any]) -> Any:
        try:
            return validate(response.content)
        except ValidationError as exc:
            raise SyncError(
                f"the server's answer is not a valid {name}: {_first_error(exc)}", cause="bad_answer"
            ) from None

    def whoami(self) -> str:
        """The station name the server knows this token by."""
        response = self._request("GET", "/whoami")
        if response.status_code != 200:
            raise SyncError(
                f"the server refused the token ({response.status_code}): {_detail(response)}", False
            )
        station: str = self._json(response, p.WhoAmI).station
        return station

    def push(self, events: list[dict[str, Any]]) -> list[p.EventResult]:
        body = gzip.compress(json.dumps({"events": events}, ensure_ascii=False).encode(), compresslevel=5)
        response = self._request(
            "POST",
            "/events",
            data=body,
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )
        if response.status_code == 422:
            refused = self._json(response, p.PushRefused)
            raise RefusedBatch(refused)
        if response.status_code != 200:
            raise SyncError(
                f"the server refused the events ({response.status_code}): {_detail(response)}", False
            )
        results: list[p.EventResult] = self._json(response, p.PushResponse).results
        sent = {str(e["id"]) for e in events}
        if {str(r.id) for r in results} != sent:
            raise SyncError("the server answered for other events than were sent", cause="bad_answer")
        return results

    def reserve_waybills(self, carrier: str, keep: int) -> list[str] | None:
        """The waybill numbers the server holds for this station and carrier, topped up to `keep`.
        None: this server or this token holds none (an older server, a desk's token)."""
        body = p.WaybillReserveRequest(carrier=carrier, keep=keep).model_dump_json().encode()
        response = self._request(
            "POST", "/waybills/reserve", data=body, headers={"Content-Type": "application/json"}
        )
        if response.status_code in (403, 404):
            return None
        reserve: p.WaybillReserve = self._json(self._ok(response, "reserve waybills"), p.WaybillReserve)
        return reserve.waybills

    def report_devices(self, report: p.DeviceReport) -> bool:
        """Tell the server how this station's devices stand. False: a server without device reports."""
        response = self._request(
            "PUT", "/stations/devices", data=report.model_dump_json().encode(),
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        if response.status_code == 404:
            return False
        if response.status_code != 204:
            raise SyncError(
                f"the server refused the device report ({response.status_code}): {_detail(response)}",
                status=response.status_code,
            )
        return True

    def board(self, since: datetime) -> p.BoardPage | None:
        """Every station's packs since `since` (None: a server without the floor board)."""
        response = self._request("GET", f"/board?{urlencode({'since': since.isoformat()})}")
        if response.status_code == 404:
            return None
        page: p.BoardPage = self._json(self._ok(response, "floor board"), p.BoardPage)
        return page

    def clips(self, code: str) -> list[p.ClipFound] | None:
        """The packs' clips the server knows for a waybill or order number, with the station that
        holds each (None: a server without the lookup)."""
        response = self._request("GET", f"/clips?{urlencode({'code': code})}")
        if response.status_code == 404:
            return None
        found = self._ok(response, "clip lookup").json()
        return [p.ClipFound.model_validate(item) for item in found]

    def wait_for_changes(self, cursor: str, wait_s: float = p.WAIT_S) -> p.ChangesAhead | None:
        """Held by the server until it has changes past `cursor` or `wait_s` ran out. None: this
        server has no live changes (an older one): the station syncs on its interval only."""
        query = urlencode({"cursor": cursor, "wait_s": wait_s})
        response = self._request("GET", f"/changes/wait?{query}", read_timeout_s=wait_s + 15)
        if response.status_code == 404:
            return None
        ahead: p.ChangesAhead = self._json(self._ok(response, "wait for changes"), p.ChangesAhead)
        return ahead

    def check(self, cursor: str) -> p.SyncCheck:
        response = self._request("GET", f"/check?{urlencode({'cursor': cursor})}")
        check: p.SyncCheck = self._json(self._ok(response, "check"), p.SyncCheck)
        return check

    def keys(self, kind: p.Kind) -> p.KindKeys:
        response = self._request("GET", f"/keys?{urlencode({'kind': kind.value})}")
        keys: p.KindKeys = self._json(self._ok(response, "keys"), p.KindKeys)
        return keys

    def entities(self, kind: p.Kind, keys: list[str]) -> dict[str, Any]:
        """The entities of these keys as the server has them now, as a pulled page."""
        body = json.dumps({"kind": kind.value, "keys": keys}, ensure_ascii=False).encode()
        response = self._request("POST", "/entities", data=body, headers={"Content-Type": "application/json"})
        return self._page(self._ok(response, "entities"))

    @staticmethod
    def _ok(response: requests.Response, what: str) -> requests.Response:
        if response.status_code != 200:
            raise SyncError(
                f"the server refused the {what} ({response.status_code}): {_detail(response)}",
                status=response.status_code,
            )
        return response

    def pull(self, cursor: str, limit: int = PULL_PAGE) -> dict[str, Any]:
        """A page of changes as plain values (p.CHANGES_PAGE_DICTS: the contract's checks, without
        building model instances, the most of a bulk pull's parsing)."""
        # The query string built here: requests' parameter encoding runs isinstance checks against
        # typing protocols, slow in Python, on every call (a pull is made every few seconds).
        response = self._request("GET", f"/changes?{urlencode({'cursor': cursor, 'limit': limit})}")
        if response.status_code != 200:
            raise SyncError(
                f"the server refused to send changes ({response.status_code}): {_detail(response)}", False
            )
        page = self._page(response)
        self.server_time = page["server_time"]
        return page

    @staticmethod
    def _page(response: requests.Response) -> dict[str, Any]:
        try:
            page: dict[str, Any] = p.CHANGES_PAGE_DICTS.validate_json(response.content)
        except ValidationError as whole:
            page = _sorted_out(response.content, whole)
        return page


def _sorted_out(content: bytes, whole: ValidationError) -> dict[str, Any]:
    """A page holding changes this station cannot take: the others go on, and each of those is
    set aside with its reason (`page["set_aside"]`) instead of stopping every later pull. A page
    that is not a page at all (cut short, no cursor) is still an error: nothing in it is known."""
    try:
        page: dict[str, Any] = p.PAGE_ENVELOPE_DICTS.validate_json(content)
    except ValidationError:
        raise SyncError(
            f"the server's answer is not a valid ChangesPage: {_first_error(whole)}", cause="bad_answer"
        ) from None
    kept, aside = [], []
    for index, raw in enumerate(page["changes"]):
        text = json.dumps(raw, ensure_ascii=False)
        try:
            kept.append(p.CHANGE_DICTS.validate_json(text))
        except ValidationError as exc:
            known = raw if isinstance(raw, dict) else {}
            aside.append(
                {
                    "kind": str(known.get("kind") or "?")[:64],
                    "key": str(known.get("key") or "?")[:200],
                    "reason": f"changes.{index}.{_first_error(exc)}",
                    "data": text[:MAX_ASIDE_DATA],
                }
            )
    page["changes"] = kept
    page["set_aside"] = aside
    return page


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where + ': ' if where else ''}{first['msg']}"


def _check(client: SyncClient, local: LocalSide, cursor: str, summary: Summary) -> None:
    """The end-of-sync check (ARCHITECTURE rule 10): the counts and key digest of each checked kind
    against the server's; a kind that differs is compared key by key and what is missing or stale
    is pulled again by key; so are the customers and SKUs orders here name but the station lacks.
    Not judged while the server has moved past the cursor: due again at the next sync."""
    answer = client.check(cursor)
    if not answer.current:
        summary.check = "not judged (the server moved on)"
        return
    mine = local.key_summary()
    repaired = 0
    for kind in p.CHECKED_KINDS:
        theirs = answer.kinds.get(kind)
        if theirs is None or mine.get(kind) == theirs:
            continue
        wanted, unknown = local.keys_to_repair(client.keys(kind))
        if unknown:
            log.info("check: %d %s key(s) here are not the server's (local data)", len(unknown), kind.value)
        if wanted:
            log.warning(
                "check: %d %s(s) differ from the server's: pulling them again", len(wanted), kind.value
            )
            repaired += _pull_again(client, local, kind, wanted)
    for kind, keys in local.dangling().items():
        repaired += _pull_again(client, local, kind, keys)
    local.checked()
    summary.repaired = repaired
    summary.check = "repaired" if repaired else "matched"


def _pull_again(client: SyncClient, local: LocalSide, kind: p.Kind, keys: list[str]) -> int:
    pulled = 0
    for start in range(0, len(keys), p.MAX_PULL_PAGE):
        page = client.entities(kind, keys[start : start + p.MAX_PULL_PAGE])
        if page["changes"] or page.get("set_aside"):
            pulled += local.apply_repair(page)[0]
    return pulled


class RefusedBatch(SyncError):
    """422: events broke the contract. The named events are set aside with the reason."""

    def __init__(self, refused: p.PushRefused) -> None:
        super().__init__(f"the server refused events: {refused.detail}", retryable=True, status=422)
        self.refused = refused


def _server_ms(timing: str) -> float | None:
    """The server's own time (`app`) from a Server-Timing header such as
    `app;dur=12.5, queue;dur=0.1, db;dur=8.0`; None without one."""
    for metric in timing.split(","):
        name, *params = (part.strip() for part in metric.split(";"))
        if name == "app":
            for param in params:
                if param.startswith("dur="):
                    try:
                        return float(param[4:])
                    except ValueError:
                        return None
    return None


def _cause(exc: Exception) -> str:
    text = str(exc)
    for needle, cause in (
        ("refused", "connection refused: is the server running?"),
        ("Name or service not known", "the server's name is unknown: check the address"),
        ("getaddrinfo", "the server's name is unknown: check the address"),
        ("unreachable", "network unreachable: check the cable or Wi-Fi"),
        ("reset", "the connection was reset"),
        ("timed out", "timed out"),
    ):
        if needle in text:
            return cause
    return "network error"


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 160 else text[:157] + "…"


def _detail(response: requests.Response) -> str:
    try:
        detail = response.json().get("detail", "")
    except (ValueError, AttributeError):
        detail = response.text[:200]
    return str(detail)


@dataclass
class Summary:
    pushed: int = 0
    pulled: int = 0
    rejected: int = 0
    conflicts: int = 0
    set_aside: int = 0  # pulled changes this station could not take (the exception list has them)
    check: str = ""  # the end-of-sync check, when it ran: matched, repaired, not judged
    repaired: int = 0  # entities the check pulled again
    waybills: int = 0  # numbers newly set aside for this station's split shipments
    cursor: str = ""
    clock_skew_s: float | None = None
    push_s: float = 0.0  # how long each half took: for support and the benchmarks
    pull_s: float = 0.0
    kinds: set[str] = field(default_factory=set)  # of the entities pulled (a long pull: every kind)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "rejected": self.rejected,
            "conflicts": self.conflicts,
            "set_aside": self.set_aside,
            "repaired": self.repaired,
            "waybills": self.waybills,
            "cursor": self.cursor,
            "push_s": round(self.push_s, 3),
            "pull_s": round(self.pull_s, 3),
        }
        if self.check:
            data["check"] = self.check
        if self.clock_skew_s is not None:
            data["clock_skew_s"] = round(self.clock_skew_s, 1)
        return data


def sync_once(client: SyncClient, local: LocalSide, page_size: int = PULL_PAGE) -> Summary:
    """One full push then pull. Raises SyncError; what was done before the error stays done."""
    summary = Summary()
    started = time.perf_counter()
    while True:
        events = local.pending_events(PUSH_BATCH)
        if not events:
            break
        try:
            results = client.push(events)
        except RefusedBatch as refused:
            # Only events the server named are set aside; the rest go again in the next batch.
            by_index = {e.index: e.reason for e in refused.refused.errors if 0 <= e.index < len(events)}
            named = {str(events[i]["id"]): reason for i, reason in by_index.items()}
            named.update({e.id: e.reason for e in refused.refused.errors if e.id})
            if not named:
                raise SyncError(f"{refused}; no event was named", retryable=False) from None
            local.set_aside(named)
            summary.rejected += len(named)
            continue
        local.record_results(results)
        summary.pushed += len(results)
        summary.rejected += sum(1 for r in results if r.outcome is p.Outcome.REJECTED and not r.duplicate)
        summary.conflicts += sum(1 for r in results if r.outcome is p.Outcome.CONFLICT and not r.duplicate)
    summary.push_s = time.perf_counter() - started
    started = time.perf_counter()
    cursor = local.cursor()

    def apply(prepared: Any, after: str) -> None:
        try:
            pulled, aside = local.apply_prepared(prepared)
        except UnstorablePage as refused:
            # The station's database refused a change the contract let through (two orders with
            # one waybill number): the page again, applied in parts, so only that change waits.
            log.warning("the page after cursor %r did not go in whole (%s): now in parts", after, refused)
            pulled, aside = local.apply_in_parts(client.pull(after, page_size))
        summary.pulled += pulled
        summary.set_aside += aside

    page = client.pull(cursor, page_size)
    long_pull = bool(page["more"])
    if not page["more"]:  # the usual sync: one page, no second process
        summary.kinds.update(str(change["kind"]) for change in page["changes"])
        apply(local.prepare_page(page), cursor)
        cursor = page["cursor"]
    else:
        # A long pull (a new station, a large import): the pages after this one are fetched,
        # parsed and prepared in another process while this one writes, so the two halves use
        # two cores instead of taking turns at one interpreter lock.
        summary.kinds.update(kind.value for kind in p.Kind)  # pages of every kind: all may change
        with PagesAhead(client, local.prepare_page, page["cursor"], page_size) as ahead:
            apply(local.prepare_page(page), cursor)
            cursor, more = page["cursor"], True
            while more:
                after = cursor
                prepared, cursor, more = ahead.next()
                apply(prepared, after)
    summary.cursor = cursor
    summary.pull_s = time.perf_counter() - started
    _top_up_waybills(client, local, summary)
    if long_pull or local.check_due():
        try:
            _check(client, local, cursor, summary)
        except SyncError as exc:  # what was pulled stays pulled; the check is due again next time
            log.warning("the end-of-sync check did not finish: %s", exc)
            summary.check = f"not finished: {exc}"
            if exc.status == 404:  # a server from before the check: asked again in CHECK_EVERY_S
                local.checked()
    if client.server_time is not None:
        summary.clock_skew_s = (datetime.now(UTC) - client.server_time).total_seconds()
    return summary


def _top_up_waybills(client: SyncClient, local: LocalSide, summary: Summary) -> None:
    """After the pull (which brought the orders and their carriers): each carrier's numbers for
    split shipments topped up. A server without them, or a failure here, leaves the sync done."""
    for carrier, keep in local.waybills_wanted().items():
        try:
            numbers = client.reserve_waybills(carrier, keep)
        except SyncError as exc:
            log.warning("waybill numbers for %s not topped up: %s", carrier, exc)
            return
        if numbers is None:
            return
        summary.waybills += local.keep_waybills(carrier, numbers)


class PagesAhead:
    """Pages after a cursor, fetched and prepared by a process of their own, in order.

    The process runs ahead of the writer by the pipe's buffer: a page or two. It stops at the
    last page, at the first error (raised here as the same SyncError), or when the station stops
    listening; a page fetched but never applied is simply fetched again by the next sync."""

    def __init__(
        self, client: SyncClient, prepare: Callable[[dict[str, Any]], Any], cursor: str, page_size: int
    ) -> None:
        self.client = client
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt and threads
        self._reader, writer = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_fetch_ahead,
            args=(writer, client.config, prepare, cursor, page_size),
            name="packline-sync-pages",
            daemon=True,
        )
        self._process.start()
        writer.close()  # only the child writes: its end closing is how a dead child is noticed
        # The child's own requests time out; this covers its start and one page's worth of them.
        self._timeout_s = 60 + 3 * (client.config.connect_timeout_s + client.config.read_timeout_s)

    def next(self) -> tuple[Any, str, bool]:
        """The next prepared page, its cursor and whether more follow."""
        if not self._reader.poll(self._timeout_s):
            raise SyncError(
                "fetching changes stalled (no page for too long); trying again later", cause="slow"
            )
        try:
            item = self._reader.recv()
        except EOFError:
            raise SyncError(
                "fetching changes stopped unexpectedly; trying again later", cause="broken"
            ) from None
        if item[0] == "error":
            _kind, message, retryable, status, cause = item
            raise SyncError(message, retryable, status, cause)
        _kind, prepared, cursor, more, server_time, server_ms = item
        self.client.server_time, self.client.last_server_ms = server_time, server_ms
        return prepared, cursor, more

    def __enter__(self) -> PagesAhead:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._reader.close()  # a child still sending gets a broken pipe and ends
        self._process.join(timeout=2)
        if self._process.is_alive():  # in the middle of a request
            self._process.terminate()
            self._process.join(timeout=5)


def _fetch_ahead(
    writer: Any, config: ServerConfig, prepare: Callable[[dict[str, Any]], Any], cursor: str, page_size: int
) -> None:
    """The body of PagesAhead's process."""
    client = SyncClient(config)
    try:
        while True:
            try:
                page = client.pull(cursor, page_size)
                item: tuple[Any, ...] = (
                    "page",
                    prepare(page),
                    page["cursor"],
                    page["more"],
                    page["server_time"],
                    client.last_server_ms,
                )
            except SyncError as exc:
                item = ("error", str(exc), exc.retryable, exc.status, exc.cause)
            except Exception as exc:  # a bug: said to the station, which logs it with the rest
                item = ("error", f"preparing changes failed: {type(exc).__name__}: {exc}", True, None, "bug")
            writer.send(item)
            if item[0] == "error" or not page["more"]:
                break
            cursor = page["cursor"]
    except OSError:  # BrokenPipeError: the station stopped listening (an error, a crash, a stop)
        pass
    finally:
        client.close()
        writer.close()


# --- the background loop ---------------------------------------------------------------------------


class SyncState(StrEnum):
    NOT_CONFIGURED = "not_configured"
    SYNCING = "syncing"
    ONLINE = "online"
    OFFLINE = "offline"
    ERROR = "error"


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState = SyncState.NOT_CONFIGURED
    reason: str = ""  # in the technician's words (a tooltip, the log)
    cause: str = ""  # a code the station says in the person's language (SyncError.cause; "clock")
    pending: int = 0
    attention: int = 0
    last_success: datetime | None = None
    next_try_s: float | None = None
    clock_skew_s: float | None = None


@dataclass
class Backoff:
    """Exponential with full jitter, so twenty stations coming back at once do not stampede."""

    base_s: float = 2.0
    cap_s: float = 300.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        self.failures += 1
        return self.again()

    def again(self) -> float:
        """The delay at the current step without climbing: a try the person asked for (F11) that
        fails says nothing new about the server, so it does not push the next try further out."""
        ceiling = min(self.cap_s, self.base_s * 2 ** (max(1, self.failures) - 1))
        return self.rng.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.failures = 0


WATCH_RETRY_CAP_S = 10.0  # the longest a station stays offline after its server is back


def _as_int(cursor: str) -> int:
    try:
        return int(cursor or 0)
    except ValueError:
        return 0


class SyncLoop:
    """Syncs every `interval_s`, sooner when woken ("sync now", a new event), later after failures."""

    def __init__(
        self,
        make_client: Callable[[], SyncClient | None],
        local: LocalSide,
        on_status: Callable[[SyncStatus], None],
        interval_s: float = 30.0,
        attention_count: Callable[[], int] = lambda: 0,
        page_size: int = PULL_PAGE,
        on_synced: Callable[[Summary], None] | None = None,
    ) -> None:
        self.page_size = page_size
        self.on_synced = on_synced  # after each sync that went through (on the sync thread)
        self.make_client = make_client
        self.local = local
        self.on_status = on_status
        self.interval_s = interval_s
        self.attention_count = attention_count
        self.backoff = Backoff()
        self.status = SyncStatus()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._watcher: threading.Thread | None = None
        self.wait_s = p.WAIT_S
        # The station's devices as they stand, and as the server last heard them.
        self.devices: p.DeviceReport | None = None
        self._devices_sent: p.DeviceReport | None = None

    def start(self) -> SyncLoop:
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def report_devices(self, report: p.DeviceReport) -> None:
        """How the station's devices stand now (any thread): told to the server with the next sync,
        which a change brings forward, so the floor board shows a pulled cable within seconds."""
        self.devices = report
        # Online, the change goes now; offline it waits for the next try, so a device that comes
        # and goes does not undo the backoff.
        if report != self._devices_sent and self.status.state is SyncState.ONLINE:
            self.wake()

    def _send_devices(self, client: SyncClient) -> None:
        report = self.devices
        if report is None or report == self._devices_sent:
            return
        try:
            if not client.report_devices(report):
                log.info("the server keeps no device reports: not sent again until they change")
        except SyncError as exc:
            if exc.status is not None and 400 <= exc.status < 500:  # refused: not again until it changes
                log.warning("the server refused the device report: %s", exc)
                self._devices_sent = report
            else:  # the sync itself went through: the report goes with the next one
                log.info("device report not sent: %s", exc)
            return
        self._devices_sent = report

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)
        # A wait still held by the server ends with its read timeout; the thread is a daemon.

    def _publish(self, **changes: Any) -> None:
        try:
            changes.update(pending=self.local.pending_count(), attention=self.attention_count())
        except Exception:  # the database being busy must not stop sync reporting
            log.exception("could not count pending events")
        self.status = replace(self.status, **changes)
        self.on_status(self.status)

    def run_once(self, asked: bool = False) -> Summary | None:
        """One sync. `asked`: a person or an event asked for it (not the timer): if it fails, the
        backoff stays where it was."""
        client = self.make_client()
        if client is None:
            self._publish(state=SyncState.NOT_CONFIGURED, reason="", cause="", next_try_s=None)
            return None
        self._publish(state=SyncState.SYNCING, reason="", cause="", next_try_s=None)
        try:
            summary = sync_once(client, self.local, self.page_size)
            self._send_devices(client)
        except SyncError as exc:
            delay = self.backoff.again() if asked and self.backoff.failures else self.backoff.next_delay()
            state = SyncState.OFFLINE if exc.retryable and exc.status is None else SyncState.ERROR
            log.warning("sync failed (%s); next try in %.0f s", exc, delay)
            self._publish(state=state, reason=str(exc), cause=exc.cause, next_try_s=delay)
            return None
        except Exception as exc:  # a bug or the local database: keep the loop alive, say so
            delay = self.backoff.again() if asked and self.backoff.failures else self.backoff.next_delay()
            log.exception("sync failed unexpectedly")
            self._publish(
                state=SyncState.ERROR, reason=f"{type(exc).__name__}: {exc}", cause="bug", next_try_s=delay
            )
            return None
        finally:
            client.close()
        self.backoff.reset()
        skew = summary.clock_skew_s
        reason = ""
        if skew is not None and abs(skew) > CLOCK_SKEW_WARN_S:
            reason = f"this computer's clock is {abs(skew) / 60:.0f} min {'ahead' if skew > 0 else 'behind'}"
        self._publish(
            state=SyncState.ONLINE,
            reason=reason,
            cause="clock" if reason else "",
            last_success=datetime.now(UTC),
            next_try_s=self.interval_s,
            clock_skew_s=skew,
        )
        if self.on_synced is not None:
            try:
                self.on_synced(summary)
            except Exception:  # a screen's trouble must not stop the sync loop
                log.exception("telling the screens about a sync failed")
        return summary

    def _run(self) -> None:
        asked = False
        while not self._stop.is_set():
            # Cleared before the sync, not after the wait: a wake that comes while a sync runs (F11
            # pressed during a slow connect) is kept and brings the next one forward.
            self._wake.clear()
            self.run_once(asked)
            delay = self.status.next_try_s or self.interval_s
            asked = self._wake.wait(delay)

    # --- live changes ---------------------------------------------------------------------------

    def watch(self) -> SyncLoop:
        """Also keep a wait for changes open with the server (its own thread and connection): a
        change there wakes the loop at once instead of at the next interval."""
        self._watcher = threading.Thread(target=self._watch, name="sync-watch", daemon=True)
        self._watcher.start()
        return self

    def _watch(self) -> None:
        # The wait is one cheap request: while the server is away it is tried every few seconds,
        # and its first answer wakes the loop, whose own backoff may have minutes to run.
        backoff = Backoff(base_s=1.0, cap_s=WATCH_RETRY_CAP_S)
        told = 0  # the newest head the server announced: not announced again while the pull runs
        woken_at = -1  # the loop's backoff step at which this watcher last woke it
        while not self._stop.is_set():
            client = self.make_client()
            if client is None:
                self._stop.wait(self.interval_s)
                continue
            try:
                cursor = max(_as_int(self.local.cursor()), told)
                # While the loop is offline the wait is a probe, answered at once: the moment the
                # server answers, the loop is woken. Once per step of the loop's backoff, so a
                # server that answers this but fails the sync (overloaded) is not hammered.
                if self.status.state is SyncState.ONLINE:
                    woken_at = -1
                away = self.status.state is SyncState.OFFLINE and self.backoff.failures != woken_at
                ahead = client.wait_for_changes(str(cursor), 0.0 if away else self.wait_s)
                if ahead is None:
                    log.info("the server offers no live changes: syncing every %.0f s", self.interval_s)
                    return
                backoff.reset()
                if away:
                    log.info("the server answers again: syncing now")
                    woken_at = self.backoff.failures
                    self.wake()
                elif ahead.ahead:
                    told = _as_int(ahead.head)
                    log.debug("server head %s is ahead: syncing now", ahead.head)
                    self.wake()
            except SyncError as exc:
                if exc.status == 400:  # the cursor is not the server's (a new server): the sync sorts it
                    told = 0
                    self.wake()
                delay = backoff.next_delay()
                log.debug("waiting for changes failed (%s): again in %.0f s", exc, delay)
                self._stop.wait(delay)
            except Exception:  # the local database busy, a bug: the loop's own syncs go on regardless
                log.exception("waiting for changes failed")
                self._stop.wait(backoff.next_delay())
            finally:
                client.close()
