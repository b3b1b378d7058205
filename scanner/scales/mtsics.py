"""Mettler Toledo MT-SICS: `SI` polls; replies `S S     100.00 g` (S stable, D dynamic, + over, - under)."""

from __future__ import annotations

import re

from scanner.model import Reading, ReadingState
from scanner.scales.base import ScaleProtocol, error, register
from scanner.units import to_grams

_REPLY = re.compile(r"^(S|SI|SIR)\s+([SD])\s+(-?\s*\d+(?:\.\d+)?)\s+([a-zA-Z]+)$")
_STATUS = re.compile(r"^(S|SI|SIR)\s+([+\-I])$")


@register
class MtSics(ScaleProtocol):
    name = "mt-sics"
    poll = b"SI\r\n"
    zero_command = b"Z\r\n"
    tare_command = b"T\r\n"

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        if state is ReadingState.OVERLOAD:
            return b"S +\r\n"
        if state is ReadingState.UNDERLOAD and grams >= 0:
            return b"S -\r\n"
        return f"S {'S' if stable else 'D'} {grams:>10.2f} g\r\n".encode()

    def parse(self) -> list[Reading]:
        readings = []
        for frame in self.take_until(b"\n"):
            text = frame.rstrip(b"\r").decode("ascii", errors="replace").strip()
            if not text:
                continue
            reading = self._reading(text)
            if reading is not None:
                readings.append(reading)
        return readings

    def _reading(self, text: str) -> Reading | None:
        if match := _REPLY.match(text):
            grams = to_grams(match.group(3), match.group(4))
            if grams is None:
                return error(f"unknown unit in {text!r}")
            return Reading(grams=grams, stable=match.group(2) == "S", zero=grams == 0)
        if match := _STATUS.match(text):
            status = match.group(2)
            if status == "+":
                return Reading(None, None, ReadingState.OVERLOAD)
            if status == "-":
                return Reading(None, None, ReadingState.UNDERLOAD)
            return error("scale busy")
        if text in ("ES", "ET", "EL"):
            return error(f"scale answered {text}")
        if text.startswith(("Z ", "T ", "@")):  # acknowledgements of zero, tare, reset
            return None
        return error(f"unreadable reply {text!r}")
