"""A prompt owns the key that follows it, however soon after the prompt's own key it comes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.pack_session import Phase, VerdictKind
from tests.ui.test_packing_flow import scan, station_app  # noqa: F401 (the fixture)


@pytest.mark.gui
def test_a_reason_key_pressed_right_after_f3_picks_the_reason(station_app, samples, qtbot):  # noqa: F811
    app = station_app("en")
    scan("P0001")
    qtbot.waitUntil(lambda: app.window.packing.entry.hasFocus())
    sample = samples["ready"][0]
    scan(sample["order_no"])
    target = QApplication.focusWidget()
    QTest.keyClick(target, Qt.Key.Key_F3)
    QTest.keyClick(QApplication.focusWidget(), "1")  # no time between them
    qtbot.waitUntil(lambda: app.station.state.phase is not Phase.AWAITING_REASON, timeout=2000)
    assert app.window.packing.entry.text() == ""
    assert app.window.packing.last_verdict.kind is VerdictKind.HELD


@pytest.mark.gui
def test_a_supervisor_badge_scanned_at_sign_in_asks_for_the_pin(station_app, qtbot):  # noqa: F811
    from tests.ui.keys import type_slowly

    app = station_app("en")
    window = app.window
    scan("S0001")
    assert window.pages.currentWidget() is window.signin and app.station.state is None
    assert window.signin.pin.hasFocus() and "PIN" in window.signin.error.text()
    type_slowly("0000")
    # Checked off the GUI thread (a memory-hard verifier takes most of a second).
    qtbot.waitUntil(lambda: "wrong" in window.signin.error.text(), timeout=10_000)
    assert window.pages.currentWidget() is window.signin
    scan("S0001")
    scan("12345678")  # typed fast: still the PIN, not a badge
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.packing, timeout=10_000)
    assert app.station.operator.badge_code == "S0001"


@pytest.mark.gui
def test_a_serial_scanner_with_symbology_ids_signs_in_like_a_wedge(station_app):  # noqa: F811
    app = station_app("en")
    app.window.on_scan("]C0P0001\r")  # Code 128 with its AIM identifier and the CR suffix
    assert app.window.pages.currentWidget() is app.window.packing
    assert app.station.operator.badge_code == "P0001"


@pytest.mark.gui
def test_a_weight_typed_at_any_speed_at_the_weighing_step_is_grams(station_app, samples, qtbot):  # noqa: F811
    from tests.ui.keys import type_slowly

    app = station_app("en")
    scan("P0001")
    sample = samples["ready"][2]
    scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            scan(item["barcode"])
    assert app.station.state.phase is Phase.WEIGHING
    scan("1")  # one key and Enter: grams, not an order number
    assert app.window.packing.last_verdict.kind is VerdictKind.WEIGHT_FAILED
    type_slowly("77")  # slowly, a key at a time
    assert app.window.packing.last_verdict.kind is VerdictKind.WEIGHT_FAILED
    scan(str(app.station.state.expected_g))  # as fast as a scanner types
    assert app.window.packing.last_verdict.kind is VerdictKind.PACKED
