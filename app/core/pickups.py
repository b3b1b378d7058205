"""Carrier pick-ups: when each carrier's truck comes, which open orders must be on it, and whether
the floor, at the pace it is packing, gets them packed in time.

A carrier's pick-ups are wall-clock times of the warehouse ("HH:MM", from the carrier's record on
the server). An open order *must go* with the next pick-up when its ship-by deadline falls before
the pick-up after that one: on the following truck it would be late. The forecast packs in
pick-up order (the earliest truck's orders first, as a supervisor would have the floor do) at the
floor's recent pace, and counts what would miss its truck.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
MIN_PACE_SPAN_H = 1 / 6  # a pace from fewer than ten minutes of packing says too little


@dataclass(frozen=True, slots=True)
class Pickup:
    carrier: str
    at: datetime  # the next pick-up
    following: datetime  # the one after it
    due: int = 0  # open orders that must go with `at`
    open: int = 0  # every open order of the carrier
    packed: int = 0  # orders packed and waiting at the dock (not handed over yet)
    went: int = 0  # orders handed over to the carrier today


@dataclass(frozen=True, slots=True)
class Forecast:
    pickup: Pickup
    packed_in_time: int | None  # of its orders that must go, packed before the truck (None: no pace yet)
    late: int | None  # the others: they miss it at the current pace


def pickup_times(values: Iterable[object]) -> tuple[time, ...]:
    """The valid "HH:MM" times among `values`, in order of the day, each once."""
    times = set()
    for value in values:
        match = _TIME.fullmatch(str(value).strip())
        if match:
            times.add(time(int(match[1]), int(match[2])))
    return tuple(sorted(times))


def next_two(times: tuple[time, ...], now: datetime) -> tuple[datetime, datetime] | None:
    """The first pick-up after `now` and the one after it, in `now`'s time zone (which must be the
    warehouse's). None when the carrier has no pick-up times."""
    if not times:
        return None
    day = now.date()
    ahead = [datetime.combine(day + timedelta(days=d), t, now.tzinfo) for d in (0, 1, 2) for t in times]
    upcoming = [when for when in ahead if when > now]
    return upcoming[0], upcoming[1]


def last_gone(times: tuple[time, ...], now: datetime, grace: timedelta) -> datetime | None:
    """The latest pick-up whose truck has left by `now`: its time plus `grace` (a truck comes a
    little late and the handover takes its signing), today's or yesterday's, in `now`'s time zone
    (the warehouse's). None when the carrier has no pick-up times."""
    day = now.date()
    gone = [
        when
        for when in (datetime.combine(day - timedelta(days=d), t, now.tzinfo) for d in (0, 1) for t in times)
        if when + grace <= now
    ]
    return max(gone) if gone else None


def upcoming(pickups: Mapping[str, Iterable[object]], now: datetime) -> dict[str, tuple[datetime, datetime]]:
    """Each carrier with pick-up times: its next two pick-ups."""
    found = {}
    for carrier, values in pickups.items():
        two = next_two(pickup_times(values), now)
        if two is not None:
            found[carrier] = two
    return found


def pace(orders_by_hour: Mapping[str, int], now: datetime) -> float | None:
    """The floor's orders per hour lately: the orders of the last clock hour and this one, over the
    time they span ("YYYY-MM-DD HH" keys, UTC). When the last hour packed nothing (the shift has
    just begun) this hour's alone count, once ten minutes of it are gone. None: nothing to go by."""
    now_utc = now.astimezone(UTC)
    this_hour = now_utc.strftime("%Y-%m-%d %H")
    last_hour = (now_utc - timedelta(hours=1)).strftime("%Y-%m-%d %H")
    into = (now_utc.minute * 60 + now_utc.second) / 3600
    current, previous = orders_by_hour.get(this_hour, 0), orders_by_hour.get(last_hour, 0)
    if previous:
        return (previous + current) / (1 + into)
    if current and into >= MIN_PACE_SPAN_H:
        return current / into
    return None


def forecast(pickups: Iterable[Pickup], per_hour: float | None, now: datetime) -> list[Forecast]:
    """Each pick-up, soonest first, with how many of its orders the floor packs before the truck
    at `per_hour`, the earliest truck's orders first; the orders an earlier truck misses are still
    packed (for a later one) before this truck's. Tomorrow's trucks get no forecast: the floor does
    not pack through the night at the day's pace."""
    ordered = sorted(pickups, key=lambda p: (p.at, p.carrier))
    if per_hour is None:
        return [Forecast(p, None, None) for p in ordered]
    result = []
    before = 0  # orders of earlier trucks, all packed ahead of these
    for p in ordered:
        if p.at.astimezone(now.tzinfo).date() != now.date():
            result.append(Forecast(p, None, None))
            continue
        hours = max(0.0, (p.at - now).total_seconds() / 3600)
        capacity = int(per_hour * hours)
        in_time = max(0, min(p.due, capacity - before))
        result.append(Forecast(p, in_time, p.due - in_time))
        before += p.due
    return result
