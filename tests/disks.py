"""Disks that misbehave the way station disks do: filled up, or damaged."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.db import Database


class SmallDisk:
    """A real filesystem that can be filled: a 32 MB tmpfs holding a copy of the demo database.

    Full means the filesystem has no byte left (a filler file took it), so SQLite's next WAL
    append fails with SQLITE_FULL exactly as on a station whose disk filled up.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    def fill(self, db: Database) -> None:
        with db.engine.connect() as c:  # an empty WAL: the next commit must grow it
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            for size in (1 << 16, 1):
                try:
                    while os.write(fd, b"\0" * size):
                        pass
                except OSError:
                    pass
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink()


@pytest.fixture
def small_disk(demo_db_path: Path, tmp_path: Path) -> Iterator[SmallDisk]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk is made with a tmpfs mount, which needs root")
    root = tmp_path / "disk"
    root.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(root)], check=True)
    try:
        shutil.copy(demo_db_path, root / "packline.db")
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)


def damage_orders(path: Path) -> None:
    """Overwrite the orders table's and its indexes' root pages, leaving the header intact."""
    raw = sqlite3.connect(path)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    roots = [
        r[0]
        for r in raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'orders' AND rootpage > 1"
        ).fetchall()
    ]
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    with path.open("r+b") as f:
        for root in roots:
            f.seek((root - 1) * page_size)
            f.write(b"\xa5" * page_size)
