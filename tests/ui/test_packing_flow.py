"""The real station window driven through key events, as a packer with a wedge scanner would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from app.core.commands import Command
from app.core.pack_session import Phase, VerdictKind
from app.store import models as m
from app.ui.application import StationApp, make_qapp
from tests.ui.keys import type_slowly
from tests.ui.test_rules_editor import unlock_settings


@pytest.fixture
def station_app(qtbot, demo_db):
    make_qapp()
    apps = []

    def build(language: str) -> StationApp:
        app = StationApp(demo_db, language)
        app.window.resize(1600, 900)
        app.window.show()
        app.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.close()


def scan(code: str) -> None:
    """A wedge scanner: a burst of keys into whatever has focus, then Enter."""
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def banner(app: StationApp) -> tuple[str, str]:
    label = app.window.packing.banner
    return label.text(), label.property("severity")


def wrong_barcode(samples, sample) -> str:
    own = {i["barcode"] for i in sample["items"]}
    return next(i["barcode"] for s in samples["ready"] for i in s["items"] if i["barcode"] not in own)


@pytest.mark.gui
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_pack_an_order_end_to_end_by_keyboard(station_app, samples, demo_db, qtbot, artifacts, language):
    app = station_app(language)
    window = app.window
    assert window.pages.currentWidget() is window.signin

    scan("P0001")
    assert window.pages.currentWidget() is window.packing
    qtbot.waitUntil(lambda: window.packing.entry.hasFocus())

    sample = next(s for s in samples["ready"] if len(s["items"]) >= 2)
    scan(sample["order_no"])
    assert app.station.state.order.order_no == sample["order_no"]
    assert window.packing.order_no.text() == sample["order_no"]

    first = sample["items"][0]
    scan(first["barcode"])
    assert app.sounds.last_played in ("accept", "complete")

    scan(wrong_barcode(samples, sample))
    text, severity = banner(app)
    assert severity == "error" and app.sounds.last_played == "error"
    assert ("不属于订单" in text) if language == "zh_CN" else ("not in order" in text)

    for _ in range(first["quantity"] - 1):
        scan(first["barcode"])
    scan(first["barcode"])  # one too many
    assert window.packing.last_verdict.kind is VerdictKind.OVER_SCAN
    assert banner(app)[1] == "error"

    for item in sample["items"][1:]:
        for _ in range(item["quantity"]):
            scan(item["barcode"])
    assert app.station.state.phase is Phase.WEIGHING
    assert app.sounds.last_played == "complete"
    window.grab().save(str(artifacts / f"packing_weighing_{language}.png"))

    expected = app.station.state.expected_g
    type_slowly(str(expected + 5))
    assert window.packing.last_verdict.kind is VerdictKind.PACKED
    # "Packed" shows once the commit is back, never before.
    assert banner(app)[1] == "info" or app.writer.pending == 0
    qtbot.waitUntil(lambda: banner(app)[1] == "done", timeout=5000)
    assert app.writer.pending == 0 and app.sounds.last_played == "complete"
    with demo_db.session() as s:
        events = s.scalars(select(m.OutboxEvent)).all()
        pack = s.scalar(select(m.PackSession).where(m.PackSession.status == "packed"))
    assert len(events) == 1 and events[0].type == "order.packed"
    assert events[0].payload["order_no"] == sample["order_no"]
    assert pack.actual_g == expected + 5 and pack.weight_source == "manual"
    qtbot.waitUntil(lambda: "1" in window.status_bar.outbox_label.text())


@pytest.mark.gui
def test_screenshots_of_the_packing_view_in_both_languages(station_app, samples, artifacts, qtbot):
    for language in ("zh_CN", "en"):
        app = station_app(language)
        scan("P0002")
        sample = samples["ready"][3]
        scan(sample["order_no"])
        scan(sample["items"][0]["barcode"])
        scan(wrong_barcode(samples, sample))
        path = artifacts / f"packing_{language}.png"
        image = app.window.grab().toImage()
        assert image.save(str(path))
        banner_colour = image.pixelColor(
            app.window.packing.banner.geometry().center() + app.window.packing.pos()
        )
        assert banner_colour.red() > 150 and banner_colour.green() < 100  # the error banner is red
        app.station.handle_command(Command.CLOSE)
        app.close()


@pytest.mark.gui
def test_cancelled_and_held_orders_are_refused_loudly(station_app, samples):
    app = station_app("en")
    scan("P0001")
    scan(samples["cancelled"][0]["order_no"])
    assert app.window.packing.last_verdict.kind is VerdictKind.CANCELLED
    assert app.sounds.last_played == "error"
    scan(samples["on_hold"][0]["order_no"])
    assert app.window.packing.last_verdict.kind is VerdictKind.ON_HOLD
    assert "ON HOLD" in banner(app)[0]


@pytest.mark.gui
def test_hold_by_single_keys_with_no_dialog(station_app, samples, demo_db, qtbot):
    app = station_app("en")
    scan("P0001")
    sample = samples["ready"][4]
    scan(sample["order_no"])
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
    assert app.window.packing.prompt.isVisible()
    QTest.keyClick(QApplication.focusWidget(), "1")  # [1] item damaged
    qtbot.waitUntil(lambda: app.window.packing.last_verdict.kind is VerdictKind.HELD, timeout=2000)
    qtbot.waitUntil(lambda: app.writer.pending == 0)
    with demo_db.session() as s:
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        assert order.status == "on_hold" and order.hold_reason == "damaged"
        assert [e.type for e in s.scalars(select(m.OutboxEvent))] == ["order.held"]


@pytest.mark.gui
def test_weight_failure_then_supervisor_override_by_badge_pin_and_key(station_app, samples, demo_db, qtbot):
    app = station_app("zh_CN")
    scan("P0001")
    sample = samples["ready"][5]
    scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            scan(item["barcode"])
    type_slowly("99999")
    assert app.window.packing.last_verdict.kind is VerdictKind.WEIGHT_FAILED
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    scan("P0002")  # not a supervisor
    assert app.window.packing.last_verdict.kind is VerdictKind.NOT_A_SUPERVISOR
    scan("S0001")
    assert app.window.packing.last_verdict.kind is VerdictKind.ENTER_PIN  # a badge alone is not enough
    assert app.window.packing.entry.echoMode() is QLineEdit.EchoMode.Password
    type_slowly("1111")
    # The PIN is checked off the GUI thread (a memory-hard verifier takes most of a second).
    qtbot.waitUntil(lambda: app.window.packing.last_verdict.kind is VerdictKind.PIN_WRONG, timeout=10_000)
    scan("12345678")  # typed as fast as a scanner types
    qtbot.waitUntil(lambda: app.window.packing.last_verdict.kind is VerdictKind.CHOOSE_REASON, timeout=10_000)
    shown = "<br>".join(app.window.packing.scans.rows)
    assert "1111" not in shown and shown.count("••••") == 2  # the PINs never show
    QTest.keyClick(QApplication.focusWidget(), "2")  # catalogue weight wrong
    qtbot.waitUntil(lambda: app.window.packing.last_verdict.kind is VerdictKind.PACKED, timeout=2000)
    qtbot.waitUntil(lambda: app.writer.pending == 0)
    with demo_db.session() as s:
        (event,) = s.scalars(select(m.OutboxEvent)).all()
    override = dict(event.payload["override"])
    proof = override.pop("proof")  # the supervisor's PIN signed the decision; the server checks it
    assert override == {"by": "S0001", "reason": "catalog_weight_wrong"}
    assert set(proof) == {"at", "sig"}
    assert event.payload["weight"]["actual_g"] == 99999


@pytest.mark.gui
def test_switching_language_in_settings_retranslates_live(station_app, qtbot):
    app = station_app("zh_CN")
    scan("P0001")
    packing = app.window.packing
    assert "撤销" in packing.keys.text()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    view = app.window.settings_view
    assert app.window.pages.currentWidget() is view
    view.language.setCurrentIndex(view.language.findData("en"))
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is packing, timeout=5000)
    qtbot.waitUntil(lambda: "undo" in packing.keys.text(), timeout=2000)
    assert app.station.settings.language == "en"


def test_settings_are_saved_off_the_gui_thread_and_take_effect_once_on_disk(station_app, demo_db, qtbot):
    from app.store.settings_store import load_settings

    app = station_app("en")
    window = app.window
    scan("P0001")
    window.open_settings()
    view = window.settings_view
    assert window.pages.currentWidget() is view
    # A packer: their own view yes, the weight check no (its fields are locked, and a save that
    # changed them anyway is refused at the store too).
    assert not view.unlocked and not view.tolerance_g.isEnabled() and view.sound.isEnabled()
    view.sound.setChecked(False)
    view.tolerance_g.setValue(500)
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "supervisor must unlock" in view.result.text() and window.pages.currentWidget() is view
    assert load_settings(demo_db).tolerance_g == 30
    unlock_settings(app, qtbot)  # badge S0001 scanned here, then the PIN
    assert view.tolerance_g.isEnabled() and "Unlocked by" in view.lock_line.text()
    view.tolerance_g.setValue(77)
    QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is not view, timeout=5000)
    stored = load_settings(demo_db)
    assert stored.tolerance_g == 77 and stored.sound is False
    assert app.station.settings.tolerance_g == 77 and window.sounds.enabled is False
    with demo_db.session() as s:  # on record: who, which supervisor, old and new values
        event = s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.type == "station.settings_changed"))
    changes = {c["setting"]: (c["old"], c["new"]) for c in event.payload["changes"]}
    assert changes == {"tolerance_g": (30, 77), "sound": (True, False)}
    assert event.payload["supervisor"] == "S0001" and event.payload["by"] == "P0001"


def test_a_wrong_pin_keeps_the_settings_locked(station_app, qtbot):
    app = station_app("en")
    scan("P0001")
    window = app.window
    window.open_settings()
    view = window.settings_view
    window.on_scan("P0002")  # a packer's badge unlocks nothing: it goes to the bench as a scan
    assert not view.pin.isVisibleTo(view)
    window.open_settings()
    window.on_scan("S0001")
    view.pin.setText("99999999")
    QTest.keyClick(view.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "still locked" in view.result.text(), timeout=10000)
    assert not view.unlocked and not view.packaging.isEnabled()


def test_a_simulated_scale_is_never_saved_as_the_stations_scale(station_app, demo_db, qtbot):
    from app.store.settings_store import load_settings
    from app.ui.application import DemoScale

    app = station_app("en")
    demo = DemoScale(app)
    try:
        assert app.station.settings.scale_port == demo.sim.path  # in use
        scan("S0001")
        window = app.window
        window.open_settings()
        unlock_settings(app, qtbot)
        assert window.settings_view.scale_port.text() == ""  # the page shows what is saved
        window.settings_view.tolerance_g.setValue(40)
        QTest.keyClick(window.settings_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: load_settings(demo_db).tolerance_g == 40, timeout=5000)
        assert load_settings(demo_db).scale_port == ""  # the simulator's pty never reaches the disk
        assert app.station.settings.scale_port == demo.sim.path  # and the demo scale goes on
    finally:
        demo.stop()


@pytest.mark.gui
def test_the_recommended_box_is_shown_taken_with_ctrl_b_and_counted_in_the_weight(
    station_app, samples, qtbot
):
    app = station_app("en")
    scan("P0001")
    sample = samples["ready"][2]
    scan(sample["order_no"])
    view = app.window.packing
    advice = app.station.recommended_box
    assert advice is not None and advice.name_en in view.box_line.text() and "Ctrl+B" in view.box_line.text()
    items_g = app.station.state.order.items_weight_g
    QTest.keyClick(view.entry, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert view.last_verdict.kind is VerdictKind.BOX_USED and app.station.state.box == advice
    assert view.box_line.text() == f"Box: {advice.name_en} ({advice.weight_g} g) — Ctrl+B: the next size"
    assert app.station.state.expected_g == items_g + advice.weight_g
    # Pressed again: the next bigger box of the catalogue, no barcode needed.
    QTest.keyClick(view.entry, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    bigger = app.station.state.box
    assert bigger.volume_cm3 > advice.volume_cm3 and view.last_verdict.kind is VerdictKind.BOX_USED
    assert app.station.state.expected_g == items_g + bigger.weight_g


@pytest.mark.gui
def test_an_order_split_into_two_parcels_at_the_bench_by_keys_and_scale(
    station_app, samples, demo_db, qtbot, artifacts
):
    from scanner.model import Reading

    app = station_app("zh_CN")
    view = app.window.packing
    scan("P0001")
    sample = next(s for s in samples["ready"] if sum(i["quantity"] for i in s["items"]) >= 2)
    first, *rest = [i["barcode"] for i in sample["items"] for _ in range(i["quantity"])]
    scan(sample["order_no"])
    scan(first)
    QTest.keyClick(view.entry, Qt.Key.Key_Insert)
    assert view.last_verdict.kind is VerdictKind.SCAN_SUPERVISOR
    assert "拆成多包" in banner(app)[0]
    scan("S0001")
    scan("12345678")
    qtbot.waitUntil(lambda: view.last_verdict.kind is VerdictKind.PARCEL_TO_WEIGH, timeout=10_000)
    parcel_1 = app.station.state.expected_g
    view.on_reading(Reading(parcel_1, True))
    assert view.last_verdict.kind is VerdictKind.PARCEL_SEALED and banner(app)[1] == "done"
    assert "正在装第 2 包" in view.parcel_line.text() and "第1包" in view.parcel_line.text()
    for code in rest:
        scan(code)
    assert app.station.state.phase is Phase.WEIGHING
    # Parcel 1 still resting on the scale is not parcel 2's weight.
    view.on_reading(Reading(parcel_1, True))
    assert app.station.state.phase is Phase.WEIGHING and view.last_verdict.kind is not VerdictKind.PACKED
    assert "先把已封好的包裹从秤上拿下" in view.weight_detail.text()
    QApplication.processEvents()  # the left column's new line laid out before the picture
    app.window.grab().save(str(artifacts / "packing_split_zh_CN.png"))
    view.on_reading(Reading(0, True))  # taken off
    parcel_2 = app.station.state.expected_g
    view.on_reading(Reading(parcel_2, True))
    assert view.last_verdict.kind is VerdictKind.PACKED
    qtbot.waitUntil(lambda: banner(app)[1] == "done", timeout=5000)
    with demo_db.session() as s:
        parcels = s.scalars(select(m.Parcel).order_by(m.Parcel.parcel_no)).all()
        labels = s.scalars(select(m.PrintJob).where(m.PrintJob.kind == "label")).all()
    assert [(p.parcel_no, p.actual_g) for p in parcels] == [(1, parcel_1), (2, parcel_2)]
    assert len(labels) == 2 and parcels[1].waybill_no and parcels[1].waybill_no != parcels[0].waybill_no


@pytest.mark.gui
def test_last_scans_name_the_keys_pressed_and_show_only_whole_rows(station_app, samples, qtbot):
    app = station_app("en")
    scan("P0001")
    sample = samples["ready"][2]
    scan(sample["order_no"])
    scan(sample["items"][0]["barcode"])
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)  # undo: a key, not a scan
    scans = app.window.packing.scans
    assert app.window.packing.last_verdict.kind is VerdictKind.UNDONE
    assert "F2" in scans.rows[0] and sample["items"][0]["barcode"] in scans.rows[1]
    for _ in range(20):
        scan("NOT-A-CODE")
    frame = scans.height() - scans.contentsRect().height()
    scans.resize(scans.width(), frame + 5 * scans.fontMetrics().lineSpacing() + 7)
    shown = scans.text().split("<br>")
    assert len(shown) == 5 and len(scans.rows) > 5  # the sixth would be cut in half
    assert shown == scans.rows[:5]  # newest first


@pytest.mark.gui
def test_an_order_past_its_ship_by_is_marked_on_the_bench_and_in_the_plan(station_app, samples, demo_db):
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from app.store.waves import load_open_orders
    from app.ui.theme import LATE_COLOUR
    from app.ui.wave_plan_tab import _order_rows

    late, on_time = samples["ready"][3], samples["ready"][4]
    now = datetime.now(UTC)
    with demo_db.session() as s, s.begin():
        for order_no, ship_by in ((late["order_no"], now - timedelta(days=14, hours=2)),
                                  (on_time["order_no"], now + timedelta(hours=5))):  # fmt: skip
            s.execute(update(m.Order).where(m.Order.order_no == order_no).values(ship_by=ship_by))
    app = station_app("en")
    scan("P0001")
    scan(late["order_no"])
    meta = app.window.packing.order_meta.text()
    assert "14 d overdue" in meta and LATE_COLOUR in meta
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    scan(on_time["order_no"])
    assert "overdue" not in app.window.packing.order_meta.text()

    rows = {row.key: row for row in _order_rows(load_open_orders(demo_db))}
    assert (
        "14 d overdue" in rows[late["order_no"]].cells[5] and rows[late["order_no"]].colours[5] == LATE_COLOUR
    )
    assert "overdue" not in rows[on_time["order_no"]].cells[5] and not rows[on_time["order_no"]].colours


@pytest.mark.gui
def test_closing_the_window_mid_pack_is_said_first_and_done_on_the_second_try(station_app, samples, qtbot):
    app = station_app("en")
    window = app.window
    scan("P0001")
    scan(samples["ready"][1]["order_no"])
    window.close()  # Alt+F4 or the window's own button
    assert window.isVisible()
    text, severity = banner(app)
    assert samples["ready"][1]["order_no"] in text and "Alt+F4 again" in text and severity == "error"
    window.close()  # again, within the grace time: the person means it
    assert not window.isVisible()
    assert app.station.state.order.order_no == samples["ready"][1]["order_no"]  # kept for the restart


@pytest.mark.gui
def test_closing_the_window_with_no_order_open_is_not_asked(station_app):
    app = station_app("en")
    scan("P0001")
    app.window.close()
    assert not app.window.isVisible()


@pytest.mark.gui
def test_the_bench_shows_the_code_the_carriers_hubs_sort_by(station_app, samples):
    app = station_app("zh_CN")
    scan("P0001")
    scan(samples["ready"][1]["order_no"])
    order = app.station.state.order
    assert order is not None and order.routing is not None
    code = order.routing.route_label or order.routing.sort_code
    assert code and f"[{code}]" in app.window.packing.order_meta.text()
    assert "最晚发货" in app.window.packing.order_meta.text()


@pytest.mark.gui
def test_the_label_check_in_the_window_stops_a_swapped_label_in_red(
    station_app, samples, demo_db, qtbot, artifacts
):
    from dataclasses import replace

    from app.core.settings import StationSettings
    from app.store.settings_store import save_settings

    save_settings(demo_db, replace(StationSettings(), label_check=True))
    app = station_app("zh_CN")
    window = app.window
    scan("P0001")
    sample, other = samples["ready"][0], samples["ready"][1]
    scan(sample["order_no"])
    own = app.station.state.order.waybill_no
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            scan(item["barcode"])
    type_slowly(str(app.station.state.expected_g))
    qtbot.waitUntil(lambda: banner(app)[1] == "done", timeout=5000)
    assert "面单" in banner(app)[0] and "复核" in banner(app)[0]  # told to scan the label
    swapped = app.station.store.order_by_no(other["order_no"]).waybill_no
    scan(swapped)
    assert window.packing.last_verdict.kind is VerdictKind.LABEL_MISMATCH
    text, severity = banner(app)
    assert severity == "error" and swapped in text and own in text and app.sounds.last_played == "error"
    window.grab().save(str(artifacts / "label_check_mismatch_zh_CN.png"))
    scan(other["order_no"])  # the next order waits for the check
    assert app.station.state.order is None and window.packing.last_verdict.kind is VerdictKind.LABEL_MISMATCH
    scan(own)
    assert window.packing.last_verdict.kind is VerdictKind.LABEL_CHECKED and banner(app)[1] == "done"
    scan(other["order_no"])
    assert app.station.state.order is not None and app.station.state.order.order_no == other["order_no"]
