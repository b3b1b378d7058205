"""Waves in the station's database: the open orders a planner sees, waves made from a plan, their
release / assignment / cancellation, picks recorded line by line, and progress.

Every change that the central server must know queues an outbox event in the same transaction:
`wave.changed` (the wave as it now stands), `pick.confirmed` and `pick.short`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core import decisions
from app.core.decisions import Signer
from app.core.model import (
    PACKABLE,
    PACKED_OR_SHIPPED,
    WAVE_ACTIVE,
    WAVE_PICKABLE,
    Address,
    Customer,
    OrderLine,
    OrderSnapshot,
    OrderStatus,
    WaveStatus,
)
from app.core.picking import SHORT_REASONS, PickStop, SlotShare
from app.core.pickpath import LocationParser, PatternError, sort_stops
from app.core.rules import ActionKind, CompiledRule, evaluate
from app.core.settings import StationSettings
from app.core.waves import OpenOrder, PlannedWave, WaveLine
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event

log = logging.getLogger(__name__)


class WaveError(ValueError):
    """A wave operation that cannot be done, with the reason for the person."""


def _now() -> datetime:
    return datetime.now(UTC)


# --- open orders --------------------------------------------------------------------------------


def _in_active_waves() -> Any:
    """The ids of orders an active wave owns (a subquery)."""
    return (
        select(m.WaveOrder.order_id)
        .join(m.Wave, m.Wave.id == m.WaveOrder.wave_id)
        .where(m.Wave.status.in_(WAVE_ACTIVE))
    )


def load_open_orders(
    db: Database,
    rules: Sequence[CompiledRule] = (),
    today: date | None = None,
    statuses: Iterable[str] = (OrderStatus.NEW,),
    include_waved: bool = False,
) -> list[OpenOrder]:
    """Orders in `statuses` with their lines, locations and volumes, each with the priority its
    customer rules give it (the same rules the packing station follows). Orders already in an
    active wave are left out unless `include_waved`."""
    today = today or date.today()
    wanted = tuple(statuses)
    # Only priority matters here: rules that cannot set it (or stop later ones) are skipped.
    rules = tuple(r for r in rules if r.rule.stop or any(a.kind is ActionKind.PRIORITY for a in r.actions))
    with db.session() as s:
        query = (
            select(
                m.Order.id,
                m.Order.order_no,
                m.Order.status,
                m.Order.channel,
                m.Order.carrier,
                m.Order.province,
                m.Order.ship_by,
                m.Order.paid_at,
                m.Order.amount_cents,
                m.Order.buyer_note,
                m.Order.seller_note,
                m.Customer.id,
                m.Customer.code,
                m.Customer.tier,
                m.Customer.tags,
                m.Customer.birthday,
                m.Customer.preferences,
                m.Customer.order_count,
                m.Customer.lifetime_value_cents,
            )
            .outerjoin(m.Customer, m.Customer.id == m.Order.customer_id)
            .where(m.Order.status.in_(wanted))
        )
        if not include_waved:
            waved = _in_active_waves()
            query = query.where(m.Order.id.not_in(waved))
        orders = s.execute(query.order_by(m.Order.id)).all()
        ids = [row[0] for row in orders]
        lines: dict[int, list[tuple[Any, ...]]] = {}
        for chunk in (ids[i : i + 900] for i in range(0, len(ids), 900)):
            for row in s.execute(
                select(
                    m.OrderLine.order_id,
                    m.OrderLine.id,
                    m.Sku.code,
                    m.OrderLine.quantity,
                    m.Sku.bin_location,
                    m.Sku.category,
                    m.Sku.volume_cm3,
                    m.Sku.unit_weight_g,
                )
                .join(m.Sku, m.Sku.id == m.OrderLine.sku_id)
                .where(m.OrderLine.order_id.in_(chunk))
                .order_by(m.OrderLine.order_id, m.OrderLine.line_no)
            ):
                lines.setdefault(row[0], []).append(tuple(row))
    result = []
    for row in orders:
        (oid, order_no, status, channel, carrier, province, ship_by, paid_at, amount, buyer_note,
         seller_note, cid, ccode, tier, tags, birthday, prefs, order_count, ltv) = row  # fmt: skip
        own = lines.get(oid, [])
        wave_lines = tuple(
            WaveLine(sku, qty, location or "", (location or "").split("-", 1)[0] if location else "")
            for _, _, sku, qty, location, _, _, _ in own
        )
        priority = 0
        if rules:
            customer = (
                Customer(
                    cid,
                    ccode,
                    "",
                    "",
                    tier or "",
                    tuple(tags or ()),
                    birthday,
                    prefs or {},
                    order_count or 0,
                    ltv or 0,
                )
                if cid is not None
                else None
            )
            snapshot = OrderSnapshot(
                oid, order_no, channel, OrderStatus(status), carrier, None, _NO_ADDRESS,
                tuple(OrderLine(lid, sku, "", "", qty, weight, location or "", category=category or "")
                      for _, lid, sku, qty, location, category, _, weight in own),
                amount, customer, buyer_note or "", seller_note or "", ship_by=ship_by, paid_at=paid_at,
            )  # fmt: skip
            priority = evaluate(rules, snapshot, today).priority
        result.append(
            OpenOrder(
                order_no=order_no,
                lines=wave_lines,
                carrier=carrier or "",
                channel=channel or "",
                province=province or "",
                priority=priority,
                ship_by=ship_by,
                paid_at=paid_at,
                volume_cm3=sum(qty * (volume or 0) for _, _, _, qty, _, _, volume, _ in own),
                status=status,
            )
        )
    return result


_NO_ADDRESS = Address("", "", "", "", "", "")


def location_parser(settings: StationSettings) -> LocationParser:
    """The station's location pattern; a broken one falls back to the default (logged) so a typo
    in the settings never stops picking."""
    if settings.location_pattern:
        try:
            return LocationParser(settings.location_pattern)
        except PatternError as exc:
            log.error("location pattern %r not used: %s", settings.location_pattern, exc)
    return LocationParser()


# --- making and changing waves ------------------------------------------------------------------


def _wave_changed(
    s: Session, wave: m.Wave, station: str, operator_id: int | None, signer: Signer | None = None
) -> None:
    """The `wave.changed` event; a supervisor's decision (plan, release, assign, cancel) goes
    with their proof when the desk's supervisor signed in with their PIN (app.core.decisions)."""
    wire = _wave_wire(s, wave)
    if signer is not None and wave.status in decisions.SUPERVISED_WAVE_STATES:
        decided = decisions.wave_change(wave.code, wire["status"], wire["orders"], signer.badge)
        wire["proof"] = signer.sign(decided, _now().isoformat()).proof
    add_event(s, "wave.changed", wire, station, operator_id)


def _wave_wire(s: Session, wave: m.Wave) -> dict[str, Any]:
    orders = s.scalars(
        select(m.Order.order_no)
        .join(m.WaveOrder, m.WaveOrder.order_id == m.Order.id)
        .where(m.WaveOrder.wave_id == wave.id)
        .order_by(m.WaveOrder.slot)
    ).all()
    return {
        "code": wave.code,
        "strategy": wave.strategy,
        "status": wave.status,
        "picker": wave.picker,
        "station": wave.station,
        "orders": list(orders),
    }


def _next_codes(s: Session, day: date, count: int) -> list[str]:
    prefix = f"W{day:%Y%m%d}-"
    taken = s.scalars(select(m.Wave.code).where(m.Wave.code.like(prefix + "%"))).all()
    numbers = [int(code[len(prefix) :]) for code in taken if code[len(prefix) :].isdigit()]
    start = max(numbers, default=0) + 1
    return [f"{prefix}{n:03d}" for n in range(start, start + count)]


@dataclass(frozen=True)
class Created:
    codes: tuple[str, ...]
    taken_meanwhile: tuple[str, ...]  # orders someone else waved or packed since the plan was made


def create_waves(
    db: Database,
    planned: Sequence[PlannedWave],
    station: str,
    operator_id: int | None,
    release: bool = False,
    today: date | None = None,
    signer: Signer | None = None,
) -> Created:
    """Write a plan as waves (released at once if asked), in one transaction. An order that left
    the open pool since the plan was made (packed, held, waved elsewhere) is skipped and reported."""
    today = today or datetime.now().astimezone().date()
    now = _now()
    codes: list[str] = []
    taken: list[str] = []
    with db.session() as s, s.begin():
        wanted = [no for wave in planned for no in wave.order_nos]
        ids: dict[str, int] = {}
        for chunk in (wanted[i : i + 900] for i in range(0, len(wanted), 900)):
            waved = _in_active_waves()
            ids.update(
                s.execute(
                    select(m.Order.order_no, m.Order.id).where(
                        m.Order.order_no.in_(chunk),
                        m.Order.status == OrderStatus.NEW,
                        m.Order.id.not_in(waved),
                    )
                ).all()
            )
        new_codes = iter(_next_codes(s, today, len(planned)))
        for plan in planned:
            members = [no for no in plan.order_nos if no in ids]
            taken.extend(no for no in plan.order_nos if no not in ids)
            if not members:
                continue
            wave = m.Wave(
                code=next(new_codes),
                strategy=plan.strategy.value,
                status=WaveStatus.RELEASED if release else WaveStatus.PLANNED,
                created_at=now,
                released_at=now if release else None,
            )
            s.add(wave)
            s.flush()
            s.add_all(
                m.WaveOrder(wave_id=wave.id, order_id=ids[no], slot=slot)
                for slot, no in enumerate(members, 1)
            )
            if release:
                s.execute(
                    update(m.Order)
                    .where(m.Order.id.in_([ids[no] for no in members]))
                    .values(status="released")
                )
            s.flush()
            _wave_changed(s, wave, station, operator_id, signer)
            codes.append(wave.code)
    if taken:
        log.info("waves: %d order(s) left the open pool while planning: %s", len(taken), taken[:10])
    return Created(tuple(codes), tuple(taken))


def _wave(s: Session, code: str) -> m.Wave:
    wave = s.scalar(select(m.Wave).where(m.Wave.code == code))
    if wave is None:
        raise WaveError(f"no wave {code}")
    return wave


def release_wave(
    db: Database, code: str, station: str, operator_id: int | None, signer: Signer | None = None
) -> None:
    with db.session() as s, s.begin():
        wave = _wave(s, code)
        if wave.status != WaveStatus.PLANNED:
            raise WaveError(f"wave {code} is {wave.status}: only a planned wave can be released")
        wave.status, wave.released_at = WaveStatus.RELEASED, _now()
        order_ids = select(m.WaveOrder.order_id).where(m.WaveOrder.wave_id == wave.id)
        s.execute(
            update(m.Order)
            .where(m.Order.id.in_(order_ids), m.Order.status == OrderStatus.NEW)
            .values(status=OrderStatus.RELEASED)
        )
        _wave_changed(s, wave, station, operator_id, signer)


def assign_wave(
    db: Database,
    code: str,
    picker: str,
    pack_station: str,
    station: str,
    operator_id: int | None,
    signer: Signer | None = None,
) -> None:
    """Give the wave to a picker (badge or name) and/or the station that packs it."""
    with db.session() as s, s.begin():
        wave = _wave(s, code)
        if wave.status not in WAVE_ACTIVE:
            raise WaveError(f"wave {code} is {wave.status}: it cannot be assigned")
        wave.picker, wave.station = picker.strip(), pack_station.strip()
        _wave_changed(s, wave, station, operator_id, signer)


def cancel_wave(
    db: Database, code: str, station: str, operator_id: int | None, signer: Signer | None = None
) -> int:
    """Cancel a wave: its orders not packed yet go back to the open pool (to be planned again).
    Returns how many went back."""
    with db.session() as s, s.begin():
        wave = _wave(s, code)
        if wave.status not in WAVE_ACTIVE:
            raise WaveError(f"wave {code} is {wave.status}: there is nothing to cancel")
        wave.status, wave.cancelled_at = WaveStatus.CANCELLED, _now()
        order_ids = select(m.WaveOrder.order_id).where(m.WaveOrder.wave_id == wave.id)
        back = s.execute(
            update(m.Order)
            .where(m.Order.id.in_(order_ids), m.Order.status.in_((OrderStatus.RELEASED, OrderStatus.PICKED)))
            .values(status=OrderStatus.NEW)
        ).rowcount
        _wave_changed(s, wave, station, operator_id, signer)
        return int(back or 0)


# --- progress -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaveProgress:
    code: str
    strategy: str
    status: str
    picker: str
    station: str
    orders: int
    items: int
    picked_items: int
    packed_orders: int
    short_lines: int
    created_at: datetime | None


def wave_progress(db: Database, include_done: bool = False) -> list[WaveProgress]:
    with db.session() as s:
        waves = s.scalars(
            select(m.Wave)
            .where(m.Wave.status.in_(WAVE_ACTIVE) if not include_done else m.Wave.id.is_not(None))
            .order_by(m.Wave.created_at.desc(), m.Wave.code.desc())
            .limit(500)
        ).all()
        ids = [w.id for w in waves]
        if not ids:
            return []
        counts = {
            row[0]: row[1:]
            for row in s.execute(
                select(
                    m.WaveOrder.wave_id,
                    func.count(func.distinct(m.WaveOrder.order_id)),
                    func.coalesce(func.sum(m.OrderLine.quantity), 0),
                    func.count(func.distinct(m.Order.id)).filter(m.Order.status.in_(PACKED_OR_SHIPPED)),
                )
                .join(m.Order, m.Order.id == m.WaveOrder.order_id)
                .join(m.OrderLine, m.OrderLine.order_id == m.Order.id)
                .where(m.WaveOrder.wave_id.in_(ids))
                .group_by(m.WaveOrder.wave_id)
            )
        }
        picks = {
            row[0]: row[1:]
            for row in s.execute(
                select(
                    m.Pick.wave_id,
                    func.coalesce(func.sum(m.Pick.picked), 0),
                    func.count().filter(m.Pick.picked < m.Pick.wanted),
                )
                .where(m.Pick.wave_id.in_(ids))
                .group_by(m.Pick.wave_id)
            )
        }
        result = []
        for w in waves:
            orders, items, packed = counts.get(w.id, (0, 0, 0))
            picked, short = picks.get(w.id, (0, 0))
            result.append(
                WaveProgress(
                    code=w.code,
                    strategy=w.strategy,
                    status=w.status,
                    picker=w.picker,
                    station=w.station,
                    orders=int(orders),
                    items=int(items),
                    picked_items=int(picked),
                    packed_orders=int(packed),
                    short_lines=int(short),
                    created_at=w.created_at,
                )
            )
        return result


# --- picking ------------------------------------------------------------------------------------


def pick_stops(db: Database, code: str, parser: LocationParser | None = None) -> list[PickStop]:
    """The wave's pick list in walking order (serpentine), what is recorded already marked."""
    parser = parser or LocationParser()
    with db.session() as s:
        wave = _wave(s, code)
        rows = s.execute(
            select(
                m.Sku.id,
                m.Sku.code,
                m.Sku.name_zh,
                m.Sku.name_en,
                m.Sku.bin_location,
                m.WaveOrder.slot,
                m.Order.order_no,
                m.OrderLine.quantity,
            )
            .join(m.OrderLine, m.OrderLine.sku_id == m.Sku.id)
            .join(m.Order, m.Order.id == m.OrderLine.order_id)
            .join(m.WaveOrder, m.WaveOrder.order_id == m.Order.id)
            .where(m.WaveOrder.wave_id == wave.id)
            .order_by(m.WaveOrder.slot)
        ).all()
        recorded: dict[str, int] = {}
        for sku, picked in s.execute(
            select(m.Pick.sku_code, func.sum(m.Pick.picked))
            .where(m.Pick.wave_id == wave.id)
            .group_by(m.Pick.sku_code)
        ):
            recorded[sku] = int(picked)
        barcodes: dict[int, list[str]] = {}
        sku_ids = sorted({row[0] for row in rows})
        for chunk in (sku_ids[i : i + 900] for i in range(0, len(sku_ids), 900)):
            for sku_id, barcode in s.execute(
                select(m.Barcode.sku_id, m.Barcode.code)
                .where(m.Barcode.sku_id.in_(chunk), m.Barcode.pack_qty == 1)
                .order_by(m.Barcode.id)
            ):
                barcodes.setdefault(sku_id, []).append(barcode)
        # Lot-tracked SKUs with more than one lot in stock: their units are picked by lot.
        several = set(
            s.scalars(
                select(m.Lot.sku_code)
                .join(m.Sku, m.Sku.code == m.Lot.sku_code)
                .where(m.Lot.in_stock > 0, m.Lot.recalled == "", m.Sku.trace.contains("lot"))
                .group_by(m.Lot.sku_code)
                .having(func.count() > 1)
            )
        )
    stops: dict[str, dict[str, Any]] = {}
    for sku_id, sku, name_zh, name_en, location, slot, order_no, qty in rows:
        stop = stops.setdefault(
            sku,
            {"location": location or "", "sku": sku, "name_zh": name_zh, "name_en": name_en,
             "barcodes": tuple(barcodes.get(sku_id, ())), "shares": [], "lots_needed": sku in several},
        )  # fmt: skip
        stop["shares"].append(SlotShare(slot, order_no, qty))
    built = [
        PickStop(
            quantity=sum(share.quantity for share in stop["shares"]),
            shares=tuple(stop["shares"]),
            picked=recorded.get(stop["sku"]),
            **{k: v for k, v in stop.items() if k != "shares"},
        )
        for stop in stops.values()
    ]
    return sort_stops(built, lambda stop: stop.location, parser)


def record_pick(
    db: Database,
    code: str,
    stop: PickStop,
    picked: int,
    picker: str,
    station: str,
    operator_id: int | None,
    reason: str = "",
    lots: tuple[tuple[str, int], ...] = (),
) -> list[SlotShare]:
    """Record what was picked at one stop: shares are filled slot by slot (the wave's priority
    order), so a short pick leaves the last slots short. A short pick needs a reason and becomes an
    exception for the supervisor. `lots`: the units of each lot scanned there (a lot-tracked SKU
    with several lots in stock), kept with the pick and its event. Returns the shares as filled."""
    if picked < 0 or picked > stop.quantity:
        raise WaveError(f"picked {picked} of {stop.quantity}: not possible")
    if picked < stop.quantity and reason not in SHORT_REASONS:
        raise WaveError(f"a short pick needs a reason ({', '.join(SHORT_REASONS)})")
    now = _now()
    filled: list[SlotShare] = []
    with db.session() as s, s.begin():
        wave = _wave(s, code)
        if wave.status not in WAVE_PICKABLE:
            raise WaveError(f"wave {code} is {wave.status}: it is not being picked")
        order_ids = dict(
            s.execute(
                select(m.Order.order_no, m.Order.id).where(
                    m.Order.order_no.in_([x.order_no for x in stop.shares])
                )
            ).all()
        )
        left = picked
        for share in stop.shares:
            got = min(left, share.quantity)
            left -= got
            filled.append(SlotShare(share.slot, share.order_no, got))
            existing = s.scalar(
                select(m.Pick).where(
                    m.Pick.wave_id == wave.id,
                    m.Pick.order_id == order_ids[share.order_no],
                    m.Pick.sku_code == stop.sku,
                )
            )
            if existing is None:
                existing = m.Pick(wave_id=wave.id, order_id=order_ids[share.order_no], sku_code=stop.sku)
                s.add(existing)
            existing.location, existing.slot, existing.wanted, existing.picked = (
                stop.location, share.slot, share.quantity, got,
            )  # fmt: skip
            existing.short_reason = reason if got < share.quantity else ""
            existing.picker, existing.at = picker, now
            existing.lots = [{"lot": lot, "quantity": n} for lot, n in lots]
        s.flush()
        if wave.status != WaveStatus.PICKING:  # the first pick: the office sees the wave under way
            wave.status = WaveStatus.PICKING
            wave.picker = wave.picker or picker  # taken from the list unassigned: whose walk it is
            _wave_changed(s, wave, station, operator_id)
        payload = {
            "wave": code,
            "sku": stop.sku,
            "location": stop.location,
            "wanted": stop.quantity,
            "picked": picked,
            "picker": picker,
            "orders": [{"order_no": x.order_no, "slot": x.slot, "quantity": x.quantity} for x in filled],
        }
        if lots:
            payload["lots"] = [{"lot": lot, "quantity": n} for lot, n in lots]
        if picked < stop.quantity:
            add_event(s, "pick.short", {**payload, "reason": reason}, station, operator_id)
        else:
            add_event(s, "pick.confirmed", payload, station, operator_id)
        _finish_if_done(s, wave, station, operator_id)
    return filled


def _finish_if_done(s: Session, wave: m.Wave, station: str, operator_id: int | None) -> None:
    """Once every line of the wave is recorded: fully picked orders become `picked`; the wave is
    `done` (short lines stay as exceptions)."""
    pairs = (
        select(m.OrderLine.order_id, m.OrderLine.sku_id)
        .join(m.WaveOrder, m.WaveOrder.order_id == m.OrderLine.order_id)
        .where(m.WaveOrder.wave_id == wave.id)
        .distinct()
        .subquery()
    )
    lines = s.scalar(select(func.count()).select_from(pairs))
    recorded = s.scalar(select(func.count()).select_from(m.Pick).where(m.Pick.wave_id == wave.id))
    if recorded < lines:
        return
    short = select(m.Pick.order_id).where(m.Pick.wave_id == wave.id, m.Pick.picked < m.Pick.wanted)
    s.execute(
        update(m.Order)
        .where(
            m.Order.id.in_(select(m.WaveOrder.order_id).where(m.WaveOrder.wave_id == wave.id)),
            m.Order.id.not_in(short),
            m.Order.status == OrderStatus.RELEASED,
        )
        .values(status=OrderStatus.PICKED)
    )
    wave.status = WaveStatus.DONE
    _wave_changed(s, wave, station, operator_id)


# --- single-item waves at the packing station ---------------------------------------------------


def next_wave_order(db: Database, code: str, sku_code: str, busy: Iterable[int] = ()) -> str | None:
    """The next order of a single-item wave that needs this SKU and is not packed yet (by slot:
    the wave's priority order), or None. `busy`: order ids not to hand out (packed, not saved yet)."""
    with db.session() as s:
        return s.scalar(
            select(m.Order.order_no)
            .join(m.WaveOrder, m.WaveOrder.order_id == m.Order.id)
            .join(m.Wave, m.Wave.id == m.WaveOrder.wave_id)
            .join(m.OrderLine, m.OrderLine.order_id == m.Order.id)
            .join(m.Sku, m.Sku.id == m.OrderLine.sku_id)
            .where(
                m.Wave.code == code,
                m.Sku.code == sku_code,
                m.Order.status.in_(PACKABLE),
                m.Order.id.not_in(list(busy)),
            )
            .order_by(m.WaveOrder.slot)
            .limit(1)
        )


def waiting_orders(db: Database, code: str) -> int:
    """Orders of the wave not packed yet."""
    with db.session() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(m.WaveOrder)
                .join(m.Wave, m.Wave.id == m.WaveOrder.wave_id)
                .join(m.Order, m.Order.id == m.WaveOrder.order_id)
                .where(m.Wave.code == code, m.Order.status.in_(PACKABLE))
            )
            or 0
        )


def wave_strategy(db: Database, code: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(m.Wave.strategy).where(m.Wave.code == code))
