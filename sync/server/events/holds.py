"""Holds and their release: `order.held` and `order.hold_released`.

A bench holds the order a packer has open (a damaged item, a customer asking to wait, another
carrier needed): by an operator the server knows, for an order open for packing, and at a bench's
pace; a hold on hundreds of orders at once is a desk's work. A release lets an order the office or
a packer stopped go out again: a supervisor's decision, proven (sync.server.events.proofs) or made
at a supervisor desk.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core.model import PACKED_OR_SHIPPED, OrderStatus
from sync import protocol as p
from sync.server.batch import Batch
from sync.server.events.common import ACCEPTED, OPEN_FOR_PACKING, Answer, operator_problem, refused, trusted

# Holds one packing station may make in an hour: a bench holds an order now and then, never
# hundreds (more than two a minute for an hour is not a person at a bench).
HOLDS_PER_HOUR = 120


def order_held(batch: Batch, station: str, event: p.Event, received: datetime) -> Answer:
    held = p.OrderHeld.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, held.order_no)
    if order is None:
        return refused(f"order {held.order_no} is not known to the server")
    problem = operator_problem(batch, held.operator, f"the hold of {held.order_no}")
    if problem:
        return refused(problem)
    status = order.get("status")
    if status in (*PACKED_OR_SHIPPED, OrderStatus.CANCELLED, OrderStatus.ON_HOLD):
        return p.Outcome.ACCEPTED, f"order {held.order_no} is {status}: nothing to change"
    if status not in OPEN_FOR_PACKING:
        return refused(f"order {held.order_no} is {status}: not one a bench holds")
    if not trusted(batch):
        made = batch.count_accepted(station, p.EventType.ORDER_HELD, received - timedelta(hours=1))
        if made >= HOLDS_PER_HOUR:
            return refused(
                f"{station} held {made} orders in the last hour: holds in bulk are made at a supervisor desk"
            )
    order.update(status=OrderStatus.ON_HOLD.value, hold_reason=held.reason)
    batch.put(p.Kind.ORDER, held.order_no, order)
    batch.counted(station, p.EventType.ORDER_HELD)
    return ACCEPTED


def hold_released(batch: Batch, _station: str, event: p.Event, _received: datetime) -> Answer:
    """The supervisor behind it is checked before (apply_event: proven, or a desk's token)."""
    released = p.OrderHoldReleased.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, released.order_no)
    if order is None:
        return refused(f"order {released.order_no} is not known to the server")
    if order.get("status") != OrderStatus.ON_HOLD:
        return p.Outcome.ACCEPTED, f"order {released.order_no} is {order.get('status')}: nothing to change"
    order.update(status=OrderStatus.NEW.value, hold_reason="")
    batch.put(p.Kind.ORDER, released.order_no, order)
    return ACCEPTED
