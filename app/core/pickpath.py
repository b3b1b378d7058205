"""Pick path: the order a picker walks a wave's lines, and how far that is.

Locations are parsed with a configurable pattern (named groups zone, aisle, bay, level); the
default reads the demo warehouse's `A-03-07-2`. Aisles are walked serpentine: up odd aisles (bay 1
first) and down even ones, so a picker never walks an aisle back empty. Locations the pattern does
not read go last, in text order, so nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

DEFAULT_PATTERN = r"^(?P<zone>[A-Za-z]+)-(?P<aisle>\d+)-(?P<bay>\d+)-(?P<level>\d+)$"


class PatternError(ValueError):
    """A location pattern that cannot be used."""


class Location(NamedTuple):
    zone: str
    aisle: int
    bay: int
    level: int


@dataclass(frozen=True)
class Layout:
    """How the warehouse is laid out, for the walk estimate (metres)."""

    aisle_pitch_m: float = 3.0  # centre to centre of neighbouring aisles
    bay_width_m: float = 1.3
    bays_per_aisle: int = 20
    zone_change_m: float = 25.0  # from one zone's aisles to the next


class LocationParser:
    def __init__(self, pattern: str = DEFAULT_PATTERN) -> None:
        try:
            self.regex = re.compile(pattern)
        except re.error as exc:
            raise PatternError(f"location pattern does not compile: {exc}") from None
        missing = {"zone", "aisle", "bay"} - set(self.regex.groupindex)
        if missing:
            raise PatternError(f"location pattern needs the groups {', '.join(sorted(missing))}")
        self.pattern = pattern
        self._cache: dict[str, Location | None] = {}

    def parse(self, text: str) -> Location | None:
        try:
            return self._cache[text]
        except KeyError:
            pass
        match = self.regex.match(text.strip())
        location = None
        if match is not None:
            groups = match.groupdict()
            try:
                location = Location(
                    groups["zone"].upper(),
                    int(groups["aisle"]),
                    int(groups["bay"]),
                    int(groups.get("level") or 0),
                )
            except (TypeError, ValueError):
                location = None
        self._cache[text] = location
        return location


T = TypeVar("T")


def walk_key(location: Location) -> tuple[str, int, int, int]:
    bay = location.bay if location.aisle % 2 == 1 else -location.bay  # serpentine
    return (location.zone, location.aisle, bay, location.level)


def sort_stops(items: Iterable[T], location_of: Callable[[T], str], parser: LocationParser) -> list[T]:
    """`items` in walking order; `location_of(item)` gives its location text."""
    readable: list[tuple[tuple[str, int, int, int], str, T]] = []
    unreadable: list[tuple[str, T]] = []
    for item in items:
        text = location_of(item)
        location = parser.parse(text) if text else None
        if location is None:
            unreadable.append((text or "~", item))
        else:
            readable.append((walk_key(location), text, item))
    readable.sort(key=lambda entry: (entry[0], entry[1]))
    unreadable.sort(key=lambda entry: entry[0])
    return [item for _, _, item in readable] + [item for _, item in unreadable]


def walk_distance(locations: Sequence[Location], layout: Layout = Layout()) -> float:
    """Metres from the depot (zone start, aisle 0) through `locations` in the given order and back
    to the depot: along aisles by bays, across them at the aisle ends, between zones at a cost."""
    if not locations:
        return 0.0
    total = 0.0
    zone, aisle, position = locations[0].zone, 0, 0.0  # position: metres from the aisle's front end
    length = layout.bays_per_aisle * layout.bay_width_m
    for stop in locations:
        target = (stop.bay - 0.5) * layout.bay_width_m
        if stop.zone != zone:
            total += position + layout.zone_change_m  # out of the aisle to the front, over to the zone
            zone, aisle, position = stop.zone, 0, 0.0
        if stop.aisle == aisle:
            total += abs(target - position)
        else:
            # Leave at the end the serpentine is heading to, cross, enter from that end.
            end = length if aisle % 2 == 1 else 0.0
            total += abs(end - position) + abs(stop.aisle - aisle) * layout.aisle_pitch_m + abs(target - end)
        aisle, position = stop.aisle, target
    total += position + aisle * layout.aisle_pitch_m  # back to the depot
    return round(total, 1)
