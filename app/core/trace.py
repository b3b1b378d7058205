"""Unit traceability: what a SKU asks of each unit (a serial, a lot, an expiry, a shelf life),
the unit a scan carries, and why a unit may not leave the bench.

The GS1 Application Identifiers a packer's one scan carries (GS1 General Specifications, 3.2):
(21) serial number, (10) batch/lot, (17) expiration date and (15) best-before date, the dates as
YYMMDD with DD "00" meaning the month's last day and the century chosen within 50 years of
today (7.12). No I/O: the station looks up what the floor knows of the unit (a recall, an older
lot, a serial shipped before) and hands it over as `UnitFacts`.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

TRACE_FLAGS = ("serial", "serial_label", "lot", "expiry")
MAX_SERIAL = 64  # a 唯一码 longer than this is a misread, not a serial


class Fefo(StrEnum):
    """What a unit of a newer lot does while an older lot of the SKU is still in stock."""

    OFF = "off"
    WARN = "warn"  # counted, and said
    BLOCK = "block"  # refused: take one of the older lot


@dataclass(frozen=True, slots=True)
class Tracking:
    """What each unit of a SKU must carry (synced from the office with the SKU)."""

    serial: bool = False  # a serial number / 唯一码 per unit, unique across the floor
    serial_label: bool = False  # the serial is on a label of its own, scanned after the item
    lot: bool = False
    expiry: bool = False
    min_shelf_days: int = 0  # days an expiry must still have at shipping (0: only not expired)

    @classmethod
    def parse(cls, flags: str, min_shelf_days: int = 0) -> Tracking:
        """From the stored form: comma-separated flags ("serial,lot,expiry"). Unknown flags raise."""
        names = {f.strip() for f in flags.split(",") if f.strip()}
        unknown = names - set(TRACE_FLAGS)
        if unknown:
            raise ValueError(f"unknown trace flags: {', '.join(sorted(unknown))}")
        return cls(
            serial="serial" in names or "serial_label" in names,
            serial_label="serial_label" in names,
            lot="lot" in names,
            expiry="expiry" in names or min_shelf_days > 0,
            min_shelf_days=max(0, min_shelf_days),
        )

    @property
    def flags(self) -> str:
        names = [name for name in TRACE_FLAGS if getattr(self, name)]
        if self.serial_label:
            names.remove("serial")
        return ",".join(names)

    @property
    def tracked(self) -> bool:
        return self.serial or self.lot or self.expiry


UNTRACKED = Tracking()


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit as scanned: its serial, lot and expiry ("" / None where the scan had none)."""

    serial: str = ""
    lot: str = ""
    expiry: date | None = None

    @property
    def empty(self) -> bool:
        return not (self.serial or self.lot or self.expiry)

    def to_json(self) -> dict[str, str]:
        expiry = self.expiry.isoformat() if self.expiry else ""
        return {"serial": self.serial, "lot": self.lot, "expiry": expiry}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Unit:
        expiry = str(data.get("expiry") or "")
        return cls(str(data.get("serial") or ""), str(data.get("lot") or ""),
                   date.fromisoformat(expiry) if expiry else None)  # fmt: skip


NO_UNIT = Unit()


def gs1_date(text: str, today: date) -> date | None:
    """A GS1 YYMMDD date (GS1 General Specifications 7.12): DD "00" is the month's last day; the
    century puts the year within 49 years back and 50 ahead of today. None: not a date."""
    if len(text) != 6 or not text.isdigit():
        return None
    yy, month, day = int(text[:2]), int(text[2:4]), int(text[4:])
    if not 1 <= month <= 12:
        return None
    difference = yy - today.year % 100
    century = today.year // 100
    if difference >= 51:
        century -= 1
    elif difference <= -50:
        century += 1
    year = century * 100 + yy
    if day == 0:
        day = calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def unit_from_gs1(gs1: Mapping[str, str], today: date) -> Unit:
    """The unit a GS1 element string carries: (21) serial, (10) lot, (17) expiry or (15) best before."""
    expiry = None
    for ai in ("17", "15"):
        if ai in gs1:
            expiry = gs1_date(gs1[ai], today)
            if expiry is not None:
                break
    return Unit(serial=gs1.get("21", "")[:MAX_SERIAL], lot=gs1.get("10", ""), expiry=expiry)


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """What the floor knows of a scanned unit, looked up by the station before the step."""

    recalled: str = ""  # the recall's reason ("" not recalled)
    older_lot: str = ""  # FEFO: a lot of the SKU expiring earlier, still in stock
    older_expiry: date | None = None
    shipped_on: str = ""  # the order this serial already left with


NO_FACTS = UnitFacts()


class Problem(StrEnum):
    SERIAL_NEEDED = "serial_needed"  # a plain EAN of a serial-tracked SKU
    LOT_NEEDED = "lot_needed"  # a lot- or expiry-tracked SKU scanned without them
    EXPIRED = "expired"
    SHELF_LIFE = "shelf_life"  # fewer days left than the customer or SKU asks
    RECALLED = "recalled"
    SERIAL_TWICE = "serial_twice"  # the same serial on this order already
    SERIAL_SHIPPED = "serial_shipped"  # the serial already left with another order
    OLDER_LOT = "older_lot"  # FEFO: an older lot is still in stock


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    days_left: int = 0
    min_days: int = 0
    detail: str = ""  # the recall's reason, the older lot, the order the serial went with


def check_unit(
    tracking: Tracking,
    unit: Unit,
    facts: UnitFacts,
    today: date,
    *,
    min_days: int | None = None,
    serials_here: frozenset[str] = frozenset(),
    fefo: Fefo = Fefo.OFF,
    serial_to_come: bool = False,
) -> Finding | None:
    """Why this unit may not go in this parcel, or None. `min_days` is the customer's or
    channel's shelf-life rule (None: the SKU's own); `serials_here` the serials already on the
    order; `serial_to_come` that the serial label is the next scan (no serial needed yet).
    A FEFO finding is returned with `fefo` WARN as well: the caller counts the unit and says it."""
    if facts.recalled:
        return Finding(Problem.RECALLED, detail=facts.recalled)
    if tracking.serial and not unit.serial and not serial_to_come:
        return Finding(Problem.SERIAL_NEEDED)
    if (tracking.lot and not unit.lot) or (tracking.expiry and unit.expiry is None):
        return Finding(Problem.LOT_NEEDED)
    if unit.expiry is not None:
        days_left = (unit.expiry - today).days
        wanted = tracking.min_shelf_days if min_days is None else min_days
        if days_left < 0:
            return Finding(Problem.EXPIRED, days_left=days_left, min_days=wanted)
        if days_left < wanted:
            return Finding(Problem.SHELF_LIFE, days_left=days_left, min_days=wanted)
    if unit.serial:
        if unit.serial in serials_here:
            return Finding(Problem.SERIAL_TWICE, detail=unit.serial)
        if facts.shipped_on:
            return Finding(Problem.SERIAL_SHIPPED, detail=facts.shipped_on)
    if fefo is not Fefo.OFF and facts.older_lot:
        return Finding(Problem.OLDER_LOT, detail=facts.older_lot)
    return None
