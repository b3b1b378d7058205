"""PostgreSQL: a pull's watermark and page in one statement, each read with its own snapshot

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-01

A pull reads the sequence's last value, then the lowest fence held, then the page, in that order.
It did the first in a statement of its own and the other two in one statement, whose snapshot was
taken before it read the fences: a writer that committed in between (its rows not in the snapshot,
its fence gone) could be handed out past, so the station's cursor skipped its changes for good.
These functions take the three steps in order, in one round trip: a VOLATILE function's every
statement takes a fresh snapshot (READ COMMITTED), so the page is read after the fences were.
"""

from __future__ import annotations

from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None

# sync.server.store.MARKER_BASE: fences are advisory locks at MARKER_BASE + revision.
MARKER_BASE = 1 << 40


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: one writer at a time, no fences
    op.execute(
        f"""
CREATE FUNCTION packline_watermark() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
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
        AND ((classid::bigint << 32) | objid::bigint) >= {MARKER_BASE};
    RETURN least(handed_out, coalesce(lowest_fence - {MARKER_BASE} - 1, handed_out));
END $$
"""
    )
    op.execute(
        """
CREATE FUNCTION packline_changes(after bigint, page_limit integer)
RETURNS TABLE (kind text, key text, rev bigint, deleted boolean, data json)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    watermark bigint := packline_watermark();
BEGIN
    -- Its own snapshot, taken now: every writer at or below the watermark has ended by now.
    RETURN QUERY SELECT e.kind::text, e.key::text, e.rev, e.deleted, e.data FROM entities e
        WHERE e.rev > after AND e.rev <= watermark ORDER BY e.rev LIMIT page_limit;
END $$
"""
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION packline_changes(bigint, integer)")
    op.execute("DROP FUNCTION packline_watermark()")
