"""Adam Equipment (Odoo's profile): 4800 8N1, poll `P\\r\\n`, the reply contains `<number>kg`.

Some models answer only when the weight changes: silence is normal, not a fault.
"""

from __future__ import annotations

import re

from scanner.model import Reading, ReadingState
from scanner.scales.base import LineSettings, ScaleProtocol, error, register
from scanner.units import to_grams

_REPLY = re.compile(rb"([+-]?\s*\d+(?:\.\d+)?)\s*(kg|g|lb|oz)\b", re.IGNORECASE)


@register
class Adam(ScaleProtocol):
    name = "adam"
    line = LineSettings(4800, 8, "N", 1)
    poll = b"P\r\n"
    reports_motion = False

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        return f"{grams / 1000:9.3f} kg\r\n".encode()

    def parse(self) -> list[Reading]:
        readings = []
        for frame in self.take_until(b"\n"):
            frame = frame.strip(b"\r ")
            if not frame:
                continue
            match = _REPLY.search(frame)
            grams = to_grams(match.group(1).decode(), match.group(2).decode()) if match else None
            if grams is None:
                readings.append(error(f"unreadable reply {frame!r}"))
                continue
            readings.append(Reading(grams=grams, stable=None, zero=grams == 0))
        return readings
