"""Running callbacks on the GUI thread from worker threads (Picard's `to_main`, in Qt 6).

The station's one way to leave the GUI thread is app.runner.Operations (its writes go through
app.store.writer.SerialWriter); this module gives both the `post` that lands their callbacks
back on the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class GuiPoster(QObject):
    """`post(fn)` from any thread runs `fn()` on the thread that owns this object."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        try:
            self._call.emit(fn)
        except RuntimeError:
            # The window that asked has closed (shutdown): there is no one left to tell. Work
            # itself is never dropped here, only the callback that would have shown its result.
            log.debug("GUI gone: a background result was not shown")

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        # PySide6 swallows exceptions raised in slots: log them so they are seen (and fail tests).
        try:
            fn()
        except Exception:
            log.exception("callback on the GUI thread failed")
