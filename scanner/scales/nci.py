"""NCI / Avery Weigh-Tronix SCP-01: `W\\r` → LF weight unit CR LF status CR ETX."""

from __future__ import annotations

import re

from scanner.model import Reading, ReadingState
from scanner.scales.base import ScaleProtocol, error, register
from scanner.units import to_grams

_FRAME = re.compile(rb"^\n([-\s\d.^]+?)\s*([A-Za-z]+)?\r\n([0-9A-Fa-f@-O]{2,})\r$")


@register
class Nci(ScaleProtocol):
    name = "nci"
    poll = b"W\r"
    zero_command = b"Z\r"

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        s1 = 0x30 | (0 if stable else 0x01) | (0x02 if grams == 0 else 0)
        s2 = 0x30 | (0x02 if state is ReadingState.OVERLOAD else 0)
        sign = "-" if grams < 0 else ""
        weight = f"{sign}{abs(grams) / 1000:07.3f}KG"
        return b"\n" + weight.encode() + b"\r\n" + bytes([s1, s2]) + b"\r\x03"

    def parse(self) -> list[Reading]:
        readings = []
        for frame in self.take_until(b"\x03"):
            start = frame.find(b"\n")
            if start < 0:
                readings.append(error("frame without LF"))
                continue
            frame = frame[start:]
            if frame == b"\n?\r":
                readings.append(error("scale did not understand the command"))
                continue
            match = _FRAME.match(frame)
            if not match:
                readings.append(error(f"unreadable frame {frame!r}"))
                continue
            weight, unit, status = match.group(1), match.group(2), match.group(3)
            s1, s2 = status[0], status[1]
            if s2 & 0x02:
                readings.append(Reading(None, None, ReadingState.OVERLOAD))
                continue
            if s2 & 0x01:
                readings.append(Reading(None, None, ReadingState.UNDERLOAD))
                continue
            if b"^" in weight:  # clones: over or under range, without saying which
                readings.append(error("out of range"))
                continue
            grams = to_grams(weight.decode(), (unit or b"").decode())
            if grams is None:
                readings.append(error(f"unreadable weight {weight!r} {unit!r}"))
                continue
            readings.append(Reading(grams=grams, stable=not s1 & 0x01, zero=bool(s1 & 0x02) or grams == 0))
        return readings
