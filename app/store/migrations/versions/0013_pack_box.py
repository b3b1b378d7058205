"""a pack records the box it went in (packaging consumption)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pack_sessions") as batch:
        batch.add_column(sa.Column("box_code", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("pack_sessions") as batch:
        batch.drop_column("box_code")
