"""The returns desk with a real database and writer: a packed order comes back, found by its
waybill, phone or RMA code; each unit gets a reason, a grade and a label; the return is written
with its event; the customer's next order is packed with care; a crash loses nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.core.returns import RETURN_REASONS, Key, Phase, ReturnVerdict
from app.returns_desk import ReturnsDesk
from app.store import models as m
from app.store.db import open_database
from app.store.packing import PackingStore
from app.store.rules_store import load_rule_book
from app.store.writer import SerialWriter
from tests.test_station import make_station, pack_fully


def packed_order_with_a_next_one(db, samples) -> tuple[dict, str]:
    """A sample order of two or more units whose customer has another order still to pack."""
    with db.session() as s:
        for sample in samples["ready"]:
            if sum(i["quantity"] for i in sample["items"]) < 2:
                continue
            order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
            later = s.scalar(
                select(m.Order.order_no).where(
                    m.Order.customer_id == order.customer_id, m.Order.status == "new", m.Order.id != order.id
                )
            )
            if later is not None:
                break
        else:
            raise AssertionError("no demo customer with two orders to pack")
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    pack_fully(station, sample)
    writer.close()
    return sample, later


def reason(code: str) -> str:
    return str(RETURN_REASONS.index(code) + 1)


def open_desk(db) -> tuple[ReturnsDesk, SerialWriter]:
    writer = SerialWriter()
    desk = ReturnsDesk(db, writer, "RET-01")
    desk.start(PackingStore(db, "RET-01").operator_by_badge("P0002"))
    return desk, writer


def test_a_return_of_two_units_is_received_with_labels_an_event_and_care_for_the_next_order(demo_db, samples):
    sample, later = packed_order_with_a_next_one(demo_db, samples)
    units = [i["barcode"] for i in sample["items"] for _ in range(i["quantity"])]
    desk, writer = open_desk(demo_db)
    found = desk.handle_scan(sample["waybill_no"])
    assert found.verdict is ReturnVerdict.FOUND
    record = desk.state.record
    packer = PackingStore(demo_db, "RET-01").operator_by_badge("P0001")
    assert record.packer == packer.name and record.station == "PACK-01"  # who packed it, where
    assert record.actual_g is not None and record.scanned  # the weight and the scans at packing
    verdicts = [
        desk.handle_scan(units[0]).verdict,
        desk.handle_scan(reason("damaged_in_transit")).verdict,
        desk.handle_scan("3").verdict,  # damaged: quarantine
        desk.handle_scan(units[1]).verdict,
        desk.handle_scan(reason("wrong_size")).verdict,
        desk.handle_scan("1").verdict,  # resellable: back to its bin
        desk.handle_scan("6900000000017").verdict,  # not ours at all
        desk.handle_scan("420").verdict,  # the parcel's grams
    ]
    assert verdicts[:6] == [ReturnVerdict.ITEM_ADDED, ReturnVerdict.REASON_SET, ReturnVerdict.ITEM_DONE] * 2
    assert verdicts[6] is ReturnVerdict.UNKNOWN_CODE and verdicts[7] is ReturnVerdict.WEIGHED
    proposed = desk.press(Key.FINISH)
    assert proposed.verdict is ReturnVerdict.PROPOSED and proposed.detail == "carrier"
    received = desk.press(Key.FINISH)
    assert received.verdict is ReturnVerdict.RECEIVED and desk.state.phase is Phase.IDLE
    writer.close()
    with demo_db.session() as s:
        ret = s.scalar(select(m.Return))
        items = s.scalars(select(m.ReturnItem).order_by(m.ReturnItem.seq)).all()
        labels = s.scalars(select(m.PrintJob).where(m.PrintJob.kind == "return")).all()
        (event,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "return.received")).all()
        customer = s.scalar(select(m.Customer).where(m.Customer.code == ret.customer_code))
    assert ret.status == "received" and ret.responsibility == "carrier" and ret.weight_g == 420
    assert [(i.reason, i.disposition) for i in items] == [
        ("damaged_in_transit", "quarantine"),
        ("wrong_size", "restock"),
    ]
    assert items[1].bin and items[0].bin == "QUARANTINE"
    assert len(labels) == 2 and {j.params["disposition"] for j in labels} == {"quarantine", "restock"}
    assert event.payload["order_no"] == sample["order_no"] and len(event.payload["items"]) == 2
    assert any(e["code"] == "weight_ok" for e in event.payload["evidence"])
    assert customer.returns_count >= 1 and customer.last_problem in ("damaged_in_transit", "wrong_size")
    # The customer's next order is packed with care: the after-sales card and a call-back note.
    plan = load_rule_book(demo_db).plan(PackingStore(demo_db, "PACK-01").order_by_no(later), date.today())
    assert "after-sales-care" in plan.fired and "aftercare" in plan.inserts


def test_a_return_is_found_by_the_customers_phone_or_an_rma_code(demo_db, samples):
    sample, _later = packed_order_with_a_next_one(demo_db, samples)
    store = PackingStore(demo_db, "RET-01")
    order = store.order_by_no(sample["order_no"])
    desk, writer = open_desk(demo_db)
    assert desk.handle_scan(order.address.phone).state.record.order.order_no == sample["order_no"]
    desk.press(Key.CANCEL)
    assert desk.handle_scan(f"RMA-{sample['order_no']}").verdict is ReturnVerdict.FOUND
    desk.press(Key.CANCEL)
    assert desk.handle_scan("NO-SUCH-THING").verdict is ReturnVerdict.NOT_FOUND
    not_packed = samples["ready"][-1]["order_no"]
    assert desk.handle_scan(not_packed).verdict is ReturnVerdict.NOT_PACKED
    writer.close()


def test_a_return_being_checked_in_survives_a_crash(demo_db_path, samples):
    db = open_database(demo_db_path)
    sample, _later = packed_order_with_a_next_one(db, samples)
    units = [i["barcode"] for i in sample["items"] for _ in range(i["quantity"])]
    desk, writer = open_desk(db)
    desk.handle_scan(sample["order_no"])
    desk.handle_scan(units[0])
    desk.handle_scan(reason("quality"))
    desk.handle_scan("2")
    desk.handle_scan(units[1])  # its reason not chosen yet when the power goes
    writer.close()
    db.close()
    db = open_database(demo_db_path)
    again, writer = open_desk(db)
    assert again.return_id == desk.return_id and again.state.phase is Phase.REASON
    first = again.state.items[0]
    assert (first.sku_code, first.reason, first.grade.value) == (
        desk.state.items[0].sku_code,
        "quality",
        "repack",
    )
    assert len(again.state.items) == 2
    assert again.handle_scan(reason("wrong_size")).verdict is ReturnVerdict.REASON_SET
    writer.close()
    db.close()
