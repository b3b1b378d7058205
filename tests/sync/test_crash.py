"""SIGKILL the station's sync process at random moments, many times, during push and during pull:
afterwards the server holds every event exactly once and the station's data equals the server's."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace

from sqlalchemy import func, select

from app.store import models as m
from app.store.customers import record_preferences
from app.store.settings_store import load_settings, save_settings
from tests.sync.stations import ROOT, open_station, sync_cli
from tests.sync.test_sync_roundtrip import assert_station_equals_server

KILLS = 14


def _start_sync(data_dir) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), "sync", "--once"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _wait_for(condition, process: subprocess.Popen, timeout_s: float = 60.0) -> bool:
    """Poll until `condition()` holds (True) or the process has ended (False).

    Kills are tied to what the sync has done, not to the clock: a slow or busy machine (a cold CI
    run) moves the moments, never whether a kill lands inside a pull or a push."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.01)
    process.kill()
    raise AssertionError(f"the sync process made no progress in {timeout_s:.0f} s")


def _queue_edits(
    db, station: str, customers: list[tuple[str, str]], round_no: int, rng: random.Random
) -> None:
    for code, order_no in rng.sample(customers, 200):  # each with an order of theirs at hand
        record_preferences(
            db,
            code,
            {
                "note": f"第{round_no}轮备注 {rng.randint(0, 9999)}",
                "packaging": rng.choice(["simple", "gift", "standard"]),
            },
            station,
            None,
            order_no,
        )


def test_sigkill_during_push_and_pull_loses_and_duplicates_nothing(seeded, tmp_path):
    seed = int(os.environ.get("PACKLINE_CRASH_SEED", time.time()))
    rng = random.Random(seed)
    print(f"crash test seed {seed} (PACKLINE_CRASH_SEED to repeat)")
    token = seeded.store.add_station("PACK-K")
    data_dir = tmp_path / "station"

    # The first pull (about 5,000 entities in pages) is killed until one run gets through.
    from app.store.sync_local import StationSyncStore

    db = open_station(data_dir)
    from app.sync_service import register

    register(db, seeded.url, token)
    save_settings(db, replace(load_settings(db), sync_page_size=40))  # many pages: many places to die
    killed_in_pull, cursors = 0, []
    local = StationSyncStore(db)
    while killed_in_pull < KILLS // 2:
        before = local.cursor()
        process = _start_sync(data_dir)
        if killed_in_pull == 0:
            time.sleep(rng.uniform(0.05, 0.3))  # start-up, registration check or the first page
        elif _wait_for(lambda before=before: local.cursor() != before, process):
            time.sleep(rng.uniform(0.0, 0.3))  # this run applied a page: die within the next ones
        if process.poll() is not None:
            break  # it finished the whole pull first
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed_in_pull += 1
        cursors.append(local.cursor())
    print(f"cursors after each kill: {cursors}")
    assert any(cursors), "no kill landed after a page was applied"
    assert sync_cli(data_dir)[0] == 0
    with db.session() as s:
        at_hand = (
            select(m.Customer.code, func.min(m.Order.order_no))
            .join(m.Order, m.Order.customer_id == m.Customer.id)
            .where(m.Order.status == "new")
            .group_by(m.Customer.code)
            .limit(400)
        )
        customers = [(code, order_no) for code, order_no in s.execute(at_hand)]
    assert customers, "nothing was pulled"

    # Then edits pile up and every push is killed somewhere.
    killed_in_push = 0
    for round_no in range(KILLS):
        _queue_edits(db, "PACK-K", customers, round_no, rng)
        on_server = len(seeded.store.event_ids())
        process = _start_sync(data_dir)
        if round_no % 2 == 0:
            # The worst moment: the server applied the batch, the station has not recorded it yet.
            _wait_for(lambda on_server=on_server: len(seeded.store.event_ids()) > on_server, process)
        else:
            time.sleep(rng.uniform(0.05, 0.8))  # anywhere: start-up, sending, the pull after it
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed_in_push += 1
        process.wait()
        # The server sometimes changes the same customers meanwhile (the CRM side).
        seeded.store.set_preference(
            rng.choice(customers)[0], "preferred_carrier", rng.choice(["SF", "JD", "ZTO"])
        )
    print(f"killed {killed_in_pull} pulls and {killed_in_push} pushes")
    assert killed_in_push >= KILLS // 3, "the kills never landed during a push: make the batches bigger"

    code, summary = sync_cli(data_dir)
    assert code == 0, summary
    code, summary = sync_cli(data_dir)  # our own pushes' effects come back in this one
    assert code == 0 and summary["pushed"] == 0

    with db.session() as s:
        local_ids = set(s.scalars(select(m.OutboxEvent.id)))
        unsent = s.scalar(
            select(func.count()).select_from(m.OutboxEvent).where(m.OutboxEvent.sent_at.is_(None))
        )
        attention = s.scalar(
            select(func.count()).select_from(m.OutboxEvent).where(m.OutboxEvent.needs_attention.is_(True))
        )
    server_ids = seeded.store.event_ids()
    assert unsent == 0 and attention == 0
    assert len(server_ids) == len(set(server_ids))  # exactly once
    assert set(server_ids) == local_ids  # every event
    assert StationSyncStore(db).pending_count() == 0
    assert_station_equals_server(db, seeded.store)
    db.close()
