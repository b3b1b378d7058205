"""What the documents say: plain values, built by the app from its store, rendered here.

Nothing in this module knows about orders in the database or widgets. Money in integer cents,
weights in integer grams, times timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class DocKind(StrEnum):
    LABEL = "label"  # shipping label (e-waybill)
    CARTON = "carton"  # GS1-128 SSCC carton label (B2B)
    INSERT = "insert"  # welcome / birthday / VIP thank-you card
    SLIP = "slip"  # packing slip
    PICKLIST = "picklist"
    COMMANDS = "commands"  # station command sheet
    RETURN = "return"  # a returned unit's label: where it goes
    MANIFEST = "manifest"  # the carrier's handover list (交接单) the driver signs


class InsertKind(StrEnum):
    WELCOME = "welcome"
    BIRTHDAY = "birthday"
    VIP = "vip"
    COUPON = "coupon"  # we miss you: for a customer at risk of churning
    AFTERCARE = "aftercare"  # after a problem (a return, a complaint): sorry, and a coupon


class Format(StrEnum):
    PDF = "pdf"
    ZPL = "zpl"
    TSPL = "tspl"


@dataclass(frozen=True)
class Party:
    name: str
    phone: str = ""
    address: str = ""  # one line: province city district street
    province: str = ""
    city: str = ""
    district: str = ""


@dataclass(frozen=True)
class LabelData:
    order_no: str
    carrier: str  # code: SF, ZTO, ...
    carrier_name: str  # as printed: 顺丰速运
    waybill_no: str
    sort_code: str  # the carrier's sort code (三段码) as issued; "" when none was
    receiver: Party
    sender: Party
    items: str  # one-line summary
    item_count: int
    weight_g: int | None = None
    note: str = ""
    channel: str = ""
    printed_at: datetime | None = None
    cod_cents: int = 0
    parcel_no: int = 1  # a split shipment's parcel, of parcel_count
    parcel_count: int = 1
    short_address: str = ""  # 大头笔, as issued
    package_center_code: str = ""  # 集包地
    package_center_name: str = ""
    route_label: str = ""  # SF's destRouteLabel
    qr_code: str = ""  # the 2-D code the carrier prints (SF twoDimensionCode), as issued


@dataclass(frozen=True)
class ReturnLabelData:
    """A returned unit's label (售后标签): its code, what it is, why it came back, where it goes."""

    code: str  # printed as Code 128: scanned at the bin it goes to
    order_no: str
    sku: str
    name: str
    reason: str  # as printed (the station's language)
    grade: str
    disposition: str  # as printed
    bin: str
    expected: bool = True  # False: not in the order, kept apart


@dataclass(frozen=True)
class CartonData:
    sscc: str  # 18 digits with check digit
    order_no: str
    ship_from: Party
    ship_to: Party
    carton_no: int = 1
    carton_count: int = 1
    purchase_order: str = ""
    item_count: int = 0
    weight_g: int | None = None


@dataclass(frozen=True)
class InsertData:
    kind: InsertKind
    order_no: str
    customer_name: str
    tier: str = ""
    coupon_code: str = ""
    coupon_text: str = ""  # e.g. "满199减30"
    message: str = ""
    shop_name: str = ""
    confirm_code: str = ""  # printed as a barcode; scanned to confirm the card went in


@dataclass(frozen=True)
class SlipLine:
    sku: str
    name: str
    quantity: int
    price_cents: int = 0
    custom: str = ""  # personalisation, e.g. engraving text


@dataclass(frozen=True)
class SlipUnit:
    """A traced unit in the parcel: what the customer's scan of the slip's QR code tells them."""

    sku: str
    name: str
    lot: str = ""
    expiry: str = ""  # YYYY-MM-DD
    serial: str = ""


@dataclass(frozen=True)
class SlipData:
    order_no: str
    receiver: Party
    lines: tuple[SlipLine, ...]
    show_prices: bool = True
    total_cents: int = 0
    note: str = ""
    shop_name: str = ""
    channel: str = ""
    ordered_at: datetime | None = None
    gift_message: str = ""
    units: tuple[SlipUnit, ...] = ()  # traced units: a traceability table and QR (正品溯源)


@dataclass(frozen=True)
class ManifestLine:
    waybill_no: str
    order_no: str
    parcel_no: int = 1
    bag: str = ""
    weight_g: int | None = None  # the dock scale's, else the packing scale's


@dataclass(frozen=True)
class ManifestData:
    manifest_no: str
    carrier: str
    carrier_name: str
    pickup: str
    driver: str
    station: str
    operator: str
    closed_at: datetime
    lines: tuple[ManifestLine, ...]
    missing: tuple[str, ...] = ()  # packed for this carrier, not handed over


@dataclass(frozen=True)
class PickLine:
    location: str
    sku: str
    name: str
    barcode: str
    quantity: int
    orders: int = 1  # how many orders need it
    slots: str = ""  # cart slots, e.g. "1,4,7"


@dataclass(frozen=True)
class PickListData:
    wave_code: str
    lines: tuple[PickLine, ...]
    strategy: str = ""
    order_count: int = 0
    picker: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class CommandItem:
    code: str  # what the barcode carries, e.g. "#PL:COMPLETE"
    title: str  # what it does, in the sheet's language
    key: str = ""  # the key that does the same, e.g. "F8"


@dataclass(frozen=True)
class CommandSheetData:
    station: str
    items: tuple[CommandItem, ...]
    title: str = ""
    extras: tuple[CommandItem, ...] = field(default=())


PT_PER_MM = 72 / 25.4  # typographic points in a millimetre


@dataclass(frozen=True)
class ThermalProfile:
    """How a thermal printer draws: its resolution, Chinese as bitmaps or in its own font."""

    dpi: int = 203
    cjk: str = "bitmap"  # "bitmap" or "font"
    font_name: str = ""  # the resident font when cjk == "font"
    darkness: int | None = None
    gap_mm: float = 2.0  # TSPL: the gap between labels

    def dots(self, mm_value: float) -> int:
        return round(mm_value * self.dpi / 25.4)

    def pt_dots(self, pt: float) -> int:
        return round(pt / PT_PER_MM * self.dpi / 25.4)


COMPONENTS = ("cainiao", "pdd", "doudian", "wxshop")  # the platforms' print components (printing.components)


def is_component(uri: str) -> bool:
    """Whether the address is a platform's print component (which takes print data, not bytes)."""
    return uri.strip().partition(":")[0].lower() in COMPONENTS
