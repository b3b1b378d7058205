"""PostgreSQL: revisions from a sequence (concurrent pushes no longer queue on the counter row)

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite keeps the counter row: it has one writer at a time anyway
    op.execute("CREATE SEQUENCE entity_rev_seq AS bigint MINVALUE 1")
    # Carry on after every revision handed out so far.
    op.execute(
        "SELECT setval('entity_rev_seq', GREATEST((SELECT value FROM rev_counter WHERE id = 1), "
        "(SELECT COALESCE(max(rev), 0) FROM entities), 1), "
        "(SELECT value FROM rev_counter WHERE id = 1) > 0 OR EXISTS (SELECT 1 FROM entities))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("UPDATE rev_counter SET value = GREATEST(value, (SELECT COALESCE(max(rev), 0) FROM entities))")
    op.execute("DROP SEQUENCE entity_rev_seq")
