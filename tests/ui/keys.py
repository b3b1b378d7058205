"""Keys as a person or a scanner types them, with the times they were typed at: the wedge judges
a scan by the gaps between the keys' own timestamps, so a test needs no real waiting."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_clock = itertools.count(1_000_000, 10_000)  # ms: each call starts well after the last one


def typed_at(target: QWidget, text: str, every_ms: int, enter: bool = True) -> None:
    """`text` typed into `target` one key every `every_ms`, then Enter; delivered all at once, as
    the window system does after a busy moment."""
    start = next(_clock)
    for i, ch in enumerate(text):
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key(ord(ch)), Qt.KeyboardModifier.NoModifier, ch)
        event.setTimestamp(start + i * every_ms)
        QApplication.sendEvent(target, event)
    if enter:
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        key.setTimestamp(start + len(text) * every_ms)
        QApplication.sendEvent(target, key)


def type_slowly(text: str, target: QWidget | None = None) -> None:
    """A person typing (70 ms a key) into the focused widget, then Enter."""
    widget = target or QApplication.focusWidget()
    assert widget is not None
    typed_at(widget, text, every_ms=70)
