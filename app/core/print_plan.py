"""What an order prints: the cards the customer is due when it opens; the shipping label and a
slip once it is packed.

Pure: decided from the order snapshot, the station's choices and today's date. The requests are
stored with the pack in one transaction; rendering and printing happen later, off the GUI thread.
Which cards go in and whether prices show come from the order's pack plan (app.core.rules).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.core.model import OrderSnapshot

INSERT_CONFIRM_PREFIX = "#PLI:"


@dataclass(frozen=True)
class PrintRequest:
    kind: str  # label carton insert slip
    printer: str  # which station printer: label insert slip
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class PrintChoices:
    slip: bool = False  # a packing slip in every parcel
    inserts: bool = True  # welcome / birthday / VIP cards


@dataclass(frozen=True)
class ParcelLabel:
    """A parcel of the pack as its label shows it: its number, waybill, weight and contents."""

    no: int
    waybill_no: str
    weight_g: int
    items: Sequence[Mapping[str, object]] = ()  # {"sku", "quantity"}


def coupon_code(order_no: str, kind: str) -> str:
    """A short code, stable for an order and card, that the shop's system can check."""
    digest = hashlib.sha256(f"{order_no}|{kind}".encode()).digest()
    return kind[:3].upper() + base64.b32encode(digest)[:8].decode()


def insert_confirm_code(order_no: str, kind: str) -> str:
    """Printed as a barcode on the card; scanning it confirms the card is in this parcel."""
    return f"{INSERT_CONFIRM_PREFIX}{kind[0].upper()}:{order_no}"


def hides_prices(order: OrderSnapshot) -> bool:
    prefs = order.customer.preferences if order.customer else {}
    gift = any("gift" in key.lower() for line in order.lines for key in line.custom_fields) or (
        "礼物" in order.buyer_note or "gift" in order.buyer_note.lower()
    )
    return gift or str(prefs.get("no_price_tags", "")).lower() in ("true", "1", "yes")


def card_requests(
    order: OrderSnapshot, choices: PrintChoices, inserts: Sequence[str] = ()
) -> tuple[PrintRequest, ...]:
    """The cards the pack plan puts in the parcel (`inserts`, from app.core.rules). They print
    when the order opens, so the packer has them in hand to scan before the parcel is weighed."""
    if not choices.inserts:
        return ()
    return tuple(
        PrintRequest(
            "insert",
            "insert",
            {
                "insert": kind,
                "coupon_code": coupon_code(order.order_no, kind),
                "confirm_code": insert_confirm_code(order.order_no, kind),
            },
        )
        for kind in inserts
    )


def print_requests(
    order: OrderSnapshot,
    choices: PrintChoices,
    hide_prices: bool = False,
    parcels: Sequence[ParcelLabel] = (),
) -> tuple[PrintRequest, ...]:
    """What prints once the pack is saved: a label per parcel, a carton label per parcel for
    enterprise customers, a slip if the station wants one. `hide_prices` comes from the order's
    pack plan; `parcels` are a split shipment's (none or one: the order ships as one parcel)."""
    requests = []
    customer = order.customer
    cartons = customer is not None and "enterprise" in {t.lower() for t in customer.tags}
    if len(parcels) < 2:
        # The waybill goes with the label: voiding it later names the number it carried.
        requests.append(
            PrintRequest("label", "label", {"carrier": order.carrier, "waybill_no": order.waybill_no or ""})
        )
        if cartons:
            requests.append(PrintRequest("carton", "label", {"carton_no": 1, "carton_count": 1}))
    for parcel in parcels if len(parcels) > 1 else ():
        # Each parcel's label in packing order, its carton label right after it: the packer
        # labels the parcels in the order they were sealed.
        of = {"parcel_no": parcel.no, "parcel_count": len(parcels), "weight_g": parcel.weight_g}
        items = [dict(item) for item in parcel.items]
        label = {"carrier": order.carrier, "waybill_no": parcel.waybill_no, **of, "items": items}
        requests.append(PrintRequest("label", "label", label))
        if cartons:
            carton = {"carton_no": parcel.no, "carton_count": len(parcels), **of, "items": items}
            requests.append(PrintRequest("carton", "label", carton))
    if choices.slip:
        show_prices = not (hide_prices or hides_prices(order))
        requests.append(PrintRequest("slip", "slip", {"show_prices": show_prices}))
    return tuple(requests)
