"""Adam Equipment scales and indicators: a line per reading, in one of the shapes their manuals give.

- continuous output (Highland and others): `ST,GS    123.45 g ` — ST stable / US unstable, GS
  gross / NT net, a minus sign or a space, the weight, the unit in three places;
- the display as shown (format 2): ` 123.45 g `; with G or N before it when the gross or the net
  is asked for (CPWplus: `G + 2.00 kg`);
- printed tickets: `GROSS   123.45 g`, `NET …`, `Gross Wt 1.234 Kg`, `Net Wt. …`, among lines
  that are not the load (`No.`, `Total`, `Date`, `Time`, `Unit Wt.`, `PCS`, a tare `T …`): those
  are passed over, never read as a weight;
- MDW-style continuous output: `LF weight unit GR|NT CR ETX`; the weight field filled with `^` is
  over capacity, with `_` under capacity, with `-` a zero-point error.

Polled with `P` CR LF (print). Stability is the scale's own where it says ST/US; otherwise the
station's filter judges it. Some models answer only when the weight changes: silence is normal.
"""

from __future__ import annotations

import re

from scanner.model import Reading, ReadingState
from scanner.scales.base import LineSettings, ScaleProtocol, error, register
from scanner.units import to_grams

_LINE = re.compile(
    r"^(?:(?P<stability>ST|US)\s*,\s*)?"
    r"(?P<kind>GS|NT|GROSS|NET|Gross\s+Wt\.?|Net\s+Wt\.?|G|N)?\s*[,:]?\s*"
    r"(?P<sign>[+-]?)\s*(?P<field>\d+(?:\.\d+)?|\^{3,}|_{3,}|-{3,})\s*"
    r"(?P<unit>[A-Za-z]{1,4}?)?\s*(?P<after>GR|NT)?$",
    re.IGNORECASE,
)
_NOT_THE_LOAD = re.compile(r"^(No\.|Total|Date|Time|Unit\s*Wt|T\b|Tare|PCS)", re.IGNORECASE)
_NET = ("NT", "NET", "N")


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
        # MDW-style frames end CR ETX and the next begins with LF: ETX ends a line as LF does.
        self.buffer[:] = self.buffer.replace(b"\x03", b"\n")
        for frame in self.take_until(b"\n"):
            text = frame.strip(b"\r\x03 \t").decode("latin-1")
            if not text or _NOT_THE_LOAD.match(text):
                continue
            reading = self._reading(text)
            if reading is not None:
                readings.append(reading)
        return readings

    @staticmethod
    def _reading(text: str) -> Reading | None:
        match = _LINE.match(text)
        if match is None:
            if re.search(r"\bpcs\b", text, re.IGNORECASE):
                return error("the scale is counting pieces: set it to weighing")
            return error(f"unreadable reply {text!r}")
        field = match["field"]
        if field.startswith("^"):
            return Reading(None, None, ReadingState.OVERLOAD)
        if field.startswith("_"):
            return Reading(None, None, ReadingState.UNDERLOAD)
        if field.startswith("-"):
            return error("the scale reports a zero-point error: empty the pan and zero it")
        unit = match["unit"]
        if unit is None:
            return error(f"no unit in {text!r}")
        if unit.lower() == "pcs":
            return error("the scale is counting pieces: set it to weighing")
        grams = to_grams(("-" if match["sign"] == "-" else "") + field, unit)
        if grams is None:
            return error(f"the scale weighs in {unit!r}: set it to g or kg")
        stability = (match["stability"] or "").upper()
        kind = re.sub(r"\s+", " ", (match["kind"] or match["after"] or "")).upper().split(" ")[0]
        return Reading(
            grams=grams,
            stable=None if not stability else stability == "ST",
            net=kind in _NET,
            zero=grams == 0,
        )
