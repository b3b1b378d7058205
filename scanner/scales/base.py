"""The interface every scale protocol implements, and the registry.

A protocol is a description (line settings, poll/zero/tare commands, whether it reports
motion) plus a parser that turns received bytes into Readings. Parsers never raise and never
return a weight from a frame that fails its checksum, parity or format: such a frame becomes a
Reading in state ERROR (grams None) so the station can say "scale error" instead of trusting it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import ClassVar

from scanner.model import Reading, ReadingState

PROTOCOLS: dict[str, type[ScaleProtocol]] = {}
MAX_BUFFER = 512


@dataclass(frozen=True, slots=True)
class LineSettings:
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"  # N, E, O
    stopbits: int = 1


def register(cls: type[ScaleProtocol]) -> type[ScaleProtocol]:
    PROTOCOLS[cls.name] = cls
    return cls


def create(name: str, **options: object) -> ScaleProtocol:
    try:
        return PROTOCOLS[name](**options)  # type: ignore[arg-type]
    except KeyError:
        raise ValueError(f"unknown scale protocol {name!r}; known: {', '.join(sorted(PROTOCOLS))}") from None


def error(detail: str) -> Reading:
    return Reading(grams=None, stable=None, state=ReadingState.ERROR, detail=detail)


def even_parity_ok(byte: int) -> bool:
    return bin(byte).count("1") % 2 == 0


class ScaleProtocol(ABC):
    name: ClassVar[str] = ""
    line: ClassVar[LineSettings] = LineSettings()
    poll: ClassVar[bytes | None] = None  # None: the scale sends continuously
    zero_command: ClassVar[bytes | None] = None
    reports_motion: ClassVar[bool] = True

    def __init__(self, seven_bit_on_8n1: bool = False) -> None:
        # A 7E1 scale read through an 8N1 port: bit 7 carries parity; check it, then mask it off.
        self.seven_bit_on_8n1 = seven_bit_on_8n1
        self.buffer = bytearray()
        self.outgoing: list[bytes] = []  # replies the protocol wants sent (handshakes)

    def feed(self, data: bytes) -> list[Reading]:
        if self.seven_bit_on_8n1:
            if not all(even_parity_ok(b) for b in data):
                self.buffer.clear()
                return [error("parity error")]
            data = bytes(b & 0x7F for b in data)
        self.buffer += data
        readings = [_negative_is_underload(r) for r in self.parse()]
        if len(self.buffer) > MAX_BUFFER:  # noise without frame boundaries
            self.buffer.clear()
            readings.append(error("no frame found in received bytes"))
        return readings

    @classmethod
    @abstractmethod
    def encode(cls, grams: int, stable: bool = True, state: ReadingState = ReadingState.OK) -> bytes:
        """The bytes this scale sends for a reading: the simulators' and the round-trip tests' side."""

    @classmethod
    def answer(cls, request: bytes, frame: bytes) -> bytes | None:
        """What a simulated scale sends back on `request` (polled protocols); None: nothing."""
        return frame if cls.poll is not None and cls.poll in request else None

    @abstractmethod
    def parse(self) -> list[Reading]:
        """Readings for every complete frame in `self.buffer`, removing what was consumed."""

    def take_led(self, lead: int, measure: Callable[[bytearray], int]) -> Iterator[bytes | None]:
        """Fixed-layout frames that begin with the byte `lead` (STX), taken off the buffer as they
        are found. `measure(buffer)`, with the buffer starting at a lead byte, says how long the
        frame there is: 0 for "not all here yet", -1 for "that byte starts no frame" (it is skipped
        and None is yielded: a misaligned frame). Bytes before a lead byte are noise and dropped."""
        while True:
            start = self.buffer.find(bytes([lead]))
            if start < 0:
                self.buffer.clear()
                return
            del self.buffer[:start]
            size = measure(self.buffer)
            if size == 0:
                return
            if size < 0:
                del self.buffer[:1]  # resynchronise on the next lead byte
                yield None
                continue
            frame = bytes(self.buffer[:size])
            del self.buffer[:size]
            yield frame

    def take_until(self, terminator: bytes) -> list[bytes]:
        frames = []
        while (index := self.buffer.find(terminator)) >= 0:
            frames.append(bytes(self.buffer[:index]))
            del self.buffer[: index + len(terminator)]
        return frames


def _negative_is_underload(reading: Reading) -> Reading:
    if reading.state is ReadingState.OK and reading.grams is not None and reading.grams < 0:
        return replace(reading, state=ReadingState.UNDERLOAD)
    return reading
