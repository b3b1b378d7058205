"""Stability for scales that do not say: N equal readings within a time window.

It only fills in `stable` where the protocol left it None; a scale's own motion flag wins.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace

from scanner.model import Reading


@dataclass
class StabilityFilter:
    count: int = 3
    window_s: float = 1.5
    tolerance_g: int = 0
    _recent: deque[tuple[float, int]] = field(default_factory=deque)

    def apply(self, reading: Reading, now: float) -> Reading:
        if reading.stable is not None:
            return reading
        if not reading.usable:
            self._recent.clear()
            return reading
        assert reading.grams is not None
        self._recent.append((now, reading.grams))
        while self._recent and (now - self._recent[0][0] > self.window_s or len(self._recent) > self.count):
            self._recent.popleft()
        weights = [g for _t, g in self._recent]
        stable = len(weights) >= self.count and max(weights) - min(weights) <= self.tolerance_g
        return replace(reading, stable=stable)
