"""Waybill numbers for split shipments: loaded by the office, set aside per packing station.

A split order's parcels after the first need numbers of their own. A station cannot ask the
carrier at the bench (it may be offline for days), so the server sets numbers aside for each
packing station ahead of need; the station prints them and says which it used in `order.packed`.
A number is set aside for one station only, so no two parcels anywhere carry the same one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, Select, and_, exists, func, insert, select, update

from sync.server import models as m

N = m.WaybillNumber.__table__
U = m.WaybillUse.__table__


def add_numbers(c: Connection, carrier: str, numbers: Iterable[str]) -> int:
    """Load numbers for a carrier; ones already loaded are left as they are. Returns how many
    are new."""
    wanted = sorted({n.strip() for n in numbers if n.strip()})
    known: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        known.update(c.scalars(select(N.c.waybill_no).where(N.c.waybill_no.in_(chunk))))
    new = [n for n in wanted if n not in known]
    now = datetime.now(UTC)
    for start in range(0, len(new), 1000):
        c.execute(
            insert(N),
            [{"waybill_no": n, "carrier": carrier, "added_at": now} for n in new[start : start + 1000]],
        )
    return len(new)


def _unused(station: str, carrier: str) -> Select[tuple[str]]:
    used = exists().where(U.c.waybill_no == N.c.waybill_no)
    return (
        select(N.c.waybill_no)
        .where(N.c.station == station, N.c.carrier == carrier, ~used)
        .order_by(N.c.reserved_at, N.c.waybill_no)
    )


def reserve(c: Connection, station: str, carrier: str, keep: int) -> list[str]:
    """The numbers `station` holds for `carrier` and no accepted pack used, topped up from the free
    ones to `keep` (fewer when the office loaded too few). Asked again, the same answer."""
    held = list(c.scalars(_unused(station, carrier)))
    need = keep - len(held)
    if need > 0:
        free = select(N.c.waybill_no).where(N.c.carrier == carrier, N.c.station.is_(None))
        free = free.order_by(N.c.waybill_no).limit(need)
        if c.dialect.name == "postgresql":
            free = free.with_for_update(skip_locked=True)  # two stations topping up at once
        numbers = list(c.scalars(free))
        if numbers:
            c.execute(
                update(N)
                .where(N.c.waybill_no.in_(numbers), N.c.station.is_(None))
                .values(station=station, reserved_at=datetime.now(UTC))
            )
            held = list(c.scalars(_unused(station, carrier)))
    return held


def stock(c: Connection) -> dict[str, dict[str, int]]:
    """Per carrier: numbers free, set aside at stations and not used yet, used on a parcel."""
    used = exists().where(U.c.waybill_no == N.c.waybill_no)
    rows = c.execute(
        select(
            N.c.carrier,
            func.count().filter(N.c.station.is_(None)),
            func.count().filter(and_(N.c.station.is_not(None), ~used)),
            func.count().filter(used),
        ).group_by(N.c.carrier)
    )
    return {carrier: {"free": free, "reserved": held, "used": n} for carrier, free, held, n in rows}
