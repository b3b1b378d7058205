"""The nightly customer-segment runs (one per day across every server process)

Revision ID: s0007
Revises: s0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "segment_runs",
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report", sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("segment_runs")
