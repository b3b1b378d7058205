"""Where print jobs go: the OS spooler (CUPS `lp`), a raw TCP port (9100), or a folder.

A printer is named by a URI a technician can type:

    cups:QUEUE            the CUPS queue QUEUE (PDF is filtered by CUPS, ZPL/TSPL sent raw)
    tcp://HOST[:PORT]     raw socket, port 9100 by default (Zebra, TSC, Gprinter network printers)
    folder:/PATH          one file per job, written atomically (integrations, tests)
    qt:PRINTER            the OS printer through Qt (Windows stations; `qt:` alone = default printer)
    cainiao: pdd: doudian: wxshop:
                          a platform's print component (printing.components), for its waybills

Backends raise PrintError with a sentence for the person at the station, whether trying again
may help, and whether the printer may already have received part of the job: such a job is not
resent without asking, because a second shipping label is a second parcel.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from printing.cups import CupsBackend, cups_printers
from printing.errors import PrintError
from printing.model import COMPONENTS, Format, ThermalProfile, is_component

log = logging.getLogger(__name__)
# Named here as before: the station's code and its tests take them from printing.printers.
__all__ = ["COMPONENTS", "CupsBackend", "PrintError", "cups_printers", "is_component"]

TCP_DEFAULT_PORT = 9100


@dataclass(frozen=True)
class PrinterConfig:
    """One printer of a station, as configured in its settings."""

    name: str
    uri: str
    format: Format = Format.PDF
    label_size: str = "100x180"
    thermal: ThermalProfile = field(default_factory=ThermalProfile)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "uri": self.uri,
            "format": self.format.value,
            "label_size": self.label_size,
            "dpi": self.thermal.dpi,
            "cjk": self.thermal.cjk,
            "font_name": self.thermal.font_name,
            "darkness": self.thermal.darkness,
        }


class Backend(Protocol):
    def send(self, data: bytes, title: str, fmt: Format) -> str:
        """Hand the job over; returns the spooler's or our own job reference."""
        ...

    def check(self) -> str | None:
        """None when the printer looks ready, otherwise why not (offline, paused, missing)."""
        ...


def system_printers() -> list[tuple[str, str]]:
    """(uri, state) for every printer the OS offers: CUPS queues, and Qt's list on Windows."""
    printers = [(f"cups:{name}", state) for name, state in cups_printers()]
    if sys.platform == "win32":
        from printing.qt_spooler import qt_printers

        printers += [(f"qt:{name}", state) for name, state in qt_printers()]
    return printers


# --- raw TCP --------------------------------------------------------------------------------------


class TcpBackend:
    def __init__(self, host: str, port: int = TCP_DEFAULT_PORT, timeout_s: float = 10.0) -> None:
        self.host, self.port, self.timeout_s = host, port, timeout_s

    def send(self, data: bytes, title: str, fmt: Format) -> str:
        try:
            conn = socket.create_connection((self.host, self.port), timeout=self.timeout_s)
        except OSError as exc:
            # Nothing was sent: safe to try again.
            raise PrintError(f"printer {self.host}:{self.port} is offline ({_reason(exc)})") from exc
        sent = 0
        try:
            with conn:
                view = memoryview(data)
                while sent < len(data):
                    sent += conn.send(view[sent : sent + 65536])
                conn.shutdown(socket.SHUT_WR)
                # Wait for the printer to close its side, so the bytes left our buffers.
                conn.settimeout(self.timeout_s)
                try:
                    while conn.recv(1024):
                        pass
                except TimeoutError:
                    pass
        except OSError as exc:
            raise PrintError(
                f"connection to {self.host}:{self.port} broke after {sent} of {len(data)} bytes "
                f"({_reason(exc)})",
                maybe_printed=sent > 0,
            ) from exc
        return f"tcp-{uuid.uuid4().hex[:12]}"

    def check(self) -> str | None:
        try:
            with socket.create_connection((self.host, self.port), timeout=min(3.0, self.timeout_s)):
                return None
        except OSError as exc:
            return f"printer {self.host}:{self.port} is offline ({_reason(exc)})"


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


# --- folder ---------------------------------------------------------------------------------------


class FolderBackend:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, data: bytes, title: str, fmt: Format) -> str:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stem = re.sub(r"[^\w.-]+", "_", title)[:80] or "job"
            name = f"{time.strftime('%Y%m%d-%H%M%S')}-{stem}-{uuid.uuid4().hex[:6]}.{fmt.value}"
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".part-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.folder / name)  # readers never see half a file
        except OSError as exc:
            raise PrintError(f"cannot write to {self.folder}: {_reason(exc)}", cause="folder") from exc
        return name

    def check(self) -> str | None:
        if self.folder.is_dir() and os.access(self.folder, os.W_OK):
            return None
        if not self.folder.exists() and os.access(self.folder.parent, os.W_OK):
            return None
        return f"cannot write to {self.folder}"


# --- choosing a backend ---------------------------------------------------------------------------


def backend_for(uri: str) -> Backend:
    uri = uri.strip()
    scheme, _, rest = uri.partition(":")
    scheme = scheme.lower()
    if scheme in ("cups", "lp"):
        return CupsBackend(rest.lstrip("/"))
    if scheme == "tcp":
        match = re.fullmatch(r"//([^:/]+)(?::(\d+))?/?", rest)
        if not match:
            raise PrintError(
                f"{uri!r}: write tcp://HOST or tcp://HOST:PORT", retryable=False, cause="address"
            )
        return TcpBackend(match.group(1), int(match.group(2) or TCP_DEFAULT_PORT))
    if scheme in ("folder", "file", "dir"):
        path = rest[2:] if rest.startswith("//") else rest
        if not path:
            raise PrintError(f"{uri!r}: write folder:/path/to/folder", retryable=False, cause="address")
        return FolderBackend(Path(path).expanduser())
    if scheme in COMPONENTS:
        from printing.components import ComponentBackend, parse_address

        return ComponentBackend(parse_address(uri))
    if scheme == "qt":
        # Imported here: only stations that print through Qt load Qt's print support.
        from printing.qt_spooler import QtSpoolerBackend

        return QtSpoolerBackend(rest.lstrip("/"))
    raise PrintError(
        f"{uri!r} is not a printer address: use cups:QUEUE, tcp://HOST:9100, folder:/PATH, qt:PRINTER "
        "or a print component (cainiao:, pdd:, doudian:, wxshop:)",
        retryable=False,
        cause="address",
    )
