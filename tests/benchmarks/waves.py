"""Wave planning and pick paths (issue 7 targets: plan 20,000 open orders <= 1 s; sort a 2,000-line
pick list <= 50 ms). Synthetic orders shaped like the demo warehouse: 8 zones x 20 aisles x 10 bays
x 4 levels, 1-6 lines, a quarter of them single-item, a tenth VIP or live-stream."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

from tests.benchmarks.timing import percentile


def synthetic_orders(count: int, seed: int = 7) -> list:
    from app.core.waves import OpenOrder, WaveLine

    rng = random.Random(seed)
    skus = []
    for i in range(5000):
        zone = "ABCDEFGH"[i % 8]
        location = f"{zone}-{rng.randint(1, 20):02d}-{rng.randint(1, 10):02d}-{rng.randint(1, 4)}"
        skus.append((f"SKU-{i:05d}", location, zone))
    base = datetime(2026, 11, 23, tzinfo=UTC)
    orders = []
    for n in range(count):
        picked = rng.sample(skus, 1 if rng.random() < 0.25 else rng.randint(1, 6))
        lines = tuple(
            WaveLine(sku, 1 if len(picked) == 1 and rng.random() < 0.9 else rng.randint(1, 3), loc, zone)
            for sku, loc, zone in picked
        )
        orders.append(
            OpenOrder(
                order_no=f"O{n:07d}",
                lines=lines,
                carrier=rng.choice(("SF", "ZTO", "YTO", "YUNDA", "JD")),
                channel=rng.choice(("taobao", "jd", "douyin", "pdd")),
                priority=rng.choice((0,) * 9 + (70, 90)),
                ship_by=base + timedelta(hours=rng.randint(1, 72)),
                paid_at=base - timedelta(minutes=n),
                volume_cm3=rng.randint(500, 8000),
            )
        )
    return orders


def bench_plan(count: int = 20_000, runs: int = 7) -> dict[str, float]:
    from app.core.waves import Caps, Strategy, plan_waves

    orders = synthetic_orders(count)
    worst: dict[str, float] = {}
    for strategy in Strategy:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            plan = plan_waves(orders, strategy, Caps(max_orders=24, max_items=200, max_volume_cm3=400_000))
            times.append(time.perf_counter() - started)
        assert plan.orders + plan.ineligible == count
        worst[strategy.value] = max(times)
    return worst


def bench_sort(lines: int = 2000, samples: int = 200) -> tuple[float, float, float]:
    from app.core.pickpath import LocationParser, sort_stops, walk_distance

    rng = random.Random(11)
    stops = [
        f"{zone}-{rng.randint(1, 20):02d}-{rng.randint(1, 10):02d}-{rng.randint(1, 4)}"
        for zone in (rng.choice("ABCDEFGH") for _ in range(lines))
    ]
    times = []
    for _ in range(samples):
        parser = LocationParser()  # a fresh parser each time: no warm cache
        started = time.perf_counter()
        walked = sort_stops(stops, str, parser)
        metres = walk_distance([parser.parse(s) for s in walked])
        times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 50), percentile(times, 99), metres


def bench_end_to_end(orders: int = 25_000) -> tuple[int, float, float]:
    """`packline waves plan` without the printing: read the open orders of a station database (with
    their rule priorities) and plan them. Returns (open orders, load s, plan s)."""
    from datetime import date

    from app.core.waves import Caps, plan_waves
    from app.store import demo
    from app.store.db import open_database
    from app.store.rules_store import load_rule_book
    from app.store.waves import load_open_orders
    from tests.benchmarks.run import CACHE

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"waves-{orders}.db"
    fresh = not path.exists()
    db = open_database(path)
    try:
        if fresh:
            demo.generate(db, orders=orders)
        book = load_rule_book(db)
        started = time.perf_counter()
        open_orders = load_open_orders(db, book.compiled, date.today())
        loaded = time.perf_counter()
        plan_waves(open_orders, "multi_cart", Caps())
        return len(open_orders), loaded - started, time.perf_counter() - loaded
    finally:
        db.close()
