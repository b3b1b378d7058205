"""Recall: who received a lot, from a server holding 1,000,000 orders' traced units (PostgreSQL),
against a bare indexed query giving the same answer (the units of the lot with their customers'
documents, one statement), interleaved in the same run."""

from __future__ import annotations

import json
import random
import time
from datetime import UTC, date, datetime, timedelta

from tests.benchmarks.timing import percentile


def bench_trace(orders: int = 1_000_000, customers: int = 200_000, lots: int = 2_000, runs: int = 40) -> dict:
    import psycopg
    from sqlalchemy import text

    from sync.server.store import open_store
    from tests.sync.servers import PostgresCluster

    cluster = PostgresCluster()
    try:
        store = open_store(cluster.new_database())
        rng = random.Random(38)
        now = datetime.now(UTC)
        url = store.engine.url.render_as_string(hide_password=False).replace(
            "postgresql+psycopg", "postgresql"
        )
        units = 0
        with psycopg.connect(url) as pg, pg.cursor() as cur:
            with cur.copy("COPY entities (kind, key, rev, deleted, data, updated_at) FROM STDIN") as copy:
                for n in range(customers):
                    doc = {"code": f"C{n:07d}", "name": "客户", "phone": f"139{n:08d}", "tags": []}
                    copy.write_row(
                        ("customer", doc["code"], n + 1, False, json.dumps(doc, ensure_ascii=False), now)
                    )
            cur.execute("SELECT setval('entity_rev_seq', %s)", (customers,))
            columns = "order_no, customer, sku, parcel_no, serial, lot, expiry, station, packed_at"
            with cur.copy(f"COPY shipped_units ({columns}) FROM STDIN") as copy:
                for n in range(orders):
                    customer = f"C{rng.randrange(customers):07d}"
                    packed = now - timedelta(minutes=n)
                    for k in range(rng.choice((1, 1, 2))):  # 1.33 traced units an order
                        lot = rng.randrange(lots)
                        copy.write_row((f"B{n:09d}", customer, f"SKU-{lot % 300:03d}", 1, f"SN{n:09d}{k}",
                                        f"L{lot:05d}", date(2027, 1, 1) + timedelta(days=lot % 700),
                                        "PACK-01", packed))  # fmt: skip
                        units += 1
            pg.commit()
        with store.engine.connect() as c:
            c.execute(text("ANALYZE shipped_units"))
            c.execute(text("ANALYZE entities"))
            c.commit()
        bare_query = text(
            "SELECT u.order_no, u.customer, u.sku, u.serial, u.lot, u.expiry, u.parcel_no, u.station,"
            " u.packed_at, e.data FROM shipped_units u"
            " LEFT JOIN entities e ON e.kind = 'customer' AND e.key = u.customer"
            " WHERE u.lot = :lot"
        )

        def bare(lot: str) -> float:
            began = time.perf_counter()
            with store.engine.connect() as c:
                c.execute(bare_query, {"lot": lot}).all()
            return time.perf_counter() - began

        def traced(lot: str) -> tuple[float, int]:
            began = time.perf_counter()
            rows = store.trace(lot=lot)
            return time.perf_counter() - began, len(rows)

        for warm in range(3):
            bare(f"L{warm:05d}")
            traced(f"L{warm:05d}")
        trace_s, bare_s, found = [], [], []
        for _ in range(runs):
            lot = f"L{rng.randrange(lots):05d}"
            seconds, count = traced(lot)
            trace_s.append(seconds)
            found.append(count)
            bare_s.append(bare(lot))
        serial_s = []
        for _ in range(runs):
            began = time.perf_counter()
            assert store.trace(serial=f"SN{rng.randrange(orders):09d}0")
            serial_s.append(time.perf_counter() - began)
        store.engine.dispose()
        return {
            "units": units,
            "per_lot": sum(found) / len(found),
            "p99_ms": percentile(trace_s, 99) * 1000,
            "p50_ms": percentile(trace_s, 50) * 1000,
            "bare_p50_ms": percentile(bare_s, 50) * 1000,
            "bare_p99_ms": percentile(bare_s, 99) * 1000,
            "serial_p99_ms": percentile(serial_s, 99) * 1000,
            "ratio": percentile(trace_s, 50) / percentile(bare_s, 50),
        }
    finally:
        cluster.stop()
