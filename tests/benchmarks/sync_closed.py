"""What the central server costs per event, measured against what the database itself needs.

A closed loop: 20 station processes push batches of real packs (each an open order with its own
lines, checked by the server as every pack is) back to back, each waiting only for its previous
answer, on one server process and PostgreSQL. It reports the events accepted per second and the
CPU the server and PostgreSQL spent per event. The floor in the same run: the same number of
events inserted into the same tables (the event log, the order's document with a new revision)
by one bare SQL client in batches of the same size, with the CPU that client and PostgreSQL spent
per event. The ratio says what the server's checks, validation and HTTP cost over that floor.
"""

from __future__ import annotations

import multiprocessing
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BATCH = 20  # packs a push: a station's queue after a minute offline on a busy bench


def _station(args: tuple[str, str, str, list[dict[str, Any]], float]) -> dict[str, Any]:
    from sync.client import ServerConfig, SyncClient, SyncError

    url, name, token, orders, start_at = args
    client = SyncClient(ServerConfig(url, token))
    time.sleep(max(0.0, start_at - time.time()))
    accepted = refused = 0
    errors: list[str] = []
    first_refusal = ""
    started = time.perf_counter()
    for at in range(0, len(orders), BATCH):
        now = datetime.now(UTC).isoformat()
        events = [
            {"id": str(uuid.uuid4()), "type": "order.packed", "station": name, "operator": "P0001",
             "occurred_at": now,
             "payload": {"pack_id": str(uuid.uuid4()), "order_no": o["order_no"], "packed_at": now,
                         "operator": "P0001", "lines": o["lines"],
                         "weight": {"expected_g": 500, "actual_g": 505, "allowed_g": 30}}}
            for o in orders[at : at + BATCH]
        ]  # fmt: skip
        try:
            for result in client.push(events):
                if result.outcome.value == "accepted":
                    accepted += 1
                else:
                    refused += 1
                    first_refusal = first_refusal or result.reason
        except SyncError as exc:
            errors.append(str(exc))
    elapsed = time.perf_counter() - started
    client.close()
    return {"accepted": accepted, "refused": refused, "first_refusal": first_refusal, "errors": errors,
            "elapsed_s": elapsed}  # fmt: skip


def _bare_inserts(dsn: str, events: list[tuple[str, str, str]], station: str) -> float:
    """The floor: each batch in one transaction, the event rows inserted and each order's document
    written with a new revision, by one client. Returns the client's CPU seconds."""
    import json

    import psycopg

    cpu = time.process_time()
    with psycopg.connect(dsn) as c:
        for at in range(0, len(events), BATCH):
            batch = events[at : at + BATCH]
            now = datetime.now(UTC)
            with c.transaction(), c.cursor() as cur:
                cur.executemany(
                    "INSERT INTO events (id, type, station, operator, occurred_at, received_at, payload, "
                    "outcome, reason) VALUES (%s, 'order.packed', %s, 'P0001', %s, %s, %s, 'accepted', '')",
                    [(str(uuid.uuid4()), station, now, now, payload) for _, _, payload in batch],
                )
                cur.executemany(
                    "UPDATE entities SET data = %s::json, rev = nextval('entity_rev_seq'), updated_at = %s "
                    "WHERE kind = 'order' AND key = %s",
                    [(json.dumps({"order_no": key, "status": "packed", "doc": doc}), now, key)
                     for key, doc, _ in batch],
                )  # fmt: skip
    return time.process_time() - cpu


def bench_closed(stations: int = 20, per_station: int = 300, orders: int = 8000) -> dict[str, Any]:
    import json

    import psutil

    from app.store import demo
    from app.store.db import open_database
    from app.store.export import export_document
    from sync.server.store import open_store
    from tests.benchmarks.sync_load import _cpu_seconds, open_order
    from tests.sync.servers import PostgresCluster, ServerProcess

    cluster = PostgresCluster()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db_url = cluster.new_database()
            source = open_database(Path(tmp) / "source.db")
            demo.generate(source, orders=orders, customers=orders // 2)
            document = json.loads(json.dumps(export_document(source), ensure_ascii=False))
            source.close()
            store = open_store(db_url)
            assert not store.import_documents(document).errors
            tokens = {f"LOOP-{i:02d}": store.add_station(f"LOOP-{i:02d}") for i in range(stations)}
            store.engine.dispose()
            open_orders = [open_order(o) for o in document["orders"] if o["status"] == "new" and o["lines"]]
            share = min(per_station, len(open_orders) // (stations + 1))
            server = ServerProcess(db_url, workers=1)
            postgres = [cluster.postmaster()]
            try:
                start_at = time.time() + 5
                jobs = [
                    (server.url, name, token, open_orders[i * share : (i + 1) * share], start_at)
                    for i, (name, token) in enumerate(tokens.items())
                ]
                watched = [psutil.Process(server.proc.pid), *postgres]
                with multiprocessing.get_context("spawn").Pool(stations) as pool:
                    pending = pool.map_async(_station, jobs)
                    time.sleep(max(0.0, start_at - time.time() - 0.05))
                    cpu_before, wall = _cpu_seconds(watched), time.perf_counter()
                    done = pending.get()
                    wall = time.perf_counter() - wall
                    cpu_after = _cpu_seconds(watched)
            finally:
                server.stop()
            accepted = sum(r["accepted"] for r in done)
            server_cpu_ms = (cpu_after - cpu_before) * 1000 / max(accepted, 1)

            # The floor, in the same run: the orders left over, the same number of events.
            spare = open_orders[stations * share :]
            floor_events = [(o["order_no"], o["lines"], json.dumps({"lines": o["lines"]})) for o in spare]
            floor_events = (floor_events * (accepted // max(len(floor_events), 1) + 1))[:accepted]
            dsn = db_url
            pg_before = _cpu_seconds(postgres)
            client_cpu = _bare_inserts(dsn, floor_events, "FLOOR")
            floor_cpu_s = _cpu_seconds(postgres) - pg_before + client_cpu
            floor_cpu_ms = floor_cpu_s * 1000 / max(len(floor_events), 1)
    finally:
        cluster.stop()
    return {
        "stations": stations,
        "accepted": accepted,
        "refused": sum(r["refused"] for r in done),
        "first_refusal": next((r["first_refusal"] for r in done if r["first_refusal"]), ""),
        "errors": sum(len(r["errors"]) for r in done),
        "events_per_s": accepted / wall,
        "server_and_pg_cpu_ms_per_event": server_cpu_ms,
        "floor_cpu_ms_per_event": floor_cpu_ms,
        "ratio": server_cpu_ms / floor_cpu_ms,
    }


if __name__ == "__main__":
    print(bench_closed())
