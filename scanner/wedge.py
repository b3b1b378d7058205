"""Keyboard-wedge scanning without a window: which keys are a scanner's burst and which a person's
typing. Pure (no Qt, no clock of its own): the window's event filter (app/ui/wedge.py) feeds it
keys and heartbeats with their times and does what it answers.

A burst is judged by the keys' own timestamps (when the keyboard sent them), never by when the
GUI thread got round to them: keys that waited while the thread was busy are still the burst they
were typed as. A burst without a suffix ends only after a quiet moment the thread was seen to have
free: while keys are held, a heartbeat ticks every few milliseconds, and a late tick means the
thread was busy, keys may be queued behind it, and the quiet moment starts again from there (a
scan typed while the station saved a pack is one scan, not "6931" and "234567890").

A scanner may be set up to send a prefix (and a suffix) of its own: keys after the prefix are a
scan whatever their timing, up to the suffix, Enter/Tab, or a quiet moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

GS = "\x1d"
TICK_MS = 10  # the heartbeat while keys are held
LATE_S = 0.02  # a heartbeat this much later than the one before: the thread was busy in between
SETTLE_MS = 20  # the quiet moment is this much longer than the gap: a key one gap late is in time
WAIT_AT_MOST_S = 2.0  # a thread busy for this long after the last key: judge what has arrived
LATE_TICKS_DEFERRED = 3  # late heartbeats in a row that wait for the keys queued behind them
PREFIXED_QUIET_MS = 300  # after a prefix, keys are a scan until the suffix or this much quiet


@dataclass(frozen=True, slots=True)
class Key:
    text: str
    stamp_ms: int  # when the keyboard sent it (the window system's clock); 0 when unknown
    at: float  # when it was handled (s, the caller's monotonic clock)
    payload: Any = None  # what the caller needs to deliver it as typing (the key and modifiers)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What to do: emit `scan` (a code), deliver `typing` to the focused widget; `ticking`: keep
    the heartbeat going (True) or stop it (False), None: as it is."""

    scan: str | None = None
    typing: tuple[Key, ...] = ()
    ticking: bool | None = None


@dataclass
class Assembler:
    min_chars: int = 4
    max_gap_ms: int = 40
    prefix: str = ""
    suffix: str = ""
    keys: list[Key] = field(default_factory=list)
    gaps: list[float] = field(default_factory=list)  # each held key's gap to the one before, as judged
    prefixed: bool = False  # the held keys began with the scanner's prefix
    last_beat: float = 0.0  # the last sign of the thread being free (a heartbeat or a key handled)
    free_since: float = 0.0  # since when the thread has been seen free without a break
    busy_before: bool = False  # the thread was seen busy since the last key
    waited: int = 0  # quiet moments started again because the thread had been busy
    late_in_row: int = 0  # heartbeats in a row that came late (the thread busy before each)

    @property
    def holding(self) -> bool:
        return bool(self.keys)

    def key(self, key: Key) -> list[Outcome]:
        """A printable key (or GS). Held; what it settles is returned in order."""
        done: list[Outcome] = []
        if self._beat(key.at):
            self.busy_before = True  # the thread was busy while this key waited
        if self.prefixed:
            self._hold(key, 0.0)
            if self.suffix and self.code().endswith(self.suffix):
                return [self._emit()]
            return [Outcome(ticking=True)]
        gap = self._gap(key, self.keys[-1]) if self.keys else 0.0
        if gap > self.max_gap_ms:
            # A pause since the held keys: they are over. A burst whose quiet moment has not come
            # round yet (the thread was busy) is a scan; slower keys were a person typing.
            done.append(self._emit() if self._is_burst() else self._typing())
            gap = 0.0
        self.busy_before = False
        self._hold(key, gap)
        if self.prefix and self.code() == self.prefix:
            self.prefixed = True  # the scanner said a code follows
            return [*done, Outcome(ticking=True)]
        ends = self.suffix and len(self.keys) > len(self.suffix) and self.code().endswith(self.suffix)
        if ends and self._is_burst():
            return [*done, self._emit()]
        return [*done, Outcome(ticking=True)]

    def end_key(self) -> tuple[list[Outcome], bool]:
        """Enter or Tab while keys are held: the scanner's suffix ends a burst (and is swallowed:
        True), a person's Enter after typing is delivered after what they typed (False)."""
        if not self.keys:
            return [], False
        if self.prefixed or self._is_burst():
            return [self._emit()], True
        return [self._typing()], False

    def tick(self, now: float) -> list[Outcome]:
        """The heartbeat, every TICK_MS while keys are held: once the thread has been free for the
        whole quiet moment since the last key, the held keys are judged."""
        if not self.keys:
            return [Outcome(ticking=False)]
        if self._beat(now) and self.keys:
            self.waited += 1
            self.busy_before = True
            self.late_in_row += 1
            if self.late_in_row <= LATE_TICKS_DEFERRED:
                # Keys may be queued behind this late beat, typed while the thread was busy: they
                # are handled before the next beat, which judges. (Judging now, a thread busy past
                # WAIT_AT_MOST_S cut a scan's first key off as typing.)
                return []
        else:
            self.late_in_row = 0
        quiet_s = (PREFIXED_QUIET_MS if self.prefixed else self.max_gap_ms + SETTLE_MS) / 1000
        last = self.keys[-1].at
        if now - max(last, self.free_since) < quiet_s and now - last < WAIT_AT_MOST_S:
            return []
        if self.prefixed or self._is_burst():
            return [self._emit()]
        return [self._typing()]

    def code(self) -> str:
        return "".join(k.text for k in self.keys)

    def _beat(self, now: float) -> bool:
        """A sign of life at `now`; True when it came late (the thread was busy before it)."""
        late = bool(self.keys) and now - self.last_beat > LATE_S
        if late or not self.keys:
            self.free_since = now
        self.last_beat = now
        return late

    def _gap(self, key: Key, before: Key) -> float:
        """Time between two keys as typed: their own timestamps where both have one. Without, the
        handling times, except across a moment the thread was busy (they waited, not the person)."""
        if key.stamp_ms and before.stamp_ms:
            return float(key.stamp_ms - before.stamp_ms)
        if self.busy_before:
            return 0.0
        return round((key.at - before.at) * 1000, 3)

    def _hold(self, key: Key, gap: float) -> None:
        self.keys.append(key)
        self.gaps.append(gap)

    def _is_burst(self) -> bool:
        return len(self.keys) >= self.min_chars and all(gap <= self.max_gap_ms for gap in self.gaps)

    def _emit(self) -> Outcome:
        code = self.code()
        if self.prefixed:
            code = code[len(self.prefix) :]
        if self.suffix and code.endswith(self.suffix):
            code = code[: -len(self.suffix)]
        self._reset()
        return Outcome(scan=code or None, ticking=False)

    def _typing(self) -> Outcome:
        keys = tuple(self.keys)
        self._reset()
        return Outcome(typing=keys, ticking=False)

    def _reset(self) -> None:
        self.late_in_row = 0
        self.keys = []
        self.gaps = []
        self.prefixed = False
        self.busy_before = False
