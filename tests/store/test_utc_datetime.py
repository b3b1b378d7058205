"""UTCDateTime on SQLite: its one-step bind processor stores exactly what the generic chain would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import DateTime, create_engine, select
from sqlalchemy.dialects import sqlite

from app.store import models as m

SHANGHAI = timezone(timedelta(hours=8))

TIMES = [
    datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
    datetime(2026, 12, 1, 18, 30, 5, 123456, tzinfo=SHANGHAI),  # 10:30:05.123456 UTC
    datetime(2027, 1, 1, 0, 0, 0, 1, tzinfo=SHANGHAI),  # crosses back into 2026 in UTC
    datetime(999, 3, 4, 5, 6, 7, tzinfo=UTC),  # a year of three digits is still padded to four
]


@pytest.mark.parametrize("value", TIMES)
def test_the_sqlite_processor_stores_what_the_generic_chain_stores(value):
    dialect = sqlite.dialect()
    column = m.UTCDateTime()
    fast = column.dialect_impl(dialect).bind_processor(dialect)
    generic = DateTime().dialect_impl(dialect).bind_processor(dialect)
    assert fast is not None and generic is not None
    assert fast(value) == generic(column.process_bind_param(value, dialect))


def test_naive_times_and_none():
    dialect = sqlite.dialect()
    fast = m.UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    assert fast is not None
    assert fast(None) is None
    with pytest.raises(ValueError, match="naive datetime"):
        fast(datetime(2026, 12, 1, 10, 0))


def test_a_stored_time_reads_back_as_the_same_instant_in_utc(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'times.db'}")
    m.Base.metadata.create_all(engine, tables=[m.Setting.__table__])
    table = m.Setting.__table__
    with engine.begin() as c:
        for index, value in enumerate(TIMES):
            c.execute(table.insert(), {"key": f"k{index}", "value": {}, "updated_at": value})
    with engine.connect() as c:
        stored = dict(c.execute(select(table.c.key, table.c.updated_at)).all())
        raw = c.exec_driver_sql("SELECT updated_at FROM settings WHERE key = 'k1'").scalar()
    assert [stored[f"k{i}"] for i in range(len(TIMES))] == TIMES
    assert all(stored[f"k{i}"].tzinfo is UTC for i in range(len(TIMES)))
    assert raw == "2026-12-01 10:30:05.123456"
    engine.dispose()
