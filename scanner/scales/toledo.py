"""Toledo 8217/8142 (polled, 7E1) and Toledo continuous output (status words, checksum)."""

from __future__ import annotations

import re
from decimal import Decimal

from scanner.model import Reading, ReadingState
from scanner.scales.base import LineSettings, ScaleProtocol, error, register
from scanner.units import to_grams

STX, CR = 0x02, 0x0D
_WEIGHT_8217 = re.compile(rb"^(\d{2}\.\d{2,3})(N?)$")


@register
class Toledo8217(ScaleProtocol):
    """`W` → STX WW.WWW CR (kg) / STX WW.WW CR (lb), only when stable; else STX ? status CR."""

    name = "toledo-8217"
    line = LineSettings(9600, 7, "E", 1)
    poll = b"W"
    zero_command = b"Z"

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        if state is ReadingState.OVERLOAD:
            return b"\x02?B\r"
        if state is ReadingState.UNDERLOAD or grams < 0:
            return b"\x02?D\r"
        if not stable:
            return b"\x02?A\r"
        return b"\x02" + f"{grams / 1000:06.3f}".encode() + b"\r"

    def parse(self) -> list[Reading]:
        readings = []
        for frame in self.take_until(bytes([CR])):
            start = frame.rfind(bytes([STX]))
            if start < 0:
                readings.append(error("frame without STX"))
                continue
            body = frame[start + 1 :]
            if body.startswith(b"?") and len(body) == 2:
                readings.append(self._status(body[1]))
                continue
            match = _WEIGHT_8217.match(body)
            if not match:
                readings.append(error(f"unreadable frame {body!r}"))
                continue
            value = match.group(1).decode()
            unit = "kg" if len(value.split(".")[1]) == 3 else "lb"
            grams = to_grams(value, unit)
            readings.append(Reading(grams=grams, stable=True, net=bool(match.group(2)), zero=grams == 0))
        return readings

    @staticmethod
    def _status(byte: int) -> Reading:
        if not byte & 0x40:  # bit 6 is always set in a real status byte
            return error(f"bad status byte {byte:#x}")
        if byte & 0x02:
            return Reading(None, None, ReadingState.OVERLOAD)
        if byte & 0x04:
            return Reading(None, None, ReadingState.UNDERLOAD)
        if byte & 0x01:
            return Reading(None, False, detail="in motion")
        return error(f"status {byte:#x}")


def toledo_checksum(frame: bytes) -> int:
    """Two's complement of the 7-bit sum of every byte from STX through CR."""
    return (-sum(frame)) & 0x7F


_DECIMALS = {0: -2, 1: -1, 2: 0, 3: 1, 4: 2, 5: 3, 6: 4, 7: 5}


# Status word C, bits 0-2: a unit other than the lb/kg that status word B's bit 4 names.
_SWC_UNITS = {1: "g", 2: "t", 3: "oz", 4: "ozt", 5: "dwt", 6: "ton"}


@register
class ToledoContinuous(ScaleProtocol):
    """STX SWA SWB SWC weight(6) [tare(6)] CR [checksum], sent continuously.

    The Mettler Toledo standard continuous output (8142, IND-series) and the Toledo-compatible
    indicators (Cardinal, Rice Lake...) that send it; the short format without the tare field is
    what several of them are set to. Status word C names grams, tonnes or ounces where status
    word B's kg/lb bit does not apply; out of range is under- or overload as the sign says."""

    name = "toledo-continuous"
    zero_command = b"Z"

    def __init__(self, checksum: bool = True, seven_bit_on_8n1: bool = False) -> None:
        super().__init__(seven_bit_on_8n1)
        self.checksum = checksum

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        swa = 0x20 | 5  # XXX.XXX
        swb = 0x20 | 0x10  # kg
        if not stable:
            swb |= 0x08
        if grams < 0 or state is ReadingState.UNDERLOAD:
            swb |= 0x02
        if state in (ReadingState.OVERLOAD, ReadingState.UNDERLOAD):
            swb |= 0x04
        frame = bytes([STX, swa, swb, 0x20]) + f"{abs(grams):06d}000000".encode() + bytes([CR])
        return frame + bytes([toledo_checksum(frame)])

    def parse(self) -> list[Reading]:
        readings = []
        extra = 1 if self.checksum else 0

        def measure(buffer: bytearray) -> int:
            for size in (11, 17):  # the short format has no tare field
                if len(buffer) < size + extra:
                    return 0
                if buffer[size - 1] == CR:
                    return size + extra
            return -1

        for frame in self.take_led(STX, measure):
            if frame is None:
                readings.append(error("frame misaligned"))
            elif self.checksum and toledo_checksum(frame[:-1]) != frame[-1]:
                readings.append(error("checksum mismatch"))
            else:
                readings.append(self._reading(frame[: len(frame) - extra]))
        return readings

    @staticmethod
    def _reading(frame: bytes) -> Reading:
        swa, swb, swc = frame[1], frame[2], frame[3]
        digits, tare = frame[4:10], frame[10:-1]
        if not digits.isdigit() or (tare and not tare.isdigit()):
            return error("non-digit weight")
        if swb & 0x04:  # out of range: the sign says which way
            return Reading(None, None, ReadingState.UNDERLOAD if swb & 0x02 else ReadingState.OVERLOAD)
        code = swc & 0x07
        if code == 7:
            return error("custom unit: set the indicator to g, kg, lb or oz")
        number = Decimal(int(digits)).scaleb(-_DECIMALS[swa & 0x07])
        if swc & 0x10:  # expanded x10 display: one more decimal
            number = number.scaleb(-1)
        if swb & 0x02:
            number = -number
        unit = _SWC_UNITS.get(code) or ("kg" if swb & 0x10 else "lb")
        grams = to_grams(number, unit)
        return Reading(grams=grams, stable=not swb & 0x08, net=bool(swb & 0x01), zero=grams == 0)
