"""A busy day at a real floor, as a station database: what the GUI tests and the benchmarks judge
the screens by, instead of the demo's few thousand orders.

`busy_day(path)` builds (once per path) the demo warehouse with more than 20,000 open orders,
500 waves in every state with their picks (shorts among them), 50,000 packs finished today across
20 stations, and more than 5,000 exceptions (short picks, failed weighings, holds, put-backs,
sync conflicts). `long_texts(db)` then fills every text slot a screen shows with long Chinese and
English text (names, addresses, notes, items, rules' words, pickers, errors) for the layout tests.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, update

from app.core.model import PackStatus
from app.core.performance import day_window
from app.store import demo
from app.store import models as m
from app.store.db import Database, open_database

ORDERS = 36_000  # about 21,000 of them still open (new) once the waves and holds are taken
WAVES = 500
PACKS = 50_000
STATIONS = 20

LONG_ZH = (
    "欧阳娜娜·迪丽热巴·古力娜扎尔·买买提江·阿不都热合曼"
    "（深圳市南山区粤海街道科技园南区深南大道腾讯滨海大厦B座）"
)
LONG_EN = (
    "Alexandria Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff of the Extraordinarily "
    "Long Department of Very Careful Packing and Gift Wrapping"
)


@dataclass(frozen=True)
class BusyDay:
    path: Path
    open_orders: int
    waves: int
    packs_today: int
    exceptions: int


def open_copy(template: Path, folder: Path) -> Database:
    """A station's own copy of a template database, in `folder`/data (the station's data folder)."""
    import shutil

    target = folder / "data" / "packline.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, target)
    return open_database(target)


def busy_day(path: Path, seed: int = 7) -> BusyDay:
    """The busy day's database at `path`, built there if it is not there yet."""
    marker = path.with_suffix(".done")
    if not marker.exists():
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        db = open_database(path)
        try:
            _build(db, random.Random(seed))
            with db.engine.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        marker.write_text("ok")
    db = open_database(path)
    try:
        return _count(db, path)
    finally:
        db.close()


def _build(db: Database, rng: random.Random) -> None:
    now = datetime.now(UTC)
    start, _ = day_window(now)
    demo.generate(db, orders=ORDERS, reference=now - timedelta(hours=2))
    with db.session() as s, s.begin():
        operators = s.scalars(select(m.Operator.id)).all()
        new = s.scalars(select(m.Order.id).where(m.Order.status == "new").order_by(m.Order.id)).all()
        lines = {
            order_id: (sku, qty, loc)
            for order_id, sku, qty, loc in s.execute(
                select(m.OrderLine.order_id, m.Sku.code, m.OrderLine.quantity, m.Sku.bin_location)
                .join(m.Sku, m.Sku.id == m.OrderLine.sku_id)
                .where(m.OrderLine.line_no == 1)
            )
        }
        # 500 waves of 12 orders taken from the open pool: the day's released, picking and done.
        taken = new[-WAVES * 12 :]
        statuses = ("released", "picking", "done", "planned", "cancelled")
        s.execute(update(m.Order).where(m.Order.id.in_(taken)).values(status="released"))
        for n in range(WAVES):
            status = statuses[n % len(statuses)]
            created = start + timedelta(minutes=n)
            wave = m.Wave(
                code=f"W{now:%Y%m%d}-B{n:04d}", strategy=("multi_cart", "single_sku", "zone")[n % 3],
                status=status, picker=f"K{n % 40:04d}" if status != "planned" else "",
                station=f"PACK-{n % STATIONS:02d}", created_at=created,
                released_at=created if status != "planned" else None,
            )  # fmt: skip
            s.add(wave)
            s.flush()
            members = taken[n * 12 : (n + 1) * 12]
            s.execute(
                insert(m.WaveOrder),
                [{"wave_id": wave.id, "order_id": o, "slot": slot} for slot, o in enumerate(members, 1)],
            )
            if status in ("picking", "done"):
                picks = []
                for slot, order_id in enumerate(members, 1):
                    sku, qty, loc = lines[order_id]
                    short = rng.random() < 0.25
                    picks.append(
                        {"wave_id": wave.id, "order_id": order_id, "sku_code": sku, "location": loc,
                         "slot": slot, "wanted": qty, "picked": qty - 1 if short else qty,
                         "short_reason": rng.choice(("not_found", "damaged", "not_enough")) if short else "",
                         "picker": wave.picker, "at": created + timedelta(minutes=slot)}
                    )  # fmt: skip
                s.execute(insert(m.Pick), picks)
        # 50,000 packs today across 20 stations, one in ten with a wrong scan or a failed weight.
        packed = m.Order.status.in_(("packed", "shipped"))
        packed_pool = s.scalars(select(m.Order.id).where(packed)).all()
        span = max(120.0, (now - start).total_seconds() - 60)
        sessions, events = [], []
        for n in range(PACKS):
            ended = start + timedelta(seconds=rng.uniform(60, span))
            sid = str(uuid.UUID(int=rng.getrandbits(128)))
            station = f"PACK-{n % STATIONS:02d}"
            operator = rng.choice(operators)
            sessions.append(
                {"id": sid, "order_id": rng.choice(packed_pool), "station": station, "operator_id": operator,
                 "status": PackStatus.PACKED, "started_at": ended - timedelta(seconds=rng.uniform(20, 200)),
                 "ended_at": ended, "expected_g": 800, "actual_g": 805, "allowed_g": 30,
                 "lines": (k := rng.randint(1, 4)), "units": k + rng.randint(0, 3),
                 "steps": rng.randint(0, 2),
                 "cards": rng.randint(0, 1), "parcels": 1, "busy_s": rng.randint(20, 200)}
            )  # fmt: skip
            if n % 10 == 0:
                events.append(
                    {"session_id": sid, "at": ended - timedelta(seconds=5), "station": station,
                     "operator_id": operator, "kind": "weight" if n % 20 == 0 else "scan", "raw": "x",
                     "verdict": "weight_failed" if n % 20 == 0 else "wrong_item", "sku_code": "",
                     "quantity": 0, "grams": 1250 if n % 20 == 0 else None}
                )  # fmt: skip
        for chunk in range(0, len(sessions), 5000):
            s.execute(insert(m.PackSession), sessions[chunk : chunk + 5000])
        s.execute(insert(m.PackEvent), events)
        # More holds (an address to check, a customer asking to wait), put-backs and conflicts.
        held = new[:1500]
        on_hold = {"status": "on_hold", "hold_reason": "customer_request"}
        s.execute(update(m.Order).where(m.Order.id.in_(held)).values(**on_hold))
        order_nos = s.scalars(select(m.Order.order_no).where(m.Order.id.in_(held[:300]))).all()
        s.execute(
            insert(m.Interception),
            [{"id": str(uuid.UUID(int=rng.getrandbits(128))), "order_no": no, "station": "PACK-01",
              "stage": rng.choice(("packing", "packed")), "reason": "cancelled",
              "items": [{"sku_code": "SKU-00001", "name_zh": "保湿精华水", "name_en": "Serum", "quantity": 2,
                         "location": "A-01-02"}], "at": now - timedelta(minutes=k)}
             for k, no in enumerate(order_nos)],
        )  # fmt: skip
        s.execute(
            insert(m.OutboxEvent),
            [{"id": str(uuid.UUID(int=rng.getrandbits(128))), "type": "order.packed",
              "payload": {"order_no": no}, "station": "PACK-01", "created_at": now - timedelta(minutes=k),
              "sent_at": now, "needs_attention": True, "attempts": 1,
              "last_error": "conflict: already packed at PACK-07"}
             for k, no in enumerate(order_nos[:200])],
        )  # fmt: skip


def _count(db: Database, path: Path) -> BusyDay:
    start, _ = day_window(datetime.now(UTC))
    with db.session() as s:
        open_orders = s.scalar(select(func.count()).where(m.Order.status == "new")) or 0
        waves = s.scalar(select(func.count(m.Wave.id))) or 0
        packs = s.scalar(select(func.count()).where(m.PackSession.ended_at >= start)) or 0
        shorts = s.scalar(select(func.count()).where(m.Pick.picked < m.Pick.wanted)) or 0
        failed = s.scalar(select(func.count()).where(m.PackEvent.verdict == "weight_failed")) or 0
        holds = s.scalar(select(func.count()).where(m.Order.status == "on_hold")) or 0
        put_back = s.scalar(select(func.count(m.Interception.id))) or 0
        conflicts = s.scalar(select(func.count()).where(m.OutboxEvent.needs_attention.is_(True))) or 0
    return BusyDay(path, open_orders, waves, packs, shorts + failed + holds + put_back + conflicts)


def long_texts(db: Database) -> None:
    """Every text a screen shows, long: customers' and receivers' names, addresses, notes, items,
    operators, pickers, stations' words, rule names and instructions, print jobs and their errors,
    the server's reasons for conflicts."""
    from app.store.rules_store import default_rule_dicts, save_rules

    long_rule = {
        "code": "LONG-RULE-" + "X" * 30, "name": LONG_ZH + " / " + LONG_EN,
        "conditions": [],
        "actions": [{"action": "instruction", "zh": LONG_ZH * 2, "en": LONG_EN * 2},
                    {"action": "instruction",
                     "zh": "请在包裹上贴易碎标签并用气泡膜包好每一件玻璃制品，封口处再加两道胶带",
                     "en": "Put a FRAGILE sticker on the parcel and wrap every glass item in bubble wrap"}],
    }  # fmt: skip
    save_rules(db, [*default_rule_dicts(), long_rule], "PACK-01", None)
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        packed = select(m.Order.id, m.Order.order_no).where(m.Order.status == "packed").limit(30)
        orders = s.execute(packed).all()
        kinds = ("label", "insert", "slip")
        s.execute(
            insert(m.PrintJob),
            [{"id": str(uuid.UUID(int=n + 1)), "created_at": now - timedelta(minutes=n), "updated_at": now,
              "order_id": order_id, "kind": kinds[n % 3], "printer": kinds[n % 3],
              "params": {"parcel_no": 1 + n % 2, "parcel_count": 2, "waybill_no": "SF" + "1" * 15},
              "title": order_no, "status": ("failed", "done", "interrupted")[n % 3], "attempts": n,
              "last_error": "printer 192.168.100.200:9100 is offline ([Errno 111] Connection refused) " * 3}
             for n, (order_id, order_no) in enumerate(orders)],
        )  # fmt: skip
        s.execute(
            update(m.OutboxEvent)
            .where(m.OutboxEvent.needs_attention.is_(True))
            .values(last_error=("conflict: order already packed at another station " + LONG_EN) * 2)
        )
        s.execute(update(m.Customer).values(name=LONG_ZH[:60]))
        s.execute(
            update(m.Order).values(
                receiver_name=LONG_ZH[:60],
                address=LONG_ZH * 2,
                buyer_note=(LONG_ZH + LONG_EN)[:400],
                seller_note=(LONG_EN + LONG_ZH)[:400],
            )
        )
        s.execute(update(m.Sku).values(name_zh=(LONG_ZH * 2)[:190], name_en=LONG_EN[:190]))
        s.execute(update(m.Operator).values(name=LONG_ZH[:60]))
        s.execute(update(m.Wave).values(picker=LONG_EN[:60], station=LONG_EN[:60]))
