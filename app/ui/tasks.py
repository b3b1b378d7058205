"""Running callbacks on the GUI thread from worker threads (Picard's `to_main`, in Qt 6).

The station's one way to leave the GUI thread is app.runner.Operations (its writes go through
app.store.writer.SerialWriter); this module gives both the `post` that lands their callbacks
back on the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from app.runner import Operations
    from app.store.writer import SerialWriter

log = logging.getLogger(__name__)


class GuiPoster(QObject):
    """`post(fn)` from any thread runs `fn()` on the thread that owns this object."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._lock = threading.Lock()
        self._waiting = 0  # posted, not yet run
        self._closed = False

    def post(self, fn: Callable[[], None]) -> None:
        with self._lock:
            self._waiting += 1
        try:
            self._call.emit(fn)
        except RuntimeError:
            with self._lock:
                self._waiting -= 1
            # The window that asked has closed (shutdown): there is no one left to tell. Work
            # itself is never dropped here, only the callback that would have shown its result.
            log.debug("GUI gone: a background result was not shown")

    @property
    def waiting(self) -> int:
        with self._lock:
            return self._waiting

    def deliver(self) -> None:
        """Run what is posted now, not at the event loop's next turn (a shutdown's last answers)."""
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def close(self) -> None:
        """What is posted from now on is not run: the windows it would show in are gone."""
        self._closed = True

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        with self._lock:
            self._waiting -= 1
        if self._closed:
            log.debug("GUI closed: a background result was not shown")
            return
        # PySide6 swallows exceptions raised in slots: log them so they are seen (and fail tests).
        try:
            fn()
        except Exception:
            log.exception("callback on the GUI thread failed")


def settle(poster: GuiPoster, ops: Operations, writer: SerialWriter | None, timeout_s: float = 10.0) -> bool:
    """Before a screen closes: every piece of work asked for runs and its answer is shown while the
    screen still exists, and so does the work those answers ask for in turn (a refresh after a
    save). Then the poster closes, so nothing runs later against a closed window or a stopped
    pool. False (and a log line) if work was still going after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        left = deadline - time.monotonic()
        idle = ops.wait_idle(max(left, 0)) and (writer is None or writer.wait_idle(max(left, 0)))
        if time.monotonic() >= deadline:
            break
        if poster.waiting:
            poster.deliver()
        elif idle:
            break
    poster.close()
    if not idle:
        log.warning("closing with work still running after %.0f s; its answers are not shown", timeout_s)
    return idle
