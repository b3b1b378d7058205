"""the dock's handover: manifests and their parcels, other stations' parcels, orders' shipments

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("shipment", sa.JSON(), nullable=True))
    op.create_table(
        "floor_parcels",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("waybill_no", sa.String(64), nullable=False, unique=True),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("parcel_no", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(16), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=True),
        sa.Column("voided", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_floor_parcels_order_no", "floor_parcels", ["order_no"])
    op.create_index("ix_floor_parcels_carrier", "floor_parcels", ["carrier"])
    op.create_index("ix_parcels_carrier", "parcels", ["carrier"])
    op.create_table(
        "manifests",
        sa.Column("manifest_no", sa.String(80), primary_key=True),
        sa.Column("carrier", sa.String(16), nullable=False),
        sa.Column("pickup", sa.String(5), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("operator_id", sa.Integer(), sa.ForeignKey("operators.id"), nullable=True),
        sa.Column("driver", sa.String(120), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("missing", sa.JSON(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_manifests_status", "manifests", ["status"])
    op.create_table(
        "manifest_parcels",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("manifest_no", sa.String(80), sa.ForeignKey("manifests.manifest_no"), nullable=False),
        sa.Column("waybill_no", sa.String(64), nullable=False, unique=True),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("parcel_no", sa.Integer(), nullable=False),
        sa.Column("bag", sa.String(48), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=True),
        sa.Column("dock_weight_g", sa.Integer(), nullable=True),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
    )
    for column in ("manifest_no", "order_no", "scanned_at"):
        op.create_index(f"ix_manifest_parcels_{column}", "manifest_parcels", [column])


def downgrade() -> None:
    for column in ("manifest_no", "order_no", "scanned_at"):
        op.drop_index(f"ix_manifest_parcels_{column}", "manifest_parcels")
    op.drop_table("manifest_parcels")
    op.drop_index("ix_manifests_status", "manifests")
    op.drop_table("manifests")
    op.drop_index("ix_parcels_carrier", "parcels")
    op.drop_index("ix_floor_parcels_carrier", "floor_parcels")
    op.drop_index("ix_floor_parcels_order_no", "floor_parcels")
    op.drop_table("floor_parcels")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("shipment")
