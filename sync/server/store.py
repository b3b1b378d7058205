"""What the central server does with its data: serve changes, apply events, import, register stations.

The effect of each kind of event is in sync/server/events.py, the staged transaction a push
writes through in sync/server/batch.py. Rules applied to events (docs/SYNC.md has the full text):

* An event id seen before gets its first answer again; nothing is applied twice.
* A batch is checked whole before anything is applied: one broken event refuses the batch (422),
  so a batch is never half-applied. Business outcomes (conflict, rejected) are per event and
  recorded with the event.
* `order.packed` for an order packed by another station is a conflict for the second station; for
  a cancelled order it is accepted as a fact and flagged for interception.
* Customer preferences merge field by field: an edit made on top of the server's current value
  (`base` equals it) applies; a concurrent edit (the value moved meanwhile) is decided by the time
  the person made it, the later wins, with station clocks capped at the server's receive time so a
  clock running ahead cannot win forever. Both sides are kept in the audit trail, and the customer
  is re-served so every station converges on the decided value.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from json.encoder import encode_basestring
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Connection,
    Engine,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from app.core.auth import hash_problem
from app.core.segments import Thresholds
from sync import protocol as p
from sync.server import board as floor_board
from sync.server import models as m
from sync.server import segments, waybills
from sync.server.batch import Batch, keys_by_kind
from sync.server.db import DB_CONNECTIONS, make_server_engine, migrate
from sync.server.events import apply_event, named_operators
from sync.server.imports import BadImportFile, import_text, parse_csv
from sync.server.live import NOTIFY
from sync.server.sql import (
    FENCE,
    WATERMARK,
    among,
    changes_query,
    chunks,
    executemany,
    first_reads_query,
    numbered_upsert,
    upsert,
)

log = logging.getLogger(__name__)

IMPORT_SECTIONS = {
    "operators": p.Kind.OPERATOR,
    "carriers": p.Kind.CARRIER,
    "skus": p.Kind.SKU,
    "customers": p.Kind.CUSTOMER,
    "orders": p.Kind.ORDER,
    "waves": p.Kind.WAVE,
    "rules": p.Kind.RULE,
}
TOKEN_CACHE_S = 10.0
# The app re-checks every cached token together this often (`refresh_tokens`), so a station's
# request is answered from the cache even when it syncs less often than TOKEN_CACHE_S; a token
# nobody used for TOKEN_IDLE_S is forgotten (its station is asked again when it comes back).
TOKEN_REFRESH_S = TOKEN_CACHE_S / 2
TOKEN_IDLE_S = 600.0
_WAYBILL = re.compile(r"[A-Za-z0-9-]{1,64}")
_CARRIER = re.compile(r"[A-Za-z0-9_]{1,16}")
CHANGED = "packline_changed"  # set on a connection whose transaction wrote documents


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class ServerStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._tokens: dict[str, tuple[str, float]] = {}  # token hash -> (station, valid until)
        self._token_used: dict[str, float] = {}  # token hash -> when last used (monotonic)
        self._tokens_refreshed = 0.0  # monotonic
        self._token_changes = 0  # stations added or revoked here: a refresh then in flight is void
        self.clock: Callable[[], float] = time.monotonic  # the token cache's (tests move it on)
        self.on_change: Callable[[], None] = lambda: None  # after a commit that wrote documents

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """An ORM session in one transaction: station accounts and other rarely written rows."""
        with self._sessions() as s, s.begin():
            yield s

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A Core connection in one transaction: pushes, CRM edits and imports (pulls: `reading`).
        An ORM session costs about twice as much per statement, and under 20 stations syncing at
        once the server's CPU is what every request waits for."""
        with self.engine.begin() as c:
            try:
                yield c
            except BaseException:
                # Not the flag of a later transaction on this connection; and a connection the
                # database dropped may not even be asked: the original error is what counts.
                with contextlib.suppress(Exception):
                    c.info.pop(CHANGED, None)
                raise
            changed = c.info.pop(CHANGED, False)
        if changed:
            self.on_change()  # committed: waiting stations may pull it now (sync/server/live.py)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection in autocommit: each statement sees what had committed when it began.
        A pull needs no more (see `changes_query`), and no BEGIN and ROLLBACK round trips."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            yield c

    # --- revisions ------------------------------------------------------------------------

    @staticmethod
    def _take_revs(c: Connection, count: int) -> list[int]:
        """SQLite: reserve `count` revisions, ascending, from the counter row, locked until commit
        (SQLite has one writer anyway). PostgreSQL draws them from a sequence (`_put_all`)."""
        last = c.execute(
            update(m.RevCounter)
            .where(m.RevCounter.id == 1)
            .values(value=m.RevCounter.value + count)
            .returning(m.RevCounter.value)
        ).scalar_one()
        return list(range(int(last) - count + 1, int(last) + 1))

    @staticmethod
    def _write_first(c: Connection) -> None:
        """On SQLite, take the write lock before reading: a transaction that read first and wrote
        later would fail (not wait) when another writer committed in between. SQLite has one
        writer at a time anyway; PostgreSQL locks rows instead and keeps writers concurrent."""
        if c.dialect.name == "sqlite":
            ServerStore._take_revs(c, 0)

    def _put_all(
        self, c: Connection, documents: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]]
    ) -> None:
        """Upsert documents (None = tombstone), each with a fresh revision, in one upsert.

        Rows go kinds in p.DEPENDENCY_ORDER, keys sorted: every writer meets rows in that order (a push
        locked its rows so already), so PostgreSQL never deadlocks; revisions follow the same order,
        so a page never brings an order before the customer it names.

        SQLite: revisions from the counter row. PostgreSQL: from a sequence, without holding
        anything other writers wait for, so concurrent pushes do not queue behind each other's
        commits. What keeps a pull from skipping a change that commits late is a fence: before its
        revisions exist the transaction holds a shared advisory lock at the sequence's next value
        (at most its own lowest revision) until it commits or rolls back (or its connection dies);
        pulls stop below the lowest fence (`packline_watermark`, migration s0003). The fence's
        statement and then the upsert, each row drawing its revision as it is written, read nothing
        back: they go in the push's pipeline with its other writes, no round trip of their own."""
        now = _now()
        rows = []
        for kind in p.DEPENDENCY_ORDER:
            docs = dict(documents.get(kind) or [])  # a key twice: the later wins
            rows += [
                {
                    "kind": kind.value,
                    "key": key,
                    "deleted": docs[key] is None,
                    "data": docs[key],
                    "updated_at": now,
                }
                for key in sorted(docs)
            ]
        if not rows:
            return
        c.info[CHANGED] = True
        if c.dialect.name == "postgresql":
            c.execute(FENCE)
            executemany(c, numbered_upsert(tuple(rows[0])), rows)
            c.execute(NOTIFY)  # every server process's waiters, at commit
            return
        for row, rev in zip(rows, self._take_revs(c, len(rows)), strict=True):
            row["rev"] = rev
        upsert(c, m.Entity.__table__, rows, ["kind", "key"])

    def get(self, kind: p.Kind | str, key: str) -> dict[str, Any] | None:
        with self._sessions() as s:
            return s.scalar(
                select(m.Entity.data).where(m.Entity.kind == p.Kind(kind).value, m.Entity.key == key)
            )

    # --- pull -----------------------------------------------------------------------------

    def _change_rows(self, cursor: str, limit: int, as_text: bool) -> tuple[list[Any], bool, str]:
        try:
            after = int(cursor or 0)
        except ValueError:
            raise ValueError(f"cursor {cursor!r} was not issued by this server") from None
        if not 0 <= after <= p.INT64_MAX:
            raise ValueError(f"cursor {cursor!r} was not issued by this server")
        limit = max(1, min(limit, p.MAX_PULL_PAGE))
        with self.reading() as c:
            query = changes_query(as_text, fenced=c.dialect.name == "postgresql")
            rows = c.execute(query, {"after": after, "limit": limit + 1}).all()
        if not rows and after and after > self.head():
            # Echoing it back would keep the station past changes still to come: it must start over.
            raise ValueError(f"cursor {cursor!r} is ahead of this server: pull from the start")
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, more, str(rows[-1][2]) if rows else str(after)

    def changes(self, cursor: str, limit: int) -> p.ChangesPage:
        rows, more, next_cursor = self._change_rows(cursor, limit, as_text=False)
        changes = [
            p.CHANGE.validate_python(
                {"kind": kind, "key": key, "deleted": deleted, "data": None if deleted else data}
            )
            for kind, key, _rev, deleted, data in rows
        ]
        return p.ChangesPage(changes=changes, cursor=next_cursor, more=more, server_time=_now())

    def changes_json(self, cursor: str, limit: int) -> bytes:
        """`changes` as the wire's JSON, with each document's stored JSON text spliced in as it is:
        a pull costs no decoding and re-encoding of thousands of documents (the server's main CPU
        cost under many stations). tests/sync checks it equals `changes` field for field."""
        rows, more, next_cursor = self._change_rows(cursor, limit, as_text=True)
        # A key as a JSON string, as json.dumps(key, ensure_ascii=False) writes it, without the
        # encoder json.dumps builds for every call with that option (15 times the cost: 0.2 ms of a
        # 100-change page).
        quoted = encode_basestring
        items = [
            f'{{"kind":"{kind}","key":{quoted(key)},"deleted":'
            + ('true,"data":null}' if deleted else f'false,"data":{"null" if data is None else data}}}')
            for kind, key, _rev, deleted, data in rows
        ]
        page = (
            f'{{"changes":[{",".join(items)}],"cursor":"{next_cursor}","more":{"true" if more else "false"},'
            f'"server_time":"{_now().isoformat()}"}}'
        )
        return page.encode()

    # --- the end-of-sync check ---------------------------------------------------------------

    def check(self, cursor: str) -> p.SyncCheck:
        """What a station whose cursor is the head should hold of each checked kind. Judged only
        when it is the head (before and after the keys are read): a station behind it would be
        told of changes it simply has not pulled yet."""
        head = self.head()
        if (cursor or "0") != str(head):
            return p.SyncCheck(head=str(head), current=False)
        checked = [kind.value for kind in p.CHECKED_KINDS]
        with self.reading() as c:
            rows = c.execute(
                select(m.Entity.kind, m.Entity.key, m.Entity.deleted).where(m.Entity.kind.in_(checked))
            )
            kinds = p.kind_checks(rows)
        if self.head() != head:  # something committed meanwhile: not judged this time
            return p.SyncCheck(head=str(self.head()), current=False)
        return p.SyncCheck(head=str(head), current=True, kinds=kinds)

    def keys(self, kind: p.Kind) -> p.KindKeys:
        """Every key of a kind, live and deleted: what a station compares its own with."""
        live, gone = [], []
        with self.reading() as c:
            entity = m.Entity
            for key, deleted in c.execute(
                select(entity.key, entity.deleted).where(entity.kind == kind.value).order_by(entity.key)
            ):
                (gone if deleted else live).append(key)
        return p.KindKeys(kind=kind, live=live, gone=gone)

    def entities(self, kind: p.Kind, keys: list[str]) -> p.ChangesPage:
        """The entities of these keys as they are now, as a page of changes (unknown keys left out)."""
        head = self.head()
        with self.reading() as c:
            rows = c.execute(
                select(m.Entity.key, m.Entity.deleted, m.Entity.data).where(
                    m.Entity.kind == kind.value, m.Entity.key.in_(sorted(set(keys)))
                )
            ).all()
        changes = [
            p.CHANGE.validate_python(
                {"kind": kind.value, "key": key, "deleted": deleted, "data": None if deleted else data}
            )
            for key, deleted, data in rows
        ]
        return p.ChangesPage(changes=changes, cursor=str(head), more=False, server_time=_now())

    def head(self) -> int:
        """The newest revision a pull can hand out now: a cursor "up to date" for a new station."""
        with self.reading() as c:
            if c.dialect.name == "postgresql":
                return int(c.scalar(WATERMARK) or 0)
            return int(c.scalar(select(m.RevCounter.value).where(m.RevCounter.id == 1)) or 0)

    def warm_up(self, connections: int) -> None:
        """Open `connections` database connections at once and run a pull's and a push's reads
        on each (with nothing to find), so the pool holds them, warm, before the first stations
        ask. Otherwise the first burst after a start paid for every connection's set-up, each new
        PostgreSQL backend's first reads of the catalog and each statement's first compilation:
        under 20 stations its requests took up to 550 ms (server time) against ~200 ms later."""
        nothing = {"ids": [], "customers": [], **keys_by_kind([])}
        with ExitStack() as opened:
            for _ in range(connections):
                c = opened.enter_context(self.reading())
                pull = changes_query(True, fenced=c.dialect.name == "postgresql")
                c.execute(pull, {"after": 0, "limit": 1})
                c.execute(first_reads_query(c.dialect.name), nothing)

    # --- stations -------------------------------------------------------------------------

    def add_station(self, name: str, role: p.Role | str = p.Role.STATION) -> str:
        """Register a station (or issue it a new token with this role, revoking the old one);
        returns the token."""
        name = name.strip()
        if not name or len(name) > 64:
            raise ValueError("a station name is 1 to 64 characters")
        role = p.Role(role)
        # A fixed prefix: a token never starts with "-" (a command line would take it for an
        # option) and is recognisable where it should not be (logs, pasted config).
        token = "plt_" + secrets.token_urlsafe(32)
        self._forget_tokens()
        with self.transaction() as s:
            station = s.scalar(select(m.StationAccount).where(m.StationAccount.name == name))
            if station is None:
                s.add(m.StationAccount(name=name, token_hash=hash_token(token), role=role.value))
            else:
                station.token_hash, station.revoked_at, station.role = hash_token(token), None, role.value
        return token

    def role_of(self, name: str) -> p.Role:
        """A registered station's role (asked on the rare requests that need more than a station's)."""
        with self.reading() as c:
            role = c.scalar(select(m.StationAccount.role).where(m.StationAccount.name == name))
        return p.Role(role) if role in p.Role._value2member_map_ else p.Role.STATION

    def revoke_station(self, name: str) -> bool:
        self._forget_tokens()
        with self.transaction() as s:
            done = s.execute(
                update(m.StationAccount).where(m.StationAccount.name == name).values(revoked_at=_now())
            )
            return bool(done.rowcount)

    def cached_station(self, token: str) -> str | None:
        """The station of a token checked within the last TOKEN_CACHE_S (None: ask `station_for`);
        no I/O, so the HTTP side answers most requests without leaving its event loop."""
        return self._cached(hash_token(token))

    def _cached(self, token_hash: str) -> str | None:
        cached = self._tokens.get(token_hash)
        now = self.clock()
        if cached is None or cached[1] <= now:
            return None
        self._token_used[token_hash] = now
        return cached[0]

    def _forget_tokens(self) -> None:
        self._token_changes += 1
        self._tokens.clear()

    def refresh_tokens(self) -> None:
        """Re-check every recently used cached token with one statement: live ones stay valid for
        another TOKEN_CACHE_S, revoked ones (by another server process too) are dropped, and the
        stations that used theirs since the last refresh get `last_seen_at`, in one update."""
        started, changes = self.clock(), self._token_changes
        for token_hash, used in list(self._token_used.items()):
            if started - used > TOKEN_IDLE_S:
                self._token_used.pop(token_hash, None)
                self._tokens.pop(token_hash, None)
        hashes = [h for h in list(self._token_used) if h in self._tokens]
        if not hashes:
            return
        t = m.StationAccount
        with self.reading() as c:
            live = dict(
                c.execute(
                    select(t.token_hash, t.name).where(
                        among(t.token_hash, "hashes", c.dialect.name), t.revoked_at.is_(None)
                    ),
                    {"hashes": hashes},
                ).all()
            )
            seen = [h for h in live if self._token_used.get(h, 0.0) > self._tokens_refreshed]
            if seen:
                c.execute(
                    update(t).where(among(t.token_hash, "seen", c.dialect.name)).values(last_seen_at=_now()),
                    {"seen": seen},
                )
        self._tokens_refreshed = started
        if changes != self._token_changes:
            return  # a station was added or revoked meanwhile: what was read may be stale
        valid_until = started + TOKEN_CACHE_S
        for token_hash in hashes:
            if token_hash in live:
                self._tokens[token_hash] = (live[token_hash], valid_until)
            else:
                self._tokens.pop(token_hash, None)
                self._token_used.pop(token_hash, None)

    def station_for(self, token: str) -> str | None:
        """The station a token belongs to. Answers are cached for TOKEN_CACHE_S (and kept fresh by
        `refresh_tokens`), so a revocation made in another server process takes effect within that
        time (in this one, at once)."""
        token_hash = hash_token(token)
        cached = self._cached(token_hash)
        if cached is not None:
            return cached
        now_mono = self.clock()
        t = m.StationAccount
        with self.reading() as c:
            name = c.scalar(select(t.name).where(t.token_hash == token_hash, t.revoked_at.is_(None)))
        if name is None:
            self._tokens.pop(token_hash, None)
            return None
        # Marked used: the next `refresh_tokens` records the station's last_seen_at with the others.
        self._tokens[token_hash] = (name, now_mono + TOKEN_CACHE_S)
        self._token_used[token_hash] = now_mono
        return name

    # --- push -----------------------------------------------------------------------------

    def push(self, station: str, events: list[p.Event]) -> list[p.EventResult]:
        """Apply a checked batch in one transaction (the caller ran `refuse_reasons` first)."""
        received = _now()
        results: list[p.EventResult] = []
        with self.writing() as c:
            self._write_first(c)
            batch = Batch(c, self._put_all)
            customers = _payload_keys(events, "customer")
            wave_orders = [
                str(no)
                for event in events
                if event.type == p.EventType.WAVE_CHANGED and isinstance(event.payload.get("orders"), list)
                for no in event.payload["orders"]
            ]
            # The documents of repeated events are read and locked too: a repeat is rare (an answer
            # lost on the way), and one statement for everything saves two round trips per push.
            orders = [*_payload_keys(events, "order_no"), *wave_orders]
            ids = [str(event.id) for event in events]
            # A supervisor desk's or the office's token may change rules and waves itself; a packing
            # station's only for a supervisor signed in at it.
            known = c.scalar(select(m.StationAccount.role).where(m.StationAccount.name == station))
            role = p.Role(known) if known else p.Role.STATION  # pushed in-process (tests, tools)
            batch.role = role
            batch.trusted = role in (p.Role.DESK, p.Role.ADMIN)
            operators = sorted({badge for event in events for badge in named_operators(event)})
            answers = batch.read_first(
                ids,
                {p.Kind.CUSTOMER: customers, p.Kind.ORDER: orders, p.Kind.OPERATOR: operators},
                customers,
            )
            seen = {
                key: p.EventResult(id=key, outcome=p.Outcome(outcome), reason=reason, duplicate=True)
                for key, (outcome, reason) in answers.items()
            }
            if seen:  # resends are rare: whose they were is asked only then
                owners = dict(
                    c.execute(
                        select(m.EventRecord.id, m.EventRecord.station).where(
                            m.EventRecord.id.in_(list(seen))
                        )
                    ).all()
                )
                for key, owner in owners.items():
                    if owner != station:
                        # Another station's event id: never "already applied" for this one, which
                        # would drop this station's event without a word.
                        log.warning("event id %s sent by %s was first sent by %s", key, station, owner)
                        seen[key] = p.EventResult(
                            id=key,
                            outcome=p.Outcome.REJECTED,
                            reason=f"event id {key} was first sent by another station: not applied",
                        )
            refusals, kept = 0, None
            for event in events:
                key = str(event.id)
                if key in seen:
                    results.append(seen[key])
                    continue
                outcome, reason = apply_event(batch, station, event, received)
                payload = event.payload
                if outcome is not p.Outcome.ACCEPTED:
                    refusals += 1
                    if kept is None:  # asked once a push, and only when something was refused
                        kept = batch.refused_since(station, received - REFUSED_WINDOW)
                    if kept + refusals > REFUSED_KEPT:
                        # Its answer and reason stay (a resend gets them again); its payload goes:
                        # one token cannot fill the server's disk with refused claims.
                        payload = {"dropped": f"over {REFUSED_KEPT} refused events from {station} in a day"}
                        if kept + refusals == REFUSED_KEPT + 1:
                            log.warning(
                                "%s passed %d refused events in a day: payloads dropped",
                                station,
                                REFUSED_KEPT,
                            )
                batch.add(
                    m.EventRecord,
                    id=key,
                    type=event.type,
                    station=station,
                    operator=event.operator,
                    occurred_at=event.occurred_at,
                    received_at=received,
                    payload=payload,
                    outcome=outcome.value,
                    reason=reason,
                )
                result = p.EventResult(id=event.id, outcome=outcome, reason=reason)
                seen[key] = result
                results.append(result)
            batch.commit()
        return results

    def push_each(self, station: str, events: list[p.Event]) -> list[p.EventResult]:
        """`push`, and when the batch fails for a reason one of its events carries (the database
        refuses its data, or applying it trips over something), the batch in halves, and halves of
        those, until that event is alone: it is answered as rejected with the reason, so the
        station sets it aside for a person, and every other event is applied. A database that is
        away fails the whole request, to be tried again."""
        try:
            return self.push(station, events)
        except Exception as exc:
            if not _carried_by_an_event(exc):
                raise
            if len(events) > 1:
                middle = len(events) // 2
                return self.push_each(station, events[:middle]) + self.push_each(station, events[middle:])
            event = events[0]
            cause = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
            log.error("event %s (%s) from %s could not be stored: %s", event.id, event.type, station, cause)
            reason = f"the server could not store this event ({type(exc).__name__}: {cause})"
            return [p.EventResult(id=event.id, outcome=p.Outcome.REJECTED, reason=reason)]

    @staticmethod
    def refuse_reasons(station: str, events: list[p.Event]) -> list[p.EventError]:
        errors = []
        for index, event in enumerate(events):
            if event.station != station:
                reason = f"event from station {event.station!r} sent with the token of {station!r}"
            else:
                reason = p.check_event(event) or ""
            if reason:
                errors.append(p.EventError(index=index, id=str(event.id), reason=reason))
        return errors

    def set_preference(self, customer_code: str, field: str, value: Any, source: str = "crm") -> None:
        """A change made in the CRM: stamped now, so later concurrent station edits merge by time."""
        now = _now()
        with self.writing() as c:
            self._write_first(c)
            batch = Batch(c, self._put_all)
            customer = batch.get(p.Kind.CUSTOMER, customer_code)
            if customer is None:
                raise KeyError(customer_code)
            preferences = dict(customer.get("preferences") or {})
            batch.add(
                m.PreferenceAudit,
                customer=customer_code,
                field=field,
                old=preferences.get(field),
                proposed=value,
                base=preferences.get(field),
                result=value,
                decision="applied",
                source=source,
                event_id="",
                changed_at=now,
            )
            preferences[field] = value
            customer["preferences"] = preferences
            batch.set_stamp(customer_code, field, now, source)  # the CRM's change is the newest
            batch.put(p.Kind.CUSTOMER, customer_code, customer)
            batch.commit()

    # --- reading back ----------------------------------------------------------------------

    def tickets(self, status: str | None = "open") -> list[dict[str, Any]]:
        """After-sales service tickets (newest first), as plain values."""
        query = select(m.ServiceTicket).order_by(m.ServiceTicket.received_at.desc())
        if status:
            query = query.where(m.ServiceTicket.status == status)
        with self._sessions() as s:
            return [
                {"id": t.id, "order_no": t.order_no, "customer": t.customer, "station": t.station,
                 "responsibility": t.responsibility, "proposed": t.proposed, "reasons": t.reasons,
                 "items": t.items, "refund_cents": t.refund_cents, "status": t.status,
                 "received_at": t.received_at.isoformat()}
                for t in s.scalars(query)
            ]  # fmt: skip

    def integration_events(self, after: int = 0, limit: int = 500) -> p.IntegrationPage:
        with self._sessions() as s:
            rows = s.scalars(
                select(m.IntegrationEvent)
                .where(m.IntegrationEvent.id > after)
                .order_by(m.IntegrationEvent.id)
                .limit(limit)
            ).all()
        events = [
            p.IntegrationEventWire(
                id=r.id, type=r.type, key=r.key, payload=r.payload, created_at=r.created_at
            )
            for r in rows
        ]
        return p.IntegrationPage(events=events, after=events[-1].id if events else after)

    def conflicts(
        self, station: str | None = None, after: int = 0, limit: int = 1000
    ) -> list[p.ConflictWire]:
        """Every station's conflicts, or only `station`'s: the first `limit` after id `after`."""
        with self._sessions() as s:
            query = select(m.Conflict).where(m.Conflict.id > after).order_by(m.Conflict.id).limit(limit)
            if station is not None:
                query = query.where(m.Conflict.station == station)
            rows = s.scalars(query).all()
            return [
                p.ConflictWire(
                    id=c.id,
                    kind=c.kind,
                    key=c.key,
                    station=c.station,
                    event_id=c.event_id,
                    detail=c.detail,
                    created_at=c.created_at,
                )
                for c in rows
            ]

    def packaging_used(self, since: datetime | None = None) -> dict[str, dict[str, int]]:
        """Boxes and bags used by the accepted packs (since `since`): per box code, how many
        and their grams. Packs without a box scanned count under "" (the stations' default)."""
        used: dict[str, dict[str, int]] = {}
        query = select(m.EventRecord.payload).where(
            m.EventRecord.type == p.EventType.ORDER_PACKED, m.EventRecord.outcome == p.Outcome.ACCEPTED
        )
        if since is not None:
            query = query.where(m.EventRecord.occurred_at >= since)
        with self._sessions() as s:
            for payload in s.scalars(query.execution_options(yield_per=2000)):
                # A split shipment: a box per parcel. Older packs: the one box of the pack.
                for parcel in payload.get("parcels") or [payload]:
                    box = parcel.get("packaging") or {}
                    entry = used.setdefault(str(box.get("box", "")), {"parcels": 0, "grams": 0})
                    entry["parcels"] += 1
                    entry["grams"] += int(box.get("weight_g") or 0)
        return dict(sorted(used.items()))

    # --- waybill numbers for split shipments (sync/server/waybills.py) ----------------------------

    def add_waybills(self, carrier: str, numbers: list[str]) -> int:
        bad = next((n for n in numbers if n and not _WAYBILL.fullmatch(n)), None)
        if bad is not None:
            raise ValueError(f"{bad!r} is not a waybill number (letters and digits, at most 64)")
        if not _CARRIER.fullmatch(carrier):
            raise ValueError(f"{carrier!r} is not a carrier code (letters and digits, at most 16)")
        with self.writing() as c:
            return waybills.add_numbers(c, carrier.upper(), numbers)

    def reserve_waybills(self, station: str, carrier: str, keep: int) -> list[str]:
        with self.writing() as c:
            return waybills.reserve(c, station, carrier.upper(), keep)

    def waybill_stock(self) -> dict[str, dict[str, int]]:
        with self.reading() as c:
            return waybills.stock(c)

    # --- customer segments (sync/server/segments.py) -----------------------------------------

    def run_segments(
        self, thresholds: Thresholds | None = None, dry_run: bool = False, now: datetime | None = None
    ) -> segments.SegmentReport:
        """RFM and lifecycle tags from the orders; written in batches of their own transaction, so
        stations' pulls are not held behind one long write. `dry_run`: the changes, nothing written."""
        started = time.perf_counter()
        report = segments.SegmentReport()
        with self.reading() as c:
            changed = segments.changes(c, thresholds or Thresholds(), now or _now(), report)
        if not dry_run:
            for start in range(0, len(changed), segments.WRITE_BATCH):
                with self.writing() as c:
                    self._write_first(c)
                    self._put_all(c, {p.Kind.CUSTOMER: changed[start : start + segments.WRITE_BATCH]})
        report.seconds = time.perf_counter() - started
        log.info("customer segments: %d customers, %d changed%s in %.1f s", report.customers, report.changed,
                 " (dry run: nothing written)" if dry_run else "", report.seconds)  # fmt: skip
        return report

    def report_devices(self, name: str, report: p.DeviceReport) -> None:
        """Keep a station's device report (the last one replaces the one before) for the board; the
        station was heard from just now, too."""
        devices = [device.model_dump(mode="json") for device in report.devices]
        now = _now()
        with self.writing() as c:
            c.execute(
                update(m.StationAccount)
                .where(m.StationAccount.name == name)
                .values(devices=devices, devices_at=now, last_seen_at=now)
            )

    def board(self, since: datetime) -> p.BoardPage:
        """Every station's accepted packs and holds since `since` (the supervisors' floor board)."""
        with self.reading() as c:
            return floor_board.board(c, since)

    def claim_segment_run(self, day: str) -> bool:
        """True for the one server process that runs today's segments (the first to claim the day)."""
        try:
            with self.transaction() as s:
                s.add(m.SegmentRun(day=day))
        except IntegrityError:
            return False
        return True

    def event_ids(self) -> list[str]:
        with self._sessions() as s:
            return list(s.scalars(select(m.EventRecord.id)))

    def audit(self, customer: str) -> list[dict[str, Any]]:
        with self._sessions() as s:
            rows = s.scalars(
                select(m.PreferenceAudit)
                .where(m.PreferenceAudit.customer == customer)
                .order_by(m.PreferenceAudit.id)
            ).all()
            return [
                {
                    "field": a.field,
                    "old": a.old,
                    "proposed": a.proposed,
                    "base": a.base,
                    "result": a.result,
                    "decision": a.decision,
                    "source": a.source,
                    "changed_at": a.changed_at.isoformat(),
                }
                for a in rows
            ]

    def count(self, kind: p.Kind) -> int:
        with self._sessions() as s:
            return (
                s.scalar(
                    select(func.count())
                    .select_from(m.Entity)
                    .where(m.Entity.kind == kind.value, ~m.Entity.deleted)
                )
                or 0
            )

    # --- import ---------------------------------------------------------------------------

    def import_documents(self, document: dict[str, Any]) -> p.ImportReport:
        """Load operators, carriers, SKUs, customers, orders, waves and rules (any subset).

        Every entity is validated against the wire contract; broken ones are reported by position and
        skipped, the rest load in one transaction. `deleted: [{kind, key}]` removes entities."""
        unknown = set(document) - set(IMPORT_SECTIONS) - {"deleted"}
        if unknown:
            raise BadImportFile(
                f"unknown sections {sorted(unknown)}: use {sorted(IMPORT_SECTIONS)} and deleted"
            )
        report = p.ImportReport()
        valid: dict[p.Kind, list[tuple[str, dict[str, Any]]]] = {}
        for section, kind in IMPORT_SECTIONS.items():
            items = document.get(section) or []
            if not isinstance(items, list):
                raise BadImportFile(f"{section} must be a list")
            model, key_field = p.ENTITY_MODELS[kind], p.KEY_FIELDS[kind]
            docs = []
            for index, item in enumerate(items):
                try:
                    entity = model.model_validate(item)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(x) for x in first["loc"])
                    report.errors.append(f"{section}[{index}] {where}: {first['msg']}")
                    continue
                dumped = entity.model_dump(mode="json")
                # Served to every station: a value either database or a station cannot take
                # (NaN, a NUL, a 50 MB preference, an integer past 64 bits) stays out.
                problem = p.json_problem(dumped, f"{section}[{index}]")
                if kind is p.Kind.OPERATOR and not problem:
                    # Every station gets it: a hash cheap enough to walk through is refused here.
                    weak = hash_problem(dumped["pin_hash"], dumped["role"])
                    problem = f"{section}[{index}] pin_hash: {weak}" if weak else None
                if problem:
                    report.errors.append(problem)
                    continue
                docs.append((getattr(entity, key_field), dumped))
            valid[kind] = docs
        with self.writing() as c:
            self._write_first(c)
            known_skus = {key for key, _ in valid.get(p.Kind.SKU, [])} | self._keys(c, p.Kind.SKU)
            known_customers = {key for key, _ in valid.get(p.Kind.CUSTOMER, [])} | self._keys(
                c, p.Kind.CUSTOMER
            )
            orders = []
            for key, order in valid.get(p.Kind.ORDER, []):
                missing = sorted({line["sku"] for line in order["lines"]} - known_skus)
                if missing:
                    report.errors.append(f"order {key}: unknown SKU {', '.join(missing)}")
                elif order.get("customer") and order["customer"] not in known_customers:
                    report.errors.append(f"order {key}: unknown customer {order['customer']}")
                else:
                    orders.append((key, order))
            valid[p.Kind.ORDER] = self._keep_station_facts(c, orders)
            documents: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]] = {
                kind: list(valid.get(kind, [])) for kind in p.DEPENDENCY_ORDER
            }
            for item in document.get("deleted") or []:
                try:
                    documents[p.Kind(item["kind"])].append((str(item["key"]), None))
                except (KeyError, ValueError, TypeError):
                    report.errors.append(f"deleted: {item!r} is not {{kind, key}}")
            self._put_all(c, documents)  # one write, rows in lock order (see _put_all)
        report.skus = len(valid.get(p.Kind.SKU, []))
        report.customers = len(valid.get(p.Kind.CUSTOMER, []))
        report.orders = len(valid[p.Kind.ORDER])
        return report

    def _keys(self, c: Connection, kind: p.Kind) -> set[str]:
        return set(c.scalars(select(m.Entity.key).where(m.Entity.kind == kind.value, ~m.Entity.deleted)))

    def _keep_station_facts(
        self, c: Connection, orders: list[tuple[str, dict[str, Any]]]
    ) -> list[tuple[str, dict[str, Any]]]:
        """A shop platform re-sending an order does not undo a pack: packed stays packed (with who
        packed it) unless the platform cancels it. A cancellation of a packed order is a conflict
        for the station that packed it (its parcel must be stopped before hand-off); the station
        puts the parcel on its put-back list when it pulls the cancellation."""
        if not orders:
            return orders
        packed: dict[str, dict[str, Any]] = {}
        for chunk in chunks([key for key, _ in orders], 900):
            for key, data in c.execute(
                select(m.Entity.key, m.Entity.data).where(
                    m.Entity.kind == p.Kind.ORDER.value, m.Entity.key.in_(chunk)
                )
            ):
                if data and data.get("status") in ("packed", "shipped"):
                    packed[key] = data
        kept = []
        for key, order in orders:
            before = packed.get(key)
            if before is not None and before["status"] == "packed" and order["status"] == "cancelled":
                station = before.get("packed_by") or "a station"
                detail = f"order {key} was cancelled after it was packed at {station}: stop the parcel"
                log.warning("%s", detail)
                c.execute(insert(m.Conflict).values(kind="cancelled_after_pack", key=key, station=station,
                                                    event_id="", detail=detail))  # fmt: skip
                order = {**order, "packed_by": before.get("packed_by", ""), "pack_id": before.get("pack_id")}
            elif before is not None and order["status"] not in ("cancelled", "shipped"):
                order = {
                    **order,
                    "status": before["status"],
                    "packed_by": before.get("packed_by", ""),
                    "pack_id": before.get("pack_id"),
                }
            kept.append((key, order))
        return kept

    def import_file(self, name: str, content: bytes) -> p.ImportReport:
        """JSON (the import document) or CSV (orders: one row per line; customers: one row each),
        in UTF-8 or, for CSV, GBK/GB 18030 (what Excel on a Chinese Windows saves, and what shop
        platforms' order exports often are)."""
        text = import_text(name, content)
        if name.lower().endswith(".csv"):
            return self.import_documents(parse_csv(text))
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadImportFile(f"{name}: not JSON (line {exc.lineno}: {exc.msg})") from None
        except RecursionError:
            raise BadImportFile(f"{name}: nested too deep to be an import document") from None
        if not isinstance(document, dict):
            raise BadImportFile(
                f"{name}: the JSON must be an object with sections such as orders and customers"
            )
        return self.import_documents(document)


def _carried_by_an_event(exc: BaseException) -> bool:
    """A failure some event of the batch causes (its data refused by a constraint or a type, or a
    fault applying it), as opposed to the database or its connection failing."""
    # The commit of a pipelined push goes through the driver itself: its errors come unwrapped,
    # named as PEP 249 names them (psycopg's CheckViolation is an IntegrityError).
    names = {cls.__name__ for cls in type(exc).__mro__}
    if isinstance(exc, IntegrityError | DataError) or names & {"IntegrityError", "DataError"}:
        return True
    if isinstance(exc, DBAPIError | OSError):
        return False
    faults = (StatementError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError)
    return isinstance(exc, faults)


REFUSED_WINDOW = timedelta(days=1)
REFUSED_KEPT = 2000  # refused or conflicting events a station may have kept whole in a day


def _payload_keys(events: list[p.Event], field: str) -> list[str]:
    return [str(value) for event in events if isinstance(value := event.payload.get(field), str)]


def open_store(url: str, connections: int = DB_CONNECTIONS) -> ServerStore:
    """The store on the database at `url`, its schema migrated to the newest."""
    engine = make_server_engine(url, connections)
    migrate(engine)
    return ServerStore(engine)
