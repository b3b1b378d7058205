"""Traced units: every serial and lot that left in an accepted pack, to whom, found by lot or serial

Revision ID: s0011
Revises: s0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0011"
down_revision = "s0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shipped_units",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("customer", sa.String(64), nullable=False),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("parcel_no", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("lot", sa.String(64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("packed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_shipped_units_lot", "shipped_units", ["lot", "sku"])
    op.create_index("ix_shipped_units_serial", "shipped_units", ["serial"])
    op.create_index("ix_shipped_units_order_no", "shipped_units", ["order_no"])


def downgrade() -> None:
    for name in ("order_no", "serial", "lot"):
        op.drop_index(f"ix_shipped_units_{name}", "shipped_units")
    op.drop_table("shipped_units")
