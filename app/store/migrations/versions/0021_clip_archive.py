"""clips archived off the station: where and when each was confirmed there

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pack_clips") as batch:
        batch.add_column(sa.Column("archive_path", sa.String(400), nullable=False, server_default=""))
        batch.add_column(sa.Column("archived_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pack_clips") as batch:
        batch.drop_column("archived_at")
        batch.drop_column("archive_path")
