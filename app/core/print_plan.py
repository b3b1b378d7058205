"""What a finished pack prints: the shipping label, the cards the customer is due, a slip.

Pure: decided from the order snapshot, the station's choices and today's date. The requests are
stored with the pack in one transaction; rendering and printing happen later, off the GUI thread.
Customer-aware rules (a later layer) can add or replace inserts; this is the built-in default.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

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


def coupon_code(order_no: str, kind: str) -> str:
    """A short code, stable for an order and card, that the shop's system can check."""
    digest = hashlib.sha256(f"{order_no}|{kind}".encode()).digest()
    return kind[:3].upper() + base64.b32encode(digest)[:8].decode()


def insert_confirm_code(order_no: str, kind: str) -> str:
    """Printed as a barcode on the card; scanning it confirms the card is in this parcel."""
    return f"{INSERT_CONFIRM_PREFIX}{kind[0].upper()}:{order_no}"


def inserts_due(order: OrderSnapshot, today: date) -> list[str]:
    customer = order.customer
    if customer is None:
        return []
    tags = {tag.lower() for tag in customer.tags}
    due = []
    if customer.tier.lower() in ("vip", "svip") or "vip" in tags:
        due.append("vip")
    birthday_month = (customer.birthday is not None and customer.birthday.month == today.month) or (
        "birthday_month" in tags
    )
    if birthday_month:
        due.append("birthday")
    if customer.order_count == 0 or "new" in tags:
        due.append("welcome")
    return due


def hides_prices(order: OrderSnapshot) -> bool:
    prefs = order.customer.preferences if order.customer else {}
    gift = any("gift" in key.lower() for line in order.lines for key in line.custom_fields) or (
        "礼物" in order.buyer_note or "gift" in order.buyer_note.lower()
    )
    return gift or str(prefs.get("no_price_tag", "")).lower() in ("true", "1", "yes")


def print_requests(order: OrderSnapshot, choices: PrintChoices, today: date) -> tuple[PrintRequest, ...]:
    requests = [PrintRequest("label", "label")]
    customer = order.customer
    if customer is not None and "enterprise" in {t.lower() for t in customer.tags}:
        requests.append(PrintRequest("carton", "label", {"carton_no": 1, "carton_count": 1}))
    if choices.inserts:
        for kind in inserts_due(order, today):
            requests.append(
                PrintRequest(
                    "insert",
                    "insert",
                    {
                        "insert": kind,
                        "coupon_code": coupon_code(order.order_no, kind),
                        "confirm_code": insert_confirm_code(order.order_no, kind),
                    },
                )
            )
    if choices.slip:
        requests.append(PrintRequest("slip", "slip", {"show_prices": not hides_prices(order)}))
    return tuple(requests)
