"""`customer.preference`: one field of a customer's standing wishes changed at a station.

A bench changes the wishes of the customer whose order it has at hand (the order travels with the
change, and the server checks that it is that customer's, open for packing or packed at that
station); the address only changes in the office (the CRM's import, or an admin token). Accepted
changes merge field by field: an edit on top of the server's current value applies; a concurrent
one is decided by the time the person made it, station clocks capped at the server's receive time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.core.model import OrderStatus
from sync import protocol as p
from sync.server import models as m
from sync.server.batch import Batch
from sync.server.events.common import ACCEPTED, OPEN_FOR_PACKING, Answer, refused

FUTURE_SLACK = timedelta(minutes=2)  # how far ahead of ours a station's clock may stamp an edit
OFFICE_ONLY = frozenset({"address"})  # fields a bench never changes


def preference_changed(batch: Batch, station: str, event: p.Event, received: datetime) -> Answer:
    change = p.PreferenceChanged.model_validate(event.payload)
    customer = batch.get(p.Kind.CUSTOMER, change.customer)
    if customer is None:
        return refused(f"customer {change.customer} is not known to the server")
    if batch.role is not p.Role.ADMIN:
        if change.field in OFFICE_ONLY:
            return refused(f"a customer's {change.field} is changed in the office, not at {station}")
        problem = _order_problem(batch, station, change)
        if problem:
            return refused(problem)
    preferences = dict(customer.get("preferences") or {})
    current = preferences.get(change.field)
    # A station clock ahead of ours cannot make its edits win for ever.
    edited_at = min(event.occurred_at, received + FUTURE_SLACK)
    stamp = batch.stamp(change.customer, change.field)
    if _same(change.base, current) or stamp is None:
        decision = "applied"
    elif edited_at >= stamp.changed_at:
        decision = "applied-newer"
    else:
        decision = "kept-newer"
    kept_from = stamp.source if stamp is not None else ""
    result = change.value if decision != "kept-newer" else current
    batch.add(
        m.PreferenceAudit,
        customer=change.customer,
        field=change.field,
        old=current,
        proposed=change.value,
        base=change.base,
        result=result,
        decision=decision,
        source=station,
        event_id=str(event.id),
        changed_at=edited_at,
    )
    if decision != "kept-newer":
        batch.set_stamp(change.customer, change.field, edited_at, station)
        preferences[change.field] = change.value
    customer["preferences"] = preferences
    # Re-served even when ours was kept, so the station that sent it converges on it.
    batch.put(p.Kind.CUSTOMER, change.customer, customer)
    if decision == "kept-newer":
        return p.Outcome.ACCEPTED, f"a newer change of {change.field} from {kept_from} was kept"
    return ACCEPTED


def _order_problem(batch: Batch, station: str, change: p.PreferenceChanged) -> str | None:
    if not change.order_no:
        return f"a change of {change.customer}'s wishes at {station} names no order of theirs at hand"
    order = batch.get(p.Kind.ORDER, change.order_no)
    if order is None or str(order.get("customer") or "") != change.customer:
        return f"order {change.order_no} is not an order of customer {change.customer}"
    status = order.get("status")
    at_hand = status in OPEN_FOR_PACKING or status == OrderStatus.ON_HOLD or order.get("packed_by") == station
    if not at_hand:
        return f"order {change.order_no} is {status}: not at hand at {station}"
    return None


def _same(a: Any, b: Any) -> bool:
    return ((a in (None, "", [])) and (b in (None, "", []))) or a == b
