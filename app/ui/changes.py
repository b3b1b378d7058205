"""Change notices on the GUI thread: the station's `ChangeHub` tells every open screen what kinds
of data a write or a pull changed (app.core.changes); `Redraw` is how a screen acts on them; and
`DatabaseWatcher` hears the commits of another process (the wall board beside a station).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.changes import Change, ChangeNotice, Initiator
from app.runner import Answer, Operations
from app.store.data_version import DataVersion

log = logging.getLogger(__name__)

COALESCE_MS = 700  # notices closer than this redraw once: a busy floor's pulls come every second
WATCH_MS = 2000


class ChangeHub(QObject):
    """The one place notices are told; screens connect to `changed`."""

    changed = Signal(object)  # a ChangeNotice

    def notify(self, notice: ChangeNotice | None) -> None:
        if notice is not None:
            self.changed.emit(notice)


class Redraw(QObject):
    """A screen's redraw on notices: those touching what it shows are gathered for `COALESCE_MS`
    and the screen redraws once; a screen that does not show (`showing()` false) redraws nothing
    now, and reads afresh when it is shown again, as it does anyway."""

    def __init__(
        self,
        watches: frozenset[Change],
        showing: Callable[[], bool],
        redraw: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.watches = watches
        self._showing = showing
        self._redraw = redraw
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._due)
        self.redraws = 0

    def hear(self, notice: ChangeNotice) -> None:
        if notice.touches(*self.watches) and self._showing() and not self._timer.isActive():
            self._timer.start()

    def _due(self) -> None:
        if self._showing():
            self.redraws += 1
            self._redraw()


class DatabaseWatcher(QObject):
    """Commits made to a station database by another process (the station the wall board stands
    beside), heard by SQLite's `data_version` on a connection of its own, read off the GUI
    thread every `WATCH_MS`: a notice of every kind when it moved (which rows, it cannot say)."""

    def __init__(self, path: Path, ops: Operations, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counter = DataVersion(path)
        self._ops = ops
        self._hub = hub
        self._version: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self._look)

    def start(self) -> DatabaseWatcher:
        self._timer.start()
        return self

    def stop(self) -> None:
        self._timer.stop()
        self._counter.close()

    def _look(self) -> None:
        self._ops.query(self._counter.read, self._seen, what="watching the database", latest="database-watch")

    def _seen(self, answer: Answer[int]) -> None:
        version = answer.value
        if version is None:
            return
        moved = self._version is not None and version != self._version
        self._version = version
        if moved:
            self._hub.notify(ChangeNotice(frozenset(Change), Initiator.ELSEWHERE))
