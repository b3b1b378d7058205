"""Keyboard-wedge scanners: telling a scan burst from a person typing, whatever has focus.

A scanner in keyboard mode types a code as a burst of keys a few milliseconds apart, then
Enter, Tab or nothing. Installed on the QApplication, this filter holds printable keys back
for a moment: a fast burst becomes one `scanned` signal (its Enter never reaches a button,
and its characters never land in whatever field has focus); slow keys are handed on to the
focused widget unchanged, so people can still type.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

_SUFFIX_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}
GS = "\x1d"


@dataclass(frozen=True, slots=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float  # when it was processed (s)
    stamp_ms: int  # when the keyboard sent it, from the window system; 0 when unknown

    def gap_ms(self, before: _Key) -> float:
        """Time between two keys as typed: the events' own timestamps where both have one, so a
        busy GUI thread that handles a person's keys back to back does not make them a burst."""
        if self.stamp_ms and before.stamp_ms:
            return float(self.stamp_ms - before.stamp_ms)
        return (self.at - before.at) * 1000


class WedgeFilter(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        min_chars: int = 4,
        max_gap_ms: int = 40,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.min_chars = min_chars
        self.max_gap_ms = max_gap_ms
        self._clock = clock
        self._keys: list[_Key] = []
        self._target: QWidget | None = None
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_quiet)
        self.enabled = True

    @property
    def holding(self) -> bool:
        """Keys are held back, not yet judged a scan or typing."""
        return bool(self._keys)

    def configure(self, min_chars: int, max_gap_ms: int) -> None:
        self.min_chars = max(2, min_chars)
        self.max_gap_ms = max(5, max_gap_ms)

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
        key = event.key()
        if key in _SUFFIX_KEYS and self._keys:
            return self._on_suffix(event)
        text = event.text()
        if not text or not (text.isprintable() or text == GS):
            return False
        pressed = _Key(key, event.modifiers(), text, self._clock(), int(event.timestamp()))
        if self._keys and pressed.gap_ms(self._keys[-1]) > self.max_gap_ms:
            self._flush_as_typing()  # a pause: what came before was a person typing
        self._target = obj
        self._keys.append(pressed)
        self._timer.start(self.max_gap_ms)
        return True

    def _is_burst(self) -> bool:
        if len(self._keys) < self.min_chars:
            return False
        # Every gap within the limit: keys held back while the GUI thread was busy still carry
        # the times they were typed at.
        return all(b.gap_ms(a) <= self.max_gap_ms for a, b in zip(self._keys, self._keys[1:], strict=False))

    def _on_suffix(self, event: QKeyEvent) -> bool:
        self._timer.stop()
        if self._is_burst():
            self._emit()
            return True  # the scanner's Enter never reaches the focused widget
        self._flush_as_typing()
        return False  # a person pressed Enter after typing: deliver it normally

    def _on_quiet(self) -> None:
        # No key for max_gap_ms: a burst without a suffix, or someone typing slowly.
        if self._is_burst():
            self._emit()
        else:
            self._flush_as_typing()

    def _emit(self) -> None:
        code = "".join(k.text for k in self._keys)
        self._keys.clear()
        self.scanned.emit(code)

    def _flush_as_typing(self) -> None:
        keys, self._keys = self._keys, []
        target = QApplication.focusWidget() or self._target
        if target is None or not keys:
            return
        self._replaying = True
        try:
            for k in keys:
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False
