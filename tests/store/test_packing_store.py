"""Resolving scans against the demo store, and the atomic writes."""

from __future__ import annotations

from sqlalchemy import func, select, update

from app.core.model import OrderStatus
from app.core.pack_session import BadgeFound, ItemFound, NotFound, OrderFound, PackCompleted
from app.core.weight import WeightPolicy, check_weight
from app.store import models as m
from app.store.packing import PackConflict, PackingStore, new_session_id


def test_an_order_resolves_by_order_no_and_by_waybill(demo_db, samples):
    store = PackingStore(demo_db, "PACK-01")
    sample = samples["ready"][0]
    by_no = store.resolve(sample["order_no"])
    by_waybill = store.resolve(sample["waybill_no"])
    assert isinstance(by_no, OrderFound) and isinstance(by_waybill, OrderFound)
    assert by_no.order.order_id == by_waybill.order.order_id
    assert [line.sku_code for line in by_no.order.lines] == [i["sku"] for i in sample["items"]]


def test_an_item_resolves_whichever_way_its_gtin_was_printed(demo_db, samples):
    store = PackingStore(demo_db, "PACK-01")
    ean = samples["ready"][0]["items"][0]["barcode"]
    as_ean = store.resolve(ean)
    as_gtin14 = store.resolve("0" + ean)
    assert isinstance(as_ean, ItemFound) and as_ean == as_gtin14
    assert as_ean.pack_qty == 1


def test_a_case_code_resolves_with_its_pack_quantity(demo_db, samples):
    case = samples["case_codes"][0]
    found = PackingStore(demo_db, "PACK-01").resolve(case["code"])
    assert (
        isinstance(found, ItemFound) and found.pack_qty == case["pack_qty"] and found.sku_code == case["sku"]
    )


def test_badges_and_unknown_codes(demo_db):
    store = PackingStore(demo_db, "PACK-01")
    assert isinstance(store.resolve("S0001"), BadgeFound)
    assert store.resolve("NO-SUCH-THING") == NotFound("NO-SUCH-THING")


def test_the_snapshot_carries_every_barcode_of_its_skus(demo_db, samples):
    order = PackingStore(demo_db, "PACK-01").order_by_no(samples["ready"][0]["order_no"])
    assert order is not None
    for line in order.lines:
        assert any(sku == line.sku_code for sku, _qty in order.barcodes.values())


def _complete(store, order):
    session_id = new_session_id()
    operator = store.operator_by_badge("P0001")
    store.start_session(session_id, order, operator)
    weight = check_weight(order.items_weight_g, order.items_weight_g + 60, WeightPolicy())
    return session_id, PackCompleted(order, operator, weight, "manual")


def _outbox(db):
    with db.session() as s:
        return s.scalars(select(m.OutboxEvent)).all()


def test_a_pack_writes_order_status_pack_record_and_one_outbox_event_together(demo_db, samples):
    store = PackingStore(demo_db, "PACK-01")
    order = store.order_by_no(samples["ready"][0]["order_no"])
    session_id, done = _complete(store, order)
    event_id = store.complete_pack(session_id, done)
    (event,) = _outbox(demo_db)
    assert event.id == event_id and event.type == "order.packed"
    assert event.payload["order_no"] == order.order_no and event.payload["pack_id"] == session_id
    assert event.payload["weight"]["actual_g"] == done.weight.actual_g
    assert store.order(order.order_id).status is OrderStatus.PACKED
    record = store.pack_record(order.order_no)
    assert record is not None and record["actual_g"] == done.weight.actual_g


def test_a_pack_of_an_order_cancelled_meanwhile_writes_nothing(demo_db, samples):
    store = PackingStore(demo_db, "PACK-01")
    order = store.order_by_no(samples["ready"][1]["order_no"])
    session_id, done = _complete(store, order)
    with demo_db.session() as s, s.begin():
        s.execute(update(m.Order).where(m.Order.id == order.order_id).values(status="cancelled"))
    try:
        store.complete_pack(session_id, done)
    except PackConflict as conflict:
        assert conflict.status == "cancelled"
    else:
        raise AssertionError("a cancelled order was packed")
    assert _outbox(demo_db) == []
    with demo_db.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(m.PackSession).where(m.PackSession.status == "packed"))
            == 0
        )
