"""Running callbacks on the GUI thread from worker threads (Picard's `to_main`, in Qt 6).

The station's one way to leave the GUI thread is app.store.writer.SerialWriter; this module
gives it a `post` that lands callbacks back on the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
import threading
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


def run_in_background(
    poster: GuiPoster, fn: Callable[[], object], on_done: Callable[[object, BaseException | None], None]
) -> None:
    """Run blocking work (a printer, the network) on a daemon thread; `on_done(result, error)`
    runs on the GUI thread."""

    def work() -> None:
        try:
            result: object = fn()
        except Exception as exc:
            error = exc  # `exc` is unbound once the except block ends; the lambda runs later
            poster.post(lambda: on_done(None, error))
            return
        poster.post(lambda: on_done(result, None))

    threading.Thread(target=work, name="background", daemon=True).start()
