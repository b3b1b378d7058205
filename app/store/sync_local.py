"""The station's side of sync over its own database (the `LocalSide` of sync.client).

Pulled entities are upserted by their natural keys (order number, SKU code, customer code, badge)
because local rows are referenced by packs, print jobs and waves: an order is updated in place,
never deleted and re-inserted. What the station knows better than the server is kept:
an order packed here stays packed until the server has heard about it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from app.core.barcodes import lookup_key
from app.core.model import PACKABLE, PACKED_OR_SHIPPED, OrderStatus, PackStatus, WaveStatus
from app.store import models as m
from app.store import outbox
from app.store.db import Database
from app.store.errors import classify
from app.store.print_jobs import void_labels_in
from app.store.settings_store import load_settings
from app.store.stopped_parcels import add_parcel_interception
from app.store.stored_keys import CARRIER_PICKUPS_KEY, CARRIERS_KEY, CARRIERS_ROUTED_KEY, RULE_PREFIX
from sync import protocol as p
from sync.local_side import MAX_ASIDE_DATA, UnstorablePage

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.cursor"
TOKEN_KEY = "sync.token"
CHECKED_KEY = "sync.checked_at"  # when the end-of-sync check last ran to its end
LOCAL_FACTS = PACKED_OR_SHIPPED


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(items: list[Any], size: int = 900) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


PULLED_PREFIX = "pulled:"  # the exception list's ids of pulled changes set aside


@dataclass(frozen=True)
class SyncException:
    """An event the server refused or answered with a conflict, or a change the server sent that
    this station could not take, as the exception list shows it."""

    id: str
    type: str
    subject: str  # the order number or customer code it is about
    created_at: datetime
    reason: str
    resolved_at: datetime | None = None
    resolved_by: str = ""
    resolution: str = ""

    @classmethod
    def of(cls, event: m.OutboxEvent, resolver: str) -> SyncException:
        payload = event.payload or {}
        return cls(
            id=event.id,
            type=event.type,
            subject=str(payload.get("order_no") or payload.get("customer") or ""),
            created_at=event.created_at,
            reason=event.last_error,
            resolved_at=event.resolved_at,
            resolved_by=resolver,
            resolution=event.resolution,
        )

    @classmethod
    def pulled(cls, row: m.PulledAside, resolver: str) -> SyncException:
        return cls(
            id=f"{PULLED_PREFIX}{row.id}",
            type=f"pulled.{row.kind}",
            subject=row.key,
            created_at=row.seen_at,
            reason=row.reason,
            resolved_at=row.resolved_at,
            resolved_by=resolver,
            resolution=row.resolution,
        )


class StationSyncStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- configuration --------------------------------------------------------------------

    def token(self) -> str:
        return self._setting(TOKEN_KEY) or ""

    def save_token(self, token: str) -> None:
        self._set(TOKEN_KEY, token)

    def cursor(self) -> str:
        return str(self._setting(CURSOR_KEY) or "")

    def _setting(self, key: str) -> Any:
        with self.db.session() as s:
            return s.scalar(select(m.Setting.value).where(m.Setting.key == key))

    def _set(self, key: str, value: Any) -> None:
        with self.db.session() as s, s.begin():
            s.merge(m.Setting(key=key, value=value, updated_at=_now()))

    # --- push -----------------------------------------------------------------------------

    def pending_events(self, limit: int) -> list[dict[str, Any]]:
        # Columns, not ORM instances: a push of 10,000 events spent a sixth of its time building
        # and tracking objects that are only read once.
        event = m.OutboxEvent
        with self.db.session() as s:
            rows = s.execute(
                select(
                    event.id,
                    event.type,
                    event.station,
                    m.Operator.badge_code,
                    event.created_at,
                    event.payload,
                )
                .outerjoin(m.Operator, m.Operator.id == event.operator_id)
                .where(event.sent_at.is_(None), event.needs_attention.is_(False))
                .order_by(event.created_at, event.id)
                .limit(limit)
            ).all()
            return [
                {
                    "id": event_id,
                    "type": kind,
                    "station": station,
                    "operator": badge,
                    "occurred_at": created_at.isoformat(),
                    "payload": payload,
                }
                for event_id, kind, station, badge, created_at, payload in rows
            ]

    def record_results(self, results: list[p.EventResult]) -> None:
        now = _now()
        with self.db.session() as s, s.begin():
            accepted = [str(r.id) for r in results if r.outcome is p.Outcome.ACCEPTED]
            for chunk in _chunks(accepted):
                s.execute(
                    update(m.OutboxEvent)
                    .where(m.OutboxEvent.id.in_(chunk))
                    .values(sent_at=now, attempts=m.OutboxEvent.attempts + 1, last_error="")
                )
            for result in results:
                if result.outcome is not p.Outcome.ACCEPTED:
                    s.execute(
                        update(m.OutboxEvent)
                        .where(m.OutboxEvent.id == str(result.id))
                        .values(
                            sent_at=now,
                            attempts=m.OutboxEvent.attempts + 1,
                            needs_attention=True,
                            last_error=f"{result.outcome.value}: {result.reason}",
                        )
                    )
                    log.warning("server %s event %s: %s", result.outcome.value, result.id, result.reason)

    def set_aside(self, errors: dict[str, str]) -> None:
        with self.db.session() as s, s.begin():
            for event_id, reason in errors.items():
                s.execute(
                    update(m.OutboxEvent)
                    .where(m.OutboxEvent.id == event_id)
                    .values(
                        needs_attention=True,
                        last_error=f"refused: {reason}",
                        attempts=m.OutboxEvent.attempts + 1,
                    )
                )
                log.error("server refused event %s as malformed: %s", event_id, reason)

    def pending_count(self) -> int:
        with self.db.session() as s:
            return outbox.pending_count(s)

    def attention(self, include_resolved: bool = False, limit: int = 500) -> list[SyncException]:
        """Events the server did not accept, and changes it sent that this station could not
        take: the station's exception list, newest first."""
        query = (
            select(m.OutboxEvent, m.Operator.name)
            .outerjoin(m.Operator, m.Operator.id == m.OutboxEvent.resolved_by)
            .where(m.OutboxEvent.needs_attention.is_(True))
            .order_by(m.OutboxEvent.created_at.desc())
            .limit(limit)
        )
        pulled = (
            select(m.PulledAside, m.Operator.name)
            .outerjoin(m.Operator, m.Operator.id == m.PulledAside.resolved_by)
            .order_by(m.PulledAside.seen_at.desc())
            .limit(limit)
        )
        if not include_resolved:
            query = query.where(m.OutboxEvent.resolved_at.is_(None))
            pulled = pulled.where(m.PulledAside.resolved_at.is_(None))
        with self.db.session() as s:
            items = [SyncException.of(event, resolver or "") for event, resolver in s.execute(query)]
            items += [SyncException.pulled(row, resolver or "") for row, resolver in s.execute(pulled)]
        items.sort(key=lambda item: item.created_at, reverse=True)
        return items[:limit]

    def attention_count(self) -> int:
        with self.db.session() as s:
            aside = s.scalar(
                select(func.count()).select_from(m.PulledAside).where(m.PulledAside.resolved_at.is_(None))
            )
            return outbox.attention_count(s) + (aside or 0)

    def resolve(self, event_id: str, operator_id: int | None, decision: str) -> bool:
        """A person dealt with it (rang the customer, pulled the parcel...): recorded, never deleted."""
        decision = decision.strip()
        if not decision:
            raise ValueError("say what was done about it")
        if event_id.startswith(PULLED_PREFIX):
            return self._resolve_pulled(int(event_id.removeprefix(PULLED_PREFIX)), operator_id, decision)
        with self.db.session() as s, s.begin():
            done = s.execute(
                update(m.OutboxEvent)
                .where(
                    m.OutboxEvent.id == event_id,
                    m.OutboxEvent.needs_attention.is_(True),
                    m.OutboxEvent.resolved_at.is_(None),
                )
                .values(resolved_at=_now(), resolved_by=operator_id, resolution=decision[:500])
            )
        if done.rowcount:
            log.info("sync exception %s resolved by operator %s: %s", event_id, operator_id, decision)
        return bool(done.rowcount)

    def _resolve_pulled(self, row_id: int, operator_id: int | None, decision: str) -> bool:
        with self.db.session() as s, s.begin():
            done = s.execute(
                update(m.PulledAside)
                .where(m.PulledAside.id == row_id, m.PulledAside.resolved_at.is_(None))
                .values(resolved_at=_now(), resolved_by=operator_id, resolution=decision[:500])
            )
        if done.rowcount:
            log.info("pulled change %s set aside resolved by operator %s: %s", row_id, operator_id, decision)
        return bool(done.rowcount)

    # --- the end-of-sync check ---------------------------------------------------------------

    def check_due(self) -> bool:
        last = self._setting(CHECKED_KEY)
        if not last:
            return True
        try:
            when = datetime.fromisoformat(str(last))
        except ValueError:
            return True
        return (_now() - when).total_seconds() >= p.CHECK_EVERY_S

    def checked(self) -> None:
        self._set(CHECKED_KEY, _now().isoformat())

    def key_summary(self) -> dict[p.Kind, p.KindCheck]:
        """What this station has taken of each checked kind, as the server's check counts it."""
        with self.db.session() as s:
            rows = s.execute(select(m.SyncedKey.kind, m.SyncedKey.key, m.SyncedKey.deleted))
            return p.kind_checks(rows)

    def keys_to_repair(self, theirs: p.KindKeys) -> tuple[list[str], list[str]]:
        """Keys of a kind whose state here is not the server's: (to pull again, held here but
        unknown to the server). Changes set aside and still open are known already: not pulled
        again (the server's next revision of them comes by itself)."""
        kind = theirs.kind.value
        with self.db.session() as s:
            mine = dict(
                s.execute(select(m.SyncedKey.key, m.SyncedKey.deleted).where(m.SyncedKey.kind == kind)).all()
            )
            aside = set(
                s.scalars(
                    select(m.PulledAside.key).where(
                        m.PulledAside.kind == kind, m.PulledAside.resolved_at.is_(None)
                    )
                )
            )
        wanted = [key for key in theirs.live if mine.get(key, True) and key not in aside]
        wanted += [key for key in theirs.gone if mine.get(key) is False and key not in aside]
        known = {*theirs.live, *theirs.gone}
        unknown = [key for key in mine if key not in known]
        return wanted, unknown

    def dangling(self) -> dict[p.Kind, list[str]]:
        """What this station's orders name but it does not hold: an order's customer, a line's SKU."""
        with self.db.session() as s:
            customers = s.scalars(
                select(m.Order.customer_code)
                .where(m.Order.customer_code.is_not(None), m.Order.customer_id.is_(None))
                .distinct()
            ).all()
            skus = s.scalars(select(m.PendingOrderLine.sku_code).distinct()).all()
        found = {p.Kind.CUSTOMER: sorted(c for c in customers if c), p.Kind.SKU: sorted(skus)}
        return {kind: keys for kind, keys in found.items() if keys}

    def apply_repair(self, page: dict[str, Any]) -> tuple[int, int]:
        """Entities pulled again by key: written as a page is, the cursor left where it is."""
        page = {**page, "cursor": self.cursor()}
        prepared = prepare_page(page)
        try:
            return self.apply_prepared(prepared)
        except UnstorablePage:
            return self.apply_in_parts(page)

    # --- waybill numbers for split shipments ------------------------------------------------

    def waybills_wanted(self) -> dict[str, int]:
        """The carriers of the orders still to pack whose numbers here are down to half or fewer
        of the station's `waybill_reserve`, each with that number to hold."""
        keep = load_settings(self.db).waybill_reserve
        if keep <= 0:
            return {}
        with self.db.session() as s:
            carriers = s.scalars(
                select(m.Order.carrier).where(m.Order.status.in_(PACKABLE), m.Order.carrier != "").distinct()
            ).all()
            held = dict(
                s.execute(
                    select(m.WaybillReserve.carrier, func.count())
                    .where(m.WaybillReserve.used_at.is_(None))
                    .group_by(m.WaybillReserve.carrier)
                ).all()
            )
        return {c: keep for c in sorted(carriers) if held.get(c, 0) <= keep // 2}

    def keep_waybills(self, carrier: str, numbers: list[str]) -> int:
        """The numbers the server holds for this station; ones already here (used or not) stay."""
        with self.db.session() as s, s.begin():
            known = set(
                s.scalars(select(m.WaybillReserve.waybill_no).where(m.WaybillReserve.waybill_no.in_(numbers)))
            )
            new = [n for n in dict.fromkeys(numbers) if n not in known]
            if new:
                s.execute(
                    insert(m.WaybillReserve),
                    [{"waybill_no": n, "carrier": carrier, "received_at": _now()} for n in new],
                )
        if new:
            log.info("%d waybill number(s) for %s set aside here by the server", len(new), carrier)
        return len(new)

    # --- pull -----------------------------------------------------------------------------

    @staticmethod
    def prepare_page(page: dict[str, Any]) -> PreparedPage:
        """What needs no database; the sync engine may run it in another process while this one
        writes the page before (it is pickled by name, so it stays a plain function)."""
        return prepare_page(page)

    def apply_prepared(self, page: PreparedPage) -> tuple[int, int]:
        """Write a prepared page, what it set aside and its cursor in one transaction; returns how
        many changes went in and how many were set aside."""
        try:
            with self.db.session() as s, s.begin():
                _write_page(s, page)
                _keep_aside(s, page.set_aside)
                s.merge(m.Setting(key=CURSOR_KEY, value=page.cursor, updated_at=_now()))
        except (DBAPIError, OverflowError) as exc:
            if not _refused_data(exc):
                raise
            raise UnstorablePage(_reason(exc)) from exc
        return page.count, len(page.set_aside)

    def apply_in_parts(self, page: dict[str, Any]) -> tuple[int, int]:
        """A page the database refused whole, in halves and halves of those (in the server's
        order, each part its own transaction) until each change that will not go in is alone and
        set aside: a few transactions for one bad change in thousands. Then the cursor."""
        aside: list[dict[str, Any]] = list(page.get("set_aside", ()))

        def attempt(changes: list[dict[str, Any]]) -> None:
            part = prepare_page({**page, "changes": changes, "set_aside": []})
            try:
                with self.db.session() as s, s.begin():
                    _write_page(s, part)
                return
            except (DBAPIError, OverflowError) as exc:
                if not _refused_data(exc):
                    raise
                if len(changes) > 1:
                    middle = len(changes) // 2
                    attempt(changes[:middle])
                    attempt(changes[middle:])
                    return
                change = changes[0]
                reason = f"the station's database refused it: {_reason(exc)}"
                text = json.dumps(change, ensure_ascii=False, default=str)
                aside.append({"kind": change["kind"], "key": change["key"], "reason": reason, "data": text})

        if page["changes"]:
            attempt(page["changes"])
        with self.db.session() as s, s.begin():
            _keep_aside(s, aside)
            s.merge(m.Setting(key=CURSOR_KEY, value=page["cursor"], updated_at=_now()))
        refused = len(aside) - len(page.get("set_aside", ()))
        return len(page["changes"]) - refused, len(aside)


CUSTOMER_COLUMNS = (  # the wire's names too, and updated_at (ours)
    "code",
    "name",
    "phone",
    "tier",
    "tags",
    "birthday",
    "preferences",
    "order_count",
    "lifetime_value_cents",
    "returns_count",
    "last_problem",
    "last_problem_at",
    "updated_at",
)
ORDER_COLUMNS = (  # the wire's names too, and updated_at (ours)
    "order_no",
    "channel",
    "status",
    "paid_at",
    "ship_by",
    "carrier",
    "waybill_no",
    "extra_waybills",
    "receiver_name",
    "receiver_phone",
    "province",
    "city",
    "district",
    "address",
    "buyer_note",
    "seller_note",
    "amount_cents",
    "hold_reason",
    "routing",
    "pack",
    "shipment",
    "updated_at",
)
# The engine's own dialect class: the values prepared elsewhere are what an ORM write would store.
_SQLITE = sqlite.dialect()


@dataclass(frozen=True)
class PreparedPage:
    """A pulled page made ready to write, by plain computation (picklable, no database): the last
    change per key, and customers, orders and lines as rows of stored values (bind-processed as
    their columns would do), so writing them is SQLite statements only. The other kinds are few;
    they keep their entities."""

    cursor: str
    count: int
    entities: dict[p.Kind, list[p.Change]]
    customers: list[tuple[Any, ...]]  # CUSTOMER_COLUMNS
    customers_gone: list[str]
    orders: list[tuple[Any, ...]]  # ORDER_COLUMNS, then the customer's code
    orders_gone: list[str]
    lines: list[tuple[Any, ...]]  # line_no, quantity, custom_fields, then the SKU code and order no
    set_aside: list[dict[str, Any]] = field(default_factory=list)  # kind, key, reason, data


def prepare_page(page: dict[str, Any]) -> PreparedPage:
    """`page`: as sync.client pulls it, plain values checked against the contract."""
    by_kind: dict[str, dict[str, dict[str, Any]]] = {}
    for change in page["changes"]:  # the last change of a key is the one that counts
        by_kind.setdefault(change["kind"], {})[change["key"]] = change
    customers = by_kind.pop(p.Kind.CUSTOMER, {})
    orders = by_kind.pop(p.Kind.ORDER, {})
    now = _now()
    stored_customers = _stored(m.Customer.__table__, CUSTOMER_COLUMNS)
    customer_values = itemgetter(*CUSTOMER_COLUMNS[:-1])  # the wire's names; updated_at is ours
    customer_rows = [
        stored_customers((*customer_values(_data(change)), now))
        for change in customers.values()
        if not change["deleted"]
    ]
    stored_orders = _stored(m.Order.__table__, ORDER_COLUMNS)
    order_values = itemgetter(*ORDER_COLUMNS[:-1])
    order_rows, lines = [], []
    for order_no, change in orders.items():
        if change["deleted"]:
            continue
        order = _data(change)
        order_rows.append((*stored_orders((*order_values(order), now)), order["customer"]))
        for line in order["lines"]:
            custom = line["custom_fields"]
            fields = json.dumps(custom, ensure_ascii=False) if custom else "{}"
            lines.append((line["line_no"], line["quantity"], fields, line["sku"], order_no))
    return PreparedPage(
        cursor=page["cursor"],
        count=len(page["changes"]),
        # Few of them: as entities, for the code that applies them one by one.
        entities={
            p.Kind(kind): [p.CHANGE.validate_python(change) for change in changes.values()]
            for kind, changes in by_kind.items()
        },
        customers=customer_rows,
        customers_gone=[key for key, change in customers.items() if change["deleted"]],
        orders=order_rows,
        orders_gone=[key for key, change in orders.items() if change["deleted"]],
        lines=lines,
        set_aside=list(page.get("set_aside", ())),
    )


def _write_page(s: Session, page: PreparedPage) -> None:
    # Within a page the server's order is kept per kind, and kinds go in dependency order.
    for kind in p.DEPENDENCY_ORDER:
        if kind is p.Kind.CUSTOMER:
            _write_customers(s, page)
        elif kind is p.Kind.ORDER:
            _write_orders(s, page)
        elif page.entities.get(kind):
            APPLY[kind](s, page.entities[kind])
    _record_keys(s, page)
    _resolve_aside(s, page)


_RECORD_KEYS = (
    "INSERT INTO synced_keys (kind, key, deleted) SELECT ?, value, ? FROM json_each(?) WHERE true"
    " ON CONFLICT (kind, key) DO UPDATE SET deleted = excluded.deleted"
)


def _page_keys(page: PreparedPage) -> dict[str, tuple[list[str], list[str]]]:
    """The keys a page brings of each kind: (live, deleted)."""
    keys = {
        p.Kind.CUSTOMER.value: ([row[0] for row in page.customers], page.customers_gone),
        p.Kind.ORDER.value: ([row[0] for row in page.orders], page.orders_gone),
    }
    for kind, changes in page.entities.items():
        keys[kind.value] = (
            [change.key for change in changes if not change.deleted],
            [change.key for change in changes if change.deleted],
        )
    return keys


def _record_keys(s: Session, page: PreparedPage) -> None:
    connection = s.connection()
    for kind, (live, gone) in _page_keys(page).items():
        for keys, deleted in ((live, False), (gone, True)):
            if keys:
                connection.exec_driver_sql(
                    _RECORD_KEYS, (kind, deleted, json.dumps(keys, ensure_ascii=False))
                )


def _resolve_aside(s: Session, page: PreparedPage) -> None:
    """Changes set aside before whose entity this page brings again, and which went in: the
    server's newer revision replaced what could not be taken."""
    aside = m.PulledAside
    open_rows = s.execute(select(aside.id, aside.kind, aside.key).where(aside.resolved_at.is_(None))).all()
    if not open_rows:  # the usual case: one indexed look
        return
    keys = {kind: {*live, *gone} for kind, (live, gone) in _page_keys(page).items()}
    done = [row_id for row_id, kind, key in open_rows if key in keys.get(kind, ())]
    if done:
        s.execute(
            update(m.PulledAside)
            .where(m.PulledAside.id.in_(done))
            .values(resolved_at=_now(), resolution="replaced by the server's next revision")
        )
        log.info("%d change(s) set aside before were replaced by the server's next revision", len(done))


def _keep_aside(s: Session, aside: list[dict[str, Any]]) -> None:
    now = _now()
    for item in aside:
        s.add(
            m.PulledAside(
                kind=item["kind"],
                key=item["key"],
                reason=item["reason"][:2000],
                data=item.get("data", "")[:MAX_ASIDE_DATA],
                seen_at=now,
            )
        )
        log.error("pulled %s %s set aside: %s", item["kind"], item["key"], item["reason"])


def _refused_data(exc: BaseException) -> bool:
    """The database refused the data (a constraint, a value it cannot hold), as opposed to the
    disk or the file failing, which no part of the page would get past."""
    if isinstance(exc, OverflowError):
        return True
    if isinstance(exc, StatementError) and isinstance(exc.orig, OverflowError | ValueError | TypeError):
        return True
    return isinstance(exc, IntegrityError | DataError) and classify(exc) is None


def _reason(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).splitlines()[0][:300]


def _data(change: dict[str, Any]) -> dict[str, Any]:
    if change["data"] is None:  # as p.Change.entity() says it
        raise ValueError(f"{change['kind']} {change['key']}: the server sent a change without its data")
    data: dict[str, Any] = change["data"]
    return data


def _stored(table: Any, columns: tuple[str, ...]) -> Any:
    """A function turning a row of Python values into the values SQLite stores for `columns`."""
    processors = [table.c[name].type.dialect_impl(_SQLITE).bind_processor(_SQLITE) for name in columns]
    converting = [(i, proc) for i, proc in enumerate(processors) if proc is not None]

    def stored(row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for i, proc in converting:
            values[i] = proc(values[i])
        return tuple(values)

    return stored


def _upsert_sql(table: str, columns: tuple[str, ...], key: str, values: str, **overrides: str) -> str:
    """INSERT, or UPDATE the row with the same natural key: one statement for new and known rows."""
    sets = ", ".join(f"{c} = {overrides.get(c, 'excluded.' + c)}" for c in columns if c != key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"
        f" ON CONFLICT ({key}) DO UPDATE SET {sets}"
    )


_CUSTOMER_UPSERT = _upsert_sql(
    "customers", CUSTOMER_COLUMNS, "code", ", ".join("?" for _ in CUSTOMER_COLUMNS)
)
_LOCAL_FACTS_SQL = ", ".join(f"'{status}'" for status in LOCAL_FACTS)
_ORDER_UPSERT = _upsert_sql(
    "orders",
    (*ORDER_COLUMNS, "customer_id", "customer_code"),
    "order_no",
    ", ".join("?" for _ in ORDER_COLUMNS) + ", (SELECT id FROM customers WHERE code = ?), ?",
    # Packed here and the server has not heard yet: the local fact stands until it has.
    status=f"CASE WHEN orders.status IN ({_LOCAL_FACTS_SQL})"
    f" AND excluded.status NOT IN ({_LOCAL_FACTS_SQL}, 'cancelled')"
    " THEN orders.status ELSE excluded.status END",
)
# The serials other stations shipped, from the server's pack records of the orders just pulled.
_FLOOR_SERIALS = (
    "INSERT OR IGNORE INTO floor_serials (sku_code, serial, order_no)"
    " SELECT json_extract(u.value, '$.sku'), json_extract(u.value, '$.serial'), o.order_no"
    " FROM orders o, json_each(o.pack, '$.units') u"
    " WHERE o.order_no IN (SELECT value FROM json_each(?)) AND o.pack IS NOT NULL"
    " AND coalesce(json_extract(u.value, '$.serial'), '') != ''"
)
# The parcels of the orders just pulled as the server's pack record has them (its waybills, their
# weights, the numbers voided since): the dock knows a parcel packed at any station.
_FLOOR_PARCELS_CLEAR = "DELETE FROM floor_parcels WHERE order_no IN (SELECT value FROM json_each(?))"
_FLOOR_PARCELS = (
    "INSERT OR IGNORE INTO floor_parcels (waybill_no, order_no, parcel_no, carrier, weight_g, voided)"
    " SELECT json_extract(w.value, '$.waybill_no'), o.order_no, coalesce(json_extract(w.value, '$.no'), 1),"
    " coalesce(json_extract(w.value, '$.carrier'), o.carrier), json_extract(w.value, '$.weight_g'),"
    " EXISTS (SELECT 1 FROM json_each(o.pack, '$.voided') v"
    "  WHERE v.value = json_extract(w.value, '$.waybill_no'))"
    " FROM orders o, json_each(o.pack, '$.waybills') w"
    " WHERE o.order_no IN (SELECT value FROM json_each(?)) AND o.pack IS NOT NULL"
    " AND coalesce(json_extract(w.value, '$.waybill_no'), '') != ''"
)
_ORDER_LINES_CLEAR = (
    "DELETE FROM order_lines WHERE order_id IN"
    " (SELECT id FROM orders WHERE order_no IN (SELECT value FROM json_each(?)))"
)
_ORDER_LINE_INSERT = (
    "INSERT INTO order_lines (order_id, line_no, sku_id, quantity, custom_fields) VALUES (?, ?, ?, ?, ?)"
)
_PENDING_LINES_CLEAR = "DELETE FROM pending_order_lines WHERE order_no IN (SELECT value FROM json_each(?))"
_PENDING_LINE_INSERT = (
    "INSERT INTO pending_order_lines (order_no, line_no, sku_code, quantity, custom_fields)"
    " VALUES (?, ?, ?, ?, ?)"
)
# Orders that named a customer this station did not have yet, linked now that it has arrived.
_LINK_CUSTOMERS = (
    "UPDATE orders SET customer_id = (SELECT id FROM customers WHERE code = orders.customer_code)"
    " WHERE customer_id IS NULL AND customer_code IN (SELECT value FROM json_each(?))"
)
# Lines that waited for their SKU, made order lines now that it has arrived.
_RESOLVE_LINES = (
    "INSERT INTO order_lines (order_id, line_no, sku_id, quantity, custom_fields)"
    " SELECT o.id, p.line_no, k.id, p.quantity, p.custom_fields FROM pending_order_lines p"
    " JOIN orders o ON o.order_no = p.order_no JOIN skus k ON k.code = p.sku_code"
    " WHERE p.sku_code IN (SELECT value FROM json_each(?))"
)
_RESOLVED_LINES_CLEAR = (
    "DELETE FROM pending_order_lines WHERE sku_code IN (SELECT value FROM json_each(?))"
    " AND sku_code IN (SELECT code FROM skus)"
)


def _write_customers(s: Session, page: PreparedPage) -> None:
    connection = s.connection()
    if page.customers:
        connection.exec_driver_sql(_CUSTOMER_UPSERT, page.customers)
        codes = [row[0] for row in page.customers]
        connection.exec_driver_sql(_LINK_CUSTOMERS, (json.dumps(codes, ensure_ascii=False),))
    if page.customers_gone:  # personal data erased; the row stays for the orders that point at it
        s.execute(
            update(m.Customer)
            .where(m.Customer.code.in_(page.customers_gone))
            .values(name="", phone="", preferences={}, tags=[], birthday=None)
        )


def _write_orders(s: Session, page: PreparedPage) -> None:
    connection = s.connection()
    if page.orders:
        _warn_unknown_customers(s, page)
        _intercept_packed_parcels(s, [row[0] for row in page.orders if row[_STATUS] == OrderStatus.CANCELLED])
        connection.exec_driver_sql(_ORDER_UPSERT, [(*row, row[-1]) for row in page.orders])
        numbers = [row[0] for row in page.orders]
        connection.exec_driver_sql(_ORDER_LINES_CLEAR, (json.dumps(numbers, ensure_ascii=False),))
        connection.exec_driver_sql(_FLOOR_SERIALS, (json.dumps(numbers, ensure_ascii=False),))
        connection.exec_driver_sql(_FLOOR_PARCELS_CLEAR, (json.dumps(numbers, ensure_ascii=False),))
        connection.exec_driver_sql(_FLOOR_PARCELS, (json.dumps(numbers, ensure_ascii=False),))
        connection.exec_driver_sql(_PENDING_LINES_CLEAR, (json.dumps(numbers, ensure_ascii=False),))
        # The ids mapped here, not by a sub-select per line: half the time of SQLite's share.
        order_ids = _ids(s, m.Order.id, m.Order.order_no, numbers)
        sku_ids = _ids(s, m.Sku.id, m.Sku.code, sorted({line[3] for line in page.lines}))
        lines, pending = [], []
        for line_no, quantity, fields, sku, order_no in page.lines:
            if sku in sku_ids:
                lines.append((order_ids[order_no], line_no, sku_ids[sku], quantity, fields))
            else:
                pending.append((order_no, line_no, sku, quantity, fields))
        if lines:
            connection.exec_driver_sql(_ORDER_LINE_INSERT, lines)
        if pending:
            # Its SKU's newer revision is on a later page: the line becomes whole when it comes.
            log.info("%d order line(s) wait for SKUs not here yet", len(pending))
            connection.exec_driver_sql(_PENDING_LINE_INSERT, pending)
    if page.orders_gone:  # packs and print jobs point at it: it stays, but can no longer be packed
        s.execute(
            update(m.Order)
            .where(m.Order.order_no.in_(page.orders_gone), m.Order.status.not_in(LOCAL_FACTS))
            .values(status=OrderStatus.CANCELLED, updated_at=_now())
        )


_STATUS = ORDER_COLUMNS.index("status")


def _intercept_packed_parcels(s: Session, cancelled: list[str]) -> None:
    """Orders packed at this station that the server now says are cancelled: their parcels are
    still in the building until handed off, so each goes on the put-back list (stage "packed":
    take the parcel back, put the goods back) and its label is voided (the waybill released).
    Read before the pull overwrites the local status; once per order."""
    if not cancelled:
        return
    parcels = s.execute(
        select(m.Order.id, m.Order.order_no, m.PackSession.station)
        .join(m.PackSession, m.PackSession.order_id == m.Order.id)
        .where(
            m.Order.order_no.in_(cancelled),
            m.Order.status == OrderStatus.PACKED,
            m.PackSession.status == PackStatus.PACKED,
            m.Order.order_no.not_in(select(m.Interception.order_no).where(m.Interception.stage == "packed")),
        )
    ).all()
    for order_id, order_no, station in parcels:
        log.warning(
            "order %s was cancelled after it was packed here: its parcel is to be taken back", order_no
        )
        add_parcel_interception(s, order_id, order_no, station, OrderStatus.CANCELLED.value)
        order = s.get(m.Order, order_id)
        if order is not None:  # its label's waybill is released: the parcel never ships on it
            void_labels_in(s, order, OrderStatus.CANCELLED.value, station, None)


def _warn_unknown_customers(s: Session, page: PreparedPage) -> None:
    """An order naming a customer this station does not have yet keeps the customer's code and is
    linked when the customer arrives (a later page); said, for the log."""
    customers = {row[-1] for row in page.orders if row[-1]}
    missing = customers - set(_ids(s, m.Customer.id, m.Customer.code, sorted(customers)))
    if missing:
        log.info(
            "%d order(s) wait for customers not here yet", sum(1 for row in page.orders if row[-1] in missing)
        )


def _ids(s: Session, column: Any, key_column: Any, keys: list[str]) -> dict[str, int]:
    """`column` by `key_column` for the keys that exist."""
    return dict(_lookup(s, key_column, keys, column))


def _lookup(s: Session, key_column: Any, keys: list[str], *columns: Any) -> list[Any]:
    """Rows (key, *columns) for the keys that exist. The keys go as one JSON array read by SQLite's
    json_each: one statement whatever their number, half the time of chunks of 900 bound
    parameters (SQLAlchemy rewrites such a statement for every chunk)."""
    if not keys:
        return []
    names = ", ".join(column.name for column in (key_column, *columns))
    statement = (
        f"SELECT {names} FROM {key_column.table.name}"
        f" WHERE {key_column.name} IN (SELECT value FROM json_each(?))"
    )
    return s.connection().exec_driver_sql(statement, (json.dumps(keys, ensure_ascii=False),)).all()


def _bulk_insert(s: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows straight through the driver: each value goes through its column type's own
    bind processing (the same stored form as an ORM insert), without SQLAlchemy's per-row
    statement machinery, which cost more than SQLite's insert itself on a first pull."""
    if not rows:
        return
    connection = s.connection()
    dialect = connection.dialect
    given = list(rows[0])
    # Columns the rows leave out get their model default, as an ORM insert would give them.
    defaults: dict[str, Any] = {}
    for column in table.columns:
        if column.name in given or column.primary_key or column.default is None:
            continue
        default = column.default
        defaults[column.name] = default.arg(None) if default.is_callable else default.arg
    if defaults:
        rows = [{**defaults, **row} for row in rows]
    columns = list(rows[0])
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    pairs = list(zip(processors, columns, strict=True))
    values = [tuple(row[name] if proc is None else proc(row[name]) for proc, name in pairs) for row in rows]
    placeholders = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({placeholders})", values
    )


def _upsert(s: Session, model: Any, key_column: Any, changes: list[p.Change], build: Any) -> None:
    """Insert the new, update the known (by natural key); tombstones are left to the caller."""
    live = [c for c in changes if not c.deleted]
    existing = _ids(s, model.id, key_column, [c.key for c in live])
    inserts, updates = [], []
    for change in live:
        row = build(change.entity())
        if change.key in existing:
            updates.append({"id": existing[change.key], **row})
        else:
            inserts.append(row)
    _bulk_insert(s, model.__table__, inserts)
    if updates:
        s.execute(update(model), updates)


def _apply_operators(s: Session, changes: list[p.Change]) -> None:
    def build(op: p.OperatorWire) -> dict[str, Any]:
        return {
            "badge_code": op.badge_code,
            "name": op.name,
            "pin_hash": op.pin_hash,
            "role": op.role,
            "active": op.active,
        }

    _upsert(s, m.Operator, m.Operator.badge_code, changes, build)
    gone = [c.key for c in changes if c.deleted]
    if gone:  # kept for the audit trail of their packs, but they cannot sign in
        s.execute(update(m.Operator).where(m.Operator.badge_code.in_(gone)).values(active=False))


def _apply_carriers(s: Session, changes: list[p.Change]) -> None:
    row, times = s.get(m.Setting, CARRIERS_KEY), s.get(m.Setting, CARRIER_PICKUPS_KEY)
    routed_row = s.get(m.Setting, CARRIERS_ROUTED_KEY)
    carriers = dict(row.value) if row is not None else {}
    pickups = dict(times.value) if times is not None else {}
    routed = set(routed_row.value) if routed_row is not None else set()
    for change in changes:
        if change.deleted:
            carriers.pop(change.key, None)
            pickups.pop(change.key, None)
            routed.discard(change.key)
        else:
            carrier: p.CarrierWire = change.entity()  # type: ignore[assignment]
            carriers[change.key] = carrier.name
            if carrier.pickups:
                pickups[change.key] = list(carrier.pickups)
            else:
                pickups.pop(change.key, None)
            if carrier.routing_required:
                routed.add(change.key)
            else:
                routed.discard(change.key)
    s.merge(m.Setting(key=CARRIERS_KEY, value=carriers, updated_at=_now()))
    s.merge(m.Setting(key=CARRIER_PICKUPS_KEY, value=pickups, updated_at=_now()))
    s.merge(m.Setting(key=CARRIERS_ROUTED_KEY, value=sorted(routed), updated_at=_now()))


def _apply_skus(s: Session, changes: list[p.Change]) -> None:
    now = _now()
    entities = {c.key: c.entity() for c in changes if not c.deleted}

    def build(sku: p.SkuWire) -> dict[str, Any]:
        return {**m.sku_fields(sku), "updated_at": now}

    _upsert(s, m.Sku, m.Sku.code, changes, build)
    ids = _ids(s, m.Sku.id, m.Sku.code, [c.key for c in changes])
    touched = list(ids.values())
    for chunk in _chunks(touched):
        s.execute(delete(m.Barcode).where(m.Barcode.sku_id.in_(chunk)))
    rows: dict[str, dict[str, Any]] = {}
    for code, sku in entities.items():
        for barcode in sku.barcodes:  # type: ignore[attr-defined]
            key = lookup_key(barcode.code)
            rows[key] = {
                "key": key,
                "code": barcode.code,
                "kind": barcode.kind,
                "pack_qty": barcode.pack_qty,
                "sku_id": ids[code],
            }
    # A barcode that moved to another SKU: the new owner takes it.
    for chunk in _chunks(list(rows)):
        s.execute(delete(m.Barcode).where(m.Barcode.key.in_(chunk)))
    if rows:
        s.execute(insert(m.Barcode.__table__), list(rows.values()))
    _apply_lots(s, [c.key for c in changes], entities, now)
    if entities:  # order lines that waited for these SKUs
        codes = (json.dumps(sorted(entities), ensure_ascii=False),)
        s.connection().exec_driver_sql(_RESOLVE_LINES, codes)
        s.connection().exec_driver_sql(_RESOLVED_LINES_CLEAR, codes)


def _apply_lots(s: Session, codes: list[str], entities: dict[str, Any], now: datetime) -> None:
    """The lots of these SKUs as the office now has them (a recall arrives this way)."""
    for chunk in _chunks(codes):
        s.execute(delete(m.Lot).where(m.Lot.sku_code.in_(chunk)))
    rows = {
        (code, lot.lot): {"sku_code": code, "lot": lot.lot, "expiry": lot.expiry, "in_stock": lot.in_stock,
                          "recalled": lot.recalled, "updated_at": now}
        for code, sku in entities.items()
        for lot in sku.lots
    }  # fmt: skip
    if rows:
        s.execute(insert(m.Lot.__table__), list(rows.values()))


def _apply_waves(s: Session, changes: list[p.Change]) -> None:
    for change in changes:
        wave = s.scalar(select(m.Wave).where(m.Wave.code == change.key))
        if change.deleted:
            if wave is not None:
                wave.status = WaveStatus.CANCELLED
            continue
        data: p.WaveWire = change.entity()  # type: ignore[assignment]
        if wave is None:
            wave = m.Wave(code=data.code)
            s.add(wave)
        wave.strategy, wave.status, wave.picker, wave.station = (
            data.strategy,
            data.status,
            data.picker,
            data.station,
        )
        s.flush()
        s.execute(delete(m.WaveOrder).where(m.WaveOrder.wave_id == wave.id))
        ids = _ids(s, m.Order.id, m.Order.order_no, data.orders)
        rows = [
            {"wave_id": wave.id, "order_id": ids[no], "slot": slot}
            for slot, no in enumerate(data.orders, start=1)
            if no in ids
        ]
        if rows:
            s.execute(insert(m.WaveOrder.__table__), rows)


def _apply_rules(s: Session, changes: list[p.Change]) -> None:
    for change in changes:
        key = RULE_PREFIX + change.key
        if change.deleted:
            s.execute(delete(m.Setting).where(m.Setting.key == key))
        else:
            s.merge(m.Setting(key=key, value=change.entity().model_dump(mode="json"), updated_at=_now()))


APPLY = {
    p.Kind.OPERATOR: _apply_operators,
    p.Kind.CARRIER: _apply_carriers,
    p.Kind.SKU: _apply_skus,
    p.Kind.WAVE: _apply_waves,
    p.Kind.RULE: _apply_rules,
}
