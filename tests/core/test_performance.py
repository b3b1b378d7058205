"""The floor's figures, hand-computed: throughput now and today, fair throughput by work units,
accuracy, time per order and item."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.performance import Errors, PackFact, day_window, rows_by, week_window, work_units

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
START = NOW - timedelta(hours=4)


def fact(packer: str, minute: int, seconds: int = 60, **kw) -> PackFact:
    ended = START + timedelta(minutes=minute)
    base = {"station": "PACK-01", "packer": packer, "started_at": ended - timedelta(seconds=seconds),
            "ended_at": ended, "status": "packed", "lines": 1, "units": 1}  # fmt: skip
    return PackFact(**{**base, **kw})


def test_work_units_weigh_an_order_by_what_packing_it_took():
    assert work_units(fact("a", 1)) == 1.0
    # 3 lines, 5 units, 2 instructions, 2 cards, 2 parcels: 1 + 1.0 + 0.4 + 0.8 + 0.6 + 1.0
    assert work_units(fact("a", 1, lines=3, units=5, steps=2, cards=2, parcels=2)) == pytest.approx(4.8)
    assert work_units(fact("a", 1, status="held")) == 0.0


def test_a_packer_of_vip_gift_orders_is_not_ranked_below_one_of_single_item_parcels():
    singles = [fact("快手", m) for m in range(0, 240, 12)]  # 20 single-item orders in 4 h
    gifts = [
        fact("细心", m, seconds=300, lines=3, units=4, steps=3, cards=2) for m in range(0, 240, 24)
    ]  # 10
    rows = rows_by([*singles, *gifts], "packer", (START, NOW))
    by = {r.key: r for r in rows}
    assert by["快手"].orders_per_hour == 5.0 and by["细心"].orders_per_hour == 2.5
    # Each gift order: 1 + 1.0 + 0.2 + 1.2 + 0.6 = 4.0 work units: 10 per hour against 5.
    assert by["细心"].work_per_hour == pytest.approx(10.0) and by["快手"].work_per_hour == pytest.approx(5.0)
    assert [r.key for r in rows] == ["细心", "快手"]


def test_time_per_order_and_item_accuracy_holds_and_overrides():
    facts = [
        fact("a", 10, seconds=120, lines=2, units=3),
        fact("a", 20, seconds=60, lines=1, units=1, weight_override=True),
        fact("a", 30, status="held"),
    ]
    (row,) = rows_by(facts, "packer", (START, NOW), {"a": Errors(wrong_items=1, weight_failures=1)})
    assert (row.orders, row.units, row.held, row.overrides) == (2, 4, 1, 1)
    assert row.seconds_per_order == 90 and row.seconds_per_item == 45 and row.items_per_order == 2
    assert row.accuracy_pct == pytest.approx(100 * 4 / 6)
    assert row.orders_per_hour == 0.5 and row.units_per_hour == 1.0


def test_outside_the_window_does_not_count_and_hours_come_in_order():
    facts = [fact("a", 10), fact("a", 70), fact("a", 75), fact("a", -30)]
    assert rows_by(facts, "packer", (START, NOW))[0].orders == 3
    hours = rows_by(facts, "hour", (START, NOW))
    assert [r.orders for r in hours] == [1, 2] and hours[0].key < hours[1].key


def test_today_and_this_week_start_at_local_midnight():
    start, now = day_window(NOW)
    assert (start.hour, start.minute) == (0, 0) and now == NOW.astimezone()
    monday, _ = week_window(NOW)
    assert monday.weekday() == 0 and monday <= start


def test_the_sums_one_query_gives_weigh_the_same_as_the_packs_one_by_one():
    from app.core.performance import Totals

    facts = [
        fact("a", 1, lines=3, units=5, steps=2, cards=1, parcels=2),
        fact("a", 2),
        fact("a", 3, lines=2, units=2, cards=3),
        fact("a", 4, status="held"),
    ]
    total = Totals()
    for f in facts:
        total = total + Totals.of(f)
    assert total.work == pytest.approx(sum(work_units(f) for f in facts))
    assert (total.orders, total.held, total.parcels) == (3, 1, 4)
