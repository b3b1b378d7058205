"""Returns desk lookup: a return found by its waybill or the customer's phone, with the pack record
it is checked against, against the packing station's order lookup on the same database, measured
interleaved so both see the same machine."""

from __future__ import annotations

import random
from pathlib import Path

from tests.benchmarks.timing import percentile


def bench_return_lookup(path: Path, samples: int = 4000) -> dict[str, float]:
    import time

    from sqlalchemy import select

    from app.store import models as m
    from app.store.db import open_database
    from app.store.packing import PackingStore
    from app.store.returns import ReturnStore

    db = open_database(path)
    packing, returns = PackingStore(db, "BENCH"), ReturnStore(db, "BENCH")
    rng = random.Random(7)
    with db.session() as s:
        done = s.execute(
            select(m.Order.order_no, m.Order.waybill_no, m.Order.receiver_phone).where(
                m.Order.status.in_(("packed", "shipped"))
            )
        ).all()
        other = s.execute(
            select(m.Order.order_no, m.Order.waybill_no).where(m.Order.status == "new").limit(samples * 4)
        ).all()
    returned = rng.sample(done, min(samples, len(done)))
    packed = rng.sample(other, min(samples, len(other)))
    for order_no, *_ in returned[:200]:  # a desk that has been running: the page cache warm
        returns.find(order_no)
        packing.resolve(order_no)
    by_waybill, by_phone, packing_times = [], [], []
    for i, ((_no, waybill, phone), (order_no, pack_waybill)) in enumerate(
        zip(returned, packed, strict=False)
    ):
        started = time.perf_counter()
        packing.resolve(order_no if i % 2 == 0 else pack_waybill)
        packing_times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        found = returns.find(waybill if i % 2 == 0 else phone)
        (by_waybill if i % 2 == 0 else by_phone).append((time.perf_counter() - started) * 1000)
        assert found is not None
    db.close()
    p99_pack = percentile(packing_times, 99)
    p99_waybill, p99_phone = percentile(by_waybill, 99), percentile(by_phone, 99)
    return {
        "packing_p99_ms": p99_pack,
        "waybill_p99_ms": p99_waybill,
        "phone_p99_ms": p99_phone,
        "ratio": max(p99_waybill, p99_phone) / p99_pack,
        "returned": len(done),
    }
