"""The server store's core: its database, transactions, revisions and the documents it serves."""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol as p
from sync.server import models as m
from sync.server.batch import keys_by_kind
from sync.server.live import NOTIFY
from sync.server.sql import (
    FENCE,
    ISSUED,
    WATERMARK,
    changes_query,
    executemany,
    first_reads_query,
    numbered_upsert,
    upsert,
)

IMPORT_SECTIONS = {
    "operators": p.Kind.OPERATOR,
    "carriers": p.Kind.CARRIER,
    "skus": p.Kind.SKU,
    "customers": p.Kind.CUSTOMER,
    "orders": p.Kind.ORDER,
    "waves": p.Kind.WAVE,
    "rules": p.Kind.RULE,
}
TOKEN_CACHE_S = 10.0
# The app re-checks every cached token together this often (`refresh_tokens`), so a station's
# request is answered from the cache even when it syncs less often than TOKEN_CACHE_S; a token
# nobody used for TOKEN_IDLE_S is forgotten (its station is asked again when it comes back).
TOKEN_REFRESH_S = TOKEN_CACHE_S / 2
TOKEN_IDLE_S = 600.0
WAYBILL_NUMBER = re.compile(r"[A-Za-z0-9-]{1,64}")
CARRIER_CODE = re.compile(r"[A-Za-z0-9_]{1,16}")
CHANGED = "packline_changed"  # set on a connection whose transaction wrote documents


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


class StoreCore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._tokens: dict[str, tuple[str, float]] = {}  # token hash -> (station, valid until)
        self._token_used: dict[str, float] = {}  # token hash -> when last used (monotonic)
        self._tokens_refreshed = 0.0  # monotonic
        self._token_changes = 0  # stations added or revoked here: a refresh then in flight is void
        self.clock: Callable[[], float] = time.monotonic  # the token cache's (tests move it on)
        self.on_change: Callable[[], None] = lambda: None  # after a commit that wrote documents

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """An ORM session in one transaction: station accounts and other rarely written rows."""
        with self._sessions() as s, s.begin():
            yield s

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A Core connection in one transaction: pushes, CRM edits and imports (pulls: `reading`).
        An ORM session costs about twice as much per statement, and under 20 stations syncing at
        once the server's CPU is what every request waits for."""
        with self.engine.begin() as c:
            try:
                yield c
            except BaseException:
                # Not the flag of a later transaction on this connection; and a connection the
                # database dropped may not even be asked: the original error is what counts.
                with contextlib.suppress(Exception):
                    c.info.pop(CHANGED, None)
                raise
            changed = c.info.pop(CHANGED, False)
        if changed:
            self.on_change()  # committed: waiting stations may pull it now (sync/server/live.py)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection in autocommit: each statement sees what had committed when it began.
        A pull needs no more (see `changes_query`), and no BEGIN and ROLLBACK round trips."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            yield c

    @staticmethod
    def _take_revs(c: Connection, count: int) -> list[int]:
        """SQLite: reserve `count` revisions, ascending, from the counter row, locked until commit
        (SQLite has one writer anyway). PostgreSQL draws them from a sequence (`_put_all`)."""
        last = c.execute(
            update(m.RevCounter)
            .where(m.RevCounter.id == 1)
            .values(value=m.RevCounter.value + count)
            .returning(m.RevCounter.value)
        ).scalar_one()
        return list(range(int(last) - count + 1, int(last) + 1))

    @staticmethod
    def _write_first(c: Connection) -> None:
        """On SQLite, take the write lock before reading: a transaction that read first and wrote
        later would fail (not wait) when another writer committed in between. SQLite has one
        writer at a time anyway; PostgreSQL locks rows instead and keeps writers concurrent."""
        if c.dialect.name == "sqlite":
            StoreCore._take_revs(c, 0)

    def _put_all(
        self, c: Connection, documents: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]]
    ) -> None:
        """Upsert documents (None = tombstone), each with a fresh revision, in one upsert.

        Rows go kinds in p.DEPENDENCY_ORDER, keys sorted: every writer meets rows in that order (a push
        locked its rows so already), so PostgreSQL never deadlocks; revisions follow the same order,
        so a page never brings an order before the customer it names.

        SQLite: revisions from the counter row. PostgreSQL: from a sequence, without holding
        anything other writers wait for, so concurrent pushes do not queue behind each other's
        commits. What keeps a pull from skipping a change that commits late is a fence: before its
        revisions exist the transaction holds a shared advisory lock at the sequence's next value
        (at most its own lowest revision) until it commits or rolls back (or its connection dies);
        pulls stop below the lowest fence (`packline_watermark`, migration s0003). The fence's
        statement and then the upsert, each row drawing its revision as it is written, read nothing
        back: they go in the push's pipeline with its other writes, no round trip of their own."""
        now = utc_now()
        rows = []
        for kind in p.DEPENDENCY_ORDER:
            docs = dict(documents.get(kind) or [])  # a key twice: the later wins
            rows += [
                {
                    "kind": kind.value,
                    "key": key,
                    "deleted": docs[key] is None,
                    "data": docs[key],
                    "updated_at": now,
                }
                for key in sorted(docs)
            ]
        if not rows:
            return
        c.info[CHANGED] = True
        if c.dialect.name == "postgresql":
            c.execute(FENCE)
            executemany(c, numbered_upsert(tuple(rows[0])), rows)
            c.execute(NOTIFY)  # every server process's waiters, at commit
            return
        for row, rev in zip(rows, self._take_revs(c, len(rows)), strict=True):
            row["rev"] = rev
        upsert(c, m.Entity.__table__, rows, ["kind", "key"])

    def get(self, kind: p.Kind | str, key: str) -> dict[str, Any] | None:
        with self._sessions() as s:
            return s.scalar(
                select(m.Entity.data).where(m.Entity.kind == p.Kind(kind).value, m.Entity.key == key)
            )

    def head(self) -> int:
        """The newest revision a pull can hand out now: a cursor "up to date" for a new station."""
        with self.reading() as c:
            if c.dialect.name == "postgresql":
                return int(c.scalar(WATERMARK) or 0)
            return int(c.scalar(select(m.RevCounter.value).where(m.RevCounter.id == 1)) or 0)

    def issued(self) -> int:
        """The newest revision any writer took. A cursor past it was not issued here; one past
        `head` but not past this is only ahead of the watermark, which dips for a moment when a
        writer's fence is taken just after another writer's revisions were handed out."""
        with self.reading() as c:
            if c.dialect.name == "postgresql":
                return int(c.scalar(ISSUED) or 0)
            return int(c.scalar(select(m.RevCounter.value).where(m.RevCounter.id == 1)) or 0)

    def warm_up(self, connections: int) -> None:
        """Open `connections` database connections at once and run a pull's and a push's reads
        on each (with nothing to find), so the pool holds them, warm, before the first stations
        ask. Otherwise the first burst after a start paid for every connection's set-up, each new
        PostgreSQL backend's first reads of the catalog and each statement's first compilation:
        under 20 stations its requests took up to 550 ms (server time) against ~200 ms later."""
        nothing = {"ids": [], "customers": [], **keys_by_kind([])}
        with ExitStack() as opened:
            for _ in range(connections):
                c = opened.enter_context(self.reading())
                pull = changes_query(True, fenced=c.dialect.name == "postgresql")
                c.execute(pull, {"after": 0, "limit": 1})
                c.execute(first_reads_query(c.dialect.name), nothing)

    def event_ids(self) -> list[str]:
        with self._sessions() as s:
            return list(s.scalars(select(m.EventRecord.id)))

    def audit(self, customer: str) -> list[dict[str, Any]]:
        with self._sessions() as s:
            rows = s.scalars(
                select(m.PreferenceAudit)
                .where(m.PreferenceAudit.customer == customer)
                .order_by(m.PreferenceAudit.id)
            ).all()
            return [
                {
                    "field": a.field,
                    "old": a.old,
                    "proposed": a.proposed,
                    "base": a.base,
                    "result": a.result,
                    "decision": a.decision,
                    "source": a.source,
                    "changed_at": a.changed_at.isoformat(),
                }
                for a in rows
            ]

    def count(self, kind: p.Kind) -> int:
        with self._sessions() as s:
            return (
                s.scalar(
                    select(func.count())
                    .select_from(m.Entity)
                    .where(m.Entity.kind == kind.value, ~m.Entity.deleted)
                )
                or 0
            )
