"""Keyboard-wedge scanning: a burst is a scan wherever focus is; slow keys are typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.ui.wedge import WedgeFilter, forget_leftovers
from tests.ui.keys import typed_at


@pytest.fixture
def bench(qtbot, qapp):
    wedge = WedgeFilter(min_chars=4, max_gap_ms=40)
    qapp.installEventFilter(wedge)
    window = QWidget()
    field = QLineEdit()
    button = QPushButton("+1")
    clicks = []
    button.clicked.connect(lambda: clicks.append(1))
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(button)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    yield wedge, field, button, clicks, scans
    qapp.removeEventFilter(wedge)


def test_a_burst_ending_in_enter_is_one_scan_and_never_reaches_the_field(bench, qtbot):
    _wedge, field, _button, _clicks, scans = bench
    field.setFocus()
    QTest.keyClicks(field, "6901234567892")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["6901234567892"]
    assert field.text() == "" and not _wedge.holding  # nothing left to reach the field later


def test_the_scanners_enter_does_not_click_the_focused_button(bench):
    _wedge, _field, button, clicks, scans = bench
    button.setFocus()
    QTest.keyClicks(button, "TB1001")
    QTest.keyClick(button, Qt.Key.Key_Return)
    QTest.keyClicks(button, "TB1002")
    QTest.keyClick(button, Qt.Key.Key_Enter)
    assert scans == ["TB1001", "TB1002"]
    assert clicks == []


def test_a_tab_suffix_ends_a_scan_too(bench):
    _wedge, field, _b, _c, scans = bench
    QTest.keyClicks(field, "SF1234567890")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert scans == ["SF1234567890"]


def test_a_burst_with_no_suffix_ends_after_a_quiet_moment(bench, qtbot):
    _wedge, field, _b, _c, scans = bench
    QTest.keyClicks(field, "PL000123")
    assert scans == []
    qtbot.waitUntil(lambda: scans == ["PL000123"], timeout=1000)


def test_two_scans_back_to_back_stay_two(bench):
    _wedge, field, _b, _c, scans = bench
    for code in ("1111", "2222", "3333"):
        QTest.keyClicks(field, code)
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["1111", "2222", "3333"]


def test_slow_typing_lands_in_the_focused_field_and_is_not_a_scan(bench):
    _wedge, field, _b, _c, scans = bench
    field.setFocus()
    typed_at(field, "1250", every_ms=70, enter=False)
    assert field.text() == "125"  # the last key is held until the next shows it was typed
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "1250" and scans == []


def test_gs1_group_separators_survive(bench):
    _wedge, field, _b, _c, scans = bench
    QTest.keyClicks(field, "0109501101020917")
    # GS as a scanner in keyboard mode sends it: Ctrl+] carrying the control character.
    gs = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, "\x1d")
    QApplication.sendEvent(field, gs)
    QTest.keyClicks(field, "10ABC")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["0109501101020917\x1d10ABC"]


def test_keys_typed_50_ms_apart_stay_typing_even_when_handled_back_to_back(bench, qtbot):
    _wedge, field, _b, _c, scans = bench
    field.setFocus()
    typed_at(field, "1400", every_ms=50)
    assert scans == [] and field.text() == "1400"


def test_keys_typed_5_ms_apart_are_a_scan_whatever_the_handling_time(bench):
    _wedge, field, _b, _c, scans = bench
    field.setFocus()
    typed_at(field, "6901234567892", every_ms=5)
    assert scans == ["6901234567892"] and field.text() == ""


def test_a_leftover_in_the_field_is_cleared_before_it_can_join_the_next_entry(bench, qtbot):
    _wedge, field, _b, _c, scans = bench
    forget_leftovers(field, after_s=0.3)
    field.setFocus()
    typed_at(field, "693", every_ms=70, enter=False)  # a piece, and then nothing
    qtbot.waitUntil(lambda: field.text() == "693", timeout=2000)
    qtbot.waitUntil(lambda: field.text() == "", timeout=2000)  # gone on its own
    typed_at(field, "250", every_ms=70)  # the grams typed next stand alone
    assert field.text() == "250" and scans == []


def test_a_scanner_prefix_makes_even_a_short_code_a_scan(bench):
    wedge, field, _b, _c, scans = bench
    wedge.configure(4, 40, prefix="##")
    field.setFocus()
    typed_at(field, "##A7", every_ms=5)
    assert scans == ["A7"] and field.text() == ""
