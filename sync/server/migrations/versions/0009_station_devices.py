"""Stations report their printers, scanner and scale: the last report is kept with its time

Revision ID: s0009
Revises: s0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sync.server.models import UTCDateTime

revision = "s0009"
down_revision = "s0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("devices", sa.JSON))
        batch.add_column(sa.Column("devices_at", UTCDateTime))


def downgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("devices_at")
        batch.drop_column("devices")
