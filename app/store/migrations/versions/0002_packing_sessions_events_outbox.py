"""packing: pack sessions, the scan audit trail, the outbox

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("needs_attention", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_unsent", ["sent_at", "created_at"], unique=False)

    op.create_table(
        "pack_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("expected_g", sa.Integer(), nullable=True),
        sa.Column("actual_g", sa.Integer(), nullable=True),
        sa.Column("allowed_g", sa.Integer(), nullable=True),
        sa.Column("weight_source", sa.String(length=16), nullable=False),
        sa.Column("override_by", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.String(length=64), nullable=False),
        sa.Column("hold_reason", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["operators.id"],
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
        ),
        sa.ForeignKeyConstraint(
            ["override_by"],
            ["operators.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pack_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pack_sessions_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pack_sessions_status"), ["status"], unique=False)

    op.create_table(
        "pack_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("raw", sa.String(length=400), nullable=False),
        sa.Column("sku_code", sa.String(length=64), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("grams", sa.Integer(), nullable=True),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"],
            ["operators.id"],
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["pack_sessions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pack_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pack_events_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pack_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pack_events_session_id"))

    op.drop_table("pack_events")
    with op.batch_alter_table("pack_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pack_sessions_status"))
        batch_op.drop_index(batch_op.f("ix_pack_sessions_order_id"))

    op.drop_table("pack_sessions")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_unsent")

    op.drop_table("outbox")
