"""Wave planner and pick path: properties over generated orders (hypothesis) and worked examples."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.pickpath import Layout, Location, LocationParser, PatternError, sort_stops, walk_distance
from app.core.waves import Caps, OpenOrder, Strategy, WaveLine, eligible, plan_waves, priority_key

BASE = datetime(2026, 11, 23, tzinfo=UTC)

lines = st.builds(
    WaveLine,
    sku=st.sampled_from([f"SKU{i}" for i in range(6)]),
    quantity=st.integers(1, 4),
    location=st.just(""),
    zone=st.sampled_from(["A", "B", "C"]),
)


@st.composite
def open_orders(draw) -> list[OpenOrder]:
    count = draw(st.integers(0, 60))
    orders = []
    for i in range(count):
        ship_by = draw(st.none() | st.integers(0, 72).map(lambda h: BASE + timedelta(hours=h)))
        orders.append(
            OpenOrder(
                order_no=f"O{i:04d}",
                lines=tuple(draw(st.lists(lines, min_size=1, max_size=4))),
                carrier=draw(st.sampled_from(["SF", "ZTO", "YTO", ""])),
                priority=draw(st.sampled_from([0, 0, 0, 70, 90])),
                ship_by=ship_by,
                paid_at=BASE - timedelta(minutes=i),
                volume_cm3=draw(st.integers(100, 5000)),
            )
        )
    return orders


caps_st = st.builds(
    Caps,
    max_orders=st.integers(1, 30),
    max_items=st.integers(1, 60),
    max_volume_cm3=st.sampled_from([0, 4000, 20000]),
)


@settings(max_examples=150, deadline=None)
@given(open_orders(), st.sampled_from(list(Strategy)), caps_st)
def test_every_eligible_order_is_in_exactly_one_wave_and_caps_hold(orders, strategy, caps):
    plan = plan_waves(orders, strategy, caps)
    placed = [no for wave in plan.waves for no in wave.order_nos]
    assert len(placed) == len(set(placed))  # no order twice
    wanted = {o.order_no for o in orders if eligible(o, strategy) is None}
    assert set(placed) == wanted  # every eligible order, nothing else
    assert plan.ineligible == len(orders) - len(wanted)
    for wave in plan.waves:
        assert wave.orders, "no empty waves"
        assert wave.items == sum(o.items for o in wave.orders)
        if len(wave.orders) > 1:  # an order bigger than a cap alone gets a wave of its own
            assert len(wave.orders) <= caps.max_orders
            assert wave.items <= caps.max_items
            assert not caps.max_volume_cm3 or wave.volume_cm3 <= caps.max_volume_cm3
        if strategy is Strategy.SINGLE_SKU:
            assert {o.lines[0].sku for o in wave.orders} == {wave.group}
        if strategy is Strategy.CARRIER:
            assert {o.carrier or "?" for o in wave.orders} == {wave.group}


@settings(max_examples=150, deadline=None)
@given(open_orders(), st.sampled_from(list(Strategy)), caps_st, st.integers(0, 5))
def test_priority_comes_first(orders, strategy, caps, max_waves):
    plan = plan_waves(orders, strategy, Caps(caps.max_orders, caps.max_items, caps.max_volume_cm3, max_waves))
    for wave in plan.waves:
        keys = [priority_key(o) for o in wave.orders]
        assert keys == sorted(keys)  # inside a wave: most urgent first
    firsts = [priority_key(w.orders[0]) for w in plan.waves]
    assert firsts == sorted(firsts)  # the waves too
    by_group: dict[str, list] = {}
    for wave in plan.waves:
        by_group.setdefault(wave.group, []).append(wave)
    for waves in by_group.values():  # no order waits behind a less urgent one of its group
        for earlier, later in itertools.pairwise(waves):
            assert priority_key(earlier.orders[-1]) <= priority_key(later.orders[0])
    if max_waves and plan.left_over:
        assert len(plan.waves) == max_waves
        placed = {no for w in plan.waves for no in w.order_nos}
        assert not placed & set(plan.left_over)
        # What waits for the next round is no more urgent than the last wave that went out.
        everything = {o.order_no: o for o in orders}
        cut = priority_key(plan.waves[-1].orders[0])
        assert all(priority_key(everything[no]) >= cut for no in plan.left_over)


def test_single_item_orders_of_one_sku_share_a_wave_and_vips_go_first():
    def single(no, sku, priority=0, hours=48):
        return OpenOrder(no, (WaveLine(sku, 1, "A-01-01-1", "A"),), priority=priority,
                         ship_by=BASE + timedelta(hours=hours))  # fmt: skip

    orders = [single("1", "MUG"), single("2", "MUG", 90), single("3", "PEN"), single("4", "MUG", hours=2),
              OpenOrder("5", (WaveLine("MUG", 2),))]  # fmt: skip
    plan = plan_waves(orders, Strategy.SINGLE_SKU, Caps(max_orders=2))
    assert [w.order_nos for w in plan.waves] == [("2", "4"), ("1",), ("3",)]
    assert plan.skipped == {"not single-item": 1}
    assert [w.group for w in plan.waves] == ["MUG", "MUG", "PEN"]


def test_bad_caps_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="max orders"):
        plan_waves([], Strategy.CARRIER, Caps(max_orders=0))


def test_pick_path_is_serpentine_and_unreadable_locations_go_last():
    parser = LocationParser()
    stops = ["A-02-03-1", "A-01-09-2", "B-01-01-1", "A-01-02-1", "A-02-08-1", "floor", "A-01-02-3", ""]
    walked = sort_stops(stops, lambda s: s, parser)
    # Up aisle 1 (bays ascending), down aisle 2 (descending), then zone B, then what cannot be read.
    assert walked == [
        "A-01-02-1",
        "A-01-02-3",
        "A-01-09-2",
        "A-02-08-1",
        "A-02-03-1",
        "B-01-01-1",
        "floor",
        "",
    ]


def test_a_custom_location_pattern_reads_other_warehouses():
    parser = LocationParser(r"^(?P<zone>[A-Z])(?P<aisle>\d{2})(?P<bay>\d{2})(?P<level>\d)$")
    assert parser.parse("K03125") == Location("K", 3, 12, 5)
    assert parser.parse("K-03-12-5") is None
    with pytest.raises(PatternError, match="needs the groups bay"):
        LocationParser(r"^(?P<zone>\w)(?P<aisle>\d+)$")
    with pytest.raises(PatternError, match="does not compile"):
        LocationParser(r"(?P<zone")


def test_walk_distance_prefers_the_serpentine_order():
    parser = LocationParser()
    locations = ["A-01-02-1", "A-01-18-1", "A-02-17-1", "A-02-03-1", "A-03-05-1"]
    parsed = [parser.parse(t) for t in sort_stops(locations, lambda s: s, parser)]
    layout = Layout()
    serpentine = walk_distance(parsed, layout)
    zigzag = walk_distance([parser.parse(t) for t in sorted(locations)], layout)
    assert serpentine < zigzag
    # Worked by hand (bays 1.3 m, aisles 3 m apart, 20 bays = 26 m): across to aisle 1 and up to bay 2
    # (3 + 1.95), up to bay 18 (20.8), on to the far end, across, down to bay 17 (3.25 + 3 + 4.55),
    # down to bay 3 (18.2), to the front, across, up to bay 5 (3.25 + 3 + 5.85), back to the depot
    # (5.85 + 3 aisles x 3 m).
    assert serpentine == pytest.approx(4.95 + 20.8 + 10.8 + 18.2 + 12.1 + 14.85, abs=0.05)
    assert walk_distance([], layout) == 0.0
