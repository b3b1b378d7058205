"""Mettler Toledo MT-SICS (the Standard Interface Command Set of its balances and weigh modules).

A command is a line (`SI` CR LF); every answer is a line `ID status [value unit]`:

- with a weight: the ID of a weight command (`S`, `SI`, `SIR`, `SU`, `SIU`, `SIRU`, `SNR`, `SNRU`,
  `SR`, `SRU`), status `S` (stable) or `D` (dynamic), the value right-aligned in 10 characters
  with its minus sign right before the first digit, and the unit (`S S      100.00 g`);
- without one: status `I` (not executable now: taring, or no stable weight within the time-out),
  `+` / `-` (over / under the weighing range), `L` (a parameter the balance refuses), `A` / `B`
  (done / more follows: acknowledgements of zero, tare and the like);
- `ES`, `ET`, `EL`: the command was not understood, was garbled on the line, or cannot run.

A weight-shaped answer of another command (`T S 100.00 g` is the tare just taken, `ZI D …` the
zero just set) is not the load on the pan and never becomes a reading.
"""

from __future__ import annotations

import re

from scanner.model import Reading, ReadingState
from scanner.scales.base import ScaleProtocol, error, register
from scanner.units import to_grams

WEIGHT_IDS = frozenset({"S", "SI", "SIR", "SU", "SIU", "SIRU", "SNR", "SNRU", "SR", "SRU"})
_WEIGHT = re.compile(
    r"^(?P<id>[A-Z][A-Z0-9]{0,5}) +(?P<status>[SD]) +(?P<value>-?\d+(?:\.\d+)?) +(?P<unit>\S{1,5})$"
)
_STATUS = re.compile(r"^(?P<id>[A-Z@][A-Z0-9]{0,5}) +(?P<status>[ABIL+\-])(?: .*)?$")
_ERRORS = {
    "ES": "the balance did not understand the command (ES)",
    "ET": "the command was garbled on the line (ET): check the cable and the line settings",
    "EL": "the balance cannot run the command now (EL)",
}


@register
class MtSics(ScaleProtocol):
    name = "mt-sics"
    poll = b"SI\r\n"
    zero_command = b"Z\r\n"

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
            # Latin-1: a unit may be µg (0xB5); any byte decodes, and the grammar decides.
            text = frame.rstrip(b"\r").decode("latin-1").strip()
            if not text:
                continue
            reading = self._reading(text)
            if reading is not None:
                readings.append(reading)
        return readings

    def _reading(self, text: str) -> Reading | None:
        if match := _WEIGHT.match(text):
            if match["id"] not in WEIGHT_IDS:
                return None  # a tare or zero value: not the load
            grams = to_grams(match["value"], match["unit"])
            if grams is None:
                return error(f"the balance weighs in {match['unit']!r}: set it to g or kg")
            return Reading(grams=grams, stable=match["status"] == "S", zero=grams == 0)
        if match := _STATUS.match(text):
            if match["id"] not in WEIGHT_IDS:
                return None  # acknowledgements of zero, tare, reset, identification
            match match["status"]:
                case "+":
                    return Reading(None, None, ReadingState.OVERLOAD)
                case "-":
                    return Reading(None, None, ReadingState.UNDERLOAD)
                case "I":
                    return error("balance busy (taring, or no stable weight within its time-out)")
                case "L":
                    return error("the balance refused the command's parameter (L)")
            return None  # A, B: done, or more to follow
        if text in _ERRORS:
            return error(_ERRORS[text])
        return error(f"unreadable reply {text!r}")
