"""Carrier pick-ups, worked by hand: the next truck and the one after, the floor's pace lately, and
which of the orders that must go make their truck."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone

from app.core.pickups import Pickup, forecast, next_two, pace, pickup_times, upcoming

SHANGHAI = timezone(timedelta(hours=8))


def at(hour: int, minute: int = 0, day: int = 7) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


def test_pickup_times_are_read_sorted_and_once_and_bad_ones_are_left_out():
    assert pickup_times(["18:30", "12:00", "18:30", " 09:05 ", "24:00", "7:30", "12:60", "", None]) == (
        time(9, 5),
        time(12, 0),
        time(18, 30),
    )


def test_the_next_two_pickups_roll_over_midnight():
    times = pickup_times(["12:00", "18:30"])
    assert next_two(times, at(8)) == (at(12), at(18, 30))
    assert next_two(times, at(12)) == (at(18, 30), at(12, day=8))  # the truck at 12:00 has just gone
    assert next_two(times, at(19)) == (at(12, day=8), at(18, 30, day=8))
    assert next_two(pickup_times(["17:00"]), at(17, 30)) == (at(17, day=8), at(17, day=9))
    assert next_two((), at(8)) is None
    assert upcoming({"SF": ["12:00"], "ZTO": [], "JD": ["bad"]}, at(8)) == {"SF": (at(12), at(12, day=8))}


def test_the_pace_is_the_last_hour_and_this_one_over_the_time_they_span():
    now = at(10, 30)  # 02:30 UTC
    hours = {"2026-12-07 01": 60, "2026-12-07 02": 45, "2026-12-07 00": 500}
    assert pace(hours, now) == (60 + 45) / 1.5  # 70 an hour; the hour before that does not count
    # The shift began this hour: its own orders over the part of it gone, once ten minutes are.
    assert pace({"2026-12-07 02": 45}, now) == 90.0
    assert pace({"2026-12-07 02": 5}, at(10, 5)) is None
    assert pace({}, now) is None


def test_the_forecast_packs_the_earliest_truck_first():
    now = at(16)
    ems = Pickup("EMS", at(16, 30), at(16, 30, day=8), due=20, open=25)  # half an hour away
    zto = Pickup("ZTO", at(17), at(17, day=8), due=50, open=80)  # an hour away
    sf = Pickup("SF", at(18, 30), at(12, day=8), due=100, open=100)
    # 60 an hour: 30 by EMS's truck (all 20 of EMS), 60 by ZTO's (20 EMS then 40 of ZTO's 50: 10
    # miss it), 150 by SF's (70 before it, then 80 of SF's 100: 20 miss it).
    result = forecast([sf, zto, ems], 60.0, now)
    assert [(f.pickup.carrier, f.packed_in_time, f.late) for f in result] == [
        ("EMS", 20, 0),
        ("ZTO", 40, 10),
        ("SF", 80, 20),
    ]
    assert [(f.packed_in_time, f.late) for f in forecast([zto], None, now)] == [(None, None)]
    # A floor far behind: nothing of the later trucks makes it, never a negative count.
    assert [(f.packed_in_time, f.late) for f in forecast([ems, zto], 10.0, now)] == [(5, 15), (0, 50)]
    # Tomorrow's truck: no forecast (no one packs through the night at the day's pace).
    tomorrow = Pickup("JD", at(9, day=8), at(19, day=8), due=30, open=30)
    result = forecast([tomorrow, ems], 60.0, now)
    assert [(f.pickup.carrier, f.packed_in_time, f.late) for f in result] == [
        ("EMS", 20, 0),
        ("JD", None, None),
    ]


def test_pace_keys_are_utc_hours_whatever_the_local_zone():
    now = datetime(2026, 12, 7, 2, 40, tzinfo=UTC)
    assert pace({"2026-12-07 01": 30, "2026-12-07 02": 20}, now.astimezone(SHANGHAI)) == 50 / (1 + 40 / 60)
