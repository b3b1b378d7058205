"""Keyboard-wedge scanners in the window: every key event, whatever has focus, goes through this
filter. A scanner's burst becomes one `scanned` signal (its Enter never reaches a button, its
characters never land in a field); a person's keys are handed on to the focused widget unchanged.

Which is which is decided by scanner.wedge.Assembler (pure, tested by fuzzing against an event
loop that is busy at the worst moments); this filter feeds it the keys with their window-system
timestamps and runs its heartbeat (a timer every few milliseconds while keys are held).

Text typed slowly into a field and then left there (a person interrupted, a piece of a code) is a
leftover: `forget_leftovers` clears such a field after a while, so it never joins the next thing
typed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from scanner.wedge import GS, TICK_MS, Assembler, Key, Outcome

log = logging.getLogger(__name__)

_SUFFIX_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}
LEFTOVER_S = 10.0  # text left unchanged this long in a scan field is a leftover


class WedgeFilter(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        min_chars: int = 4,
        max_gap_ms: int = 40,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        prefix: str = "",
        suffix: str = "",
    ) -> None:
        super().__init__(parent)
        self.burst = Assembler(min_chars, max_gap_ms, prefix, suffix)
        self._clock = clock
        self._target: QWidget | None = None
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(lambda: self._do(self.burst.tick(self._clock())))
        self.enabled = True

    @property
    def holding(self) -> bool:
        """Keys are held back, not yet judged a scan or typing."""
        return self.burst.holding

    @property
    def min_chars(self) -> int:
        return self.burst.min_chars

    @property
    def max_gap_ms(self) -> int:
        return self.burst.max_gap_ms

    def configure(self, min_chars: int, max_gap_ms: int, prefix: str = "", suffix: str = "") -> None:
        self.burst.min_chars = max(2, min_chars)
        self.burst.max_gap_ms = max(5, max_gap_ms)
        self.burst.prefix = prefix
        self.burst.suffix = suffix

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            not self.enabled
            or self._replaying
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(obj, QWidget)
        ):
            return False
        assert isinstance(event, QKeyEvent)
        shortcut = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if shortcut and event.text() != GS:  # GS arrives as Ctrl+] from some scanners
            return False
        if event.key() in _SUFFIX_KEYS and self.burst.holding:
            done, swallowed = self.burst.end_key()
            self._do(done)
            return swallowed  # a person's Enter after typing is delivered normally
        text = event.text()
        if not text or not (text.isprintable() or text == GS):
            return False
        self._target = obj
        key = Key(text, int(event.timestamp()), self._clock(), (event.key(), event.modifiers()))
        self._do(self.burst.key(key))
        return True

    def _do(self, outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.typing:
                self._deliver(outcome.typing)
            if outcome.scan is not None:
                self.scanned.emit(outcome.scan)
            if outcome.ticking is True and not self._timer.isActive():
                self._timer.start()
            elif outcome.ticking is False:
                self._timer.stop()

    def _deliver(self, keys: tuple[Key, ...]) -> None:
        target = QApplication.focusWidget() or self._target
        if target is None:
            return
        self._replaying = True
        try:
            for k in keys:
                code, modifiers = k.payload
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, code, modifiers, k.text))
        finally:
            self._replaying = False


def forget_leftovers(field: QLineEdit, after_s: float = LEFTOVER_S) -> QTimer:
    """Clear `field` when what was typed into it sits there untouched for `after_s`: a leftover
    (a person called away, a piece of a code) never joins the next thing typed or scanned."""
    timer = QTimer(field)
    timer.setSingleShot(True)
    timer.setInterval(int(after_s * 1000))

    def forget() -> None:
        if field.text():
            log.info("a leftover in the scan field was cleared: %r", field.text()[:40])
            field.clear()

    timer.timeout.connect(forget)
    field.textEdited.connect(lambda _text: timer.start())
    return timer
