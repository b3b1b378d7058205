"""Supervisor insight: the floor board's refresh against a bare aggregate of the same packs, and the
customer-segment run against a single GROUP BY of the same orders, each baseline measured in the
same run, interleaved."""

from __future__ import annotations

import json
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.benchmarks.timing import percentile


def bench_board(stations: int = 20, packs: int = 50_000, runs: int = 30) -> dict[str, float]:
    """A station database holding `packs` finished packs today across `stations` stations (the
    busiest a desk reads), with a wrong scan or weight failure in one pack of ten."""
    from sqlalchemy import insert, select, text

    from app.core.model import PackStatus
    from app.core.performance import day_window
    from app.store import demo
    from app.store import models as m
    from app.store.db import open_database
    from app.store.floor import board

    path = Path(tempfile.mkdtemp(prefix="packline-board-")) / "packline.db"
    db = open_database(path)
    demo.generate(db, orders=2000)
    rng = random.Random(3)
    start, now = day_window(datetime.now(UTC))
    span = max(60.0, (now - start).total_seconds() - 60)
    with db.session() as s, s.begin():
        orders = s.scalars(select(m.Order.id)).all()
        operators = s.scalars(select(m.Operator.id)).all()
        sessions, events = [], []
        for n in range(packs):
            ended = start + timedelta(seconds=rng.uniform(30, span))
            sid = f"bench-{n:08d}"
            held = rng.random() < 0.02
            sessions.append(
                {"id": sid, "order_id": rng.choice(orders), "station": f"PACK-{n % stations:02d}",
                 "operator_id": rng.choice(operators),
                 "status": PackStatus.HELD if held else PackStatus.PACKED,
                 "started_at": ended - timedelta(seconds=rng.uniform(20, 200)), "ended_at": ended,
                 "lines": (lines := rng.randint(1, 4)), "units": lines + rng.randint(0, 3),
                 "steps": rng.randint(0, 2), "cards": rng.randint(0, 1), "parcels": 1}
            )  # fmt: skip
            if n % 10 == 0:
                events.append(
                    {"session_id": sid, "at": ended, "station": f"PACK-{n % stations:02d}",
                     "operator_id": sessions[-1]["operator_id"], "kind": "scan", "raw": "x",
                     "verdict": rng.choice(("wrong_item", "weight_failed")), "sku_code": "", "quantity": 0}
                )  # fmt: skip
        for chunk in range(0, len(sessions), 5000):
            s.execute(insert(m.PackSession), sessions[chunk : chunk + 5000])
        s.execute(insert(m.PackEvent), events)
    # The bare aggregate: the same sums over the same packs, one statement, no ORM, nothing else.
    bare_sql = text(
        "SELECT station, operator_id, count(*), sum(lines), sum(units), sum(steps), sum(cards), sum(parcels),"
        " sum(busy_s), count(override_by) FROM pack_sessions WHERE ended_at >= :since AND status = 'packed'"
        " GROUP BY 1, 2"
    ).bindparams(since=start.astimezone(UTC).replace(tzinfo=None).isoformat(" "))
    board(db, start)  # warm
    times, floor = [], []
    for _ in range(runs):
        began = time.perf_counter()
        with db.engine.connect() as c:
            c.execute(bare_sql).all()
        floor.append(time.perf_counter() - began)
        began = time.perf_counter()
        shown = board(db, start)
        times.append(time.perf_counter() - began)
    assert sum(t.orders for t in shown.by_station.values()) > packs * 0.9
    db.close()
    return {
        "p50_ms": percentile(times, 50) * 1000,
        "p99_ms": percentile(times, 99) * 1000,
        "bare_p50_ms": percentile(floor, 50) * 1000,
        "ratio": percentile(times, 50) / percentile(floor, 50),
    }


def bench_segments(orders: int = 1_000_000, customers: int = 200_000) -> dict[str, float]:
    """RFM and lifecycle over `orders` orders of `customers` customers in PostgreSQL: the run (the
    first, which tags everyone; then a steady night with few changes) against one GROUP BY."""
    from sqlalchemy import text

    from sync.server.store import open_store
    from tests.sync.servers import PostgresCluster

    cluster = PostgresCluster()
    try:
        store = open_store(cluster.new_database())
        rng = random.Random(5)
        now = datetime.now(UTC)
        import psycopg

        url = store.engine.url.render_as_string(hide_password=False).replace(
            "postgresql+psycopg", "postgresql"
        )
        with psycopg.connect(url) as pg, pg.cursor() as cur:
            with cur.copy("COPY entities (kind, key, rev, deleted, data, updated_at) FROM STDIN") as copy:
                rev = 0
                for n in range(customers):
                    rev += 1
                    doc = {"code": f"C{n:07d}", "name": "客户", "tags": ["vip"] if n % 50 == 0 else []}
                    copy.write_row(
                        ("customer", doc["code"], rev, False, json.dumps(doc, ensure_ascii=False), now)
                    )
                for n in range(orders):
                    rev += 1
                    paid = now - timedelta(days=rng.expovariate(1 / 120))
                    doc = {"order_no": f"B{n:09d}", "customer": f"C{rng.randrange(customers):07d}",
                           "status": "cancelled" if rng.random() < 0.03 else "shipped",
                           "paid_at": paid.isoformat(),
                           "amount_cents": rng.randint(1_000, 80_000)}  # fmt: skip
                    copy.write_row(("order", doc["order_no"], rev, False, json.dumps(doc), now))
            cur.execute("SELECT setval('entity_rev_seq', %s)", (rev,))  # written revisions come after
            pg.commit()
        with store.engine.connect() as c:
            c.execute(text("ANALYZE entities"))
            c.commit()
        # One GROUP BY of the same data: each customer's order count, last order and spend (RFM's inputs),
        # in PostgreSQL's fastest form for json documents.
        group_by = text(
            "SELECT r.customer, count(*), max(r.paid_at), sum(r.amount_cents)"
            " FROM entities o, json_to_record(o.data) AS r(customer text, paid_at text, amount_cents bigint)"
            " WHERE o.kind = 'order' GROUP BY 1"
        )

        def bare() -> float:
            began = time.perf_counter()
            with store.engine.connect() as c:
                c.execute(group_by).all()
            return time.perf_counter() - began

        bare()  # warm the cache
        floor_first = bare()
        first = store.run_segments()
        floor_steady = bare()
        steady = store.run_segments()
        dry = store.run_segments(dry_run=True)
        floor = min(floor_first, floor_steady)
        store.engine.dispose()
        return {
            "group_by_s": floor,
            "first_s": first.seconds,
            "first_changed": first.changed,
            "steady_s": steady.seconds,
            "steady_changed": steady.changed,
            "dry_s": dry.seconds,
            "ratio_steady": steady.seconds / floor,
            "ratio_first": first.seconds / floor,
        }
    finally:
        cluster.stop()
