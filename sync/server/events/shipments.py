"""`order.shipped`: a dock handed an order's parcels to the carrier on a manifest the driver signed.

The claim is held against the server's order: its waybills are the ones its accepted pack put on
its parcels (or its own numbers), none of them voided, and it was packed. A parcel handed over
while the office had cancelled or held the order is a fact (it left) and a conflict the office
must act on (拦截 with the carrier). Once every parcel of the pack is handed over, the order is
shipped and the integration feed says so (`order.shipped`: the shop's "已发货" notice).
"""

from __future__ import annotations

from datetime import datetime

from app.core.model import OrderStatus
from sync import protocol as p
from sync.server import models as m
from sync.server.batch import Batch
from sync.server.events.common import ACCEPTED, Answer, operator_problem, own_waybills, refused


def order_shipped(batch: Batch, station: str, event: p.Event, _received: datetime) -> Answer:
    shipped = p.OrderShipped.model_validate(event.payload)
    order = batch.get(p.Kind.ORDER, shipped.order_no)
    if order is None:
        return refused(f"order {shipped.order_no} is not known to the server")
    problem = operator_problem(batch, shipped.operator, f"the handover of {shipped.order_no}")
    if problem:
        return refused(problem)
    pack = order.get("pack") or {}
    if order.get("status") not in (OrderStatus.PACKED, OrderStatus.SHIPPED) and not pack:
        return refused(f"order {shipped.order_no} was never packed: nothing of it can be handed over")
    packed = {str(w.get("waybill_no")) for w in pack.get("waybills") or [] if w.get("waybill_no")}
    known = packed or own_waybills(order)
    voided = set(pack.get("voided") or [])
    numbers = [parcel.waybill_no for parcel in shipped.parcels]
    for number in numbers:
        if number in voided:
            return refused(f"waybill {number} of {shipped.order_no} was voided: that label does not ship")
        if number not in known:
            return refused(f"waybill {number} is not on a parcel of {shipped.order_no}")
    shipment = dict(order.get("shipment") or {})
    before = {str(w) for w in shipment.get("waybills") or []}
    manifests = list(shipment.get("manifests") or [])
    if shipped.manifest_no in manifests and set(numbers) <= before:
        return ACCEPTED  # this manifest's handover, sent again
    twice = sorted(set(numbers) & before)
    if twice:
        detail = f"waybill {twice[0]} of {shipped.order_no} was handed over before ({', '.join(manifests)})"
        batch.conflict("handed_over_twice", shipped.order_no, station, event, detail)
        return p.Outcome.CONFLICT, detail
    shipment.update(
        manifest_no=shipped.manifest_no,
        manifests=[*manifests, shipped.manifest_no],
        station=station,
        carrier=shipped.carrier,
        driver=shipped.driver,
        shipped_at=shipped.shipped_at.isoformat(),
        waybills=sorted(before | set(numbers)),
        bags=sorted(
            {parcel.bag for parcel in shipped.parcels if parcel.bag} | set(shipment.get("bags") or [])
        ),
    )
    order["shipment"] = shipment
    status = order.get("status")
    if status in (OrderStatus.CANCELLED, OrderStatus.ON_HOLD):
        batch.put(p.Kind.ORDER, shipped.order_no, order)
        detail = (
            f"order {shipped.order_no} was {status} when {station} handed it to {shipped.carrier} on "
            f"{shipped.manifest_no}: intercept it with the carrier"
        )
        batch.conflict("handed_over_after_cancel", shipped.order_no, station, event, detail)
        return p.Outcome.CONFLICT, detail
    every = packed or own_waybills(order)
    if status == OrderStatus.PACKED and every <= set(shipment["waybills"]):
        order["status"] = OrderStatus.SHIPPED.value
        order["shipped_at"] = shipped.shipped_at.isoformat()
        batch.add(
            m.IntegrationEvent,
            type="order.shipped",
            key=shipped.order_no,
            payload={"order_no": shipped.order_no, "customer": str(order.get("customer") or ""),
                     "carrier": shipped.carrier, "waybills": shipment["waybills"],
                     "manifest_no": shipped.manifest_no, "shipped_at": shipped.shipped_at.isoformat(),
                     "channel": order.get("channel", "")},
        )  # fmt: skip
    batch.put(p.Kind.ORDER, shipped.order_no, order)
    return ACCEPTED
