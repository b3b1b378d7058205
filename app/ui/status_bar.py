"""The station's status bar: printer, scanner, scale, station, operator, sync and database health.

What each part says is a pure function of the state it shows (printer_text, device_text,
sync_text, health_text: testable without a window); the bar only lays them out and colours them.
A problem is red and bold, so it reads from across the bench.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.core.model import PrintJobStatus
from app.print_service import PrintStatus
from app.store.errors import StoreError
from scanner.model import DeviceState, DeviceStatus
from sync.client import SyncState, SyncStatus

BAD = "color: #c62828; font-weight: 700;"
GOOD = "color: #1b5e20;"


def printer_text(status: PrintStatus) -> tuple[str, bool]:
    """What the printers are doing, and whether a person must act."""
    if status.interrupted:
        return QCoreApplication.translate(
            "StatusBar", "Printer: {count} job(s) may be incomplete — F5 print again, Ctrl+F5 it is fine"
        ).format(count=status.interrupted), True
    if status.offline:
        reason = next(iter(status.offline.values()))
        return QCoreApplication.translate(
            "StatusBar", "Printer OFFLINE ({reason}) — {count} waiting, printed when it is back"
        ).format(reason=reason, count=status.queued + status.failed), True
    stuck = [job for job in status.attention if job.status == PrintJobStatus.FAILED]
    if stuck:
        return QCoreApplication.translate(
            "StatusBar", "Printer: {count} job(s) need attention — {error}"
        ).format(count=len(stuck), error=stuck[0].last_error), True
    if status.queued:
        return QCoreApplication.translate("StatusBar", "Printing… {count} in queue").format(
            count=status.queued
        ), False
    return QCoreApplication.translate("StatusBar", "Printer ready"), False


def device_text(kind: str, state: DeviceState | None) -> tuple[str, bool]:
    """A serial device's line ("" when none is set up), and whether it is in trouble."""
    if state is None:
        return "", False
    name = (
        QCoreApplication.translate("StatusBar", "Scanner")
        if kind == "scanner"
        else QCoreApplication.translate("StatusBar", "Scale")
    )
    texts = {
        DeviceStatus.CONNECTED: QCoreApplication.translate("StatusBar", "{device}: connected"),
        DeviceStatus.CONNECTING: QCoreApplication.translate("StatusBar", "{device}: connecting…"),
        DeviceStatus.DISCONNECTED: QCoreApplication.translate(
            "StatusBar", "{device}: DISCONNECTED — check the cable ({reason})"
        ),
        DeviceStatus.ERROR: QCoreApplication.translate("StatusBar", "{device}: ERROR ({reason})"),
    }
    return texts[state.status].format(
        device=name, reason=state.reason
    ), state.status is not DeviceStatus.CONNECTED


def sync_text(status: SyncStatus | None, pending: int) -> tuple[str, bool]:
    """Where the outbox stands against the server."""
    waiting = QCoreApplication.translate("StatusBar", "{count} event(s) waiting for the server").format(
        count=pending
    )
    if status is None or status.state is SyncState.NOT_CONFIGURED:
        return QCoreApplication.translate("StatusBar", "No server set up — {waiting}").format(
            waiting=waiting
        ), False
    attention = (
        QCoreApplication.translate("StatusBar", " · {count} need attention (Shift+F11)").format(
            count=status.attention
        )
        if status.attention
        else ""
    )
    if status.state is SyncState.SYNCING:
        return QCoreApplication.translate("StatusBar", "Syncing… {waiting}").format(
            waiting=waiting
        ) + attention, False
    if status.state is SyncState.ONLINE:
        last = status.last_success.astimezone().strftime("%H:%M") if status.last_success else ""
        text = (
            QCoreApplication.translate("StatusBar", "Synced {time} · {waiting}").format(
                time=last, waiting=waiting
            )
            + attention
        )
        if status.reason:  # the clock is off
            return text + f" · {status.reason}", True
        return text, bool(status.attention)
    retry = round(status.next_try_s or 0)
    if status.state is SyncState.OFFLINE:
        text = QCoreApplication.translate(
            "StatusBar", "OFFLINE · {waiting} · {reason} · retry in {seconds} s (F11 now)"
        )
    else:
        text = QCoreApplication.translate(
            "StatusBar", "Sync error · {waiting} · {reason} · retry in {seconds} s (F11 now)"
        )
    return text.format(reason=status.reason, waiting=waiting, seconds=retry) + attention, True


def health_text(error: StoreError | None) -> str:
    if error is None:
        return ""
    return QCoreApplication.translate(
        "StatusBar", "Database problem ({reason}) — work is kept and retried; call the technician"
    ).format(reason=error.code)


class StationStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer_label = QLabel()
        self.scanner_label = QLabel()
        self.scale_label = QLabel()
        self.station_label = QLabel()
        self.operator_label = QLabel()
        self.outbox_label = QLabel()
        self.health_label = QLabel()
        for label in (
            self.printer_label,
            self.scanner_label,
            self.scale_label,
            self.station_label,
            self.operator_label,
            self.outbox_label,
        ):
            self.addPermanentWidget(label)
        self.addWidget(self.health_label, 1)
        self.health_label.setStyleSheet(BAD)

    def show_line(self, label: QLabel, line: tuple[str, bool], good_style: str = GOOD) -> None:
        text, bad = line
        label.setText(text)
        label.setVisible(bool(text))
        label.setStyleSheet(BAD if bad else good_style)

    def show_people(self, station_name: str, operator_name: str | None) -> None:
        self.station_label.setText(
            QCoreApplication.translate("StatusBar", "Station {name}").format(name=station_name)
        )
        self.operator_label.setText(
            QCoreApplication.translate("StatusBar", "Operator {name}").format(name=operator_name)
            if operator_name
            else QCoreApplication.translate("StatusBar", "Signed out")
        )

    def show_health(self, text: str) -> None:
        self.health_label.setText(text)
