"""The floor board reads a day's packs from the event log: an index on (type, occurred_at)

Revision ID: s0008
Revises: s0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "s0008"
down_revision = "s0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_type_occurred_at", "events", ["type", "occurred_at"])


def downgrade() -> None:
    op.drop_index("ix_events_type_occurred_at", "events")
