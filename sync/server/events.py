"""What each kind of event does to the server's documents, inside the push's transaction.

One function per event type, each given the staged `Batch`; `apply_event` checks the sender's
role and the supervisor an event names, then hands it to its function. The outcome and reason
each returns are stored with the event and answered to every resend.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.core.model import PACKED_OR_SHIPPED, OrderStatus, WaveStatus
from sync import protocol as p
from sync.server import models as m
from sync.server.batch import Batch

FUTURE_SLACK = timedelta(minutes=2)  # how far ahead of ours a station's clock may stamp an edit


def apply_event(batch: Batch, station: str, event: p.Event, received: datetime) -> tuple[p.Outcome, str]:
    # What needs a supervisor (a release, an override, a rule or a wave) names one; the
    # station checked their PIN, the server checks that this person is a supervisor it knows.
    if event.type not in p.ROLE_EVENTS[batch.role]:
        return p.Outcome.REJECTED, f"this token's role ({batch.role.value}) may not send {event.type}"
    for badge in supervisors_named(event):
        if batch.trusted and event.type in (p.EventType.RULE_CHANGED, p.EventType.WAVE_CHANGED):
            continue
        operator = batch.get(p.Kind.OPERATOR, badge)
        if operator is None or operator.get("role") != "supervisor" or not operator.get("active", True):
            return (
                p.Outcome.REJECTED,
                f"{event.type} names {badge or 'nobody'} as its supervisor, who is not an active "
                "supervisor known to the server",
            )
    match event.type:
        case p.EventType.ORDER_PACKED:
            return _order_packed(batch, station, event, p.OrderPacked.model_validate(event.payload))
        case p.EventType.ORDER_HELD:
            held = p.OrderHeld.model_validate(event.payload)
            return _order_status(batch, held.order_no, OrderStatus.ON_HOLD, hold_reason=held.reason)
        case p.EventType.ORDER_HOLD_RELEASED:
            released = p.OrderHoldReleased.model_validate(event.payload)
            return _order_status(
                batch, released.order_no, OrderStatus.NEW, hold_reason="", only_from=OrderStatus.ON_HOLD
            )
        case p.EventType.CUSTOMER_PREFERENCE:
            change = p.PreferenceChanged.model_validate(event.payload)
            return _preference(batch, station, event, change, received)
        case p.EventType.WAVE_CHANGED:
            return _wave_changed(batch, p.WaveChanged.model_validate(event.payload))
        case p.EventType.ORDER_INTERCEPTED | p.EventType.LABEL_VOIDED:
            # Kept in the event log: the bench stopped it and its goods went back (the order's state
            # is the office's change that caused it, applied already); a voided label's waybill is
            # there for the integration that cancels it with the carrier.
            return p.Outcome.ACCEPTED, ""
        case p.EventType.RETURN_RECEIVED:
            return _return_received(batch, station, event, p.ReturnReceived.model_validate(event.payload))
        case p.EventType.LABEL_REISSUED:
            reissued = p.LabelReissued.model_validate(event.payload)
            for parcel in reissued.parcels:  # numbers of the station's reserve now on its parcels
                if parcel.waybill_no:
                    batch.add(m.WaybillUse, waybill_no=parcel.waybill_no, order_no=reissued.order_no,
                              parcel_no=parcel.no, station=station, used_at=reissued.at)  # fmt: skip
            return p.Outcome.ACCEPTED, ""
        case p.EventType.PICK_CONFIRMED:
            return p.Outcome.ACCEPTED, ""  # kept in the event log: the pick history
        case p.EventType.PICK_SHORT:
            short = p.PickRecorded.model_validate(event.payload)
            detail = (
                f"short pick in wave {short.wave}: {short.sku} at {short.location or '?'}, "
                f"{short.picked} of {short.wanted} ({short.reason or 'no reason'}) "
                f"by {short.picker or station}"
            )
            batch.conflict("short_pick", short.wave, station, event, detail)
            return p.Outcome.ACCEPTED, ""
        case p.EventType.RULE_CHANGED:
            rule = p.RuleChanged.model_validate(event.payload)
            return _rule_changed(batch, rule)
        case p.EventType.SETTINGS_CHANGED:
            p.SettingsChanged.model_validate(event.payload)
            return p.Outcome.ACCEPTED, ""  # kept in the event log: the station's audit trail
    return p.Outcome.REJECTED, f"unknown event type {event.type!r}"  # pragma: no cover - checked before


def _order_packed(batch: Batch, station: str, event: p.Event, packed: p.OrderPacked) -> tuple[p.Outcome, str]:
    order = batch.get(p.Kind.ORDER, packed.order_no)
    if order is None:
        return p.Outcome.REJECTED, f"order {packed.order_no} is not known to the server"
    if order.get("status") == OrderStatus.CANCELLED:
        detail = f"order {packed.order_no} was cancelled before it was packed at {station}: "
        detail += "intercept the parcel"
        batch.conflict("packed_after_cancel", packed.order_no, station, event, detail)
        return p.Outcome.CONFLICT, detail
    if order.get("status") in PACKED_OR_SHIPPED:
        other = order.get("packed_by") or "another station"
        if order.get("pack_id") == packed.pack_id and other == station:
            return p.Outcome.ACCEPTED, ""  # this station's own pack, sent again
        # Another station's pack, or its pack id resent by someone else: a pack is final and
        # stays the station's that made it.
        detail = f"order {packed.order_no} was already packed at {other}"
        batch.conflict("double_pack", packed.order_no, station, event, detail)
        return p.Outcome.CONFLICT, detail
    order.update(status=OrderStatus.PACKED.value, packed_by=station, pack_id=packed.pack_id, hold_reason="")
    # The pack's evidence travels with the order, so a returns desk anywhere has it.
    order["pack"] = {
        "station": station,
        "operator": packed.operator,
        "packed_at": packed.packed_at.isoformat(),
        "weight": packed.weight.model_dump(),
        "override": packed.override,
        "plan_override": packed.plan_override,
        "fired": list((packed.plan or {}).get("fired", [])),
        "parcels": len(packed.parcels) or 1,
    }
    batch.put(p.Kind.ORDER, packed.order_no, order)
    for parcel in packed.parcels:  # the numbers set aside for the station that it printed
        if parcel.waybill_no:
            batch.add(
                m.WaybillUse,
                waybill_no=parcel.waybill_no,
                order_no=packed.order_no,
                parcel_no=parcel.no,
                station=station,
                used_at=packed.packed_at,
            )
    return p.Outcome.ACCEPTED, ""


def _return_received(
    batch: Batch, station: str, event: p.Event, received: p.ReturnReceived
) -> tuple[p.Outcome, str]:
    """A return checked in: a service ticket linked to the order and customer, a refund request for
    the units of the order that came back (an integration event), and the customer's after-sales
    history, synced to every station so the customer's next order is packed with care."""
    order = batch.get(p.Kind.ORDER, received.order_no)
    if order is None:
        return p.Outcome.REJECTED, f"order {received.order_no} is not known to the server"
    ours = [unit for unit in received.items if unit.expected]
    prices: dict[str, int] = {}
    for unit in ours:
        if unit.sku not in prices:
            sku = batch.get(p.Kind.SKU, unit.sku) or {}
            prices[unit.sku] = int(sku.get("price_cents") or 0)
    refund = [{"sku": unit.sku, "quantity": 1, "unit_price_cents": prices[unit.sku]} for unit in ours]
    reasons: dict[str, int] = {}
    for unit in ours:
        reasons[unit.reason or "other"] = reasons.get(unit.reason or "other", 0) + 1
    customer_code = received.customer or str(order.get("customer") or "")
    ticket = str(received.return_id)
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
    return p.Outcome.ACCEPTED, ""


def _order_status(
    batch: Batch, order_no: str, status: OrderStatus, hold_reason: str, only_from: OrderStatus | None = None
) -> tuple[p.Outcome, str]:
    order = batch.get(p.Kind.ORDER, order_no)
    if order is None:
        return p.Outcome.REJECTED, f"order {order_no} is not known to the server"
    if order.get("status") in (*PACKED_OR_SHIPPED, OrderStatus.CANCELLED) or (
        only_from is not None and order.get("status") != only_from
    ):
        return p.Outcome.ACCEPTED, f"order {order_no} is {order.get('status')}: nothing to change"
    order.update(status=status.value, hold_reason=hold_reason)
    batch.put(p.Kind.ORDER, order_no, order)
    return p.Outcome.ACCEPTED, ""


def _preference(
    batch: Batch, station: str, event: p.Event, change: p.PreferenceChanged, received: datetime
) -> tuple[p.Outcome, str]:
    customer = batch.get(p.Kind.CUSTOMER, change.customer)
    if customer is None:
        return p.Outcome.REJECTED, f"customer {change.customer} is not known to the server"
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
    return p.Outcome.ACCEPTED, ""


def _wave_changed(batch: Batch, wave: p.WaveChanged) -> tuple[p.Outcome, str]:
    wire = p.WaveWire(
        code=wave.code, strategy=wave.strategy, status=wave.status, picker=wave.picker,
        station=wave.station, orders=wave.orders,
    )  # fmt: skip
    batch.put(p.Kind.WAVE, wave.code, wire.model_dump(mode="json"))
    moves = {
        WaveStatus.RELEASED: (OrderStatus.NEW, OrderStatus.RELEASED),
        WaveStatus.CANCELLED: (OrderStatus.RELEASED, OrderStatus.NEW),
    }.get(WaveStatus(wave.status))
    unknown = []
    for order_no in wave.orders:
        order = batch.get(p.Kind.ORDER, order_no)
        if order is None:
            unknown.append(order_no)
        elif moves is not None and order.get("status") == moves[0]:
            order["status"] = moves[1].value
            batch.put(p.Kind.ORDER, order_no, order)
    if unknown:
        return p.Outcome.ACCEPTED, f"orders not known to the server: {', '.join(unknown[:5])}"
    return p.Outcome.ACCEPTED, ""


def _rule_changed(batch: Batch, rule: p.RuleChanged) -> tuple[p.Outcome, str]:
    # The latest edit to arrive wins: rules are edited by few supervisors, rarely at once, and
    # every station shows the list the server settled on after its next pull.
    if rule.deleted:
        existed = batch.get(p.Kind.RULE, rule.code) is not None
        batch.put(p.Kind.RULE, rule.code, None)
        return p.Outcome.ACCEPTED, "" if existed else f"rule {rule.code} was already removed"
    wire = p.RuleWire(
        code=rule.code, position=rule.position, enabled=rule.enabled, definition=rule.definition
    )
    batch.put(p.Kind.RULE, rule.code, wire.model_dump(mode="json"))
    return p.Outcome.ACCEPTED, ""


def _same(a: Any, b: Any) -> bool:
    return ((a in (None, "", [])) and (b in (None, "", []))) or a == b


def supervisors_named(event: p.Event) -> list[str]:
    """The badges of the supervisors an event says decided it (checked with the server's operators)."""
    payload = event.payload
    match event.type:
        case p.EventType.ORDER_HOLD_RELEASED:
            return [str(payload.get("supervisor") or "")]
        case p.EventType.ORDER_PACKED:
            return [
                str(part.get("by") or "")
                for part in (payload.get("override"), payload.get("plan_override"))
                if isinstance(part, dict)
            ]
        case p.EventType.RULE_CHANGED:
            return [event.operator or ""]
        case p.EventType.SETTINGS_CHANGED if payload.get("supervisor"):
            return [str(payload.get("supervisor") or "")]
        case p.EventType.WAVE_CHANGED if payload.get("status") in p.SUPERVISED_WAVE_STATES:
            return [event.operator or ""]
    return []
