"""Traced units on the station: the lots the office sent (expiry, stock, recalls), the units each
pack shipped, and what the floor knows of a scanned unit before the pack session decides on it.

Read on the scan path with plain SQL on one connection, like the rest of the scan path
(app.store.packing): only SKUs whose units are traced ask at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from app.core.pack_session import PackedUnit
from app.core.trace import NO_FACTS, Unit, UnitFacts
from app.store import models as m

_LOT = "SELECT recalled FROM lots WHERE sku_code = ? AND lot = ?"
# FEFO: the earliest-expiring other lot of the SKU still in stock that could ship (not recalled,
# enough shelf life left), if it expires before this one.
_OLDER_LOT = (
    "SELECT lot, expiry FROM lots WHERE sku_code = ? AND lot != ? AND in_stock > 0 AND recalled = ''"
    " AND expiry IS NOT NULL AND expiry >= ? AND expiry < ? ORDER BY expiry, lot LIMIT 1"
)
# Packed here, or at another station as the server's pack records (pulled with their orders) say.
_SERIAL_SHIPPED = (
    "SELECT u.order_no FROM pack_units u JOIN pack_sessions s ON s.id = u.session_id"
    " WHERE u.serial = ?1 AND u.sku_code = ?2 AND s.status = 'packed' AND u.order_no != ?3"
    " UNION ALL SELECT order_no FROM floor_serials WHERE serial = ?1 AND sku_code = ?2 AND order_no != ?3"
    " LIMIT 1"
)


def unit_facts(c: Connection, sku_code: str, unit: Unit, order_no: str, shippable_from: date) -> UnitFacts:
    """What this station knows of a scanned unit: its lot recalled (the office's lots), an older
    lot in stock, its serial shipped with another order (packed here, or at another station as
    last pulled; one packed elsewhere since is caught by the server when the pack arrives).
    `shippable_from`: the earliest expiry this order may take (an older lot expiring before it is
    no alternative)."""
    if unit.empty:
        return NO_FACTS
    recalled = older_lot = shipped_on = ""
    older_expiry = None
    if unit.lot:
        row = c.exec_driver_sql(_LOT, (sku_code, unit.lot)).first()
        recalled = row[0] if row is not None else ""
        if unit.expiry is not None:
            older = c.exec_driver_sql(
                _OLDER_LOT, (sku_code, unit.lot, shippable_from.isoformat(), unit.expiry.isoformat())
            ).first()
            if older is not None:
                older_lot, older_expiry = older[0], date.fromisoformat(str(older[1]))
    if unit.serial:
        shipped_on = serial_facts(c, sku_code, unit.serial, order_no).shipped_on
    return UnitFacts(recalled, older_lot, older_expiry, shipped_on)


def serial_facts(c: Connection, sku_code: str, serial: str, order_no: str) -> UnitFacts:
    """A serial's earlier shipment with another order (a serial label scanned on its own)."""
    row = c.exec_driver_sql(_SERIAL_SHIPPED, (serial, sku_code, order_no)).first()
    return UnitFacts(shipped_on=row[0]) if row is not None else NO_FACTS


def add_pack_units(
    s: Session, session_id: str, order_no: str, units: Iterable[PackedUnit]
) -> list[dict[str, Any]]:
    """Write a pack's traced units (in its transaction) and return them as the event carries them."""
    units = list(units)
    rows: list[dict[str, Any]] = [
        {"session_id": session_id, "order_no": order_no, "sku_code": u.sku_code, "parcel_no": u.parcel_no,
         "serial": u.unit.serial, "lot": u.unit.lot, "expiry": u.unit.expiry}
        for u in units
    ]  # fmt: skip
    if rows:
        s.execute(insert(m.PackUnit), rows)
    return [
        {"sku": u.sku_code, "parcel": u.parcel_no, "serial": u.unit.serial, "lot": u.unit.lot,
         "expiry": u.unit.expiry.isoformat() if u.unit.expiry else None}
        for u in units
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ShippedUnit:
    sku_code: str
    serial: str
    lot: str
    expiry: date | None
    parcel_no: int


_UNITS_OF_ORDER = (
    "SELECT u.sku_code, u.serial, u.lot, u.expiry, u.parcel_no FROM pack_units u"
    " JOIN pack_sessions s ON s.id = u.session_id WHERE u.order_no = ? AND s.status = 'packed'"
    " ORDER BY u.id"
)


def shipped_units(c: Connection, order_no: str) -> list[ShippedUnit]:
    """The traced units the order was packed with here, in scan order."""
    return [
        ShippedUnit(r[0], r[1], r[2], date.fromisoformat(str(r[3])) if r[3] else None, r[4])
        for r in c.exec_driver_sql(_UNITS_OF_ORDER, (order_no,))
    ]
