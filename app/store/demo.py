"""Deterministic demo data: a warehouse a new user can pack in right away.

Same seed and reference time, same data, row for row. Chinese names, addresses, products and
carriers; SKUs with several barcodes (EAN-13, UPC-A, internal codes, GTIN-14 case codes);
customers with tiers, tags and preferences; orders in every status the station must handle.
Also used by the benchmarks to fill a store with a million orders.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.auth import hash_pin
from app.core.barcodes import lookup_key, make_gtin
from app.core.model import PACKAGING, Carrier, Channel, Role
from app.paths import RESOURCES
from app.store import models as m
from app.store.db import Database
from app.store.demo_traced import add_traced, scans
from app.store.stored_keys import CARRIER_PICKUPS_KEY, CARRIERS_KEY, CARRIERS_ROUTED_KEY

log = logging.getLogger(__name__)

DEFAULT_SEED = 20261122
CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class DemoOperator:
    badge: str
    name: str
    pin: str
    role: Role


DEMO_OPERATORS = (
    DemoOperator("P0001", "张伟", "1234", Role.PACKER),
    DemoOperator("P0002", "李娜", "1234", Role.PACKER),
    DemoOperator("K0001", "刘洋", "1234", Role.PICKER),
    DemoOperator("S0001", "王主管", "12345678", Role.SUPERVISOR),
)

_CHANNEL_WEIGHTS = {
    Channel.TAOBAO: 30,
    Channel.TMALL: 15,
    Channel.JD: 12,
    Channel.DOUYIN: 18,
    Channel.PINDUODUO: 12,
    Channel.XIAOHONGSHU: 5,
    Channel.KUAISHOU: 3,
    Channel.WECHAT: 3,
    Channel.OWN_SHOP: 2,
}
_CARRIER_WEIGHTS = {
    Carrier.ZTO: 24,
    Carrier.YTO: 20,
    Carrier.YUNDA: 16,
    Carrier.SF: 15,
    Carrier.STO: 10,
    Carrier.JD: 8,
    Carrier.JTEXPRESS: 5,
    Carrier.EMS: 2,
}
_STATUS_WEIGHTS = {"new": 80, "released": 6, "packed": 5, "shipped": 3, "cancelled": 3, "on_hold": 3}
_TIER_WEIGHTS = {"normal": 60, "silver": 20, "gold": 12, "vip": 8}
# Lines per order, 1 to 5: a shop's usual mix, most orders single or double (1.8 lines on average).
LINES_USUAL = (55, 25, 12, 5, 3)


@dataclass
class DemoSummary:
    skus: int = 0
    barcodes: int = 0
    customers: int = 0
    orders: int = 0
    lines: int = 0
    waves: int = 0


def vocabulary() -> dict[str, Any]:
    with (RESOURCES / "demo" / "vocabulary.json").open(encoding="utf-8") as f:
        return json.load(f)


def _pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def order_no_for(channel: str, index: int, rng: random.Random) -> str:
    """Order numbers shaped like each platform's, unique by construction (they embed index)."""
    serial = f"{index:09d}"
    match channel:
        case Channel.TAOBAO | Channel.TMALL:
            return f"{rng.randint(1, 4)}{rng.randint(10**8, 10**9 - 1)}{serial}"
        case Channel.JD:
            return f"3{rng.randint(10, 99)}{serial}"
        case Channel.DOUYIN:
            return f"69{rng.randint(10**7, 10**8 - 1)}{serial}"
        case Channel.PINDUODUO:
            return f"261122-{rng.randint(100000, 999999)}{serial}"
        case Channel.XIAOHONGSHU:
            return f"P{rng.randint(10**8, 10**9 - 1)}{serial}"
        case _:
            return f"PL{serial}"


# The demo warehouse's carriers, as the office would set them on the server: each one's name and
# when its truck comes (the warehouse's local time).
DEMO_CARRIERS = {
    Carrier.SF: ("顺丰速运", ["12:00", "18:30"]), Carrier.JD: ("京东物流", ["19:00"]),
    Carrier.ZTO: ("中通快递", ["17:00"]), Carrier.YTO: ("圆通速递", ["17:00"]),
    Carrier.YUNDA: ("韵达快递", ["16:30"]), Carrier.STO: ("申通快递", ["16:30"]),
    Carrier.EMS: ("中国邮政 EMS", ["15:00"]), Carrier.JTEXPRESS: ("极兔速递", ["17:30"]),
}  # fmt: skip
DEMO_RESERVE = 20  # waybill numbers per carrier set aside for split shipments in the demo
DEMO_RESERVE_FROM = 900_000_000


def demo_routing(carrier: str, city: str, index: int) -> dict[str, str]:
    """Routing data as a carrier issues it with a waybill (sort code, short address, package
    centre; SF's route label): made up for the demo, from its own random stream so the rest of the
    demo stays as it was."""
    r = random.Random(index)
    letter = r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    sort_code = f"{r.randint(100, 999)}-{letter}{r.randint(0, 99):02d} {r.randint(0, 999):03d}"
    centre = city.removesuffix("市")
    routing = {
        "sort_code": sort_code,
        "short_address": f"{centre} {r.randint(1, 40):02d}",
        "package_center_code": f"{r.randint(100000, 999999)}",
        "package_center_name": f"{centre}转运中心",
        "source": f"demo:{carrier}",
    }
    if carrier == Carrier.SF:
        routing["route_label"] = f"{r.randint(10, 999)}{r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}"
    return routing


def waybill_for(carrier: str, index: int, rng: random.Random) -> str:
    serial = f"{index:09d}"
    match carrier:
        case Carrier.SF:
            return f"SF{rng.randint(1000, 9999)}{serial}"
        case Carrier.ZTO:
            return f"7{rng.randint(10, 99)}{serial}"
        case Carrier.YTO:
            return f"YT{rng.randint(1000, 9999)}{serial}"
        case Carrier.YUNDA:
            return f"43{rng.randint(10, 99)}{serial}"
        case Carrier.JD:
            return f"JDV{rng.randint(100, 999)}{serial}"
        case Carrier.STO:
            return f"77{rng.randint(10, 99)}{serial}"
        case Carrier.JTEXPRESS:
            return f"JT{rng.randint(1000, 9999)}{serial}"
        case _:
            return f"11{rng.randint(10, 99)}{serial}"


def _catalogue(vocab: dict[str, Any], rng: random.Random) -> Iterator[dict[str, Any]]:
    """Every product variant as a SKU row (with its barcodes under '_barcodes')."""
    number = 0
    for cat_index, category in enumerate(vocab["categories"]):
        # Samples and personalised gifts are house products; everything else comes from several brands.
        brands = [["", ""]] if category["code"] in ("SAMPLE", "GIFT") else vocab["brands"]
        for brand_zh, brand_en in brands:
            for name_zh, name_en, variants, weights, prices in category["products"]:
                for variant, weight, price in zip(variants, weights, prices, strict=True):
                    number += 1
                    variant_zh, _, variant_en = variant.partition("|")
                    yield _sku_row(
                        number,
                        category["code"],
                        cat_index,
                        f"{brand_zh}{name_zh} {variant_zh}".strip(),
                        f"{brand_en} {name_en} {variant_en or variant_zh}".strip(),
                        weight + rng.randint(-5, 5) if weight > 50 else weight,
                        price,
                        rng,
                    )


def _sku_row(
    number: int,
    category: str,
    cat_index: int,
    name_zh: str,
    name_en: str,
    weight: int,
    price: int,
    rng: random.Random,
) -> dict[str, Any]:
    ean = make_gtin(f"69{rng.randint(10**9, 10**10 - 1)}")
    codes: list[tuple[str, str, int]] = [(ean, "ean13", 1), (f"PL{number:06d}", "internal", 1)]
    if rng.random() < 0.15:  # a repackaged product: a second retail code
        codes.append((make_gtin(f"69{rng.randint(10**9, 10**10 - 1)}"), "ean13", 1))
    if weight <= 600 and category not in ("SAMPLE", "GIFT") and rng.random() < 0.4:
        codes.append((make_gtin("1" + ean[:-1]), "gtin14", rng.choice((6, 12, 24))))
    zone = "ABCDEFGH"[cat_index % 8]
    return {
        "code": f"{category[:3]}-{number:05d}",
        "name_zh": name_zh,
        "name_en": name_en,
        "category": category,
        "unit_weight_g": weight,
        "bin_location": f"{zone}-{rng.randint(1, 20):02d}-{rng.randint(1, 10):02d}-{rng.randint(1, 4)}",
        "price_cents": price,
        "volume_cm3": 200 + weight * 3,  # boxed goods: roughly by weight
        "_barcodes": codes,
    }


# The common Chinese postal box sizes and a courier bag: code, zh, en, weight (g), inside (mm).
PACKAGING_SIZES = (
    ("PKG-BAG", "快递袋（中）", "Courier bag M", 15, (300, 220, 40)),
    ("PKG-12", "12号纸箱", "Box No.12", 40, (130, 80, 90)),
    ("PKG-10", "10号纸箱", "Box No.10", 60, (175, 95, 115)),
    ("PKG-8", "8号纸箱", "Box No.8", 80, (210, 110, 140)),
    ("PKG-6", "6号纸箱", "Box No.6", 120, (260, 150, 180)),
    ("PKG-4", "4号纸箱", "Box No.4", 200, (350, 190, 230)),
    ("PKG-2", "2号纸箱", "Box No.2", 300, (430, 210, 270)),
)


def _packaging_catalogue(s: Session, first_id: int) -> None:
    """Boxes and a bag as SKUs of category PACKAGING, each with its code as a barcode (printed on
    the box shelf): the bench recommends one and the packer scans the one used."""
    rows = []
    for offset, (code, name_zh, name_en, weight, (length, width, height)) in enumerate(PACKAGING_SIZES):
        rows.append(
            {
                "id": first_id + offset,
                "code": code,
                "name_zh": name_zh,
                "name_en": name_en,
                "category": PACKAGING,
                "unit_weight_g": weight,
                "bin_location": "",
                "price_cents": 0,
                "volume_cm3": length * width * height // 1000,
            }
        )
    s.execute(insert(m.Sku), rows)
    barcodes = [
        {"key": lookup_key(r["code"]), "code": r["code"], "kind": "internal", "sku_id": r["id"]} for r in rows
    ]
    s.execute(insert(m.Barcode), barcodes)


def _person_name(vocab: dict[str, Any], rng: random.Random) -> str:
    given = "".join(rng.choice(vocab["given_chars"]) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(vocab["surnames"]) + given


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}"


def generate(
    db: Database,
    *,
    orders: int = 3000,
    customers: int | None = None,
    seed: int = DEFAULT_SEED,
    reference: datetime | None = None,
    lines_weights: tuple[int, int, int, int, int] = LINES_USUAL,
) -> DemoSummary:
    """Fill an empty database with demo data. Returns counts and a few orders worth trying.

    `lines_weights`: how often an order has 1, 2, 3, 4 or 5 lines."""
    reference = reference or datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    rng = random.Random(seed)
    vocab = vocabulary()
    customers = customers if customers is not None else max(50, orders // 2)
    summary = DemoSummary()
    with db.session() as s, s.begin():
        if s.scalar(select(m.Order.id).limit(1)) is not None:
            raise ValueError("the database already holds orders; demo data goes into an empty one")
        for op in DEMO_OPERATORS:
            s.add(
                m.Operator(
                    badge_code=op.badge,
                    name=op.name,
                    pin_hash=hash_pin(op.pin, op.role.value),
                    role=op.role.value,
                )
            )

        # Catalogue.
        skus = list(_catalogue(vocab, rng))
        for sku_id, sku in enumerate(skus, start=1):
            sku["id"] = sku_id
        s.execute(insert(m.Sku), [{k: v for k, v in sku.items() if not k.startswith("_")} for sku in skus])
        barcode_rows = [
            {"key": lookup_key(code), "code": code, "kind": kind, "pack_qty": qty, "sku_id": sku["id"]}
            for sku in skus
            for code, kind, qty in sku["_barcodes"]
        ]
        s.execute(insert(m.Barcode), barcode_rows)
        summary.skus, summary.barcodes = len(skus), len(barcode_rows)
        _packaging_catalogue(s, first_id=len(skus) + 1)
        sellable = [sku for sku in skus if sku["category"] != "SAMPLE"]
        gifts = [sku for sku in sellable if sku["category"] == "GIFT"]

        # Customers.
        customer_rows = []
        for cid in range(1, customers + 1):
            tier = _pick(rng, _TIER_WEIGHTS)
            birthday = date(rng.randint(1965, 2004), rng.randint(1, 12), rng.randint(1, 28))
            order_count = rng.choice((0, 1, 1, 2, 3, 5, 8, 13, 21))
            tags = []
            if tier == "vip":
                tags.append("vip")
            if order_count == 0:
                tags.append("new")
            if birthday.month == reference.month:
                tags.append("birthday_month")
            if rng.random() < 0.06:
                tags.append("churn_risk")
            if rng.random() < 0.03:
                tags.append("enterprise")
            prefs: dict[str, str] = {}
            if rng.random() < 0.10:
                prefs["packaging"] = "simple"
            if rng.random() < 0.08:
                prefs["no_price_tag"] = "true"
            if rng.random() < 0.10:
                prefs["preferred_carrier"] = Carrier.SF.value
            if rng.random() < 0.04:
                prefs["ship_days"] = "sat"
            customer_rows.append(
                {
                    "id": cid,
                    "code": f"C{cid:07d}",
                    "name": _person_name(vocab, rng),
                    "phone": _phone(rng),
                    "tier": tier,
                    "tags": tags,
                    "birthday": birthday,
                    "preferences": prefs,
                    "order_count": order_count,
                    "lifetime_value_cents": order_count * rng.randint(5000, 40000),
                    "updated_at": reference,
                }
            )
        s.execute(insert(m.Customer), customer_rows)
        summary.customers = customers
        names = {row["id"]: row["name"] for row in customer_rows}
        phones = {row["id"]: row["phone"] for row in customer_rows}
        del customer_rows

        # Orders, in chunks so a million of them fit in memory.
        line_id = 0
        tote = 0
        for start in range(0, orders, CHUNK):
            order_rows: list[dict[str, Any]] = []
            line_rows: list[dict[str, Any]] = []
            for index in range(start + 1, min(orders, start + CHUNK) + 1):
                channel = _pick(rng, _CHANNEL_WEIGHTS)
                carrier = _pick(rng, _CARRIER_WEIGHTS)
                status = _pick(rng, _STATUS_WEIGHTS)
                customer_id = rng.randint(1, customers)
                province, city, districts = rng.choice(vocab["places"])
                paid_at = reference - timedelta(minutes=rng.randint(5, 3 * 24 * 60))
                n_lines = rng.choices((1, 2, 3, 4, 5), weights=lines_weights)[0]
                chosen = rng.sample(sellable, n_lines)
                amount = 0
                for line_no, sku in enumerate(chosen, start=1):
                    line_id += 1
                    qty = rng.choices((1, 2, 3, 6), weights=(80, 13, 5, 2))[0]
                    custom: dict[str, str] = {}
                    if sku in gifts:
                        custom = {"engraving": rng.choice(vocab["engravings"])}
                    amount += sku["price_cents"] * qty
                    line_rows.append(
                        {
                            "id": line_id,
                            "order_id": index,
                            "line_no": line_no,
                            "sku_id": sku["id"],
                            "quantity": qty,
                            "custom_fields": custom,
                        }
                    )
                receiver_is_buyer = rng.random() < 0.8
                tote_code = None
                if status == "released" and rng.random() < 0.5:
                    tote += 1
                    tote_code = f"T{tote:05d}"
                order_rows.append(
                    {
                        "id": index,
                        "order_no": order_no_for(channel, index, rng),
                        "channel": channel.value,
                        "status": status,
                        "paid_at": paid_at,
                        "ship_by": paid_at + timedelta(hours=rng.choice((24, 48, 72))),
                        "carrier": carrier.value,
                        "waybill_no": waybill_for(carrier, index, rng),
                        "routing": demo_routing(carrier, city, index),
                        "tote_code": tote_code,
                        "receiver_name": names[customer_id]
                        if receiver_is_buyer
                        else _person_name(vocab, rng),
                        "receiver_phone": phones[customer_id] if receiver_is_buyer else _phone(rng),
                        "province": province,
                        "city": city,
                        "district": rng.choice(districts),
                        "address": f"{rng.choice(vocab['streets'])}{rng.randint(1, 999)}号"
                        f"{rng.choice(vocab['buildings'])}{rng.randint(1, 30)}栋{rng.randint(101, 2808)}室",
                        "buyer_note": rng.choice(vocab["buyer_notes"]),
                        "seller_note": rng.choice(vocab["seller_notes"]),
                        "amount_cents": amount,
                        "hold_reason": "address_problem" if status == "on_hold" else "",
                        "customer_id": customer_id,
                        "packed_at": paid_at + timedelta(hours=2)
                        if status in ("packed", "shipped")
                        else None,
                        "updated_at": reference,
                    }
                )
            s.execute(insert(m.Order), order_rows)
            s.execute(insert(m.OrderLine), line_rows)
            summary.orders += len(order_rows)
            summary.lines += len(line_rows)

        # Released orders are in released waves (24 orders a cart), as a supervisor would leave them.
        released = s.scalars(
            select(m.Order.id).where(m.Order.status == "released").order_by(m.Order.id).limit(240)
        ).all()
        for number, start in enumerate(range(0, len(released), 24), start=1):
            wave = m.Wave(
                code=f"W{reference:%Y%m%d}-{number:03d}",
                strategy="batch",
                status="released",
                created_at=reference,
                released_at=reference,
            )
            s.add(wave)
            s.flush()
            s.execute(
                insert(m.WaveOrder),
                [
                    {"wave_id": wave.id, "order_id": order_id, "slot": slot}
                    for slot, order_id in enumerate(released[start : start + 24], start=1)
                ],
            )
            summary.waves += 1

        # A station alone has no server to set waybill numbers aside: the demo's own, per carrier,
        # so a split shipment can be tried (serials far above any order's).
        s.execute(
            insert(m.WaybillReserve),
            [
                {"waybill_no": waybill_for(carrier, DEMO_RESERVE_FROM + k, rng), "carrier": carrier.value,
                 "received_at": reference}
                for carrier in Carrier
                for k in range(DEMO_RESERVE)
            ],
        )  # fmt: skip
        names = {carrier.value: name for carrier, (name, _times) in DEMO_CARRIERS.items()}
        pickups = {carrier.value: times for carrier, (_name, times) in DEMO_CARRIERS.items()}
        s.merge(m.Setting(key=CARRIERS_KEY, value=names, updated_at=reference))
        s.merge(m.Setting(key=CARRIER_PICKUPS_KEY, value=pickups, updated_at=reference))
        # Every demo carrier sorts by its routing data: an order without it is held at its first scan.
        s.merge(m.Setting(key=CARRIERS_ROUTED_KEY, value=sorted(names), updated_at=reference))
        add_traced(s, reference)  # after everything else: the random stream above stays as it was
    log.info("demo data: %s orders, %s skus, %s customers", summary.orders, summary.skus, summary.customers)
    return summary


def sample_orders(db: Database, per_kind: int = 6) -> dict[str, Any]:
    """A few orders of each kind worth trying, with the barcodes to scan for them."""
    with db.session() as s:

        def describe(order: m.Order) -> dict[str, Any]:
            items = []
            for line in order.lines:
                codes = sorted(line.sku.barcodes, key=lambda b: (b.kind != "ean13", b.id))
                items.append(
                    {
                        "sku": line.sku.code,
                        "name": line.sku.name_zh,
                        "barcode": codes[0].code if codes else "",
                        "quantity": line.quantity,
                    }
                )
            customer = order.customer
            return {
                "order_no": order.order_no,
                "waybill_no": order.waybill_no,
                "status": order.status,
                "carrier": order.carrier,
                # Who it is for: what the customer rules read (VIP, birthday month, first order…).
                "customer": {
                    "tier": customer.tier if customer else "",
                    "tags": list(customer.tags) if customer else [],
                    "orders_before": customer.order_count if customer else 0,
                },
                "items": items,
            }

        def first(status: str, count: int) -> list[dict[str, Any]]:
            rows = s.scalars(
                select(m.Order).where(m.Order.status == status).order_by(m.Order.id).limit(count)
            )
            return [describe(o) for o in rows]

        cases = s.execute(
            select(m.Barcode.code, m.Sku.code, m.Barcode.pack_qty)
            .join(m.Sku, m.Sku.id == m.Barcode.sku_id)
            .where(m.Barcode.kind == "gtin14")
            .order_by(m.Barcode.id)
            .limit(3)
        ).all()
        ready, planned = _by_plan(db, s, describe, per_kind)
        return {
            "ready": ready,  # nothing beyond items and weight
            "planned": planned,  # the customer rules ask for cards, samples or confirmations
            "packed": first("packed", 2),
            "cancelled": first("cancelled", 2),
            "on_hold": first("on_hold", 2),
            "case_codes": [{"code": c, "sku": sku, "pack_qty": q} for c, sku, q in cases],
            "traced": scans(date.today()),  # GS1 codes for the traced goods' orders
        }


def _by_plan(
    db: Database, s: Any, describe: Any, per_kind: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from app.store.packing import PackingStore
    from app.store.rules_store import load_rule_book

    book, store = load_rule_book(db), PackingStore(db, "DEMO")
    ready: list[dict[str, Any]] = []
    planned: list[dict[str, Any]] = []
    today = date.today()
    for order in s.scalars(select(m.Order).where(m.Order.status == "new").order_by(m.Order.id).limit(3000)):
        plan = book.plan(store.order(order.id), today)
        if plan.rewaybill is not None:
            continue  # held at the bench for a new waybill: not one to pack
        if plan.to_confirm:
            if len(planned) < per_kind:
                planned.append({**describe(order), "plan": plan.to_json()})
        elif len(ready) < per_kind:
            ready.append(describe(order))
        if len(ready) >= per_kind and len(planned) >= per_kind:
            break
    return ready, planned


def open_station(path: Path | str) -> Database:
    """A station's database as every command opens it: created and migrated, and filled with the
    demo warehouse when it is empty and no server is set up (a station alone has something to
    work on; one with a server waits for the server's orders)."""
    from app.store.db import open_database
    from app.store.settings_store import load_settings

    db = open_database(path)
    try:
        if is_empty(db) and not load_settings(db).server_url:
            log.info("empty database and no server: filling it with demo data")
            generate(db)
    except BaseException:
        db.close()
        raise
    return db


def is_empty(db: Database) -> bool:
    with db.session() as s:
        return s.scalar(select(m.Order.id).limit(1)) is None


def clear(db: Database) -> None:
    """Remove everything the demo generator writes (and the work done on it)."""
    with db.session() as s, s.begin():
        for model in (
            m.PackUnit,
            m.FloorSerial,
            m.Lot,
            m.PrintJob,
            m.WaveOrder,
            m.Wave,
            m.PackEvent,
            m.Parcel,
            m.PackSession,
            m.WaybillReserve,
            m.OutboxEvent,
            m.OrderLine,
            m.Order,
            m.Barcode,
            m.Sku,
            m.Customer,
            m.Operator,
        ):
            s.query(model).delete()
