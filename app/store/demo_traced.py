"""The demo warehouse's traced goods: a face cream by lot and expiry, a phone by serial (in its
GS1 DataMatrix) and a router whose serial is on a label of its own; the cream's lots (one older
still in stock, one recalled) and an order of each to pack, with the GS1 codes to scan for them.

Kept apart from app.store.demo's random stream: the rest of the demo stays row for row as it was.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.core.barcodes import lookup_key, make_gtin
from app.store import models as m

GS = "\x1d"
# code, zh, en, weight g, price fen, trace flags, min shelf days, GTIN payload (12 digits)
TRACED_SKUS = (
    ("TRC-CREAM", "玻尿酸修护面霜 50g", "Hyaluronic repair cream 50 g", 120, 16_900, "lot,expiry", 60,
     "690123400001"),
    ("TRC-PHONE", "智能手机 128GB 星空黑", "Smartphone 128 GB black", 420, 199_900, "serial", 0,
     "690123400002"),
    ("TRC-ROUTER", "千兆无线路由器 AX3000", "Gigabit Wi-Fi router AX3000", 560, 29_900, "serial_label", 0,
     "690123400003"),
)  # fmt: skip
# The cream's lots: lot, days from the demo's reference to expiry, units in stock, recall reason.
CREAM_LOTS = (
    ("L2026A", 30, 0, ""),
    ("L2027B", 700, 40, ""),
    ("L2028C", 1000, 60, ""),
    ("L2025X", 900, 12, "过敏投诉召回 / recalled: allergy complaints"),
)
ORDERS = (("PLT-0001", "TRC-CREAM", 2), ("PLT-0002", "TRC-PHONE", 1), ("PLT-0003", "TRC-ROUTER", 1))


def gtin(sku_code: str) -> str:
    payload = next(row[7] for row in TRACED_SKUS if row[0] == sku_code)
    return make_gtin(payload).zfill(14)


def add_traced(s: Session, reference: datetime) -> None:
    """Write the traced SKUs, their lots and one order each (status new, ready to pack)."""
    first_sku = int(s.scalar(select(func.max(m.Sku.id))) or 0) + 1
    ids = {}
    prices = {row[0]: row[4] for row in TRACED_SKUS}
    for offset, (code, zh, en, weight, price, flags, days, payload) in enumerate(TRACED_SKUS):
        ids[code] = first_sku + offset
        row = {"id": ids[code], "code": code, "name_zh": zh, "name_en": en, "category": "TRACED",
               "unit_weight_g": weight, "bin_location": f"T-01-{offset + 1:02d}-1", "price_cents": price,
               "volume_cm3": 200 + weight * 3, "trace": flags, "min_shelf_days": days}  # fmt: skip
        s.execute(insert(m.Sku), [row])
        ean = make_gtin(payload)
        barcode = {"key": lookup_key(ean), "code": ean, "kind": "ean13", "pack_qty": 1, "sku_id": ids[code]}
        s.execute(insert(m.Barcode), [barcode])
    lots = [
        {"sku_code": "TRC-CREAM", "lot": lot, "expiry": reference.date() + timedelta(days=days),
         "in_stock": stock, "recalled": recalled, "updated_at": reference}
        for lot, days, stock, recalled in CREAM_LOTS
    ]  # fmt: skip
    s.execute(insert(m.Lot), lots)
    customer = s.scalar(select(m.Customer.id).order_by(m.Customer.id).limit(1))
    routing = {"sort_code": "021-W12 003", "short_address": "上海 浦东", "package_center_code": "200120",
               "package_center_name": "上海转运中心", "route_label": "021WA",
               "source": "demo:SF"}  # fmt: skip
    for number, (order_no, sku_code, quantity) in enumerate(ORDERS, start=1):
        order = m.Order(
            order_no=order_no, channel="tmall", status="new", carrier="SF", waybill_no=f"SF7100{number:09d}",
            receiver_name="陈静", receiver_phone="13912345678", province="上海市", city="上海市",
            district="浦东新区", address="世纪大道100号", amount_cents=prices[sku_code] * quantity,
            customer_id=customer, paid_at=reference, updated_at=reference, routing=routing,
        )  # fmt: skip
        s.add(order)
        s.flush()
        line = {"order_id": order.id, "line_no": 1, "sku_id": ids[sku_code], "quantity": quantity}
        s.execute(insert(m.OrderLine), [line])


def scans(today: date) -> list[dict[str, Any]]:
    """The GS1 codes to try the traced orders with, dated from `today` (AIM ]d2: a DataMatrix;
    GS separates the fields as a scanner sends it)."""

    def gs1(sku: str, *fields: str) -> str:
        return "]d2" + "01" + gtin(sku) + GS.join(fields)

    def yymmdd(days: int) -> str:
        return (today + timedelta(days=days)).strftime("%y%m%d")

    cream, phone, router = (make_gtin(row[7]) for row in TRACED_SKUS)
    tries = (
        ("PLT-0001", "cream, lot L2027B: counts", gs1("TRC-CREAM", "17" + yymmdd(500) + "10L2027B")),
        ("PLT-0001", "cream, lot L2028C: newer than L2027B in stock (FEFO)",
         gs1("TRC-CREAM", "17" + yymmdd(800) + "10L2028C")),
        ("PLT-0001", "cream with 23 days left: refused", gs1("TRC-CREAM", "17" + yymmdd(23) + "10L2026A")),
        ("PLT-0001", "cream of the recalled lot: refused", gs1("TRC-CREAM", "17" + yymmdd(600) + "10L2025X")),
        ("PLT-0002", "phone with its serial", gs1("TRC-PHONE", "21IMEI860000000000001")),
        ("PLT-0002", "phone's plain EAN: refused, needs its serial", phone),
        ("PLT-0003", "router's EAN: asks for its serial label", router),
        ("PLT-0003", "the router's serial label", "RT-AX3000-0001"),
    )  # fmt: skip
    assert cream
    return [{"order_no": order_no, "what": what, "scan": scan} for order_no, what, scan in tries]
