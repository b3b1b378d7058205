"""Wave planning: the day's open orders grouped so pickers walk once per wave.

Pure: the store hands in `OpenOrder`s, this hands back `PlannedWave`s; the supervisor desk and
`packline waves plan` use the same `plan_waves`.

Guarantees (tests/core/test_waves.py checks them with hypothesis):
- every eligible order lands in exactly one wave, ineligible ones in none;
- no wave exceeds a cap, except an order that alone exceeds it, which gets a wave of its own
  (it still has to be picked);
- priority first: a wave's orders, and the waves themselves, come in priority order (higher level,
  then earlier ship-by, then earlier paid), so with a wave limit the urgent orders go out first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.core.model import OrderStatus
from app.core.pickpath import Layout, LocationParser, sort_stops, walk_distance

FAR_FUTURE = datetime.max.replace(tzinfo=None)
DEFAULT_LAYOUT = Layout()


class Strategy(StrEnum):
    SINGLE_SKU = "single_sku"  # single-item orders grouped by SKU: packed one scan each
    MULTI_CART = "multi_cart"  # multi-item orders batched into carts (one order per cart slot)
    CARRIER = "carrier"  # every open order, grouped by carrier: one hand-over per wave
    ZONE = "zone"  # every open order, grouped by the warehouse zone(s) its items are in


@dataclass(frozen=True, slots=True)
class WaveLine:
    sku: str
    quantity: int
    location: str = ""
    zone: str = ""


@dataclass(frozen=True, slots=True)
class OpenOrder:
    order_no: str
    lines: tuple[WaveLine, ...]
    carrier: str = ""
    channel: str = ""
    province: str = ""
    priority: int = 0
    ship_by: datetime | None = None  # naive UTC or aware; only compared with each other
    paid_at: datetime | None = None
    volume_cm3: int = 0
    status: str = OrderStatus.NEW

    @property
    def items(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def single_item(self) -> bool:
        return len(self.lines) == 1 and self.lines[0].quantity == 1

    @property
    def zones(self) -> str:
        return "+".join(sorted({line.zone for line in self.lines if line.zone})) or "?"


@dataclass(frozen=True)
class Caps:
    max_orders: int = 24  # cart slots for multi-item batches
    max_items: int = 200
    max_volume_cm3: int = 0  # 0: no volume cap
    max_waves: int = 0  # 0: as many as needed

    def problems(self) -> list[str]:
        wrong = []
        if self.max_orders < 1:
            wrong.append("max orders must be at least 1")
        if self.max_items < 1:
            wrong.append("max items must be at least 1")
        if self.max_volume_cm3 < 0 or self.max_waves < 0:
            wrong.append("volume and wave limits cannot be negative")
        return wrong


@dataclass(frozen=True)
class PlannedWave:
    strategy: Strategy
    group: str  # what the orders share: the SKU, the carrier, the zones, or "cart"
    orders: tuple[OpenOrder, ...]
    items: int = 0
    volume_cm3: int = 0
    priority: int = 0  # the highest priority in the wave

    @property
    def order_nos(self) -> tuple[str, ...]:
        return tuple(o.order_no for o in self.orders)


@dataclass(frozen=True)
class WavePlan:
    waves: tuple[PlannedWave, ...]
    left_over: tuple[str, ...] = ()  # eligible but beyond max_waves: next round
    ineligible: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # why orders were not eligible

    @property
    def orders(self) -> int:
        return sum(len(w.orders) for w in self.waves)

    @property
    def items(self) -> int:
        return sum(w.items for w in self.waves)


@dataclass(frozen=True)
class OrderFilter:
    """What the supervisor desk narrows the open orders to; empty fields do not filter."""

    channel: str = ""
    carrier: str = ""
    province: str = ""
    min_priority: int = 0
    ship_by_before: datetime | None = None
    min_items: int = 0
    max_items: int = 0  # 0: no upper bound
    sku: str = ""

    def matches(self, order: OpenOrder) -> bool:
        if self.channel and order.channel.lower() != self.channel.lower():
            return False
        if self.carrier and order.carrier.upper() != self.carrier.upper():
            return False
        if self.province and self.province not in order.province:
            return False
        if order.priority < self.min_priority:
            return False
        if self.ship_by_before is not None and (
            order.ship_by is None or _naive(order.ship_by) > _naive(self.ship_by_before)
        ):
            return False
        items = order.items
        if items < self.min_items or (self.max_items and items > self.max_items):
            return False
        return not self.sku or any(line.sku.upper() == self.sku.upper() for line in order.lines)


def walk_m(wave: PlannedWave, parser: LocationParser, layout: Layout = DEFAULT_LAYOUT) -> float:
    """The estimated walk of a wave's pick path, in metres (locations the pattern cannot read are
    left out of the estimate)."""
    texts = {line.location for order in wave.orders for line in order.lines if line.location}
    stops = [loc for text in sort_stops(texts, str, parser) if (loc := parser.parse(text)) is not None]
    return walk_distance(stops, layout)


def priority_key(order: OpenOrder) -> tuple[int, datetime, datetime, str]:
    return (
        -order.priority,
        _naive(order.ship_by) if order.ship_by is not None else FAR_FUTURE,
        _naive(order.paid_at) if order.paid_at is not None else FAR_FUTURE,
        order.order_no,
    )


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None) if moment.tzinfo is not None else moment


def eligible(order: OpenOrder, strategy: Strategy) -> str | None:
    """Why an order cannot go into a wave of this strategy, or None."""
    if order.status != OrderStatus.NEW:
        return f"status {order.status}"
    if not order.lines:
        return "no lines"
    if strategy is Strategy.SINGLE_SKU and not order.single_item:
        return "not single-item"
    if strategy is Strategy.MULTI_CART and order.single_item:
        return "single-item (use single_sku)"
    return None


def group_of(order: OpenOrder, strategy: Strategy) -> str:
    match strategy:
        case Strategy.SINGLE_SKU:
            return order.lines[0].sku
        case Strategy.CARRIER:
            return order.carrier or "?"
        case Strategy.ZONE:
            return order.zones
        case _:
            return "cart"


def plan_waves(orders: Iterable[OpenOrder], strategy: Strategy | str, caps: Caps = Caps()) -> WavePlan:
    strategy = Strategy(strategy)
    problems = caps.problems()
    if problems:
        raise ValueError("; ".join(problems))
    groups: dict[str, list[OpenOrder]] = {}
    skipped: dict[str, int] = {}
    for order in orders:
        why = eligible(order, strategy)
        if why is not None:
            skipped[why] = skipped.get(why, 0) + 1
            continue
        groups.setdefault(group_of(order, strategy), []).append(order)
    waves: list[PlannedWave] = []
    for group, members in groups.items():
        members.sort(key=priority_key)
        waves.extend(_fill(strategy, group, members, caps))
    waves.sort(key=lambda w: (priority_key(w.orders[0]), w.group))
    left_over: tuple[str, ...] = ()
    if caps.max_waves and len(waves) > caps.max_waves:
        left_over = tuple(no for w in waves[caps.max_waves :] for no in w.order_nos)
        waves = waves[: caps.max_waves]
    return WavePlan(tuple(waves), left_over, sum(skipped.values()), skipped)


def _fill(strategy: Strategy, group: str, members: Sequence[OpenOrder], caps: Caps) -> list[PlannedWave]:
    """Cut a priority-sorted group into waves, in order, each as full as the caps allow."""
    waves: list[PlannedWave] = []
    current: list[OpenOrder] = []
    items = volume = 0

    def close() -> None:
        if current:
            top = max(o.priority for o in current)
            waves.append(PlannedWave(strategy, group, tuple(current), items, volume, top))

    for order in members:
        n, v = order.items, order.volume_cm3
        fits = (
            len(current) < caps.max_orders
            and items + n <= caps.max_items
            and (not caps.max_volume_cm3 or volume + v <= caps.max_volume_cm3)
        )
        if current and not fits:
            close()
            current, items, volume = [], 0, 0
        current.append(order)
        items += n
        volume += v
    close()
    return waves
