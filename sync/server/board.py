"""The floor board on the server: every station's accepted packs since a time, per station, packer
and hour, in one aggregate over the event log (and the holds in another)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, select, text

from sync import protocol as p
from sync.server import models as m

# Bound as the column is (aware UTC in; SQLite's text form out), whatever the database.
SINCE = bindparam("since", type_=m.EventRecord.__table__.c.occurred_at.type)
WORK = (("lines", 0), ("units", 0), ("steps", 0), ("cards", 0), ("parcels", 1))
MISTAKES = ("wrong", "weight")


def _packs_query(dialect: str) -> object:
    if dialect == "postgresql":
        hour = "to_char(date_trunc('hour', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD HH24:00')"
        work = [f"sum(coalesce((payload->'work'->>'{name}')::int, {none}))" for name, none in WORK]
        work += [f"sum(coalesce((payload->'mistakes'->>'{name}')::int, 0))" for name in MISTAKES]
        busy = (
            "sum(coalesce(extract(epoch FROM (payload->>'packed_at')::timestamptz"
            " - (payload->>'started_at')::timestamptz), 0))"
        )
        override = "sum(CASE WHEN coalesce(payload->>'override', 'null') != 'null' THEN 1 ELSE 0 END)"
    else:
        hour = "strftime('%Y-%m-%d %H:00', occurred_at)"
        work = [f"sum(coalesce(json_extract(payload, '$.work.{name}'), {none}))" for name, none in WORK]
        work += [f"sum(coalesce(json_extract(payload, '$.mistakes.{name}'), 0))" for name in MISTAKES]
        busy = (
            "sum(coalesce((julianday(json_extract(payload, '$.packed_at'))"
            " - julianday(json_extract(payload, '$.started_at'))) * 86400.0, 0))"
        )
        override = "sum(CASE WHEN json_extract(payload, '$.override') IS NOT NULL THEN 1 ELSE 0 END)"
    return text(
        f"SELECT station, coalesce(operator, ''), {hour}, count(*), {', '.join(work)}, {busy}, {override}"
        " FROM events WHERE type = 'order.packed' AND outcome = 'accepted' AND occurred_at >= :since"
        " GROUP BY 1, 2, 3"
    ).bindparams(SINCE)


_PACKS = {dialect: _packs_query(dialect) for dialect in ("postgresql", "sqlite")}
_HELD = text(
    "SELECT station, coalesce(operator, ''), count(*) FROM events"
    " WHERE type = 'order.held' AND outcome = 'accepted' AND occurred_at >= :since GROUP BY 1, 2"
).bindparams(SINCE)


def board(c: Connection, since: datetime) -> p.BoardPage:
    rows = []
    for row in c.execute(_PACKS[c.dialect.name], {"since": since}):
        (
            station,
            operator,
            hour,
            orders,
            lines,
            units,
            steps,
            cards,
            parcels,
            wrong,
            weight,
            busy,
            overrides,
        ) = row
        rows.append(
            p.BoardRowWire(
                station=station, operator=operator, hour=str(hour), orders=int(orders),
                lines=int(lines or 0), units=int(units or 0), steps=int(steps or 0), cards=int(cards or 0),
                parcels=int(parcels or 0), busy_s=max(0.0, float(busy or 0)), overrides=int(overrides or 0),
                wrong=int(wrong or 0), weight_failures=int(weight or 0),
            )
        )  # fmt: skip
    held = [
        p.HeldWire(station=station, operator=operator, held=int(count))
        for station, operator, count in c.execute(_HELD, {"since": since})
    ]
    accounts = m.StationAccount
    seen = [
        p.StationSeenWire(station=name, last_seen_at=last, devices=devices or [], devices_at=devices_at)
        for name, last, devices, devices_at in c.execute(
            select(accounts.name, accounts.last_seen_at, accounts.devices, accounts.devices_at)
            .where(accounts.revoked_at.is_(None), accounts.role == p.Role.STATION.value)
            .order_by(accounts.name)
        )
    ]
    return p.BoardPage(rows=rows, held=held, seen=seen)
