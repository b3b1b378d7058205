"""Virtual scanners and scales on pseudo-terminals, for tests, demos and technicians.

A simulator owns the master side of a pty; the slave path (or a stable symlink to it) is what
the station opens, exactly like a USB serial adapter. Faults on demand: motion, overload,
garbage bytes, corrupted frames, silence, and unplug/replug (the pty vanishes and comes back
under the same symlink).
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
import time
import tty
from pathlib import Path

from scanner.model import ReadingState
from scanner.scales import PROTOCOLS, ScaleProtocol

log = logging.getLogger(__name__)


class Pty:
    def __init__(self, link: Path | None = None) -> None:
        self.link = link
        self.master = -1
        self.slave = -1
        self.slave_path = ""
        # The simulator's thread reads while a test pulls the cable: a descriptor closed (and
        # perhaps reused) in the middle of a select would be read from. One at a time.
        self._lock = threading.Lock()
        self.plug()

    @property
    def path(self) -> str:
        return str(self.link) if self.link else self.slave_path

    @property
    def plugged(self) -> bool:
        return self.master >= 0

    def plug(self) -> None:
        master, slave = os.openpty()
        with self._lock:
            self.master, self.slave = master, slave
        tty.setraw(self.slave)  # no echo, no line editing: bytes pass as they are
        tty.setraw(self.master)
        self.slave_path = os.ttyname(self.slave)
        if self.link is not None:
            tmp = self.link.with_name(self.link.name + ".new")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            tmp.symlink_to(self.slave_path)
            tmp.replace(self.link)

    def unplug(self) -> None:
        if self.link is not None:
            with contextlib.suppress(FileNotFoundError):
                self.link.unlink()
        with self._lock:
            for fd in (self.master, self.slave):
                if fd >= 0:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self.master = self.slave = -1

    def write(self, data: bytes) -> None:
        with self._lock:
            if self.plugged:
                with contextlib.suppress(OSError):
                    os.write(self.master, data)

    def read(self, timeout: float) -> bytes:
        fd = self.master
        if fd < 0:
            time.sleep(timeout)
            return b""
        try:  # not under the lock: a write must not wait for a quiet line
            ready, _, _ = select.select([fd], [], [], timeout)
        except (OSError, ValueError):  # unplugged meanwhile
            return b""
        if not ready:
            return b""
        with self._lock:
            if self.master != fd:  # unplugged meanwhile (the number may be another file's now)
                return b""
            try:
                return os.read(fd, 1024)
            except OSError:
                return b""

    def close(self) -> None:
        self.unplug()


class ScaleSimulator:
    """A scale speaking `protocol` on a pty. Set `grams`, `stable`, `state`; inject faults."""

    def __init__(self, protocol: str, link: Path | None = None, interval_s: float = 0.1) -> None:
        self.protocol: type[ScaleProtocol] = PROTOCOLS[protocol]
        self.pty = Pty(link)
        self.interval_s = interval_s
        self.grams = 0
        self.stable = True
        self.state = ReadingState.OK
        self.silent = False
        self.corrupt = False  # flip a byte in every frame (bad checksum / bad frame)
        # A frame as one indicator variant sends it (a unit, a short format, a status byte),
        # sent instead of the protocol's own encoding.
        self.raw_frame: bytes | None = None
        self.requests: list[bytes] = []
        self.sent = 0  # frames sent so far: what a test waits on instead of the clock
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"sim-{protocol}", daemon=True)

    @property
    def path(self) -> str:
        return self.pty.path

    def set(self, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> None:
        self.grams, self.stable, self.state = grams, stable, state

    def frame(self) -> bytes:
        if self.raw_frame is not None:
            return self.raw_frame
        data = bytearray(self.protocol.encode(self.grams, self.stable, self.state))
        if self.corrupt and len(data) > 4:
            data[len(data) // 2] ^= 0x01
        return bytes(data)

    def send_garbage(self, data: bytes) -> None:
        self.pty.write(data)

    def start(self) -> ScaleSimulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.pty.close()

    def _run(self) -> None:
        polled = self.protocol.poll is not None
        next_send = time.monotonic()
        while not self._stop.is_set():
            if polled:
                request = self.pty.read(0.05)
                if request and not self.silent:
                    self.requests.append(request)
                    self._obey(request)
                    reply = self.protocol.answer(request, self.frame())
                    if reply:
                        self.pty.write(reply)
                        self.sent += 1
            else:
                now = time.monotonic()
                if now >= next_send:
                    if not self.silent:
                        self.pty.write(self.frame())
                        self.sent += 1
                    next_send = now + self.interval_s
                request = self.pty.read(min(0.05, self.interval_s))
                if request:
                    self.requests.append(request)
                    self._obey(request)

    def _obey(self, request: bytes) -> None:
        # A real scale takes what lies on it as its new zero; the simulator reads 0 g from then on.
        zero = self.protocol.zero_command
        if zero is not None and zero in request:
            self.grams = 0


class ScannerSimulator:
    """A serial barcode scanner on a pty."""

    def __init__(self, link: Path | None = None, suffix: bytes = b"\r") -> None:
        self.pty = Pty(link)
        self.suffix = suffix

    @property
    def path(self) -> str:
        return self.pty.path

    def scan(self, code: str | bytes, suffix: bytes | None = None) -> None:
        data = code.encode() if isinstance(code, str) else code
        self.pty.write(data + (self.suffix if suffix is None else suffix))

    def close(self) -> None:
        self.pty.close()
