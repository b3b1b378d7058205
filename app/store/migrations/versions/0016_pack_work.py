"""what each pack held (lines, units, instructions, cards, parcels) and how long it took: the board

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = ("lines", "units", "steps", "cards", "parcels", "busy_s")


def upgrade() -> None:
    with op.batch_alter_table("pack_sessions") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
    # The board reads a day's packed (or held) sessions by when they ended: a range of this index,
    # not every pack the station ever made.
    op.create_index("ix_pack_sessions_status_ended_at", "pack_sessions", ["status", "ended_at"])
    # ...and the mistakes caught (a few verdicts among a day's scans) by verdict, then time.
    op.create_index("ix_pack_events_verdict_at", "pack_events", ["verdict", "at"])


def downgrade() -> None:
    op.drop_index("ix_pack_events_verdict_at", "pack_events")
    op.drop_index("ix_pack_sessions_status_ended_at", "pack_sessions")
    with op.batch_alter_table("pack_sessions") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
