"""Pack clips as their stations recorded them, found by order number or any parcel's waybill

Revision ID: s0012
Revises: s0011
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0012"
down_revision = "s0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clip_records",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("pack_id", sa.String(36), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("camera", sa.String(120), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_clip_records_key", "clip_records", ["key"])


def downgrade() -> None:
    op.drop_index("ix_clip_records_key", "clip_records")
    op.drop_table("clip_records")
