"""The station's status bar: printer, scanner, scale, station, operator, sync and database health.

What each part says is a pure function of the state it shows (printer_text, device_text,
sync_text, health_text: testable without a window), in the person's language: a device's, the
network's or a printer's own words (an errno, an HTTP client's message) are never the sentence,
only its tooltip and the log. The bar lays them out in fixed shares of its width: a long text is
cut with "…" in its own share and never widens the window. A problem is red and bold, so it reads
from across the bench.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QStatusBar, QWidget

from app.core.model import PrintJobStatus
from app.print_service import PrintStatus
from app.store.errors import StoreError
from app.ui.banner import ElidedLabel
from app.ui.messages import store_problem_text
from scanner.model import DeviceCause, DeviceState, DeviceStatus
from sync.client import SyncState, SyncStatus

translate = QCoreApplication.translate
BAD = "color: #c62828; font-weight: 700;"
GOOD = "color: #1b5e20;"


@dataclass(frozen=True)
class Line:
    """One part of the bar: the sentence, whether a person must act, and the technical detail
    (the tooltip: the device's, network's or printer's own words)."""

    text: str
    bad: bool = False
    detail: str = ""


def printer_problem(cause: str) -> str:
    """What a printer problem means, in the person's words."""
    texts = {
        "offline": translate("StatusBar", "cannot be reached — is it on and plugged in?"),
        "cut_off": translate("StatusBar", "the connection broke while printing"),
        "refused": translate("StatusBar", "it refused the job"),
        "no_system": translate("StatusBar", "this computer has no print system"),
        "address": translate("StatusBar", "its address in settings is wrong"),
        "folder": translate("StatusBar", "the print folder cannot be written"),
        "component": translate(
            "StatusBar", "the platform's print component is not running — start it on this computer"
        ),
        "jobs_failed": translate("StatusBar", "jobs did not print — see its print history"),
    }
    return texts.get(cause, translate("StatusBar", "it is not working"))


def printer_text(status: PrintStatus) -> Line:
    """What the printers are doing, and whether a person must act."""
    if status.interrupted:
        return Line(
            translate(
                "StatusBar", "Printer: {count} job(s) may be incomplete — F5 print again, Ctrl+F5 it is fine"
            ).format(count=status.interrupted),
            True,
        )
    if status.offline:
        printer, detail = next(iter(status.offline.items()))
        return Line(
            translate(
                "StatusBar", "Printer OFFLINE ({reason}) — {count} waiting, printed when it is back"
            ).format(
                reason=printer_problem(status.causes.get(printer, "")), count=status.queued + status.failed
            ),
            True,
            detail,
        )
    stuck = [job for job in status.attention if job.status == PrintJobStatus.FAILED]
    if stuck:
        return Line(
            translate(
                "StatusBar", "Printer: {count} job(s) need attention — see the print history (Shift+F5)"
            ).format(count=len(stuck)),
            True,
            stuck[0].last_error,
        )
    if status.queued:
        return Line(translate("StatusBar", "Printing… {count} in queue").format(count=status.queued))
    return Line(translate("StatusBar", "Printer ready"))


def device_problem(cause: DeviceCause) -> str:
    """What a serial device's trouble means and what to do, in the person's words."""
    texts = {
        DeviceCause.NOT_FOUND: translate(
            "StatusBar", "DISCONNECTED — not found: check the cable and the port in settings (F9)"
        ),
        DeviceCause.BUSY: translate("StatusBar", "IN USE by another program — close it"),
        DeviceCause.PERMISSION: translate(
            "StatusBar", "NO PERMISSION to open the port — call the technician"
        ),
        DeviceCause.UNPLUGGED: translate("StatusBar", "DISCONNECTED — check the cable"),
        DeviceCause.SILENT: translate(
            "StatusBar", "NOT ANSWERING — is it on? Check the cable and the protocol"
        ),
        DeviceCause.FLOODING: translate(
            "StatusBar", "SENDING NON-STOP — check the trigger; extra codes are ignored"
        ),
        DeviceCause.SETTINGS: translate("StatusBar", "SETTINGS DO NOT WORK — check them (F9)"),
        DeviceCause.INTERNAL: translate("StatusBar", "ERROR in the station — see the log"),
        DeviceCause.STOPPED: translate("StatusBar", "stopped"),
    }
    return texts.get(cause, translate("StatusBar", "DISCONNECTED — check the cable"))


def device_text(kind: str, state: DeviceState | None) -> Line:
    """A serial device's line (empty when none is set up), and whether it is in trouble."""
    if state is None:
        return Line("")
    name = {
        "scanner": translate("StatusBar", "Scanner"),
        "scale": translate("StatusBar", "Scale"),
        "camera": translate("StatusBar", "Camera"),
    }.get(kind, kind)
    if state.status is DeviceStatus.CONNECTED:
        return Line(translate("StatusBar", "{device}: connected").format(device=name), False, state.port)
    if state.status is DeviceStatus.CONNECTING:
        return Line(translate("StatusBar", "{device}: connecting…").format(device=name), True, state.port)
    detail = f"{state.port}: {state.reason}" if state.port else state.reason
    return Line(
        translate("StatusBar", "{device}: {problem}").format(
            device=name, problem=device_problem(state.cause)
        ),
        True,
        detail,
    )


def sync_problem(cause: str) -> str:
    """Why the station could not sync, in the person's words."""
    texts = {
        "unreachable": translate("StatusBar", "cannot reach the server"),
        "timeout": translate("StatusBar", "the server does not answer"),
        "slow": translate("StatusBar", "the server is too slow to answer"),
        "broken": translate("StatusBar", "the connection broke"),
        "tls": translate("StatusBar", "the server's certificate is not trusted — call the technician"),
        "token": translate("StatusBar", "the server does not accept this station — register it again"),
        "server_db": translate("StatusBar", "the server's database is down"),
        "server_failed": translate("StatusBar", "the server had an error"),
        "bad_answer": translate("StatusBar", "the server's answer could not be read"),
        "refused": translate("StatusBar", "the server refused the request"),
        "address": translate("StatusBar", "the server address in settings is wrong"),
        "bug": translate("StatusBar", "an error in the station — see the log"),
    }
    return texts.get(cause, translate("StatusBar", "the sync failed"))


def sync_text(status: SyncStatus | None, pending: int) -> Line:
    """Where the outbox stands against the server."""
    waiting = translate("StatusBar", "{count} event(s) waiting for the server").format(count=pending)
    if status is None or status.state is SyncState.NOT_CONFIGURED:
        return Line(translate("StatusBar", "No server set up — {waiting}").format(waiting=waiting))
    attention = (
        translate("StatusBar", " · {count} need attention (Shift+F11)").format(count=status.attention)
        if status.attention
        else ""
    )
    if status.state is SyncState.SYNCING:
        return Line(translate("StatusBar", "Syncing… {waiting}").format(waiting=waiting) + attention)
    if status.state is SyncState.ONLINE:
        last = status.last_success.astimezone().strftime("%H:%M") if status.last_success else ""
        text = (
            translate("StatusBar", "Synced {time} · {waiting}").format(time=last, waiting=waiting) + attention
        )
        if status.cause == "clock" and status.clock_skew_s is not None:
            minutes = round(abs(status.clock_skew_s) / 60)
            fast = status.clock_skew_s > 0
            clock = (
                translate("StatusBar", "this computer's clock is {minutes} min fast") if fast
                else translate("StatusBar", "this computer's clock is {minutes} min slow")
            ).format(minutes=minutes)  # fmt: skip
            return Line(f"{text} · {clock}", True, status.reason)
        return Line(text, bool(status.attention))
    retry = round(status.next_try_s or 0)
    if status.state is SyncState.OFFLINE:
        text = translate("StatusBar", "OFFLINE · {waiting} · {reason} · retry in {seconds} s (F11 now)")
    else:
        text = translate("StatusBar", "Sync error · {waiting} · {reason} · retry in {seconds} s (F11 now)")
    sentence = text.format(reason=sync_problem(status.cause), waiting=waiting, seconds=retry)
    return Line(sentence + attention, True, status.reason)


def health_text(error: StoreError | None) -> Line:
    if error is None:
        return Line("")
    return Line(
        translate(
            "StatusBar", "Database problem ({reason}) — work is kept and retried; call the technician"
        ).format(reason=store_problem_text(error.code)),
        True,
        str(error),
    )


class StationStatusBar(QStatusBar):
    """The station's lines side by side, each elided in its share of the width: a line's share
    grows with its text, six times over while it says that a person must act, so the trouble is
    read whole and the calm lines give way."""

    NAMES = ("health", "printer", "scanner", "scale", "camera", "station", "operator", "outbox")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.row = QWidget()
        self.row_layout = QHBoxLayout(self.row)
        self.row_layout.setContentsMargins(0, 0, 0, 0)
        self.row_layout.setSpacing(14)
        self._bad: dict[str, bool] = {}
        for name in self.NAMES:
            label = ElidedLabel(elide=Qt.TextElideMode.ElideRight)
            setattr(self, f"{name}_label", label)
            self.row_layout.addWidget(label)
        self.addWidget(self.row, 1)
        self.health_label.setStyleSheet(BAD)
        self.health_label.hide()

    def show_line(self, label: ElidedLabel, line: Line, good_style: str = GOOD) -> None:
        label.setText(line.text)
        if line.detail:
            label.setToolTip(f"{line.text}\n\n{line.detail}")
        label.setVisible(bool(line.text))
        label.setStyleSheet(BAD if line.bad else good_style)
        self._bad[label.objectName() or str(id(label))] = line.bad
        self._balance()

    def show_people(self, station_name: str, operator_name: str | None) -> None:
        self.station_label.setText(translate("StatusBar", "Station {name}").format(name=station_name))
        self.operator_label.setText(
            translate("StatusBar", "Operator {name}").format(name=operator_name)
            if operator_name
            else translate("StatusBar", "Signed out")
        )
        self._balance()

    def show_health(self, line: Line | str) -> None:
        line = line if isinstance(line, Line) else Line(line, bool(line))
        self.show_line(self.health_label, line, BAD)

    def _balance(self) -> None:
        """Shares of the width by what each line needs, a line in trouble weighing three times."""
        for index, name in enumerate(self.NAMES):
            label: ElidedLabel = getattr(self, f"{name}_label")
            needed = label.fontMetrics().horizontalAdvance(label.text()) + 8 if label.isVisibleTo(self) else 0
            weight = 6 if self._bad.get(label.objectName() or str(id(label))) or name == "health" else 1
            self.row_layout.setStretch(index, max(1, needed * weight))
