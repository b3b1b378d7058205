"""The dock's view of the station database: what a scanned waybill's parcel is, which parcels of a
carrier are still to hand over, the open manifest (written parcel by parcel, so a crash loses no
scan), and the closed handover: the manifest, `order.shipped` per order and the manifest's print.

A parcel is known by the pack that made it: this station's own (`parcels`), or another station's
as the server's pack record says (`floor_parcels`, kept as orders are pulled: app.store.sync_local).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from app.core.dock import Handed, HandoverClosed, ParcelFacts, Stopped
from app.core.model import Operator, OrderStatus
from app.core.print_plan import PrintRequest
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event
from app.store.print_jobs import add_jobs
from app.store.stopped_parcels import intercept_parcel
from app.store.stored_keys import CARRIER_PICKUPS_KEY, CARRIERS_KEY

# Every parcel the floor packed, by waybill: this station's packs, then the server's record of the
# others' (a waybill in both is one parcel). Voided: its label was voided here, or the server says so.
_PARCELS = (
    "SELECT p.waybill_no, o.order_no, p.carrier, p.parcel_no, p.actual_g, o.status,"
    " EXISTS (SELECT 1 FROM print_jobs j WHERE j.order_id = o.id AND j.kind = 'label'"
    "   AND j.voided_at IS NOT NULL AND json_extract(j.params, '$.waybill_no') = p.waybill_no)"
    "   AND NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.order_id = o.id AND j.kind = 'label'"
    "   AND j.voided_at IS NULL AND json_extract(j.params, '$.waybill_no') = p.waybill_no) AS voided"
    " FROM parcels p JOIN pack_sessions s ON s.id = p.session_id AND s.status = 'packed'"
    " JOIN orders o ON o.id = p.order_id WHERE p.waybill_no = ?1"
    " UNION ALL SELECT f.waybill_no, f.order_no, f.carrier, f.parcel_no, f.weight_g, o.status, f.voided"
    " FROM floor_parcels f JOIN orders o ON o.order_no = f.order_no WHERE f.waybill_no = ?1"
    " LIMIT 1"
)
_HANDED = (
    "SELECT manifest_no FROM manifest_parcels WHERE waybill_no = ?1"
    " UNION ALL SELECT json_extract(shipment, '$.manifest_no') FROM orders WHERE order_no = ?2"
    " AND shipment IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(shipment, '$.waybills') w"
    " WHERE w.value = ?1) LIMIT 1"
)
_INTERCEPTED = "SELECT 1 FROM interceptions WHERE order_no = ? AND stage = 'packed' LIMIT 1"
_ORDER_BY_WAYBILL = "SELECT order_no, carrier, status FROM orders WHERE waybill_no = ? LIMIT 1"
# The carrier's parcels packed and not handed over (nor stopped): what the truck should take. Each
# side starts from its carrier index: a busy day's 12,000 parcels of one carrier read in ~80 ms on a
# million-order station (docs/PERFORMANCE.md), where a union of every parcel took seconds.
_TO_HAND_OVER = (
    "SELECT f.waybill_no FROM floor_parcels f JOIN orders o ON o.order_no = f.order_no"
    " WHERE f.carrier = ?1 AND f.voided = 0 AND o.status = 'packed'"
    " AND NOT EXISTS (SELECT 1 FROM manifest_parcels mp WHERE mp.waybill_no = f.waybill_no)"
    " AND NOT EXISTS (SELECT 1 FROM interceptions i WHERE i.order_no = f.order_no AND i.stage = 'packed')"
    " UNION SELECT p.waybill_no FROM parcels p"
    " JOIN pack_sessions s ON s.id = p.session_id AND s.status = 'packed'"
    " JOIN orders o ON o.id = p.order_id"
    " WHERE p.carrier = ?1 AND p.waybill_no != '' AND o.status = 'packed'"
    " AND NOT EXISTS (SELECT 1 FROM manifest_parcels mp WHERE mp.waybill_no = p.waybill_no)"
    " AND NOT EXISTS (SELECT 1 FROM interceptions i WHERE i.order_no = o.order_no AND i.stage = 'packed')"
    " ORDER BY 1"
)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class OpenManifest:
    manifest_no: str
    carrier: str
    pickup: str
    handed: tuple[Handed, ...]


@dataclass(frozen=True, slots=True)
class ClosedManifest:
    manifest_no: str
    carrier: str
    pickup: str
    driver: str
    station: str
    operator: str
    opened_at: datetime
    closed_at: datetime
    parcels: tuple[Handed, ...]
    missing: tuple[str, ...]


class DockStore:
    def __init__(self, db: Database, station: str) -> None:
        self.db = db
        self.station = station

    # --- reads (the scan path: plain SQL on one connection) ------------------------------------

    def parcel_facts(self, code: str) -> ParcelFacts | None:
        text = code.strip()
        with self.db.engine.connect() as c:
            return parcel_facts(c, text)

    def carriers(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """The carriers' names and their pick-up times ("HH:MM"), as the server set them."""
        with self.db.session() as s:
            names = s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIERS_KEY)) or {}
            pickups = s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIER_PICKUPS_KEY)) or {}
        return dict(names), {str(k): list(v) for k, v in dict(pickups).items()}

    def to_hand_over(self, carrier: str) -> list[str]:
        """The carrier's packed parcels not handed over yet (waybills)."""
        with self.db.engine.connect() as c:
            return [row[0] for row in c.exec_driver_sql(_TO_HAND_OVER, (carrier,))]

    def open_manifest(self) -> OpenManifest | None:
        """The handover this station left open (a crash, a restart), with its parcels."""
        with self.db.session() as s:
            manifest = s.scalar(
                select(m.Manifest).where(m.Manifest.status == "open").order_by(m.Manifest.opened_at.desc())
            )
            if manifest is None:
                return None
            rows = s.scalars(
                select(m.ManifestParcel)
                .where(m.ManifestParcel.manifest_no == manifest.manifest_no)
                .order_by(m.ManifestParcel.id)
            ).all()
            return OpenManifest(
                manifest.manifest_no, manifest.carrier, manifest.pickup, tuple(_handed(r) for r in rows)
            )

    def manifest(self, manifest_no: str) -> ClosedManifest | None:
        with self.db.session() as s:
            row = s.get(m.Manifest, manifest_no)
            if row is None:
                return None
            parcels = s.scalars(
                select(m.ManifestParcel)
                .where(m.ManifestParcel.manifest_no == manifest_no)
                .order_by(m.ManifestParcel.id)
            ).all()
            operator = s.get(m.Operator, row.operator_id) if row.operator_id else None
            return ClosedManifest(
                row.manifest_no, row.carrier, row.pickup, row.driver, row.station,
                operator.name if operator else "", row.opened_at, row.closed_at or row.opened_at,
                tuple(_handed(r) for r in parcels), tuple(row.missing or ()),
            )  # fmt: skip

    # --- writes (one transaction each, on the station's writer) ---------------------------------

    def hand(self, carrier: str, pickup: str, handed: Handed, operator: Operator) -> str:
        """One parcel onto the carrier's open manifest (opened with its first parcel)."""
        now = _now()
        with self.db.session() as s, s.begin():
            manifest = s.scalar(
                select(m.Manifest).where(m.Manifest.status == "open", m.Manifest.carrier == carrier)
            )
            if manifest is None:
                manifest = m.Manifest(
                    manifest_no=_next_number(s, self.station, now), carrier=carrier, pickup=pickup,
                    station=self.station, operator_id=operator.operator_id, status="open", opened_at=now,
                )  # fmt: skip
                s.add(manifest)
                s.flush()
            s.execute(
                insert(m.ManifestParcel),
                [{"manifest_no": manifest.manifest_no, "waybill_no": handed.waybill_no,
                  "order_no": handed.order_no, "parcel_no": handed.parcel_no, "bag": handed.bag,
                  "weight_g": handed.weight_g, "dock_weight_g": handed.dock_weight_g, "scanned_at": now}],
            )  # fmt: skip
            return manifest.manifest_no

    def stop(self, stopped: Stopped) -> None:
        """A parcel that must not go: on the put-back list (its goods back to their bins), once."""
        intercept_parcel(self.db, stopped.order_no, self.station, stopped.why)

    def close(self, closed: HandoverClosed, operator: Operator) -> ClosedManifest:
        """The handover: the manifest closed with the driver, `order.shipped` for each order of it
        (through the outbox, in this transaction), the orders shipped here, the manifest printed."""
        now = _now()
        with self.db.session() as s, s.begin():
            manifest = s.scalar(
                select(m.Manifest).where(m.Manifest.status == "open", m.Manifest.carrier == closed.carrier)
            )
            if manifest is None:
                raise ValueError(f"no open handover for {closed.carrier}")
            manifest.status, manifest.driver, manifest.closed_at = "closed", closed.driver, now
            manifest.missing = list(closed.missing)
            rows = s.scalars(
                select(m.ManifestParcel).where(m.ManifestParcel.manifest_no == manifest.manifest_no)
            ).all()
            by_order: dict[str, list[m.ManifestParcel]] = {}
            for row in rows:
                by_order.setdefault(row.order_no, []).append(row)
            for order_no, parcels in sorted(by_order.items()):
                add_event(
                    s,
                    "order.shipped",
                    {"order_no": order_no, "manifest_no": manifest.manifest_no, "carrier": manifest.carrier,
                     "pickup": manifest.pickup, "driver": closed.driver, "shipped_at": now.isoformat(),
                     "operator": operator.badge_code,
                     "parcels": [{"no": p.parcel_no, "waybill_no": p.waybill_no, "bag": p.bag,
                                  "dock_weight_g": p.dock_weight_g} for p in parcels]},
                    self.station,
                    operator.operator_id,
                )  # fmt: skip
            s.execute(
                update(m.Order)
                .where(m.Order.order_no.in_(list(by_order)), m.Order.status == OrderStatus.PACKED)
                .values(status=OrderStatus.SHIPPED, updated_at=now)
            )
            add_jobs(
                s,
                [PrintRequest("manifest", "slip", {"manifest_no": manifest.manifest_no})],
                None,
                manifest.manifest_no,
            )
            number = manifest.manifest_no
        found = self.manifest(number)
        assert found is not None
        return found


def parcel_facts(c: Connection, code: str) -> ParcelFacts | None:
    row = c.exec_driver_sql(_PARCELS, (code,)).first()
    if row is None:
        order = c.exec_driver_sql(_ORDER_BY_WAYBILL, (code,)).first()
        if order is None:
            return None
        order_no, carrier, status = order
        # The order's waybill, but no pack made it a parcel's: never packed (or not yet known here).
        return ParcelFacts(code, order_no, carrier, status=status, packed=False)
    waybill, order_no, carrier, parcel_no, weight, status, voided = row
    handed = c.exec_driver_sql(_HANDED, (waybill, order_no)).first()
    intercepted = c.exec_driver_sql(_INTERCEPTED, (order_no,)).first() is not None
    return ParcelFacts(
        waybill_no=waybill, order_no=order_no, carrier=carrier, parcel_no=int(parcel_no or 1),
        status=status, packed=True, weight_g=int(weight) if weight is not None else None,
        voided=bool(voided), manifest=str(handed[0]) if handed and handed[0] else "",
        intercepted=intercepted,
    )  # fmt: skip


def _handed(row: m.ManifestParcel) -> Handed:
    return Handed(row.waybill_no, row.order_no, row.parcel_no, row.bag, row.weight_g, row.dock_weight_g)


def _next_number(s: Session, station: str, now: datetime) -> str:
    """Manifests are numbered per station and day (offline too): STATION-YYMMDD-NNN."""
    day = now.astimezone().strftime("%y%m%d")
    prefix = f"{station}-{day}-"
    count = s.scalar(select(func.count()).where(m.Manifest.manifest_no.like(prefix + "%")))
    return f"{prefix}{int(count or 0) + 1:03d}"
