"""The dock screen in a real window (zh_CN, 1366×768): badge, carrier code, parcels counted big,
an intercepted parcel red with what to do, F8 listing the parcel left behind, the driver closing
the handover and the manifest printing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from app.core.dock import dock_code
from app.store import demo
from app.store import models as m
from app.ui.application import DockApp, make_qapp
from tests.test_dock import packed_orders
from tests.ui.test_packing_flow import scan


@pytest.mark.gui
def test_the_dock_hands_over_stops_and_closes_by_scanner_and_keys(demo_db, qtbot, artifacts, tmp_path):
    make_qapp()
    samples = demo.sample_orders(demo_db, per_kind=40)
    orders = packed_orders(demo_db, samples, 3)
    carrier = orders[0]["carrier"]
    with demo_db.session() as s, s.begin():  # cancelled in the office after it was packed
        s.execute(update(m.Order).where(m.Order.order_no == orders[2]["order_no"]).values(status="cancelled"))
    dock = DockApp(demo_db, "zh_CN", tmp_path)
    try:
        view = dock.view
        view.show()
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        assert "扫描工牌" in view.banner.text()
        scan("P0002")
        qtbot.waitUntil(lambda: dock.desk.operator is not None)
        scan(dock_code(carrier))
        qtbot.waitUntil(lambda: dock.desk.state.carrier == carrier)
        assert view.count.text() == "0 / 2"  # the cancelled one is not expected
        scan(orders[0]["waybill_no"])
        qtbot.waitUntil(lambda: view.count.text() == "1 / 2")
        assert view.banner.property("severity") == "ok"
        scan(orders[2]["waybill_no"])
        qtbot.waitUntil(lambda: "拦截件" in view.banner.text())
        assert view.banner.property("severity") == "error" and "待放回区" in view.banner.text()
        assert orders[2]["waybill_no"] in view.side.text()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: dock.desk.state.missing is not None)
        assert "未交接" in view.side.text() and orders[1]["waybill_no"] in view.side.text()
        assert view.width() <= 1366 and view.banner.property("severity") == "error"
        view.grab().save(str(artifacts / "dock_missing_zh_CN.png"))
        view.entry.setText("张师傅 13800138000")  # typed through the input method: not key by key
        QTest.keyClick(view.entry, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "已完成" in view.banner.text(), timeout=5000)  # written, not just asked
        assert view.banner.property("severity") == "done"
        with demo_db.session() as s:
            manifest = s.scalars(select(m.Manifest)).one()
            job = s.scalars(select(m.PrintJob).where(m.PrintJob.kind == "manifest")).one()
        assert manifest.status == "closed" and manifest.driver == "张师傅 13800138000"
        assert job.params["manifest_no"] == manifest.manifest_no
        qtbot.waitUntil(lambda: bool(list((tmp_path / "prints").glob("*.pdf"))), timeout=15000)
    finally:
        dock.close()


@pytest.mark.gui
def test_weighing_at_the_dock_takes_the_parcels_steady_weight_by_itself(demo_db, qtbot, tmp_path):
    from app.core.settings import StationSettings
    from app.store.settings_store import save_settings
    from scanner.model import Reading

    make_qapp()
    samples = demo.sample_orders(demo_db, per_kind=40)
    orders = packed_orders(demo_db, samples, 2)
    save_settings(demo_db, StationSettings(station_name="DOCK-1", dock_weigh=True))
    dock = DockApp(demo_db, "en", tmp_path)
    try:
        view = dock.view
        view.show()
        view.handle_scan("P0002")
        view.handle_scan(dock_code(orders[0]["carrier"]))
        view.on_reading(Reading(grams=1500, stable=True))  # the last parcel, still on the scale
        view.handle_scan(orders[0]["waybill_no"])
        weighing = dock.desk.state.weighing
        assert weighing is not None and dock.desk.last.say.value == "weigh_it"
        packed_g = weighing.weight_g
        view.on_reading(Reading(grams=1500, stable=True))  # the same weight: not this parcel
        assert dock.desk.state.weighing is not None
        view.on_reading(Reading(grams=packed_g + 3, stable=False))  # still moving
        assert dock.desk.state.weighing is not None
        view.on_reading(Reading(grams=packed_g + 3, stable=True))
        assert dock.desk.state.weighing is None and dock.desk.state.count == 1
        assert dock.desk.state.handed[0].dock_weight_g == packed_g + 3
        view.on_reading(Reading(grams=0, stable=True))  # taken off
        view.handle_scan(orders[1]["waybill_no"])
        second_g = dock.desk.state.weighing.weight_g
        view.on_reading(Reading(grams=second_g + 900, stable=True))  # far heavier than packed
        assert dock.desk.last.say.value == "weight_off" and dock.desk.state.count == 1
    finally:
        dock.close()


@pytest.mark.gui
def test_the_customer_card_says_when_their_last_parcel_went(qtbot):
    from datetime import UTC, datetime

    from app.store.customers import CustomerCard
    from app.ui.customer_view import CustomerPreferencesView
    from app.ui.i18n import Translations

    translations = Translations()
    translations.apply("zh_CN")
    try:
        view = CustomerPreferencesView()
        qtbot.addWidget(view)
        shipped = datetime(2026, 12, 8, 6, 5, tzinfo=UTC)
        view.show_card(CustomerCard("C1", "张三", "vip", (), {}, {}, "PLT-0001", "PLT-0001", shipped))
        local = shipped.astimezone().strftime("%Y-%m-%d %H:%M")
        assert f"最近发货：PLT-0001，{local}" in view.who.text()
        view.show_card(CustomerCard("C2", "李四", "normal", (), {}, {}))
        assert "最近发货" not in view.who.text()  # never shipped: nothing said
    finally:
        translations.remove()
