"""Finding a serial port: by path, by pyserial URL, or by identity (VID/PID/serial number).

COM numbers and /dev/ttyUSBn paths change when a cable is moved; the identity does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from serial.tools import list_ports


@dataclass(frozen=True, slots=True)
class PortInfo:
    device: str
    vid: int | None
    pid: int | None
    serial_number: str | None
    description: str
    location: str | None

    @property
    def identity(self) -> str:
        if self.vid is None:
            return ""
        return f"{self.vid:04x}:{self.pid or 0:04x}" + (
            f":{self.serial_number}" if self.serial_number else ""
        )


@dataclass(frozen=True, slots=True)
class PortSpec:
    """Where a device is: `url` (a path like /dev/ttyUSB0 or COM3, or a pyserial URL such as
    socket://host:port, rfc2217://, loop://) or an identity "vid:pid[:serial]" in hex."""

    url: str = ""
    identity: str = ""

    def __post_init__(self) -> None:
        if not self.url and not self.identity:
            raise ValueError("a port needs a path/URL or an identity")


def list_serial_ports() -> list[PortInfo]:
    return [
        PortInfo(p.device, p.vid, p.pid, p.serial_number, p.description or "", p.location)
        for p in sorted(list_ports.comports(), key=lambda p: p.device)
    ]


def resolve_port(spec: PortSpec) -> str | None:
    """The path to open now, or None if a device with that identity is not plugged in."""
    if spec.url:
        return spec.url
    wanted = spec.identity.lower().split(":")
    for port in list_serial_ports():
        have = port.identity.lower().split(":")
        if have[: len(wanted)] == wanted:
            return port.device
    return None


def parse_port(port: str) -> PortSpec:
    """A setting or command-line value as a PortSpec."""
    # "vid:pid[:serial]" in hex is an identity; anything else a path or pyserial URL.
    parts = port.split(":")
    if len(parts) in (2, 3) and all(len(p) == 4 for p in parts[:2]) and not port.startswith(("/", "COM")):
        try:
            int(parts[0], 16), int(parts[1], 16)
        except ValueError:
            return PortSpec(url=port)
        return PortSpec(identity=port)
    return PortSpec(url=port)
