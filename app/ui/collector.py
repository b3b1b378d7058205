"""When Python's full garbage collection runs on a screen: when nobody is waiting on it.

A full collection (the oldest generation) walks every object the process holds. On a busy day's
supervisor desk that is some 335,000 objects (20,000 open orders and their lines, 500 waves, the
rows of every list): 200-250 ms of the GUI thread's own time on a quiet machine and three times
that on a loaded one, at whatever moment the allocations happen to trigger it, in the middle of a
scan, a key press or a list refresh. Python 3.11 has no incremental collector, so the screen
decides when:

- what exists once the screen is built (modules, classes, the window) is frozen: it lives as long
  as the process and no collection walks it again;
- the young generations stay Python's (a millisecond or less each, and they free most garbage);
- the full collection runs once a pause begins: no one has pressed a key, touched the screen or
  scanned for `IDLE_S`. A screen left alone (a desk refreshing its lists) collects again every
  `OVERDUE_S`; a bench never left alone that long gets it in its first short pause once it is
  `OVERDUE_S` late, and at once when it is `FORCED_S` late (garbage in cycles cannot pile up for
  a whole shift).

Objects freed by reference counting (nearly all) are freed at once as always; only garbage in
cycles waits for the next full collection.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

IDLE_S = 15.0  # no input this long: nobody waits on the GUI thread
OVERDUE_S = 600.0  # then a short pause is enough
SHORT_PAUSE_S = 2.0  # between two parcels
FORCED_S = 1800.0  # a screen that never pauses still collects
TICK_MS = 1000
NEVER = 2**31 - 1  # the oldest generation's threshold: never by allocation
TIMER_NAME = "idle-collection"  # the GUI-thread watchdog in the tests knows this timer by its name

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
    }
)

_users = 0  # screens started and not stopped: the policy is the process's, set once
_saved_threshold: tuple[int, int, int] | None = None


class IdleCollector(QObject):
    """Runs the full garbage collection in the screen's idle moments; `touch()` for input that
    arrives as no Qt event (a serial scanner)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_input = clock()
        self._last_full = clock()
        self._timer = QTimer(self)
        self._timer.setObjectName(TIMER_NAME)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._started = False
        self.collections = 0

    def start(self) -> IdleCollector:
        global _users, _saved_threshold
        if self._started:
            return self
        self._started = True
        if _users == 0:
            _saved_threshold = gc.get_threshold()
            gc.freeze()  # O(1): the built screen moves to the permanent generation
            young, middle, _ = _saved_threshold
            gc.set_threshold(young, middle, NEVER)
        _users += 1
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()
        return self

    def stop(self) -> None:
        global _users, _saved_threshold
        if not self._started:
            return
        self._started = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        _users -= 1
        if _users == 0 and _saved_threshold is not None:
            gc.set_threshold(*_saved_threshold)
            gc.unfreeze()  # back to the oldest generation: collected as Python always would
            _saved_threshold = None

    def touch(self) -> None:
        self._last_input = self._clock()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = self._clock()
        return False

    def due(self) -> bool:
        now = self._clock()
        quiet, late = now - self._last_input, now - self._last_full
        first_of_this_pause = quiet >= IDLE_S and self._last_full < self._last_input
        return first_of_this_pause or (late >= OVERDUE_S and quiet >= SHORT_PAUSE_S) or late >= FORCED_S

    def tick(self) -> None:
        if not self.due():
            return
        started = time.perf_counter()
        found = gc.collect()
        self._last_full = self._clock()
        self.collections += 1
        took_ms = (time.perf_counter() - started) * 1000
        log.debug("full garbage collection: %d unreachable, %.0f ms", found, took_ms)
