"""sync: the keys a station has taken from the server, for the end-of-sync check; filled from what
an existing station already holds, so an upgrade costs no full pull

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "synced_keys",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    )
    # A station that has synced before holds what it pulled; one that never did holds demo data at
    # most, which is not the server's and stays out.
    synced = "EXISTS (SELECT 1 FROM settings WHERE key = 'sync.cursor' AND value NOT IN ('\"\"', 'null'))"
    for kind, table, column in (
        ("operator", "operators", "badge_code"),
        ("sku", "skus", "code"),
        ("customer", "customers", "code"),
        ("order", "orders", "order_no"),
    ):
        op.execute(
            f"INSERT INTO synced_keys (kind, key, deleted) SELECT '{kind}', {column}, 0 FROM {table} WHERE {synced}"
        )
    op.execute(
        "INSERT INTO synced_keys (kind, key, deleted) SELECT 'rule', substr(key, 6), 0 FROM settings"
        f" WHERE key LIKE 'rule:%' AND {synced}"
    )
    op.execute(
        "INSERT INTO synced_keys (kind, key, deleted) SELECT 'carrier', j.key, 0"
        " FROM settings, json_each(settings.value) AS j WHERE settings.key = 'sync.carriers'"
    )


def downgrade() -> None:
    op.drop_table("synced_keys")
