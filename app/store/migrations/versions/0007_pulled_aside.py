"""sync: changes the server sent that the station could not take are kept aside with the reason,
so the rest of the page and the cursor go on

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pulled_aside",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
    )
    op.create_index("ix_pulled_aside_open", "pulled_aside", ["resolved_at", "kind", "key"])


def downgrade() -> None:
    op.drop_index("ix_pulled_aside_open", "pulled_aside")
    op.drop_table("pulled_aside")
