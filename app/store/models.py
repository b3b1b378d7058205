"""The station's local database schema (SQLAlchemy 2, typed).

Changes to this file go with an Alembic migration in app/store/migrations/versions; a test
compares the two. Times are stored as timezone-aware UTC, money as integer cents, weight as
integer grams.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC; hands back aware UTC datetimes (SQLite forgets the zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store timezone-aware UTC times only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None

    def bind_processor(self, dialect: Dialect) -> Callable[[datetime | None], Any] | None:
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        # The text SQLite's DATETIME stores ("YYYY-MM-DD HH:MM:SS.ffffff"), written by isoformat in
        # C in one step: the generic chain (the method above, then the dialect %-formatting seven
        # fields) cost a first pull of 100,000 orders more than a second. A test holds the two equal.
        def process(value: datetime | None) -> str | None:
            if value is None:
                return None
            if value.tzinfo is None:
                raise ValueError("naive datetime: store timezone-aware UTC times only")
            return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

        return process


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


class Sku(Base):
    __tablename__ = "skus"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(64), default="")
    unit_weight_g: Mapped[int] = mapped_column(Integer)
    bin_location: Mapped[str] = mapped_column(String(32), default="")
    image_ref: Mapped[str] = mapped_column(String(200), default="")
    price_cents: Mapped[int] = mapped_column(Integer, default=0)
    volume_cm3: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What each unit must carry (app.core.trace.Tracking's flags: "serial,lot,expiry") and the
    # days an expiry must still have at shipping.
    trace: Mapped[str] = mapped_column(String(64), default="", server_default="")
    min_shelf_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    barcodes: Mapped[list[Barcode]] = relationship(back_populates="sku", cascade="all, delete-orphan")


# What a SKU is on the wire and in an export, by the same names as its columns: one list, read
# from a Sku row or a SkuWire alike.
SKU_FIELDS = (
    "code", "name_zh", "name_en", "category", "unit_weight_g", "bin_location", "price_cents", "volume_cm3",
    "trace", "min_shelf_days",
)  # fmt: skip


def sku_fields(sku: Any) -> dict[str, Any]:
    return {name: getattr(sku, name) for name in SKU_FIELDS}


class Barcode(Base):
    """One printed code of a SKU. `key` is core.barcodes.lookup_key(code): GTINs as 14 digits."""

    __tablename__ = "barcodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # ean13, upca, ean8, gtin14, internal
    pack_qty: Mapped[int] = mapped_column(Integer, default=1)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id", ondelete="CASCADE"), index=True)

    sku: Mapped[Sku] = relationship(back_populates="barcodes")


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    tier: Mapped[str] = mapped_column(String(32), default="normal")
    tags: Mapped[list[str]] = mapped_column(default=list)
    birthday: Mapped[date | None] = mapped_column(Date, default=None)
    preferences: Mapped[dict[str, Any]] = mapped_column(default=dict)
    order_count: Mapped[int] = mapped_column(Integer, default=0)
    lifetime_value_cents: Mapped[int] = mapped_column(Integer, default=0)
    # After-sales history (the server's, and this station's returns since its last pull).
    returns_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_problem: Mapped[str] = mapped_column(String(32), default="", server_default="")
    last_problem_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_no: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    paid_at: Mapped[datetime | None] = mapped_column(default=None)
    ship_by: Mapped[datetime | None] = mapped_column(default=None)
    carrier: Mapped[str] = mapped_column(String(16), default="")
    waybill_no: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    tote_code: Mapped[str | None] = mapped_column(String(32), index=True, default=None)
    receiver_name: Mapped[str] = mapped_column(String(200), default="")
    receiver_phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    province: Mapped[str] = mapped_column(String(32), default="")
    city: Mapped[str] = mapped_column(String(32), default="")
    district: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(400), default="")
    buyer_note: Mapped[str] = mapped_column(Text, default="")
    seller_note: Mapped[str] = mapped_column(Text, default="")
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    hold_reason: Mapped[str] = mapped_column(String(64), default="")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True, default=None)
    # The customer the server named; kept so an order that arrived before its customer is linked
    # when the customer does (a first pull pages by revision, not by dependency).
    customer_code: Mapped[str | None] = mapped_column(String(64), default=None)
    packed_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # More waybill numbers the office got for this order (a split shipment's further parcels).
    extra_waybills: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The carrier's routing data for its waybills, as issued (sync.protocol.WaybillRouting).
    routing: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    # The pack the server accepted, wherever it was packed: the evidence a returns desk needs
    # (station, operator, packed_at, weight, override, rules fired).
    pack: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    # Its handover to the carrier as the server has it (manifest_no, station, shipped_at, waybills).
    shipment: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )
    customer: Mapped[Customer | None] = relationship()


class OrderLine(Base):
    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)

    order: Mapped[Order] = relationship(back_populates="lines")
    sku: Mapped[Sku] = relationship()


class PendingOrderLine(Base):
    """An order line whose SKU this station does not have yet: it becomes an order line when the
    SKU arrives (the SKU's later revision can come in a later page than the order)."""

    __tablename__ = "pending_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    sku_code: Mapped[str] = mapped_column(String(64), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PulledAside(Base):
    """A change the server sent that this station could not take (it breaks the contract, or the
    station's database refuses it): kept with the reason for a person, while the rest of the page
    and the cursor go on. A later revision of the same entity that does go in resolves it."""

    __tablename__ = "pulled_aside"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text, default="")  # the change as received, cut to a size
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[int | None] = mapped_column(Integer, default=None)
    resolution: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_pulled_aside_open", "resolved_at", "kind", "key"),)


class SyncedKey(Base):
    """Every entity this station has taken from the server, by kind and key, and whether the last
    change was its deletion: written with the change itself, it is what the end-of-sync check
    compares with the server (a deleted order stays a row here as it stays one in `orders`)."""

    __tablename__ = "synced_keys"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    deleted: Mapped[bool] = mapped_column(default=False)


class Operator(Base):
    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(primary_key=True)
    badge_code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    pin_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)


class PackSession(Base):
    """One attempt to pack one order at one station; the pack record once it is packed."""

    __tablename__ = "pack_sessions"
    __table_args__ = (Index("ix_pack_sessions_status_ended_at", "status", "ended_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID made at the station
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    station: Mapped[str] = mapped_column(String(64))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # PackStatus
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    expected_g: Mapped[int | None] = mapped_column(Integer, default=None)
    actual_g: Mapped[int | None] = mapped_column(Integer, default=None)
    allowed_g: Mapped[int | None] = mapped_column(Integer, default=None)
    weight_source: Mapped[str] = mapped_column(String(16), default="")
    override_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), default=None)
    override_reason: Mapped[str] = mapped_column(String(64), default="")
    hold_reason: Mapped[str] = mapped_column(String(64), default="")
    box_code: Mapped[str] = mapped_column(String(64), default="", server_default="")  # packaging used
    plan: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # the plan as packed
    # What the pack held, for the supervisor's board (app.core.performance.work_units).
    lines: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    units: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    steps: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    cards: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    parcels: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    busy_s: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # opened to packed


class PackEvent(Base):
    """Every scan, key command and weight at the station, in order: the audit trail, and what
    an interrupted session is replayed from."""

    __tablename__ = "pack_events"
    __table_args__ = (Index("ix_pack_events_verdict_at", "verdict", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("pack_sessions.id"), index=True, default=None)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    station: Mapped[str] = mapped_column(String(64))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), default=None)
    kind: Mapped[str] = mapped_column(String(16))  # scan command weight reason
    raw: Mapped[str] = mapped_column(String(400), default="")
    sku_code: Mapped[str] = mapped_column(String(64), default="")
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    grams: Mapped[int | None] = mapped_column(Integer, default=None)
    verdict: Mapped[str] = mapped_column(String(32))
    # The session event itself (app.core.pack_events), replayed to restore an interrupted session;
    # None in rows written before it was kept.
    event: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class PackClip(Base):
    """The bench camera's clip of one pack session: the file, its hash and its segments' hashes,
    the scans placed in it, and whether video is missing for any of it (never a silent gap)."""

    __tablename__ = "pack_clips"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("pack_sessions.id"), unique=True)
    order_no: Mapped[str] = mapped_column(String(64))
    camera: Mapped[str] = mapped_column(String(120), default="")
    started_at: Mapped[datetime] = mapped_column(index=True)  # the clip's window, pre-roll included
    ended_at: Mapped[datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(16))  # recorded partial missing
    reason: Mapped[str] = mapped_column(String(200), default="")
    path: Mapped[str] = mapped_column(String(400), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    segments: Mapped[list[str]] = mapped_column(JSON, default=list)  # [{name, sha256}]
    timeline: Mapped[list[str]] = mapped_column(JSON, default=list)  # [{t, at, kind, raw, verdict}]
    gaps: Mapped[list[str]] = mapped_column(JSON, default=list)  # [[from, to]] in UTC epoch seconds
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Its copy in the archive (a NAS share), confirmed by hash: only then may retention delete it.
    archive_path: Mapped[str] = mapped_column(String(400), default="", server_default="")
    archived_at: Mapped[datetime | None] = mapped_column(default=None)


class ClipKey(Base):
    """What a clip is found by: each parcel's waybill, the order number, the receiver's phone, the
    packer's badge (one index for every lookup at the desk and the returns desk)."""

    __tablename__ = "clip_keys"
    __table_args__ = (Index("ix_clip_keys_key", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("pack_clips.id"))
    kind: Mapped[str] = mapped_column(String(8))  # waybill order phone packer
    key: Mapped[str] = mapped_column(String(64))


class Lot(Base):
    """A lot of a traced SKU as the office knows it: its expiry, how many units are in stock (for
    first-expired-first-out) and whether it is recalled (blocked at every bench)."""

    __tablename__ = "lots"
    __table_args__ = (UniqueConstraint("sku_code", "lot", name="uq_lots_sku_lot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sku_code: Mapped[str] = mapped_column(String(64))
    lot: Mapped[str] = mapped_column(String(64))
    expiry: Mapped[date | None] = mapped_column(Date, default=None)
    in_stock: Mapped[int] = mapped_column(Integer, default=0)
    recalled: Mapped[str] = mapped_column(String(200), default="")  # the recall's reason ("" none)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PackUnit(Base):
    """A traced unit that left in a pack: the order, the parcel, its serial, lot and expiry."""

    __tablename__ = "pack_units"
    __table_args__ = (Index("ix_pack_units_serial", "serial"), Index("ix_pack_units_lot", "lot"))

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("pack_sessions.id"), index=True)
    order_no: Mapped[str] = mapped_column(String(64))
    sku_code: Mapped[str] = mapped_column(String(64))
    parcel_no: Mapped[int] = mapped_column(Integer, default=1)
    serial: Mapped[str] = mapped_column(String(64), default="")
    lot: Mapped[str] = mapped_column(String(64), default="")
    expiry: Mapped[date | None] = mapped_column(Date, default=None)


class FloorSerial(Base):
    """A serial that left with an order packed at another station, as the server's pack record
    says (pulled with the order): the bench refuses it a second time, offline too."""

    __tablename__ = "floor_serials"
    __table_args__ = (
        UniqueConstraint("sku_code", "serial", "order_no", name="uq_floor_serials"),
        Index("ix_floor_serials_serial", "serial"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku_code: Mapped[str] = mapped_column(String(64))
    serial: Mapped[str] = mapped_column(String(64))
    order_no: Mapped[str] = mapped_column(String(64))


class FloorParcel(Base):
    """A parcel packed at another station, as the server's pack record says (pulled with its
    order): the dock knows it by its waybill, its weight and whether its label was voided."""

    __tablename__ = "floor_parcels"

    id: Mapped[int] = mapped_column(primary_key=True)
    waybill_no: Mapped[str] = mapped_column(String(64), unique=True)
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    parcel_no: Mapped[int] = mapped_column(Integer, default=1)
    carrier: Mapped[str] = mapped_column(String(16), default="", index=True)
    weight_g: Mapped[int | None] = mapped_column(Integer, default=None)
    voided: Mapped[bool] = mapped_column(default=False)


class Manifest(Base):
    """A carrier's handover at the dock (交接单): opened with its first parcel, closed when the
    driver signs. Numbered per station and day (STATION-YYMMDD-NNN), so offline docks never clash."""

    __tablename__ = "manifests"

    manifest_no: Mapped[str] = mapped_column(String(80), primary_key=True)
    carrier: Mapped[str] = mapped_column(String(16))
    pickup: Mapped[str] = mapped_column(String(5), default="")  # "HH:MM"
    station: Mapped[str] = mapped_column(String(64))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), default=None)
    driver: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)  # open closed
    missing: Mapped[list[Any] | None] = mapped_column(JSON, default=list)  # packed, not handed over
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)


class ManifestParcel(Base):
    """A parcel scanned onto a manifest: a waybill is handed over once, ever."""

    __tablename__ = "manifest_parcels"

    id: Mapped[int] = mapped_column(primary_key=True)
    manifest_no: Mapped[str] = mapped_column(ForeignKey("manifests.manifest_no"), index=True)
    waybill_no: Mapped[str] = mapped_column(String(64), unique=True)
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    parcel_no: Mapped[int] = mapped_column(Integer, default=1)
    bag: Mapped[str] = mapped_column(String(48), default="")
    weight_g: Mapped[int | None] = mapped_column(Integer, default=None)
    dock_weight_g: Mapped[int | None] = mapped_column(Integer, default=None)
    scanned_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class OutboxEvent(Base):
    """What the station did, waiting to reach the server. Written in the same transaction as
    the change it reports; never deleted before the server has acknowledged it."""

    __tablename__ = "outbox"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID: the idempotency key
    type: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column()
    station: Mapped[str] = mapped_column(String(64))
    operator_id: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    needs_attention: Mapped[bool] = mapped_column(default=False)
    # A person looked at what the server said and decided what to do; the event itself is kept.
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[int | None] = mapped_column(Integer, default=None)
    resolution: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (Index("ix_outbox_unsent", "sent_at", "created_at"),)


class Setting(Base):
    """Station settings as JSON values (declared with their defaults in app.core.settings)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class PrintJob(Base):
    """A document to print, kept with the pack that caused it until it has printed.

    status: queued → printing → done; failed (will retry at next_attempt_at, or waits for a
    person when not retryable); interrupted (the printer may have part of it: a person decides).
    The rendered bytes are kept so a retry or a reprint prints exactly the same thing.
    """

    __tablename__ = "print_jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True, default=None)
    pack_session_id: Mapped[str | None] = mapped_column(ForeignKey("pack_sessions.id"), default=None)
    kind: Mapped[str] = mapped_column(String(16))  # label insert slip carton picklist commands test
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    title: Mapped[str] = mapped_column(String(200), default="")
    printer: Mapped[str] = mapped_column(String(16))  # which of the station's printers: label insert slip
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(8), default="")
    payload: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    reference: Mapped[str] = mapped_column(String(100), default="")  # the spooler's job id
    # A voided label's waybill is released: it is never printed again (a re-issue prints anew).
    voided_at: Mapped[datetime | None] = mapped_column(default=None)
    void_reason: Mapped[str] = mapped_column(String(64), default="", server_default="")
    printed_at: Mapped[datetime | None] = mapped_column(default=None)
    reprint_of: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (Index("ix_print_jobs_status", "status", "created_at"),)


class Wave(Base):
    """A group of orders picked in one walk (planned by a supervisor or `packline waves plan`)."""

    __tablename__ = "waves"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    strategy: Mapped[str] = mapped_column(String(32), default="")
    # planned released picking done cancelled
    status: Mapped[str] = mapped_column(String(16), default="planned")
    picker: Mapped[str] = mapped_column(String(64), default="")
    station: Mapped[str] = mapped_column(String(64), default="", server_default="")  # packs it
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)


class WaveOrder(Base):
    __tablename__ = "wave_orders"

    wave_id: Mapped[int] = mapped_column(ForeignKey("waves.id", ondelete="CASCADE"), primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True, index=True)
    slot: Mapped[int] = mapped_column(Integer, default=0)  # cart slot for batch picking


class Pick(Base):
    """One order line picked in a wave (or short: picked < wanted, with the picker's reason)."""

    __tablename__ = "picks"

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("waves.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    sku_code: Mapped[str] = mapped_column(String(64))
    location: Mapped[str] = mapped_column(String(32), default="", server_default="")
    slot: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    wanted: Mapped[int] = mapped_column(Integer)
    picked: Mapped[int] = mapped_column(Integer)
    short_reason: Mapped[str] = mapped_column(String(32), default="", server_default="")
    picker: Mapped[str] = mapped_column(String(64), default="", server_default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    lots: Mapped[list[Any] | None] = mapped_column(JSON, default=list)  # [{lot, quantity}] scanned there

    __table_args__ = (UniqueConstraint("wave_id", "order_id", "sku_code", name="uq_pick_line"),)


class Interception(Base):
    """An order stopped after its goods were picked (待放回): cancelled, held or changed while on a
    bench ("packing"), or cancelled after it was packed here ("packed": the parcel must be taken
    back before hand-off and its label voided). Its goods wait on the put-back list until a person
    says they are back (an exception decision under kind "put_back")."""

    __tablename__ = "interceptions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID made at the station
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    station: Mapped[str] = mapped_column(String(64))
    stage: Mapped[str] = mapped_column(String(16))  # packing | packed
    reason: Mapped[str] = mapped_column(String(32))  # the order's new status, or lines_changed
    items: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON
    )  # sku_code, name_zh, name_en, quantity, location
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Parcel(Base):
    """One parcel of a pack: what went in it, what it weighed, the waybill its label carries. An
    order packed in one parcel has one row; a split shipment one per parcel, numbered from 1."""

    __tablename__ = "parcels"
    __table_args__ = (UniqueConstraint("session_id", "parcel_no", name="uq_parcel_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("pack_sessions.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    parcel_no: Mapped[int] = mapped_column(Integer)
    carrier: Mapped[str] = mapped_column(String(16), default="", index=True)
    waybill_no: Mapped[str] = mapped_column(String(64), index=True, default="")
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # sku, quantity
    expected_g: Mapped[int] = mapped_column(Integer)
    actual_g: Mapped[int] = mapped_column(Integer)
    allowed_g: Mapped[int] = mapped_column(Integer)
    weight_source: Mapped[str] = mapped_column(String(16), default="")
    box_code: Mapped[str] = mapped_column(String(64), default="")
    override_by: Mapped[int | None] = mapped_column(ForeignKey("operators.id"), default=None)
    override_reason: Mapped[str] = mapped_column(String(64), default="")


class WaybillReserve(Base):
    """Waybill numbers the server set aside for this station, per carrier: a split shipment's
    further parcels take theirs from here, offline too. A number is this station's alone, so two
    stations never print the same one; used ones say for which order and parcel."""

    __tablename__ = "waybill_reserve"

    waybill_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    carrier: Mapped[str] = mapped_column(String(16), index=True)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    order_no: Mapped[str | None] = mapped_column(String(64), default=None)
    parcel_no: Mapped[int | None] = mapped_column(Integer, default=None)
    used_at: Mapped[datetime | None] = mapped_column(default=None)


class Return(Base):
    """A return parcel received at this station (售后收货), open while it is being checked in."""

    __tablename__ = "returns"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID made at the station
    station: Mapped[str] = mapped_column(String(64))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    customer_code: Mapped[str] = mapped_column(String(64), default="")
    lookup: Mapped[str] = mapped_column(String(64), default="")  # what was scanned to find it
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | received
    weight_g: Mapped[int | None] = mapped_column(Integer, default=None)
    proposed: Mapped[str] = mapped_column(String(16), default="")
    responsibility: Mapped[str] = mapped_column(String(16), default="", index=True)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # while open: the draft
    phase: Mapped[str] = mapped_column(String(16), default="items")  # while open
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_at: Mapped[datetime | None] = mapped_column(default=None, index=True)


class ReturnItem(Base):
    """One returned unit: why it came back, its grade, where it goes."""

    __tablename__ = "return_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    sku_code: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    expected: Mapped[bool] = mapped_column(default=True)
    reason: Mapped[str] = mapped_column(String(32), default="", index=True)
    grade: Mapped[str] = mapped_column(String(16), default="")
    disposition: Mapped[str] = mapped_column(String(16))
    bin: Mapped[str] = mapped_column(String(32), default="")


class ExceptionDecision(Base):
    """What a supervisor decided about an exception (a short pick, a failed weight, a hold, a sync
    conflict): the exception itself stays where it happened; this says it was dealt with, how."""

    __tablename__ = "exception_decisions"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    ref: Mapped[str] = mapped_column(String(80), primary_key=True)
    decision: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(Integer, default=None)
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
