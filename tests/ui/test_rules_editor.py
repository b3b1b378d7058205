"""The supervisor's rule editor in a real Qt event loop: open by key, build a rule with the condition
builder, see it refused while broken, test it against a scanned order, save it (settings + outbox)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.store import models as m
from app.store.rules_store import RuleCache
from app.ui.application import StationApp, make_qapp


@pytest.fixture
def desk(qtbot, demo_db, tmp_path):
    make_qapp()
    app = StationApp(demo_db, "en", data_dir=tmp_path)
    app.window.resize(1600, 1000)
    app.window.show()
    yield app
    app.close()


DEMO_PINS = {"P0001": "1234", "P0002": "1234", "S0001": "12345678"}


def sign_in(app: StationApp, badge: str) -> None:
    """Badge and PIN, as the sign-in page does for anyone whose badge alone is not enough."""
    assert app.station.sign_in_pin(badge, DEMO_PINS[badge]) is not None
    app.window.on_signed_in(app.station.operator)


def unlock_settings(app: StationApp, qtbot, badge: str = "S0001") -> None:
    """On the settings page: a supervisor scans their badge and types their PIN + Enter."""
    view = app.window.settings_view
    assert app.window.pages.currentWidget() is view
    app.window.on_scan(badge)
    assert view.pin.isVisibleTo(view), "a supervisor's badge asks for the PIN"
    view.pin.setText(DEMO_PINS[badge])
    QTest.keyClick(view.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.unlocked, timeout=10000)


def press(qtbot, app: StationApp, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=5000)
    QTest.keyClick(widget, key, modifier)


@pytest.mark.gui
def test_a_packer_cannot_open_the_rule_editor(desk, qtbot):
    sign_in(desk, "P0001")
    press(qtbot, desk, desk.window.packing.entry, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert desk.window.pages.currentWidget() is desk.window.packing
    assert "Only a supervisor" in desk.window.packing.banner.text()


@pytest.mark.gui
def test_a_supervisor_builds_tests_and_saves_a_rule(desk, demo_db, samples, qtbot, artifacts):
    sign_in(desk, "S0001")
    window, view = desk.window, desk.window.rules_view
    press(qtbot, desk, window.packing.entry, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(lambda: view.table.rowCount() >= 10, timeout=5000)
    shipped = view.table.rowCount()
    assert "shipped defaults" in view.origin.text()

    # A new rule at the top: orders of 3+ items get a big box and an instruction.
    view.table.selectRow(0)
    press(qtbot, desk, view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier)
    view.table.selectRow(0)
    press(qtbot, desk, view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.table.rowCount() == shipped + 1
    row = view.current_row()
    view.code.setText("big-order")  # a shipped rule has that code already
    shipped_row = next(i for i, item in enumerate(view.items) if item["code"] == "big-order" and i != row)
    assert "used by rule" in view.errors[shipped_row] and "⚠" in view.table.text(shipped_row, 2)
    view.code.setText("big-box")
    view.name.setText("大单用大箱 / big box for big orders")
    view.add_condition_button.click()
    condition = view.condition_rows[-1]
    condition.field.setCurrentIndex(condition.field.findData("order.item_count"))
    condition.op.setCurrentIndex(condition.op.findData("gte"))
    condition.value.setText("lots")  # not a number: refused, and said why
    assert "compares with a number" in view.check.text()
    assert "⚠" in view.table.text(row, 2)
    press(qtbot, desk, view.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Not saved: rule" in view.result.text()
    condition.value.setText("1")
    assert "instruction needs zh" in view.check.text()  # the new rule's empty instruction
    action = view.action_rows[-1]
    action.edits["zh"].setText("用大号纸箱")
    action.edits["en"].setText("Use the large carton")
    assert "valid" in view.check.text() and "⚠" not in view.table.text(row, 2)
    assert view.items[row]["conditions"] == [{"field": "order.item_count", "op": "gte", "value": 1}]
    assert view.items[row]["actions"] == [
        {"action": "instruction", "zh": "用大号纸箱", "en": "Use the large carton"}
    ]

    # Test against a scanned order, before saving: the new rule fires and says why.
    window.on_scan(samples["ready"][0]["order_no"])
    qtbot.waitUntil(lambda: "rules fire" in view.test_result.text(), timeout=5000)
    assert "Use the large carton — because of rule big-box" in view.test_result.text()
    window.grab().save(str(artifacts / "rules_editor_en.png"))

    # Turn the VIP rule off with Space, move the new rule down one, save.
    vip = next(i for i, item in enumerate(view.items) if item["code"] == "vip")
    view.table.selectRow(vip)
    view.table.setFocus()
    press(qtbot, desk, view.table, Qt.Key.Key_Space)
    assert view.items[vip]["enabled"] is False and view.table.text(vip, 1) == "—"
    view.table.selectRow(row)
    press(qtbot, desk, view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.items[row + 1]["code"] == "big-box"
    press(qtbot, desk, view.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Saved:" in view.result.text(), timeout=5000)

    with demo_db.session() as s:
        events = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "rule.changed")).all()
    assert len(events) == shipped + 1
    book = RuleCache(demo_db).book()
    assert book.source == "server"  # the station's own list now, as the server will have it
    codes = [r.code for r in book.rules]
    assert codes.index("big-box") == row + 1
    assert not next(r for r in book.rules if r.code == "vip").enabled
    press(qtbot, desk, view.table, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.packing
