"""The documents one server transaction reads and writes, staged (`Batch`), so a push of hundreds
of events costs a handful of statements instead of several round trips per event."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from sync import protocol as p
from sync.server import models as m
from sync.server.sql import (
    chunks,
    executemany,
    first_reads_query,
    insert_statement,
    lock_entities_query,
    pipeline,
    seen_events_query,
    stamps_query,
    upsert,
)

# Writes changed documents with fresh revisions (ServerStore._put_all).
PutAll = Callable[[Connection, dict[p.Kind, list[tuple[str, dict[str, Any] | None]]]], None]


@dataclass
class WaybillFact:
    """A loaded waybill number as the server has it: its carrier, the station it is set aside
    for (None: free) and the order whose parcel carries it (None: unused)."""

    carrier: str
    station: str | None
    used_by: str | None


@dataclass
class Stamp:
    """When a customer's preference field last changed, and who changed it (merge by time)."""

    changed_at: datetime
    source: str


class Batch:
    """The entities one transaction reads and writes, staged so a push of hundreds of events costs a
    handful of statements instead of several round trips per event.

    Rows are read once, locked (FOR UPDATE on PostgreSQL) and kept; later events in the same batch
    see what earlier ones wrote. `commit` writes the event records, audit rows and conflicts with a
    bulk insert each, the changed stamps with one upsert, and every changed document once, with
    fresh revisions, with one upsert."""

    def __init__(self, c: Connection, put_all: PutAll) -> None:
        self.c, self._put_all = c, put_all
        self.docs: dict[tuple[p.Kind, str], dict[str, Any] | None] = {}
        self.dirty: dict[tuple[p.Kind, str], None] = {}  # insertion-ordered set
        self.stamps: dict[tuple[str, str], Stamp] = {}
        self.stamped: set[str] = set()  # customers whose stamps are all in `stamps`
        self.role = p.Role.STATION
        self.trusted = False  # the pushing token's role may change rules and waves without a supervisor named
        self.dirty_stamps: set[tuple[str, str]] = set()
        self.rows: dict[type[m.Base], list[dict[str, Any]]] = {}
        self.numbers: dict[str, WaybillFact | None] = {}  # waybill numbers read (and used) so far
        self.tickets_added: set[str] = set()  # service tickets this push opens
        self.counts: dict[tuple[str, str], int] = {}  # (station, event type): accepted in this push
        self.conflicts_added: set[tuple[str, str]] = set()

    def read_first(
        self, event_ids: list[str], keys: Mapping[p.Kind, Iterable[str]], customers: Iterable[str]
    ) -> dict[str, tuple[str, str]]:
        """What a push reads before it applies anything, in one statement (`first_reads_query`): the
        first answer (outcome, reason) of each event id seen before, the named documents (read and
        locked as `load` does) and the customers' preference stamps (as `load_stamps`). Each was a
        statement and a round trip of its own; under 20 stations syncing at once every round trip
        is a wait for PostgreSQL's turn on the CPU and then for this thread's. Lists longer than
        SQLite takes in one statement go through the chunked reads instead."""
        wanted = self._unread(keys)
        stamps = sorted(set(customers) - self.stamped)
        if self.c.dialect.name != "postgresql" and len(event_ids) + len(wanted) + len(stamps) > 900:
            answers = {}
            for chunk in chunks(event_ids, 900):
                query = seen_events_query(self.c.dialect.name)
                for key, outcome, reason in self.c.execute(query, {"ids": chunk}):
                    answers[key] = (outcome, reason)
            self.load(keys)
            self.load_stamps(stamps)
            return answers
        params: dict[str, list[str]] = {"ids": event_ids, "customers": stamps, **keys_by_kind(wanted)}
        answers = {}
        rows = self.c.execute(first_reads_query(self.c.dialect.name), params)
        for source, a, b, c, deleted, data, changed_at in rows:
            if source == "event":
                answers[a] = (b, c)
            elif source == "doc":
                self.docs[(p.Kind(a), b)] = None if deleted else data
            else:
                self.stamps[(a, b)] = Stamp(changed_at, c)
        for kind_key in wanted:
            self.docs.setdefault(kind_key, None)
        self.stamped.update(stamps)
        return answers

    def _unread(self, keys: Mapping[p.Kind, Iterable[str]]) -> list[tuple[p.Kind, str]]:
        """The named documents not read yet, in the order every writer locks them (see `load`)."""
        return [
            (kind, key)
            for kind in p.DEPENDENCY_ORDER
            for key in sorted({str(k) for k in keys.get(kind, ())})
            if (kind, key) not in self.docs
        ]

    def load(self, keys: Mapping[p.Kind, Iterable[str]]) -> None:
        """Read and lock the named documents, with one statement per 900 keys.

        Rows are locked in the order every writer meets them (kinds in p.DEPENDENCY_ORDER, keys sorted:
        see `ServerStore._put_all`), so two transactions never wait for each other in a circle."""
        wanted = self._unread(keys)
        for chunk in chunks(wanted, 900):
            rows = self.c.execute(lock_entities_query(self.c.dialect.name), keys_by_kind(chunk))
            for kind, key, deleted, data in rows:
                self.docs[(p.Kind(kind), key)] = None if deleted else data
        for kind_key in wanted:
            self.docs.setdefault(kind_key, None)

    def get(self, kind: p.Kind, key: str) -> dict[str, Any] | None:
        """A copy of the current document (None: unknown or deleted)."""
        if (kind, key) not in self.docs:
            self.load({kind: [key]})
        data = self.docs[(kind, key)]
        return dict(data) if data is not None else None

    def put(self, kind: p.Kind, key: str, data: dict[str, Any] | None) -> None:
        self.docs[(kind, key)] = data
        self.dirty[(kind, key)] = None

    def load_stamps(self, customers: Iterable[str]) -> None:
        wanted = sorted(set(customers) - self.stamped)
        statement = stamps_query(self.c.dialect.name)
        for chunk in chunks(wanted, 900):
            for customer, field, changed_at, source in self.c.execute(statement, {"customers": chunk}):
                self.stamps[(customer, field)] = Stamp(changed_at, source)
        self.stamped.update(wanted)

    def stamp(self, customer: str, field: str) -> Stamp | None:
        self.load_stamps([customer])
        return self.stamps.get((customer, field))

    def set_stamp(self, customer: str, field: str, changed_at: datetime, source: str) -> None:
        stamp = self.stamp(customer, field)
        if stamp is None:
            self.stamps[(customer, field)] = Stamp(changed_at, source)
        else:
            stamp.changed_at, stamp.source = max(changed_at, stamp.changed_at), source
        self.dirty_stamps.add((customer, field))

    def add(self, model: type[m.Base], **row: Any) -> None:
        self.rows.setdefault(model, []).append(row)

    def conflict(self, kind: str, key: str, station: str, event: p.Event, detail: str) -> None:
        """Record a conflict the office sees (GET /conflicts)."""
        self.add(m.Conflict, kind=kind, key=key, station=station, event_id=str(event.id), detail=detail)
        self.conflicts_added.add((kind, key))

    def conflict_open(self, kind: str, key: str) -> bool:
        """A conflict of this kind and key is open already (recorded before, or in this push)."""
        if (kind, key) in self.conflicts_added:
            return True
        open_one = select(m.Conflict.id).where(
            m.Conflict.kind == kind, m.Conflict.key == key, m.Conflict.resolved_at.is_(None)
        )
        return self.c.scalar(open_one.limit(1)) is not None

    # --- facts a claim is checked against ------------------------------------------------------

    def waybills(self, numbers: Iterable[str]) -> dict[str, WaybillFact]:
        """The loaded numbers among `numbers` (absent: never loaded), with the uses this push made."""
        wanted = sorted({n for n in numbers if n not in self.numbers})
        for chunk in chunks(wanted, 500):
            used = (
                select(m.WaybillUse.order_no)
                .where(m.WaybillUse.waybill_no == m.WaybillNumber.waybill_no)
                .limit(1)
                .scalar_subquery()
            )
            rows = self.c.execute(
                select(
                    m.WaybillNumber.waybill_no, m.WaybillNumber.carrier, m.WaybillNumber.station, used
                ).where(m.WaybillNumber.waybill_no.in_(chunk))
            )
            for number, carrier, station, used_by in rows:
                self.numbers[number] = WaybillFact(carrier, station, used_by)
        for number in wanted:
            self.numbers.setdefault(number, None)
        return {n: fact for n in numbers if (fact := self.numbers.get(n)) is not None}

    def use_waybill(self, number: str, order_no: str, parcel_no: int, station: str, at: datetime) -> None:
        """A number now on a parcel: recorded, and seen as used by the rest of this push."""
        self.add(
            m.WaybillUse,
            waybill_no=number,
            order_no=order_no,
            parcel_no=parcel_no,
            station=station,
            used_at=at,
        )
        fact = self.numbers.get(number)
        if fact is not None and fact.used_by is None:
            fact.used_by = order_no

    def count_accepted(self, station: str, event_type: str, since: datetime) -> int:
        """Events of this type from `station` accepted since then, this push's included."""
        before = self.c.scalar(
            select(func.count())
            .select_from(m.EventRecord)
            .where(
                m.EventRecord.station == station,
                m.EventRecord.type == event_type,
                m.EventRecord.received_at >= since,
                m.EventRecord.outcome == p.Outcome.ACCEPTED.value,
            )
        )
        return int(before or 0) + self.counts.get((station, event_type), 0)

    def counted(self, station: str, event_type: str) -> None:
        self.counts[(station, event_type)] = self.counts.get((station, event_type), 0) + 1

    def ticket_exists(self, ticket: str) -> bool:
        if ticket in self.tickets_added:
            return True
        return self.c.scalar(select(m.ServiceTicket.id).where(m.ServiceTicket.id == ticket)) is not None

    def refused_since(self, station: str, since: datetime) -> int:
        """Events from `station` refused or in conflict since then (kept for a person: quota)."""
        return int(
            self.c.scalar(
                select(func.count())
                .select_from(m.EventRecord)
                .where(
                    m.EventRecord.station == station,
                    m.EventRecord.received_at >= since,
                    m.EventRecord.outcome != p.Outcome.ACCEPTED.value,
                )
            )
            or 0
        )

    def commit(self) -> None:
        """Write everything staged and commit: the transaction's last step (nothing may follow it
        in the `writing` block). On PostgreSQL the COMMIT goes in the writes' pipeline, so a push
        is three round trips, not four; the `writing` block's own commit then finds nothing open."""
        by_kind: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]] = {}
        for kind, key in self.dirty:
            by_kind.setdefault(kind, []).append((key, self.docs[(kind, key)]))
        stamps = []
        for customer, field in sorted(self.dirty_stamps):
            stamp = self.stamps[(customer, field)]
            stamps.append({"customer": customer, "field": field, "changed_at": stamp.changed_at,
                           "source": stamp.source})  # fmt: skip
        with pipeline(self.c):  # none of these is read back: they go to PostgreSQL together
            for model, rows in self.rows.items():
                executemany(self.c, insert_statement(model), rows)
            upsert(self.c, m.PreferenceStamp.__table__, stamps, ["customer", "field"])
            self._put_all(self.c, by_kind)
            if self.c.dialect.name == "postgresql":
                self.c.connection.driver_connection.commit()  # type: ignore[union-attr]
        self.dirty.clear()
        self.rows.clear()
        self.dirty_stamps.clear()


def keys_by_kind(kind_keys: Iterable[tuple[p.Kind, str]]) -> dict[str, list[str]]:
    """`lock_entities_query`' parameters: the keys of each kind (every kind present, most empty)."""
    by_kind: dict[str, list[str]] = {f"keys_{kind.value}": [] for kind in p.DEPENDENCY_ORDER}
    for kind, key in kind_keys:
        by_kind[f"keys_{kind.value}"].append(key)
    return by_kind
