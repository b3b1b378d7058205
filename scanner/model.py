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


@dataclass(frozen=True, slots=True)
class DeviceState:
    status: DeviceStatus
    port: str = ""
    reason: str = ""
