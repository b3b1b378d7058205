"""What the central server does with its data: serve changes, apply events, import, register stations.

Rules applied to events (docs/SYNC.md has the full text):

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

import csv
import hashlib
import io
import json
import logging
import secrets
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, Text, cast, func, insert, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol as p
from sync.server import models as m

log = logging.getLogger(__name__)

# Import order: what orders refer to comes first, so a station applying a page never meets an order
# whose SKU or customer it has not seen.
IMPORT_ORDER = (
    p.Kind.OPERATOR,
    p.Kind.CARRIER,
    p.Kind.SKU,
    p.Kind.CUSTOMER,
    p.Kind.ORDER,
    p.Kind.WAVE,
    p.Kind.RULE,
)
IMPORT_SECTIONS = {
    "operators": p.Kind.OPERATOR,
    "carriers": p.Kind.CARRIER,
    "skus": p.Kind.SKU,
    "customers": p.Kind.CUSTOMER,
    "orders": p.Kind.ORDER,
    "waves": p.Kind.WAVE,
    "rules": p.Kind.RULE,
}
FUTURE_SLACK = timedelta(minutes=2)
# PostgreSQL advisory lock keys (bigint) fencing in-flight revisions: MARKER_BASE + revision.
MARKER_BASE = 1 << 40
TOKEN_CACHE_S = 10.0


class BadImportFile(ValueError):
    """A file that cannot be imported at all (not JSON/CSV, unknown columns)."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class ServerStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._tokens: dict[str, tuple[str, float]] = {}  # token hash -> (station, valid until)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    # --- revisions ------------------------------------------------------------------------

    @staticmethod
    def _take_revs(s: Session, count: int = 1) -> list[int]:
        """Reserve `count` revisions, ascending.

        SQLite: from the counter row, locked until commit (SQLite has one writer anyway).
        PostgreSQL: from a sequence, without holding anything others wait for, so concurrent pushes
        do not queue behind each other's commits. What keeps a pull from skipping a change that
        commits late is a fence: before taking revisions the transaction takes a shared advisory
        lock at the sequence's next value (at most its own lowest revision), held until it commits
        or rolls back (or its connection dies); pulls stop below the lowest fence (`_watermark`)."""
        if s.get_bind().dialect.name != "postgresql":
            last = s.execute(
                update(m.RevCounter)
                .where(m.RevCounter.id == 1)
                .values(value=m.RevCounter.value + count)
                .returning(m.RevCounter.value)
            ).scalar_one()
            return list(range(int(last) - count + 1, int(last) + 1))
        if count < 1:
            return []
        s.execute(
            text(
                "SELECT pg_advisory_xact_lock_shared("
                ":base + last_value + CASE WHEN is_called THEN 1 ELSE 0 END) FROM entity_rev_seq"
            ),
            {"base": MARKER_BASE},
        )
        revs = s.execute(
            text("SELECT nextval('entity_rev_seq') FROM generate_series(1, :n)"), {"n": count}
        ).scalars()
        return sorted(int(r) for r in revs)

    @staticmethod
    def _watermark(s: Session) -> int | None:
        """The highest revision a pull may hand out now (None: no limit, SQLite): every revision at
        or below it has been handed out and its transaction has ended.

        The sequence is read before the fences: a writer fences before it takes revisions, so one
        whose fence is not seen yet can only take revisions above the value read."""
        if s.get_bind().dialect.name != "postgresql":
            return None
        last = int(
            s.scalar(text("SELECT last_value - CASE WHEN is_called THEN 0 ELSE 1 END FROM entity_rev_seq"))
            or 0
        )
        lowest = s.scalar(
            text(
                "SELECT min((classid::bigint << 32) | objid::bigint) FROM pg_locks "
                "WHERE locktype = 'advisory' AND objsubid = 1 AND granted "
                "AND ((classid::bigint << 32) | objid::bigint) >= :base"
            ),
            {"base": MARKER_BASE},
        )
        return last if lowest is None else min(last, int(lowest) - MARKER_BASE - 1)

    @staticmethod
    def _write_first(s: Session) -> None:
        """On SQLite, take the write lock before reading: a transaction that read first and wrote
        later would fail (not wait) when another writer committed in between. SQLite has one
        writer at a time anyway; PostgreSQL locks rows instead and keeps writers concurrent."""
        if s.get_bind().dialect.name == "sqlite":
            ServerStore._take_revs(s, 0)

    def _put_all(
        self,
        s: Session,
        documents: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]],
        known: Mapping[tuple[p.Kind, str], int | None] | None = None,
    ) -> None:
        """Upsert documents (None = tombstone), each with a fresh revision.

        Lock order, kept by every writer so PostgreSQL never deadlocks: entity rows first (kinds in
        IMPORT_ORDER, keys sorted), the revision counter last, held until commit: so the caller
        writes everything else before this. Taking the counter last keeps its hold short (pushes
        on different orders run side by side until then) and still makes revisions visible in
        order: a cursor never skips a later-committing change. (On PostgreSQL revisions come from a
        sequence and in-flight ones are fenced off from pulls instead: see `_take_revs`.)"""
        prepared = []
        for kind in IMPORT_ORDER:
            docs = list(dict(documents.get(kind) or []).items())  # a key twice: the later wins
            if not docs:
                continue
            existing: dict[str, int] = {}
            # Rows the caller read and locked already: their ids (or absence) are known.
            known = known or {}
            for key, _ in docs:
                if (row_id := known.get((kind, key))) is not None:
                    existing[key] = row_id
            unknown = sorted(key for key, _ in docs if (kind, key) not in known)
            for chunk in _chunks(unknown, 900):
                existing.update(
                    s.execute(
                        select(m.Entity.key, m.Entity.id)
                        .where(m.Entity.kind == kind.value, m.Entity.key.in_(chunk))
                        .with_for_update()
                    ).all()
                )
            prepared.append((kind, docs, existing))
        total = sum(len(docs) for _, docs, _ in prepared)
        if not total:
            return
        revs = iter(self._take_revs(s, total))
        now = _now()
        inserts, updates = [], []
        for kind, docs, existing in prepared:
            for key, data in docs:
                row = {"rev": next(revs), "deleted": data is None, "data": data, "updated_at": now}
                if key in existing:
                    updates.append({"id": existing[key], **row})
                else:
                    inserts.append({"kind": kind.value, "key": key, **row})
        if inserts:
            s.execute(insert(m.Entity), inserts)
        if updates:
            s.execute(update(m.Entity), updates)

    def get(self, kind: p.Kind | str, key: str) -> dict[str, Any] | None:
        with self._sessions() as s:
            return s.scalar(
                select(m.Entity.data).where(m.Entity.kind == p.Kind(kind).value, m.Entity.key == key)
            )

    # --- pull -----------------------------------------------------------------------------

    def _change_rows(self, cursor: str, limit: int, data_column: Any) -> tuple[list[Any], bool, str]:
        try:
            after = int(cursor or 0)
        except ValueError:
            raise ValueError(f"cursor {cursor!r} was not issued by this server") from None
        limit = max(1, min(limit, p.MAX_PULL_PAGE))
        with self._sessions() as s:
            query = select(m.Entity.kind, m.Entity.key, m.Entity.rev, m.Entity.deleted, data_column).where(
                m.Entity.rev > after
            )
            watermark = self._watermark(s)
            if watermark is not None:
                query = query.where(m.Entity.rev <= watermark)
            rows = s.execute(query.order_by(m.Entity.rev).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, more, str(rows[-1][2]) if rows else str(after)

    def changes(self, cursor: str, limit: int) -> p.ChangesPage:
        rows, more, next_cursor = self._change_rows(cursor, limit, m.Entity.data)
        changes = [
            p.Change(kind=p.Kind(kind), key=key, deleted=deleted, data=None if deleted else data)
            for kind, key, _rev, deleted, data in rows
        ]
        return p.ChangesPage(changes=changes, cursor=next_cursor, more=more, server_time=_now())

    def changes_json(self, cursor: str, limit: int) -> bytes:
        """`changes` as the wire's JSON, with each document's stored JSON text spliced in as it is:
        a pull costs no decoding and re-encoding of thousands of documents (the server's main CPU
        cost under many stations). tests/sync checks it equals `changes` field for field."""
        rows, more, next_cursor = self._change_rows(cursor, limit, cast(m.Entity.data, Text))
        dumps = json.dumps
        items = [
            f'{{"kind":"{kind}","key":{dumps(key, ensure_ascii=False)},"deleted":'
            + ('true,"data":null}' if deleted else f'false,"data":{"null" if data is None else data}}}')
            for kind, key, _rev, deleted, data in rows
        ]
        page = (
            f'{{"changes":[{",".join(items)}],"cursor":"{next_cursor}","more":{"true" if more else "false"},'
            f'"server_time":"{_now().isoformat()}"}}'
        )
        return page.encode()

    def head(self) -> int:
        """The newest revision a pull can hand out now: a cursor "up to date" for a new station."""
        with self._sessions() as s:
            watermark = self._watermark(s)
            if watermark is not None:
                return watermark
            return int(s.scalar(select(m.RevCounter.value).where(m.RevCounter.id == 1)) or 0)

    # --- stations -------------------------------------------------------------------------

    def add_station(self, name: str) -> str:
        """Register a station (or issue it a new token, revoking the old one); returns the token."""
        name = name.strip()
        if not name or len(name) > 64:
            raise ValueError("a station name is 1 to 64 characters")
        # A fixed prefix: a token never starts with "-" (a command line would take it for an
        # option) and is recognisable where it should not be (logs, pasted config).
        token = "plt_" + secrets.token_urlsafe(32)
        self._tokens.clear()
        with self.transaction() as s:
            station = s.scalar(select(m.StationAccount).where(m.StationAccount.name == name))
            if station is None:
                s.add(m.StationAccount(name=name, token_hash=hash_token(token)))
            else:
                station.token_hash, station.revoked_at = hash_token(token), None
        return token

    def revoke_station(self, name: str) -> bool:
        self._tokens.clear()
        with self.transaction() as s:
            done = s.execute(
                update(m.StationAccount).where(m.StationAccount.name == name).values(revoked_at=_now())
            )
            return bool(done.rowcount)

    def station_for(self, token: str) -> str | None:
        """The station a token belongs to. Answers are cached for TOKEN_CACHE_S, so a revocation
        made in another server process takes effect within that time (in this one, at once)."""
        token_hash = hash_token(token)
        now_mono = time.monotonic()
        cached = self._tokens.get(token_hash)
        if cached is not None and cached[1] > now_mono:
            return cached[0]
        with self.transaction() as s:
            station = s.scalar(
                select(m.StationAccount).where(
                    m.StationAccount.token_hash == token_hash, m.StationAccount.revoked_at.is_(None)
                )
            )
            if station is None:
                self._tokens.pop(token_hash, None)
                return None
            now = _now()
            if station.last_seen_at is None or now - station.last_seen_at > timedelta(seconds=30):
                station.last_seen_at = now
            name = station.name
        self._tokens[token_hash] = (name, now_mono + TOKEN_CACHE_S)
        return name

    # --- push -----------------------------------------------------------------------------

    def push(self, station: str, events: list[p.Event]) -> list[p.EventResult]:
        """Apply a checked batch in one transaction (the caller ran `refuse_reasons` first)."""
        received = _now()
        results: list[p.EventResult] = []
        with self.transaction() as s:
            self._write_first(s)
            seen: dict[str, p.EventResult] = {}
            ids = [str(event.id) for event in events]
            for chunk in _chunks(ids, 900):
                for record in s.execute(
                    select(m.EventRecord.id, m.EventRecord.outcome, m.EventRecord.reason).where(
                        m.EventRecord.id.in_(chunk)
                    )
                ):
                    seen[record.id] = p.EventResult(
                        id=record.id, outcome=p.Outcome(record.outcome), reason=record.reason, duplicate=True
                    )
            fresh = [event for event in events if str(event.id) not in seen]
            batch = _Batch(self, s)
            customers = _payload_keys(fresh, "customer")
            batch.load(p.Kind.CUSTOMER, customers)  # rows in IMPORT_ORDER, as every writer locks them
            wave_orders = [
                str(no)
                for event in fresh
                if event.type == p.EventType.WAVE_CHANGED and isinstance(event.payload.get("orders"), list)
                for no in event.payload["orders"]
            ]
            batch.load(p.Kind.ORDER, [*_payload_keys(fresh, "order_no"), *wave_orders])
            batch.load_stamps(customers)
            for event in events:
                key = str(event.id)
                if key in seen:
                    results.append(seen[key].model_copy(update={"duplicate": True}))
                    continue
                outcome, reason = self._apply(batch, station, event, received)
                batch.add(
                    m.EventRecord,
                    id=key,
                    type=event.type,
                    station=station,
                    operator=event.operator,
                    occurred_at=event.occurred_at,
                    received_at=received,
                    payload=event.payload,
                    outcome=outcome.value,
                    reason=reason,
                )
                result = p.EventResult(id=event.id, outcome=outcome, reason=reason)
                seen[key] = result
                results.append(result)
            batch.flush()
        return results

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

    def _apply(
        self, batch: _Batch, station: str, event: p.Event, received: datetime
    ) -> tuple[p.Outcome, str]:
        match event.type:
            case p.EventType.ORDER_PACKED:
                return self._order_packed(batch, station, event, p.OrderPacked.model_validate(event.payload))
            case p.EventType.ORDER_HELD:
                held = p.OrderHeld.model_validate(event.payload)
                return self._order_status(batch, held.order_no, "on_hold", hold_reason=held.reason)
            case p.EventType.ORDER_HOLD_RELEASED:
                released = p.OrderHoldReleased.model_validate(event.payload)
                return self._order_status(
                    batch, released.order_no, "new", hold_reason="", only_from="on_hold"
                )
            case p.EventType.CUSTOMER_PREFERENCE:
                change = p.PreferenceChanged.model_validate(event.payload)
                return self._preference(batch, station, event, change, received)
            case p.EventType.WAVE_CHANGED:
                return self._wave_changed(batch, p.WaveChanged.model_validate(event.payload))
            case p.EventType.PICK_CONFIRMED:
                return p.Outcome.ACCEPTED, ""  # kept in the event log: the pick history
            case p.EventType.PICK_SHORT:
                short = p.PickRecorded.model_validate(event.payload)
                detail = (
                    f"short pick in wave {short.wave}: {short.sku} at {short.location or '?'}, "
                    f"{short.picked} of {short.wanted} ({short.reason or 'no reason'}) "
                    f"by {short.picker or station}"
                )
                batch.conflict("short_pick", short.wave, station, event, detail)
                return p.Outcome.ACCEPTED, ""
            case p.EventType.RULE_CHANGED:
                rule = p.RuleChanged.model_validate(event.payload)
                return self._rule_changed(batch, rule)
        return p.Outcome.REJECTED, f"unknown event type {event.type!r}"  # pragma: no cover - checked before

    def _order_packed(
        self, batch: _Batch, station: str, event: p.Event, packed: p.OrderPacked
    ) -> tuple[p.Outcome, str]:
        order = batch.get(p.Kind.ORDER, packed.order_no)
        if order is None:
            return p.Outcome.REJECTED, f"order {packed.order_no} is not known to the server"
        if order.get("status") == "cancelled":
            detail = f"order {packed.order_no} was cancelled before it was packed at {station}: "
            detail += "intercept the parcel"
            batch.conflict("packed_after_cancel", packed.order_no, station, event, detail)
            return p.Outcome.CONFLICT, detail
        if order.get("status") in ("packed", "shipped") and order.get("pack_id") != packed.pack_id:
            other = order.get("packed_by") or "another station"
            detail = f"order {packed.order_no} was already packed at {other}"
            batch.conflict("double_pack", packed.order_no, station, event, detail)
            return p.Outcome.CONFLICT, detail
        order.update(status="packed", packed_by=station, pack_id=packed.pack_id, hold_reason="")
        batch.put(p.Kind.ORDER, packed.order_no, order)
        return p.Outcome.ACCEPTED, ""

    def _order_status(
        self, batch: _Batch, order_no: str, status: str, hold_reason: str, only_from: str | None = None
    ) -> tuple[p.Outcome, str]:
        order = batch.get(p.Kind.ORDER, order_no)
        if order is None:
            return p.Outcome.REJECTED, f"order {order_no} is not known to the server"
        if order.get("status") in ("packed", "shipped", "cancelled") or (
            only_from is not None and order.get("status") != only_from
        ):
            return p.Outcome.ACCEPTED, f"order {order_no} is {order.get('status')}: nothing to change"
        order.update(status=status, hold_reason=hold_reason)
        batch.put(p.Kind.ORDER, order_no, order)
        return p.Outcome.ACCEPTED, ""

    def _preference(
        self, batch: _Batch, station: str, event: p.Event, change: p.PreferenceChanged, received: datetime
    ) -> tuple[p.Outcome, str]:
        customer = batch.get(p.Kind.CUSTOMER, change.customer)
        if customer is None:
            return p.Outcome.REJECTED, f"customer {change.customer} is not known to the server"
        preferences = dict(customer.get("preferences") or {})
        current = preferences.get(change.field)
        # A station clock ahead of ours cannot make its edits win for ever.
        edited_at = min(event.occurred_at, received + FUTURE_SLACK)
        stamp = batch.stamp(change.customer, change.field)
        if _same(change.base, current) or stamp is None:
            decision = "applied"
        elif edited_at >= stamp.changed_at:
            decision = "applied-newer"
        else:
            decision = "kept-newer"
        kept_from = stamp.source if stamp is not None else ""
        result = change.value if decision != "kept-newer" else current
        batch.add(
            m.PreferenceAudit,
            customer=change.customer,
            field=change.field,
            old=current,
            proposed=change.value,
            base=change.base,
            result=result,
            decision=decision,
            source=station,
            event_id=str(event.id),
            changed_at=edited_at,
        )
        if decision != "kept-newer":
            batch.set_stamp(change.customer, change.field, edited_at, station)
            preferences[change.field] = change.value
        customer["preferences"] = preferences
        # Re-served even when ours was kept, so the station that sent it converges on it.
        batch.put(p.Kind.CUSTOMER, change.customer, customer)
        if decision == "kept-newer":
            return p.Outcome.ACCEPTED, f"a newer change of {change.field} from {kept_from} was kept"
        return p.Outcome.ACCEPTED, ""

    @staticmethod
    def _wave_changed(batch: _Batch, wave: p.WaveChanged) -> tuple[p.Outcome, str]:
        wire = p.WaveWire(
            code=wave.code, strategy=wave.strategy, status=wave.status, picker=wave.picker,
            station=wave.station, orders=wave.orders,
        )  # fmt: skip
        batch.put(p.Kind.WAVE, wave.code, wire.model_dump(mode="json"))
        moves = {"released": ("new", "released"), "cancelled": ("released", "new")}.get(wave.status)
        unknown = []
        for order_no in wave.orders:
            order = batch.get(p.Kind.ORDER, order_no)
            if order is None:
                unknown.append(order_no)
            elif moves is not None and order.get("status") == moves[0]:
                order["status"] = moves[1]
                batch.put(p.Kind.ORDER, order_no, order)
        if unknown:
            return p.Outcome.ACCEPTED, f"orders not known to the server: {', '.join(unknown[:5])}"
        return p.Outcome.ACCEPTED, ""

    @staticmethod
    def _rule_changed(batch: _Batch, rule: p.RuleChanged) -> tuple[p.Outcome, str]:
        # The latest edit to arrive wins: rules are edited by few supervisors, rarely at once, and
        # every station shows the list the server settled on after its next pull.
        if rule.deleted:
            existed = batch.get(p.Kind.RULE, rule.code) is not None
            batch.put(p.Kind.RULE, rule.code, None)
            return p.Outcome.ACCEPTED, "" if existed else f"rule {rule.code} was already removed"
        wire = p.RuleWire(
            code=rule.code, position=rule.position, enabled=rule.enabled, definition=rule.definition
        )
        batch.put(p.Kind.RULE, rule.code, wire.model_dump(mode="json"))
        return p.Outcome.ACCEPTED, ""

    def set_preference(self, customer_code: str, field: str, value: Any, source: str = "crm") -> None:
        """A change made in the CRM: stamped now, so later concurrent station edits merge by time."""
        now = _now()
        with self.transaction() as s:
            self._write_first(s)
            batch = _Batch(self, s)
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
            batch.flush()

    # --- reading back ----------------------------------------------------------------------

    def conflicts(self) -> list[p.ConflictWire]:
        with self._sessions() as s:
            rows = s.scalars(select(m.Conflict).order_by(m.Conflict.id)).all()
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
                docs.append((getattr(entity, key_field), entity.model_dump(mode="json")))
            valid[kind] = docs
        with self.transaction() as s:
            self._write_first(s)
            known_skus = {key for key, _ in valid.get(p.Kind.SKU, [])} | self._keys(s, p.Kind.SKU)
            known_customers = {key for key, _ in valid.get(p.Kind.CUSTOMER, [])} | self._keys(
                s, p.Kind.CUSTOMER
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
            valid[p.Kind.ORDER] = self._keep_station_facts(s, orders)
            documents: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]] = {
                kind: list(valid.get(kind, [])) for kind in IMPORT_ORDER
            }
            for item in document.get("deleted") or []:
                try:
                    documents[p.Kind(item["kind"])].append((str(item["key"]), None))
                except (KeyError, ValueError, TypeError):
                    report.errors.append(f"deleted: {item!r} is not {{kind, key}}")
            # One write: every row locked first, then the counter (see _put_all).
            self._put_all(s, documents)
        report.skus = len(valid.get(p.Kind.SKU, []))
        report.customers = len(valid.get(p.Kind.CUSTOMER, []))
        report.orders = len(valid[p.Kind.ORDER])
        return report

    def _keys(self, s: Session, kind: p.Kind) -> set[str]:
        return set(s.scalars(select(m.Entity.key).where(m.Entity.kind == kind.value, ~m.Entity.deleted)))

    def _keep_station_facts(
        self, s: Session, orders: list[tuple[str, dict[str, Any]]]
    ) -> list[tuple[str, dict[str, Any]]]:
        """A shop platform re-sending an order does not undo a pack: packed stays packed (with who
        packed it) unless the platform cancels it."""
        if not orders:
            return orders
        packed: dict[str, dict[str, Any]] = {}
        for chunk in _chunks([key for key, _ in orders], 900):
            for key, data in s.execute(
                select(m.Entity.key, m.Entity.data).where(
                    m.Entity.kind == p.Kind.ORDER.value, m.Entity.key.in_(chunk)
                )
            ):
                if data and data.get("status") in ("packed", "shipped"):
                    packed[key] = data
        kept = []
        for key, order in orders:
            before = packed.get(key)
            if before is not None and order["status"] not in ("cancelled", "shipped"):
                order = {
                    **order,
                    "status": before["status"],
                    "packed_by": before.get("packed_by", ""),
                    "pack_id": before.get("pack_id"),
                }
            kept.append((key, order))
        return kept

    def import_file(self, name: str, content: bytes) -> p.ImportReport:
        """JSON (the import document) or CSV (orders: one row per line; customers: one row each)."""
        text = content.decode("utf-8-sig")
        if name.lower().endswith(".csv"):
            return self.import_documents(parse_csv(text))
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadImportFile(f"{name}: not JSON (line {exc.lineno}: {exc.msg})") from None
        if not isinstance(document, dict):
            raise BadImportFile(
                f"{name}: the JSON must be an object with sections such as orders and customers"
            )
        return self.import_documents(document)


class _Batch:
    """The entities one transaction reads and writes, staged so a push of hundreds of events costs a
    handful of statements instead of several round trips per event.

    Rows are read once, locked (FOR UPDATE on PostgreSQL) and kept; later events in the same batch
    see what earlier ones wrote. `flush` writes every changed document once, each kind with a block of
    fresh revisions, and the audit rows with bulk inserts."""

    def __init__(self, store: ServerStore, s: Session) -> None:
        self.store, self.s = store, s
        self.docs: dict[tuple[p.Kind, str], dict[str, Any] | None] = {}
        self.dirty: dict[tuple[p.Kind, str], None] = {}  # insertion-ordered set
        self.stamps: dict[tuple[str, str], m.PreferenceStamp] = {}
        self.stamped: set[str] = set()  # customers whose stamps are all in `stamps`
        self.new_stamps: list[m.PreferenceStamp] = []
        self.rows: dict[type[m.Base], list[dict[str, Any]]] = {}
        self.ids: dict[tuple[p.Kind, str], int | None] = {}  # row ids of what was loaded (None: no row)

    def load(self, kind: p.Kind, keys: Iterable[str]) -> None:
        wanted = sorted({key for key in keys if (kind, key) not in self.docs})
        for chunk in _chunks(wanted, 900):
            found = self.s.execute(
                select(m.Entity.key, m.Entity.deleted, m.Entity.data, m.Entity.id)
                .where(m.Entity.kind == kind.value, m.Entity.key.in_(chunk))
                .with_for_update()
            ).all()
            for key, deleted, data, row_id in found:
                self.docs[(kind, key)] = None if deleted else data
                self.ids[(kind, key)] = row_id
        for key in wanted:
            self.docs.setdefault((kind, key), None)
            self.ids.setdefault((kind, key), None)
        for key in wanted:
            self.docs.setdefault((kind, key), None)

    def get(self, kind: p.Kind, key: str) -> dict[str, Any] | None:
        """A copy of the current document (None: unknown or deleted)."""
        if (kind, key) not in self.docs:
            self.load(kind, [key])
        data = self.docs[(kind, key)]
        return dict(data) if data is not None else None

    def put(self, kind: p.Kind, key: str, data: dict[str, Any] | None) -> None:
        self.docs[(kind, key)] = data
        self.dirty[(kind, key)] = None

    def load_stamps(self, customers: Iterable[str]) -> None:
        wanted = sorted(set(customers) - self.stamped)
        for chunk in _chunks(wanted, 900):
            for stamp in self.s.scalars(
                select(m.PreferenceStamp).where(m.PreferenceStamp.customer.in_(chunk))
            ):
                self.stamps[(stamp.customer, stamp.field)] = stamp
        self.stamped.update(wanted)

    def stamp(self, customer: str, field: str) -> m.PreferenceStamp | None:
        self.load_stamps([customer])
        return self.stamps.get((customer, field))

    def set_stamp(self, customer: str, field: str, changed_at: datetime, source: str) -> None:
        stamp = self.stamp(customer, field)
        if stamp is None:
            # Not added to the session: new stamps go in with one bulk insert at flush.
            stamp = m.PreferenceStamp(customer=customer, field=field, changed_at=changed_at, source=source)
            self.stamps[(customer, field)] = stamp
            self.new_stamps.append(stamp)
        else:
            stamp.changed_at, stamp.source = max(changed_at, stamp.changed_at), source

    def add(self, model: type[m.Base], **row: Any) -> None:
        self.rows.setdefault(model, []).append(row)

    def conflict(self, kind: str, key: str, station: str, event: p.Event, detail: str) -> None:
        """Record a conflict the office sees (GET /conflicts)."""
        self.add(m.Conflict, kind=kind, key=key, station=station, event_id=str(event.id), detail=detail)

    def flush(self) -> None:
        for stamp in self.new_stamps:
            self.add(
                m.PreferenceStamp,
                customer=stamp.customer,
                field=stamp.field,
                changed_at=stamp.changed_at,
                source=stamp.source,
            )
        for model, rows in self.rows.items():
            self.s.execute(insert(model), rows)
        self.s.flush()  # stamps changed in place, before the counter is taken
        by_kind: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]] = {}
        for kind, key in self.dirty:
            by_kind.setdefault(kind, []).append((key, self.docs[(kind, key)]))
        self.store._put_all(self.s, by_kind, self.ids)  # last: it takes the revisions
        self.dirty.clear()
        self.rows.clear()
        self.new_stamps.clear()


ORDER_COLUMNS = {"order_no", "sku", "quantity"}
CUSTOMER_COLUMNS = {"code", "name"}


def parse_csv(text: str) -> dict[str, Any]:
    """Orders CSV: one row per order line, order columns repeated (order_no, sku, quantity required;
    any OrderWire field as a column). Customers CSV: code and name required; tags `;`-separated."""
    reader = csv.DictReader(io.StringIO(text))
    columns = set(reader.fieldnames or [])
    rows = list(reader)
    if columns >= ORDER_COLUMNS:
        orders: dict[str, dict[str, Any]] = {}
        for row in rows:
            order = orders.setdefault(
                row["order_no"],
                {
                    key: value
                    for key, value in row.items()
                    if key in p.OrderWire.model_fields and key not in ("lines",) and value not in (None, "")
                },
            )
            order.setdefault("lines", []).append(
                {"line_no": len(order["lines"]) + 1, "sku": row["sku"], "quantity": row["quantity"]}
            )
        return {"orders": list(orders.values())}
    if columns >= CUSTOMER_COLUMNS:
        customers = []
        for row in rows:
            customer: dict[str, Any] = {
                k: v for k, v in row.items() if k in p.CustomerWire.model_fields and v
            }
            if "tags" in customer:
                customer["tags"] = [tag.strip() for tag in customer["tags"].split(";") if tag.strip()]
            customers.append(customer)
        return {"customers": customers}
    raise BadImportFile(
        f"CSV columns {sorted(columns)}: an orders file needs {sorted(ORDER_COLUMNS)}, "
        f"a customers file {sorted(CUSTOMER_COLUMNS)}"
    )


def _same(a: Any, b: Any) -> bool:
    return ((a in (None, "", [])) and (b in (None, "", []))) or a == b


def _payload_keys(events: list[p.Event], field: str) -> list[str]:
    return [str(value) for event in events if isinstance(value := event.payload.get(field), str)]


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
