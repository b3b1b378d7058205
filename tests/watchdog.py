"""The GUI-thread watchdog every GUI test runs under: no event may keep the GUI thread busy with
its own work for longer than 200 ms at a stretch.

A packer's scan is a key event; a supervisor's list refresh is a queued call; a wave release is
a timer: everything the station does on the GUI thread is the delivery of one event. The test
application (`WatchedApplication`) times each outermost delivery in the GUI thread's own CPU time
(`time.thread_time`), so a loaded CI machine that starves the process, or a worker thread holding
the GIL, does not count against the GUI; the work the event itself did does. A heartbeat thread
watches the delivery in progress and, once it has run for longer than the limit by the wall clock,
takes the GUI thread's stack: the report says which event, which receiver, how long, and where the
time went.

What is timed is what the event loop delivers (inside an event loop: qtbot's waits, waitSignal,
a running application), what only an event loop delivers wherever it runs (queued calls, timers,
repaints and re-layouts, also from a bare `processEvents()`), and every input event however it is
sent (a test's key presses stand for a scanner or a person). A test body that builds a window or
calls a method directly, outside any event loop, spends the test's own time, not the station's.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QThread
from PySide6.QtWidgets import QApplication

from app.ui.collector import TIMER_NAME as IDLE_TIMER

LIMIT_S = 0.2
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchEnd,
    QEvent.Type.Wheel,
}
_POSTED = {QEvent.Type.MetaCall, QEvent.Type.Timer, QEvent.Type.UpdateRequest, QEvent.Type.LayoutRequest}
_TIMED = _INPUT | _POSTED


@dataclass
class Stall:
    cpu_s: float
    wall_s: float
    event: str
    receiver: str
    stack: str = ""
    gc_s: float = 0.0
    gc_generation: int = -1

    def describe(self) -> str:
        collected = (
            f", {self.gc_s * 1000:.0f} ms of it in a garbage collection of generation {self.gc_generation}"
            if self.gc_generation >= 0
            else ""
        )
        return (
            f"GUI thread busy {self.cpu_s * 1000:.0f} ms of its own CPU ({self.wall_s * 1000:.0f} ms wall)"
            f"{collected} delivering {self.event} to {self.receiver}\n{self.stack}"
        )


@dataclass
class _Delivery:
    started: float  # monotonic
    cpu: float  # thread_time at the start
    stack: str = ""
    taken: bool = False
    gc_s: float = 0.0  # in the garbage collector, which holds the interpreter (no stack can be taken)
    gc_generation: int = -1  # the oldest generation it collected
    gc_started: float = 0.0


@dataclass
class Watch:
    """What the watchdog saw since it was last reset."""

    stalls: list[Stall] = field(default_factory=list)
    longest_cpu_s: float = 0.0
    deliveries: int = 0


class WatchedApplication(QApplication):
    """A QApplication that times each outermost event delivery on the GUI thread."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.watch = Watch()
        self.limit_s = LIMIT_S
        self._depth = 0
        self._delivery: _Delivery | None = None
        self._gui_ident = threading.get_ident()
        self._stop = threading.Event()
        self._heartbeat = threading.Thread(target=self._beat, name="gui-watchdog", daemon=True)
        self._heartbeat.start()
        gc.callbacks.append(self._collecting)

    def _collecting(self, phase: str, info: dict[str, int]) -> None:
        delivery = self._delivery
        if delivery is None or threading.get_ident() != self._gui_ident:
            return
        if phase == "start":
            delivery.gc_started = time.monotonic()
            delivery.gc_generation = max(delivery.gc_generation, info["generation"])
        else:
            delivery.gc_s += time.monotonic() - delivery.gc_started

    def reset_watch(self) -> Watch:
        seen, self.watch = self.watch, Watch()
        return seen

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        if (
            self._depth
            or threading.get_ident() != self._gui_ident
            or not (QThread.currentThread().loopLevel() or event.type() in _TIMED)
        ):
            return super().notify(receiver, event)
        self._depth = 1
        delivery = _Delivery(time.monotonic(), time.thread_time())
        self._delivery = delivery
        try:
            return super().notify(receiver, event)
        finally:
            self._delivery = None
            self._depth = 0
            cpu = time.thread_time() - delivery.cpu
            watch = self.watch
            watch.deliveries += 1
            watch.longest_cpu_s = max(watch.longest_cpu_s, cpu)
            if cpu > self.limit_s and not _idle_collection(receiver):
                watch.stalls.append(
                    Stall(
                        cpu,
                        time.monotonic() - delivery.started,
                        _event_name(event),
                        _receiver_name(receiver),
                        delivery.stack,
                        delivery.gc_s,
                        delivery.gc_generation,
                    )
                )

    def _beat(self) -> None:
        """Every 20 ms: a delivery running past the limit by the wall clock has its stack taken
        (once), so a stall's report says where the GUI thread was."""
        while not self._stop.wait(0.02):
            delivery = self._delivery
            if delivery is None or delivery.taken or time.monotonic() - delivery.started < self.limit_s:
                continue
            frame = sys._current_frames().get(self._gui_ident)
            delivery.taken = True
            if frame is not None:
                delivery.stack = "".join(traceback.format_stack(frame)[-25:])


def _idle_collection(receiver: QObject) -> bool:
    """The screen's own full garbage collection, run only when no one has given it input for a
    while (app/ui/collector.py): by design a moment nobody waits on, so not a stall."""
    try:
        return receiver.objectName() == IDLE_TIMER
    except RuntimeError:
        return False


def _event_name(event: QEvent) -> str:
    try:
        return f"{QEvent.Type(event.type()).name} ({type(event).__name__})"
    except ValueError:
        return f"event {int(event.type())} ({type(event).__name__})"


def _receiver_name(receiver: QObject) -> str:
    try:
        name = receiver.objectName()
    except RuntimeError:
        return "a deleted object"
    return f"{type(receiver).__name__}{f' {name!r}' if name else ''}"
