"""Alembic environment: migrations run on the connection the station hands over."""

from alembic import context

from app.store.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the station runs migrations, always with a connection
    raise RuntimeError("run migrations through app.store.db.migrate")

context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
