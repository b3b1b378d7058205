"""Waves and picks made at a station reach the server: the wave, its orders' status, short picks as
conflicts the office sees; another station pulls the wave."""

from __future__ import annotations

from sqlalchemy import select

from app.core.waves import Caps, Strategy, plan_waves
from app.store import models as m
from app.store.waves import cancel_wave, create_waves, load_open_orders, pick_stops, record_pick
from sync import protocol as p
from tests.sync.stations import open_station, sync_cli


def test_a_released_wave_and_a_short_pick_reach_the_server_and_another_station(seeded, tmp_path):
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    desk = seeded.store.add_station("DESK-1", "desk")  # a supervisor's desk: its waves need no badge
    assert sync_cli(a_dir, "--server", seeded.url, "--token", desk)[0] == 0
    assert sync_cli(b_dir, "--server", seeded.url, "--token", seeded.store.add_station("PACK-B"))[0] == 0
    a = open_station(a_dir)
    plan = plan_waves(load_open_orders(a), Strategy.MULTI_CART, Caps(max_orders=3, max_waves=2))
    first, second = create_waves(a, plan.waves, "DESK-1", None, release=True).codes
    stop = pick_stops(a, first)[0]
    record_pick(a, first, stop, 0, "P0002", "DESK-1", None, "not_found")
    cancel_wave(a, second, "DESK-1", None)
    code, summary = sync_cli(a_dir)
    assert code == 0 and summary["rejected"] == 0, summary

    wave = seeded.store.get(p.Kind.WAVE, first)
    assert wave["status"] == "picking" and wave["orders"] == list(plan.waves[0].order_nos)
    assert {seeded.store.get(p.Kind.ORDER, no)["status"] for no in plan.waves[0].order_nos} == {"released"}
    assert {seeded.store.get(p.Kind.ORDER, no)["status"] for no in plan.waves[1].order_nos} == {"new"}
    shorts = [c for c in seeded.store.conflicts() if c.kind == "short_pick"]
    assert len(shorts) == 1 and shorts[0].key == f"{first}/{stop.sku}" and "not_found" in shorts[0].detail

    assert sync_cli(b_dir)[0] == 0
    b = open_station(b_dir)
    with b.session() as s:
        pulled = s.scalar(select(m.Wave).where(m.Wave.code == first))
        assert pulled is not None and pulled.status == "picking"
        released = s.scalars(
            select(m.Order.status).where(m.Order.order_no.in_(plan.waves[0].order_nos))
        ).all()
        assert set(released) == {"released"}
    a.close()
    b.close()
