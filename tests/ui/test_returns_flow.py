"""The returns desk in the real station window, by scans and keys only: a packed order comes back,
one unit damaged in transit and one of the wrong size; both labels print; the return reaches the
outbox; the customer's next order is packed with the after-sales care card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.core.pack_session import Phase as PackPhase
from app.core.pack_session import VerdictKind
from app.core.returns import RETURN_REASONS, Key, Phase
from app.store import models as m
from tests.test_returns_desk import packed_order_with_a_next_one
from tests.ui.test_packing_flow import banner, scan, station_app  # noqa: F401 - the fixture
from tests.ui.test_rules_editor import unlock_settings


@pytest.mark.gui
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_return_of_two_units_checked_in_by_keys(station_app, samples, demo_db, qtbot, artifacts, language):  # noqa: F811
    sample, later = packed_order_with_a_next_one(demo_db, samples)
    units = [i["barcode"] for i in sample["items"] for _ in range(i["quantity"])]
    app = station_app(language)
    window = app.window
    scan("P0002")
    view = window.returns_view
    QTest.keyClick(window.packing.entry, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(lambda: view.entry.hasFocus())
    scan(sample["waybill_no"])
    assert view.desk.state.phase is Phase.ITEMS and sample["order_no"] in view.record.text()
    scan(units[0])
    assert "[12]" in view.prompt.text()  # the reasons offered, numbered
    scan(str(RETURN_REASONS.index("damaged_in_transit") + 1))
    scan("3")  # damaged
    scan(units[1])
    scan(str(RETURN_REASONS.index("wrong_size") + 1))
    scan("1")  # resellable
    assert view.units.rowCount() == 2 and app.sounds.last_played == "complete"
    scan("430")
    QTest.keyClick(view.entry, Qt.Key.Key_F8)
    assert view.desk.state.phase is Phase.CONFIRM
    text = view.prompt.text()
    assert ("承运商" in text or "运输" in text) if language == "zh_CN" else "Carrier" in text
    QApplication.processEvents()
    window.grab().save(str(artifacts / f"returns_confirm_{language}.png"))
    QTest.keyClick(view.entry, Qt.Key.Key_Return)  # Enter: the proposal
    assert view.desk.state.phase is Phase.IDLE and banner_of(view)[1] == "done"
    qtbot.waitUntil(lambda: app.writer.pending == 0, timeout=5000)
    with demo_db.session() as s:
        ret = s.scalar(select(m.Return).where(m.Return.status == "received"))
        labels = s.scalars(select(m.PrintJob).where(m.PrintJob.kind == "return")).all()
        event = s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.type == "return.received"))
    assert ret.order_no == sample["order_no"] and ret.responsibility == "carrier" and len(labels) == 2
    assert event is not None
    qtbot.waitUntil(
        lambda: all(j.status == "done" for j in app.printing.jobs.for_order(ret.order_id)), timeout=10000
    )
    # Esc on the empty desk: back to packing; the customer's next order carries the care card.
    QTest.keyClick(view.entry, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.packing
    scan(later)
    assert app.station.state.phase is PackPhase.SCANNING
    assert "after-sales-care" in app.station.state.plan.fired
    assert window.packing.last_verdict.kind is VerdictKind.ORDER_LOADED


def banner_of(view) -> tuple[str, str]:
    return view.banner.text(), view.banner.property("severity")


@pytest.mark.gui
def test_the_supervisor_sees_returns_by_reason_and_responsibility_and_exports_them(
    samples, demo_db, qtbot, tmp_path
):
    import csv

    from app.ui.application import StationApp, make_qapp
    from tests.test_returns_desk import open_desk
    from tests.ui.test_rules_editor import press, sign_in

    sample, _later = packed_order_with_a_next_one(demo_db, samples)
    desk, writer = open_desk(demo_db)
    desk.handle_scan(sample["order_no"])
    desk.handle_scan(sample["items"][0]["barcode"])
    desk.handle_scan(str(RETURN_REASONS.index("wrong_size") + 1))
    desk.handle_scan("1")
    desk.press(Key.FINISH)
    desk.press(Key.FINISH)
    writer.close()
    make_qapp()
    app = StationApp(demo_db, "en", data_dir=tmp_path)
    try:
        app.window.resize(1600, 1000)
        app.window.show()
        sign_in(app, "S0001")
        view = app.window.desk
        press(qtbot, app, app.window.packing.entry, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
        press(qtbot, app, view.plan_tab.orders_table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: view.returns_tab.table.rowCount() == 1, timeout=5000)
        assert (
            "Wrong size 1" in view.returns_tab.summary.text()
            and "Customer 1" in view.returns_tab.summary.text()
        )
        assert view.returns_tab.table.text(0, 1) == sample["order_no"]
        press(qtbot, app, view.returns_tab.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "Written:" in view.result.text(), timeout=5000)
        path = view.result.text().split("Written: ", 1)[1].strip()
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        assert [(r["order_no"], r["responsibility"], r["reasons"]) for r in rows] == [
            (sample["order_no"], "customer", "wrong_size")
        ]
    finally:
        app.close()


@pytest.mark.gui
def test_the_reasons_offered_and_the_waybill_reserve_are_set_on_the_settings_page(
    station_app,  # noqa: F811 - the fixture
    demo_db,
    qtbot,
):
    from app.store.settings_store import load_settings

    app = station_app("en")
    window = app.window
    window.open_settings()
    unlock_settings(app, qtbot)
    page = window.settings_view
    page.return_reasons.setText("wrong_size, quality, wrong_size, shop_special")
    page.waybill_reserve.setValue(40)
    QTest.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not page, timeout=5000)
    stored = load_settings(demo_db)
    assert stored.return_reasons == "wrong_size, quality, shop_special" and stored.waybill_reserve == 40
    assert window.returns_view.desk.state.reasons == ("wrong_size", "quality", "shop_special")
