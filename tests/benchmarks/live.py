"""Live changes: how long a change made in the office takes to reach an online station's database,
with two server processes behind one PostgreSQL (the change made through one, the station waiting
on the other), against the time of one sync that pulls one change, measured in the same run."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import percentile

CHANGES = 30


def bench_live(orders: int = 2000) -> dict[str, float]:
    from sqlalchemy import select

    from app.store import demo
    from app.store import models as m
    from app.store.db import open_database
    from app.store.export import export_document
    from app.store.sync_local import StationSyncStore
    from app.sync_service import make_client, register
    from sync.client import SyncLoop, sync_once
    from sync.server.store import open_store
    from tests.sync.servers import PostgresCluster, ServerProcess

    cluster = PostgresCluster()
    folder = Path(tempfile.mkdtemp(prefix="packline-live-"))
    try:
        source = open_database(folder / "source.db")
        demo.generate(source, orders=orders, customers=orders // 2)
        document = json.loads(json.dumps(export_document(source), ensure_ascii=False))
        source.close()
        url = cluster.new_database()
        store = open_store(url)
        assert not store.import_documents(document).errors
        first, second = ServerProcess(url), ServerProcess(url)
        station = open_database(folder / "station.db")
        register(station, first.url, store.add_station("LIVE-1"))
        local = StationSyncStore(station)
        client = make_client(station)
        assert client is not None
        while sync_once(client, local).pulled:  # the first pull
            pass
        new = [o for o in document["orders"] if o["status"] == "new"]

        def changed(order_no: str, status: str) -> bool:
            with station.session() as s:
                return s.scalar(select(m.Order.status).where(m.Order.order_no == order_no)) == status

        # The yardstick: one sync that pulls one change (the station polls for it).
        pulls = []
        for order in new[:CHANGES]:
            store.import_documents({"orders": [{**order, "status": "on_hold", "hold_reason": "other"}]})
            started = time.perf_counter()
            sync_once(client, local)
            pulls.append(time.perf_counter() - started)
            assert changed(order["order_no"], "on_hold")
        client.close()

        loop = SyncLoop(lambda: make_client(station), local, lambda _status: None, interval_s=300.0)
        loop.start().watch()
        time.sleep(1.0)  # the first sync done and the wait held: what a station looks like online
        latencies = []
        for order in new[:CHANGES]:
            started = time.perf_counter()
            store_second = {**order, "status": "cancelled"}
            _import_through(second.url, store, store_second)
            while not changed(order["order_no"], "cancelled"):
                time.sleep(0.001)
            latencies.append(time.perf_counter() - started)
        loop.stop()
        station.close()
        first.stop()
        second.stop()
        store.engine.dispose()
        pull_p50 = percentile(pulls, 50)
        return {
            "p50_s": percentile(latencies, 50),
            "p99_s": percentile(latencies, 99),
            "pull_p50_s": pull_p50,
            "ratio_p50": percentile(latencies, 50) / pull_p50,
        }
    finally:
        cluster.stop()


def _import_through(server_url: str, store, order: dict) -> None:
    """The office's change through the second server process (its own import endpoint)."""
    import requests

    token = getattr(_import_through, "token", None) or store.add_station("OFFICE", "admin")
    _import_through.token = token  # type: ignore[attr-defined]
    response = requests.post(
        f"{server_url}/api/v1/import",
        data=json.dumps({"orders": [order]}, ensure_ascii=False).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        timeout=30,
    )
    response.raise_for_status()
