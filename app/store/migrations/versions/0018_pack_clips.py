"""the bench camera's clip of each pack, and what it is found by

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pack_clips",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "session_id", sa.String(36), sa.ForeignKey("pack_sessions.id"), nullable=False, unique=True
        ),
        sa.Column("order_no", sa.String(64), nullable=False),
        sa.Column("camera", sa.String(120), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("path", sa.String(400), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("segments", sa.JSON(), nullable=False),
        sa.Column("timeline", sa.JSON(), nullable=False),
        sa.Column("gaps", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_pack_clips_started_at", "pack_clips", ["started_at"])
    op.create_table(
        "clip_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("clip_id", sa.Integer(), sa.ForeignKey("pack_clips.id"), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
    )
    op.create_index("ix_clip_keys_key", "clip_keys", ["key"])


def downgrade() -> None:
    op.drop_index("ix_clip_keys_key", "clip_keys")
    op.drop_table("clip_keys")
    op.drop_index("ix_pack_clips_started_at", "pack_clips")
    op.drop_table("pack_clips")
