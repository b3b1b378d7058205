"""The board's carrier pick-ups read from a real station database: which open orders must go with
each carrier's next truck (ship-by before the truck after it), and which need not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from app.core.model import PACKABLE
from app.core.pickups import next_two, pickup_times
from app.store import models as m
from app.store.floor import board
from app.store.stored_keys import CARRIER_PICKUPS_KEY


def test_the_orders_that_must_go_with_the_next_truck(demo_db):
    now = datetime.now(UTC)
    open_states = [s.value for s in PACKABLE]
    with demo_db.session() as s, s.begin():
        s.merge(m.Setting(key=CARRIER_PICKUPS_KEY, value={"SF": ["12:00", "18:30"], "ZTO": []}))
        s.execute(update(m.Order).where(m.Order.carrier == "SF").values(ship_by=None))
        sf = m.Order.carrier == "SF"
        waiting = m.Order.status.in_(open_states)
        sf_open = s.scalars(select(m.Order).where(sf, waiting).order_by(m.Order.id)).all()
        packed = s.scalars(select(m.Order).where(m.Order.carrier == "SF", m.Order.status == "packed")).first()
        _at, following = next_two(pickup_times(["12:00", "18:30"]), now.astimezone())
        sf_open[0].ship_by = now - timedelta(hours=3)  # overdue already: on this truck, no later
        sf_open[1].ship_by = following - timedelta(minutes=1)  # the next truck would be late
        sf_open[2].ship_by = following + timedelta(minutes=1)  # may go with the one after
        if packed is not None:
            packed.ship_by = now - timedelta(hours=3)  # packed: not waiting for any truck
        count = len(sf_open)
    b = board(demo_db, now - timedelta(hours=1), now)
    (sf,) = b.pickups  # ZTO has no times: nothing to count for
    assert (sf.carrier, sf.due, sf.open) == ("SF", 2, count)
    assert sf.following == following and now < sf.at < sf.following
