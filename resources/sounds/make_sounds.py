"""Regenerates the station's sounds (run by hand; the WAV files are committed).

Three sounds a packer can tell apart without looking, even in a noisy hall:
accept: one short high beep; complete: a rising three-note chime; error: a low, harsh double buzz.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(freq: float, ms: int, volume: float = 0.6, square: bool = False) -> list[float]:
    n = int(RATE * ms / 1000)
    out = []
    for i in range(n):
        s = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            s = 1.0 if s >= 0 else -1.0
        fade = min(1.0, i / 200, (n - i) / 200)  # no clicks
        out.append(volume * s * fade)
    return out


def silence(ms: int) -> list[float]:
    return [0.0] * int(RATE * ms / 1000)


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    here = Path(__file__).parent
    write(here / "accept.wav", tone(1760, 90))
    write(here / "complete.wav", tone(1047, 110) + tone(1319, 110) + tone(1568, 220))
    write(
        here / "error.wav", tone(220, 260, 0.5, square=True) + silence(70) + tone(220, 260, 0.5, square=True)
    )
    write(here / "prompt.wav", tone(880, 120) + silence(40) + tone(880, 120))
