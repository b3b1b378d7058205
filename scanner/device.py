"""Serial devices that look after themselves: a reader thread per port, reconnect by identity.

`SerialLink` opens a port (path, pyserial URL or VID/PID identity), reads without ever blocking
its caller, polls if the device needs polling, and when the cable is pulled (SerialException,
or silence from a device that should answer) reports DISCONNECTED with the reason, finds the
device again and reopens it with backoff. `ScaleDevice` and `ScannerDevice` put a protocol on top
and hand out plain `Reading`s and `Scan`s through callbacks, on the reader thread: the UI posts
them to its own thread.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import serial

from scanner.framing import ScanFramer, decode
from scanner.interpret import interpret
from scanner.model import DeviceCause, DeviceState, DeviceStatus, Reading, ReadingState, Scan, cause_of
from scanner.ports import PortSpec, resolve_port
from scanner.scales import LineSettings, create
from scanner.stability import StabilityFilter

log = logging.getLogger(__name__)

BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 5.0)
Opener = Callable[..., Any]


class _Silence(Exception):
    pass


@dataclass
class LinkOptions:
    poll: bytes | None = None
    poll_interval_s: float = 0.2
    silence_s: float | None = None  # no bytes for this long while connected = treat as unplugged
    read_timeout_s: float = 0.05


class SerialLink:
    def __init__(
        self,
        spec: PortSpec,
        line: LineSettings,
        on_data: Callable[[bytes, float], None],
        on_state: Callable[[DeviceState], None],
        options: LinkOptions | None = None,
        on_idle: Callable[[float], None] | None = None,
        opener: Opener = serial.serial_for_url,
        name: str = "serial",
    ) -> None:
        self.spec = spec
        self.line = line
        self.on_data = on_data
        self.on_state = on_state
        self.on_idle = on_idle or (lambda _now: None)
        self.options = options or LinkOptions()
        self.opener = opener
        self._writes: queue.Queue[bytes] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"{name}-reader", daemon=True)
        self.state = DeviceState(DeviceStatus.CONNECTING, spec.url or spec.identity)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def write(self, data: bytes) -> None:
        """Queue bytes for the device (zero, tare, handshakes); sent by the reader thread."""
        self._writes.put(data)

    def _set_state(
        self, status: DeviceStatus, port: str, reason: str = "", cause: DeviceCause = DeviceCause.NONE
    ) -> None:
        state = DeviceState(status, port, reason, cause)
        if state != self.state:
            self.state = state
            log.info("device %s: %s %s", port, status.value, reason)
            self.on_state(state)

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            path = resolve_port(self.spec)
            where = path or self.spec.identity
            if path is None:
                self._set_state(DeviceStatus.DISCONNECTED, where, "device not found", DeviceCause.NOT_FOUND)
            else:
                try:
                    port = self.opener(
                        path,
                        baudrate=self.line.baudrate,
                        bytesize=self.line.bytesize,
                        parity=self.line.parity,
                        stopbits=self.line.stopbits,
                        timeout=self.options.read_timeout_s,
                        exclusive=True,
                    )
                except (serial.SerialException, OSError, ValueError) as exc:
                    self._set_state(DeviceStatus.DISCONNECTED, where, f"cannot open: {exc}", cause_of(exc))
                else:
                    attempt = 0
                    self._serve(port, path)
            if self._stop.is_set():
                break
            self._stop.wait(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
            attempt += 1
        self._set_state(DeviceStatus.DISCONNECTED, self.state.port, "stopped", DeviceCause.STOPPED)

    def _serve(self, port: Any, path: str) -> None:
        try:
            port.reset_input_buffer()  # stale bytes from before we opened are not a reading
            self._set_state(DeviceStatus.CONNECTED, path)
            now = time.monotonic()
            last_rx, next_poll = now, now
            while not self._stop.is_set():
                while not self._writes.empty():
                    port.write(self._writes.get_nowait())
                if self.options.poll is not None and now >= next_poll:
                    port.write(self.options.poll)
                    next_poll = now + self.options.poll_interval_s
                data = port.read(max(1, port.in_waiting))
                now = time.monotonic()
                if data:
                    last_rx = now
                    self.on_data(data, now)
                else:
                    self.on_idle(now)
                    if self.options.silence_s is not None and now - last_rx > self.options.silence_s:
                        raise _Silence(f"no answer for {self.options.silence_s:.1f} s")
        except _Silence as exc:
            self._set_state(DeviceStatus.DISCONNECTED, path, str(exc), DeviceCause.SILENT)
        except (serial.SerialException, OSError) as exc:
            cause = cause_of(exc)
            if cause is DeviceCause.OTHER:
                cause = DeviceCause.UNPLUGGED  # it was open: whatever broke it, it went away
            self._set_state(DeviceStatus.DISCONNECTED, path, str(exc) or type(exc).__name__, cause)
        except Exception as exc:  # a bug in a callback must not kill the reader: log it, reconnect
            log.exception("device %s: reader failed", path)
            self._set_state(DeviceStatus.ERROR, path, f"internal error: {exc}", DeviceCause.INTERNAL)
        finally:
            try:
                port.close()
            except Exception:
                log.debug("closing %s failed", path, exc_info=True)


class ScaleDevice:
    """A scale on a serial port: readings with stability filled in where the protocol has none."""

    def __init__(
        self,
        spec: PortSpec,
        protocol: str,
        on_reading: Callable[[Reading], None],
        on_state: Callable[[DeviceState], None],
        *,
        line: LineSettings | None = None,
        poll_interval_s: float = 0.2,
        stability: StabilityFilter | None = None,
        seven_bit_on_8n1: bool = False,
        opener: Opener = serial.serial_for_url,
    ) -> None:
        self.protocol = create(protocol, seven_bit_on_8n1=seven_bit_on_8n1)
        self.on_reading = on_reading
        self.stability = stability or StabilityFilter()
        self.last: Reading | None = None
        polled = self.protocol.poll is not None
        self.link = SerialLink(
            spec,
            line or self.protocol.line,
            self._on_data,
            on_state,
            LinkOptions(
                poll=self.protocol.poll,
                poll_interval_s=poll_interval_s,
                # A polled scale that stops answering is gone; a continuous one that goes quiet too.
                silence_s=max(2.0, poll_interval_s * 10) if polled else 3.0,
                read_timeout_s=min(0.05, poll_interval_s / 2),
            ),
            opener=opener,
            name=f"scale-{protocol}",
        )
        self._errors_logged = 0

    def start(self) -> None:
        self.link.start()

    def stop(self) -> None:
        self.link.stop()

    def zero(self) -> bool:
        if self.protocol.zero_command is None:
            return False
        self.link.write(self.protocol.zero_command)
        return True

    def _on_data(self, data: bytes, now: float) -> None:
        for reading in self.protocol.feed(data):
            reading = self.stability.apply(reading, now)
            if reading.state is ReadingState.ERROR and self._errors_logged < 20:
                self._errors_logged += 1
                log.warning("scale %s: %s", self.protocol.name, reading.detail)
            self.last = reading
            self.on_reading(reading)
        while self.protocol.outgoing:
            self.link.write(self.protocol.outgoing.pop(0))


class ScannerDevice:
    """A barcode scanner on a serial port: one Scan per barcode, floods cut off."""

    def __init__(
        self,
        spec: PortSpec,
        on_scan: Callable[[Scan], None],
        on_state: Callable[[DeviceState], None],
        *,
        line: LineSettings | None = None,
        suffix: str = "cr",
        prefix: bytes = b"",
        max_per_second: int = 30,
        opener: Opener = serial.serial_for_url,
    ) -> None:
        self.framer = ScanFramer(suffix=suffix, prefix=prefix)
        self.on_scan = on_scan
        self.on_state = on_state
        self.max_per_second = max_per_second
        self._window: list[float] = []
        self.flooded = 0
        self.link = SerialLink(
            spec,
            line or LineSettings(),
            self._on_data,
            on_state,
            LinkOptions(read_timeout_s=0.05),
            on_idle=self._on_idle,
            opener=opener,
            name="scanner",
        )

    def start(self) -> None:
        self.link.start()

    def stop(self) -> None:
        self.link.stop()

    def _on_data(self, data: bytes, now: float) -> None:
        self._emit(self.framer.feed(data, now), now)

    def _on_idle(self, now: float) -> None:
        self._emit(self.framer.flush_if_idle(now), now)

    def _emit(self, frames: list[bytes], now: float) -> None:
        for frame in frames:
            self._window = [t for t in self._window if now - t < 1.0]
            if len(self._window) >= self.max_per_second:
                # No person scans this fast: a stuck trigger or a scanner in a loop.
                if self.flooded == 0:
                    log.warning(
                        "scanner sends more than %d codes a second: ignoring the excess", self.max_per_second
                    )
                    self.on_state(
                        DeviceState(
                            DeviceStatus.ERROR,
                            self.link.state.port,
                            "scanner flooding: codes ignored",
                            DeviceCause.FLOODING,
                        )
                    )
                self.flooded += 1
                continue
            if self.flooded and len(self._window) < self.max_per_second // 2:
                self.flooded = 0
                self.on_state(self.link.state)  # back to normal
            self._window.append(now)
            self.on_scan(interpret(decode(frame)))
