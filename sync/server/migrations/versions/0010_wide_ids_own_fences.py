"""PostgreSQL: ids as wide as the parameters that page through them, fences read in this database only

Revision ID: s0010
Revises: s0009
Create Date: 2026-12-07

Ids that grow without end (entities, conflicts, preference audit, waybill uses, integration
events) were 32-bit columns behind 64-bit paging parameters: `?after=` past 2^31 was a 500, and a
busy server would run out of them. They become BIGINT with their sequences.

The watermark took the lowest fence from `pg_locks` across the whole cluster: an advisory lock
taken in any other database (any user may take one) held every station's pulls back. It now
reads the locks of this database only.
"""

from __future__ import annotations

from alembic import op

revision = "s0010"
down_revision = "s0009"
branch_labels = None
depends_on = None

MARKER_BASE = 1 << 40  # sync.server.sql.MARKER_BASE
GROWING = ("entities", "conflicts", "preference_audit", "waybill_uses", "integration_events")


def _watermark(own_database_only: bool) -> str:
    where = " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    return f"""
CREATE OR REPLACE FUNCTION packline_watermark() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    handed_out bigint;
    lowest_fence bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'a pull needs READ COMMITTED (each statement its own snapshot), not %',
            current_setting('transaction_isolation');
    END IF;
    -- First the last revision handed out, then the fences: a writer fences before it takes
    -- revisions, so one whose fence is not seen can only take revisions above handed_out.
    SELECT last_value - CASE WHEN is_called THEN 0 ELSE 1 END INTO handed_out FROM entity_rev_seq;
    SELECT min((classid::bigint << 32) | objid::bigint) INTO lowest_fence FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 1 AND granted
        AND ((classid::bigint << 32) | objid::bigint) >= {MARKER_BASE}{where if own_database_only else ""};
    RETURN least(handed_out, coalesce(lowest_fence - {MARKER_BASE} - 1, handed_out));
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: INTEGER PRIMARY KEY is 64-bit already, and one writer needs no fences
    for table in GROWING:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id TYPE bigint")
        op.execute(f"ALTER SEQUENCE IF EXISTS {table}_id_seq AS bigint")
    op.execute(_watermark(own_database_only=True))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_watermark(own_database_only=False))
