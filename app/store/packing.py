"""Packing queries and writes: resolve a scanned code, load an order, record what happened.

Everything returns plain values from app.core. Each write is one short transaction; a pack,
a hold or a release commits together with its outbox event so nothing reaches the server
that did not happen, and nothing that happened is missing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from app.core import barcodes, decisions
from app.core.decisions import Decision, Signed
from app.core.model import (
    PACKABLE,
    PACKAGING,
    Address,
    Box,
    Customer,
    Operator,
    OrderLine,
    OrderSnapshot,
    OrderStatus,
    PackStatus,
    Role,
    Routing,
)
from app.core.pack_session import (
    BadgeFound,
    BoxFound,
    HoldReleased,
    ItemFound,
    NotFound,
    OrderFound,
    OrderHeld,
    OrderIntercepted,
    PackCompleted,
    Parcel,
    Resolution,
)
from app.core.performance import MISTAKES, Errors
from app.core.print_plan import ParcelLabel, PrintChoices, PrintRequest, print_requests
from app.core.rules import Confirm
from app.core.trace import UNTRACKED, Tracking, Unit, UnitFacts
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event
from app.store.print_jobs import add_jobs
from app.store.stored_keys import CARRIERS_ROUTED_KEY, PIN_FAILURES_KEY
from app.store.units import add_pack_units, serial_facts, unit_facts
from app.store.waybills import take_waybills


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
class OpenSession:
    session_id: str
    order_id: int
    operator: Operator
    events: tuple[dict[str, Any] | None, ...]  # as app.core.pack_events stored them, in order


class PackingStore:
    """The packing station's view of the database. Safe to use from one thread at a time;
    the UI gives reads to the GUI thread and writes to its database worker, each its own."""

    def __init__(self, db: Database, station: str) -> None:
        self.db = db
        self.station = station

    # --- reads ---------------------------------------------------------------------------

    # The scan path reads with plain SQL on one connection: the ORM's per-query overhead is
    # several times SQLite's own cost here, and a station resolves every scan.

    def resolve(self, code: str) -> Resolution:
        """What a scanned code is: an order (by order no, waybill or tote), an item, a badge."""
        text = code.strip()
        with self.db.engine.connect() as c:
            row = (
                c.exec_driver_sql(ORDER_BY_NO, (text,)).first()
                or c.exec_driver_sql(ORDER_BY_WAYBILL, (text, text)).first()
                or c.exec_driver_sql(_ORDER_BY_TOTE, (text,)).first()
            )
            if row is not None:
                return OrderFound(snapshot(c, row[0]))
            item = c.exec_driver_sql(_ITEM_BY_KEY, (barcodes.lookup_key(text),)).first()
            if item is not None and item[4] == PACKAGING:
                return BoxFound(Box(item[0], item[2], item[3], item[5], item[6]))
            if item is not None:
                return ItemFound(sku_code=item[0], pack_qty=item[1], name_zh=item[2], name_en=item[3])
        badge = self.operator_by_badge(text)
        return BadgeFound(badge) if badge is not None else NotFound(text)

    def unit_facts(self, sku_code: str, unit: Unit, order_no: str, shippable_from: date) -> UnitFacts:
        """A traced unit's recall, older lot in stock and earlier shipment (app.store.units)."""
        with self.db.engine.connect() as c:
            return unit_facts(c, sku_code, unit, order_no, shippable_from)

    def serial_facts(self, sku_code: str, serial: str, order_no: str) -> UnitFacts:
        with self.db.engine.connect() as c:
            return serial_facts(c, sku_code, serial, order_no)

    def parcel_waybills(self, session_id: str) -> tuple[str, ...]:
        """The waybills a pack put on its parcels, in parcel order."""
        with self.db.engine.connect() as c:
            return tuple(row[0] for row in c.exec_driver_sql(_PARCEL_WAYBILLS, (session_id,)))

    def label_check_pending(self) -> tuple[str, str, tuple[str, ...], tuple[str, ...]] | None:
        """The station's last pack whose parcels' labels were not all checked (贴单复核), as
        (order, session, its parcels' waybills, those checked), or None."""
        with self.db.engine.connect() as c:
            last = c.exec_driver_sql(
                "SELECT s.id, o.order_no FROM pack_sessions s JOIN orders o ON o.id = s.order_id"
                " WHERE s.station = ? AND s.status = 'packed' ORDER BY s.ended_at DESC LIMIT 1",
                (self.station,),
            ).first()
            if last is None:
                return None
            session_id, order_no = last
            waybills = tuple(row[0] for row in c.exec_driver_sql(_PARCEL_WAYBILLS, (session_id,)))
            checked = {
                str(row[0]).strip().upper() for row in c.exec_driver_sql(_LABELS_CHECKED, (session_id,))
            }
        done = tuple(w for w in waybills if w.upper() in checked)
        if not waybills or len(done) == len(waybills):
            return None
        return order_no, session_id, waybills, done

    def boxes(self) -> list[Box]:
        """The packaging catalogue: SKUs of category PACKAGING, smallest first."""
        with self.db.session() as s:
            rows = s.execute(
                select(m.Sku.code, m.Sku.name_zh, m.Sku.name_en, m.Sku.unit_weight_g, m.Sku.volume_cm3)
                .where(m.Sku.category == PACKAGING)
                .order_by(m.Sku.volume_cm3, m.Sku.code)
            ).all()
        return [Box(*row) for row in rows]

    def order(self, order_id: int) -> OrderSnapshot:
        with self.db.engine.connect() as c:
            return snapshot(c, order_id)

    def order_by_no(self, order_no: str) -> OrderSnapshot | None:
        with self.db.engine.connect() as c:
            row = c.exec_driver_sql(ORDER_BY_NO, (order_no,)).first()
            return snapshot(c, row[0]) if row is not None else None

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

    def pin_failures(self) -> dict[str, list[float]]:
        """The badges' recent wrong PINs as the station last saved them (a lock-out survives a restart)."""
        with self.db.session() as s:
            stored = s.scalar(select(m.Setting.value).where(m.Setting.key == PIN_FAILURES_KEY))
        if not isinstance(stored, dict):
            return {}
        return {
            str(badge): [float(t) for t in times if isinstance(t, int | float)]
            for badge, times in stored.items()
            if isinstance(times, list)
        }

    def save_pin_failures(self, failures: dict[str, list[float]]) -> None:
        with self.db.session() as s, s.begin():
            s.merge(m.Setting(key=PIN_FAILURES_KEY, value=failures, updated_at=_now()))

    def open_session(self) -> OpenSession | None:
        """The session this station left open (crash, power cut), with its events in order."""
        with self.db.session() as s:
            row = s.scalar(
                select(m.PackSession)
                .where(m.PackSession.station == self.station, m.PackSession.status == PackStatus.OPEN)
                .order_by(m.PackSession.started_at.desc())
                .limit(1)
            )
            if row is None:
                return None
            operator = s.get_one(m.Operator, row.operator_id)
            events = s.scalars(
                select(m.PackEvent.event).where(m.PackEvent.session_id == row.id).order_by(m.PackEvent.id)
            ).all()
            return OpenSession(
                session_id=row.id,
                order_id=row.order_id,
                operator=operator_value(operator),
                events=tuple(events),
            )

    def pack_record(self, order_no: str) -> dict[str, Any] | None:
        """The finished pack of an order (for reprint and support), or None."""
        with self.db.session() as s:
            row = s.execute(
                select(m.PackSession)
                .join(m.Order, m.Order.id == m.PackSession.order_id)
                .where(m.Order.order_no == order_no, m.PackSession.status == PackStatus.PACKED)
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
        event: dict[str, Any] | None = None,
    ) -> None:
        # One row per scan: a Core insert keeps the writer thread's share of the GIL small.
        with self.db.engine.begin() as c:
            c.execute(
                insert(m.PackEvent),
                {
                    "session_id": session_id,
                    "at": _now(),
                    "station": self.station,
                    "operator_id": operator.operator_id if operator else None,
                    "kind": kind,
                    "raw": raw[:400],
                    "sku_code": sku_code,
                    "quantity": quantity,
                    "grams": grams,
                    "verdict": verdict,
                    "event": event,
                },
            )

    def start_session(
        self,
        session_id: str,
        order: OrderSnapshot,
        operator: Operator,
        cards: Sequence[PrintRequest] = (),
    ) -> int:
        """Open a pack session and queue the order's cards in the same transaction; a card
        already queued or printed for this order (it was opened before) is not queued again.
        Returns how many cards were queued."""
        with self.db.session() as s, s.begin():
            s.add(
                m.PackSession(
                    id=session_id,
                    order_id=order.order_id,
                    station=self.station,
                    operator_id=operator.operator_id,
                    status=PackStatus.OPEN,
                    started_at=_now(),
                )
            )
            if not cards:
                return 0
            queued_before = {
                str((params or {}).get("insert", ""))
                for params in s.scalars(
                    select(m.PrintJob.params).where(
                        m.PrintJob.order_id == order.order_id, m.PrintJob.kind == "insert"
                    )
                )
            }
            new = [card for card in cards if str(card.params.get("insert", "")) not in queued_before]
            add_jobs(s, new, order.order_id, order.order_no, session_id)
            return len(new)

    def queue_cards(
        self, order: OrderSnapshot, cards: Sequence[PrintRequest], session_id: str | None = None
    ) -> int:
        """Print an order's cards again (one jammed, one went missing)."""
        with self.db.session() as s, s.begin():
            add_jobs(s, cards, order.order_id, order.order_no, session_id)
        return len(cards)

    def end_session(self, session_id: str, status: PackStatus) -> None:
        with self.db.session() as s, s.begin():
            s.execute(
                update(m.PackSession)
                .where(m.PackSession.id == session_id, m.PackSession.status == PackStatus.OPEN)
                .values(status=status, ended_at=_now())
            )

    def spare_waybills(self, order: OrderSnapshot) -> int:
        """How many more parcels of this order can get a waybill number here: the order's own
        further numbers and this station's unused reserve for its carrier."""
        with self.db.session() as s:
            reserve = s.scalar(
                select(func.count()).where(
                    m.WaybillReserve.carrier == order.carrier, m.WaybillReserve.used_at.is_(None)
                )
            )
        return len(order.extra_waybills) + int(reserve or 0)

    def complete_pack(self, session_id: str, done: PackCompleted, choices: PrintChoices | None = None) -> str:
        """Write the pack, its parcels (each with its waybill), the order's new status, the
        `order.packed` event and the pack's print jobs (with `choices`; None: none) atomically.

        Returns the outbox event id. Raises PackConflict (and writes nothing) if the order is no
        longer packable, e.g. cancelled by a sync or packed on another station meanwhile.
        """
        now = _now()
        parcels = done.all_parcels
        with self.db.session() as s, s.begin():
            started = s.scalar(select(m.PackSession.started_at).where(m.PackSession.id == session_id))
            changed = s.execute(
                update(m.Order)
                .where(m.Order.id == done.order.order_id, m.Order.status.in_(PACKABLE))
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
                    status=PackStatus.PACKED,
                    ended_at=now,
                    plan=_plan_record(done),
                    busy_s=int((now - started).total_seconds()) if started is not None else 0,
                    **_work(done),
                    # A split shipment: the parcels' sums (each parcel's own are in `parcels`).
                    expected_g=sum(p.weight.expected_g for p in parcels),
                    actual_g=sum(p.weight.actual_g for p in parcels),
                    allowed_g=sum(p.weight.allowed_g for p in parcels),
                    weight_source=done.weight_source,
                    override_by=done.override_by.operator_id if done.override_by else None,
                    override_reason=done.override_reason,
                    box_code=done.box.code if done.box else "",
                )
            )
            order = done.order
            own = [order.waybill_no or "", *order.extra_waybills]
            waybills = take_waybills(s, order.order_no, order.carrier, own, len(parcels), now)
            parcel_rows = [
                _parcel_row(done.order, parcel, no, waybill)
                for no, (parcel, waybill) in enumerate(zip(parcels, waybills, strict=True), start=1)
            ]
            s.execute(insert(m.Parcel), [{**row, "session_id": session_id} for row in parcel_rows])
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
                payload["override"] = _proven(
                    {"by": done.override_by.badge_code, "reason": done.override_reason},
                    done.proofs,
                    decisions.weight_override(
                        order.order_no,
                        done.override_reason,
                        done.weight.actual_g,
                        done.override_by.badge_code,
                    ),
                )
            if done.box is not None:  # packaging consumption, for the office's stock of boxes
                payload["packaging"] = {"box": done.box.code, "weight_g": done.box.weight_g}
            payload["parcels"] = [
                _parcel_wire(row, parcel, order.order_no, done.proofs)
                for row, parcel in zip(parcel_rows, parcels, strict=True)
            ]
            if done.split_by is not None:
                payload["split_by"] = done.split_by.badge_code
                split = decisions.proof_for(
                    done.proofs, decisions.split(order.order_no, done.split_by.badge_code)
                )
                if split is not None:
                    payload["split_proof"] = split
            if started is not None:
                payload["started_at"] = started.isoformat()
            if done.units:  # every traced unit, in the pack's transaction
                payload["units"] = add_pack_units(s, session_id, order.order_no, done.units)
            payload["work"] = _work(done)
            payload["mistakes"] = _mistakes(s, session_id)
            if done.plan.steps or done.plan.fired:
                payload["plan"] = done.plan.to_json()
            if done.plan_override_by is not None:
                by = done.plan_override_by.badge_code
                payload["plan_override"] = _proven(
                    {"by": by, "reason": done.plan_override_reason, "open_steps": list(done.open_steps)},
                    done.proofs,
                    decisions.plan_override(
                        order.order_no, done.plan_override_reason, list(done.open_steps), by
                    ),
                )
            if choices is not None:
                labels = [
                    ParcelLabel(r["parcel_no"], r["waybill_no"], r["actual_g"], r["items"])
                    for r in parcel_rows
                ]
                prints = print_requests(done.order, choices, done.plan.hide_prices, labels)
                add_jobs(s, prints, done.order.order_id, done.order.order_no, session_id)
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
                    .values(status=PackStatus.HELD, ended_at=now, hold_reason=held.reason)
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

    def intercept(self, session_id: str | None, intercepted: OrderIntercepted) -> str:
        """The order was stopped at the bench: the session ends as intercepted, its scanned goods
        go on the put-back list, and the server is told; one transaction."""
        now = _now()
        order_no = intercepted.order.order_no
        items = [
            {"sku_code": p.sku_code, "name_zh": p.name_zh, "name_en": p.name_en, "quantity": p.quantity,
             "location": p.location}
            for p in intercepted.put_back
        ]  # fmt: skip
        with self.db.session() as s, s.begin():
            if session_id is not None:
                s.execute(
                    update(m.PackSession)
                    .where(m.PackSession.id == session_id)
                    .values(status=PackStatus.INTERCEPTED, ended_at=now)
                )
            if items:
                s.add(
                    m.Interception(
                        id=str(uuid.uuid4()),
                        order_no=order_no,
                        station=self.station,
                        stage="packing",
                        reason=intercepted.reason,
                        items=items,
                        at=now,
                    )
                )
            return add_event(
                s,
                "order.intercepted",
                {
                    "order_no": order_no,
                    "reason": intercepted.reason,
                    "stage": "packing",
                    "put_back": [{"sku": i["sku_code"], "quantity": i["quantity"]} for i in items],
                    "operator": intercepted.operator.badge_code,
                    "at": now.isoformat(),
                },
                self.station,
                intercepted.operator.operator_id,
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
                    **({"proof": released.proof.proof} if released.proof else {}),
                },
                self.station,
                released.supervisor.operator_id,
            )


def _mistakes(s: Session, session_id: str) -> dict[str, int]:
    """What the bench caught while this order was packed (its audit rows, written before the pack)."""
    counted = dict(
        s.execute(
            select(m.PackEvent.verdict, func.count())
            .where(m.PackEvent.session_id == session_id, m.PackEvent.verdict.in_(MISTAKES))
            .group_by(m.PackEvent.verdict)
        ).all()
    )
    caught = sum((Errors.of(verdict, count) for verdict, count in counted.items()), Errors())
    return {"wrong": caught.wrong_items, "weight": caught.weight_failures}


def _work(done: PackCompleted) -> dict[str, int]:
    """What the pack held, as the supervisor's board weighs it (app.core.performance)."""
    let_go = set(done.open_steps)
    confirmed = [s for s in done.plan.to_confirm if s.id not in let_go]
    return {
        "lines": len(done.order.lines),
        "units": done.order.item_count,
        "steps": sum(1 for s in confirmed if s.confirm is Confirm.KEY),
        "cards": sum(1 for s in confirmed if s.confirm in (Confirm.SCAN_INSERT, Confirm.SCAN_SAMPLE)),
        "parcels": len(done.all_parcels),
    }


def _plan_record(done: PackCompleted) -> dict[str, Any] | None:
    """The plan as packed, with a supervisor's letting go of its open steps: a returns desk's evidence."""
    if not (done.plan.steps or done.plan.fired or done.plan_override_by):
        return None
    record: dict[str, Any] = done.plan.to_json()
    if done.plan_override_by is not None:
        record["override"] = {"by": done.plan_override_by.badge_code, "reason": done.plan_override_reason}
    return record


def _parcel_row(order: OrderSnapshot, parcel: Parcel, no: int, waybill: str) -> dict[str, Any]:
    return {
        "order_id": order.order_id,
        "parcel_no": no,
        "carrier": order.carrier,
        "waybill_no": waybill,
        "items": [
            {"sku": line.sku_code, "quantity": n}
            for line, n in zip(order.lines, parcel.counts, strict=True)
            if n
        ],
        "expected_g": parcel.weight.expected_g,
        "actual_g": parcel.weight.actual_g,
        "allowed_g": parcel.weight.allowed_g,
        "weight_source": parcel.weight_source,
        "box_code": parcel.box.code if parcel.box else "",
        "override_by": parcel.override_by.operator_id if parcel.override_by else None,
        "override_reason": parcel.override_reason,
    }


def _proven(part: dict[str, Any], proofs: tuple[Signed, ...], decided: Decision) -> dict[str, Any]:
    """A supervisor's decision in an event, with its proof when the station signed it."""
    proof = decisions.proof_for(proofs, decided)
    return part if proof is None else {**part, "proof": proof}


def _parcel_wire(
    row: dict[str, Any], parcel: Parcel, order_no: str, proofs: tuple[Signed, ...] = ()
) -> dict[str, Any]:
    wire: dict[str, Any] = {
        "no": row["parcel_no"],
        "carrier": row["carrier"],
        "waybill_no": row["waybill_no"],
        "items": row["items"],
        "weight": {
            "expected_g": row["expected_g"],
            "actual_g": row["actual_g"],
            "allowed_g": row["allowed_g"],
            "source": row["weight_source"],
        },
    }
    if parcel.box is not None:
        wire["packaging"] = {"box": parcel.box.code, "weight_g": parcel.box.weight_g}
    if parcel.override_by is not None:
        by = parcel.override_by.badge_code
        decided = decisions.weight_override(order_no, parcel.override_reason, row["actual_g"], by)
        wire["override"] = _proven({"by": by, "reason": parcel.override_reason}, proofs, decided)
    return wire


def new_session_id() -> str:
    return str(uuid.uuid4())


ORDER_BY_NO = "SELECT id FROM orders WHERE order_no = ?"
_PARCEL_WAYBILLS = (
    "SELECT waybill_no FROM parcels WHERE session_id = ? AND waybill_no != '' ORDER BY parcel_no"
)
_LABELS_CHECKED = (
    "SELECT raw FROM pack_events WHERE session_id = ? AND kind = 'label' AND verdict = 'label_checked'"
)
ORDER_BY_WAYBILL = (
    "SELECT id FROM orders WHERE waybill_no = ?"
    " UNION ALL SELECT order_id FROM parcels WHERE waybill_no = ? LIMIT 1"
)
_ORDER_BY_TOTE = (
    "SELECT id FROM orders WHERE tote_code = ? AND status IN ("
    + ", ".join(f"'{status.value}'" for status in PACKABLE)
    + ")"
    " ORDER BY id DESC LIMIT 1"
)
_ITEM_BY_KEY = (
    "SELECT s.code, b.pack_qty, s.name_zh, s.name_en, s.category, s.unit_weight_g, s.volume_cm3"
    " FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE b.key = ?"
)
_ORDER = (
    "SELECT o.id, o.order_no, o.channel, o.status, o.carrier, o.waybill_no, o.receiver_name,"
    " o.receiver_phone, o.province, o.city, o.district, o.address, o.amount_cents, o.buyer_note,"
    " o.seller_note, o.hold_reason,"
    " o.paid_at, o.ship_by, o.packed_at,"
    " c.id, c.code, c.name, c.phone, c.tier, c.tags, c.birthday, c.preferences, c.order_count,"
    " c.lifetime_value_cents,"
    " (SELECT max(p.paid_at) FROM orders p WHERE p.customer_id = o.customer_id AND p.id != o.id),"
    " o.extra_waybills, c.returns_count, c.last_problem, c.last_problem_at, o.routing,"
    " EXISTS (SELECT 1 FROM settings r, json_each(r.value) j WHERE r.key = ? AND j.value = o.carrier)"
    " FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.id = ?"
)
_LINES = (
    "SELECT l.id, s.code, s.name_zh, s.name_en, l.quantity, s.unit_weight_g, s.bin_location, l.custom_fields,"
    " s.category, s.volume_cm3, s.trace, s.min_shelf_days"
    " FROM order_lines l JOIN skus s ON s.id = l.sku_id WHERE l.order_id = ? ORDER BY l.line_no"
)
_BARCODES = (
    "SELECT b.key, s.code, b.pack_qty FROM barcodes b JOIN skus s ON s.id = b.sku_id"
    " WHERE b.sku_id IN (SELECT sku_id FROM order_lines WHERE order_id = ?)"
)


def utc_value(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def json_value(value: str | None, default: Any) -> Any:
    return json.loads(value) if value else default


def snapshot(c: Connection, order_id: int) -> OrderSnapshot:
    o = c.exec_driver_sql(_ORDER, (CARRIERS_ROUTED_KEY, order_id)).one()
    lines = tuple(
        OrderLine(
            line_id=r[0],
            sku_code=r[1],
            name_zh=r[2],
            name_en=r[3],
            quantity=r[4],
            unit_weight_g=r[5],
            bin_location=r[6],
            custom_fields={str(k): str(v) for k, v in json_value(r[7], {}).items()},
            category=r[8] or "",
            volume_cm3=r[9] or 0,
            tracking=Tracking.parse(r[10], r[11]) if r[10] or r[11] else UNTRACKED,
        )
        for r in c.exec_driver_sql(_LINES, (order_id,))
    )
    codes = {r[0]: (r[1], r[2]) for r in c.exec_driver_sql(_BARCODES, (order_id,))}
    customer = None
    if o[19] is not None:
        customer = Customer(
            customer_id=o[19],
            code=o[20],
            name=o[21],
            phone=o[22],
            tier=o[23],
            tags=tuple(json_value(o[24], ())),
            birthday=date.fromisoformat(o[25]) if o[25] else None,
            preferences=dict(json_value(o[26], {})),
            order_count=o[27],
            lifetime_value_cents=o[28] or 0,
            last_order_at=utc_value(o[29]),
            returns_count=o[31] or 0,
            last_problem=o[32] or "",
            last_problem_at=utc_value(o[33]),
        )
    return OrderSnapshot(
        order_id=o[0],
        order_no=o[1],
        channel=o[2],
        status=OrderStatus(o[3]),
        carrier=o[4],
        waybill_no=o[5],
        address=Address(receiver=o[6], phone=o[7], province=o[8], city=o[9], district=o[10], detail=o[11]),
        lines=lines,
        amount_cents=o[12],
        customer=customer,
        buyer_note=o[13],
        seller_note=o[14],
        hold_reason=o[15],
        paid_at=utc_value(o[16]),
        ship_by=utc_value(o[17]),
        packed_at=utc_value(o[18]),
        extra_waybills=tuple(str(w) for w in json_value(o[30], ())),
        routing=Routing.from_stored(json_value(o[34], None)),
        routing_required=bool(o[35]),
        barcodes=codes,
    )
