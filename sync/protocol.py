"""The wire contract between stations and the central server, version 1 (`/api/v1`).

Both ends import these models, so a field renamed on one side fails the other side's tests, not
a warehouse at 3 a.m. Unknown fields are refused (`extra="forbid"`) on what the server accepts
from stations, and ignored on what stations accept from the server, so a newer server can add
fields without breaking older stations.

Pull: `GET /api/v1/changes?cursor=C&limit=N` returns the entities changed after cursor C, in the
order they changed, and the cursor to ask with next. The cursor is opaque to stations: a string
the server issued. Deleted entities come as tombstones (`deleted: true`, no data).

Push: `POST /api/v1/events` takes a batch of events, each with its UUID; the answer has one
result per event. A UUID seen before gets the first answer again, so a station that never heard
the reply (a cut connection, a crash) can send the batch again without doing anything twice.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from app.core.rules import RuleError, parse_rule

API_PREFIX = "/api/v1"
MAX_PUSH_BATCH = 500
MAX_PULL_PAGE = 5000
# What any JSON the server stores may hold: both databases take it (SQLite's and PostgreSQL's
# integers are signed 64-bit; PostgreSQL's JSON has no NaN, Infinity or NUL), and no one value
# can make every station's pull heavy.
INT64_MAX = 2**63 - 1
MAX_JSON_DEPTH = 12
MAX_JSON_STRING = 10_000  # characters in one string
MAX_JSON_SIZE = 256_000  # characters in one event's payload or one entity, roughly as JSON


class Incoming(BaseModel):
    """What the server accepts: strict about unknown fields."""

    model_config = ConfigDict(extra="forbid")


class Outgoing(BaseModel):
    """What stations accept: tolerant of fields a newer server adds."""

    model_config = ConfigDict(extra="ignore")


# --- entities (pull) -----------------------------------------------------------------------------


class Kind(StrEnum):
    OPERATOR = "operator"
    CARRIER = "carrier"
    SKU = "sku"
    CUSTOMER = "customer"
    ORDER = "order"
    WAVE = "wave"
    RULE = "rule"


# What refers to what comes later: a station applying a page never meets an order whose SKU or
# customer it has not seen, nor a wave whose orders it has not. Writers on the server also lock
# rows in this order.
DEPENDENCY_ORDER = (
    Kind.OPERATOR,
    Kind.CARRIER,
    Kind.SKU,
    Kind.CUSTOMER,
    Kind.ORDER,
    Kind.WAVE,
    Kind.RULE,
)

# A code or a number people and scanners read (order, SKU, customer, station, wave): no control
# characters, which PostgreSQL's text cannot hold (NUL) and no label or screen shows.
Code = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$")]
# A count, an amount or a weight a station's database can hold (SQLite integers are signed 64-bit):
# a larger one is refused by the contract, so it is set aside with a reason, not a failed write.
Count = Annotated[int, Field(ge=0, le=INT64_MAX)]
Amount = Annotated[int, Field(ge=-INT64_MAX - 1, le=INT64_MAX)]


class BarcodeWire(Outgoing):
    code: Code
    kind: str = "ean13"
    pack_qty: int = Field(default=1, ge=1, le=INT64_MAX)


# What each unit of a SKU must carry (app.core.trace.Tracking's flags).
TRACE_PATTERN = r"^((serial|serial_label|lot|expiry)(,(serial|serial_label|lot|expiry))*)?$"


class LotWire(Outgoing):
    """A lot of a traced SKU: its expiry, the units in stock (first expired, first out) and, once
    the office recalls it, why (every bench then refuses its units)."""

    lot: Code
    expiry: date | None = None
    in_stock: Count = 0
    recalled: str = Field("", max_length=200)


class SkuWire(Outgoing):
    code: Code
    name_zh: str = Field(max_length=200)
    name_en: str = Field(default="", max_length=200)
    category: str = ""
    unit_weight_g: Count
    bin_location: str = ""
    price_cents: Count = 0
    volume_cm3: Count = 0  # for wave volume caps; 0: not known
    trace: str = Field("", max_length=64, pattern=TRACE_PATTERN)
    min_shelf_days: int = Field(0, ge=0, le=3650)  # an expiry's days left at shipping, at least
    barcodes: list[BarcodeWire] = []
    lots: list[LotWire] = Field(default=[], max_length=1000)


class Preferences(Outgoing):
    """A customer's standing wishes; every field is optional and merged one by one."""

    packaging: Literal["standard", "simple", "gift", ""] = ""
    no_price_tags: bool | None = None
    preferred_carrier: str = ""
    ship_days: list[int] = []  # ISO weekdays 1 = Monday … 7 = Sunday
    note: str = ""
    address: str = ""  # a corrected address, used instead of the order's


PREFERENCE_FIELDS = tuple(Preferences.model_fields)


class CustomerWire(Outgoing):
    code: Code
    name: str = Field(max_length=200)
    phone: str = ""
    tier: str = "normal"
    tags: list[str] = []
    birthday: date | None = None
    preferences: dict[str, Any] = {}
    order_count: Amount = 0
    lifetime_value_cents: Amount = 0
    # After-sales history, kept by the server from the stations' returns.
    returns_count: Count = 0
    last_problem: str = Field(default="", max_length=32)
    last_problem_at: AwareDatetime | None = None


class OrderLineWire(Outgoing):
    line_no: int = Field(ge=1, le=INT64_MAX)
    sku: Code
    quantity: int = Field(ge=1, le=INT64_MAX)
    custom_fields: dict[str, Any] = {}


WaybillNo = Annotated[str, Field(min_length=1, max_length=64)]
PrintData = Annotated[str, Field(max_length=32768)]


class WaybillRouting(Outgoing):
    """The routing data the carrier issued with a waybill number, printed on the label exactly as
    issued (docs/LABELS.md has where each comes from): the hubs sort the parcel by it."""

    sort_code: str = Field("", max_length=32)  # 三段码 (e.g. "400-W00 000")
    short_address: str = Field("", max_length=64)  # 大头笔 (short_address)
    package_center_code: str = Field("", max_length=32)  # 集包地 code, printed as a barcode
    package_center_name: str = Field("", max_length=64)  # 集包地 name
    route_label: str = Field("", max_length=32)  # SF's destRouteLabel (e.g. "771AG")
    source: str = Field("", max_length=64)  # where the waybill came from: "cainiao:SHOP", "direct:SF"
    qr_code: str = Field("", max_length=512)  # 2-D code data the carrier prints (SF twoDimensionCode)
    # A platform waybill (菜鸟, 拼多多, 抖店, 微信小店) prints only through the platform's component:
    # its print data as issued (opaque, often encrypted), the standard template when the print data
    # does not name it, and the shop's custom-area template.
    print_data: str = Field("", max_length=32768)
    template_url: str = Field("", max_length=512)
    custom_area_url: str = Field("", max_length=512)
    # A split shipment's further parcels: each of the order's extra waybills with the print data
    # the platform issued for it (the label of parcel 2 prints through the component with its own).
    parcels: dict[WaybillNo, PrintData] = Field(default_factory=dict, max_length=50)


class OrderWire(Outgoing):
    order_no: Code
    channel: str = "shop"
    status: Literal["new", "released", "picked", "packed", "shipped", "cancelled", "on_hold"] = "new"
    paid_at: AwareDatetime | None = None
    ship_by: AwareDatetime | None = None
    carrier: str = ""
    waybill_no: str | None = None
    # More waybill numbers of the order's carrier (a split shipment's parcels after the first).
    extra_waybills: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(
        default=[], max_length=50
    )
    receiver_name: str = ""
    receiver_phone: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    address: str = ""
    buyer_note: str = ""
    seller_note: str = ""
    amount_cents: Amount = 0
    hold_reason: str = ""
    # The carrier's routing data for `waybill_no` (and the split parcels' numbers: a sub-waybill
    # goes where its parent goes); None: none was issued yet.
    routing: WaybillRouting | None = None
    customer: str | None = None  # the customer's code
    packed_by: str = ""  # the station whose pack the server accepted
    # That pack's id: a station seeding a server from its own export names its packs, so the
    # order.packed it sends later is known as its own, not another station's double pack.
    pack_id: str | None = Field(None, max_length=64)
    # That pack as the server accepted it (station, operator, packed_at, weight, override, rules):
    # the evidence a returns desk anywhere needs.
    pack: dict[str, Any] | None = None
    # Its handover to the carrier (manifest_no, station, shipped_at, waybills), once handed over.
    shipment: dict[str, Any] | None = None
    lines: list[OrderLineWire] = []


class OperatorWire(Outgoing):
    badge_code: Code
    name: str
    pin_hash: str
    role: Literal["packer", "picker", "supervisor"]
    active: bool = True


# A carrier's daily pick-up ("HH:MM", the warehouse's local time): the parcels packed before it
# leave with that truck.
PickupTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class CarrierWire(Outgoing):
    code: Code
    name: str
    pickups: list[PickupTime] = Field(default=[], max_length=8)
    # Its hubs sort by the routing data it issues: an order without it is held, never printed with
    # a code of our own making.
    routing_required: bool = False


class WaveWire(Outgoing):
    code: Code
    strategy: str = ""
    status: str = "planned"
    picker: str = ""
    station: str = ""  # the packing station it is assigned to
    orders: list[str] = []  # order numbers, in cart-slot order


class RuleWire(Outgoing):
    code: Code
    position: Amount = 0
    enabled: bool = True
    definition: dict[str, Any] = {}


ENTITY_MODELS: dict[Kind, type[Outgoing]] = {
    Kind.OPERATOR: OperatorWire,
    Kind.CARRIER: CarrierWire,
    Kind.SKU: SkuWire,
    Kind.CUSTOMER: CustomerWire,
    Kind.ORDER: OrderWire,
    Kind.WAVE: WaveWire,
    Kind.RULE: RuleWire,
}

KEY_FIELDS: dict[Kind, str] = {
    Kind.OPERATOR: "badge_code",
    Kind.CARRIER: "code",
    Kind.SKU: "code",
    Kind.CUSTOMER: "code",
    Kind.ORDER: "order_no",
    Kind.WAVE: "code",
    Kind.RULE: "code",
}


class Change(Outgoing):
    """One changed entity. On the wire `kind` says which model `data` is; each kind has its own
    subclass below, so a page is parsed straight into typed entities in one pass (parsing into
    dicts and validating every entity again cost a station a third of its first pull)."""

    kind: Kind
    key: str
    deleted: bool = False
    data: Outgoing | None = None  # None: a tombstone

    def entity(self) -> Outgoing:
        """The entity itself (a live change without data breaks the contract)."""
        if self.data is None:
            raise ValueError(f"{self.kind} {self.key}: the server sent a change without its data")
        return self.data


class OperatorChange(Change):
    kind: Literal[Kind.OPERATOR]
    data: OperatorWire | None = None


class CarrierChange(Change):
    kind: Literal[Kind.CARRIER]
    data: CarrierWire | None = None


class SkuChange(Change):
    kind: Literal[Kind.SKU]
    data: SkuWire | None = None


class CustomerChange(Change):
    kind: Literal[Kind.CUSTOMER]
    data: CustomerWire | None = None


class OrderChange(Change):
    kind: Literal[Kind.ORDER]
    data: OrderWire | None = None


class WaveChange(Change):
    kind: Literal[Kind.WAVE]
    data: WaveWire | None = None


class RuleChange(Change):
    kind: Literal[Kind.RULE]
    data: RuleWire | None = None


AnyChange = Annotated[
    OperatorChange | CarrierChange | SkuChange | CustomerChange | OrderChange | WaveChange | RuleChange,
    Field(discriminator="kind"),
]
CHANGE: TypeAdapter[Change] = TypeAdapter(AnyChange)  # a change from plain values, of its kind


class ChangesPage(Outgoing):
    changes: list[AnyChange]
    cursor: str
    more: bool
    server_time: AwareDatetime


def as_dicts(annotation: Any) -> Any:
    """The same type with every model in it replaced by a TypedDict of the same fields (each with
    its model's FieldInfo: default, constraints, discriminator). Validating against it checks
    exactly what the models check but builds plain dicts and lists: a station's pull page parses
    in ~60% of the time, the models' instances being the most of it. A test holds the two equal."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        mirror = _MIRRORS.get(annotation)
        if mirror is None:
            fields = {
                name: Annotated[as_dicts(f.annotation), f] for name, f in annotation.model_fields.items()
            }
            mirror = TypedDict(f"{annotation.__name__}Dict", fields)  # type: ignore[operator]
            mirror.__pydantic_config__ = annotation.model_config  # type: ignore[attr-defined]
            _MIRRORS[annotation] = mirror
        return mirror
    origin = get_origin(annotation)
    if origin is None or origin is Literal:
        return annotation
    args = get_args(annotation)
    if origin is Annotated:
        return Annotated[(as_dicts(args[0]), *annotation.__metadata__)]
    if origin in (Union, UnionType):
        return Union[tuple(as_dicts(arg) for arg in args)]  # noqa: UP007
    return origin[tuple(as_dicts(arg) for arg in args)]


_MIRRORS: dict[type[BaseModel], Any] = {}
# A pull page as plain values: {"changes": [{"kind", "key", "deleted", "data": {...}}], "cursor", ...}
CHANGES_PAGE_DICTS: TypeAdapter[dict[str, Any]] = TypeAdapter(as_dicts(ChangesPage))
# One change as plain values, and a page whose changes are not looked into: what a station uses to
# keep the good changes of a page that holds one it cannot take (a rare page, checked change by change).
CHANGE_DICTS: TypeAdapter[dict[str, Any]] = TypeAdapter(as_dicts(AnyChange))


class PageEnvelope(Outgoing):
    changes: list[Any]
    cursor: str
    more: bool
    server_time: AwareDatetime


PAGE_ENVELOPE_DICTS: TypeAdapter[dict[str, Any]] = TypeAdapter(as_dicts(PageEnvelope))


# --- the end-of-sync check -----------------------------------------------------------------------
# After a long pull, and every CHECK_EVERY_S, a station compares what it has taken of each kind with
# what the server holds (counts and a digest of keys), when its cursor is the server's head; a kind
# that differs is compared key by key and what is missing is pulled again by key.

CHECKED_KINDS = (Kind.OPERATOR, Kind.CARRIER, Kind.SKU, Kind.CUSTOMER, Kind.ORDER, Kind.RULE)
CHECK_EVERY_S = 600


def key_digest(keys: Iterable[str]) -> str:
    """An order-free digest of a set of keys (XOR of each key's 64-bit BLAKE2b): both sides compute
    it over their own keys without sorting or sending them."""
    folded = 0
    for key in keys:
        folded ^= int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    return f"{folded:016x}"


class KindCheck(Outgoing):
    live: int = Field(ge=0)  # keys not deleted
    gone: int = Field(ge=0)  # tombstones
    digest: str  # key_digest of the live keys


def kind_checks(rows: Iterable[Sequence[Any]]) -> dict[Kind, KindCheck]:
    """Each checked kind's counts and digest from (kind, key, deleted) rows: the one way both the
    server and a station count, so the two agree by construction."""
    live: dict[str, list[str]] = {kind.value: [] for kind in CHECKED_KINDS}
    gone = dict.fromkeys(live, 0)
    for kind, key, deleted in rows:  # (kind, key, deleted)
        if kind not in live:
            continue
        if deleted:
            gone[kind] += 1
        else:
            live[kind].append(key)
    return {
        Kind(kind): KindCheck(live=len(keys), gone=gone[kind], digest=key_digest(keys))
        for kind, keys in live.items()
    }


class SyncCheck(Outgoing):
    head: str  # the server's head now
    current: bool  # the cursor asked about is the head: the counts are what the station should have
    kinds: dict[Kind, KindCheck] = {}


# --- live changes (long-poll) ---------------------------------------------------------------------

WAIT_S = 25.0  # how long a station asks the server to hold its wait for a change
WAIT_MAX_S = 30.0  # the longest a server holds one (it may hold less: its own limit)


class ChangesAhead(Outgoing):
    """The answer to a wait for changes: `ahead` when the server's head is past the station's
    cursor (pull now), else the wait ran out with nothing new (ask again)."""

    head: str
    ahead: bool


# --- waybill numbers set aside for a station (split shipments) ------------------------------------

WAYBILL_KEEP_MAX = 200  # numbers one station may hold per carrier


class WaybillReserveRequest(Incoming):
    """`POST /waybills/reserve`: the numbers this station holds for a carrier, topped up to `keep`."""

    carrier: Code
    keep: int = Field(ge=1, le=WAYBILL_KEEP_MAX)


class WaybillReserve(Outgoing):
    """Every number set aside for the asking station and carrier that no accepted pack has used yet
    (the ones it had and the new ones): the same answer again if it is asked again."""

    carrier: str
    waybills: list[str]


class RecallRequest(Incoming):
    """The office recalls a lot of a SKU (POST /trace/recall)."""

    sku: Code
    lot: Code
    reason: str = Field("", max_length=200)


class IntegrationEventWire(Outgoing):
    id: int
    type: str  # refund.requested
    key: str  # the order number
    payload: dict[str, Any]
    created_at: AwareDatetime


class IntegrationPage(Outgoing):
    """`GET /integration/events?after=ID`: what happened after ID, oldest first; ask again with
    `after` (the last id given) for more."""

    events: list[IntegrationEventWire]
    after: int


class BoardRowWire(Outgoing):
    """The accepted packs of one station, packer and hour (UTC) since the asked time."""

    station: str
    operator: str  # the packer's badge
    hour: str  # "YYYY-MM-DD HH:00", UTC
    orders: int
    lines: int
    units: int
    steps: int
    cards: int
    parcels: int
    busy_s: float
    overrides: int
    wrong: int = 0  # mistakes the benches caught (older stations send none)
    weight_failures: int = 0


class HeldWire(Outgoing):
    station: str
    operator: str
    held: int


class DeviceKind(StrEnum):
    PRINTER = "printer"
    SCANNER = "scanner"
    SCALE = "scale"
    CAMERA = "camera"


class DeviceHealth(StrEnum):
    READY = "ready"
    CONNECTING = "connecting"
    PROBLEM = "problem"  # a person must look: unplugged, offline, jobs that did not print


class DeviceWire(Incoming):
    """One device of a station as it stands now: what it is, which one, whether it works, and why not."""

    kind: DeviceKind
    name: str = Field(default="", max_length=120)  # a printer: label, insert or slip; else its port
    health: DeviceHealth
    detail: str = Field(default="", max_length=300)  # the device's own words, untranslated
    # Why, as a code every station says in its own language (scanner.model.DeviceCause for the
    # scanner and scale, printing's PrintError.cause for printers); "" when ready or unknown.
    cause: str = Field(default="", max_length=32, pattern=r"^[a-z_]*$")


class DeviceReport(Incoming):
    """`PUT /stations/devices`: the asking station's devices, sent when they change. The last one
    is kept; it replaces the one before."""

    devices: list[DeviceWire] = Field(default=[], max_length=16)


class DeviceSeenWire(DeviceWire):
    model_config = ConfigDict(extra="ignore")


class StationSeenWire(Outgoing):
    station: str
    last_seen_at: AwareDatetime | None = None  # its last request to the server
    devices: list[DeviceSeenWire] = []  # as it last reported them
    devices_at: AwareDatetime | None = None  # when it did (None: never)


class BoardPage(Outgoing):
    """`GET /board?since=T`: every station's packs since T, for the supervisor's floor board, and
    when the server last heard from each packing station (its sync state) and how its printers,
    scanner and scale stood when it last said."""

    rows: list[BoardRowWire]
    held: list[HeldWire]
    seen: list[StationSeenWire] = []


class KindKeys(Outgoing):
    kind: Kind
    live: list[str]
    gone: list[str]


class EntitiesRequest(Incoming):
    """Entities pulled again by key (what the check found missing): as a page of changes."""

    kind: Kind
    keys: list[Code] = Field(min_length=1, max_length=MAX_PULL_PAGE)


# --- events (push) -------------------------------------------------------------------------------


class Role(StrEnum):
    """What a station token may do. A packing station pushes what happens at its bench and pulls;
    a supervisor desk also sees every station's conflicts; admin (an integration, the office)
    also loads master data through /import."""

    STATION = "station"
    DESK = "desk"
    ADMIN = "admin"


class EventType(StrEnum):
    ORDER_PACKED = "order.packed"
    ORDER_HELD = "order.held"
    ORDER_HOLD_RELEASED = "order.hold_released"
    ORDER_INTERCEPTED = "order.intercepted"
    LABEL_VOIDED = "label.voided"
    LABEL_REISSUED = "label.reissued"
    LABEL_PRINTED = "label.printed"
    CLIP_RECORDED = "clip.recorded"
    ORDER_SHIPPED = "order.shipped"
    RETURN_RECEIVED = "return.received"
    CUSTOMER_PREFERENCE = "customer.preference"
    PICK_CONFIRMED = "pick.confirmed"
    PICK_SHORT = "pick.short"
    RULE_CHANGED = "rule.changed"
    WAVE_CHANGED = "wave.changed"
    SETTINGS_CHANGED = "station.settings_changed"


# What each token role may send. The bench and the handheld (station) and a supervisor's desk send
# what happens on the floor; an integration or the office (admin) sends office work only: a pack
# or a pick from it is refused. Who did it is checked besides (the supervisor decisions an event
# carries, app.core.decisions, and their proofs, in the server's apply_event).
ROLE_EVENTS: dict[Role, frozenset[str]] = {
    Role.STATION: frozenset(EventType),
    Role.DESK: frozenset(EventType),
    Role.ADMIN: frozenset(
        {
            EventType.ORDER_HELD,
            EventType.ORDER_HOLD_RELEASED,
            EventType.CUSTOMER_PREFERENCE,
            EventType.RULE_CHANGED,
            EventType.WAVE_CHANGED,
        }
    ),
}


class Event(Incoming):
    id: UUID
    type: str = Field(min_length=1, max_length=64)
    station: Code
    operator: str | None = Field(None, max_length=64)
    occurred_at: AwareDatetime
    payload: dict[str, Any]


class PushRequest(Incoming):
    events: list[Event] = Field(max_length=MAX_PUSH_BATCH)


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    CONFLICT = "conflict"  # recorded; the station shows it as an exception
    REJECTED = "rejected"  # recorded; the station shows it with the reason


class EventResult(Outgoing):
    id: UUID
    outcome: Outcome
    reason: str = ""
    duplicate: bool = False  # the server had this UUID already: this is its first answer


class PushResponse(Outgoing):
    results: list[EventResult]


class EventError(Outgoing):
    index: int
    id: str | None
    reason: str


class PushRefused(Outgoing):
    """422: the batch broke the contract; nothing in it was applied."""

    detail: str
    errors: list[EventError]


# Event payloads: validated by the server before anything in a batch is applied.


class Proof(Incoming):
    """A supervisor's decision signed at the station where they typed their PIN (app.core.auth,
    app.core.decisions): when, and the signature over what was decided."""

    at: str = Field(max_length=40)
    sig: str = Field(max_length=100)


class PackedWeight(Incoming):
    # Grams: never negative, and no parcel is 10 tonnes (a typo, or a forged event).
    expected_g: int | None = Field(None, ge=0, le=10_000_000)
    actual_g: int | None = Field(None, ge=0, le=10_000_000)
    allowed_g: int | None = Field(None, ge=0, le=10_000_000)
    source: str = Field("", max_length=16)


class PackedParcel(Incoming):
    no: int = Field(ge=1, le=50)
    carrier: str = Field("", max_length=32)
    waybill_no: str = Field("", max_length=64)
    items: list[dict[str, Any]] = Field(default_factory=list, max_length=1000)  # sku, quantity
    weight: PackedWeight = Field(default_factory=PackedWeight)
    packaging: dict[str, Any] | None = None
    override: dict[str, Any] | None = None


class PackedWork(Incoming):
    """What the pack held (the floor board's work units)."""

    lines: int = Field(0, ge=0, le=100_000)
    units: int = Field(0, ge=0, le=1_000_000)
    steps: int = Field(0, ge=0, le=1000)
    cards: int = Field(0, ge=0, le=1000)
    parcels: int = Field(1, ge=0, le=50)


class PackedMistakes(Incoming):
    """Mistakes the bench caught while packing the order (the floor board's accuracy)."""

    wrong: int = Field(0, ge=0, le=100_000)  # items not in the order, or one too many
    weight: int = Field(0, ge=0, le=100_000)  # weights off


class PackedUnitWire(Incoming):
    """A traced unit in the pack: its SKU, the parcel it went in, its serial, lot and expiry."""

    sku: Code
    parcel: int = Field(1, ge=1, le=50)
    serial: str = Field("", max_length=64)
    lot: str = Field("", max_length=64)
    expiry: date | None = None


class OrderPacked(Incoming):
    pack_id: str
    order_no: Code
    packed_at: AwareDatetime
    operator: str
    # Factories, not instances: pydantic deep-copies a default instance for every event it checks
    # (a third of the server's pydantic time for a batch of packs, checked and then applied).
    lines: list[dict[str, Any]] = Field(default_factory=list)
    weight: PackedWeight = Field(default_factory=PackedWeight)
    override: dict[str, Any] | None = None
    packaging: dict[str, Any] | None = None  # the box used: {"box": code, "weight_g": n}
    # Every parcel of the order (one for most): its number, waybill, items, weight and box.
    parcels: list[PackedParcel] = Field(default_factory=list, max_length=50)
    split_by: str = ""  # the supervisor who let it go in several parcels ("": the customer's rule)
    started_at: AwareDatetime | None = None  # when the order was opened at the bench
    work: PackedWork | None = None
    mistakes: PackedMistakes | None = None
    # The customer rules' plan as packed: which rules fired, which steps, and a supervisor's
    # override of steps left undone (who, why, which).
    plan: dict[str, Any] | None = None
    plan_override: dict[str, Any] | None = None
    split_proof: Proof | None = None  # split_by's decision, proven
    units: list[PackedUnitWire] = Field(default_factory=list, max_length=10_000)  # traced units


class OrderHeld(Incoming):
    order_no: Code
    reason: str
    operator: str
    at: AwareDatetime


class PutBackWire(Incoming):
    sku: Code
    quantity: int = Field(ge=1, le=100_000)


class OrderIntercepted(Incoming):
    """An order stopped at a bench by a change from the server (cancelled, held, packed elsewhere,
    other lines); its scanned goods go back to stock."""

    order_no: Code
    reason: str = Field(max_length=32)
    stage: Literal["packing"]
    put_back: list[PutBackWire] = Field(default_factory=list, max_length=1000)
    operator: str
    at: AwareDatetime


class LabelVoided(Incoming):
    """A printed label voided at a station: its waybill number is released (for the carrier's
    platform to cancel); a re-issued label, if any, carries the order's current waybill."""

    order_no: Code
    carrier: str = Field(max_length=32)
    waybill_no: str = Field(max_length=64)
    reason: str = Field(max_length=64)
    operator: str
    at: AwareDatetime


class LabelPrinted(Incoming):
    """A platform's waybill printed by the platform's own print component at a station: the
    server keeps it for the integration that sends the platform its print-success notice
    (菜鸟, 拼多多, 抖店 and 微信小店 each want to be told a waybill was printed)."""

    order_no: Code
    carrier: str = Field(max_length=32)
    waybill_no: str = Field(min_length=1, max_length=64)
    platform: Literal["cainiao", "pdd", "doudian", "wxshop"]
    source: str = Field("", max_length=64)  # the waybill's platform and shop, as issued
    task_id: str = Field("", max_length=64)  # the component's task
    printer: str = Field("", max_length=120)
    at: AwareDatetime


class ClipRecorded(Incoming):
    """The bench camera's clip of a pack: its SHA-256 and its segments', so the server's record
    proves a clip shown in a dispute is the one recorded; or why there is none (no silent gap)."""

    pack_id: str = Field(min_length=1, max_length=36)
    order_no: Code
    waybills: list[Annotated[str, Field(max_length=64)]] = Field(default_factory=list, max_length=50)
    camera: str = Field("", max_length=120)
    status: Literal["recorded", "partial", "missing"]
    reason: str = Field("", max_length=200)
    sha256: str = Field("", pattern=r"^([0-9a-f]{64})?$")
    segments: list[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] = Field(
        default_factory=list, max_length=3600
    )
    started_at: AwareDatetime
    ended_at: AwareDatetime


class ClipFound(Outgoing):
    """A pack's clip as the server knows it: which station holds the file, and its hash."""

    order_no: str
    pack_id: str
    station: str
    camera: str
    status: str
    reason: str
    sha256: str
    started_at: AwareDatetime
    ended_at: AwareDatetime


class ShippedParcel(Incoming):
    no: int = Field(1, ge=1, le=50)
    waybill_no: str = Field(min_length=1, max_length=64)
    bag: str = Field("", max_length=48)
    dock_weight_g: int | None = Field(None, ge=0, le=10_000_000)


class OrderShipped(Incoming):
    """An order's parcels handed over to the carrier at the dock, on a manifest the driver signed
    (出库交接): sent once per order and manifest."""

    order_no: Code
    manifest_no: Code
    carrier: str = Field(max_length=32)
    pickup: str = Field("", max_length=5)
    driver: str = Field("", max_length=120)
    parcels: list[ShippedParcel] = Field(min_length=1, max_length=50)
    operator: str
    shipped_at: AwareDatetime


class ReissuedParcel(Incoming):
    no: int = Field(ge=1, le=50)
    waybill_no: str = Field(max_length=64)


class LabelReissued(Incoming):
    """New labels for an order packed here, after its labels were voided (another carrier now):
    the number each parcel now carries, for the carrier's booking and the server's stock."""

    order_no: Code
    carrier: str = Field(max_length=32)
    parcels: list[ReissuedParcel] = Field(default_factory=list, max_length=50)
    reason: str = Field(max_length=64)
    operator: str
    at: AwareDatetime


class ReturnedUnit(Incoming):
    sku: Code
    expected: bool = True  # in the order as packed; False: not ours, flagged
    # A traced unit's serial and lot as read at the returns desk: a serial the order did not ship
    # is not the order's unit (a swap), and the server refuses it as one.
    serial: str = Field("", max_length=64)
    lot: str = Field("", max_length=64)
    reason: str = Field("", max_length=32)
    grade: Literal["resellable", "repack", "damaged", "scrap", ""] = ""
    disposition: Literal["restock", "repack", "quarantine", "scrap"]
    bin: str = Field("", max_length=32)


class EvidenceWire(Incoming):
    code: str = Field(max_length=32)
    params: dict[str, str] = Field(default_factory=dict, max_length=10)


class ReturnReceived(Incoming):
    """A return parcel checked in at a station (售后收货): every unit with its reason, grade and
    disposition, and who is responsible (what the records proposed, what the person confirmed)."""

    return_id: UUID
    order_no: Code
    customer: str = Field("", max_length=64)
    lookup: str = Field("", max_length=64)
    weight_g: int | None = Field(None, ge=0, le=10_000_000)
    proposed: Literal["warehouse", "carrier", "product", "customer"]
    responsibility: Literal["warehouse", "carrier", "product", "customer"]
    evidence: list[EvidenceWire] = Field(default_factory=list, max_length=50)
    items: list[ReturnedUnit] = Field(min_length=1, max_length=1000)
    operator: str
    received_at: AwareDatetime


class OrderHoldReleased(Incoming):
    order_no: Code
    supervisor: str
    at: AwareDatetime
    proof: Proof | None = None


class PreferenceChanged(Incoming):
    """One preference field changed at a station. `base` is the value the station had before the
    edit: the server uses it to tell a change on top of the latest value from a concurrent one."""

    customer: Code
    field: Literal["packaging", "no_price_tags", "preferred_carrier", "ship_days", "note", "address"]
    value: Any
    base: Any = None
    # The customer's order at hand at the bench that changed it (a station's change needs one).
    order_no: str = Field("", max_length=64)


class RuleChanged(Incoming):
    """A supervisor's edit of one customer rule at a station: the whole rule as it now stands
    (its place in the list, on or off, its definition), or `deleted`. The server keeps the latest
    edit it receives; every station gets it on its next pull."""

    code: Code
    position: Amount = 0
    enabled: bool = True
    definition: dict[str, Any] = Field(default_factory=dict)
    deleted: bool = False
    proof: Proof | None = None


class SettingChange(Incoming):
    setting: str = Field(min_length=1, max_length=64)
    old: Any = None
    new: Any = None


class SettingsChanged(Incoming):
    """A station's settings changed: each setting with its old and new value, who changed them and,
    for what protects the parcel (weight tolerances, PIN rules, devices, printers), the supervisor
    who allowed it. Kept in the server's event log for the office."""

    changes: list[SettingChange] = Field(min_length=1, max_length=100)
    by: str | None = Field(None, max_length=64)
    supervisor: str | None = Field(None, max_length=64)
    at: AwareDatetime
    proof: Proof | None = None


class WaveChanged(Incoming):
    """A wave planned, released, assigned, picked or cancelled at a station: the wave as it now is.
    The server keeps it and moves its orders between `new` and `released` to match."""

    code: Code
    strategy: str = ""
    status: Literal["planned", "released", "picking", "done", "cancelled"]
    picker: str = ""
    station: str = ""
    orders: list[str] = Field(default_factory=list)
    proof: Proof | None = None


class PickShare(Incoming):
    order_no: Code
    slot: int = 0
    quantity: int = Field(ge=0)


class PickLot(Incoming):
    lot: Code
    quantity: int = Field(ge=1, le=100_000)


class PickRecorded(Incoming):
    """One stop of a pick walk: `picked` of `wanted`, shared out over the orders' cart slots.
    `pick.short` carries the picker's reason and becomes a conflict record for the office."""

    wave: Code
    sku: Code
    location: str = ""
    wanted: int = Field(ge=0)
    picked: int = Field(ge=0)
    picker: str = ""
    orders: list[PickShare] = Field(default_factory=list)
    reason: str = ""
    lots: list[PickLot] = Field(default_factory=list, max_length=1000)  # units of each lot scanned


EVENT_PAYLOADS: dict[str, type[Incoming]] = {
    EventType.ORDER_PACKED: OrderPacked,
    EventType.ORDER_HELD: OrderHeld,
    EventType.ORDER_HOLD_RELEASED: OrderHoldReleased,
    EventType.ORDER_INTERCEPTED: OrderIntercepted,
    EventType.LABEL_VOIDED: LabelVoided,
    EventType.LABEL_REISSUED: LabelReissued,
    EventType.LABEL_PRINTED: LabelPrinted,
    EventType.CLIP_RECORDED: ClipRecorded,
    EventType.ORDER_SHIPPED: OrderShipped,
    EventType.RETURN_RECEIVED: ReturnReceived,
    EventType.CUSTOMER_PREFERENCE: PreferenceChanged,
    EventType.RULE_CHANGED: RuleChanged,
    EventType.WAVE_CHANGED: WaveChanged,
    EventType.PICK_CONFIRMED: PickRecorded,
    EventType.PICK_SHORT: PickRecorded,
    EventType.SETTINGS_CHANGED: SettingsChanged,
}


def json_problem(value: Any, where: str = "payload") -> str | None:
    """Why a JSON value cannot be stored and served as it is (see MAX_JSON_*), or None."""
    budget = [MAX_JSON_SIZE]

    def walk(item: Any, at: str, depth: int) -> str | None:
        if depth > MAX_JSON_DEPTH:
            return f"{at}: nested deeper than {MAX_JSON_DEPTH} levels"
        budget[0] -= 8
        if item is None or isinstance(item, bool):
            problem = None
        elif isinstance(item, int):
            problem = (
                None if -INT64_MAX - 1 <= item <= INT64_MAX else f"{at}: integer out of the 64-bit range"
            )
        elif isinstance(item, float):
            problem = None if math.isfinite(item) else f"{at}: not a finite number"
        elif isinstance(item, str):
            budget[0] -= len(item)
            if len(item) > MAX_JSON_STRING:
                problem = f"{at}: text longer than {MAX_JSON_STRING} characters"
            else:
                problem = f"{at}: NUL character in text" if "\x00" in item else None
        elif isinstance(item, list):
            problem = next((p for i, x in enumerate(item) if (p := walk(x, f"{at}.{i}", depth + 1))), None)
        elif isinstance(item, dict):
            problem = next(
                (
                    p
                    for k, x in item.items()
                    if (p := walk(k, f"{at} (a key)", depth + 1) or walk(x, f"{at}.{k}", depth + 1))
                ),
                None,
            )
        else:
            problem = f"{at}: not a JSON value"
        if problem is None and budget[0] < 0:
            problem = f"{where}: larger than {MAX_JSON_SIZE} characters"
        return problem

    return walk(value, where, 0)


MAX_PREFERENCE_TEXT = 500


def _preference_range(field: str, value: Any) -> str | None:
    """What a station may set a preference to (checked on what comes in; what is served keeps the
    wider model, so data stored before cannot make a page unreadable)."""
    if field == "ship_days" and isinstance(value, list):
        days_ok = len(value) <= 7 and all(isinstance(d, int) and 1 <= d <= 7 for d in value)
        return None if days_ok else "ship days are ISO weekdays, 1 (Monday) to 7 (Sunday)"
    if field in ("note", "address", "preferred_carrier") and isinstance(value, str):
        limit = 32 if field == "preferred_carrier" else MAX_PREFERENCE_TEXT
        return None if len(value) <= limit else f"{field} is too long"
    return None


def check_event(event: Event) -> str | None:
    """Why an event breaks the contract, or None. Used by the server before applying a batch."""
    problem = json_problem(event.payload, f"{event.type}: payload") or (
        json_problem(event.operator, "operator") if event.operator is not None else None
    )
    if problem:
        return problem
    model = EVENT_PAYLOADS.get(event.type)
    if model is None:
        return f"unknown event type {event.type!r}"
    try:
        model.model_validate(event.payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "payload"
        return f"{event.type}: {where}: {first['msg']}"
    if event.type == EventType.CUSTOMER_PREFERENCE:
        try:
            Preferences.model_validate({event.payload["field"]: event.payload["value"]})
        except ValidationError as exc:
            return f"{event.type}: value: {exc.errors()[0]['msg']}"
        problem = _preference_range(event.payload["field"], event.payload["value"])
        if problem:
            return f"{event.type}: value: {problem}"
    if event.type == EventType.RULE_CHANGED and not event.payload.get("deleted"):
        try:
            parse_rule({**event.payload["definition"], "code": event.payload["code"]})
        except RuleError as exc:
            return f"{event.type}: {exc}"
    return None


# --- stations, operators, import -----------------------------------------------------------------


class Health(Outgoing):
    status: Literal["ok"]
    api: str
    server_time: AwareDatetime


class WhoAmI(Outgoing):
    station: str


class ImportReport(Outgoing):
    orders: int = 0
    customers: int = 0
    skus: int = 0
    errors: list[str] = []


class ConflictWire(Outgoing):
    id: int
    kind: str  # double_pack, packed_after_cancel, preference
    key: str
    station: str
    event_id: str
    detail: str
    created_at: datetime


class ConflictPage(Outgoing):
    """`GET /conflicts?after=ID&limit=N`: conflicts after ID, oldest first; ask again with `after`
    (the last id given) for more."""

    conflicts: list[ConflictWire]
    after: int
