"""The station controller with a real database and a real background writer."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import select

from app.core.commands import Command
from app.core.pack_session import Phase, VerdictKind
from app.core.settings import StationSettings
from app.station import PackingStation
from app.store import models as m
from app.store.db import open_database
from app.store.packing import PackingStore
from app.store.writer import SerialWriter


def make_station(db, saved=None):
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-01"), writer, StationSettings(), on_saved=saved)
    return station, writer


def pack_fully(station, sample):
    station.handle_scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            station.handle_scan(item["barcode"])
    assert station.state.phase is Phase.WEIGHING
    return station.handle_weight(station.state.expected_g)


def test_sign_in_by_badge_and_by_pin(demo_db):
    station, writer = make_station(demo_db)
    assert station.sign_in_pin("P0001", "0000") is None
    assert station.sign_in_pin("P0001", "1234").badge_code == "P0001"
    assert station.sign_in_badge("NOBODY") is None
    writer.close()


def test_a_full_pack_lands_in_the_store_with_one_event_and_every_scan_audited(demo_db, samples):
    results = []
    station, writer = make_station(demo_db, results.append)
    station.sign_in_badge("P0001")
    sample = samples["ready"][0]
    assert station.handle_scan("6900000000000").kind is VerdictKind.ORDER_NOT_FOUND
    verdict = pack_fully(station, sample)
    assert verdict.kind is VerdictKind.PACKED
    writer.close()
    assert [r.kind for r in results] == ["packed"]
    with demo_db.session() as s:
        events = s.scalars(select(m.OutboxEvent)).all()
        audit = s.scalars(select(m.PackEvent).order_by(m.PackEvent.id)).all()
    assert [e.type for e in events] == ["order.packed"]
    scans = sum(i["quantity"] for i in sample["items"])
    assert len(audit) == 1 + 1 + scans + 1  # unknown scan, order, items, weight
    assert audit[0].session_id is None and audit[0].verdict == "order_not_found"
    assert all(a.session_id is not None for a in audit[1:])


def test_a_rescan_of_a_just_packed_order_is_refused_even_before_the_commit(demo_db, samples):
    gate = threading.Event()
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = samples["ready"][1]
    writer.submit(gate.wait)  # hold the writer so the pack is still queued
    pack_fully(station, sample)
    assert station.handle_scan(sample["order_no"]).kind is VerdictKind.ALREADY_PACKED
    gate.set()
    writer.close()


def test_a_station_that_died_mid_order_resumes_where_it_was(demo_db_path, samples):
    db = open_database(demo_db_path)
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    sample = next(s for s in samples["ready"] if sum(i["quantity"] for i in s["items"]) >= 2)
    station.handle_scan(sample["order_no"])
    first = sample["items"][0]["barcode"]
    station.handle_scan(first)
    station.handle_scan(sample["items"][-1]["barcode"])
    station.handle_command(Command.UNDO)
    counts_before = station.state.counts
    writer.wait_idle()
    # "Crash": drop everything in memory; a new process opens the same file.
    writer.close()
    db.close()
    db2 = open_database(demo_db_path)
    station2, writer2 = make_station(db2)
    station2.sign_in_badge("P0002")
    assert station2.restored
    assert station2.state.order.order_no == sample["order_no"]
    assert station2.state.counts == counts_before
    assert station2.state.operator.badge_code == "P0002"
    writer2.close()
    db2.close()


def test_the_writer_retries_a_locked_database_and_loses_nothing(demo_db_path, samples):
    db = open_database(demo_db_path, busy_timeout_ms=20)
    health = []
    writer = SerialWriter(on_health=health.append)
    station = PackingStation(PackingStore(db, "PACK-01"), writer, StationSettings())
    station.sign_in_badge("P0001")
    holder = sqlite3.connect(demo_db_path, timeout=0, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        station.handle_scan(samples["ready"][2]["order_no"])
        assert not writer.wait_idle(0.5)  # the writes are waiting, not dropped
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert writer.wait_idle(10)
    writer.close()
    assert health and health[0] is not None and health[0].code == "database_locked"
    assert health[-1] is None
    with db.session() as s:
        assert s.scalar(select(m.PackSession.status)) == "open"
        assert s.scalar(select(m.PackEvent.verdict)) == "order_loaded"
    db.close()


def test_a_plan_override_survives_a_crash_before_weighing(demo_db_path, samples):
    db = open_database(demo_db_path)
    sample = samples["ready"][0]
    with db.session() as s, s.begin():  # a VIP: cards and a sample the packer does not have
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        customer = s.get(m.Customer, order.customer_id)
        customer.tier, customer.tags, customer.preferences, customer.order_count = "vip", [], {}, 9
        order.carrier = "SF"  # the VIP rule's carrier: its waybill is right
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    station.handle_scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            station.handle_scan(item["barcode"])
    assert station.state.open_steps and station.state.phase is Phase.SCANNING
    station.handle_command(Command.OVERRIDE)
    assert station.handle_scan("S0001").kind is VerdictKind.ENTER_PIN
    assert station.handle_pin("0000").kind is VerdictKind.PIN_WRONG
    assert station.handle_pin("12345678").kind is VerdictKind.CHOOSE_REASON
    assert station.handle_reason("sample_out_of_stock").kind is VerdictKind.PLAN_OVERRIDDEN
    assert station.state.phase is Phase.WEIGHING
    writer.wait_idle()
    writer.close()
    db.close()  # the power goes

    db2 = open_database(demo_db_path)
    station2, writer2 = make_station(db2)
    station2.sign_in_badge("P0001")
    assert station2.restored and station2.state.phase is Phase.WEIGHING
    supervisor, reason = station2.state.plan_override
    assert supervisor.badge_code == "S0001" and reason == "sample_out_of_stock"
    assert station2.handle_weight(station2.state.expected_g).kind is VerdictKind.PACKED
    writer2.close()
    db2.close()


def test_a_single_item_wave_packs_one_parcel_per_item_scan(demo_db, samples):
    from app.core.waves import PlannedWave, Strategy
    from app.store.waves import create_waves, load_open_orders

    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    by_sku: dict[str, list] = {}
    for order in load_open_orders(demo_db):
        snapshot = station.store.order_by_no(order.order_no)
        if order.single_item and not station.plan_for(snapshot).to_confirm:
            by_sku.setdefault(order.lines[0].sku, []).append(order)
    sku, orders = max(by_sku.items(), key=lambda kv: len(kv[1]))
    assert len(orders) >= 2
    orders = orders[:3]
    (code,) = create_waves(
        demo_db, [PlannedWave(Strategy.SINGLE_SKU, sku, tuple(orders))], "DESK", None, True
    ).codes
    with demo_db.session() as s:
        barcode = s.scalar(
            select(m.Barcode.code).join(m.Sku).where(m.Sku.code == sku, m.Barcode.pack_qty == 1).limit(1)
        )

    started = station.handle_scan(code)
    assert started.kind is VerdictKind.WAVE_STARTED and started.quantity == len(orders)
    packed = []
    for expected in orders:
        verdict = station.handle_scan(barcode)  # one scan: the next order of the wave opens, counted
        assert verdict.kind is VerdictKind.ORDER_COMPLETE, verdict
        assert station.state.order.order_no == expected.order_no  # in the wave's (priority) order
        assert station.handle_weight(station.state.expected_g, "scale").kind is VerdictKind.PACKED
        packed.append(expected.order_no)
    no_more = station.handle_scan(barcode)
    assert no_more.kind is VerdictKind.WAVE_NO_ORDER and no_more.code == code
    assert station.handle_command(Command.CLOSE).kind is VerdictKind.WAVE_ENDED
    assert station.handle_scan(barcode).kind is VerdictKind.NO_ORDER_OPEN  # normal packing again
    writer.wait_idle()
    writer.close()
    with demo_db.session() as s:
        statuses = set(s.scalars(select(m.Order.status).where(m.Order.order_no.in_(packed))))
        jobs = s.scalars(select(m.PrintJob.kind).join(m.Order).where(m.Order.order_no.in_(packed))).all()
    assert statuses == {"packed"} and jobs.count("label") == len(packed)


def test_a_cart_wave_scanned_at_the_station_says_how_to_pack_it(demo_db):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    with demo_db.session() as s:
        code = s.scalar(select(m.Wave.code).limit(1))  # the demo's batch waves
    assert station.handle_scan(code).kind is VerdictKind.WAVE_NOT_SINGLE
    assert station.wave is None
    writer.close()


def test_a_supervisor_badge_alone_does_not_sign_in_and_the_pin_is_never_recorded(demo_db, samples):
    station, writer = make_station(demo_db)
    assert station.sign_in_badge("S0001") is None  # a copied badge is not enough
    assert station.state is None
    assert station.sign_in_pin("S0001", "12345678").badge_code == "S0001"
    station.sign_out()
    station.sign_in_badge("P0001")  # packers: badge alone (the default)
    pack_sample = samples["ready"][3]
    station.handle_scan(pack_sample["order_no"])
    for item in pack_sample["items"]:
        for _ in range(item["quantity"]):
            station.handle_scan(item["barcode"])
    assert station.handle_weight(1).kind is VerdictKind.WEIGHT_FAILED
    station.handle_command(Command.OVERRIDE)
    station.handle_scan("S0001")
    assert station.handle_scan("1234").kind is VerdictKind.PIN_WRONG  # a PIN typed fast, like a scan
    writer.wait_idle()
    writer.close()
    with demo_db.session() as s:
        raws = s.scalars(select(m.PackEvent.raw).where(m.PackEvent.kind == "pin")).all()
    assert raws == ["••••"]


def test_packers_can_be_asked_for_their_pin_too(demo_db):
    writer = SerialWriter()
    settings = StationSettings(packer_pin=True)
    station = PackingStation(PackingStore(demo_db, "PACK-01"), writer, settings)
    assert station.sign_in_badge("P0001") is None
    assert station.sign_in_pin("P0001", "1234") is not None
    writer.close()


def test_an_items_gs1_code_with_a_wrong_check_digit_is_refused_not_counted(demo_db, samples):
    from app.core.barcodes import gtin14

    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = next(s for s in samples["ready"] if gtin14(s["items"][0]["barcode"]))
    station.handle_scan(sample["order_no"])
    gtin = gtin14(sample["items"][0]["barcode"])
    wrong = gtin[:-1] + str((int(gtin[-1]) + 1) % 10)
    verdict = station.handle_scan(f"]C101{wrong}10LOT1")
    assert verdict.kind is VerdictKind.BAD_CHECK_DIGIT and (verdict.code, verdict.detail) == ("01", wrong)
    assert verdict.severity.value == "error" and sum(station.state.counts) == 0
    assert station.handle_scan(f"]C101{gtin}10LOT1").kind in (
        VerdictKind.ACCEPTED,
        VerdictKind.LINE_COMPLETE,
        VerdictKind.ORDER_COMPLETE,
        VerdictKind.STEPS_LEFT,
    )
    writer.wait_idle()
    writer.close()
    with demo_db.session() as s:
        verdicts = s.scalars(select(m.PackEvent.verdict)).all()
    assert "bad_check_digit" in verdicts  # in the audit trail too


def test_repeated_wrong_pins_lock_the_badge_for_a_while_at_sign_in_and_at_the_bench(demo_db):
    from app.station import PIN_LOCKOUT_AFTER, PIN_LOCKOUT_S

    now = [1000.0]
    writer = SerialWriter()
    station = PackingStation(
        PackingStore(demo_db, "PACK-01"), writer, StationSettings(), clock=lambda: now[0]
    )
    for _ in range(PIN_LOCKOUT_AFTER):
        assert station.sign_in_pin("S0001", "0000") is None
    assert station.pin_locked_for("S0001") == PIN_LOCKOUT_S
    assert station.sign_in_pin("S0001", "12345678") is None  # the right PIN, but locked: not even checked
    assert station.pin_locked_for("P0001") == 0  # other badges are not affected
    now[0] += PIN_LOCKOUT_S
    assert station.sign_in_pin("S0001", "12345678").badge_code == "S0001"
    assert station.pin_locked_for("S0001") == 0  # a right PIN clears the count
    writer.close()


def test_a_badge_locked_out_stays_locked_after_the_station_restarts(demo_db_path):
    """The count of wrong PINs is in the station's database: killing the program and starting it
    again (or a copied database) does not give a guesser five more tries."""
    from app.station import PIN_LOCKOUT_AFTER, PIN_LOCKOUT_S

    now = [time.time()]
    db = open_database(demo_db_path)
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-01"), writer, StationSettings(), clock=lambda: now[0])
    for _ in range(PIN_LOCKOUT_AFTER - 1):
        assert station.sign_in_pin("S0001", "0000") is None
    writer.close()
    db.close()

    db = open_database(demo_db_path)
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-01"), writer, StationSettings(), clock=lambda: now[0])
    assert station.pin_locked_for("S0001") == 0  # four wrong ones: not locked yet, but counted
    assert station.sign_in_pin("S0001", "0000") is None  # the fifth in a row, after the restart
    assert station.pin_locked_for("S0001") == PIN_LOCKOUT_S
    writer.close()
    db.close()

    db = open_database(demo_db_path)
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-01"), writer, StationSettings(), clock=lambda: now[0])
    assert station.pin_locked_for("S0001") == PIN_LOCKOUT_S  # restarted: still locked
    assert station.sign_in_pin("S0001", "12345678") is None  # not even checked
    now[0] += PIN_LOCKOUT_S
    assert station.sign_in_pin("S0001", "12345678").badge_code == "S0001"
    writer.close()
    db.close()


@pytest.mark.logs_errors
def test_a_pack_whose_commit_never_landed_is_weighed_again(demo_db_path, samples, monkeypatch):
    db = open_database(demo_db_path)
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    sample = samples["ready"][3]

    def power_cut(*_args, **_kwargs):
        raise RuntimeError("the power went before the pack was written")

    monkeypatch.setattr(station.store, "complete_pack", power_cut)
    pack_fully(station, sample)  # the weight's audit row is written; the pack is not
    writer.close()
    db.close()

    db2 = open_database(demo_db_path)
    station2, writer2 = make_station(db2)
    station2.sign_in_badge("P0001")
    assert station2.restored and station2.state.order.order_no == sample["order_no"]
    assert station2.state.phase is Phase.WEIGHING and station2.state.all_verified
    assert station2.handle_weight(station2.state.expected_g).kind is VerdictKind.PACKED
    writer2.close()
    with db2.session() as s:
        assert s.scalar(select(m.Order.status).where(m.Order.order_no == sample["order_no"])) == "packed"
    db2.close()


def test_a_session_recorded_by_an_older_version_reopens_its_order(demo_db_path, samples, caplog):
    db = open_database(demo_db_path)
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    sample = samples["ready"][4]
    station.handle_scan(sample["order_no"])
    station.handle_scan(sample["items"][0]["barcode"])
    writer.close()
    with db.session() as s, s.begin():  # as rows were written before events were kept
        for row in s.scalars(select(m.PackEvent)):
            row.event = None
    db.close()

    db2 = open_database(demo_db_path)
    station2, writer2 = make_station(db2)
    station2.sign_in_badge("P0001")
    assert station2.restored and station2.state.order.order_no == sample["order_no"]
    assert sum(station2.state.counts) == 0  # its scans are done again
    assert "recorded without its events" in caplog.text
    writer2.close()
    db2.close()


def test_an_order_cancelled_while_on_the_bench_is_stopped_and_its_goods_listed_to_go_back(demo_db, samples):
    from app.store.exceptions import ExceptionKind, decide, exceptions

    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = next(s for s in samples["ready"] if sum(i["quantity"] for i in s["items"]) >= 2)
    station.handle_scan(sample["order_no"])
    station.handle_scan(sample["items"][0]["barcode"])
    assert station.recheck() is None  # nothing changed: nothing to say, nothing recorded
    writer.wait_idle()
    with demo_db.session() as s, s.begin():  # what a pull of the office's cancellation writes
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        order.status = "cancelled"
    verdict = station.recheck()
    assert verdict.kind is VerdictKind.INTERCEPTED and verdict.detail == "cancelled" and verdict.quantity == 1
    assert station.state.order is None
    writer.close()
    with demo_db.session() as s:
        session = s.scalar(select(m.PackSession))
        intercepted = s.scalar(select(m.Interception))
        event = s.scalar(select(m.OutboxEvent))
        changes = s.scalars(select(m.PackEvent.kind)).all()
    assert session.status == "intercepted" and changes.count("change") == 1
    assert intercepted.stage == "packing" and intercepted.reason == "cancelled"
    assert [(i["sku_code"], i["quantity"]) for i in intercepted.items] == [(sample["items"][0]["sku"], 1)]
    assert event.type == "order.intercepted" and event.payload["put_back"] == [
        {"sku": sample["items"][0]["sku"], "quantity": 1}
    ]
    (put_back,) = [i for i in exceptions(demo_db) if i.kind is ExceptionKind.PUT_BACK]
    assert put_back.subject == sample["order_no"] and f"{sample['items'][0]['sku']} ×1" in put_back.detail
    assert decide(demo_db, ExceptionKind.PUT_BACK, put_back.ref, "back in its bin", 9)
    assert not [i for i in exceptions(demo_db) if i.kind is ExceptionKind.PUT_BACK]


def test_an_order_cancelled_after_it_was_packed_here_stops_its_parcel(demo_db, samples):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = samples["ready"][5]
    assert pack_fully(station, sample).kind is VerdictKind.PACKED
    writer.wait_idle()
    assert station.recheck() is None
    with demo_db.session() as s, s.begin():
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        order.status = "cancelled"
    verdict = station.recheck()
    assert verdict.kind is VerdictKind.INTERCEPT_PARCEL and verdict.order_no == sample["order_no"]
    assert station.recheck() is None  # said once
    writer.close()


def test_goods_put_back_are_counted_unit_by_unit_and_the_order_leaves_the_list_when_all_are_back(
    demo_db, samples
):
    from app.core.pickpath import LocationParser
    from app.core.put_back import put, walk
    from app.store.exceptions import ExceptionKind, exceptions
    from app.store.interceptions import record_returned, return_lines

    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = next(s for s in samples["ready"] if s["items"][0]["quantity"] >= 2)
    item = sample["items"][0]
    station.handle_scan(sample["order_no"])
    for _ in range(2):
        station.handle_scan(item["barcode"])
    writer.wait_idle()
    with demo_db.session() as s, s.begin():
        s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"])).status = "cancelled"
    assert station.recheck().kind is VerdictKind.INTERCEPTED
    writer.close()

    lines = walk(return_lines(demo_db), LocationParser())
    assert [(x.sku_code, x.quantity, x.returned) for x in lines] == [(item["sku"], 2, 0)]
    lines, _answer, first = put(lines, item["barcode"])
    assert record_returned(demo_db, first.line, "P0002", None) is False
    assert record_returned(demo_db, first.line, "P0002", None) is False  # the same count again: no change
    assert [(x.returned, x.left) for x in return_lines(demo_db)] == [(1, 1)]  # a broken-off walk goes on here
    _lines, _answer, second = put(lines, item["barcode"])
    assert record_returned(demo_db, second.line, "P0002", None) is True
    assert return_lines(demo_db) == []
    (done,) = [i for i in exceptions(demo_db, include_decided=True) if i.kind is ExceptionKind.PUT_BACK]
    assert "P0002" in done.decision and "handheld" in done.decision


def test_a_label_voided_never_prints_again_and_a_re_issue_carries_the_new_waybill(demo_db, samples):
    from app.store.print_jobs import PrintJobStore

    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = samples["ready"][6]
    assert pack_fully(station, sample).kind is VerdictKind.PACKED
    writer.wait_idle()
    assert station.recheck() is None
    jobs = PrintJobStore(demo_db)
    with demo_db.session() as s:
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        order_id, old_waybill, old_carrier = order.id, order.waybill_no, order.carrier
    (label,) = [j for j in jobs.for_order(order_id) if j.kind == "label"]
    assert label.params["waybill_no"] == old_waybill  # the waybill goes with the label

    with demo_db.session() as s, s.begin():  # the office moved it to another carrier; the pull wrote this
        order = s.get(m.Order, order_id)
        order.carrier, order.waybill_no = "SF", "SF9990001112223"
    verdict = station.recheck()
    assert verdict.kind is VerdictKind.LABEL_REISSUED and verdict.detail == "SF"
    assert station.recheck() is None  # once
    writer.close()

    labels = {j.id: j for j in jobs.for_order(order_id) if j.kind == "label"}
    assert labels[label.id].voided_at is not None
    (new,) = [j for j in labels.values() if j.voided_at is None]
    assert new.params["waybill_no"] == "SF9990001112223" and new.params["reissued"] is True
    with demo_db.session() as s:
        (voided,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "label.voided")).all()
    assert (voided.payload["waybill_no"], voided.payload["carrier"]) == (old_waybill, old_carrier)
    assert voided.payload["reason"] == "carrier_changed"
    with pytest.raises(ValueError, match="voided"):
        jobs.reprint(label.id)
    due = jobs.next_due()
    assert due is None or due.id != label.id  # a voided job is never sent, queued or not


def test_the_bench_recommends_a_box_and_the_box_scanned_is_weighed_and_recorded(demo_db, samples):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = samples["ready"][1]
    station.handle_scan(sample["order_no"])
    advice = station.recommended_box
    assert advice is not None and advice.code.startswith("PKG-")  # from the demo's catalogue
    volume = sum(line.volume_cm3 * line.quantity for line in station.state.order.lines)
    assert advice.volume_cm3 * 0.8 >= volume
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            station.handle_scan(item["barcode"])
    assert station.handle_scan("PKG-2").kind is VerdictKind.BOX_USED  # the packer took a bigger one
    assert station.state.box.code == "PKG-2"
    assert station.handle_weight(station.state.expected_g).kind is VerdictKind.PACKED
    writer.close()
    with demo_db.session() as s:
        pack = s.scalar(select(m.PackSession).where(m.PackSession.status == "packed"))
        event = s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.type == "order.packed"))
    assert pack.box_code == "PKG-2"
    assert event.payload["packaging"] == {"box": "PKG-2", "weight_g": 300}


def test_an_order_whose_waybill_lacks_the_carriers_routing_data_is_held_at_its_first_scan(demo_db, samples):
    """The carrier's hubs sort by the code it issued with the waybill: without it the order goes
    on the hold shelf for a new waybill, never out with a code of the station's making."""
    from sqlalchemy import update

    sample = samples["ready"][4]
    with demo_db.session() as s, s.begin():
        s.execute(update(m.Order).where(m.Order.order_no == sample["order_no"]).values(routing=None))
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    verdict = station.handle_scan(sample["order_no"])
    assert verdict.kind is VerdictKind.NO_ROUTING and station.state.order is None
    assert writer.wait_idle(10)
    with demo_db.session() as s:
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        assert order.status == "on_hold" and order.hold_reason == "no_routing"
        (held,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "order.held")).all()
        assert held.payload["order_no"] == sample["order_no"] and held.payload["reason"] == "no_routing"
    # Another order of the same carrier, with its routing data, packs as ever.
    other = samples["ready"][5]
    assert station.handle_scan(other["order_no"]).kind is not VerdictKind.NO_ROUTING
    assert station.state.order is not None and station.state.order.routing is not None
    writer.close()


def test_with_the_label_check_a_parcel_goes_only_with_its_own_label_scanned_on_it(demo_db, samples):
    """贴单复核: after the pack, the waybill on the parcel is scanned. Another order's label (two
    labels swapped on a busy bench) or the next order's number stops it; its own lets it go. Every
    scan of the check is in the pack's audit trail with its time."""
    from dataclasses import replace

    writer = SerialWriter()
    settings = replace(StationSettings(), label_check=True)
    station = PackingStation(PackingStore(demo_db, "PACK-01"), writer, settings)
    station.sign_in_badge("P0001")
    sample, other = samples["ready"][2], samples["ready"][3]
    assert pack_fully(station, sample).kind is VerdictKind.PACKED
    due = station.label_due
    assert due is not None and due.order_no == sample["order_no"]
    order = station.store.order_by_no(sample["order_no"])
    other_order = station.store.order_by_no(other["order_no"])
    swapped = station.handle_scan(other_order.waybill_no)
    assert swapped.kind is VerdictKind.LABEL_MISMATCH and swapped.detail == order.waybill_no
    skipped = station.handle_scan(other["order_no"])  # the next order before the check: not opened
    assert skipped.kind is VerdictKind.LABEL_MISMATCH and station.state.order is None
    assert station.handle_scan(order.waybill_no).kind is VerdictKind.LABEL_CHECKED
    assert station.label_due is None
    assert station.handle_scan(other["order_no"]).kind is VerdictKind.ORDER_LOADED
    assert writer.wait_idle(10)
    with demo_db.session() as s:
        packed = (m.PackSession.order_id == order.order_id, m.PackSession.status == "packed")
        pack = s.scalar(select(m.PackSession).where(*packed))
        checks = s.execute(
            select(m.PackEvent.verdict, m.PackEvent.raw, m.PackEvent.at)
            .where(m.PackEvent.session_id == pack.id, m.PackEvent.kind == "label")
            .order_by(m.PackEvent.id)
        ).all()
    assert [c.verdict for c in checks] == ["label_mismatch", "label_mismatch", "label_checked"]
    assert checks[-1].raw == order.waybill_no and all(c.at is not None for c in checks)
    writer.close()


def test_without_the_label_check_the_next_order_opens_at_once(demo_db, samples):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    assert pack_fully(station, samples["ready"][0]).kind is VerdictKind.PACKED
    assert station.label_due is None
    assert station.handle_scan(samples["ready"][1]["order_no"]).kind is VerdictKind.ORDER_LOADED
    writer.close()
