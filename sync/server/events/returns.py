"""`return.received`: a return parcel checked in at a station (售后收货) becomes a service ticket, a
refund request for the units that came back and the customer's after-sales history.

Money moves on it, so the claim is held against what the server knows was shipped: the order's
pack was accepted (or the order came in shipped), every unit said to be the order's is a unit of
one of its lines, and no more units of a SKU come back than were shipped less those already back
(`returned` on the order, counted by the server). One refund per unit, whatever return ids are
sent; units that are not the order's are recorded and flagged, never refunded.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import select

from app.core.model import PACKED_OR_SHIPPED
from sync import protocol as p
from sync.server import models as m
from sync.server.batch import Batch
from sync.server.events.common import ACCEPTED, Answer, operator_problem, order_lines, refused


def _not_shipped(batch: Batch, order_no: str, ours: list[p.ReturnedUnit]) -> str | None:
    """A unit said to be the order's whose serial or lot the order's pack did not ship: another
    unit came back in its place (调包), and it is no refund of the order's."""
    traced = [unit for unit in ours if unit.serial or unit.lot]
    if not traced:
        return None
    rows = batch.c.execute(
        select(m.ShippedUnit.sku, m.ShippedUnit.serial, m.ShippedUnit.lot).where(
            m.ShippedUnit.order_no == order_no
        )
    ).all()
    serials = {(sku, serial) for sku, serial, _ in rows if serial}
    lots = {(sku, lot) for sku, _, lot in rows if lot}
    serial_skus = {sku for sku, _ in serials}
    for unit in traced:
        if unit.serial and unit.sku in serial_skus and (unit.sku, unit.serial) not in serials:
            return f"serial {unit.serial} of {unit.sku} did not ship with order {order_no}: not its unit"
        if unit.lot and unit.sku in {sku for sku, _ in lots} and (unit.sku, unit.lot) not in lots:
            return f"lot {unit.lot} of {unit.sku} did not ship with order {order_no}: not its unit"
    return None


def return_received(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    received = p.ReturnReceived.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, received.order_no)
    if order is None:
        return refused(f"order {received.order_no} is not known to the server")
    if order.get("status") not in PACKED_OR_SHIPPED:
        return refused(
            f"order {received.order_no} is {order.get('status')}: nothing of it was shipped to come back"
        )
    problem = operator_problem(batch, received.operator, f"the return of {received.order_no}")
    if problem:
        return refused(problem)
    ticket = str(received.return_id)
    if batch.ticket_exists(ticket):
        return refused(f"return {ticket} was received before: one refund per unit")
    ours = [unit for unit in received.items if unit.expected]
    problem = _not_shipped(batch, received.order_no, ours)
    if problem:
        return refused(problem)
    back = Counter(unit.sku for unit in ours)
    shipped = order_lines(order)
    returned = Counter({str(k): int(v) for k, v in (order.get("returned") or {}).items()})
    for sku, count in sorted(back.items()):
        left = shipped[sku] - returned[sku]
        if count > left:
            return refused(
                f"order {received.order_no} shipped {shipped[sku]} of {sku} and {returned[sku]} came back "
                f"before: {count} more cannot"
            )
    prices: dict[str, int] = {}
    for sku in back:
        prices[sku] = int((batch.get(p.Kind.SKU, sku) or {}).get("price_cents") or 0)
    refund = [{"sku": unit.sku, "quantity": 1, "unit_price_cents": prices[unit.sku]} for unit in ours]
    reasons: dict[str, int] = {}
    for unit in ours:
        reasons[unit.reason or "other"] = reasons.get(unit.reason or "other", 0) + 1
    customer_code = str(order.get("customer") or "")  # the server's, not the station's say
    batch.add(
        m.ServiceTicket,
        id=ticket,
        order_no=received.order_no,
        customer=customer_code,
        station=station,
        responsibility=received.responsibility,
        proposed=received.proposed,
        reasons=reasons,
        items=[unit.model_dump() for unit in received.items],
        refund_cents=sum(r["unit_price_cents"] for r in refund),
        status="open",
        received_at=received.received_at,
    )
    batch.tickets_added.add(ticket)
    if back:
        order["returned"] = dict(returned + back)
        batch.put(p.Kind.ORDER, received.order_no, order)
    if refund:
        batch.add(
            m.IntegrationEvent,
            type="refund.requested",
            key=received.order_no,
            payload={"ticket": ticket, "order_no": received.order_no, "customer": customer_code,
                     "items": refund, "amount_cents": sum(r["unit_price_cents"] for r in refund),
                     "responsibility": received.responsibility,
                     "received_at": received.received_at.isoformat()},
        )  # fmt: skip
    customer = batch.get(p.Kind.CUSTOMER, customer_code) if customer_code else None
    if customer is not None and ours:
        at = received.received_at.astimezone(UTC).isoformat()
        last = customer.get("last_problem_at")
        if (
            not last or datetime.fromisoformat(str(last)) <= received.received_at
        ):  # a late one keeps the newer
            customer["last_problem"] = max(reasons, key=lambda r: reasons[r])
            customer["last_problem_at"] = at
        customer["returns_count"] = int(customer.get("returns_count") or 0) + 1
        batch.put(p.Kind.CUSTOMER, customer_code, customer)
    return ACCEPTED
