"""What every event kind's check leans on: the answer's shape and the server's own facts about
operators, orders and waybill numbers, read through the push's staged `Batch`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from app.core.model import OrderStatus
from sync import protocol as p
from sync.server.batch import Batch

Answer = tuple[p.Outcome, str]
ACCEPTED: Answer = (p.Outcome.ACCEPTED, "")

# Orders a bench may open: what a pack, a hold or a preference edit at a bench is about.
OPEN_FOR_PACKING = frozenset({OrderStatus.NEW, OrderStatus.RELEASED, OrderStatus.PICKED})


def refused(reason: str) -> Answer:
    return p.Outcome.REJECTED, reason


def operator_problem(batch: Batch, badge: str, what: str) -> str | None:
    """Why `badge` cannot have done `what` (not an active operator the server knows), or None."""
    operator = batch.get(p.Kind.OPERATOR, badge) if badge else None
    if operator is None or not operator.get("active", True):
        return f"{what} names {badge or 'nobody'}, who is not an active operator known to the server"
    return None


def trusted(batch: Batch) -> bool:
    """The pushing token is a supervisor desk's or the office's: decisions need no proof."""
    return batch.role in (p.Role.DESK, p.Role.ADMIN)


def order_lines(order: dict[str, Any]) -> Counter[str]:
    """The order's units by SKU as the server has them."""
    counts: Counter[str] = Counter()
    for line in order.get("lines") or ():
        counts[str(line.get("sku"))] += int(line.get("quantity") or 0)
    return counts


def units(items: Iterable[dict[str, Any]]) -> Counter[str]:
    """Units by SKU of a pack's lines or a parcel's items (`{"sku", "quantity"}` each)."""
    counts: Counter[str] = Counter()
    for item in items:
        try:
            quantity = int(item.get("quantity") or 0)
        except (TypeError, ValueError):
            quantity = -1
        counts[str(item.get("sku"))] += quantity
    return counts


def own_waybills(order: dict[str, Any]) -> set[str]:
    """The numbers the order came with (its own and a split shipment's extra ones)."""
    return {str(n) for n in (order.get("waybill_no"), *(order.get("extra_waybills") or ())) if n}


def waybill_problem(
    batch: Batch, station: str, order_no: str, order: dict[str, Any], carrier: str, numbers: Iterable[str]
) -> str | None:
    """Why a station may not put these numbers on the order's parcels, or None. A number is the
    order's own, or one set aside for this station and this carrier that no other order used."""
    own = own_waybills(order)
    wanted = [n for n in numbers if n and n not in own]
    if not wanted:
        return None
    known = batch.waybills(wanted)
    for number in wanted:
        found = known.get(number)
        if found is None or found.station != station:
            # Whose it is, if anyone's, is not said: a station learns nothing of the others' stock.
            return f"waybill {number} was not set aside for {station}"
        if carrier and found.carrier != carrier:
            return f"waybill {number} is a {found.carrier} number, not {carrier}"
        if found.used_by not in (None, order_no):
            return f"waybill {number} is already on a parcel of another order"
    return None
