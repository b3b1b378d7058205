"""Traced units at a station with its real database: the demo's cream by lot and expiry, phone by
serial and router by serial label, scanned as GS1 codes, refused or counted, written with the pack."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.core.pack_session import Phase, VerdictKind
from app.core.settings import StationSettings
from app.core.trace import Unit
from app.station import PackingStation
from app.store import models as m
from app.store.db import open_database
from app.store.demo_traced import scans
from app.store.packing import PackingStore
from app.store.writer import SerialWriter


def traced_station(db, **settings):
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-01"), writer, StationSettings(**settings))
    station.sign_in_badge("P0001")
    return station, writer


def scan_for(what: str) -> str:
    return next(row["scan"] for row in scans(date.today()) if row["what"].startswith(what))


def outbox_units(db, order_no):
    with db.session() as s:
        events = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "order.packed")).all()
    (payload,) = [e.payload for e in events if e.payload["order_no"] == order_no]
    return payload.get("units")


def test_lots_refused_for_recall_and_shelf_life_counted_with_fefo_and_written_with_the_pack(demo_db):
    station, writer = traced_station(demo_db, fefo="warn")
    assert station.handle_scan("PLT-0001").kind is VerdictKind.ORDER_LOADED
    recalled = station.handle_scan(scan_for("cream of the recalled lot"))
    assert recalled.kind is VerdictKind.RECALLED and "过敏" in recalled.detail
    short = station.handle_scan(scan_for("cream with 23 days left"))
    assert short.kind is VerdictKind.SHELF_LIFE and (short.scanned, short.required) == (23, 60)
    plain = station.handle_scan("6901234000016")  # the cream's EAN carries no lot
    assert plain.kind is VerdictKind.LOT_NEEDED
    newer = station.handle_scan(scan_for("cream, lot L2028C"))
    assert newer.kind is VerdictKind.OLDER_LOT_COUNTED and newer.detail == "L2027B"
    assert station.handle_scan(scan_for("cream, lot L2027B")).kind is VerdictKind.ORDER_COMPLETE
    assert station.state.counts == (2,)
    packed = station.handle_weight(station.state.expected_g)
    assert packed.kind is VerdictKind.PACKED
    writer.close()
    units = outbox_units(demo_db, "PLT-0001")
    assert [(u["lot"], u["sku"], u["parcel"]) for u in units] == [
        ("L2028C", "TRC-CREAM", 1),
        ("L2027B", "TRC-CREAM", 1),
    ]
    with demo_db.session() as s:
        rows = s.scalars(select(m.PackUnit).where(m.PackUnit.order_no == "PLT-0001")).all()
    assert sorted(r.lot for r in rows) == ["L2027B", "L2028C"] and all(r.expiry for r in rows)


def test_fefo_blocks_by_setting(demo_db):
    station, writer = traced_station(demo_db, fefo="block")
    station.handle_scan("PLT-0001")
    blocked = station.handle_scan(scan_for("cream, lot L2028C"))
    assert blocked.kind is VerdictKind.OLDER_LOT and station.state.counts == (0,)
    writer.close()


def test_a_serial_in_the_gs1_code_counts_a_plain_ean_does_not_and_the_serial_is_then_known(demo_db):
    station, writer = traced_station(demo_db)
    station.handle_scan("PLT-0002")
    assert station.handle_scan(scan_for("phone's plain EAN")).kind is VerdictKind.SERIAL_NEEDED
    assert station.handle_scan(scan_for("phone with its serial")).kind is VerdictKind.ORDER_COMPLETE
    assert station.handle_weight(station.state.expected_g).kind is VerdictKind.PACKED
    writer.close()
    assert outbox_units(demo_db, "PLT-0002") == [
        {"sku": "TRC-PHONE", "parcel": 1, "serial": "IMEI860000000000001", "lot": "", "expiry": None}
    ]
    # The same serial on any other order of this floor: already shipped.
    facts = station.store.unit_facts(
        "TRC-PHONE", Unit(serial="IMEI860000000000001"), "PLT-9999", date.today()
    )
    assert facts.shipped_on == "PLT-0002"


def test_a_serial_label_is_asked_for_and_survives_a_crash(demo_db, demo_db_path):
    station, writer = traced_station(demo_db)
    station.handle_scan("PLT-0003")
    asked = station.handle_scan(scan_for("router's EAN"))
    assert asked.kind is VerdictKind.SCAN_SERIAL and station.state.counts == (0,)
    writer.wait_idle()
    writer.close()
    demo_db.close()
    db2 = open_database(demo_db_path)  # the process died; a new one opens the same file
    station2, writer2 = traced_station(db2)
    assert station2.restored and station2.state.serial_due is not None
    counted = station2.handle_scan(scan_for("the router's serial label"))
    assert counted.kind is VerdictKind.ORDER_COMPLETE and station2.state.phase is Phase.WEIGHING
    assert station2.handle_weight(station2.state.expected_g).kind is VerdictKind.PACKED
    writer2.close()
    assert outbox_units(db2, "PLT-0003")[0]["serial"] == "RT-AX3000-0001"
    db2.close()


def pack_phone_and_router(db) -> None:
    station, writer = traced_station(db)
    station.handle_scan("PLT-0002")
    station.handle_scan(scan_for("phone with its serial"))
    station.handle_weight(station.state.expected_g)
    station.handle_scan("PLT-0003")
    station.handle_scan(scan_for("router's EAN"))
    station.handle_scan(scan_for("the router's serial label"))
    assert station.handle_weight(station.state.expected_g).kind is VerdictKind.PACKED
    writer.close()


def test_the_returns_desk_refuses_a_unit_that_is_not_the_one_shipped(demo_db):
    from app.core.returns import Key, ReturnVerdict
    from tests.test_returns_desk import open_desk, reason

    pack_phone_and_router(demo_db)
    desk, writer = open_desk(demo_db)
    assert desk.handle_scan("SF7100000000002").verdict is ReturnVerdict.FOUND
    assert desk.state.record.units == (("TRC-PHONE", "IMEI860000000000001", ""),)
    other = scan_for("phone with its serial").replace("IMEI860000000000001", "IMEI860000000009999")
    swapped = desk.handle_scan(other)
    assert swapped.verdict is ReturnVerdict.UNIT_SWAPPED and swapped.detail == "IMEI860000000009999"
    (item,) = desk.state.items
    assert item.swapped and not item.expected and item.destination == "QUARANTINE"
    proposed = desk.press(Key.FINISH)
    assert proposed.detail == "customer"
    assert desk.state.proposal.evidence[-1].code == "unit_swapped"
    assert desk.press(Key.FINISH).verdict is ReturnVerdict.RECEIVED
    writer.close()
    with demo_db.session() as s:
        event = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "return.received")).one()
    assert event.payload["items"][0]["serial"] == "IMEI860000000009999"
    assert event.payload["items"][0]["expected"] is False and event.payload["responsibility"] == "customer"

    # The router shipped by its serial label: the desk asks for it, and the right one is the order's.
    desk, writer = open_desk(demo_db)
    desk.handle_scan("SF7100000000003")
    assert desk.handle_scan(scan_for("router's EAN")).verdict is ReturnVerdict.SCAN_SERIAL
    assert desk.handle_scan("RT-AX3000-0001").verdict is ReturnVerdict.ITEM_ADDED
    assert desk.handle_scan(reason("quality")).verdict is ReturnVerdict.REASON_SET
    writer.close()


def test_the_packing_slip_carries_the_units_and_a_qr_the_customer_can_read(demo_db, tmp_path):
    from app.print_docs import order_document
    from printing.documents import render, trace_text
    from tests.printing.tools import decode, pdf_text, pdf_to_png

    station, writer = traced_station(demo_db)
    station.handle_scan("PLT-0001")
    station.handle_scan(scan_for("cream, lot L2027B"))
    station.handle_scan(scan_for("cream, lot L2028C"))
    station.handle_weight(station.state.expected_g)
    writer.close()
    order = station.store.order_by_no("PLT-0001")
    slip = order_document(demo_db, station.settings, order, "slip", {})
    assert [(u.lot, u.sku) for u in slip.units] == [("L2027B", "TRC-CREAM"), ("L2028C", "TRC-CREAM")]
    pdf = render(slip, "pdf")
    text = pdf_text(pdf, tmp_path)
    assert "正品溯源" in text and "L2027B" in text and "L2028C" in text
    (png,) = pdf_to_png(pdf, tmp_path, name="slip")
    codes = decode(png)  # zbarimg's lines: a multi-line QR comes as its lines
    start = codes.index("QR-Code:PLT-0001")
    assert "\n".join([codes[start].removeprefix("QR-Code:"), *codes[start + 1 : start + 3]]) == trace_text(
        slip
    )
    assert trace_text(slip).splitlines()[1].startswith("TRC-CREAM L2027B 20")


def test_the_handheld_picks_a_multi_lot_sku_by_lot_and_records_the_lots(demo_db):
    from app.core.picking import Say
    from app.core.pickpath import LocationParser
    from app.core.waves import PlannedWave, Strategy
    from app.picking_station import PickingStation
    from app.runner import Operations
    from app.store.waves import create_waves, load_open_orders, pick_stops

    cream = next(o for o in load_open_orders(demo_db) if o.order_no == "PLT-0001")
    (code,) = create_waves(
        demo_db, [PlannedWave(Strategy.MULTI_CART, "cart", (cream,))], "DESK", None, True
    ).codes
    (stop,) = pick_stops(demo_db, code)
    assert stop.sku == "TRC-CREAM" and stop.lots_needed  # L2027B and L2028C are in stock
    said = []
    handheld = PickingStation(
        demo_db, lambda: "HH-01", LocationParser, ops=Operations.immediate(), on_verdict=said.append
    )
    for scanned in ("P0001", code, stop.location):
        handheld.handle_scan(scanned)
    handheld.handle_scan("6901234000016")  # the cream's EAN: which lot?
    assert said[-1].say is Say.SCAN_LOT and handheld.state.count == 0
    handheld.handle_scan(scan_for("cream, lot L2027B"))
    assert said[-1].say is Say.COUNTED
    handheld.handle_scan(scan_for("cream, lot L2028C"))  # the second: the pick is recorded
    with demo_db.session() as s:
        pick = s.scalars(select(m.Pick).where(m.Pick.sku_code == "TRC-CREAM")).one()
        event = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "pick.confirmed")).one()
    expected = [{"lot": "L2027B", "quantity": 1}, {"lot": "L2028C", "quantity": 1}]
    assert pick.picked == 2 and pick.lots == expected and event.payload["lots"] == expected
