"""Cutting a serial byte stream from a barcode scanner into one frame per barcode.

Scanners end a code with CR, LF, CR LF, Tab, or nothing at all (then a pause ends it); some
send a prefix. Frames are bytes until decoded, so a GS or a stray high byte survives intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SUFFIXES = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t", "none": b""}
MAX_FRAME = 4096  # a frame this long is noise (a scanner in a loop, wrong baud): dropped


@dataclass
class ScanFramer:
    suffix: str = "cr"  # a key of SUFFIXES; "cr" also accepts CR LF and LF so mixed scanners work
    prefix: bytes = b""
    idle_s: float = 0.05  # with suffix "none": a frame ends after this much silence
    _buffer: bytearray = field(default_factory=bytearray)
    _last: float = 0.0
    dropped: int = 0

    def __post_init__(self) -> None:
        if self.suffix not in SUFFIXES:
            raise ValueError(f"unknown suffix {self.suffix!r}; one of {', '.join(SUFFIXES)}")

    def feed(self, data: bytes, now: float) -> list[bytes]:
        frames: list[bytes] = []
        if self.suffix == "none" and self._buffer and now - self._last >= self.idle_s:
            frames.append(self._take())
        self._buffer += data
        if data:
            self._last = now
        if self.suffix != "none":
            frames += self._split()
        if len(self._buffer) > MAX_FRAME:
            self.dropped += 1
            self._buffer.clear()
        return [f for f in (self._strip(f) for f in frames) if f]

    def flush_if_idle(self, now: float) -> list[bytes]:
        """Called when the port is quiet: ends a suffix-less frame (or a CR-less last one)."""
        if self._buffer and now - self._last >= self.idle_s and self.suffix == "none":
            frame = self._strip(self._take())
            return [frame] if frame else []
        return []

    def _split(self) -> list[bytes]:
        out: list[bytes] = []
        separators = (
            (b"\r\n", b"\r", b"\n") if self.suffix in ("cr", "lf", "crlf") else (SUFFIXES[self.suffix],)
        )
        while True:
            positions = [(self._buffer.find(sep), sep) for sep in separators]
            positions = [(i, sep) for i, sep in positions if i >= 0]
            if not positions:
                return out
            index, sep = min(positions, key=lambda p: (p[0], -len(p[1])))
            out.append(bytes(self._buffer[:index]))
            del self._buffer[: index + len(sep)]

    def _take(self) -> bytes:
        frame = bytes(self._buffer)
        self._buffer.clear()
        return frame

    def _strip(self, frame: bytes) -> bytes:
        if self.prefix and frame.startswith(self.prefix):
            frame = frame[len(self.prefix) :]
        return frame


def decode(frame: bytes) -> str:
    """Scanner text is ASCII/UTF-8 in practice; anything else is kept visible, not dropped."""
    return frame.decode("utf-8", errors="replace")
