"""A station with a serial scanner and a serial scale, both simulated on real pseudo-terminals."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.core.pack_session import Phase, VerdictKind
from app.store import models as m
from app.store.settings_store import load_settings, save_settings
from app.ui.application import StationApp, make_qapp
from scanner.model import DeviceStatus, ReadingState
from scanner.simulate import ScaleSimulator, ScannerSimulator
from sync import protocol as p
from tests.ui.test_rules_editor import unlock_settings


@pytest.fixture
def bench(qtbot, demo_db, tmp_path):
    make_qapp()
    scanner = ScannerSimulator(tmp_path / "scanner")
    scale = ScaleSimulator("cas", tmp_path / "scale", interval_s=0.05).start()
    settings = replace(
        load_settings(demo_db), scanner_port=scanner.path, scale_port=scale.path, scale_protocol="cas"
    )
    save_settings(demo_db, settings)
    app = StationApp(demo_db, "en")
    app.window.show()
    qtbot.waitUntil(
        lambda: all(
            app.devices.states.get(k) is not None and app.devices.states[k].status is DeviceStatus.CONNECTED
            for k in ("scanner", "scale")
        ),
        timeout=5000,
    )
    yield app, scanner, scale
    app.close()
    scale.stop()
    scanner.close()


def shown(window, grams: int, stable: bool) -> bool:
    """The bench has this reading from the scale (seen, whatever it made of it)."""
    reading = window.packing.live_reading
    return reading is not None and reading.grams == grams and reading.stable is stable


@pytest.mark.gui
def test_pack_end_to_end_with_serial_scanner_and_scale(bench, samples, demo_db, qtbot, artifacts):
    app, scanner, scale = bench
    window = app.window
    scale.set(0)
    scanner.scan("P0001")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.packing, timeout=3000)
    sample = samples["ready"][6]
    scanner.scan(sample["order_no"])
    qtbot.waitUntil(lambda: app.station.state.order is not None, timeout=3000)
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            scanner.scan(item["barcode"])
    qtbot.waitUntil(lambda: app.station.state.phase is Phase.WEIGHING, timeout=3000)
    expected = app.station.state.expected_g

    scale.set(expected + 400, stable=False)  # still moving: never taken
    qtbot.waitUntil(lambda: shown(window, expected + 400, stable=False), timeout=3000)
    assert app.station.state.phase is Phase.WEIGHING
    scale.set(expected + 400, stable=True)  # settled, but wrong
    qtbot.waitUntil(lambda: app.station.state.phase is Phase.WEIGHT_FAILED, timeout=3000)
    assert "expected" in window.packing.banner.text()
    window.grab().save(str(artifacts / "packing_scale_failed_en.png"))

    scale.set(0)  # the packer lifts the parcel, fixes it, puts it back
    qtbot.waitUntil(lambda: shown(window, 0, stable=True), timeout=3000)
    scale.set(expected + 10, stable=True)
    qtbot.waitUntil(lambda: window.packing.last_verdict.kind is VerdictKind.PACKED, timeout=3000)
    qtbot.waitUntil(lambda: app.writer.pending == 0)
    with demo_db.session() as s:
        pack = s.scalar(select(m.PackSession).where(m.PackSession.status == "packed"))
        (event,) = s.scalars(select(m.OutboxEvent)).all()
    assert pack.actual_g == expected + 10 and pack.weight_source == "scale"
    assert event.payload["weight"] == {
        "expected_g": expected,
        "actual_g": expected + 10,
        "allowed_g": pack.allowed_g,
        "source": "scale",
    }


@pytest.mark.gui
def test_a_pulled_scale_cable_shows_on_the_station_and_heals(bench, qtbot):
    app, _scanner, scale = bench
    scale.pty.unplug()
    qtbot.waitUntil(lambda: app.devices.states["scale"].status is DeviceStatus.DISCONNECTED, timeout=6000)
    assert "DISCONNECTED" in app.window.status_bar.scale_label.text()
    # What the server's floor board will be told with the next sync: the scale needs a person.
    assert reported(app, p.DeviceKind.SCALE).health is p.DeviceHealth.PROBLEM
    assert reported(app, p.DeviceKind.SCANNER).health is p.DeviceHealth.READY
    scale.pty.plug()
    qtbot.waitUntil(lambda: app.devices.states["scale"].status is DeviceStatus.CONNECTED, timeout=8000)
    assert "connected" in app.window.status_bar.scale_label.text()
    assert reported(app, p.DeviceKind.SCALE).health is p.DeviceHealth.READY
    assert reported(app, p.DeviceKind.PRINTER).name == "label"


def reported(app: StationApp, kind: p.DeviceKind) -> p.DeviceWire:
    (device,) = [d for d in app.sync.loop.devices.devices if d.kind is kind and d.name != "insert"]
    return device


@pytest.mark.gui
def test_overload_is_shown_and_never_weighs(bench, samples, qtbot):
    app, scanner, scale = bench
    scanner.scan("P0001")
    sample = samples["ready"][7]
    scanner.scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            scanner.scan(item["barcode"])
    qtbot.waitUntil(
        lambda: app.station.state is not None and app.station.state.phase is Phase.WEIGHING, timeout=3000
    )
    scale.set(0, state=ReadingState.OVERLOAD)
    qtbot.waitUntil(lambda: app.window.packing.weight_big.text() == "OVERLOAD", timeout=3000)
    assert app.station.state.phase is Phase.WEIGHING


@pytest.mark.gui
def test_changing_the_scale_in_settings_reconnects_and_shows_a_live_readout(bench, tmp_path, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, scanner, _scale = bench
    other = ScaleSimulator("xk3190-a12", tmp_path / "other", interval_s=0.05).start()
    other.set(1500)
    try:
        scanner.scan("P0001")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.window.packing, timeout=3000)
        app.window.open_settings()
        unlock_settings(app, qtbot)
        view = app.window.settings_view
        view.scale_port.setText(other.path)
        view.scale_protocol.setCurrentIndex(view.scale_protocol.findData("xk3190-a12"))
        QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        # Saved off the GUI thread; applied once on disk.
        qtbot.waitUntil(lambda: app.station.settings.scale_protocol == "xk3190-a12", timeout=5000)
        qtbot.waitUntil(
            lambda: (
                getattr(app.devices.scale, "protocol", None)
                and app.devices.scale.protocol.name == "xk3190-a12"
            )
        )
        qtbot.waitUntil(lambda: view.scale_live.text().startswith("1500 g"), timeout=5000)
    finally:
        other.stop()


@pytest.mark.gui
def test_the_demo_scale_weighs_a_completed_order(qtbot, demo_db, samples):
    from app.ui.application import DemoScale

    make_qapp()
    app = StationApp(demo_db, "en")
    demo = DemoScale(app)
    try:
        app.window.show()
        app.station.sign_in_badge("P0001")
        app.window.on_signed_in(app.station.operator)
        sample = samples["ready"][1]
        view = app.window.packing
        view.handle_scan(sample["order_no"])
        for item in sample["items"]:
            for _ in range(item["quantity"]):
                view.handle_scan(item["barcode"])
        qtbot.waitUntil(lambda: view.last_verdict.kind is VerdictKind.PACKED, timeout=5000)
    finally:
        demo.stop()
        app.close()


@pytest.mark.gui
def test_zero_command_barcode_zeroes_the_scale_but_never_under_a_parcel(qtbot, demo_db, samples, tmp_path):
    make_qapp()
    scanner = ScannerSimulator(tmp_path / "scanner")
    scale = ScaleSimulator("mt-sics", tmp_path / "scale").start()
    settings = replace(
        load_settings(demo_db),
        scanner_port=scanner.path,
        scale_port=scale.path,
        scale_protocol="mt-sics",
        scale_poll_ms=50,
    )
    save_settings(demo_db, settings)
    app = StationApp(demo_db, "en")
    try:
        app.window.show()
        view = app.window.packing
        qtbot.waitUntil(
            lambda: all(
                app.devices.states.get(k) is not None
                and app.devices.states[k].status is DeviceStatus.CONNECTED
                for k in ("scanner", "scale")
            ),
            timeout=5000,
        )
        scanner.scan("P0001")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is view, timeout=3000)
        scale.set(14)  # drift on an empty scale
        qtbot.waitUntil(lambda: view.live_reading is not None and view.live_reading.grams == 14, timeout=3000)
        scanner.scan("#PL:ZERO")
        qtbot.waitUntil(lambda: view.live_reading.grams == 0, timeout=3000)
        assert view.banner.text() == "Scale zeroed"
        assert any(b"Z\r\n" in request for request in scale.requests)

        # All items scanned, a parcel lying on the scale but not yet stable: zero is refused.
        sample = samples["ready"][0]
        scanner.scan(sample["order_no"])
        scale.set(900, stable=False)
        for item in sample["items"]:
            for _ in range(item["quantity"]):
                scanner.scan(item["barcode"])
        qtbot.waitUntil(lambda: app.station.state.phase is Phase.WEIGHING, timeout=3000)
        qtbot.waitUntil(lambda: view.live_reading.grams == 900, timeout=3000)
        zeroes = sum(b"Z\r\n" in request for request in scale.requests)
        scanner.scan("#PL:ZERO")
        qtbot.waitUntil(lambda: "Take the parcel off the scale" in view.banner.text(), timeout=3000)
        assert sum(b"Z\r\n" in request for request in scale.requests) == zeroes
        assert scale.grams == 900
    finally:
        app.close()
        scale.stop()
        scanner.close()


@pytest.mark.gui
def test_zero_without_a_scale_says_so(qtbot, demo_db):
    make_qapp()
    app = StationApp(demo_db, "en")
    try:
        app.window.show()
        app.station.sign_in_badge("P0001")
        app.window.on_signed_in(app.station.operator)
        app.window.packing.handle_scan("#PL:ZERO")
        assert "No scale is connected" in app.window.packing.banner.text()
    finally:
        app.close()


@pytest.mark.gui
def test_find_the_scale_in_settings_recognises_a_plugged_in_scale(bench, tmp_path, qtbot):
    """The technician types the new scale's port (or nothing: every port is tried) and presses
    "Find the scale": its protocol and speed are found by probing, filled in, and saved."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, scanner, _scale = bench
    other = ScaleSimulator("nci", tmp_path / "other", interval_s=0.05).start()
    other.set(2200)
    try:
        scanner.scan("P0001")
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.window.packing, timeout=3000)
        app.window.open_settings()
        unlock_settings(app, qtbot)
        view = app.window.settings_view
        view.scale_port.setText(other.path)
        view.scale_protocol.setCurrentIndex(view.scale_protocol.findData("cas"))  # wrong on purpose
        QTest.mouseClick(view.find_button, Qt.MouseButton.LeftButton)
        assert not view.find_button.isEnabled()
        qtbot.waitUntil(lambda: view.find_button.isEnabled(), timeout=60_000)
        assert "found" in view.zero_result.text(), view.zero_result.text()
        found = view.scale_protocol.currentData()
        assert found != "cas" and view.scale_port.text() == other.path
        QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: app.station.settings.scale_protocol == found, timeout=5000)
        qtbot.waitUntil(lambda: view.scale_live.text().startswith("2200 g"), timeout=10_000)
    finally:
        other.stop()
