"""Packing queries and writes: resolve a scanned code, load an order, record what happened.

Everything returns plain values from app.core. Each write is one short transaction; a pack,
a hold or a release commits together with its outbox event so nothing reaches the server
that did not happen, and nothing that happened is missing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.core import barcodes
from app.core.model import Address, Customer, Operator, OrderLine, OrderSnapshot, OrderStatus, Role
from app.core.pack_session import (
    BadgeFound,
    HoldReleased,
    ItemFound,
    NotFound,
    OrderFound,
    OrderHeld,
    PackCompleted,
    Resolution,
)
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event


class PackConflict(Exception):
    """The order changed under us (packed elsewhere, cancelled): the pack was not written."""

    expected = True

    def __init__(self, order_no: str, status: str) -> None:
        super().__init__(f"order {order_no} is {status}")
        self.order_no = order_no
        self.status = status


def _now() -> datetime:
    return datetime.now(UTC)


def operator_value(row: m.Operator) -> Operator:
    return Operator(operator_id=row.id, badge_code=row.badge_code, name=row.name, role=Role(row.role))


@dataclass(frozen=True, slots=True)
class RecordedEvent:
    """One row of the audit trail as the restore logic needs it."""

    kind: str
    raw: str
    sku_code: str
    quantity: int
    grams: int | None
    verdict: str


@dataclass(frozen=True, slots=True)
class OpenSession:
    session_id: str
    order_id: int
    operator: Operator
    events: tuple[RecordedEvent, ...]


class PackingStore:
    """The packing station's view of the database. Safe to use from one thread at a time;
    the UI gives reads to the GUI thread and writes to its database worker, each its own."""

    def __init__(self, db: Database, station: str) -> None:
        self.db = db
        self.station = station

    # --- reads ---------------------------------------------------------------------------

    def resolve(self, code: str) -> Resolution:
        """What a scanned code is: an order (by order no, waybill or tote), an item, a badge."""
        text = code.strip()
        key = barcodes.lookup_key(text)
        with self.db.session() as s:
            order_id = (
                s.scalar(select(m.Order.id).where(m.Order.order_no == text))
                or s.scalar(select(m.Order.id).where(m.Order.waybill_no == text))
                or s.scalar(
                    select(m.Order.id)
                    .where(m.Order.tote_code == text, m.Order.status.in_(["new", "released", "picked"]))
                    .order_by(m.Order.id.desc())
                    .limit(1)
                )
            )
            if order_id is not None:
                return OrderFound(self._snapshot(s, order_id))
            item = s.execute(
                select(m.Sku.code, m.Barcode.pack_qty, m.Sku.name_zh, m.Sku.name_en)
                .join(m.Barcode, m.Barcode.sku_id == m.Sku.id)
                .where(m.Barcode.key == key)
            ).first()
            if item is not None:
                return ItemFound(sku_code=item[0], pack_qty=item[1], name_zh=item[2], name_en=item[3])
            badge = s.scalar(select(m.Operator).where(m.Operator.badge_code == text, m.Operator.active))
            if badge is not None:
                return BadgeFound(operator_value(badge))
        return NotFound(text)

    def order(self, order_id: int) -> OrderSnapshot:
        with self.db.session() as s:
            return self._snapshot(s, order_id)

    def order_by_no(self, order_no: str) -> OrderSnapshot | None:
        with self.db.session() as s:
            order_id = s.scalar(select(m.Order.id).where(m.Order.order_no == order_no))
            return self._snapshot(s, order_id) if order_id is not None else None

    def _snapshot(self, s: Session, order_id: int) -> OrderSnapshot:
        order = s.get_one(m.Order, order_id)
        rows = s.execute(
            select(m.OrderLine, m.Sku)
            .join(m.Sku, m.Sku.id == m.OrderLine.sku_id)
            .where(m.OrderLine.order_id == order_id)
            .order_by(m.OrderLine.line_no)
        ).all()
        lines = tuple(
            OrderLine(
                line_id=line.id,
                sku_code=sku.code,
                name_zh=sku.name_zh,
                name_en=sku.name_en,
                quantity=line.quantity,
                unit_weight_g=sku.unit_weight_g,
                bin_location=sku.bin_location,
                custom_fields={str(k): str(v) for k, v in (line.custom_fields or {}).items()},
            )
            for line, sku in rows
        )
        sku_ids = {sku.id for _line, sku in rows}
        codes = s.execute(
            select(m.Barcode.key, m.Sku.code, m.Barcode.pack_qty)
            .join(m.Sku, m.Sku.id == m.Barcode.sku_id)
            .where(m.Barcode.sku_id.in_(sku_ids))
        ).all()
        customer = None
        if order.customer_id is not None:
            c = s.get_one(m.Customer, order.customer_id)
            customer = Customer(
                customer_id=c.id,
                code=c.code,
                name=c.name,
                phone=c.phone,
                tier=c.tier,
                tags=tuple(c.tags or ()),
                birthday=c.birthday,
                preferences={str(k): str(v) for k, v in (c.preferences or {}).items()},
                order_count=c.order_count,
            )
        return OrderSnapshot(
            order_id=order.id,
            order_no=order.order_no,
            channel=order.channel,
            status=OrderStatus(order.status),
            carrier=order.carrier,
            waybill_no=order.waybill_no,
            address=Address(
                receiver=order.receiver_name,
                phone=order.receiver_phone,
                province=order.province,
                city=order.city,
                district=order.district,
                detail=order.address,
            ),
            lines=lines,
            amount_cents=order.amount_cents,
            customer=customer,
            buyer_note=order.buyer_note,
            seller_note=order.seller_note,
            hold_reason=order.hold_reason,
            paid_at=order.paid_at,
            ship_by=order.ship_by,
            packed_at=order.packed_at,
            barcodes={key: (sku_code, qty) for key, sku_code, qty in codes},
        )

    def operator_by_badge(self, badge: str) -> Operator | None:
        with self.db.session() as s:
            row = s.scalar(
                select(m.Operator).where(m.Operator.badge_code == badge.strip(), m.Operator.active)
            )
            return operator_value(row) if row is not None else None

    def operator_pin_hash(self, badge: str) -> str | None:
        with self.db.session() as s:
            return s.scalar(
                select(m.Operator.pin_hash).where(m.Operator.badge_code == badge.strip(), m.Operator.active)
            )

    def open_session(self) -> OpenSession | None:
        """The session this station left open (crash, power cut), with its events in order."""
        with self.db.session() as s:
            row = s.scalar(
                select(m.PackSession)
                .where(m.PackSession.station == self.station, m.PackSession.status == "open")
                .order_by(m.PackSession.started_at.desc())
                .limit(1)
            )
            if row is None:
                return None
            operator = s.get_one(m.Operator, row.operator_id)
            events = s.scalars(
                select(m.PackEvent).where(m.PackEvent.session_id == row.id).order_by(m.PackEvent.id)
            ).all()
            return OpenSession(
                session_id=row.id,
                order_id=row.order_id,
                operator=operator_value(operator),
                events=tuple(
                    RecordedEvent(e.kind, e.raw, e.sku_code, e.quantity, e.grams, e.verdict) for e in events
                ),
            )

    def pack_record(self, order_no: str) -> dict[str, Any] | None:
        """The finished pack of an order (for reprint and support), or None."""
        with self.db.session() as s:
            row = s.execute(
                select(m.PackSession)
                .join(m.Order, m.Order.id == m.PackSession.order_id)
                .where(m.Order.order_no == order_no, m.PackSession.status == "packed")
            ).scalar_one_or_none()
            if row is None:
                return None
            return {
                "session_id": row.id,
                "station": row.station,
                "operator_id": row.operator_id,
                "expected_g": row.expected_g,
                "actual_g": row.actual_g,
                "allowed_g": row.allowed_g,
                "weight_source": row.weight_source,
                "override_by": row.override_by,
                "override_reason": row.override_reason,
                "ended_at": row.ended_at,
            }

    # --- writes (one transaction each) -----------------------------------------------------

    def record_event(
        self,
        session_id: str | None,
        operator: Operator | None,
        kind: str,
        raw: str,
        verdict: str,
        sku_code: str = "",
        quantity: int = 0,
        grams: int | None = None,
    ) -> None:
        with self.db.session() as s, s.begin():
            s.add(
                m.PackEvent(
                    session_id=session_id,
                    at=_now(),
                    station=self.station,
                    operator_id=operator.operator_id if operator else None,
                    kind=kind,
                    raw=raw[:400],
                    sku_code=sku_code,
                    quantity=quantity,
                    grams=grams,
                    verdict=verdict,
                )
            )

    def start_session(self, session_id: str, order: OrderSnapshot, operator: Operator) -> None:
        with self.db.session() as s, s.begin():
            s.add(
                m.PackSession(
                    id=session_id,
                    order_id=order.order_id,
                    station=self.station,
                    operator_id=operator.operator_id,
                    status="open",
                    started_at=_now(),
                )
            )

    def end_session(self, session_id: str, status: str) -> None:
        with self.db.session() as s, s.begin():
            s.execute(
                update(m.PackSession)
                .where(m.PackSession.id == session_id, m.PackSession.status == "open")
                .values(status=status, ended_at=_now())
            )

    def complete_pack(self, session_id: str, done: PackCompleted) -> str:
        """Write the pack, the order's new status and the `order.packed` event atomically.

        Returns the outbox event id. Raises PackConflict (and writes nothing) if the order is no
        longer packable, e.g. cancelled by a sync or packed on another station meanwhile.
        """
        now = _now()
        with self.db.session() as s, s.begin():
            changed = s.execute(
                update(m.Order)
                .where(m.Order.id == done.order.order_id, m.Order.status.in_(["new", "released", "picked"]))
                .values(status=OrderStatus.PACKED.value, packed_at=now, updated_at=now)
            ).rowcount
            if changed != 1:
                status = (
                    s.scalar(select(m.Order.status).where(m.Order.id == done.order.order_id)) or "missing"
                )
                raise PackConflict(done.order.order_no, status)
            s.execute(
                update(m.PackSession)
                .where(m.PackSession.id == session_id)
                .values(
                    status="packed",
                    ended_at=now,
                    expected_g=done.weight.expected_g,
                    actual_g=done.weight.actual_g,
                    allowed_g=done.weight.allowed_g,
                    weight_source=done.weight_source,
                    override_by=done.override_by.operator_id if done.override_by else None,
                    override_reason=done.override_reason,
                )
            )
            payload: dict[str, Any] = {
                "pack_id": session_id,
                "order_no": done.order.order_no,
                "packed_at": now.isoformat(),
                "operator": done.operator.badge_code,
                "lines": [{"sku": line.sku_code, "quantity": line.quantity} for line in done.order.lines],
                "weight": {
                    "expected_g": done.weight.expected_g,
                    "actual_g": done.weight.actual_g,
                    "allowed_g": done.weight.allowed_g,
                    "source": done.weight_source,
                },
            }
            if done.override_by is not None:
                payload["override"] = {"by": done.override_by.badge_code, "reason": done.override_reason}
            return add_event(s, "order.packed", payload, self.station, done.operator.operator_id)

    def hold_order(self, session_id: str | None, held: OrderHeld) -> str:
        now = _now()
        with self.db.session() as s, s.begin():
            s.execute(
                update(m.Order)
                .where(m.Order.id == held.order.order_id)
                .values(status=OrderStatus.ON_HOLD.value, hold_reason=held.reason, updated_at=now)
            )
            if session_id is not None:
                s.execute(
                    update(m.PackSession)
                    .where(m.PackSession.id == session_id)
                    .values(status="held", ended_at=now, hold_reason=held.reason)
                )
            return add_event(
                s,
                "order.held",
                {
                    "order_no": held.order.order_no,
                    "reason": held.reason,
                    "operator": held.operator.badge_code,
                    "at": now.isoformat(),
                },
                self.station,
                held.operator.operator_id,
            )

    def release_hold(self, released: HoldReleased) -> str:
        now = _now()
        with self.db.session() as s, s.begin():
            s.execute(
                update(m.Order)
                .where(m.Order.id == released.order.order_id, m.Order.status == OrderStatus.ON_HOLD.value)
                .values(status=OrderStatus.NEW.value, hold_reason="", updated_at=now)
            )
            return add_event(
                s,
                "order.hold_released",
                {
                    "order_no": released.order.order_no,
                    "supervisor": released.supervisor.badge_code,
                    "at": now.isoformat(),
                },
                self.station,
                released.supervisor.operator_id,
            )


def new_session_id() -> str:
    return str(uuid.uuid4())
