"""NCI / Avery Weigh-Tronix SCP-01: `W\\r` → LF weight unit CR LF status CR ETX."""

from __future__ import annotations

import re

from scanner.model import Reading, ReadingState
from scanner.scales.base import ScaleProtocol, error, register
from scanner.units import to_grams

# LF, then the weight line (absent when the scale has no weight to give), then the status bytes:
# each 0011xxxx, or 0111xxxx when another status byte follows; some models put an S before them.
_FRAME = re.compile(rb"^\n(?:([-\s\d.^_]+?)\s*([A-Za-z]+)?\r\n)?S?([\x30-\x3f\x70-\x7f]{2,3})\r$")
_MORE = 0x40  # bit 6 of a status byte: another status byte follows


@register
class Nci(ScaleProtocol):
    """NCI / Avery Weigh-Tronix SCP-01. Status byte 1: b0 motion, b1 at zero, b2 RAM error,
    b3 EEPROM error. Byte 2: b0 under capacity, b1 over capacity, b2 ROM error, b3 faulty
    calibration; b6 announces byte 3 (b0-1 range, b2 net, b3 initial zero error)."""

    name = "nci"
    poll = b"W\r"
    zero_command = b"Z\r"

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        s1 = 0x30 | (0 if stable else 0x01) | (0x02 if grams == 0 else 0)
        s2 = (
            0x30
            | (0x02 if state is ReadingState.OVERLOAD else 0)
            | (0x01 if state is ReadingState.UNDERLOAD else 0)
        )
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
            readings.append(self._reading(match.group(1), match.group(2), match.group(3)))
        return readings

    @staticmethod
    def _reading(weight: bytes | None, unit: bytes | None, status: bytes) -> Reading:
        s1, s2 = status[0], status[1]
        third = status[2] if len(status) > 2 else None
        if bool(s2 & _MORE) != (third is not None):
            return error(f"status bytes {status!r}: byte 2 and the bytes sent disagree on a third")
        if s1 & 0x0C or s2 & 0x0C:
            return error(f"scale reports an internal error (status {status!r})")
        if s2 & 0x02:
            return Reading(None, None, ReadingState.OVERLOAD)
        if s2 & 0x01:
            return Reading(None, None, ReadingState.UNDERLOAD)
        if weight is None:
            return Reading(None, False, detail="in motion") if s1 & 0x01 else error("no weight in the reply")
        if b"^" in weight:  # clones: over or under range, without saying which
            return error("out of range")
        grams = to_grams(weight.decode(), (unit or b"").decode())
        if grams is None:
            return error(f"unreadable weight {weight!r} {unit!r}")
        net = bool(third & 0x04) if third is not None else False
        return Reading(grams=grams, stable=not s1 & 0x01, net=net, zero=bool(s1 & 0x02) or grams == 0)
