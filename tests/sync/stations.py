"""A station in the sync tests: a data folder, its database, and packing without a screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.core.pack_session import Phase, VerdictKind
from app.station import PackingStation
from app.store.db import Database, open_database
from app.store.packing import PackingStore
from app.store.settings_store import load_settings
from app.store.writer import SerialWriter

ROOT = Path(__file__).resolve().parents[2]


def sync_cli(data_dir: Path, *extra: str, timeout: float = 120) -> tuple[int, dict[str, Any]]:
    """`packline sync --once` as a separate process, as support or a script would run it."""
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), "sync", "--once", *extra],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    lines = done.stdout.strip().splitlines()
    assert lines, f"no output (exit {done.returncode}): {done.stderr}"
    return done.returncode, json.loads(lines[-1])


def open_station(data_dir: Path) -> Database:
    data_dir.mkdir(parents=True, exist_ok=True)
    return open_database(data_dir / "packline.db")


def pack(db: Database, sample: dict[str, Any], badge: str = "P0001") -> None:
    """Sign in, scan the order and every item, weigh: one `order.packed` event in the outbox."""
    writer = SerialWriter()
    settings = load_settings(db)
    station = PackingStation(PackingStore(db, settings.station_name), writer, settings)
    try:
        assert station.sign_in_badge(badge) is not None
        station.handle_scan(sample["order_no"])
        for item in sample["items"]:
            for _ in range(item["quantity"]):
                station.handle_scan(item["barcode"])
        assert station.state.phase is Phase.WEIGHING, station.state.phase
        assert station.handle_weight(station.state.expected_g).kind is VerdictKind.PACKED
    finally:
        writer.close()
