"""The handheld's controller against a real database, its work run in place (no Qt)."""

from __future__ import annotations

from sqlalchemy import select

from app.core.picking import CountSet, Say, Step, Tapped
from app.core.pickpath import LocationParser
from app.core.waves import Caps, Strategy, plan_waves
from app.picking_station import PickingStation
from app.store import models as m
from app.store.waves import create_waves, load_open_orders


def test_a_picker_walks_the_first_stop_of_a_wave_and_it_is_recorded(demo_db):
    orders = [o for o in load_open_orders(demo_db) if o.items >= 2]
    plan = plan_waves(orders, Strategy.MULTI_CART, Caps(max_orders=3, max_waves=1))
    (code,) = create_waves(demo_db, plan.waves, "DESK", None, release=True).codes
    said = []
    station = PickingStation(demo_db, lambda: "HH-01", LocationParser, on_verdict=said.append)

    station.handle_scan("NOBODY")
    assert said[-1].say is Say.UNKNOWN_BADGE
    station.handle_scan("P0002")
    assert station.state.step is Step.WAVE and any(w.code == code for w in station.waves)
    station.handle_scan(code)
    assert station.state.step is Step.BIN and station.state.stops
    stop = station.state.stop
    station.handle_scan(stop.location)
    station.feed(CountSet(stop.quantity))
    station.feed(Tapped("ok"))
    assert station.state.step is Step.PUT or station.state.index == 1
    with demo_db.session() as s:
        picked = s.scalars(select(m.OutboxEvent.type).where(m.OutboxEvent.type == "pick.confirmed")).all()
    assert picked, "the stop's pick reached the outbox"
