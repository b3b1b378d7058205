"""CAS continuous (22-byte frames, lamp byte with bit 7 set) and CAS ENQ/DC1 (AP/SW, Ohaus Aviator)."""

from __future__ import annotations

import re
from functools import reduce

from scanner.model import Reading, ReadingState
from scanner.scales.base import ScaleProtocol, error, register
from scanner.units import to_grams

_WEIGHT = re.compile(rb"^\s*([+-]?\s*\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$")


@register
class CasContinuous(ScaleProtocol):
    """`ST|US|OL , GS|NT , id lamp , weight(8) unit CR LF`: read as bytes, the lamp byte is > 0x7F."""

    name = "cas"
    reports_motion = True

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        if state is ReadingState.OVERLOAD:
            return b"OL,GS,1\x84,0000.000 kg\r\n"
        lamp = 0x80 | 0x04 | (0x40 if stable else 0) | (0x01 if grams == 0 else 0)
        head = b"ST" if stable else b"US"
        return head + b",GS,1" + bytes([lamp]) + b"," + f"{grams / 1000:08.3f}".encode() + b" kg\r\n"

    def parse(self) -> list[Reading]:
        readings = []
        for frame in self.take_until(b"\r\n"):
            if not frame:
                continue
            readings.append(self._reading(frame))
        return readings

    @staticmethod
    def _reading(frame: bytes) -> Reading:
        if len(frame) != 20 or frame[2:3] != b"," or frame[5:6] != b"," or frame[8:9] != b",":
            return error(f"unreadable frame {frame!r}")
        head, kind, lamp = frame[0:2], frame[3:5], frame[7]
        if head not in (b"ST", b"US", b"OL") or kind not in (b"GS", b"NT") or not lamp & 0x80:
            return error(f"unreadable header {frame[:9]!r}")
        if head == b"OL":
            return Reading(None, None, ReadingState.OVERLOAD)
        match = _WEIGHT.match(frame[9:])
        if not match:
            return error(f"unreadable weight {frame[9:]!r}")
        grams = to_grams(match.group(1).decode(), match.group(2).decode())
        if grams is None:
            return error("unknown unit")
        stable = head == b"ST" and bool(lamp & 0x40)
        return Reading(grams=grams, stable=stable, net=kind == b"NT", zero=bool(lamp & 0x01) or grams == 0)


ENQ, ACK, DC1, SOH, STX, ETX, EOT = 0x05, 0x06, 0x11, 0x01, 0x02, 0x03, 0x04


# The frame's lead byte: SOH, or SOH with bit 7 set as some CAS models send it (both are in CAS's
# own protocol notes).
LEADS = (SOH, SOH | 0x80)


def bcc(body: bytes) -> int:
    """XOR of the bytes from the status byte through the unit."""
    return reduce(lambda a, b: a ^ b, body, 0)


@register
class CasEnq(ScaleProtocol):
    """ENQ → ACK; DC1 → SOH STX S|U sign weight unit BCC ETX EOT."""

    name = "cas-enq"
    poll = bytes([ENQ])

    @classmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        body = (
            (b"S" if stable else b"U")
            + (b"-" if grams < 0 else b" ")
            + f"{abs(grams) / 1000:07.3f}kg".encode()
        )
        return bytes([SOH, STX]) + body + bytes([bcc(body), ETX, EOT])

    @classmethod
    def answer(cls, request: bytes, frame: bytes) -> bytes | None:
        if bytes([ENQ]) in request:
            return bytes([ACK])
        return frame if bytes([DC1]) in request else None

    def parse(self) -> list[Reading]:
        readings: list[Reading] = []
        while self.buffer:
            if self.buffer[0] == ACK:
                del self.buffer[:1]
                self.outgoing.append(bytes([DC1]))
                continue
            if self.buffer[0] not in LEADS:
                start = min(
                    (
                        i
                        for i in (
                            self.buffer.find(bytes([ACK])),
                            self.buffer.find(bytes([SOH])),
                            self.buffer.find(bytes([SOH | 0x80])),
                        )
                        if i >= 0
                    ),
                    default=-1,
                )
                if start < 0:
                    self.buffer.clear()
                    return readings
                del self.buffer[:start]
                continue
            end = self.buffer.find(bytes([ETX, EOT]))
            if end < 0:
                return readings
            frame = bytes(self.buffer[: end + 2])
            del self.buffer[: end + 2]
            readings.append(self._reading(frame))
        return readings

    @staticmethod
    def _reading(frame: bytes) -> Reading:
        if len(frame) < 8 or frame[1] != STX:
            return error("unreadable frame")
        body, check = frame[2:-3], frame[-3]
        if bcc(body) != check:
            return error("checksum mismatch")
        status, rest = body[:1], body[1:]
        match = _WEIGHT.match(rest)
        if status not in (b"S", b"U") or not match:
            return error(f"unreadable frame {body!r}")
        grams = to_grams(match.group(1).decode(), match.group(2).decode())
        if grams is None:
            return error("unknown unit")
        return Reading(grams=grams, stable=status == b"S", zero=grams == 0)
