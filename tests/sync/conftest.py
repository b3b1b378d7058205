"""Fixtures for sync: server databases (SQLite and a real PostgreSQL), a live server, stations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.store.db import Database
from app.store.export import export_document
from tests.sync.servers import LiveServer, PostgresCluster, live_server


@pytest.fixture(scope="session")
def postgres():
    cluster = PostgresCluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture
def server(server_db):
    with live_server(server_db) as live:
        yield live


@pytest.fixture(scope="session")
def demo_document(demo_template) -> dict:
    """The demo station's data as a server import document (3,000 orders)."""
    from app.store.db import open_database

    db: Database = open_database(demo_template)
    try:
        return json.loads(json.dumps(export_document(db), ensure_ascii=False))
    finally:
        db.close()


@pytest.fixture
def seeded(server: LiveServer, demo_document) -> LiveServer:
    report = server.store.import_documents(demo_document)
    assert not report.errors
    return server


def fresh_station(path: Path) -> Database:
    from app.store.db import open_database

    path.mkdir(parents=True, exist_ok=True)
    return open_database(path / "packline.db")
