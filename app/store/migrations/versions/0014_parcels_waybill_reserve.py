"""parcels of a pack (split shipments), the order's further waybills, the station's waybill reserve

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("extra_waybills", sa.JSON(), nullable=False, server_default="[]"))
    op.create_table(
        "parcels",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.String(36), sa.ForeignKey("pack_sessions.id"), nullable=False),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("parcel_no", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(16), nullable=False),
        sa.Column("waybill_no", sa.String(64), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("expected_g", sa.Integer(), nullable=False),
        sa.Column("actual_g", sa.Integer(), nullable=False),
        sa.Column("allowed_g", sa.Integer(), nullable=False),
        sa.Column("weight_source", sa.String(16), nullable=False),
        sa.Column("box_code", sa.String(64), nullable=False),
        sa.Column("override_by", sa.Integer(), sa.ForeignKey("operators.id"), nullable=True),
        sa.Column("override_reason", sa.String(64), nullable=False),
        sa.UniqueConstraint("session_id", "parcel_no", name="uq_parcel_no"),
    )
    op.create_index("ix_parcels_session_id", "parcels", ["session_id"])
    op.create_index("ix_parcels_order_id", "parcels", ["order_id"])
    op.create_index("ix_parcels_waybill_no", "parcels", ["waybill_no"])
    op.create_table(
        "waybill_reserve",
        sa.Column("waybill_no", sa.String(64), primary_key=True),
        sa.Column("carrier", sa.String(16), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("order_no", sa.String(64), nullable=True),
        sa.Column("parcel_no", sa.Integer(), nullable=True),
        sa.Column("used_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_waybill_reserve_carrier", "waybill_reserve", ["carrier"])


def downgrade() -> None:
    op.drop_index("ix_waybill_reserve_carrier", "waybill_reserve")
    op.drop_table("waybill_reserve")
    for name in ("ix_parcels_waybill_no", "ix_parcels_order_id", "ix_parcels_session_id"):
        op.drop_index(name, "parcels")
    op.drop_table("parcels")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("extra_waybills")
