"""returns received at a station and their units; customers' after-sales history; the pack record
an order carries (from the server) and the plan a pack kept; lookups by phone

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("returns_count", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_problem", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("last_problem_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("pack", sa.JSON(), nullable=True))
    with op.batch_alter_table("pack_sessions") as batch:
        batch.add_column(sa.Column("plan", sa.JSON(), nullable=True))
    # A returns desk finds the order by the customer's phone.
    op.create_index("ix_orders_receiver_phone", "orders", ["receiver_phone"])
    op.create_index("ix_customers_phone", "customers", ["phone"])
    op.create_table(
        "returns",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("customer_code", sa.String(64), nullable=False),
        sa.Column("lookup", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=True),
        sa.Column("proposed", sa.String(16), nullable=False),
        sa.Column("responsibility", sa.String(16), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("operator_id", sa.Integer(), sa.ForeignKey("operators.id"), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
    )
    for column in ("order_id", "order_no", "status", "responsibility", "received_at"):
        op.create_index(f"ix_returns_{column}", "returns", [column])
    op.create_table(
        "return_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("return_id", sa.String(36), sa.ForeignKey("returns.id"), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sku_code", sa.String(64), nullable=False),
        sa.Column("name_zh", sa.String(200), nullable=False),
        sa.Column("expected", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("grade", sa.String(16), nullable=False),
        sa.Column("disposition", sa.String(16), nullable=False),
        sa.Column("bin", sa.String(32), nullable=False),
    )
    op.create_index("ix_return_items_return_id", "return_items", ["return_id"])
    op.create_index("ix_return_items_reason", "return_items", ["reason"])


def downgrade() -> None:
    op.drop_table("return_items")
    op.drop_table("returns")
    op.drop_index("ix_customers_phone", "customers")
    op.drop_index("ix_orders_receiver_phone", "orders")
    with op.batch_alter_table("pack_sessions") as batch:
        batch.drop_column("plan")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("pack")
    with op.batch_alter_table("customers") as batch:
        for column in ("last_problem_at", "last_problem", "returns_count"):
            batch.drop_column(column)
