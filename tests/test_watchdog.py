"""The GUI-thread watchdog catches a handler that works the GUI thread for longer than 200 ms, with
the stack of where it was, and leaves alone what is not the GUI thread's own work: a worker thread
holding the GIL, a test body building things outside the event loop."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from tests.watchdog import WatchedApplication


def busy(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def slow_slot() -> None:
    busy(0.3)


@pytest.mark.gui
@pytest.mark.stalls_gui
def test_a_timer_slot_that_works_for_300_ms_is_a_stall_with_its_stack(qapp, qtbot):
    assert isinstance(qapp, WatchedApplication)
    qapp.reset_watch()
    QTimer.singleShot(0, slow_slot)
    qtbot.wait(400)
    seen = qapp.reset_watch()
    assert len(seen.stalls) == 1
    stall = seen.stalls[0]
    assert stall.cpu_s >= 0.29 and stall.event.startswith(("Timer", "MetaCall"))
    assert "slow_slot" in stall.stack  # where the GUI thread was


@pytest.mark.gui
def test_waiting_and_other_threads_are_not_the_gui_threads_work(qapp, qtbot):
    qapp.reset_watch()
    worker = threading.Thread(target=busy, args=(0.5,))
    worker.start()  # another thread busy (it takes turns at the GIL with the GUI thread)
    QTimer.singleShot(0, lambda: time.sleep(0.3))  # blocked, not working: not this watchdog's
    qtbot.wait(600)
    worker.join()
    busy(0.3)  # the test body's own time, outside the event loop
    seen = qapp.reset_watch()
    assert seen.stalls == [] and seen.deliveries > 0
