"""interceptions: orders stopped after their goods were picked, and the goods to put back (待放回)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interceptions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_interceptions_order_no", "interceptions", ["order_no"])


def downgrade() -> None:
    op.drop_index("ix_interceptions_order_no", "interceptions")
    op.drop_table("interceptions")
