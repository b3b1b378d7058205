"""Database trouble sorted by what a person can do about it.

Environment errors (locked, disk full, corrupt, made by a newer version) get a message that
tells the technician what to do; anything else is a bug and is logged with its context.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError


class StoreError(Exception):
    """A database problem the station cannot fix by itself. `code` keys the translated message."""

    code = "store_error"

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class DatabaseLocked(StoreError):
    code = "database_locked"


class DatabaseCorrupt(StoreError):
    code = "database_corrupt"


class DatabaseTooNew(StoreError):
    code = "database_too_new"


class DiskFull(StoreError):
    code = "disk_full"


class DatabaseUnavailable(StoreError):
    code = "database_unavailable"


def classify(exc: BaseException, path: str = "") -> StoreError | None:
    """The StoreError an exception from SQLite stands for, or None if it is not environmental."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(str(original), path)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DatabaseCorrupt(str(original), path)
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(str(original), path)
    if "unable to open" in text or "readonly" in text or "disk i/o" in text:
        return DatabaseUnavailable(str(original), path)
    return None
