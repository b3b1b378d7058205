"""sync: references a pulled page names before their target arrives (an order's customer, a line's
SKU) are kept and resolved when it does

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("customer_code", sa.String(64), nullable=True))
    op.create_table(
        "pending_order_lines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("custom_fields", sa.JSON(), nullable=False),
    )
    op.create_index("ix_pending_order_lines_order_no", "pending_order_lines", ["order_no"])
    op.create_index("ix_pending_order_lines_sku_code", "pending_order_lines", ["sku_code"])


def downgrade() -> None:
    op.drop_index("ix_pending_order_lines_sku_code", "pending_order_lines")
    op.drop_index("ix_pending_order_lines_order_no", "pending_order_lines")
    op.drop_table("pending_order_lines")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("customer_code")
