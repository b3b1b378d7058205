"""Station tokens carry a role: station, desk (a supervisor desk) or admin (integrations, imports)

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every token issued so far is a packing station's: the least it can be.
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("role", sa.String(16), nullable=False, server_default="station"))


def downgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("role")
