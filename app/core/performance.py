"""How the floor is doing: per packer and per station, now and for a period, fairly.

Pure: the store hands in one `PackFact` per finished pack session and the error counts of the
window; this turns them into rows a supervisor reads. Throughput is also given in work units,
which weigh an order by what packing it took (lines, units, the plan's instructions and cards),
so a packer of VIP gift orders is not ranked below a packer of single-item parcels.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

# What an order costs a packer beyond opening it and weighing it, in "single-item orders".
WORK_PER_EXTRA_LINE = 0.5  # another SKU to find and check
WORK_PER_EXTRA_UNIT = 0.2  # another unit of a SKU already in hand
WORK_PER_STEP = 0.4  # an instruction to carry out (gift wrap, remove price tags, ...)
WORK_PER_CARD = 0.3  # a card or sample to put in and scan
WORK_PER_EXTRA_PARCEL = 1.0  # another parcel to seal, weigh and label


@dataclass(frozen=True, slots=True)
class PackFact:
    """One finished pack session: who, where, when, what it held, how it ended."""

    station: str
    packer: str
    started_at: datetime
    ended_at: datetime
    status: str  # packed | held | closed | intercepted
    lines: int = 0
    units: int = 0
    steps: int = 0  # the plan's instructions confirmed by key
    cards: int = 0  # cards and samples scanned in
    parcels: int = 1
    weight_override: bool = False

    @property
    def seconds(self) -> float:
        return max(0.0, (self.ended_at - self.started_at).total_seconds())


def work_units(fact: PackFact) -> float:
    """What packing this order took, in single-item orders (1.0: one line, one unit, no plan)."""
    if fact.status != "packed":
        return 0.0
    return (
        1.0
        + WORK_PER_EXTRA_LINE * max(0, fact.lines - 1)
        + WORK_PER_EXTRA_UNIT * max(0, fact.units - fact.lines)
        + WORK_PER_STEP * fact.steps
        + WORK_PER_CARD * fact.cards
        + WORK_PER_EXTRA_PARCEL * max(0, fact.parcels - 1)
    )


# The bench's verdicts that are mistakes caught, and which kind each is (wrong item or weight off).
MISTAKES = {"wrong_item": "wrong", "over_scan": "wrong", "weight_failed": "weight"}


@dataclass(frozen=True, slots=True)
class Errors:
    """Mistakes caught at the bench in the window (from the audit trail)."""

    wrong_items: int = 0  # an item not in the order, or one too many
    weight_failures: int = 0

    def __add__(self, other: Errors) -> Errors:
        return Errors(self.wrong_items + other.wrong_items, self.weight_failures + other.weight_failures)

    @classmethod
    def of(cls, verdict: str, count: int) -> Errors:
        """`count` mistakes of one verdict of MISTAKES."""
        return cls(count, 0) if MISTAKES[verdict] == "wrong" else cls(0, count)


@dataclass(frozen=True, slots=True)
class Totals:
    """Sums over packs (what one aggregate query gives): work units are linear in them."""

    orders: int = 0  # packed
    lines: int = 0
    units: int = 0
    steps: int = 0
    cards: int = 0
    parcels: int = 0
    busy_s: float = 0.0
    held: int = 0
    overrides: int = 0

    def __add__(self, other: Totals) -> Totals:
        # Field by field: dataclasses.astuple copies deeply, and a board adds thousands of these.
        return Totals(
            self.orders + other.orders,
            self.lines + other.lines,
            self.units + other.units,
            self.steps + other.steps,
            self.cards + other.cards,
            self.parcels + other.parcels,
            self.busy_s + other.busy_s,
            self.held + other.held,
            self.overrides + other.overrides,
        )

    @classmethod
    def of(cls, fact: PackFact) -> Totals:
        if fact.status != "packed":
            return cls(held=int(fact.status == "held"))
        return cls(1, fact.lines, fact.units, fact.steps, fact.cards, fact.parcels, fact.seconds, 0,
                   int(fact.weight_override))  # fmt: skip

    @property
    def work(self) -> float:
        """Σ work_units of the packs summed (every pack has a line, a unit and a parcel at least)."""
        return (
            self.orders
            + WORK_PER_EXTRA_LINE * max(0, self.lines - self.orders)
            + WORK_PER_EXTRA_UNIT * max(0, self.units - self.lines)
            + WORK_PER_STEP * self.steps
            + WORK_PER_CARD * self.cards
            + WORK_PER_EXTRA_PARCEL * max(0, self.parcels - self.orders)
        )


@dataclass(frozen=True, slots=True)
class Row:
    """One packer (or station, or hour) over a window."""

    key: str
    orders: int
    units: int
    work: float
    hours: float  # the window's length the rates are per (its elapsed part)
    busy_s: float  # time spent in the sessions counted
    held: int
    overrides: int
    errors: Errors = field(default_factory=Errors)

    @property
    def orders_per_hour(self) -> float:
        return self.orders / self.hours if self.hours > 0 else 0.0

    @property
    def units_per_hour(self) -> float:
        return self.units / self.hours if self.hours > 0 else 0.0

    @property
    def work_per_hour(self) -> float:
        """Throughput adjusted for complexity: the fair ranking."""
        return self.work / self.hours if self.hours > 0 else 0.0

    @property
    def items_per_order(self) -> float:
        return self.units / self.orders if self.orders else 0.0

    @property
    def seconds_per_order(self) -> float:
        return self.busy_s / self.orders if self.orders else 0.0

    @property
    def seconds_per_item(self) -> float:
        return self.busy_s / self.units if self.units else 0.0

    @property
    def accuracy_pct(self) -> float:
        """Units packed without a mistake caught, in percent (100 with nothing packed)."""
        mistakes = self.errors.wrong_items + self.errors.weight_failures
        total = self.units + mistakes
        return 100.0 * self.units / total if total else 100.0


def row(key: str, totals: Totals, hours: float, errors: Errors | None = None) -> Row:
    return Row(
        key=key,
        orders=totals.orders,
        units=totals.units,
        work=totals.work,
        hours=hours,
        busy_s=totals.busy_s,
        held=totals.held,
        overrides=totals.overrides,
        errors=errors or Errors(),
    )


def window_hours(window: tuple[datetime, datetime]) -> float:
    """The part of the window that has passed, in hours (a minute at least: no rate from nothing)."""
    start, now = window
    return max((now - start).total_seconds() / 3600, 1 / 60)


def ranked(rows: Iterable[Row]) -> list[Row]:
    """Best fair throughput first."""
    return sorted(rows, key=lambda r: (-r.work_per_hour, r.key))


def rows_by(
    facts: Iterable[PackFact],
    key: str,
    window: tuple[datetime, datetime],
    errors: Mapping[str, Errors] | None = None,
) -> list[Row]:
    """`facts` grouped by "packer", "station" or "hour" (of ended_at, local), over `window` (start,
    now): rates are per hour of the window that has passed (per hour for hours). Packers and
    stations by fair throughput, best first; hours in order."""
    start, now = window
    groups: dict[str, Totals] = {}
    for fact in facts:
        if start <= fact.ended_at <= now:
            name = fact.ended_at.astimezone().strftime("%H:00") if key == "hour" else getattr(fact, key)
            groups[name] = groups.get(name, Totals()) + Totals.of(fact)
    if key == "hour":
        return sorted((row(name, t, 1.0) for name, t in groups.items()), key=lambda r: r.key)
    hours = window_hours(window)
    return ranked(row(name, t, hours, (errors or {}).get(name)) for name, t in groups.items())


def day_window(now: datetime) -> tuple[datetime, datetime]:
    """Today so far, local midnight to now."""
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0), local


def week_window(now: datetime) -> tuple[datetime, datetime]:
    """This week so far, from Monday's local midnight."""
    start, local = day_window(now)
    return start - timedelta(days=start.weekday()), local
