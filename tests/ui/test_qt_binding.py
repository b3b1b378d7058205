"""Guards against a Qt binding that corrupts the interpreter (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QListWidget, QTableWidget


def test_qt_calls_returning_nothing_leave_none_alone(qapp):
    table, listing = QTableWidget(1, 1), QListWidget()
    before = sys.getrefcount(None)
    for _ in range(200):
        table.item(0, 0)
        listing.item(3)
        QApplication.focusWidget()
    # A broken binding takes one reference from None per call: -600 here, a crash a few
    # thousand scans later at the station.
    assert sys.getrefcount(None) - before > -50
