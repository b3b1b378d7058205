"""The station's side of sync over its own database (the `LocalSide` of sync.client).

Pulled entities are upserted by their natural keys (order number, SKU code, customer code, badge)
because local rows are referenced by packs, print jobs and waves: an order is updated in place,
never deleted and re-inserted. What the station knows better than the server is kept:
an order packed here stays packed until the server has heard about it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.core.barcodes import lookup_key
from app.store import models as m
from app.store import outbox
from app.store.db import Database
from sync import protocol as p

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.cursor"
TOKEN_KEY = "sync.token"
CARRIERS_KEY = "sync.carriers"
RULE_PREFIX = "rule:"
LOCAL_FACTS = ("packed", "shipped")


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(items: list[Any], size: int = 900) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@dataclass(frozen=True)
class SyncException:
    """An event the server refused or answered with a conflict, as the exception list shows it."""

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
        with self.db.session() as s:
            rows = s.execute(
                select(m.OutboxEvent, m.Operator.badge_code)
                .outerjoin(m.Operator, m.Operator.id == m.OutboxEvent.operator_id)
                .where(m.OutboxEvent.sent_at.is_(None), m.OutboxEvent.needs_attention.is_(False))
                .order_by(m.OutboxEvent.created_at, m.OutboxEvent.id)
                .limit(limit)
            ).all()
            return [
                {
                    "id": event.id,
                    "type": event.type,
                    "station": event.station,
                    "operator": badge,
                    "occurred_at": event.created_at.isoformat(),
                    "payload": event.payload,
                }
                for event, badge in rows
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
        """Events the server did not accept: the station's exception list, newest first."""
        query = (
            select(m.OutboxEvent, m.Operator.name)
            .outerjoin(m.Operator, m.Operator.id == m.OutboxEvent.resolved_by)
            .where(m.OutboxEvent.needs_attention.is_(True))
            .order_by(m.OutboxEvent.created_at.desc())
            .limit(limit)
        )
        if not include_resolved:
            query = query.where(m.OutboxEvent.resolved_at.is_(None))
        with self.db.session() as s:
            return [SyncException.of(event, resolver or "") for event, resolver in s.execute(query)]

    def attention_count(self) -> int:
        with self.db.session() as s:
            return outbox.attention_count(s)

    def resolve(self, event_id: str, operator_id: int | None, decision: str) -> bool:
        """A person dealt with it (rang the customer, pulled the parcel...): recorded, never deleted."""
        decision = decision.strip()
        if not decision:
            raise ValueError("say what was done about it")
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

    # --- pull -----------------------------------------------------------------------------

    def apply_page(self, page: p.ChangesPage) -> int:
        by_kind: dict[p.Kind, list[p.Change]] = {}
        for change in page.changes:
            by_kind.setdefault(change.kind, []).append(change)
        with self.db.session() as s, s.begin():
            # Within a page the server's order is kept per kind, and kinds go in dependency order.
            for kind in (
                p.Kind.OPERATOR,
                p.Kind.CARRIER,
                p.Kind.SKU,
                p.Kind.CUSTOMER,
                p.Kind.ORDER,
                p.Kind.WAVE,
                p.Kind.RULE,
            ):
                changes = _last_per_key(by_kind.get(kind, []))
                if changes:
                    APPLY[kind](s, changes)
            s.merge(m.Setting(key=CURSOR_KEY, value=page.cursor, updated_at=_now()))
        return len(page.changes)


def _last_per_key(changes: list[p.Change]) -> list[p.Change]:
    return list({change.key: change for change in changes}.values())


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
    row = s.get(m.Setting, CARRIERS_KEY)
    carriers = dict(row.value) if row is not None else {}
    for change in changes:
        if change.deleted:
            carriers.pop(change.key, None)
        else:
            carriers[change.key] = change.entity().name  # type: ignore[attr-defined]
    s.merge(m.Setting(key=CARRIERS_KEY, value=carriers, updated_at=_now()))


def _apply_skus(s: Session, changes: list[p.Change]) -> None:
    now = _now()
    entities = {c.key: c.entity() for c in changes if not c.deleted}

    def build(sku: p.SkuWire) -> dict[str, Any]:
        return {
            "code": sku.code,
            "name_zh": sku.name_zh,
            "name_en": sku.name_en,
            "category": sku.category,
            "unit_weight_g": sku.unit_weight_g,
            "bin_location": sku.bin_location,
            "price_cents": sku.price_cents,
            "volume_cm3": sku.volume_cm3,
            "updated_at": now,
        }

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


def _apply_customers(s: Session, changes: list[p.Change]) -> None:
    now = _now()

    def build(c: p.CustomerWire) -> dict[str, Any]:
        return {
            "code": c.code,
            "name": c.name,
            "phone": c.phone,
            "tier": c.tier,
            "tags": list(c.tags),
            "birthday": c.birthday,
            "preferences": dict(c.preferences),
            "order_count": c.order_count,
            "lifetime_value_cents": c.lifetime_value_cents,
            "updated_at": now,
        }

    _upsert(s, m.Customer, m.Customer.code, changes, build)
    gone = [c.key for c in changes if c.deleted]
    if gone:  # personal data erased; the row stays for the orders that point at it
        s.execute(
            update(m.Customer)
            .where(m.Customer.code.in_(gone))
            .values(name="", phone="", preferences={}, tags=[], birthday=None)
        )


def _apply_orders(s: Session, changes: list[p.Change]) -> None:
    now = _now()
    live = [c for c in changes if not c.deleted]
    entities: dict[str, p.OrderWire] = {c.key: c.entity() for c in live}  # type: ignore[misc]
    customer_ids = _ids(
        s, m.Customer.id, m.Customer.code, sorted({o.customer for o in entities.values() if o.customer})
    )
    sku_ids = _ids(s, m.Sku.id, m.Sku.code, sorted({line.sku for o in entities.values() for line in o.lines}))
    known = _lookup(s, m.Order.order_no, list(entities), m.Order.id, m.Order.status)
    local: dict[str, tuple[int, str]] = {order_no: (order_id, status) for order_no, order_id, status in known}
    inserts, updates, replace_lines = [], [], []
    for order_no, order in entities.items():
        row = {
            "order_no": order_no,
            "channel": order.channel,
            "status": order.status,
            "paid_at": order.paid_at,
            "ship_by": order.ship_by,
            "carrier": order.carrier,
            "waybill_no": order.waybill_no,
            "receiver_name": order.receiver_name,
            "receiver_phone": order.receiver_phone,
            "province": order.province,
            "city": order.city,
            "district": order.district,
            "address": order.address,
            "buyer_note": order.buyer_note,
            "seller_note": order.seller_note,
            "amount_cents": order.amount_cents,
            "hold_reason": order.hold_reason,
            "customer_id": customer_ids.get(order.customer or ""),
            "updated_at": now,
        }
        if order.customer and order.customer not in customer_ids:
            log.warning("order %s: customer %s unknown here", order_no, order.customer)
        if order_no in local:
            order_id, status = local[order_no]
            if status in LOCAL_FACTS and order.status not in ("packed", "shipped", "cancelled"):
                row["status"] = status  # packed here; the server has not heard yet
            updates.append({"id": order_id, **row})
            replace_lines.append(order_id)
        else:
            inserts.append(row)
    for chunk in _chunks(replace_lines):
        s.execute(delete(m.OrderLine).where(m.OrderLine.order_id.in_(chunk)))
    if updates:
        s.execute(update(m.Order), updates)
    _bulk_insert(s, m.Order.__table__, inserts)
    ids = _ids(s, m.Order.id, m.Order.order_no, list(entities))
    lines = []
    for order_no, order in entities.items():
        for line in order.lines:
            if line.sku not in sku_ids:
                log.error(
                    "order %s line %d: SKU %s unknown here; line skipped", order_no, line.line_no, line.sku
                )
                continue
            fields = json.dumps(dict(line.custom_fields), ensure_ascii=False) if line.custom_fields else "{}"
            lines.append((ids[order_no], line.line_no, sku_ids[line.sku], line.quantity, fields))
    if lines:
        # The bulk of a first pull (three lines an order): straight to the driver, skipping the
        # per-value bind processing, which cost as much as SQLite's own insert.
        s.connection().exec_driver_sql(
            "INSERT INTO order_lines (order_id, line_no, sku_id, quantity, custom_fields)"
            " VALUES (?, ?, ?, ?, ?)",
            lines,
        )
    gone = [c.key for c in changes if c.deleted]
    if gone:  # packs and print jobs point at it: it stays, but can no longer be packed
        s.execute(
            update(m.Order)
            .where(m.Order.order_no.in_(gone), m.Order.status.not_in(LOCAL_FACTS))
            .values(status="cancelled", updated_at=now)
        )


def _apply_waves(s: Session, changes: list[p.Change]) -> None:
    for change in changes:
        wave = s.scalar(select(m.Wave).where(m.Wave.code == change.key))
        if change.deleted:
            if wave is not None:
                wave.status = "cancelled"
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
    p.Kind.CUSTOMER: _apply_customers,
    p.Kind.ORDER: _apply_orders,
    p.Kind.WAVE: _apply_waves,
    p.Kind.RULE: _apply_rules,
}
