"""Returns at a station: finding the order a return parcel belongs to, the pack record it is checked
against, the open return kept as it is checked in (a crash loses nothing), and the received
return written with its outbox event in one transaction."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app.core.model import PACKED_OR_SHIPPED, Operator
from app.core.print_plan import PrintRequest
from app.core.returns import (
    Grade,
    ItemLabel,
    PackRecord,
    Phase,
    ReturnedItem,
    ReturnReceived,
    ReturnState,
)
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event
from app.store.packing import ORDER_BY_NO, ORDER_BY_WAYBILL, json_value, snapshot, utc_value
from app.store.print_jobs import add_jobs
from app.store.units import shipped_units

RMA = re.compile(r"^RMA[-:]?(?P<order>.+)$", re.IGNORECASE)  # the shop's return code: RMA + order no
PHONE = re.compile(r"^\+?\d{7,15}$")
_DONE = ", ".join(f"'{status.value}'" for status in PACKED_OR_SHIPPED)
_BY_RECEIVER_PHONE = (
    f"SELECT id FROM orders WHERE receiver_phone = ? AND status IN ({_DONE}) ORDER BY packed_at DESC LIMIT 1"
)
_BY_CUSTOMER_PHONE = (
    "SELECT o.id FROM customers c JOIN orders o ON o.customer_id = c.id"
    f" WHERE c.phone = ? AND o.status IN ({_DONE}) ORDER BY o.packed_at DESC LIMIT 1"
)
_PACKED_HERE = (
    "SELECT ps.id, ps.station, ps.ended_at, ps.expected_g, ps.actual_g, ps.allowed_g, ps.override_reason,"
    " ps.plan, op.name FROM pack_sessions ps JOIN operators op ON op.id = ps.operator_id"
    " WHERE ps.order_id = ? AND ps.status = 'packed'"
)
_SCANS = "SELECT kind, verdict, sku_code, quantity FROM pack_events WHERE session_id = ? AND sku_code != ''"
_COUNTED = {"accepted", "line_complete", "order_complete", "steps_left"}


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """A return as the supervisor's list shows it."""

    return_id: str
    order_no: str
    customer_code: str
    station: str
    status: str
    responsibility: str
    proposed: str
    reasons: tuple[str, ...]
    units: int
    weight_g: int | None
    opened_at: datetime
    received_at: datetime | None


class ReturnStore:
    def __init__(self, db: Database, station: str) -> None:
        self.db = db
        self.station = station

    # --- finding the order ------------------------------------------------------------------

    def find(self, code: str) -> PackRecord | None:
        """The order a return belongs to, by its waybill (any parcel's), order number, the shop's
        RMA code or the customer's phone (their last packed order); None when nothing matches."""
        text = code.strip()
        rma = RMA.match(text)
        with self.db.engine.connect() as c:
            row = (
                c.exec_driver_sql(ORDER_BY_NO, (rma["order"] if rma else text,)).first()
                or c.exec_driver_sql(ORDER_BY_WAYBILL, (text, text)).first()
            )
            if row is None and PHONE.match(text):
                row = (
                    c.exec_driver_sql(_BY_RECEIVER_PHONE, (text,)).first()
                    or c.exec_driver_sql(_BY_CUSTOMER_PHONE, (text,)).first()
                )
            return _record(c, row[0]) if row is not None else None

    def record(self, order_id: int) -> PackRecord:
        with self.db.engine.connect() as c:
            return _record(c, order_id)

    # --- the open return (a crash or a power cut loses nothing of it) --------------------------

    def save_draft(self, return_id: str, operator: Operator, state: ReturnState) -> None:
        assert state.record is not None
        order = state.record.order
        values = {
            "items": [_item_json(item) for item in state.items],
            "phase": Phase.ITEMS.value if state.phase is Phase.CONFIRM else state.phase.value,
            "weight_g": state.weight_g,
            "lookup": state.lookup[:64],
        }
        with self.db.session() as s, s.begin():
            changed = s.execute(
                update(m.Return).where(m.Return.id == return_id, m.Return.status == "open").values(**values)
            ).rowcount
            if not changed:
                s.add(
                    m.Return(
                        id=return_id,
                        station=self.station,
                        order_id=order.order_id,
                        order_no=order.order_no,
                        customer_code=order.customer.code if order.customer else "",
                        status="open",
                        operator_id=operator.operator_id,
                        opened_at=_now(),
                        **values,
                    )
                )

    def drop_draft(self, return_id: str) -> None:
        """A return given up before anything was received (Esc with no unit in)."""
        with self.db.session() as s, s.begin():
            s.execute(delete(m.Return).where(m.Return.id == return_id, m.Return.status == "open"))

    def open_draft(self, reasons: tuple[str, ...]) -> tuple[str, ReturnState] | None:
        """The return this station was checking in when it stopped, as it was."""
        with self.db.session() as s:
            row = s.scalar(
                select(m.Return)
                .where(m.Return.station == self.station, m.Return.status == "open")
                .order_by(m.Return.opened_at.desc())
                .limit(1)
            )
            if row is None:
                return None
            draft = (row.id, row.order_id, row.lookup, list(row.items), row.phase, row.weight_g)
        return_id, order_id, lookup, items, phase, weight_g = draft
        state = ReturnState(
            reasons=reasons,
            phase=Phase(phase),
            record=self.record(order_id),
            lookup=lookup,
            items=tuple(_item_value(item) for item in items),
            weight_g=weight_g,
        )
        return return_id, state

    # --- received -----------------------------------------------------------------------------

    def receive(self, return_id: str, received: ReturnReceived, operator: Operator) -> str:
        """The return, its units, the customer's after-sales history here and `return.received`,
        in one transaction. Returns the outbox event id."""
        now = _now()
        order = received.record.order
        evidence = [{"code": e.code, "params": dict(e.params)} for e in received.proposal.evidence]
        items = [_item_json(item) for item in received.items]
        customer = order.customer
        with self.db.session() as s, s.begin():
            done = {
                "status": "received",
                "received_at": now,
                "responsibility": received.responsibility.value,
                "proposed": received.proposal.responsibility.value,
                "evidence": evidence,
                "items": items,
                "weight_g": received.weight_g,
                "phase": Phase.IDLE.value,
            }
            if not s.execute(update(m.Return).where(m.Return.id == return_id).values(**done)).rowcount:
                s.add(
                    m.Return(
                        id=return_id,
                        station=self.station,
                        order_id=order.order_id,
                        order_no=order.order_no,
                        customer_code=customer.code if customer else "",
                        lookup=received.lookup[:64],
                        operator_id=operator.operator_id,
                        opened_at=now,
                        **done,
                    )
                )
            s.execute(delete(m.ReturnItem).where(m.ReturnItem.return_id == return_id))
            s.execute(
                insert(m.ReturnItem),
                [
                    {"return_id": return_id, "seq": seq, "sku_code": item.sku_code, "name_zh": item.name_zh,
                     "expected": item.expected, "reason": item.reason,
                     "grade": item.grade.value if item.grade else "", "disposition": item.disposition.value,
                     "bin": item.destination}
                    for seq, item in enumerate(received.items, start=1)
                ],
            )  # fmt: skip
            reasons = [item.reason for item in received.items if item.expected and item.reason]
            if customer is not None and reasons:
                # This station's own view at once (offline too): the next order of this customer is
                # packed with care before the server's count comes back with a pull.
                s.execute(
                    update(m.Customer)
                    .where(m.Customer.id == customer.customer_id)
                    .values(
                        returns_count=m.Customer.returns_count + 1,
                        last_problem=max(set(reasons), key=reasons.count),
                        last_problem_at=now,
                    )
                )
            return add_event(
                s,
                "return.received",
                {
                    "return_id": return_id,
                    "order_no": order.order_no,
                    "customer": customer.code if customer else "",
                    "lookup": received.lookup[:64],
                    "weight_g": received.weight_g,
                    "proposed": received.proposal.responsibility.value,
                    "responsibility": received.responsibility.value,
                    "evidence": [{"code": e["code"], "params": {k: str(v) for k, v in e["params"].items()}}
                                 for e in evidence],
                    "items": [
                        {"sku": item.sku_code, "expected": item.expected, "reason": item.reason,
                         "grade": item.grade.value if item.grade else "",
                         "disposition": item.disposition.value, "bin": item.destination,
                         "serial": item.serial, "lot": item.lot}
                        for item in received.items
                    ],
                    "operator": operator.badge_code,
                    "received_at": now.isoformat(),
                },
                self.station,
                operator.operator_id,
            )  # fmt: skip

    def queue_label(self, return_id: str, label: ItemLabel, order_id: int) -> str:
        """A unit's return label: its code, what it is, where it goes."""
        item = label.item
        params = {
            "return_id": return_id,
            "code": f"RT{return_id[:8].upper()}-{label.index:02d}",
            "seq": label.index,
            "sku": item.sku_code,
            "name": item.name_zh or item.name_en or item.sku_code,
            "expected": item.expected,
            "reason": item.reason,
            "grade": item.grade.value if item.grade else "",
            "disposition": item.disposition.value,
            "bin": item.destination,
        }
        with self.db.session() as s, s.begin():
            (job_id,) = add_jobs(s, [PrintRequest("return", "label", params)], order_id, label.order_no)
        return job_id

    # --- the supervisor's view ------------------------------------------------------------------

    def listing(self, status: str | None = None, limit: int = 500) -> list[ReturnRow]:
        query = select(m.Return).order_by(m.Return.opened_at.desc()).limit(limit)
        if status:
            query = query.where(m.Return.status == status)
        with self.db.session() as s:
            return [
                ReturnRow(
                    return_id=r.id,
                    order_no=r.order_no,
                    customer_code=r.customer_code,
                    station=r.station,
                    status=r.status,
                    responsibility=r.responsibility,
                    proposed=r.proposed,
                    reasons=tuple(sorted({str(i.get("reason", "")) for i in r.items if i.get("reason")})),
                    units=len(r.items),
                    weight_g=r.weight_g,
                    opened_at=r.opened_at,
                    received_at=r.received_at,
                )
                for r in s.scalars(query)
            ]


def _item_json(item: ReturnedItem) -> dict[str, Any]:
    return {
        "sku_code": item.sku_code, "name_zh": item.name_zh, "name_en": item.name_en,
        "expected": item.expected, "unit_weight_g": item.unit_weight_g, "bin_location": item.bin_location,
        "reason": item.reason, "grade": item.grade.value if item.grade else "",
        "serial": item.serial, "lot": item.lot, "swapped": item.swapped,
    }  # fmt: skip


def _item_value(data: dict[str, Any]) -> ReturnedItem:
    return ReturnedItem(
        sku_code=str(data["sku_code"]),
        name_zh=str(data.get("name_zh", "")),
        name_en=str(data.get("name_en", "")),
        expected=bool(data.get("expected", True)),
        unit_weight_g=int(data.get("unit_weight_g") or 0),
        bin_location=str(data.get("bin_location", "")),
        reason=str(data.get("reason", "")),
        grade=Grade(data["grade"]) if data.get("grade") else None,
        serial=str(data.get("serial") or ""),
        lot=str(data.get("lot") or ""),
        swapped=bool(data.get("swapped", False)),
    )


def _record(c: Connection, order_id: int) -> PackRecord:
    """The order as packed: this station's own pack (with every scan of it), else the pack the server
    accepted from another station (an accepted Packline pack had every unit verified by scan)."""
    order = snapshot(c, order_id)
    here = c.exec_driver_sql(_PACKED_HERE, (order_id,)).first()
    if here is not None:
        session_id, station, ended_at, expected, actual, allowed, override, plan, packer = here
        counted: dict[str, int] = {}
        for kind, verdict, sku, quantity in c.exec_driver_sql(_SCANS, (session_id,)):
            if kind == "scan" and verdict in _COUNTED:
                counted[sku] = counted.get(sku, 0) + int(quantity or 0)
            elif kind == "command" and verdict == "undone":
                counted[sku] = counted.get(sku, 0) - int(quantity or 0)
        plan_data = json_value(plan, None) or {}
        return PackRecord(
            order=order,
            packed_at=utc_value(ended_at),
            packer=packer,
            station=station,
            expected_g=expected,
            actual_g=actual,
            allowed_g=allowed,
            weight_override=override or "",
            plan_override=str((plan_data.get("override") or {}).get("reason", "")),
            plan=tuple(str(code) for code in plan_data.get("fired", [])),
            scanned=tuple(sorted(counted.items())),
            units=tuple((u.sku_code, u.serial, u.lot) for u in shipped_units(c, order.order_no)),
        )
    pack = json_value(c.exec_driver_sql("SELECT pack FROM orders WHERE id = ?", (order_id,)).scalar(), None)
    if not pack:
        return PackRecord(order=order, packed_at=order.packed_at)
    weight = pack.get("weight") or {}
    badge = str(pack.get("operator", ""))
    packer = c.exec_driver_sql("SELECT name FROM operators WHERE badge_code = ?", (badge,)).scalar()
    return PackRecord(
        order=order,
        packed_at=datetime.fromisoformat(pack["packed_at"]) if pack.get("packed_at") else order.packed_at,
        packer=packer or badge,
        station=str(pack.get("station", "")),
        expected_g=weight.get("expected_g"),
        actual_g=weight.get("actual_g"),
        allowed_g=weight.get("allowed_g"),
        weight_override=str((pack.get("override") or {}).get("reason", "")),
        plan_override=str((pack.get("plan_override") or {}).get("reason", "")),
        plan=tuple(str(code) for code in pack.get("fired", [])),
        scanned=tuple((line.sku_code, line.quantity) for line in order.lines),
        units=tuple(
            (str(u.get("sku", "")), str(u.get("serial") or ""), str(u.get("lot") or ""))
            for u in pack.get("units") or []
        ),
    )


CSV_COLUMNS = (
    "return_id", "received_at", "order_no", "customer", "station", "status", "responsibility", "proposed",
    "reasons", "units", "weight_g",
)  # fmt: skip


def write_csv(rows: Sequence[ReturnRow], path: Path) -> Path:
    """The returns as CSV, in UTF-8 with a BOM so Excel on a Chinese Windows opens it as it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            when = row.received_at or row.opened_at
            writer.writerow(
                [row.return_id, when.astimezone().strftime("%Y-%m-%d %H:%M:%S"), row.order_no,
                 row.customer_code, row.station, row.status, row.responsibility, row.proposed,
                 ";".join(row.reasons), row.units, "" if row.weight_g is None else row.weight_g]
            )  # fmt: skip
    return path


def received_counts(rows: Sequence[ReturnRow]) -> tuple[dict[str, int], dict[str, int]]:
    """Open and received returns per reason and per responsibility (the supervisor's summary)."""
    by_reason: dict[str, int] = {}
    by_responsibility: dict[str, int] = {}
    for row in rows:
        for reason in row.reasons:
            by_reason[reason] = by_reason.get(reason, 0) + 1
        if row.responsibility:
            by_responsibility[row.responsibility] = by_responsibility.get(row.responsibility, 0) + 1
    return by_reason, by_responsibility
