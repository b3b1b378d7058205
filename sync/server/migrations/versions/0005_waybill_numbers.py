"""Waybill numbers loaded by the office and set aside per packing station, and their uses

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "waybill_numbers",
        sa.Column("waybill_no", sa.String(64), primary_key=True),
        sa.Column("carrier", sa.String(16), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station", sa.String(64), nullable=True),
        sa.Column("reserved_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_waybill_numbers_free", "waybill_numbers", ["carrier", "station"])
    op.create_table(
        "waybill_uses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("waybill_no", sa.String(64), nullable=False),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("parcel_no", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_waybill_uses_waybill_no", "waybill_uses", ["waybill_no"])


def downgrade() -> None:
    op.drop_index("ix_waybill_uses_waybill_no", "waybill_uses")
    op.drop_table("waybill_uses")
    op.drop_index("ix_waybill_numbers_free", "waybill_numbers")
    op.drop_table("waybill_numbers")
