"""The supervisor desk in a real Qt event loop: filter the open orders, preview a plan, release it,
assign and print a wave, cancel one, and decide an exception — all by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.store import models as m
from tests.ui.test_rules_editor import desk, press, sign_in  # noqa: F401 (the fixture)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.gui
def test_a_packer_cannot_open_the_desk(desk, qtbot):  # noqa: F811
    sign_in(desk, "P0001")
    press(qtbot, desk, desk.window.packing.entry, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert desk.window.pages.currentWidget() is desk.window.packing
    assert "Only a supervisor can plan waves" in desk.window.packing.banner.text()


@pytest.mark.gui
def test_a_supervisor_plans_releases_assigns_prints_and_cancels_waves(desk, demo_db, qtbot, artifacts):  # noqa: F811
    with demo_db.session() as s, s.begin():  # one order on hold: an exception to decide
        held = s.scalar(select(m.Order).where(m.Order.status == "new").order_by(m.Order.id.desc()).limit(1))
        held.status, held.hold_reason = "on_hold", "damaged"
        held_no = held.order_no
    sign_in(desk, "S0001")
    window, view = desk.window, desk.window.desk
    press(qtbot, desk, window.packing.entry, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(lambda: len(view.desk.orders) > 1000, timeout=10000)
    total = len(view.desk.orders)
    assert f"{total} of {total} orders match" in view.plan_tab.count.text()

    view.plan_tab.carrier.setCurrentText("SF")
    sf = [o for o in view.desk.orders if o.carrier == "SF"]
    qtbot.waitUntil(lambda: f"{len(sf)} of {total}" in view.plan_tab.count.text(), timeout=10000)
    assert len(view.desk.matching) == len(sf) > 10 and view.plan_tab.orders_table.rowCount() == len(sf)
    view.plan_tab.strategy.setCurrentIndex(view.plan_tab.strategy.findData("multi_cart"))
    view.plan_tab.max_orders.setValue(6)
    view.plan_tab.max_waves.setValue(2)
    press(qtbot, desk, view.plan_tab.orders_table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: view.plan_tab.preview_table.rowCount() == 2, timeout=10000)
    assert view.desk.plan is not None and len(view.desk.plan.waves) == 2
    assert "2 waves · 12 orders" in view.plan_tab.totals.text() and "walk" in view.plan_tab.totals.text()
    assert float(view.plan_tab.preview_table.text(0, 6)) > 0  # the walk of the first wave
    planned = [w.order_nos for w in view.desk.plan.waves]
    window.grab().save(str(artifacts / "supervisor_desk_plan_en.png"))
    press(qtbot, desk, view.plan_tab.preview_table, Qt.Key.Key_R, CTRL)
    assert "Release 2 waves, 12 orders" in view.plan_tab.confirm.text()  # and waits for Enter
    press(qtbot, desk, view.plan_tab.preview_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Released 2 waves" in view.result.text(), timeout=10000)
    with demo_db.session() as s:
        statuses = set(s.scalars(select(m.Order.status).where(m.Order.order_no.in_(planned[0] + planned[1]))))
        assert statuses == {"released"}
    qtbot.waitUntil(lambda: len(view.desk.orders) == total - 12, timeout=10000)  # they left the open pool

    press(qtbot, desk, view.plan_tab.preview_table, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: any(p.strategy == "multi_cart" for p in view.desk.progress), timeout=10000)
    row = next(i for i, p in enumerate(view.desk.progress) if p.strategy == "multi_cart")
    code = view.desk.progress[row].code
    view.waves_tab.waves_table.selectRow(row)
    view.waves_tab.picker.setText("P0002")
    view.waves_tab.pack_station.setText("PACK-02")
    press(qtbot, desk, view.waves_tab.waves_table, Qt.Key.Key_A, CTRL)
    qtbot.waitUntil(lambda: f"Wave {code} assigned" in view.result.text(), timeout=10000)
    qtbot.waitUntil(
        lambda: any(p.code == code and p.picker == "P0002" for p in view.desk.progress), timeout=10000
    )
    press(qtbot, desk, view.waves_tab.waves_table, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: "Pick list of" in view.result.text(), timeout=10000)
    with demo_db.session() as s:
        job = s.scalar(select(m.PrintJob).where(m.PrintJob.kind == "picklist"))
        assert job is not None and job.params == {"wave": code}
    window.grab().save(str(artifacts / "supervisor_desk_waves_en.png"))
    view.waves_tab.waves_table.selectRow(next(i for i, p in enumerate(view.desk.progress) if p.code == code))
    press(qtbot, desk, view.waves_tab.waves_table, Qt.Key.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: "cancelled: 6 orders back" in view.result.text(), timeout=10000)

    press(qtbot, desk, view.waves_tab.waves_table, Qt.Key.Key_3, CTRL)
    qtbot.waitUntil(lambda: any(i.subject == held_no for i in view.desk.items), timeout=10000)
    decision = view.exceptions_tab.decision
    assert QApplication.focusWidget() is decision  # Ctrl+3 lands where the supervisor types
    view.exceptions_tab.exceptions_table.selectRow(0)
    for _ in range(next(i for i, item in enumerate(view.desk.items) if item.subject == held_no)):
        press(qtbot, desk, decision, Qt.Key.Key_Down)  # the list moves, the cursor stays
    key = view.exceptions_tab.exceptions_table.current_key()
    assert next(i for i in view.desk.items if (i.kind, i.ref) == key).subject == held_no
    press(qtbot, desk, decision, Qt.Key.Key_Return)
    assert "Type what was done" in view.result.text()  # nothing typed: nothing recorded
    QTest.keyClicks(decision, "repacked", delay=70)  # typed, not a scan
    assert QApplication.focusWidget() is decision
    press(qtbot, desk, decision, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"Decision recorded for {held_no}: repacked" in view.result.text(), timeout=10000)
    qtbot.waitUntil(lambda: not any(i.subject == held_no for i in view.desk.items), timeout=10000)
    with demo_db.session() as s:
        decision = s.get(m.ExceptionDecision, ("hold", held_no))
        assert decision.decision == "repacked" and decision.decided_by is not None
    with demo_db.session() as s:
        kinds = [e.type for e in s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "wave.changed"))]
    assert len(kinds) == 2 + 1 + 1  # two released, one assigned, one cancelled
