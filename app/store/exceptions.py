"""The supervisor's exception list: short picks, failed weights, orders on hold and sync
conflicts in one place, each resolvable with a recorded decision.

The exceptions stay where they happened (picks, pack events, orders, outbox); a decision is kept
in `exception_decisions` under (kind, ref), and sync conflicts are also marked resolved in the
outbox (the one definition the status bar counts, app.store.outbox.attention_count).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import String, cast, exists, func, select
from sqlalchemy.orm import Session

from app.core.model import OrderStatus
from app.core.pickups import last_gone, pickup_times
from app.store import models as m
from app.store.db import Database
from app.store.stored_keys import CARRIER_PICKUPS_KEY
from app.store.sync_local import StationSyncStore

log = logging.getLogger(__name__)

FAILED_WEIGHT_DAYS = 7  # failed weighings older than this are history, not work
TRUCK_GRACE = timedelta(minutes=30)  # a truck's usual lateness and the signing of its handover


class ExceptionKind(StrEnum):
    SHORT_PICK = "short_pick"
    WEIGHT_FAILED = "weight_failed"
    HOLD = "hold"
    SYNC = "sync_conflict"
    PUT_BACK = "put_back"  # goods of an intercepted order to return to their bins (待放回)
    LEFT_AT_DOCK = "left_at_dock"  # packed for a truck that left without it (a closed handover's missing)
    MISSED_TRUCK = "missed_truck"  # packed before its carrier's truck time, not handed over since


@dataclass(frozen=True)
class ExceptionItem:
    kind: ExceptionKind
    ref: str  # unique within the kind: what a decision refers to
    subject: str  # the order (or customer) it is about
    detail: str  # the facts in the data's own words (codes, sku, bins, counts), without reason
    at: datetime
    decision: str = ""
    decided_at: datetime | None = None
    reason: str = ""  # a code the UI translates: the hold or short reason, the order's new status
    stage: str = ""  # a code the UI translates: where it happened (packing | packed) or the pack's status


def exceptions(db: Database, include_decided: bool = False, limit: int = 10_000) -> list[ExceptionItem]:
    """Newest first, every one still open (a day's floor has thousands; the list shows them all,
    drawing only the rows on screen); `limit` only guards against a database gone wild."""
    since = datetime.now(UTC) - timedelta(days=FAILED_WEIGHT_DAYS)
    items: list[ExceptionItem] = []
    with db.session() as s:
        decided = {(d.kind, d.ref): d for d in s.scalars(select(m.ExceptionDecision))}
        for pick, wave_code, order_no in s.execute(
            select(m.Pick, m.Wave.code, m.Order.order_no)
            .join(m.Wave, m.Wave.id == m.Pick.wave_id)
            .join(m.Order, m.Order.id == m.Pick.order_id)
            .where(m.Pick.picked < m.Pick.wanted)
            .order_by(m.Pick.at.desc())
            .limit(limit)
        ):
            items.append(
                ExceptionItem(
                    ExceptionKind.SHORT_PICK,
                    f"{wave_code}:{order_no}:{pick.sku_code}",
                    order_no,
                    f"{wave_code} · {pick.sku_code} @ {pick.location} · {pick.picked}/{pick.wanted} · "
                    f"{pick.picker}",
                    pick.at,
                    reason=pick.short_reason,
                )
            )
        for event, order_no, session_status in s.execute(
            select(m.PackEvent, m.Order.order_no, m.PackSession.status)
            .join(m.PackSession, m.PackSession.id == m.PackEvent.session_id)
            .join(m.Order, m.Order.id == m.PackSession.order_id)
            .where(m.PackEvent.verdict == "weight_failed", m.PackEvent.at >= since)
            .order_by(m.PackEvent.at.desc())
            .limit(limit)
        ):
            items.append(
                ExceptionItem(
                    ExceptionKind.WEIGHT_FAILED,
                    str(event.id),
                    order_no,
                    f"{event.grams} g · {event.station}",
                    event.at,
                    stage=session_status,
                )
            )
        for intercepted in s.scalars(select(m.Interception).order_by(m.Interception.at.desc()).limit(limit)):
            items.append(
                ExceptionItem(
                    ExceptionKind.PUT_BACK,
                    intercepted.id,
                    intercepted.order_no,
                    goods_text(intercepted.items),
                    intercepted.at,
                    reason=intercepted.reason,
                    stage=intercepted.stage,
                )
            )
        for manifest in s.scalars(
            select(m.Manifest)
            .where(m.Manifest.status == "closed")
            .order_by(m.Manifest.closed_at.desc())
            .limit(limit)
        ):
            for waybill in manifest.missing or ():
                order_no = s.scalar(
                    select(m.Order.order_no)
                    .join(m.Parcel, m.Parcel.order_id == m.Order.id)
                    .where(m.Parcel.waybill_no == waybill)
                ) or s.scalar(select(m.FloorParcel.order_no).where(m.FloorParcel.waybill_no == waybill))
                items.append(
                    ExceptionItem(
                        ExceptionKind.LEFT_AT_DOCK,
                        f"{manifest.manifest_no}:{waybill}",
                        order_no or waybill,
                        f"{manifest.carrier} · {manifest.pickup} · {manifest.manifest_no} · {waybill}",
                        manifest.closed_at or manifest.opened_at,
                    )
                )
        left = {item.subject for item in items if item.kind is ExceptionKind.LEFT_AT_DOCK}
        missed = _missed_trucks(s, datetime.now().astimezone())
        items.extend(item for item in missed if item.subject not in left)
        for order in s.scalars(
            select(m.Order)
            .where(m.Order.status == OrderStatus.ON_HOLD)
            .order_by(m.Order.updated_at.desc())
            .limit(limit)
        ):
            items.append(
                ExceptionItem(
                    ExceptionKind.HOLD,
                    order.order_no,
                    order.order_no,
                    "",
                    order.updated_at,
                    reason=order.hold_reason,
                )
            )
    for conflict in StationSyncStore(db).attention(include_resolved=include_decided, limit=limit):
        items.append(
            ExceptionItem(
                ExceptionKind.SYNC,
                conflict.id,
                conflict.subject,
                f"{conflict.type} · {conflict.reason}",
                conflict.created_at,
                conflict.resolution,
                conflict.resolved_at,
            )
        )
    result = []
    for item in items:
        decision = decided.get((item.kind.value, item.ref))
        if decision is not None:
            item = replace(item, decision=decision.decision, decided_at=decision.decided_at)
        if include_decided or not (item.decision or item.decided_at):
            result.append(item)
    result.sort(key=lambda item: item.at, reverse=True)
    return result[:limit]


def goods_text(goods: list[dict[str, Any]]) -> str:
    """ "精华液 SERUM ×2 @ A-01-02, …": each item with where it goes back to."""
    return ", ".join(
        f"{g.get('name_zh') or g.get('name_en') or ''} {g['sku_code']} ×{g['quantity']}"
        + (f" @ {g['location']}" if g.get("location") else "")
        for g in goods
    )


def decide(db: Database, kind: ExceptionKind | str, ref: str, decision: str, operator_id: int | None) -> bool:
    """Record what the supervisor decided; False when it was decided already (kept as it was)."""
    kind = ExceptionKind(kind)
    decision = decision.strip()
    if not decision:
        raise ValueError("say what was decided")
    if kind is ExceptionKind.SYNC:
        return StationSyncStore(db).resolve(ref, operator_id, decision)
    with db.session() as s, s.begin():
        if s.get(m.ExceptionDecision, (kind.value, ref)) is not None:
            return False
        s.add(
            m.ExceptionDecision(
                kind=kind.value,
                ref=ref,
                decision=decision[:500],
                decided_by=operator_id,
                decided_at=datetime.now(UTC),
            )
        )
    log.info("exception %s %s decided by operator %s: %s", kind, ref, operator_id, decision)
    return True


def _missed_trucks(s: Session, now: datetime) -> list[ExceptionItem]:
    """Parcels packed before their carrier's last truck left and not handed over since: found by the
    truck's time alone, before (or without) anyone closing that handover at the dock. Only where the
    dock scans the carrier's parcels (a handover of it is known here: this station's dock, or a
    shipment the server sent), and only for parcels packed since the first one, so a floor that does
    not scan at the dock is not flooded with every parcel it ever packed. One item per order and
    truck: a decision ("on the next truck") covers that truck; missing the next one is new."""
    pickups = s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIER_PICKUPS_KEY)) or {}
    items: list[ExceptionItem] = []
    for carrier, values in sorted(dict(pickups).items()):
        gone = last_gone(pickup_times(values), now, TRUCK_GRACE)
        if gone is None:
            continue
        docked = [
            s.scalar(select(func.min(m.Manifest.opened_at)).where(m.Manifest.carrier == carrier)),
            s.scalar(
                select(func.min(m.Order.updated_at)).where(
                    m.Order.carrier == carrier,
                    m.Order.status == OrderStatus.SHIPPED,
                    m.Order.shipment.isnot(None),
                    cast(m.Order.shipment, String) != "null",  # a pull's JSON null is not a shipment
                )
            ),
        ]
        known = [when for when in docked if when is not None]
        if not known:
            continue
        since, left_at = min(known), gone.astimezone(UTC)
        packed = func.coalesce(m.Order.packed_at, m.Order.updated_at)
        for order_no in s.scalars(
            select(m.Order.order_no)
            .where(
                m.Order.carrier == carrier,
                m.Order.status == OrderStatus.PACKED,
                packed >= since,
                packed <= left_at,
                ~exists().where(m.ManifestParcel.order_no == m.Order.order_no),
                ~exists().where(m.Interception.order_no == m.Order.order_no),
            )
            .order_by(packed)
        ):
            items.append(
                ExceptionItem(
                    ExceptionKind.MISSED_TRUCK,
                    f"{order_no}@{left_at:%Y-%m-%dT%H:%M}",
                    order_no,
                    f"{carrier} · {gone:%m-%d %H:%M}",
                    left_at,
                )
            )
    return items
