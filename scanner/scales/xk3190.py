"""Yaohua XK3190 indicators (very common in Chinese warehouses), continuous output, no motion flag.

- format 0: STX sign digits(6) decimals XOR(2 hex nibbles) ETX — `\\x02+00200021B\\x03` = +20.00
- format 1: `=` + the display reversed, sign last — `=000.3000` = 3.000, `=00.1000-` = -1.00
- format 2: `=` + the display as shown — `=-0001.00`
- A12: `W` G|N weight(7) `kg` XOR(2 nibbles) CR LF — `WG004.139kg3D\\r\\n`; `OL` / `LO` for over/under
"""

from __future__ import annotations

import re
from functools import reduce

from scanner.model import Reading, ReadingState
from scanner.scales.base import ScaleProtocol, error, register
from scanner.units import to_grams

STX, ETX = 0x02, 0x03


def xor(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def nibbles(value: int) -> bytes:
    """The two characters Yaohua uses for a checksum byte: each nibble + 0x30 (≤ 9) or + 0x37."""
    return bytes(n + (0x30 if n <= 9 else 0x37) for n in (value >> 4, value & 0x0F))


class _Yaohua(ScaleProtocol):
    reports_motion = False

    def __init__(self, unit: str = "kg", seven_bit_on_8n1: bool = False) -> None:
        super().__init__(seven_bit_on_8n1)
        self.unit = unit

    def grams(self, text: str) -> Reading:
        grams = to_grams(text, self.unit)
        if grams is None:
            return error(f"unreadable weight {text!r}")
        return Reading(grams=grams, stable=None, zero=grams == 0)


@register
class Xk3190Format0(_Yaohua):
    name = "xk3190-0"

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        body = (b"-" if grams < 0 else b"+") + f"{abs(grams):06d}".encode() + b"3"  # kg with 3 decimals
        return bytes([STX]) + body + nibbles(xor(body)) + bytes([ETX])

    def parse(self) -> list[Reading]:
        readings = []
        for frame in self.take_led(
            STX, lambda buffer: 0 if len(buffer) < 12 else 12 if buffer[11] == ETX else -1
        ):
            if frame is None:
                readings.append(error("frame misaligned"))
                continue
            body = frame[1:9]
            if nibbles(xor(body)) != frame[9:11]:
                readings.append(error("checksum mismatch"))
                continue
            sign, digits, places = body[:1], body[1:7], body[7:8]
            if sign not in (b"+", b"-") or not digits.isdigit() or places not in b"01234" or not places:
                readings.append(error(f"unreadable frame {frame!r}"))
                continue
            p = int(places)
            text = digits.decode()
            text = (text[: len(text) - p] + "." + text[len(text) - p :]) if p else text
            readings.append(self.grams(("-" if sign == b"-" else "") + text))
        return readings


_DISPLAY = re.compile(r"^-?\d+(\.\d+)?$")


class _EqualsFramed(_Yaohua):
    reversed_display = False

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        display = f"{grams / 1000:08.3f}"
        return b"=" + (display[::-1] if cls.reversed_display else display).encode()

    def parse(self) -> list[Reading]:
        readings = []
        # Frames run back to back: a frame is complete when the next `=` has arrived.
        while (first := self.buffer.find(b"=")) >= 0 and (second := self.buffer.find(b"=", first + 1)) >= 0:
            frame = bytes(self.buffer[first + 1 : second])
            del self.buffer[:second]
            text = frame.decode("ascii", errors="replace").strip()
            if self.reversed_display:
                text = text[::-1]
            if text.endswith("-") and not text.startswith("-"):
                text = "-" + text[:-1]
            if not _DISPLAY.match(text):
                readings.append(error(f"unreadable frame {frame!r}"))
                continue
            readings.append(self.grams(text))
        if len(self.buffer) > 64 and self.buffer.find(b"=") < 0:
            self.buffer.clear()
            readings.append(error("no frame found in received bytes"))
        return readings


@register
class Xk3190Format1(_EqualsFramed):
    name = "xk3190-1"
    reversed_display = True


@register
class Xk3190Format2(_EqualsFramed):
    name = "xk3190-2"


_A12 = re.compile(rb"^W([GN])([-\s\d.]{7})(kg|lb|g )$")


@register
class Xk3190A12(_Yaohua):
    name = "xk3190-a12"

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        if state is ReadingState.OVERLOAD:
            body = b"         OL"
        elif state is ReadingState.UNDERLOAD and grams >= 0:
            body = b"         LO"
        else:
            body = b"WG" + f"{grams / 1000:07.3f}".encode() + b"kg"
        return body + nibbles(xor(body)) + b"\r\n"

    def parse(self) -> list[Reading]:
        readings = []
        for frame in self.take_until(b"\r\n"):
            if len(frame) != 13:
                readings.append(error(f"unreadable frame {frame!r}"))
                continue
            body, check = frame[:11], frame[11:13]
            if nibbles(xor(body)) != check:
                readings.append(error("checksum mismatch"))
                continue
            if body.endswith(b"OL"):
                readings.append(Reading(None, None, ReadingState.OVERLOAD))
                continue
            if body.endswith(b"LO"):
                readings.append(Reading(None, None, ReadingState.UNDERLOAD))
                continue
            match = _A12.match(body)
            if not match:
                readings.append(error(f"unreadable frame {frame!r}"))
                continue
            grams = to_grams(match.group(2).decode(), match.group(3).decode().strip())
            if grams is None:
                readings.append(error(f"unreadable weight {body!r}"))
                continue
            readings.append(Reading(grams=grams, stable=None, net=match.group(1) == b"N", zero=grams == 0))
        return readings
