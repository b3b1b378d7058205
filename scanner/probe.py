"""Finding a scale: which protocol and line settings a port's scale speaks, tried one after another
until a readable weight comes (the technician's `packline-devices probe`, and the station's "find
the scale" in its settings). Blocking, seconds long: never on the GUI thread."""

from __future__ import annotations

import time
from typing import Any

import serial

from scanner.model import Reading, ReadingState
from scanner.ports import list_serial_ports, parse_port
from scanner.scales import PROTOCOLS, create

PROBE_BAUDS = (9600, 4800, 2400, 19200, 38400, 115200)


def reading_json(reading: Reading) -> dict[str, Any]:
    return {
        "kind": "reading",
        "grams": reading.grams,
        "stable": reading.stable,
        "state": reading.state.value,
        "net": reading.net,
        "zero": reading.zero,
        "detail": reading.detail or None,
    }


def probe(port: str, seconds_per_try: float = 0.6) -> dict[str, Any] | None:
    """Try every protocol and baud rate; the first that yields a readable weight wins."""
    path = parse_port(port).url or port
    for baud in PROBE_BAUDS:
        for name, cls in sorted(PROTOCOLS.items()):
            line = cls.line
            seven_bit = line.bytesize == 7  # ptys and many adapters are 8N1 only: check parity ourselves
            try:
                with serial.serial_for_url(path, baudrate=baud, timeout=0.05) as handle:
                    handle.reset_input_buffer()
                    protocol = create(name, seven_bit_on_8n1=seven_bit)
                    deadline = time.monotonic() + seconds_per_try
                    next_poll = 0.0
                    while time.monotonic() < deadline:
                        if cls.poll and time.monotonic() >= next_poll:
                            handle.write(cls.poll)
                            next_poll = time.monotonic() + 0.2
                        data = handle.read(256)
                        readings = protocol.feed(data) if data else []
                        while protocol.outgoing:
                            handle.write(protocol.outgoing.pop(0))
                        good = [
                            r for r in readings if r.state is not ReadingState.ERROR and r.grams is not None
                        ]
                        if good:
                            return {
                                "found": True,
                                "protocol": name,
                                "baudrate": baud,
                                "bytesize": line.bytesize,
                                "parity": line.parity,
                                "stopbits": line.stopbits,
                                "reading": reading_json(good[-1]),
                            }
            except (serial.SerialException, OSError) as exc:
                return {"found": False, "error": str(exc)}
    return None


def find_scale(
    ports: list[str] | None = None, skip: tuple[str, ...] = (), seconds_per_try: float = 0.6
) -> dict[str, Any] | None:
    """The first of `ports` (None: every serial port of the machine, `skip` left out: the
    scanner's) where a scale answers, with its protocol and line settings and the port as the
    station stores it (its USB identity where it has one, which survives re-plugging)."""
    candidates: list[tuple[str, str]] = []
    if ports is None:
        for port in list_serial_ports():
            if port.device not in skip and (not port.identity or port.identity not in skip):
                candidates.append((port.device, port.identity or port.device))
    else:
        candidates = [(port, port) for port in ports if port and port not in skip]
    for device, stored in candidates:
        found = probe(device, seconds_per_try)
        if found is not None and found.get("found"):
            return {**found, "port": stored}
    return None
