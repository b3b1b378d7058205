"""A bench's packs and what follows them: `order.packed`, `label.reissued`, `label.voided` and
`order.intercepted`, each checked against the server's own order before it changes anything.

A pack is a claim that an order open for packing left the bench with its lines, by an operator
the server knows, on waybill numbers that are the order's own or set aside for that station and
carrier. A race the office could not see coming (cancelled, held or packed elsewhere while the
station was offline) is a conflict for a person; a claim the server's state contradicts is refused.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import select

from app.core.model import PACKED_OR_SHIPPED, OrderStatus
from sync import protocol as p
from sync.server import models as m
from sync.server.batch import Batch
from sync.server.events.common import (
    ACCEPTED,
    OPEN_FOR_PACKING,
    Answer,
    operator_problem,
    order_lines,
    refused,
    units,
    waybill_problem,
)

MAX_REISSUES = 3  # new labels for one order: a carrier changed, then a mistake fixed, then one more


def order_packed(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    packed = p.OrderPacked.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, packed.order_no)
    if order is None:
        return refused(f"order {packed.order_no} is not known to the server")
    status = order.get("status")
    if (
        status in PACKED_OR_SHIPPED
        and order.get("pack_id") == packed.pack_id
        and order.get("packed_by") == station
    ):
        return ACCEPTED  # this station's own pack, sent again
    problem = (
        operator_problem(batch, packed.operator, f"the pack of {packed.order_no}")
        or _contents_problem(order, packed)
        or _units_problem(order, packed)
    )
    if problem:
        return refused(problem)
    parcels = [
        (parcel.carrier or str(order.get("carrier") or ""), parcel.waybill_no) for parcel in packed.parcels
    ]
    for carrier in sorted({carrier for carrier, _ in parcels}):
        numbers = [number for c, number in parcels if c == carrier]
        problem = waybill_problem(batch, station, packed.order_no, order, carrier, numbers)
        if problem:
            return refused(problem)
    if status in PACKED_OR_SHIPPED:
        # Another station's pack, or its pack id resent by someone else: a pack is final and
        # stays the station's that made it.
        other = order.get("packed_by") or "another station"
        detail = f"order {packed.order_no} was already packed at {other}"
        batch.conflict("double_pack", packed.order_no, station, event, detail)
        return p.Outcome.CONFLICT, detail
    if status == OrderStatus.CANCELLED:
        detail = f"order {packed.order_no} was cancelled before it was packed at {station}: "
        detail += "intercept the parcel"
        batch.conflict("packed_after_cancel", packed.order_no, station, event, detail)
        return p.Outcome.CONFLICT, detail
    if status not in OPEN_FOR_PACKING:  # on hold at the server: the office stopped it meanwhile
        detail = (
            f"order {packed.order_no} was {status} at the server when {station} packed it: check the parcel"
        )
        batch.conflict("packed_while_held", packed.order_no, station, event, detail)
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
        # Each parcel's waybill and weight: the dock at any station knows the parcel by its label.
        "waybills": [
            {
                "no": parcel.no,
                "waybill_no": parcel.waybill_no,
                "carrier": parcel.carrier or order.get("carrier"),
                "weight_g": parcel.weight.actual_g,
            }
            for parcel in packed.parcels
            if parcel.waybill_no
        ],
    }
    if packed.units:
        order["pack"]["units"] = [unit.model_dump(mode="json") for unit in packed.units]
        _ship_units(batch, station, event, order, packed)
    batch.put(p.Kind.ORDER, packed.order_no, order)
    for parcel in packed.parcels:
        if parcel.waybill_no:
            batch.use_waybill(parcel.waybill_no, packed.order_no, parcel.no, station, packed.packed_at)
    return ACCEPTED


def _contents_problem(order: dict, packed: p.OrderPacked) -> str | None:
    """Why the pack's lines are not the order's (each parcel's items, summed, too), or None."""
    wanted = order_lines(order)
    if units(packed.lines) != wanted:
        return f"the pack of {packed.order_no} does not hold the order's lines as the server has them"
    with_items = [parcel for parcel in packed.parcels if parcel.items]
    if with_items:
        total = units(item for parcel in with_items for item in parcel.items)
        if total != wanted:
            return f"the parcels of {packed.order_no} do not add up to the order's lines"
    return None


def _units_problem(order: dict, packed: p.OrderPacked) -> str | None:
    """Why the pack's traced units cannot be the order's: a SKU it does not have, more units of a
    SKU than its lines, a parcel it did not have, one serial twice."""
    if not packed.units:
        return None
    wanted = order_lines(order)
    counted = Counter(unit.sku for unit in packed.units)
    for sku, count in sorted(counted.items()):
        if count > wanted[sku]:
            has = wanted[sku]
            return f"the pack of {packed.order_no} names {count} traced units of {sku}, the order has {has}"
    parcels = len(packed.parcels) or 1
    if any(unit.parcel > parcels for unit in packed.units):
        return f"the pack of {packed.order_no} puts a traced unit in a parcel it does not have"
    serials = Counter((unit.sku, unit.serial) for unit in packed.units if unit.serial)
    twice = sorted(serial for (_, serial), n in serials.items() if n > 1)
    if twice:
        return f"the pack of {packed.order_no} names serial {twice[0]} twice"
    return None


def _ship_units(batch: Batch, station: str, event: p.Event, order: dict, packed: p.OrderPacked) -> None:
    """Record who received which unit; a serial that left before with another order (a copied
    label, a unit sent back and sent out again unchecked) is a conflict for the office."""
    serials = sorted({unit.serial for unit in packed.units if unit.serial})
    earlier: dict[tuple[str, str], str] = {}
    if serials:
        rows = batch.c.execute(
            select(m.ShippedUnit.sku, m.ShippedUnit.serial, m.ShippedUnit.order_no).where(
                m.ShippedUnit.serial.in_(serials), m.ShippedUnit.order_no != packed.order_no
            )
        )
        earlier = {(sku, serial): order_no for sku, serial, order_no in rows}
        for row in batch.rows.get(m.ShippedUnit, []):  # this push's own packs
            if row["serial"] in serials and row["order_no"] != packed.order_no:
                earlier.setdefault((row["sku"], row["serial"]), row["order_no"])
    for unit in packed.units:
        other = earlier.get((unit.sku, unit.serial)) if unit.serial else None
        if other is not None:
            detail = f"serial {unit.serial} of {unit.sku} in {packed.order_no} already left with {other}"
            batch.conflict("serial_twice", packed.order_no, station, event, detail)
        batch.add(
            m.ShippedUnit,
            order_no=packed.order_no,
            customer=str(order.get("customer") or ""),
            sku=unit.sku,
            parcel_no=unit.parcel,
            serial=unit.serial,
            lot=unit.lot,
            expiry=unit.expiry,
            station=station,
            packed_at=packed.packed_at,
        )


def label_reissued(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    """New labels for an order this station packed (its labels were voided): the numbers each
    parcel now carries must be the order's own or this station's for that carrier."""
    reissued = p.LabelReissued.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, reissued.order_no)
    problem = _packed_here(order, reissued.order_no, station) or operator_problem(
        batch, reissued.operator, f"the new labels of {reissued.order_no}"
    )
    if problem:
        return refused(problem)
    assert order is not None
    parcels = int((order.get("pack") or {}).get("parcels") or 1)
    if len(reissued.parcels) > parcels:
        return refused(f"{len(reissued.parcels)} new labels for the {parcels} parcels of {reissued.order_no}")
    reissues = int(order.get("reissues") or 0)
    if reissues >= MAX_REISSUES:
        return refused(f"the labels of {reissued.order_no} were issued again {reissues} times already")
    numbers = [parcel.waybill_no for parcel in reissued.parcels]
    problem = waybill_problem(batch, station, reissued.order_no, order, reissued.carrier, numbers)
    if problem:
        return refused(problem)
    order["reissues"] = reissues + 1
    pack = dict(order.get("pack") or {})
    before = {int(w.get("no") or 1): w for w in pack.get("waybills") or []}
    voided = list(pack.get("voided") or [])
    waybills = []
    for parcel in reissued.parcels:
        old = before.get(parcel.no, {})
        if old.get("waybill_no") and old["waybill_no"] != parcel.waybill_no:
            voided.append(old["waybill_no"])
        waybills.append(
            {**old, "no": parcel.no, "waybill_no": parcel.waybill_no, "carrier": reissued.carrier}
        )
    pack["waybills"], pack["voided"] = waybills, sorted(set(voided))
    order["pack"] = pack
    batch.put(p.Kind.ORDER, reissued.order_no, order)
    for parcel in reissued.parcels:  # numbers of the station's reserve now on its parcels
        if parcel.waybill_no:
            batch.use_waybill(parcel.waybill_no, reissued.order_no, parcel.no, station, reissued.at)
    return ACCEPTED


def label_voided(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    """Kept in the event log for the integration that cancels the number with the carrier: only
    the station that packed the order voids its labels."""
    voided = p.LabelVoided.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, voided.order_no)
    problem = _packed_here(order, voided.order_no, station)
    if problem:
        return refused(problem)
    assert order is not None
    pack = dict(order.get("pack") or {})
    pack["voided"] = sorted({*(pack.get("voided") or []), voided.waybill_no})  # the dock stops it
    order["pack"] = pack
    batch.put(p.Kind.ORDER, voided.order_no, order)
    return ACCEPTED


def label_printed(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    """A platform's waybill printed by its component: only on a parcel of an order this station
    packed, and only a number that is the order's own or one this station put on it; then the
    integration feed asks the platform's print-success notice (`waybill.printed`)."""
    printed = p.LabelPrinted.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, printed.order_no)
    problem = _packed_here(order, printed.order_no, station)
    if problem is None and order is not None:
        problem = waybill_problem(
            batch, station, printed.order_no, order, printed.carrier, [printed.waybill_no]
        )
    if problem:
        return refused(problem)
    batch.add(
        m.IntegrationEvent,
        type="waybill.printed",
        key=printed.order_no,
        payload={"order_no": printed.order_no, "carrier": printed.carrier, "waybill_no": printed.waybill_no,
                 "platform": printed.platform, "source": printed.source, "task_id": printed.task_id,
                 "station": station, "printed_at": printed.at.isoformat()},
    )  # fmt: skip
    return ACCEPTED


def clip_recorded(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    """A pack's clip and its hashes, from the station that packed the order: on the integration
    feed (`clip.recorded`, by order) for the office's dispute desk."""
    clip = p.ClipRecorded.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, clip.order_no)
    problem = _packed_here(order, clip.order_no, station)
    if problem is None and order is not None:
        problem = waybill_problem(batch, station, clip.order_no, order, "", clip.waybills)
    if problem:
        return refused(problem)
    batch.add(m.IntegrationEvent, type="clip.recorded", key=clip.order_no,
              payload={**clip.model_dump(mode="json"), "station": station})  # fmt: skip
    for key in dict.fromkeys([clip.order_no, *clip.waybills]):  # found by each, once
        batch.add(m.ClipRecord, key=key, order_no=clip.order_no, pack_id=clip.pack_id, station=station,
                  camera=clip.camera, status=clip.status, reason=clip.reason, sha256=clip.sha256,
                  started_at=clip.started_at, ended_at=clip.ended_at)  # fmt: skip
    return ACCEPTED


def order_intercepted(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    """Kept in the event log: the bench stopped the order and its goods went back (the order's
    state is the office's change that caused it, applied already)."""
    stopped = p.OrderIntercepted.model_validate(event.payload)
    if batch.get(p.Kind.ORDER, stopped.order_no) is None:
        return refused(f"order {stopped.order_no} is not known to the server")
    return ACCEPTED


def _packed_here(order: dict | None, order_no: str, station: str) -> str | None:
    if order is None:
        return f"order {order_no} is not known to the server"
    if order.get("status") not in PACKED_OR_SHIPPED or order.get("packed_by") != station:
        return f"order {order_no} was not packed at {station}: its labels are not {station}'s"
    return None
