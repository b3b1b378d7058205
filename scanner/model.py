"""What devices report, as plain values: a scan, a scale reading, a device's state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Scan:
    """One barcode as read. `code` is its text without AIM identifier or suffix (an order number,
    waybill, internal code or GTIN as printed); `gtin` the 14-digit GTIN where there is one (from
    the digits, or AI 01 of GS1 data). `raw` keeps everything as received, GS separators included."""

    raw: str
    code: str
    symbology: str | None = None  # e.g. "]C1", "]E0"; None when the scanner sends no AIM identifier
    gtin: str | None = None  # 14 digits
    gs1: Mapping[str, str] = field(default_factory=dict)  # AI -> value, e.g. {"10": "LOT1", "17": "270131"}
    error: str = ""

    @property
    def lookup(self) -> str:
        """What to look up: GS1 element strings by their GTIN, everything else as printed."""
        return self.gtin if self.gs1 and self.gtin else self.code


class ReadingState(StrEnum):
    OK = "ok"
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Reading:
    """One scale reading. `grams` is None when there is no usable weight (overload, error, busy);
    `stable` is None when the protocol says nothing about motion and nothing was inferred."""

    grams: int | None
    stable: bool | None
    state: ReadingState = ReadingState.OK
    net: bool = False
    zero: bool = False
    detail: str = ""

    @property
    def usable(self) -> bool:
        return self.state is ReadingState.OK and self.grams is not None


class DeviceStatus(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    ERROR = "error"


class DeviceCause(StrEnum):
    """Why a device is not connected, as a code the station says in the person's language (the
    operating system's own words stay in `DeviceState.reason`, for the log and a tooltip)."""

    NONE = ""
    NOT_FOUND = "not_found"  # no such port, or the identity matches no plugged-in device
    BUSY = "busy"  # another program has the port
    PERMISSION = "permission"  # this user may not open it
    UNPLUGGED = "unplugged"  # it went away while open (cable pulled, device reset)
    SILENT = "silent"  # open, but the device does not answer
    FLOODING = "flooding"  # a scanner sending far more codes than a person can scan
    SETTINGS = "settings"  # the settings do not make sense (protocol, port address)
    INTERNAL = "internal"  # a bug (logged with its traceback)
    STOPPED = "stopped"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class DeviceState:
    status: DeviceStatus
    port: str = ""
    reason: str = ""  # the operating system's or the device's own words
    cause: DeviceCause = DeviceCause.NONE


def cause_of(exc: BaseException) -> DeviceCause:
    """Which DeviceCause an error opening or reading a port is (pyserial wraps OSError's errno
    into its message; the text is all it keeps)."""
    text = str(exc).lower()
    errno = getattr(exc, "errno", None)
    if errno == 2 or "no such file" in text or "could not find" in text or "filenotfound" in text:
        return DeviceCause.NOT_FOUND
    if errno in (13, 1) or "permission denied" in text or "access is denied" in text:
        return DeviceCause.PERMISSION
    if errno == 16 or "busy" in text or "exclusively lock" in text or "in use" in text:
        return DeviceCause.BUSY
    gone = ("returned no data", "input/output error", "no such device")
    if errno in (5, 19, 6) or any(words in text for words in gone):
        return DeviceCause.UNPLUGGED
    if isinstance(exc, ValueError):
        return DeviceCause.SETTINGS
    return DeviceCause.OTHER
