"""waves: SKU volume for wave caps, assigned station, picks recorded line by line (short picks with a reason), and the
supervisor's decisions on exceptions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("skus") as batch:
        batch.add_column(sa.Column("volume_cm3", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("waves") as batch:
        batch.add_column(sa.Column("station", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))
    op.create_table(
        "picks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("wave_id", sa.Integer(), sa.ForeignKey("waves.id", ondelete="CASCADE"), nullable=False),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("location", sa.String(32), nullable=False, server_default=""),
        sa.Column("slot", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("wanted", sa.Integer(), nullable=False),
        sa.Column("picked", sa.Integer(), nullable=False),
        sa.Column("short_reason", sa.String(32), nullable=False, server_default=""),
        sa.Column("picker", sa.String(64), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("wave_id", "order_id", "sku_code", name="uq_pick_line"),
    )
    op.create_index("ix_picks_wave_id", "picks", ["wave_id"])
    op.create_table(
        "exception_decisions",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("ref", sa.String(80), primary_key=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("exception_decisions")
    op.drop_index("ix_picks_wave_id", "picks")
    op.drop_table("picks")
    with op.batch_alter_table("waves") as batch:
        batch.drop_column("cancelled_at")
        batch.drop_column("station")
    with op.batch_alter_table("skus") as batch:
        batch.drop_column("volume_cm3")
