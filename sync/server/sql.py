"""The server's SQL, built once per dialect: bulk upserts and inserts through the driver, the
statements that read and lock a push's rows in one round trip, revisions and their PostgreSQL
fences, and the pull's page query (see docs/SYNC.md, "A pull is applied whole or not at all")."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Integer,
    String,
    Table,
    Text,
    and_,
    any_,
    bindparam,
    case,
    cast,
    column,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite

from sync import protocol as p
from sync.server import models as m

T = TypeVar("T")
# PostgreSQL advisory lock keys (bigint) fencing in-flight revisions: MARKER_BASE + revision.
MARKER_BASE = 1 << 40


def chunks(items: list[T], size: int) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextmanager
def pipeline(c: Connection) -> Iterator[None]:
    """On PostgreSQL, the statements run inside go to the server together and are answered together
    (psycopg's pipeline mode): one round trip instead of one each. Only for statements nobody reads
    a result of: SQLAlchemy cannot read rows inside a pipeline. An error surfaces when the block
    ends and fails the transaction as any other would."""
    if c.dialect.name != "postgresql":
        yield
        return
    with c.connection.driver_connection.pipeline():  # type: ignore[union-attr]
        yield


def upsert(c: Connection, table: Table, rows: list[dict[str, Any]], keys: list[str]) -> None:
    """Insert rows, or update the row with the same `keys`, in one statement (batched by the driver's
    limits): SQLite and PostgreSQL spell it alike."""
    if rows:
        executemany(c, _upsert_statement(c.dialect.name, table, tuple(keys), tuple(rows[0])), rows)


def executemany(c: Connection, statement: Any, rows: list[dict[str, Any]]) -> None:
    """Many rows (all with the same keys) through one statement, straight to the driver: each value
    bind-processed by its column's type and Python-side defaults filled in, as SQLAlchemy's own
    executemany would, but without its per-row parameter machinery, which was 40% of the server's
    time for a batch of 500 events. Tests on both databases read every kind of row back."""
    if not rows:
        return
    sql, binds, positional = _compiled(c.dialect, statement, tuple(rows[0]))
    # A batch is one moment: a default like received_at is the same for all its rows.
    given = {name: default() for name, _proc, default in binds if default is not None}
    processed = []
    for row in rows:
        values = [given[name] if name in given else row[name] for name, _proc, _default in binds]
        processed.append(
            [v if proc is None else proc(v) for v, (_n, proc, _d) in zip(values, binds, strict=True)]
        )
    if positional:
        c.exec_driver_sql(sql, [tuple(row) for row in processed])
    else:
        names = [name for name, _proc, _default in binds]
        c.exec_driver_sql(sql, [dict(zip(names, row, strict=True)) for row in processed])


_COMPILED: dict[tuple[str, Any, tuple[str, ...]], tuple[str, list[tuple[str, Any, Any]], bool]] = {}


def _compiled(
    dialect: Any, statement: Any, columns: tuple[str, ...]
) -> tuple[str, list[tuple[str, Any, Any]], bool]:
    """The statement's SQL for rows with `columns`, and for each of its parameters, in order:
    its name, its type's bind processor and, for a column the rows leave out, its default."""
    key = (dialect.name, statement, columns)
    found = _COMPILED.get(key)
    if found is None:
        compiled = statement.compile(dialect=dialect, column_keys=list(columns))
        table = statement.table
        names = list(compiled.positiontup) if compiled.positional else list(compiled.binds)
        binds = []
        for name in names:
            bind = compiled.binds[name]
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            default = None
            if name not in columns:  # a column with a Python-side default SQLAlchemy would fill
                column_default = table.c[name].default
                if column_default is None:
                    raise ValueError(f"{table.name}.{name}: no value and no default")
                arg = column_default.arg  # a callable (SQLAlchemy's wrapper takes a context) or a value
                default = functools.partial(arg, None) if column_default.is_callable else lambda arg=arg: arg
            binds.append((name, processor, default))
        found = _COMPILED[key] = (str(compiled), binds, bool(compiled.positional))
    return found


# Statements built once: SQLAlchemy then only looks up their compiled form, where a statement built
# per call costs its construction and its cache key every time (a good part of a push's CPU).


@functools.cache
def _upsert_statement(dialect: str, table: Table, keys: tuple[str, ...], columns: tuple[str, ...]) -> Any:
    statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table).inline()
    changed = {name: statement.excluded[name] for name in columns if name not in keys}
    return statement.on_conflict_do_update(index_elements=list(keys), set_=changed)


@functools.cache
def numbered_upsert(columns: tuple[str, ...]) -> Any:
    """PostgreSQL: the entities' upsert with each row's revision drawn by the statement (see
    `ServerStore._put_all`); rows are written, and revisions drawn, in the order given."""
    # The sequence's name as SQL text: a bound parameter would be one the rows do not carry.
    statement = postgresql.insert(m.Entity.__table__).values(rev=_NEXT_REV).inline()
    changed = {name: statement.excluded[name] for name in (*columns, "rev") if name not in ("kind", "key")}
    return statement.on_conflict_do_update(index_elements=["kind", "key"], set_=changed)


@functools.cache
def insert_statement(model: type[m.Base]) -> Any:
    # inline(): no RETURNING of the new rows' ids (SQLAlchemy adds it to a one-row insert), a result
    # nobody uses and one the pipeline cannot give.
    return insert(model.__table__).inline()


def among(column: Any, name: str, dialect: str) -> Any:
    """`column` in the list bound as `name`. On PostgreSQL one array parameter (`= ANY`): the
    statement's text is the same for any number of keys, so SQLAlchemy does not rewrite it per call
    and psycopg prepares it once per connection. SQLite has no arrays: an expanding IN."""
    if dialect == "postgresql":
        # VARCHAR[] without a length: a cast to the column's VARCHAR(64)[] would cut a longer key
        # to 64 characters, and the cut key could name another row.
        return column == any_(bindparam(name, type_=postgresql.ARRAY(String())))
    return column.in_(bindparam(name, expanding=True))


@functools.cache
def seen_events_query(dialect: str) -> Any:
    return select(m.EventRecord.id, m.EventRecord.outcome, m.EventRecord.reason).where(
        among(m.EventRecord.id, "ids", dialect)
    )


@functools.cache
def stamps_query(dialect: str) -> Any:
    return select(
        m.PreferenceStamp.customer,
        m.PreferenceStamp.field,
        m.PreferenceStamp.changed_at,
        m.PreferenceStamp.source,
    ).where(among(m.PreferenceStamp.customer, "customers", dialect))


@functools.cache
def lock_entities_query(dialect: str) -> Any:
    """Named documents of any kinds, locked in the order every writer meets them (see _put_all); a
    kind with no keys matches nothing, which the database drops when it plans the statement."""
    return (
        select(m.Entity.kind, m.Entity.key, m.Entity.deleted, m.Entity.data)
        .where(
            or_(
                *(
                    and_(m.Entity.kind == kind.value, among(m.Entity.key, f"keys_{kind.value}", dialect))
                    for kind in p.DEPENDENCY_ORDER
                )
            )
        )
        .order_by(
            case({kind.value: rank for rank, kind in enumerate(p.DEPENDENCY_ORDER)}, value=m.Entity.kind),
            m.Entity.key,
        )
        .with_for_update()
    )


@functools.cache
def first_reads_query(dialect: str) -> Any:
    """`seen_events_query`, `lock_entities_query` and `stamps_query` as one statement (see the
    `Batch.read_first`):
    rows of (source, a, b, c, deleted, data, changed_at), source "event" (id, outcome, reason),
    "doc" (kind, key; deleted, data) or "stamp" (customer, field, source; changed_at). The documents
    are a CTE, so they are locked in `lock_entities_query`' order as before."""
    no_text = null().cast(String)
    locked = lock_entities_query(dialect).cte("locked")
    seen = seen_events_query(dialect).subquery()
    events = select(
        literal("event", String).label("source"),
        seen.c.id.label("a"),
        seen.c.outcome.label("b"),
        seen.c.reason.label("c"),
        # Typed here, in the first select: PostgreSQL would take two untyped NULLs for text, and
        # SQLAlchemy reads each column by the first select's types.
        null().cast(Boolean).label("deleted"),
        null().cast(m.Entity.data.type).label("data"),
        null().cast(m.PreferenceStamp.changed_at.type).label("changed_at"),
    )
    documents = select(literal("doc", String), locked.c.kind, locked.c.key, no_text, locked.c.deleted,
                       locked.c.data, null())  # fmt: skip
    stamps = stamps_query(dialect).subquery()
    stamped = select(literal("stamp", String), stamps.c.customer, stamps.c.field, stamps.c.source,
                     null(), null(), stamps.c.changed_at)  # fmt: skip
    return union_all(events, documents, stamped)


# PostgreSQL: a writer's fence (see ServerStore._put_all), an advisory lock at MARKER_BASE + rev.
_NEXT_REV = literal_column("nextval('entity_rev_seq')")
FENCE = text(
    "SELECT pg_advisory_xact_lock_shared("
    ":base + last_value + CASE WHEN is_called THEN 1 ELSE 0 END) FROM entity_rev_seq"
).bindparams(base=MARKER_BASE)
# The newest revision the sequence ever gave a writer: no cursor this server issued is past it.
ISSUED = text("SELECT last_value - CASE WHEN is_called THEN 0 ELSE 1 END FROM entity_rev_seq")
# The newest revision a pull may hand out: the last one handed out, or below the lowest fence held
# (migration s0003: the two read in that order, each in a statement of its own).
WATERMARK = select(func.packline_watermark(type_=BigInteger))


@functools.cache
def changes_query(as_text: bool, fenced: bool) -> Any:
    """A page of changes after the cursor `after`, `limit` rows, in revision order. `fenced`
    (PostgreSQL): from `packline_changes` (migration s0003), which reads the watermark, then the
    page up to it with a snapshot taken after the fences were read: a query that read the fences
    itself had its snapshot from before, and a writer committing in between was skipped."""
    if fenced:
        source: Any = func.packline_changes(
            bindparam("after", type_=BigInteger), bindparam("limit", type_=Integer)
        ).table_valued(
            column("kind", String), column("key", String), column("rev", BigInteger),
            column("deleted", Boolean), column("data", m.Entity.data.type),
        )  # fmt: skip
        # Limited by the function; ordered again here, as SQL promises no order from a function.
        text_or_json = cast(source.c.data, Text) if as_text else source.c.data
        page = select(source.c.kind, source.c.key, source.c.rev, source.c.deleted, text_or_json)
        return page.order_by(source.c.rev)
    data = cast(m.Entity.data, Text) if as_text else m.Entity.data
    query = select(m.Entity.kind, m.Entity.key, m.Entity.rev, m.Entity.deleted, data).where(
        m.Entity.rev > bindparam("after", type_=BigInteger)
    )
    return query.order_by(m.Entity.rev).limit(bindparam("limit", type_=Integer))
