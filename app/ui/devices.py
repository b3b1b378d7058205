"""The station's serial devices, brought to the GUI thread.

Reader threads (scanner.device) call back on their own threads; everything here is re-posted
to the GUI thread as Qt signals, so views never touch a device and never wait for one. Closing
a device joins its reader thread (up to its read timeout): that and the start of the next one
run on the operations' device lane, one after another, so a port is closed before it is opened
again and the GUI thread never waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core.settings import StationSettings
from app.print_service import PrintStatus
from app.runner import Operations
from app.ui.tasks import GuiPoster
from scanner.camera import shown_url
from scanner.device import ScaleDevice, ScannerDevice
from scanner.model import DeviceCause, DeviceState, DeviceStatus, Reading, Scan
from scanner.ports import parse_port
from scanner.scales import PROTOCOLS, LineSettings
from sync import protocol as p

log = logging.getLogger(__name__)

_HEALTH = {
    DeviceStatus.CONNECTED: p.DeviceHealth.READY,
    DeviceStatus.CONNECTING: p.DeviceHealth.CONNECTING,
    DeviceStatus.DISCONNECTED: p.DeviceHealth.PROBLEM,
    DeviceStatus.ERROR: p.DeviceHealth.PROBLEM,
}


def device_report(
    states: dict[str, DeviceState], settings: StationSettings, printing: PrintStatus
) -> p.DeviceReport:
    """The station's devices as the server's floor board shows them: each printer in use (label;
    insert and slip when they print), the serial scanner and scale when there are any (a keyboard
    scanner and typed weights have nothing to report)."""
    devices = []
    in_use = (("label", True), ("insert", settings.print_inserts), ("slip", settings.print_slip))
    for role, used in in_use:
        if not used:
            continue
        stuck = [job for job in printing.attention if job.printer == role]
        cause = ""
        if role in printing.offline:
            health, detail = p.DeviceHealth.PROBLEM, printing.offline[role]
            cause = printing.causes.get(role, "")
        elif stuck:  # failed for good, or perhaps half printed: a person decides
            health, detail = p.DeviceHealth.PROBLEM, stuck[0].last_error
            cause = "cut_off" if stuck[0].status == "interrupted" else "jobs_failed"
        else:
            health, detail = p.DeviceHealth.READY, ""
        devices.append(p.DeviceWire(kind=p.DeviceKind.PRINTER, name=role,
                                    health=health, detail=detail[:300], cause=cause))  # fmt: skip
    for kind in (p.DeviceKind.SCANNER, p.DeviceKind.SCALE, p.DeviceKind.CAMERA):
        state = states.get(kind.value)
        port = getattr(settings, f"{kind.value}_port" if kind is not p.DeviceKind.CAMERA else "camera_url")
        port = shown_url(port) if kind is p.DeviceKind.CAMERA else port  # never a camera's password
        if not port:
            continue
        if state is None:  # set up, its reader not started yet
            state = DeviceState(DeviceStatus.CONNECTING, port)
        devices.append(p.DeviceWire(kind=kind, name=(state.port or port)[:120], health=_HEALTH[state.status],
                                    detail=state.reason[:300], cause=state.cause.value))  # fmt: skip
    return p.DeviceReport(devices=devices)


class DeviceHub(QObject):
    scanned = Signal(object)  # a Scan, interpreted on the reader's thread
    reading = Signal(object)  # Reading
    status_changed = Signal(str, object)  # "scanner" | "scale", DeviceState

    def __init__(self, poster: GuiPoster, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.poster = poster
        self.ops = ops
        self.scanner: ScannerDevice | None = None
        self.scale: ScaleDevice | None = None
        self.states: dict[str, DeviceState] = {}
        self.last_reading: Reading | None = None
        # Bumped by stop(): callbacks already queued from the old readers are dropped, so a
        # reading or state from a device that was just replaced never reaches the views.
        self._generation = 0

    def apply(self, settings: StationSettings) -> None:
        """(Re)start the devices the settings name; stop the ones they no longer name."""
        old = self._forget()
        if settings.scanner_port:
            try:
                self.scanner = ScannerDevice(
                    parse_port(settings.scanner_port),
                    self._on_scan,
                    lambda s: self._on_state("scanner", s),
                    suffix=settings.scanner_suffix,
                    max_per_second=settings.scanner_max_per_second,
                )
            except ValueError as exc:
                log.error("scanner settings refused: %s", exc)
                state = DeviceState(DeviceStatus.ERROR, settings.scanner_port, str(exc), DeviceCause.SETTINGS)
                self._emit_state("scanner", state)
        if settings.scale_port:
            self.scale = self._make_scale(settings)
        new = [device for device in (self.scanner, self.scale) if device is not None]

        def swap() -> None:
            for device in old:
                device.stop()
            for device in new:
                device.start()

        self.ops.device(swap, what="(re)starting the serial devices")

    def _make_scale(self, settings: StationSettings) -> ScaleDevice | None:
        if settings.scale_protocol not in PROTOCOLS:
            reason = f"unknown protocol {settings.scale_protocol}"
            state = DeviceState(DeviceStatus.ERROR, settings.scale_port, reason, DeviceCause.SETTINGS)
            self._emit_state("scale", state)
            return None
        proto = PROTOCOLS[settings.scale_protocol]
        line = (
            LineSettings(settings.scale_baud, proto.line.bytesize, proto.line.parity)
            if settings.scale_baud
            else None
        )
        try:
            return ScaleDevice(
                parse_port(settings.scale_port),
                settings.scale_protocol,
                self._on_reading,
                lambda s: self._on_state("scale", s),
                line=line,
                seven_bit_on_8n1=settings.scale_seven_bit,
                poll_interval_s=max(0.02, settings.scale_poll_ms / 1000),
            )
        except ValueError as exc:
            log.error("scale settings refused: %s", exc)
            state = DeviceState(DeviceStatus.ERROR, settings.scale_port, str(exc), DeviceCause.SETTINGS)
            self._emit_state("scale", state)
            return None

    def take_scale(self) -> ScaleDevice | None:
        """Detach the scale for the caller to stop off the GUI thread: a search for the scale needs
        its port to itself. (The scanner's events keep flowing: nothing in flight is dropped.)"""
        scale, self.scale = self.scale, None
        self.states.pop("scale", None)
        return scale

    def stop(self) -> None:
        """Stop every device and wait for its port to close (shutdown)."""
        for device in self._forget():
            device.stop()

    def _forget(self) -> list[ScannerDevice | ScaleDevice]:
        """Detach the current devices: nothing they still report reaches the views."""
        devices = [device for device in (self.scanner, self.scale) if device is not None]
        self._generation += 1
        self.scanner = self.scale = None
        self.states.clear()
        return devices

    def zero_scale(self) -> str:
        """Queue the zero command: "sent", "unsupported" (the protocol has none) or "no-scale"."""
        if self.scale is None:
            return "no-scale"
        sent = self.scale.zero()
        log.info("scale zero %s", "sent" if sent else "not supported by the protocol")
        return "sent" if sent else "unsupported"

    # Reader threads -> GUI thread.
    def _current(self, fn: Callable[[], None]) -> Callable[[], None]:
        generation = self._generation

        def run() -> None:
            if generation == self._generation:
                fn()

        return run

    def _on_scan(self, scan: Scan) -> None:
        self.poster.post(self._current(lambda: self.scanned.emit(scan)))

    def _on_reading(self, reading: Reading) -> None:
        self.poster.post(self._current(lambda: self._deliver_reading(reading)))

    def _deliver_reading(self, reading: Reading) -> None:
        self.last_reading = reading
        self.reading.emit(reading)

    def _on_state(self, kind: str, state: DeviceState) -> None:
        self.poster.post(self._current(lambda: self._emit_state(kind, state)))

    def camera_state(self, state: DeviceState) -> None:
        """The bench camera's state, from its recorder's thread (app.evidence)."""
        self._on_state("camera", state)

    def _emit_state(self, kind: str, state: DeviceState) -> None:
        self.states[kind] = state
        self.status_changed.emit(kind, state)
