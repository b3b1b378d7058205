"""Pushes: a batch of events checked whole, each applied (sync.server.events) or answered again,
and the conflicts and packaging they leave."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import (
    select,
)
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError

from sync import protocol as p
from sync.server import models as m
from sync.server.batch import Batch
from sync.server.events import apply_event, named_operators
from sync.server.services.core import (
    StoreCore,
    utc_now,
)

log = logging.getLogger(__name__)


def _carried_by_an_event(exc: BaseException) -> bool:
    """A failure some event of the batch causes (its data refused by a constraint or a type, or a
    fault applying it), as opposed to the database or its connection failing."""
    # The commit of a pipelined push goes through the driver itself: its errors come unwrapped,
    # named as PEP 249 names them (psycopg's CheckViolation is an IntegrityError).
    names = {cls.__name__ for cls in type(exc).__mro__}
    if isinstance(exc, IntegrityError | DataError) or names & {"IntegrityError", "DataError"}:
        return True
    if isinstance(exc, DBAPIError | OSError):
        return False
    faults = (StatementError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError)
    return isinstance(exc, faults)


REFUSED_WINDOW = timedelta(days=1)
REFUSED_KEPT = 2000  # refused or conflicting events a station may have kept whole in a day


def _payload_keys(events: list[p.Event], field: str) -> list[str]:
    return [str(value) for event in events if isinstance(value := event.payload.get(field), str)]


class EventsService(StoreCore):
    def push(self, station: str, events: list[p.Event]) -> list[p.EventResult]:
        """Apply a checked batch in one transaction (the caller ran `refuse_reasons` first)."""
        received = utc_now()
        results: list[p.EventResult] = []
        with self.writing() as c:
            self._write_first(c)
            batch = Batch(c, self._put_all)
            customers = _payload_keys(events, "customer")
            wave_orders = [
                str(no)
                for event in events
                if event.type == p.EventType.WAVE_CHANGED and isinstance(event.payload.get("orders"), list)
                for no in event.payload["orders"]
            ]
            # The documents of repeated events are read and locked too: a repeat is rare (an answer
            # lost on the way), and one statement for everything saves two round trips per push.
            orders = [*_payload_keys(events, "order_no"), *wave_orders]
            ids = [str(event.id) for event in events]
            # A supervisor desk's or the office's token may change rules and waves itself; a packing
            # station's only for a supervisor signed in at it.
            known = c.scalar(select(m.StationAccount.role).where(m.StationAccount.name == station))
            role = p.Role(known) if known else p.Role.STATION  # pushed in-process (tests, tools)
            batch.role = role
            batch.trusted = role in (p.Role.DESK, p.Role.ADMIN)
            operators = sorted({badge for event in events for badge in named_operators(event)})
            answers = batch.read_first(
                ids,
                {p.Kind.CUSTOMER: customers, p.Kind.ORDER: orders, p.Kind.OPERATOR: operators},
                customers,
            )
            seen = {
                key: p.EventResult(id=key, outcome=p.Outcome(outcome), reason=reason, duplicate=True)
                for key, (outcome, reason) in answers.items()
            }
            if seen:  # resends are rare: whose they were is asked only then
                owners = dict(
                    c.execute(
                        select(m.EventRecord.id, m.EventRecord.station).where(
                            m.EventRecord.id.in_(list(seen))
                        )
                    ).all()
                )
                for key, owner in owners.items():
                    if owner != station:
                        # Another station's event id: never "already applied" for this one, which
                        # would drop this station's event without a word.
                        log.warning("event id %s sent by %s was first sent by %s", key, station, owner)
                        seen[key] = p.EventResult(
                            id=key,
                            outcome=p.Outcome.REJECTED,
                            reason=f"event id {key} was first sent by another station: not applied",
                        )
            refusals, kept = 0, None
            for event in events:
                key = str(event.id)
                if key in seen:
                    results.append(seen[key])
                    continue
                outcome, reason = apply_event(batch, station, event, received)
                payload = event.payload
                if outcome is not p.Outcome.ACCEPTED:
                    refusals += 1
                    if kept is None:  # asked once a push, and only when something was refused
                        kept = batch.refused_since(station, received - REFUSED_WINDOW)
                    if kept + refusals > REFUSED_KEPT:
                        # Its answer and reason stay (a resend gets them again); its payload goes:
                        # one token cannot fill the server's disk with refused claims.
                        payload = {"dropped": f"over {REFUSED_KEPT} refused events from {station} in a day"}
                        if kept + refusals == REFUSED_KEPT + 1:
                            log.warning(
                                "%s passed %d refused events in a day: payloads dropped",
                                station,
                                REFUSED_KEPT,
                            )
                batch.add(
                    m.EventRecord,
                    id=key,
                    type=event.type,
                    station=station,
                    operator=event.operator,
                    occurred_at=event.occurred_at,
                    received_at=received,
                    payload=payload,
                    outcome=outcome.value,
                    reason=reason,
                )
                result = p.EventResult(id=event.id, outcome=outcome, reason=reason)
                seen[key] = result
                results.append(result)
            batch.commit()
        return results

    def push_each(self, station: str, events: list[p.Event]) -> list[p.EventResult]:
        """`push`, and when the batch fails for a reason one of its events carries (the database
        refuses its data, or applying it trips over something), the batch in halves, and halves of
        those, until that event is alone: it is answered as rejected with the reason, so the
        station sets it aside for a person, and every other event is applied. A database that is
        away fails the whole request, to be tried again."""
        try:
            return self.push(station, events)
        except Exception as exc:
            if not _carried_by_an_event(exc):
                raise
            if len(events) > 1:
                middle = len(events) // 2
                return self.push_each(station, events[:middle]) + self.push_each(station, events[middle:])
            event = events[0]
            cause = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300]
            log.error("event %s (%s) from %s could not be stored: %s", event.id, event.type, station, cause)
            reason = f"the server could not store this event ({type(exc).__name__}: {cause})"
            return [p.EventResult(id=event.id, outcome=p.Outcome.REJECTED, reason=reason)]

    @staticmethod
    def refuse_reasons(station: str, events: list[p.Event]) -> list[p.EventError]:
        errors = []
        for index, event in enumerate(events):
            if event.station != station:
                reason = f"event from station {event.station!r} sent with the token of {station!r}"
            else:
                reason = p.check_event(event) or ""
            if reason:
                errors.append(p.EventError(index=index, id=str(event.id), reason=reason))
        return errors

    def conflicts(
        self, station: str | None = None, after: int = 0, limit: int = 1000
    ) -> list[p.ConflictWire]:
        """Every station's conflicts, or only `station`'s: the first `limit` after id `after`."""
        with self._sessions() as s:
            query = select(m.Conflict).where(m.Conflict.id > after).order_by(m.Conflict.id).limit(limit)
            if station is not None:
                query = query.where(m.Conflict.station == station)
            rows = s.scalars(query).all()
            return [
                p.ConflictWire(
                    id=c.id,
                    kind=c.kind,
                    key=c.key,
                    station=c.station,
                    event_id=c.event_id,
                    detail=c.detail,
                    created_at=c.created_at,
                )
                for c in rows
            ]

    def packaging_used(self, since: datetime | None = None) -> dict[str, dict[str, int]]:
        """Boxes and bags used by the accepted packs (since `since`): per box code, how many
        and their grams. Packs without a box scanned count under "" (the stations' default)."""
        used: dict[str, dict[str, int]] = {}
        query = select(m.EventRecord.payload).where(
            m.EventRecord.type == p.EventType.ORDER_PACKED, m.EventRecord.outcome == p.Outcome.ACCEPTED
        )
        if since is not None:
            query = query.where(m.EventRecord.occurred_at >= since)
        with self._sessions() as s:
            for payload in s.scalars(query.execution_options(yield_per=2000)):
                # A split shipment: a box per parcel. Older packs: the one box of the pack.
                for parcel in payload.get("parcels") or [payload]:
                    box = parcel.get("packaging") or {}
                    entry = used.setdefault(str(box.get("box", "")), {"parcels": 0, "grams": 0})
                    entry["parcels"] += 1
                    entry["grams"] += int(box.get("weight_g") or 0)
        return dict(sorted(used.items()))
