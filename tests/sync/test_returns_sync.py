"""A return checked in at one station closes the loop through the server: the pack record it is
checked against came from the station that packed it, the server opens a service ticket and a
refund request, and the customer's history reaches every station, whose rules then pack that
customer's next order with care."""

from __future__ import annotations

from datetime import date

import requests
from sqlalchemy import select

from app.core.returns import RETURN_REASONS, Key, ReturnVerdict
from app.returns_desk import ReturnsDesk
from app.store import demo
from app.store import models as m
from app.store.packing import PackingStore
from app.store.rules_store import load_rule_book
from app.store.writer import SerialWriter
from sync import protocol as p
from tests.sync.stations import open_station, pack, sync_cli


def registered(seeded, tmp_path, name: str, role: p.Role = p.Role.STATION):
    token = seeded.store.add_station(name, role)
    assert sync_cli(tmp_path / name, "--server", seeded.url, "--token", token)[0] == 0
    return open_station(tmp_path / name), token


def test_a_return_at_another_station_opens_a_ticket_a_refund_and_care_everywhere(seeded, tmp_path):
    packer, _ = registered(seeded, tmp_path, "PACK-A")
    returns, _ = registered(seeded, tmp_path, "RET-1")
    with packer.session() as s:
        pairs = s.execute(
            select(m.Order.order_no, m.Order.customer_id).where(m.Order.status == "new").order_by(m.Order.id)
        ).all()
    by_customer: dict[int, list[str]] = {}
    for order_no, customer_id in pairs:
        by_customer.setdefault(customer_id, []).append(order_no)
    ready = demo.sample_orders(packer, per_kind=20)["ready"]
    sample = next(x for x in ready if len(by_customer[_customer_of(packer, x["order_no"])]) >= 2)
    later = next(
        no for no in by_customer[_customer_of(packer, sample["order_no"])] if no != sample["order_no"]
    )
    pack(packer, sample)
    assert sync_cli(tmp_path / "PACK-A")[0] == 0
    assert seeded.store.get(p.Kind.ORDER, sample["order_no"])["pack"]["station"] == "PACK-A"
    assert sync_cli(tmp_path / "RET-1")[0] == 0  # the returns desk learns the pack with the order

    writer = SerialWriter()
    desk = ReturnsDesk(returns, writer, "RET-1")
    desk.start(PackingStore(returns, "RET-1").operator_by_badge("P0002"))
    assert desk.handle_scan(sample["waybill_no"]).verdict is ReturnVerdict.FOUND
    record = desk.state.record
    assert record.station == "PACK-A" and record.actual_g is not None and record.packer
    unit = sample["items"][0]["barcode"]
    desk.handle_scan(unit)
    desk.handle_scan(str(RETURN_REASONS.index("quality") + 1))
    desk.handle_scan("3")
    assert desk.press(Key.FINISH).detail == "product"
    assert desk.press(Key.FINISH).verdict is ReturnVerdict.RECEIVED
    writer.close()
    code, summary = sync_cli(tmp_path / "RET-1")
    assert code == 0 and summary["pushed"] == 1 and summary["rejected"] == 0

    (ticket,) = seeded.store.tickets()
    assert ticket["order_no"] == sample["order_no"] and ticket["station"] == "RET-1"
    assert ticket["responsibility"] == "product" and ticket["reasons"] == {"quality": 1}
    sku = sample["items"][0]["sku"]
    price = seeded.store.get(p.Kind.SKU, sku)["price_cents"]
    assert ticket["refund_cents"] == price
    customer_code = seeded.store.get(p.Kind.ORDER, sample["order_no"])["customer"]
    customer = seeded.store.get(p.Kind.CUSTOMER, customer_code)
    assert customer["returns_count"] == 1 and customer["last_problem"] == "quality"

    # The refund request, for the shop's payment integration (a desk or admin token; not a bench's).
    admin = seeded.store.add_station("SHOP-ERP", p.Role.ADMIN)
    station = seeded.store.add_station("PACK-Z")
    url = f"{seeded.url}{p.API_PREFIX}/integration/events"
    page = requests.get(url, headers={"Authorization": f"Bearer {admin}"}, timeout=10).json()
    (refund,) = page["events"]
    assert refund["type"] == "refund.requested" and refund["key"] == sample["order_no"]
    assert refund["payload"]["amount_cents"] == price and refund["payload"]["ticket"] == ticket["id"]
    again = requests.get(url, params={"after": page["after"]}, headers={"Authorization": f"Bearer {admin}"})
    assert again.json()["events"] == []
    assert requests.get(url, headers={"Authorization": f"Bearer {station}"}, timeout=10).status_code == 403

    # The packing station pulls the customer's history: their next order is packed with care.
    assert sync_cli(tmp_path / "PACK-A")[0] == 0
    order = PackingStore(packer, "PACK-A").order_by_no(later)
    assert order.customer.returns_count == 1 and order.customer.last_problem == "quality"
    plan = load_rule_book(packer).plan(order, date.today())
    assert "after-sales-care" in plan.fired and "aftercare" in plan.inserts
    # Sent again (an answer lost on the way), the return opens nothing twice.
    with returns.session() as s:
        event = s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.type == "return.received"))
    wire = p.Event(id=event.id, type=event.type, station="RET-1", operator="P0002",
                   occurred_at=event.created_at, payload=event.payload)  # fmt: skip
    assert seeded.store.push("RET-1", [wire])[0].duplicate
    assert len(seeded.store.tickets()) == 1
    assert seeded.store.get(p.Kind.CUSTOMER, customer_code)["returns_count"] == 1
    packer.close()
    returns.close()


def _customer_of(db, order_no: str) -> int:
    with db.session() as s:
        return s.scalar(select(m.Order.customer_id).where(m.Order.order_no == order_no))
