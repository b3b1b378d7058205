"""A day's volume on every desk screen, in a real Qt event loop, with the GUI-thread watchdog on
(tests/watchdog.py: any event that keeps the GUI thread busy for more than 200 ms fails the test):
more than 20,000 open orders, 500 waves, 50,000 packs today and 5,000 exceptions
(tests/busy_day.py). A release says what it will do and waits for Enter; the lists follow it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.core.changes import Change, ChangeNotice, Initiator
from app.store import models as m
from app.store.waves import WAVE_ACTIVE
from app.ui.application import StationApp, make_qapp
from tests.busy_day import open_copy
from tests.ui.test_rules_editor import press, sign_in

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def busy_station(qtbot, busy_template, tmp_path):
    db = open_copy(busy_template, tmp_path)
    make_qapp()
    app = StationApp(db, "en", data_dir=tmp_path / "data")
    app.window.resize(1366, 768)
    app.window.show()
    yield app, db
    app.close()
    db.close()


@pytest.mark.gui
def test_the_supervisor_desk_on_a_busy_day_never_stalls_the_gui_thread(busy_station, qtbot, artifacts):
    app, db = busy_station
    sign_in(app, "S0001")
    window, view = app.window, app.window.desk
    press(qtbot, app, window.packing.entry, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(lambda: len(view.desk.orders) >= 20_000, timeout=60_000)
    total = len(view.desk.orders)
    qtbot.waitUntil(lambda: view.plan_tab.orders_table.rowCount() == total, timeout=30_000)
    assert f"{total} of {total} orders match" in view.plan_tab.count.text()

    # A filter typed letter by letter: each key answers without holding the screen.
    view.plan_tab.carrier.setCurrentText("SF")
    qtbot.waitUntil(lambda: 0 < len(view.desk.matching) < total, timeout=30_000)
    qtbot.waitUntil(lambda: view.plan_tab.orders_table.rowCount() == len(view.desk.matching), timeout=30_000)
    view.plan_tab.carrier.setCurrentText("")
    qtbot.waitUntil(lambda: view.plan_tab.orders_table.rowCount() == total, timeout=30_000)

    # The plan with the tab's defaults: previewed off the GUI thread, released only after Enter.
    press(qtbot, app, view.plan_tab.orders_table, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: view.desk.plan is not None, timeout=60_000)
    plan = view.desk.plan
    assert 0 < len(plan.waves) <= view.plan_tab.max_waves.value()  # a sane cap by default
    press(qtbot, app, view.plan_tab.preview_table, Qt.Key.Key_R, CTRL)
    assert view.plan_tab.confirming is True
    prompt = view.plan_tab.confirm.text()
    assert f"{len(plan.waves)} waves, {plan.orders} orders" in prompt
    assert "Enter to release" in prompt and "Esc to go back" in prompt
    with db.session() as s:
        assert s.scalar(select(func.count(m.Wave.id))) == 510  # nothing released yet
    press(qtbot, app, view.plan_tab.preview_table, Qt.Key.Key_Escape)  # changed my mind
    assert view.plan_tab.confirming is False and window.pages.currentWidget() is view
    press(qtbot, app, view.plan_tab.preview_table, Qt.Key.Key_R, CTRL)
    press(qtbot, app, view.plan_tab.preview_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"Released {len(plan.waves)} waves" in view.result.text(), timeout=30_000)
    left = total - plan.orders
    qtbot.waitUntil(lambda: len(view.desk.orders) == left, timeout=60_000)  # the list follows
    qtbot.waitUntil(lambda: f"{left} of {left} orders match" in view.plan_tab.count.text(), timeout=30_000)
    window.grab().save(str(artifacts / "busy_day_plan_en.png"))

    # Waves (500 and the new ones), refreshed on its timer; exceptions; returns; the board.
    with db.session() as s:
        active = s.scalar(select(func.count(m.Wave.id)).where(m.Wave.status.in_(WAVE_ACTIVE)))
    assert active >= 300
    press(qtbot, app, view.plan_tab.orders_table, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: view.waves_tab.waves_table.rowCount() == active, timeout=30_000)
    resets = view.waves_tab.waves_table.rows_model.resets
    waves_redraw = view.redraws[0]
    for _ in range(3):  # pulls of the handhelds' picks, as a busy floor's sync brings them
        redraws = waves_redraw.redraws
        for _ in range(5):  # a burst: read once
            app.changes.notify(ChangeNotice(frozenset({Change.WAVES}), Initiator.PULL))
        qtbot.waitUntil(lambda before=redraws: waves_redraw.redraws == before + 1, timeout=10_000)
        qtbot.wait(50)
    app.changes.notify(ChangeNotice(frozenset({Change.CUSTOMERS}), Initiator.PULL))  # not the waves'
    qtbot.wait(1000)
    assert waves_redraw.redraws == redraws + 1
    assert view.waves_tab.waves_table.rows_model.resets == resets  # each told the table only what changed
    press(qtbot, app, view.waves_tab.waves_table, Qt.Key.Key_3, CTRL)
    qtbot.waitUntil(lambda: view.exceptions_tab.exceptions_table.rowCount() >= 5_000, timeout=30_000)
    press(qtbot, app, view.exceptions_tab.exceptions_table, Qt.Key.Key_4, CTRL)
    press(qtbot, app, view.returns_tab.table, Qt.Key.Key_5, CTRL)
    qtbot.waitUntil(lambda: view.board.board is not None, timeout=60_000)
    qtbot.waitUntil(lambda: view.board.stations.rowCount() >= 20, timeout=60_000)
    window.grab().save(str(artifacts / "busy_day_board_en.png"))

    # Out and in again: the desk opens as quickly the second time.
    press(qtbot, app, view.board, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.packing
    press(qtbot, app, window.packing.entry, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    table = view.plan_tab.orders_table
    qtbot.waitUntil(lambda: table.rowCount() == len(view.desk.matching) > 0, timeout=60_000)
