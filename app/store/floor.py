"""The supervisor board's reads: the packs of a window per packer and per station, the mistakes
caught at the benches, the hours of the day, the open orders by ship-by deadline and carrier and
what must go with each carrier's next pick-up, the waves in progress, how every station's sync and
devices stand. Each is one aggregate query (the board refreshes every few seconds while it shows,
with 20 stations and tens of thousands of packs a day)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, case, func, literal, select

from app.core.model import PACKABLE, OrderStatus, PackStatus, WaveStatus
from app.core.performance import MISTAKES, Errors, Totals
from app.core.pickups import Pickup, upcoming
from app.core.segments import STAGE_TAG
from app.store import models as m
from app.store.db import Database
from app.store.stored_keys import CARRIER_PICKUPS_KEY
from sync import protocol as p

DEADLINES = ((0, "overdue"), (2, "2h"), (4, "4h"), (24, "today"))  # hours from now, and the bucket's name


@dataclass(frozen=True, slots=True)
class StationHealth:
    last_seen: datetime | None = None  # the server's last request from it (None: never)
    devices: tuple[p.DeviceWire, ...] = ()
    devices_at: datetime | None = None  # when it reported them (None: never)
    here: bool = False  # this station: its devices as they stand this moment


@dataclass(frozen=True, slots=True)
class Board:
    by_packer: dict[str, Totals]
    by_station: dict[str, Totals]
    by_hour: dict[str, Totals]
    errors_by_packer: dict[str, Errors]
    errors_by_station: dict[str, Errors]
    open_orders: dict[str, dict[str, int]]  # carrier -> deadline bucket -> orders
    waves_in_progress: int
    read_at: datetime
    source: str = "station"  # station | server (every station) | offline (the server did not answer)
    stations: dict[str, StationHealth] = field(default_factory=dict)  # sync and devices, per station
    # Orders packed in the current clock hour ("now"), and this station's mistakes per hour.
    this_hour_by_packer: dict[str, int] = field(default_factory=dict)
    this_hour_by_station: dict[str, int] = field(default_factory=dict)
    errors_by_hour: dict[str, Errors] = field(default_factory=dict)
    # "YYYY-MM-DD HH" (UTC) -> orders of every station shown: the floor's pace lately.
    orders_by_utc_hour: dict[str, int] = field(default_factory=dict)
    pickups: tuple[Pickup, ...] = ()  # each carrier's next pick-up and the open orders that must go with it


def board(db: Database, since: datetime, now: datetime | None = None) -> Board:
    now = now or datetime.now(UTC)
    ps = m.PackSession
    # The stored text of a time starts "YYYY-MM-DD HH": its first 13 characters are the (UTC) hour,
    # cheaper per row than a date function over 50,000 packs.
    hour = func.substr(ps.ended_at, 1, 13)
    with db.session() as s:
        per_group = s.execute(
            select(
                ps.station, ps.operator_id, hour, func.count(), func.sum(ps.lines), func.sum(ps.units),
                func.sum(ps.steps), func.sum(ps.cards), func.sum(ps.parcels), func.sum(ps.busy_s),
                func.count(ps.override_by),
            )
            .where(ps.ended_at >= since, ps.status == PackStatus.PACKED)
            .group_by(ps.station, ps.operator_id, hour)
        ).all()  # fmt: skip
        holds = s.execute(
            select(ps.station, ps.operator_id, func.count())
            .where(ps.status == PackStatus.HELD, ps.ended_at >= since)
            .group_by(ps.station, ps.operator_id)
        ).all()
        event_hour = func.substr(m.PackEvent.at, 1, 13)
        mistakes = s.execute(
            select(
                m.PackEvent.station, m.PackEvent.operator_id, m.PackEvent.verdict, event_hour, func.count()
            )
            .where(m.PackEvent.verdict.in_(MISTAKES), m.PackEvent.at >= since)
            .group_by(m.PackEvent.station, m.PackEvent.operator_id, m.PackEvent.verdict, event_hour)
        ).all()
        trucks = upcoming(s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIER_PICKUPS_KEY)) or {},
                          now.astimezone())  # fmt: skip
        # One pass over the open orders: each carrier's by deadline, and those its next truck must take.
        deadline = s.execute(
            select(m.Order.carrier, _bucket(now), func.count(), func.sum(_must_go(trucks)))
            .where(m.Order.status.in_([status.value for status in PACKABLE]))
            .group_by(m.Order.carrier, _bucket(now))
        ).all()
        # At the dock and gone: packed orders still to hand over, and those handed over since `since`.
        dock = dict(
            s.execute(
                select(m.Order.carrier, func.count())
                .where(m.Order.status == OrderStatus.PACKED)
                .group_by(m.Order.carrier)
            ).all()
        )
        went = dict(
            s.execute(
                select(m.Order.carrier, func.count())
                .where(m.Order.status == OrderStatus.SHIPPED, m.Order.updated_at >= since)
                .group_by(m.Order.carrier)
            ).all()
        )
        waves = s.scalar(
            select(func.count())
            .select_from(m.Wave)
            .where(m.Wave.status.in_([WaveStatus.RELEASED, WaveStatus.PICKING]))
        )
        names = dict(s.execute(select(m.Operator.id, m.Operator.name)).all())
    by_packer: dict[str, Totals] = {}
    by_station: dict[str, Totals] = {}
    by_hour: dict[str, Totals] = {}
    this_hour = now.astimezone(UTC).strftime("%Y-%m-%d %H")
    now_packer: dict[str, int] = {}
    now_station: dict[str, int] = {}
    by_utc_hour: dict[str, int] = {}
    for station, operator_id, hour_utc, *values in per_group:
        totals = Totals(*(v or 0 for v in values[:-1]), 0, values[-1] or 0)
        packer = names.get(operator_id, str(operator_id))
        by_packer[packer] = by_packer.get(packer, Totals()) + totals
        by_station[station] = by_station.get(station, Totals()) + totals
        local = _local_hour(hour_utc)
        by_hour[local] = by_hour.get(local, Totals()) + totals
        by_utc_hour[hour_utc[:13]] = by_utc_hour.get(hour_utc[:13], 0) + totals.orders
        if hour_utc[:13] == this_hour:
            now_packer[packer] = now_packer.get(packer, 0) + totals.orders
            now_station[station] = now_station.get(station, 0) + totals.orders
    for station, operator_id, count in holds:
        packer = names.get(operator_id, str(operator_id))
        by_packer[packer] = by_packer.get(packer, Totals()) + Totals(held=count)
        by_station[station] = by_station.get(station, Totals()) + Totals(held=count)
    errors_by_packer: dict[str, Errors] = {}
    errors_by_station: dict[str, Errors] = {}
    errors_by_hour: dict[str, Errors] = {}
    for station, operator_id, verdict, hour_utc, count in mistakes:
        mistake = Errors.of(verdict, count)
        packer = names.get(operator_id, str(operator_id))
        errors_by_packer[packer] = errors_by_packer.get(packer, Errors()) + mistake
        errors_by_station[station] = errors_by_station.get(station, Errors()) + mistake
        local = _local_hour(hour_utc)
        errors_by_hour[local] = errors_by_hour.get(local, Errors()) + mistake
    open_orders: dict[str, dict[str, int]] = {}
    due: dict[str, int] = {}
    for carrier, bucket, count, must_go in deadline:
        open_orders.setdefault(carrier or "—", {})[bucket] = count
        due[carrier] = due.get(carrier, 0) + int(must_go or 0)
    pickups = tuple(
        Pickup(
            carrier,
            at,
            following,
            due.get(carrier, 0),
            sum(open_orders.get(carrier, {}).values()),
            int(dock.get(carrier, 0)),
            int(went.get(carrier, 0)),
        )
        for carrier, (at, following) in sorted(trucks.items())
    )
    return Board(by_packer, by_station, by_hour, errors_by_packer, errors_by_station, open_orders,
                 int(waves or 0), now, this_hour_by_packer=now_packer, this_hour_by_station=now_station,
                 errors_by_hour=errors_by_hour, orders_by_utc_hour=by_utc_hour, pickups=pickups)  # fmt: skip


def _must_go(trucks: dict[str, tuple[datetime, datetime]]):  # type: ignore[no-untyped-def]
    """1 for an order its carrier's next truck must take (ship-by before the truck after it), else 0."""
    o = m.Order
    whens = [(and_(o.carrier == c, o.ship_by < following), 1) for c, (_at, following) in trucks.items()]
    return case(*whens, else_=0) if whens else literal(0)


def segment_sizes(db: Database) -> dict[str, int]:
    """Customers per lifecycle stage, from the segment tags the server wrote (app.core.segments)."""
    with db.engine.connect() as c:
        rows = c.exec_driver_sql(
            "SELECT t.value, count(*) FROM customers, json_each(customers.tags) AS t"
            " WHERE t.value LIKE ? GROUP BY t.value",
            (STAGE_TAG + "%",),
        ).all()
    return {str(tag)[len(STAGE_TAG) :]: int(count) for tag, count in rows}


def operator_names(db: Database) -> dict[str, str]:
    """Badge -> name, for the server's rows (which name packers by badge)."""
    with db.session() as s:
        return dict(s.execute(select(m.Operator.badge_code, m.Operator.name)).all())


def merged(local: Board, remote: p.BoardPage, own_station: str, names: dict[str, str]) -> Board:
    """Every station: the others' packs as the server has them, this station's from its own records
    (immediate, and with the mistakes its audit trail caught, which the server does not get)."""
    by_packer, by_station, by_hour = dict(local.by_packer), dict(local.by_station), dict(local.by_hour)
    now_packer, now_station = dict(local.this_hour_by_packer), dict(local.this_hour_by_station)
    errors_by_packer, errors_by_station = dict(local.errors_by_packer), dict(local.errors_by_station)
    this_hour = local.read_at.astimezone(UTC).strftime("%Y-%m-%d %H")
    by_utc_hour = dict(local.orders_by_utc_hour)
    for r in remote.rows:
        if r.station == own_station:
            continue
        totals = Totals(r.orders, r.lines, r.units, r.steps, r.cards, r.parcels, r.busy_s, 0, r.overrides)
        packer = names.get(r.operator, r.operator)
        by_packer[packer] = by_packer.get(packer, Totals()) + totals
        by_station[r.station] = by_station.get(r.station, Totals()) + totals
        hour = _local_hour(r.hour)
        by_hour[hour] = by_hour.get(hour, Totals()) + totals
        by_utc_hour[r.hour[:13]] = by_utc_hour.get(r.hour[:13], 0) + r.orders
        if r.hour[:13] == this_hour:
            now_packer[packer] = now_packer.get(packer, 0) + r.orders
            now_station[r.station] = now_station.get(r.station, 0) + r.orders
        caught = Errors(r.wrong, r.weight_failures)
        errors_by_packer[packer] = errors_by_packer.get(packer, Errors()) + caught
        errors_by_station[r.station] = errors_by_station.get(r.station, Errors()) + caught
    for h in remote.held:
        if h.station == own_station:
            continue
        held = Totals(held=h.held)
        packer = names.get(h.operator, h.operator)
        by_packer[packer] = by_packer.get(packer, Totals()) + held
        by_station[h.station] = by_station.get(h.station, Totals()) + held
    stations = {s.station: StationHealth(s.last_seen_at, tuple(s.devices), s.devices_at) for s in remote.seen}
    return replace(
        local, by_packer=by_packer, by_station=by_station, by_hour=by_hour, source="server",
        stations={**local.stations, **stations}, orders_by_utc_hour=by_utc_hour,
        this_hour_by_packer=now_packer, this_hour_by_station=now_station,
        errors_by_packer=errors_by_packer, errors_by_station=errors_by_station,
    )  # fmt: skip


def with_own_devices(b: Board, station: str, report: p.DeviceReport | None) -> Board:
    """This station's devices as they stand this moment, over what the server last heard of them."""
    if report is None:
        return b
    mine = replace(b.stations.get(station, StationHealth()), devices=tuple(report.devices),
                   devices_at=b.read_at, here=True)  # fmt: skip
    return replace(b, stations={**b.stations, station: mine})


def _bucket(now: datetime):  # type: ignore[no-untyped-def]
    """An order's ship-by deadline as the board groups it."""
    whens = [(m.Order.ship_by.is_(None), "none")]
    whens += [(m.Order.ship_by <= now + timedelta(hours=h), name) for h, name in DEADLINES]
    return case(*whens, else_="later")


def _local_hour(hour_utc: str) -> str:
    """ "YYYY-MM-DD HH" (a stored time's first 13 characters) or "YYYY-MM-DD HH:00", UTC -> local "HH:00"."""
    when = datetime.strptime(hour_utc[:13], "%Y-%m-%d %H").replace(tzinfo=UTC)
    return when.astimezone().strftime("%H:00")
