"""traced units: what a SKU asks of each unit, the office's lots, the units each pack shipped and
the serials other stations shipped

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("skus") as batch:
        batch.add_column(sa.Column("trace", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("min_shelf_days", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("picks") as batch:
        batch.add_column(sa.Column("lots", sa.JSON(), nullable=True))
    op.create_table(
        "lots",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("lot", sa.String(64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("in_stock", sa.Integer(), nullable=False),
        sa.Column("recalled", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("sku_code", "lot", name="uq_lots_sku_lot"),
    )
    op.create_table(
        "pack_units",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.String(36), sa.ForeignKey("pack_sessions.id"), nullable=False),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("parcel_no", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("lot", sa.String(64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
    )
    op.create_index("ix_pack_units_session_id", "pack_units", ["session_id"])
    op.create_index("ix_pack_units_serial", "pack_units", ["serial"])
    op.create_index("ix_pack_units_lot", "pack_units", ["lot"])
    op.create_table(
        "floor_serials",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.UniqueConstraint("sku_code", "serial", "order_no", name="uq_floor_serials"),
    )
    op.create_index("ix_floor_serials_serial", "floor_serials", ["serial"])


def downgrade() -> None:
    op.drop_index("ix_floor_serials_serial", "floor_serials")
    op.drop_table("floor_serials")
    op.drop_index("ix_pack_units_lot", "pack_units")
    op.drop_index("ix_pack_units_serial", "pack_units")
    op.drop_index("ix_pack_units_session_id", "pack_units")
    op.drop_table("pack_units")
    op.drop_table("lots")
    with op.batch_alter_table("picks") as batch:
        batch.drop_column("lots")
    with op.batch_alter_table("skus") as batch:
        batch.drop_column("min_shelf_days")
        batch.drop_column("trace")
