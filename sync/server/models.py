"""The server's tables. Entities are stored as the wire documents they are served as, each with
the revision of its last change: a pull is one indexed range scan, and the document a station
receives is exactly the one the server validated."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in and out, whatever the database keeps (SQLite has no time zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the server store")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Ids that grow for as long as the server runs, paged through with 64-bit parameters: BIGINT on
# PostgreSQL; on SQLite an INTEGER PRIMARY KEY is the 64-bit rowid already (and BIGINT would not be).
GrowingId = BigInteger().with_variant(Integer, "sqlite")


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, Any: JSON}


class RevCounter(Base):
    """One row: the last revision handed out. Taking it locks it until commit, so revisions
    become visible in the order they were issued and a pull never skips a change."""

    __tablename__ = "rev_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Entity(Base):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("kind", "key"), Index("ix_entities_rev", "rev"))

    id: Mapped[int] = mapped_column(GrowingId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64))
    rev: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(default=False)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class StationAccount(Base):
    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the token
    role: Mapped[str] = mapped_column(String(16), default="station", server_default="station")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)
    # The station's printers, scanner and scale as it last reported them (sync.protocol.DeviceWire).
    devices: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, default=None)
    devices_at: Mapped[datetime | None] = mapped_column(default=None)


class EventRecord(Base):
    """Every event ever pushed, with the answer it got: a repeated UUID gets the same answer."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_occurred_at", "type", "occurred_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64), index=True)
    operator: Mapped[str | None] = mapped_column(String(64), default=None)
    occurred_at: Mapped[datetime] = mapped_column()
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")


class Conflict(Base):
    """Something a person at the central desk must look at (double pack, pack after cancel)."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(GrowingId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    key: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[str] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)


class PreferenceStamp(Base):
    """When each preference field of a customer last changed, and by whom: the merge rule's input."""

    __tablename__ = "preference_stamps"

    customer: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    changed_at: Mapped[datetime] = mapped_column()
    source: Mapped[str] = mapped_column(String(64))


class PreferenceAudit(Base):
    """Every preference edit the server received and what it decided."""

    __tablename__ = "preference_audit"

    id: Mapped[int] = mapped_column(GrowingId, primary_key=True)
    customer: Mapped[str] = mapped_column(String(64), index=True)
    field: Mapped[str] = mapped_column(String(32))
    old: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    proposed: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    base: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    result: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    decision: Mapped[str] = mapped_column(String(32))  # applied, applied-newer, kept-newer
    source: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[str] = mapped_column(String(36), default="")
    changed_at: Mapped[datetime] = mapped_column()
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class WaybillNumber(Base):
    """A carrier's waybill number the office loaded (from the carrier's e-waybill account), and the
    packing station it is set aside for: each number goes to one station only, so a split
    shipment's parcels get numbers offline and no two stations ever print the same one."""

    __tablename__ = "waybill_numbers"

    waybill_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    carrier: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    station: Mapped[str | None] = mapped_column(String(64), default=None)
    reserved_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (Index("ix_waybill_numbers_free", "carrier", "station"),)


class WaybillUse(Base):
    """A reserved number a station printed on a parcel's label (from its `order.packed`)."""

    __tablename__ = "waybill_uses"

    id: Mapped[int] = mapped_column(GrowingId, primary_key=True)
    waybill_no: Mapped[str] = mapped_column(String(64), index=True)
    order_no: Mapped[str] = mapped_column(String(64))
    parcel_no: Mapped[int] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime] = mapped_column(default=utcnow)


class ServiceTicket(Base):
    """An after-sales service ticket (售后工单), opened by a return received at a station: linked to
    the order and the customer, with what came back, why, and who is responsible."""

    __tablename__ = "service_tickets"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the station's return id
    order_no: Mapped[str] = mapped_column(String(64), index=True)
    customer: Mapped[str] = mapped_column(String(64), default="", index=True)
    station: Mapped[str] = mapped_column(String(64))
    responsibility: Mapped[str] = mapped_column(String(16))
    proposed: Mapped[str] = mapped_column(String(16), default="")
    reasons: Mapped[Any] = mapped_column(JSON, default=list)  # per reason: units
    items: Mapped[Any] = mapped_column(JSON, default=list)
    refund_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    received_at: Mapped[datetime] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IntegrationEvent(Base):
    """What the server tells other systems (a refund to make, a ticket opened), in order: read with
    GET /integration/events?after=ID by the shop's or the payment system's integration."""

    __tablename__ = "integration_events"

    id: Mapped[int] = mapped_column(GrowingId, primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    key: Mapped[str] = mapped_column(String(64))
    payload: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ClipRecord(Base):
    """A pack's clip as the station that recorded it told (`clip.recorded`), one row per key it is
    found by (the order number and every parcel's waybill): which station holds the file, and the
    hash that proves a clip shown in a dispute is the one recorded."""

    __tablename__ = "clip_records"
    __table_args__ = (Index("ix_clip_records_key", "key"),)

    id: Mapped[int] = mapped_column(GrowingId, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    order_no: Mapped[str] = mapped_column(String(64))
    pack_id: Mapped[str] = mapped_column(String(36))
    station: Mapped[str] = mapped_column(String(64))
    camera: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    started_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime] = mapped_column()


class ShippedUnit(Base):
    """A traced unit in a pack the server accepted: who received which serial and lot (recalls,
    returns checked against the unit shipped)."""

    __tablename__ = "shipped_units"
    __table_args__ = (
        Index("ix_shipped_units_lot", "lot", "sku"),
        Index("ix_shipped_units_serial", "serial"),
        Index("ix_shipped_units_order_no", "order_no"),
    )

    id: Mapped[int] = mapped_column(GrowingId, primary_key=True)
    order_no: Mapped[str] = mapped_column(String(64))
    customer: Mapped[str] = mapped_column(String(64), default="")
    sku: Mapped[str] = mapped_column(String(64))
    parcel_no: Mapped[int] = mapped_column(Integer, default=1)
    serial: Mapped[str] = mapped_column(String(64), default="")
    lot: Mapped[str] = mapped_column(String(64), default="")
    expiry: Mapped[date | None] = mapped_column(Date, default=None, nullable=True)
    station: Mapped[str] = mapped_column(String(64))
    packed_at: Mapped[datetime] = mapped_column()


class SegmentRun(Base):
    """A day's customer-segment run (the nightly one): the first server process to insert the day
    runs it, the others see the row and leave it."""

    __tablename__ = "segment_runs"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD, the server's local day
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    report: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
