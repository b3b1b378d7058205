"""The dock: a parcel's waybill to its verdict on a station database of 1,000,000 orders, against
the packing bench's order lookup on the same database, interleaved; and closing a handover of
2,000 parcels (the manifest, order.shipped per order through the outbox, the manifest's PDF)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import percentile


def bench_dock_scan(path: Path, samples: int = 4000) -> dict[str, float]:
    from sqlalchemy import insert, select

    from app.core.dock import DockState, ParcelScanned, step
    from app.store import models as m
    from app.store.db import open_database
    from app.store.dock import DockStore
    from app.store.packing import PackingStore

    db = open_database(path)
    with db.session() as s, s.begin():  # the floor's packed parcels as the server's packs list them
        packed = s.execute(
            select(m.Order.order_no, m.Order.waybill_no, m.Order.carrier).where(
                m.Order.status == "packed", m.Order.waybill_no.is_not(None)
            )
        ).all()
        if s.scalar(select(m.FloorParcel.id).limit(1)) is None:
            s.execute(
                insert(m.FloorParcel),
                [{"waybill_no": w, "order_no": o, "parcel_no": 1, "carrier": c, "weight_g": 500,
                  "voided": False} for o, w, c in packed],
            )  # fmt: skip
        others = s.execute(select(m.Order.order_no).where(m.Order.status == "new").limit(samples * 4)).all()
    rng = random.Random(39)
    parcels = rng.sample(packed, min(samples, len(packed)))
    orders = rng.sample(others, min(samples, len(others)))
    dock, bench = DockStore(db, "DOCK"), PackingStore(db, "BENCH")
    state = DockState(carrier=parcels[0][2])
    for (_order_no, waybill, _), (other,) in zip(parcels[:200], orders[:200], strict=False):  # warm
        dock.parcel_facts(waybill)
        bench.resolve(other)
    dock_ms, bench_ms = [], []
    for (_order_no, waybill, _carrier), (other,) in zip(parcels, orders, strict=False):
        started = time.perf_counter()
        bench.resolve(other)
        bench_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        step(state, ParcelScanned(waybill, dock.parcel_facts(waybill)))  # the scan to its verdict
        dock_ms.append((time.perf_counter() - started) * 1000)
    db.close()
    return {
        "dock_p99_ms": percentile(dock_ms, 99),
        "bench_p99_ms": percentile(bench_ms, 99),
        "ratio": percentile(dock_ms, 99) / percentile(bench_ms, 99),
        "parcels": len(packed),
    }


def bench_close(parcels: int = 2000) -> dict[str, float]:
    from sqlalchemy import insert, select, update

    from app.core.dock import Handed, HandoverClosed
    from app.core.settings import StationSettings
    from app.print_docs import manifest
    from app.store import demo
    from app.store import models as m
    from app.store.db import open_database
    from app.store.dock import DockStore
    from app.store.packing import PackingStore
    from printing.documents import render

    path = Path(tempfile.mkdtemp(prefix="packline-dock-")) / "packline.db"
    db = open_database(path)
    demo.generate(db, orders=parcels + 1000)
    with db.session() as s, s.begin():
        rows = s.execute(
            select(m.Order.id, m.Order.order_no, m.Order.waybill_no)
            .where(m.Order.status == "new", m.Order.waybill_no.is_not(None))
            .limit(parcels)
        ).all()
        s.execute(update(m.Order).where(m.Order.id.in_([r.id for r in rows])).values(status="packed"))
    store = DockStore(db, "DOCK-1")
    operator = PackingStore(db, "DOCK-1").operator_by_badge("P0002")
    assert operator is not None and len(rows) == parcels
    handed = tuple(
        Handed(r.waybill_no, r.order_no, 1, f"BAG-{i // 50:03d}", 500, 510) for i, r in enumerate(rows)
    )
    store.hand("ZTO", "17:00", handed[0], operator)  # opens the manifest, then the rest as scanned
    with db.session() as s, s.begin():
        number = s.scalar(select(m.Manifest.manifest_no))
        s.execute(
            insert(m.ManifestParcel),
            [{"manifest_no": number, "waybill_no": h.waybill_no, "order_no": h.order_no, "parcel_no": 1,
              "bag": h.bag, "weight_g": h.weight_g, "dock_weight_g": h.dock_weight_g} for h in handed[1:]],
        )  # fmt: skip
    started = time.perf_counter()
    closed = store.close(HandoverClosed("ZTO", "17:00", "王师傅 440301199001011234", handed, ()), operator)
    closed_s = time.perf_counter() - started
    pdf = render(manifest(db, StationSettings(station_name="DOCK-1"), closed.manifest_no), "pdf")
    total_s = time.perf_counter() - started
    with db.session() as s:
        events = s.scalar(select(m.OutboxEvent.id).where(m.OutboxEvent.type == "order.shipped").limit(1))
    assert events is not None and len(closed.parcels) == parcels
    db.close()
    return {"close_s": closed_s, "total_s": total_s, "pdf_kb": len(pdf) / 1024}
