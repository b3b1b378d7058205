"""The dock (出库交接) with a real database and writer: packed parcels scanned onto their carrier's
truck, the wrong ones stopped with what to do, the handover closed with a manifest the driver
signs, `order.shipped` in the outbox, and a crash that loses no scan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.core.dock import DockSay, dock_code
from app.core.pack_session import VerdictKind
from app.core.settings import StationSettings
from app.dock_desk import DockDesk
from app.store import demo
from app.store import models as m
from app.store.db import open_database
from app.store.writer import SerialWriter
from tests.test_station import make_station, pack_fully


def packed_orders(db, samples, count: int) -> list[dict]:
    """`count` sample orders of one carrier, packed at a bench (their labels printed)."""
    by_carrier: dict[str, list[dict]] = {}
    for sample in samples["ready"]:  # a wider choice than the fixture's few
        by_carrier.setdefault(sample["carrier"], []).append(sample)
    carrier, orders = max(by_carrier.items(), key=lambda kv: len(kv[1]))
    assert len(orders) >= count, carrier
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    for sample in orders[:count]:
        assert pack_fully(station, sample).kind is VerdictKind.PACKED
    writer.close()
    return orders[:count]


def open_dock(db, **settings) -> tuple[DockDesk, SerialWriter, list]:
    writer = SerialWriter()
    closed: list = []
    desk = DockDesk(db, writer, StationSettings(station_name="DOCK-1", **settings),
                    on_closed=lambda manifest, error: closed.append((manifest, error)))  # fmt: skip
    assert desk.sign_in("P0002") is not None
    return desk, writer, closed


@pytest.fixture
def samples(demo_db) -> dict:
    return demo.sample_orders(demo_db, per_kind=40)


def test_a_handover_from_scan_to_signed_manifest(demo_db, samples, tmp_path):
    from app.print_docs import manifest
    from printing.documents import render
    from tests.printing.tools import decode, pdf_text, pdf_to_png

    orders = packed_orders(demo_db, samples, 3)
    carrier = orders[0]["carrier"]
    desk, writer, closed = open_dock(demo_db)
    assert desk.handle_scan(orders[0]["waybill_no"]).say is DockSay.SCAN_CARRIER
    chosen = desk.handle_scan(dock_code(carrier))
    assert chosen.say is DockSay.CARRIER_SET and chosen.expected == 3
    assert desk.handle_scan("BAG-0001").say is DockSay.BAG_SET
    first = desk.handle_scan(orders[0]["waybill_no"])
    assert first.say is DockSay.HANDED and (first.count, first.expected) == (1, 3)
    assert desk.handle_scan(orders[0]["waybill_no"]).say is DockSay.SCANNED_TWICE
    assert desk.handle_scan(orders[1]["waybill_no"]).say is DockSay.HANDED
    unpacked = next(s for s in samples["ready"] if s["carrier"] == carrier and s not in orders)
    stopped = desk.handle_scan(unpacked["waybill_no"])
    assert stopped.say is DockSay.NOT_PACKED and stopped.tone.value == "error"
    other = next(s for s in samples["ready"] if s["carrier"] != carrier)
    assert desk.handle_scan(other["waybill_no"]).say in (DockSay.OTHER_CARRIER, DockSay.NOT_PACKED)
    assert desk.handle_scan("NO-SUCH-WAYBILL").say is DockSay.UNKNOWN_WAYBILL

    asked = desk.close()  # one packed parcel was not scanned: said in red before the driver signs
    assert asked.say is DockSay.MISSING and asked.count == 1
    assert desk.state.missing == (orders[2]["waybill_no"],)
    done = desk.handle_scan("王师傅 440301199001011234")
    assert done.say is DockSay.CLOSED and done.count == 2 and done.expected == 1
    writer.close()
    ((found, error),) = closed
    assert error is None and found.driver == "王师傅 440301199001011234"
    assert [p.waybill_no for p in found.parcels] == [orders[0]["waybill_no"], orders[1]["waybill_no"]]
    assert all(p.bag == "BAG-0001" for p in found.parcels)
    with demo_db.session() as s:
        events = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "order.shipped")).all()
        statuses = dict(s.execute(select(m.Order.order_no, m.Order.status).where(
            m.Order.order_no.in_([o["order_no"] for o in orders]))).all())  # fmt: skip
        jobs = s.scalars(select(m.PrintJob).where(m.PrintJob.kind == "manifest")).all()
        interceptions = s.scalars(select(m.Interception.order_no)).all()
    assert sorted(e.payload["order_no"] for e in events) == sorted(o["order_no"] for o in orders[:2])
    assert {e.payload["manifest_no"] for e in events} == {found.manifest_no}
    assert statuses[orders[0]["order_no"]] == "shipped" and statuses[orders[2]["order_no"]] == "packed"
    assert [j.params["manifest_no"] for j in jobs] == [found.manifest_no]
    assert unpacked["order_no"] in interceptions  # on the put-back list

    doc = manifest(demo_db, StationSettings(station_name="DOCK-1"), found.manifest_no)
    pdf = render(doc, "pdf")
    text = pdf_text(pdf, tmp_path)
    assert "出库交接单" in text and orders[0]["waybill_no"] in text and "王师傅" in text
    assert orders[2]["waybill_no"] in text  # the parcel left behind is on it, as not handed over
    (png,) = pdf_to_png(pdf, tmp_path, name="manifest")
    assert f"CODE-128:{found.manifest_no}" in decode(png)

    # The parcel left behind is the supervisor's exception; the board counts what went and what waits.
    from app.store.exceptions import ExceptionKind, exceptions
    from app.store.floor import board

    (left,) = [e for e in exceptions(demo_db) if e.kind is ExceptionKind.LEFT_AT_DOCK]
    assert left.subject == orders[2]["order_no"] and found.manifest_no in left.detail
    (truck,) = [
        t for t in board(demo_db, datetime.now(UTC) - timedelta(hours=1)).pickups if t.carrier == carrier
    ]
    assert truck.went == 2 and truck.packed >= 1

    # The customer's card says when their parcel went (the CRM side's ship time).
    from app.store.customers import customer_card

    card = customer_card(demo_db, orders[0]["order_no"])
    assert card is not None and card.last_shipped in {orders[0]["order_no"], orders[1]["order_no"]}
    assert card.shipped_at is not None and abs(card.shipped_at - found.closed_at) < timedelta(seconds=5)

    # Handed over once, ever: the next handover refuses the same parcel.
    desk2, writer2, _ = open_dock(demo_db)
    desk2.handle_scan(dock_code(carrier))
    again = desk2.handle_scan(orders[0]["waybill_no"])
    assert again.say is DockSay.ALREADY_HANDED and again.detail == found.manifest_no
    writer2.close()


def test_a_parcel_cancelled_after_packing_is_stopped_and_a_weight_off_is_stopped(demo_db, samples):
    orders = packed_orders(demo_db, samples, 2)
    carrier = orders[0]["carrier"]
    with demo_db.session() as s, s.begin():  # the office cancelled it after the pack (as a pull says)
        s.execute(update(m.Order).where(m.Order.order_no == orders[0]["order_no"]).values(status="cancelled"))
    desk, writer, _ = open_dock(demo_db, dock_weigh=True)
    desk.handle_scan(dock_code(carrier))
    intercepted = desk.handle_scan(orders[0]["waybill_no"])
    assert intercepted.say is DockSay.INTERCEPTED and intercepted.detail == "cancelled"
    weigh = desk.handle_scan(orders[1]["waybill_no"])
    assert weigh.say is DockSay.WEIGH_IT and weigh.weight_g
    off = desk.weigh(weigh.weight_g + 400)  # a unit taken out or added since packing
    assert off.say is DockSay.WEIGHT_OFF and off.dock_weight_g == weigh.weight_g + 400
    writer.close()
    with demo_db.session() as s:
        stopped = set(s.scalars(select(m.Interception.order_no)))
    assert {orders[0]["order_no"], orders[1]["order_no"]} <= stopped


def test_an_open_handover_survives_a_crash(demo_db, demo_db_path, samples):
    orders = packed_orders(demo_db, samples, 2)
    desk, writer, _ = open_dock(demo_db)
    desk.handle_scan(dock_code(orders[0]["carrier"]))
    desk.handle_scan(orders[0]["waybill_no"])
    writer.wait_idle()
    writer.close()
    demo_db.close()
    db2 = open_database(demo_db_path)
    desk2, writer2, closed = open_dock(db2)
    assert desk2.state.carrier == orders[0]["carrier"] and desk2.state.count == 1
    assert desk2.handle_scan(orders[0]["waybill_no"]).say is DockSay.SCANNED_TWICE
    assert desk2.handle_scan(orders[1]["waybill_no"]).say is DockSay.HANDED
    desk2.close()
    desk2.handle_scan("DRIVER-7")
    writer2.close()
    assert [p.waybill_no for p in closed[0][0].parcels] == [o["waybill_no"] for o in orders]
    db2.close()


def test_the_command_sheet_carries_each_carriers_dock_code(demo_db, tmp_path):
    from app.print_docs import command_sheet
    from app.store.dock import DockStore
    from printing.documents import RenderOptions, render
    from tests.printing.tools import decode, pdf_text, pdf_to_png

    names, _pickups = DockStore(demo_db, "DOCK-1").carriers()
    sheet = command_sheet(StationSettings(), RenderOptions(language="zh_CN"), names)
    assert {item.code for item in sheet.extras} == {dock_code(code) for code in names}
    pdf = render(sheet, "pdf")
    assert "出库交接: 顺丰速运" in pdf_text(pdf, tmp_path)
    codes = [code for png in pdf_to_png(pdf, tmp_path, name="sheet") for code in decode(png)]
    assert "CODE-128:#PLD:SF" in codes


def test_a_parcel_still_at_the_dock_after_its_truck_left_is_an_exception_without_a_close(demo_db, samples):
    from app.store.exceptions import ExceptionKind, exceptions
    from app.store.stored_keys import CARRIER_PICKUPS_KEY

    orders = packed_orders(demo_db, samples, 4)
    carrier = orders[0]["carrier"]
    now = datetime.now(UTC)
    truck = (now - timedelta(hours=2)).astimezone()  # the truck came two hours ago
    with demo_db.session() as s, s.begin():
        s.merge(m.Setting(key=CARRIER_PICKUPS_KEY, value={carrier: [f"{truck:%H:%M}"]}, updated_at=now))
        s.execute(
            update(m.Order)
            .where(m.Order.order_no.in_([o["order_no"] for o in orders]))
            .values(packed_at=now - timedelta(hours=3))  # all four were ready before it came
        )

    def missed() -> set[str]:
        return {e.subject for e in exceptions(demo_db) if e.kind is ExceptionKind.MISSED_TRUCK}

    # No handover of the carrier is known here: the floor does not scan at its dock, nothing to say.
    assert missed() == set()

    desk, writer, _ = open_dock(demo_db)
    desk.handle_scan(dock_code(carrier))
    assert desk.handle_scan(orders[0]["waybill_no"]).say is DockSay.HANDED  # on the truck (not closed yet)
    writer.wait_idle()
    with demo_db.session() as s, s.begin():  # the dock has scanned this carrier since before the pack
        s.execute(update(m.Manifest).values(opened_at=now - timedelta(hours=4)))
        s.execute(update(m.Order).where(m.Order.order_no == orders[3]["order_no"]).values(status="cancelled"))
    stopped = desk.handle_scan(orders[3]["waybill_no"])  # cancelled after packing: put back, not missed
    assert stopped.tone.value == "error"
    writer.close()

    found = [e for e in exceptions(demo_db) if e.kind is ExceptionKind.MISSED_TRUCK]
    subjects = {e.subject for e in found}
    assert {orders[1]["order_no"], orders[2]["order_no"]} <= subjects
    assert orders[0]["order_no"] not in subjects and orders[3]["order_no"] not in subjects
    item = next(e for e in found if e.subject == orders[1]["order_no"])
    assert item.detail == f"{carrier} · {truck:%m-%d %H:%M}"
    assert item.ref.startswith(orders[1]["order_no"] + "@")  # per truck: the next one missed is new

    # Packed after the truck left: it waits for the next one, not an exception.
    with demo_db.session() as s, s.begin():
        s.execute(update(m.Order).where(m.Order.order_no == orders[2]["order_no"]).values(packed_at=now))
    assert orders[2]["order_no"] not in missed() and orders[1]["order_no"] in missed()
