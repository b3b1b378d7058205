"""The schema comes from migrations, upgrades in place, and refuses what it cannot handle."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from app.store import models as m
from app.store.db import current_revision, head_revision, make_engine, migrate, open_database
from app.store.errors import DatabaseCorrupt, DatabaseLocked, DatabaseTooNew


def test_a_database_made_by_the_first_migration_upgrades_with_its_data(tmp_path):
    path = tmp_path / "old.db"
    engine = make_engine(path)
    migrate(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO skus (id, code, name_zh, name_en, category, unit_weight_g, bin_location, "
                "image_ref, price_cents, updated_at) "
                "VALUES (1, 'S1', '杯子', 'Cup', 'HOME', 300, 'A-01-01-1', '', 1000, '2026-01-01 00:00:00')"
            )
        )
        c.execute(
            text(
                "INSERT INTO orders (id, order_no, channel, status, carrier, receiver_name, receiver_phone, "
                "province, city, district, address, buyer_note, seller_note, amount_cents, hold_reason, "
                "updated_at) VALUES (1, 'TB1', 'taobao', 'new', 'SF', '张三', '138', '广东省', '深圳市', "
                "'南山区', '科技园路1号', '', '', 1000, '', '2026-01-01 00:00:00')"
            )
        )
        assert "outbox" not in {r[0] for r in c.execute(text("SELECT name FROM sqlite_master"))}
    engine.dispose()

    db = open_database(path)
    assert current_revision(db.engine) == head_revision()
    with db.session() as s, s.begin():
        order = s.scalar(select(m.Order).where(m.Order.order_no == "TB1"))
        assert order is not None and order.receiver_name == "张三"
        assert order.updated_at == datetime(2026, 1, 1, tzinfo=UTC)
        s.add(m.OutboxEvent(id="e1", type="t", payload={"a": 1}, station="S"))
    with db.session() as s:
        assert s.get_one(m.OutboxEvent, "e1").payload == {"a": 1}
    db.close()


def test_the_models_match_the_migrated_schema(tmp_path):
    db = open_database(tmp_path / "x.db")
    with db.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), m.Base.metadata)
    assert diff == []
    db.close()


def test_wal_and_full_sync_are_on(tmp_path):
    db = open_database(tmp_path / "x.db")
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseTooNew):
        open_database(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)
    con.close()


def test_a_file_that_is_not_a_database_is_reported_corrupt(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(path)
    assert info.value.path == str(path)


def test_a_database_locked_by_another_program_is_reported_locked(tmp_path):
    path = tmp_path / "locked.db"
    open_database(path).close()
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked):
            open_database(path, busy_timeout_ms=50)
    finally:
        holder.rollback()
        holder.close()


def test_an_up_to_date_station_database_opens_without_loading_alembic(tmp_path):
    """The migration files' own revision lines give the same head as alembic, so a station whose
    database is current starts without alembic (a quarter of a second of imports)."""
    import subprocess
    import sys

    from app.store.db import head_revision, open_database, shipped_head

    assert shipped_head() == head_revision()
    path = tmp_path / "packline.db"
    open_database(path).close()  # created and migrated (alembic runs here)
    code = (
        "import sys; from app.store.db import open_database; "
        f"open_database({str(path)!r}).close(); print('alembic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
