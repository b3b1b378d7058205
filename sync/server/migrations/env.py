"""Alembic environment of the central server: migrations run on the connection handed over."""

from alembic import context

from sync.server.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always run through sync.server.db.migrate
    raise RuntimeError("run migrations through sync.server.db.migrate")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
