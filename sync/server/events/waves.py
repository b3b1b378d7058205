"""Waves and their picks: `wave.changed`, `pick.confirmed` and `pick.short`.

Planning, releasing, reassigning and cancelling a wave is a supervisor's decision (proven, or made
at a supervisor desk, checked in apply_event); it may only take orders open for packing, and a
wave the server has keeps its orders unless a desk re-plans it. A packing station moves a wave the
server has along as its picker walks it (released → picking → done) and changes nothing else. A
pick is recorded against a wave being picked and the orders in it; a short pick becomes one
conflict for the office per wave and SKU, however often it is sent.
"""

from __future__ import annotations

from datetime import datetime

from app.core.decisions import SUPERVISED_WAVE_STATES
from app.core.model import OrderStatus, WaveStatus
from sync import protocol as p
from sync.server.batch import Batch
from sync.server.events.common import ACCEPTED, Answer, refused, trusted

# How a picker's scans move a wave the server has: from each state, where they may take it.
WALKED = {
    WaveStatus.RELEASED: {WaveStatus.RELEASED, WaveStatus.PICKING, WaveStatus.DONE},
    WaveStatus.PICKING: {WaveStatus.PICKING, WaveStatus.DONE},
    WaveStatus.DONE: {WaveStatus.DONE},
}
PICKED_IN = frozenset({WaveStatus.RELEASED, WaveStatus.PICKING, WaveStatus.DONE})


def wave_changed(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    wave = p.WaveChanged.model_validate(event.payload)
    known = batch.get(p.Kind.WAVE, wave.code)
    status = WaveStatus(wave.status)
    supervised = wave.status in SUPERVISED_WAVE_STATES
    if known is not None and not trusted(batch) and list(wave.orders) != list(known.get("orders") or []):
        return refused(f"wave {wave.code} holds other orders at the server: a station does not change them")
    if not supervised:
        if known is None:
            return refused(f"wave {wave.code} is not known to the server: it is planned before it is picked")
        was = WaveStatus(str(known.get("status") or WaveStatus.PLANNED))
        if status not in WALKED.get(was, set()):
            return refused(f"wave {wave.code} is {was}: a picker's scans do not make it {status}")
    elif known is None or list(wave.orders) != list(known.get("orders") or []):
        problem = _orders_problem(batch, wave)
        if problem:
            return refused(problem)
    wire = p.WaveWire(
        code=wave.code, strategy=wave.strategy, status=wave.status, picker=wave.picker,
        station=wave.station, orders=wave.orders,
    )  # fmt: skip
    batch.put(p.Kind.WAVE, wave.code, wire.model_dump(mode="json"))
    moves = {
        WaveStatus.RELEASED: (OrderStatus.NEW, OrderStatus.RELEASED),
        WaveStatus.CANCELLED: (OrderStatus.RELEASED, OrderStatus.NEW),
    }.get(status)
    for order_no in wave.orders:
        order = batch.get(p.Kind.ORDER, order_no)
        if order is not None and moves is not None and order.get("status") == moves[0]:
            order["status"] = moves[1].value
            batch.put(p.Kind.ORDER, order_no, order)
    return ACCEPTED


def _orders_problem(batch: Batch, wave: p.WaveChanged) -> str | None:
    """A wave new to the server (or re-planned at a desk) takes only orders it knows, open for
    packing; cancelled, its orders go back whatever they are."""
    if wave.status == WaveStatus.CANCELLED:
        return None
    if not wave.orders:
        return f"wave {wave.code} has no orders"
    for order_no in wave.orders:
        order = batch.get(p.Kind.ORDER, order_no)
        if order is None:
            return f"wave {wave.code}: order {order_no} is not known to the server"
        if order.get("status") not in (OrderStatus.NEW, OrderStatus.RELEASED):
            return f"wave {wave.code}: order {order_no} is {order.get('status')}, not open for a wave"
    return None


def pick_recorded(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    pick = p.PickRecorded.model_validate(event.payload)
    wave = batch.get(p.Kind.WAVE, pick.wave)
    if wave is None:
        return refused(f"wave {pick.wave} is not known to the server")
    if wave.get("status") not in PICKED_IN:
        return refused(f"wave {pick.wave} is {wave.get('status')}: not being picked")
    orders = set(wave.get("orders") or ())
    stranger = next((share.order_no for share in pick.orders if share.order_no not in orders), None)
    if stranger is not None:
        return refused(f"order {stranger} is not in wave {pick.wave}")
    if pick.picked > pick.wanted:
        return refused(f"{pick.picked} picked of {pick.wanted} wanted at one stop")
    if event.type == p.EventType.PICK_SHORT:
        key = f"{pick.wave}/{pick.sku}"[:64]
        if not batch.conflict_open("short_pick", key):
            detail = (
                f"short pick in wave {pick.wave}: {pick.sku} at {pick.location or '?'}, "
                f"{pick.picked} of {pick.wanted} ({pick.reason or 'no reason'}) "
                f"by {pick.picker or station}"
            )
            batch.conflict("short_pick", key, station, event, detail)
    return ACCEPTED
