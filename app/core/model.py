"""Plain, immutable views of the things a station works with.

The store builds these from its rows; the pack session, printing and sync take them as they
are. Money in integer cents, weights in integer grams, times timezone-aware UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.core.trace import UNTRACKED, Tracking


class OrderStatus(StrEnum):
    NEW = "new"
    RELEASED = "released"  # in a released wave, being picked
    PICKED = "picked"
    PACKED = "packed"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    ON_HOLD = "on_hold"

    @property
    def packable(self) -> bool:
        return self in PACKABLE


class WaveStatus(StrEnum):
    PLANNED = "planned"
    RELEASED = "released"
    PICKING = "picking"  # the first pick was recorded
    DONE = "done"
    CANCELLED = "cancelled"


WAVE_ACTIVE = (WaveStatus.PLANNED, WaveStatus.RELEASED, WaveStatus.PICKING)  # it still owns its orders
WAVE_PICKABLE = (WaveStatus.RELEASED, WaveStatus.PICKING)


class PackStatus(StrEnum):
    """A pack session at a bench."""

    OPEN = "open"
    PACKED = "packed"
    HELD = "held"
    CLOSED = "closed"  # put back unpacked by the packer
    INTERCEPTED = "intercepted"  # stopped by a change on the server (app.core.pack_session.OrderChanged)


class PrintJobStatus(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"  # committed before the first byte goes out
    DONE = "done"
    FAILED = "failed"  # retried later by itself
    INTERRUPTED = "interrupted"  # cut off mid-send: a person decides whether to print it again


PRINT_ACTIVE = (
    PrintJobStatus.QUEUED,
    PrintJobStatus.PRINTING,
    PrintJobStatus.FAILED,
    PrintJobStatus.INTERRUPTED,
)
PACKABLE = (OrderStatus.NEW, OrderStatus.RELEASED, OrderStatus.PICKED)
PACKED_OR_SHIPPED = (OrderStatus.PACKED, OrderStatus.SHIPPED)


class Role(StrEnum):
    PACKER = "packer"
    PICKER = "picker"
    SUPERVISOR = "supervisor"


class Channel(StrEnum):
    TAOBAO = "taobao"
    TMALL = "tmall"
    JD = "jd"
    DOUYIN = "douyin"
    PINDUODUO = "pinduoduo"
    XIAOHONGSHU = "xiaohongshu"
    KUAISHOU = "kuaishou"
    WECHAT = "wechat"  # private community / mini-program shop
    OWN_SHOP = "own_shop"


class Carrier(StrEnum):
    SF = "SF"  # 顺丰速运
    ZTO = "ZTO"  # 中通快递
    YTO = "YTO"  # 圆通速递
    YUNDA = "YUNDA"  # 韵达快递
    STO = "STO"  # 申通快递
    JD = "JD"  # 京东物流
    EMS = "EMS"  # 中国邮政 EMS
    JTEXPRESS = "JTEXPRESS"  # 极兔速递


@dataclass(frozen=True, slots=True)
class Operator:
    operator_id: int
    badge_code: str
    name: str
    role: Role

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR


@dataclass(frozen=True, slots=True)
class Customer:
    customer_id: int
    code: str
    name: str
    phone: str
    tier: str
    tags: tuple[str, ...] = ()
    birthday: date | None = None
    preferences: Mapping[str, Any] = field(default_factory=dict)  # as synced: str, bool, list
    order_count: int = 0
    lifetime_value_cents: int = 0
    last_order_at: datetime | None = None  # the customer's previous order known here
    returns_count: int = 0  # returns received (after-sales)
    last_problem: str = ""  # the reason of the last one
    last_problem_at: datetime | None = None

    @property
    def return_rate_pct(self) -> float:
        """Returns per order, in percent (0 before the first order)."""
        return round(100 * self.returns_count / self.order_count, 1) if self.order_count else 0.0


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_id: int
    sku_code: str
    name_zh: str
    name_en: str
    quantity: int
    unit_weight_g: int
    bin_location: str = ""
    custom_fields: Mapping[str, str] = field(default_factory=dict)
    category: str = ""
    volume_cm3: int = 0  # of one unit; 0: not known
    tracking: Tracking = UNTRACKED  # what each unit must carry (serial, lot, expiry, shelf life)


PACKAGING = "PACKAGING"  # the SKU category of boxes and bags: the packaging catalogue


@dataclass(frozen=True, slots=True)
class Box:
    """A box or bag from the packaging catalogue (SKUs of category PACKAGING)."""

    code: str
    name_zh: str
    name_en: str
    weight_g: int
    volume_cm3: int


@dataclass(frozen=True, slots=True)
class Address:
    receiver: str
    phone: str
    province: str
    city: str
    district: str
    detail: str

    def one_line(self) -> str:
        return f"{self.province}{self.city}{self.district}{self.detail}"


@dataclass(frozen=True, slots=True)
class Routing:
    """What the carrier issued with a waybill number for its hubs to sort by (sync.protocol's
    WaybillRouting)."""

    sort_code: str = ""  # 三段码
    short_address: str = ""  # 大头笔
    package_center_code: str = ""  # 集包地 code
    package_center_name: str = ""  # 集包地 name
    route_label: str = ""  # SF's destRouteLabel
    source: str = ""  # "cainiao:SHOP" (a platform and its shop), "direct:SF" (a carrier account)
    qr_code: str = ""  # 2-D code data (SF's twoDimensionCode)
    print_data: str = ""  # a platform waybill's print data, for the platform's print component
    template_url: str = ""
    custom_area_url: str = ""
    parcels: tuple[tuple[str, str], ...] = ()  # a split shipment's further waybills and their print data

    @classmethod
    def from_stored(cls, data: object) -> Routing | None:
        if not isinstance(data, dict):
            return None
        parcels = data.get("parcels")
        further = tuple(
            (str(waybill), str(printed))
            for waybill, printed in (parcels.items() if isinstance(parcels, dict) else ())
            if printed
        )
        return cls(**{name: str(data.get(name) or "") for name in ROUTING_FIELDS}, parcels=further)

    def print_data_for(self, waybill: str, own: str | None) -> str:
        """The platform's print data for `waybill`: the order's own number's, or a further parcel's
        ("": the platform issued none for it)."""
        if waybill == (own or ""):
            return self.print_data
        return dict(self.parcels).get(waybill, "")

    @property
    def platform(self) -> str:
        """The platform whose component prints this waybill ("" for a direct carrier account)."""
        return self.source.partition(":")[0] if self.print_data else ""


ROUTING_FIELDS = ("sort_code", "short_address", "package_center_code", "package_center_name", "route_label",
                  "source", "qr_code", "print_data", "template_url", "custom_area_url")  # fmt: skip


@dataclass(frozen=True, slots=True)
class OrderSnapshot:
    """Everything the station needs to pack one order, read in one query."""

    order_id: int
    order_no: str
    channel: str
    status: OrderStatus
    carrier: str
    waybill_no: str | None
    address: Address
    lines: tuple[OrderLine, ...]
    amount_cents: int
    customer: Customer | None = None
    buyer_note: str = ""
    seller_note: str = ""
    hold_reason: str = ""
    paid_at: datetime | None = None
    ship_by: datetime | None = None
    packed_at: datetime | None = None
    extra_waybills: tuple[str, ...] = ()  # more of the carrier's numbers, for a split shipment's parcels
    routing: Routing | None = None  # the carrier's routing data, as issued
    routing_required: bool = False  # the carrier's hubs sort by it: no label without it
    # Lookup key (see core.barcodes.lookup_key) -> (sku_code, pack quantity) for every barcode
    # of every SKU in this order, so item scans resolve without a database round trip.
    barcodes: Mapping[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def items_weight_g(self) -> int:
        return sum(line.quantity * line.unit_weight_g for line in self.lines)
