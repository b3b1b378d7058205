"""SQLite's `data_version` on a connection of its own: it moves when any other connection (this
process's or another's) commits to the database, so a reader beside a station can tell that
something changed without reading what."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class DataVersion:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()  # read from a pool's threads, one at a time
        self._connection: sqlite3.Connection | None = None

    def read(self) -> int:
        with self._lock:
            if self._connection is None:
                uri = f"{self._path.resolve().as_uri()}?mode=ro"
                self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
