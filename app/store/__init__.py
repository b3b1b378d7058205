"""The station's local database: schema, migrations, queries, the outbox, demo data.

No Qt here. Functions take and return plain values (app.core.model) at the boundary so that
views, devices, printing and sync never hold ORM objects.
"""
