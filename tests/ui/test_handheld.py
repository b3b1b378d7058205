"""The handheld picking screen in a real Qt event loop, 480×800: badge, wave, bin, item, quantity,
a short pick with its reason, and the wave finished — every stop recorded for the server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.core.waves import Caps, Strategy, plan_waves
from app.store import models as m
from app.store.exceptions import ExceptionKind, exceptions
from app.store.waves import create_waves, load_open_orders
from app.ui.application import HandheldApp, make_qapp
from app.ui.handheld_view import Step


@pytest.fixture
def handheld(qtbot, demo_db):
    make_qapp()
    app = HandheldApp(demo_db, "en")
    app.view.show()
    yield app
    app.close()


@pytest.mark.gui
def test_a_picker_walks_a_wave_with_a_short_pick(handheld, demo_db, qtbot, artifacts):
    orders = [o for o in load_open_orders(demo_db) if o.items >= 2]
    plan = plan_waves(orders, Strategy.MULTI_CART, Caps(max_orders=3, max_waves=1))
    (code,) = create_waves(demo_db, plan.waves, "DESK", None, release=True).codes
    view = handheld.view
    assert view.size().width() == 480 and view.size().height() == 800

    view.handle_scan("NOBODY")
    assert "not known" in view.banner.text() and handheld.sounds.last_played == "error"
    view.handle_scan("P0002")
    qtbot.waitUntil(lambda: any(w.code == code for w in view.waves), timeout=5000)
    assert any(code in b.text() for b in view.wave_buttons)
    view.handle_scan(code)
    qtbot.waitUntil(lambda: view.step is Step.BIN, timeout=5000)
    stops = list(view.stops)
    assert sum(s.quantity for s in stops) == plan.waves[0].items
    assert f"stop 1 of {len(stops)}" in view.progress.text()
    handheld.view.grab().save(str(artifacts / "handheld_bin_en.png"))

    first = view.stop
    view.handle_scan("Z-99-99-9")
    assert "Wrong bin" in view.banner.text() and view.step is Step.BIN
    view.handle_scan(first.location)
    assert view.step is Step.ITEM
    view.handle_scan("6900000000000")
    assert "Not this item" in view.banner.text()
    if first.quantity > 1:  # a multiple: one scan, then the quantity typed
        view.handle_scan(first.barcodes[0])
        assert view.count == 1
        view.entry.setFocus()
        QTest.keyClicks(view.entry, str(first.quantity), delay=70)
        QTest.keyClick(view.entry, Qt.Key.Key_Return)
    else:
        view.handle_scan(first.barcodes[0])
    qtbot.waitUntil(lambda: view.step is Step.PUT, timeout=5000)
    slot = view.put_queue[0].slot
    assert f"into slot {slot}" in view.banner.text()
    view.handle_scan(f"SLOT-{slot + 1:02d}")
    assert "Wrong slot" in view.banner.text() and view.step is Step.PUT
    view.handle_scan(f"SLOT-{slot:02d}")
    assert view.index == 1 and view.step is Step.BIN

    # The second stop: the bin holds fewer than wanted (or none): F4, a reason.
    second = view.stop
    view.handle_scan(second.location)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    view.entry.setFocus()
    QTest.keyClick(view.entry, Qt.Key.Key_F4)
    assert view.step is Step.SHORT and "0 of" in view.banner.text()
    handheld.view.grab().save(str(artifacts / "handheld_short_en.png"))
    assert view.reason_buttons["not_found"].text().startswith("1 ")  # each reason has its key
    QTest.keyClick(view.entry, Qt.Key.Key_9)  # no ninth reason: nothing chosen, the page stays
    assert view.step is Step.SHORT and view.entry.text() == ""
    QTest.keyClick(view.entry, Qt.Key.Key_1)  # one key with a glove on: "not found"
    qtbot.waitUntil(lambda: "Short pick recorded" in view.banner.text(), timeout=5000)
    assert view.entry.text() == ""
    assert view.step is Step.BIN  # nothing found: nothing to put

    for stop in stops[2:]:
        current = view.stop
        assert current.sku == stop.sku
        view.handle_scan(current.location)
        for _ in range(current.quantity):
            view.handle_scan(current.barcodes[0])
        qtbot.waitUntil(lambda: view.step is Step.PUT, timeout=5000)
        while view.step is Step.PUT:
            view.handle_scan(str(view.put_queue[0].slot))  # the slot's number is its label too
        qtbot.waitUntil(lambda s=current: view.stop is not s or view.step is Step.WAVE, timeout=5000)
    qtbot.waitUntil(lambda: view.step is Step.WAVE and "picked" in view.banner.text(), timeout=5000)
    wanted = sum(stop.quantity for stop in stops)
    summary = f"{wanted - second.quantity} of {wanted} units, stops short: 1"
    assert summary in view.banner.text()
    qtbot.waitUntil(lambda: code not in [w.code for w in view.waves], timeout=5000)  # list reloaded
    assert summary in view.banner.text()  # ... under the summary, which stays until the next scan

    with demo_db.session() as s:
        picks = s.scalars(select(m.Pick).join(m.Wave).where(m.Wave.code == code)).all()
        events = [e.type for e in s.scalars(select(m.OutboxEvent).order_by(m.OutboxEvent.created_at))]
        wave = s.scalar(select(m.Wave).where(m.Wave.code == code))
    short = [p for p in picks if p.picked < p.wanted]
    assert (
        short
        and {p.short_reason for p in short} == {"not_found"}
        and {p.sku_code for p in short} == {second.sku}
    )
    assert events.count("pick.short") == 1 and events.count("pick.confirmed") == len(stops) - 1
    assert wave.status == "done" and wave.picker == "P0002"  # taken from the list: whose walk it was
    listed = [e for e in exceptions(demo_db) if e.kind is ExceptionKind.SHORT_PICK]
    assert len(listed) == len(short) and all(code in e.detail for e in listed)


@pytest.mark.gui
def test_a_multiple_is_counted_by_typing_and_shared_over_the_cart_slots(handheld, demo_db, qtbot):
    plan = plan_waves(load_open_orders(demo_db), Strategy.SINGLE_SKU, Caps(max_orders=3))
    wave = next(w for w in plan.waves if len(w.orders) == 3)
    (code,) = create_waves(demo_db, [wave], "DESK", None, release=True).codes
    view = handheld.view
    view.handle_scan("P0002")
    qtbot.waitUntil(lambda: view.step is Step.WAVE and bool(view.waves), timeout=5000)
    view.handle_scan(code)
    qtbot.waitUntil(lambda: view.step is Step.BIN, timeout=5000)
    (stop,) = view.stops  # one SKU for three orders: one stop, three slots
    assert stop.quantity == 3 and [s.slot for s in stop.shares] == [1, 2, 3]
    assert "slot 1 ×1 · slot 2 ×1 · slot 3 ×1" in view.slots.text()
    view.handle_scan(stop.location)
    view.handle_scan(stop.barcodes[0])
    assert view.count == 1 and "1 of 3" in view.banner.text()
    view.plus.click()
    assert view.count == 2
    view.entry.setFocus()
    QTest.keyClicks(view.entry, "3", delay=70)
    QTest.keyClick(view.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.step is Step.PUT, timeout=5000)
    assert [(s.slot, s.quantity) for s in view.put_queue] == [(1, 1), (2, 1), (3, 1)]
    view.handle_scan("#SLOT:1")
    view.handle_scan("S-02")
    view.done_button.click()  # a tap puts into slot 3 (small carts have no labels)
    qtbot.waitUntil(lambda: view.step is Step.WAVE and "picked" in view.banner.text(), timeout=5000)
    with demo_db.session() as s:
        picked = s.execute(
            select(m.Order.order_no, m.Order.status).where(m.Order.order_no.in_(wave.order_nos))
        )
        assert {status for _, status in picked} == {"picked"}


@pytest.mark.gui
def test_a_gs1_datamatrix_the_bench_accepts_is_the_same_item_on_the_handheld(handheld, demo_db, qtbot):
    from app.core import barcodes
    from scanner.interpret import interpret

    orders = [o for o in load_open_orders(demo_db) if o.items >= 1]
    plan = plan_waves(orders, Strategy.MULTI_CART, Caps(max_orders=2, max_waves=1))
    (code,) = create_waves(demo_db, plan.waves, "DESK", None, release=True).codes
    view = handheld.view
    view.handle_scan("P0002")
    qtbot.waitUntil(lambda: any(w.code == code for w in view.waves), timeout=5000)
    view.handle_scan(code)
    qtbot.waitUntil(lambda: view.step is Step.BIN, timeout=5000)
    stop = view.stop
    ean = next(b for b in stop.barcodes if barcodes.gtin14(b) is not None)
    gtin = barcodes.gtin14(ean)
    datamatrix = f"]d201{gtin}10LOT7\x1d17271231"  # GTIN, batch, expiry: how a DataMatrix reads
    assert barcodes.lookup_key(interpret(datamatrix).lookup) == barcodes.lookup_key(ean)  # as the bench
    view.handle_scan(stop.location)
    view.handle_scan(datamatrix)
    assert "Not this item" not in view.banner.text() and view.count == 1


@pytest.mark.gui
def test_a_picker_puts_back_the_goods_of_a_stopped_order_bin_by_bin(
    handheld, demo_db, samples, qtbot, artifacts
):
    from app.core.settings import StationSettings
    from app.station import PackingStation
    from app.store.packing import PackingStore
    from app.store.writer import SerialWriter

    bench = PackingStation(PackingStore(demo_db, "PACK-01"), SerialWriter(), StationSettings())
    bench.sign_in_badge("P0001")
    sample = next(s for s in samples["ready"] if len(s["items"]) >= 2)
    bench.handle_scan(sample["order_no"])
    for item in sample["items"][:2]:
        bench.handle_scan(item["barcode"])
    bench.writer.wait_idle()
    with demo_db.session() as s, s.begin():  # the office cancelled it; the pull wrote this
        s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"])).status = "cancelled"
    bench.recheck()
    bench.writer.close()

    view = handheld.view
    view.handle_scan("P0002")
    qtbot.waitUntil(lambda: view.step is Step.WAVE, timeout=5000)
    QTest.keyClick(view, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: "2 item(s) to put back" in view.banner.text(), timeout=5000)
    assert view.pages.currentWidget() is view.put_back_page
    first = view.put_back.lines[0]
    assert (
        view.back_location.text() == (first.location or "(no bin)")
        and first.sku_code in view.back_item.text()
    )
    handheld.view.grab().save(str(artifacts / "handheld_put_back_en.png"))

    view.handle_scan("6900000000000")
    assert "Not on the put-back list" in view.banner.text() and handheld.sounds.last_played == "error"
    for item in sample["items"][:2]:
        view.handle_scan(item["barcode"])
    assert "Everything is back" in view.banner.text()
    qtbot.waitUntil(lambda: handheld.writer.pending == 0, timeout=5000)
    (done,) = [i for i in exceptions(demo_db, include_decided=True) if i.kind is ExceptionKind.PUT_BACK]
    assert done.subject == sample["order_no"] and "P0002" in done.decision
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.pages.currentWidget() is view.waves_page and not view.putting_back
