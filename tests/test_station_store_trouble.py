"""The station tells the truth when its database cannot take or give what it needs.

Disk full is a real full filesystem (a small tmpfs filled up); a damaged database is a file
whose order pages were overwritten.
"""

from __future__ import annotations

import shutil
import threading

import pytest
from sqlalchemy import select

from app.core.pack_session import Phase, VerdictKind
from app.core.settings import StationSettings
from app.station import PackingStation, SaveResult
from app.store import models as m
from app.store.db import Database, open_database
from app.store.errors import StoreError
from app.store.packing import PackingStore
from app.store.writer import SerialWriter
from tests.disks import damage_orders
from tests.waiting import wait_until


def packing_station(db: Database) -> tuple[PackingStation, SerialWriter, list[SaveResult]]:
    results: list[SaveResult] = []
    lock = threading.Lock()
    holder: dict[str, PackingStation] = {}

    def post(fn) -> None:  # the GUI thread's role: one callback at a time
        with lock:
            fn()

    writer = SerialWriter(post=post, on_health=lambda error: holder["station"].writer_trouble(error))
    station = PackingStation(PackingStore(db, "PACK-01"), writer, StationSettings(), on_saved=results.append)
    holder["station"] = station
    return station, writer, results


def scan_all_items(station: PackingStation, sample: dict) -> None:
    station.handle_scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            station.handle_scan(item["barcode"])
    assert station.state.phase is Phase.WEIGHING


@pytest.mark.logs_errors
def test_a_pack_on_a_full_disk_is_not_called_packed_keeps_the_order_open_and_saves_once_space_is_back(
    small_disk, samples
):
    demo_db = open_database(small_disk.root / "packline.db")
    station, writer, results = packing_station(demo_db)
    station.sign_in_badge("P0001")
    sample, following = samples["ready"][0], samples["ready"][1]
    scan_all_items(station, sample)
    writer.wait_idle()

    small_disk.fill(demo_db)
    decided = station.handle_weight(station.state.expected_g)
    assert decided.kind is VerdictKind.PACKED  # the core's decision...
    assert station.is_unsaved(decided)  # ...not yet a fact
    wait_until(lambda: any(r.kind == "waiting" for r in results))
    waiting = next(r for r in results if r.kind == "waiting")
    assert waiting.order_no == sample["order_no"]
    assert isinstance(waiting.error, StoreError) and waiting.error.code == "disk_full"
    assert "packed" not in [r.kind for r in results]
    # The order is still on the bench, open, and no new work is taken until it is saved.
    assert station.state.order.order_no == sample["order_no"]
    refused = station.handle_scan(following["order_no"])
    assert refused.kind is VerdictKind.NOT_SAVED and refused.detail == "disk_full"
    assert station.handle_weight(1000).kind is VerdictKind.NOT_SAVED
    with demo_db.session() as s:
        status = s.scalar(select(m.Order.status).where(m.Order.order_no == sample["order_no"]))
    assert status != "packed"

    small_disk.free()
    wait_until(lambda: "packed" in [r.kind for r in results])
    assert station.blocked is None and station.state.order is None
    with demo_db.session() as s:
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        events = s.scalars(select(m.OutboxEvent.type).where(m.OutboxEvent.type == "order.packed")).all()
        labels = s.scalars(select(m.PrintJob.kind).where(m.PrintJob.order_id == order.id)).all()
    assert order.status == "packed" and events == ["order.packed"] and "label" in labels
    # The next scan works again.
    assert station.handle_scan(following["order_no"]).kind is VerdictKind.ORDER_LOADED
    writer.close()
    demo_db.close()


@pytest.mark.logs_errors
def test_a_damaged_database_makes_a_scan_say_so_instead_of_doing_nothing(demo_db_path, samples, tmp_path):
    db = open_database(demo_db_path)
    station, writer, _results = packing_station(db)
    station.sign_in_badge("P0001")
    writer.close()
    db.close()
    damaged = tmp_path / "damaged.db"
    shutil.copy(demo_db_path, damaged)
    damage_orders(damaged)

    db = open_database(damaged, upgrade=False)
    station, writer, _results = packing_station(db)
    station.sign_in_badge("P0001")  # operators live on pages that are still whole
    verdict = station.handle_scan(samples["ready"][0]["order_no"])
    assert verdict.kind is VerdictKind.STORE_ERROR and verdict.detail == "database_corrupt"
    assert verdict.severity.value == "error"
    writer.close()
    db.close()


@pytest.mark.parametrize("code", ["disk_full", "database_corrupt", "database_unavailable", "database_locked"])
def test_every_store_problem_has_words_for_the_packer(qapp, code):
    from app.ui import messages

    assert messages.store_problem_text(code) != messages.store_problem_text("something_else")
