"""Waybill numbers for a pack's parcels: the order's own, then its further ones, then the station's
reserve for the carrier (numbers the server set aside for this station alone)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.store import models as m


def take_waybills(
    s: Session, order_no: str, carrier: str, own: Sequence[str], count: int, now: datetime
) -> list[str]:
    """In `s`'s transaction, a number for each of `count` parcels: `own` first, by position (the
    order's waybill for the first parcel, then its further numbers), then the reserve, each number
    taken marked used by this order and parcel. "" where there is none: that parcel's label cannot
    print until the order gets a number (the print queue says so)."""
    numbers = list(own)[:count]
    need = count - len(numbers)
    if need > 0:
        taken = s.scalars(
            select(m.WaybillReserve.waybill_no)
            .where(m.WaybillReserve.carrier == carrier, m.WaybillReserve.used_at.is_(None))
            .order_by(m.WaybillReserve.received_at, m.WaybillReserve.waybill_no)
            .limit(need)
        ).all()
        for parcel_no, number in enumerate(taken, start=len(numbers) + 1):
            s.execute(
                update(m.WaybillReserve)
                .where(m.WaybillReserve.waybill_no == number)
                .values(order_no=order_no, parcel_no=parcel_no, used_at=now)
            )
        numbers += taken
    return numbers + [""] * (count - len(numbers))
