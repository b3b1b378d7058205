"""The central server's own guarantees, checked at its store and over HTTP: a pull never skips a
change that commits late, and a database restart costs the stations no failed request."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

from sync import protocol as p
from sync.client import ServerConfig, SyncClient
from sync.server.cli import open_store
from sync.server.db import DB_CONNECTIONS
from tests.sync.servers import PostgresCluster, live_server


def _sku(code: str, name: str) -> dict:
    return {"code": code, "name_zh": name, "unit_weight_g": 100}


def _import(store, *skus: dict) -> None:
    report = store.import_documents({"skus": list(skus)})
    assert not report.errors and report.skus == len(skus)


def _pull(store, cursor: str) -> p.ChangesPage:
    return p.ChangesPage.model_validate_json(store.changes_json(cursor, 100))


def test_a_pull_never_hands_out_a_revision_past_one_still_being_written(postgres):
    store = open_store(postgres.new_database())
    try:
        _import(store, _sku("A", "apple"), _sku("B", "bread"))
        head = store.head()
        with store.writing() as slow:
            # A writer that took its revision first and has not committed yet (a slow push) ...
            store._put_all(slow, {p.Kind.SKU: [("A", _sku("A", "apple v2"))]})
            # ... while another writer commits a later revision.
            _import(store, _sku("B", "bread v2"))
            assert store.head() == head  # a new station's "up to date" waits for A too
            held = _pull(store, str(head))
            # Handing out B now would move the station's cursor past A, which commits below it.
            assert held.changes == [] and held.cursor == str(head)
        page = _pull(store, str(head))
        assert [(c.key, c.entity().name_zh) for c in page.changes] == [("A", "apple v2"), ("B", "bread v2")]
        assert page.cursor == str(head + 2) == str(store.head())
    finally:
        store.engine.dispose()


def test_a_writer_that_rolls_back_leaves_no_fence_behind(postgres):
    store = open_store(postgres.new_database())
    try:
        _import(store, _sku("A", "apple"))
        head = store.head()
        try:
            with store.writing() as doomed:
                store._put_all(doomed, {p.Kind.SKU: [("A", _sku("A", "never"))]})
                raise RuntimeError("the push failed halfway")
        except RuntimeError:
            pass
        _import(store, _sku("A", "apple v2"))
        page = _pull(store, str(head))
        assert [c.entity().name_zh for c in page.changes] == ["apple v2"]  # the gap is skipped, not waited on
    finally:
        store.engine.dispose()


def test_a_database_restart_costs_the_stations_no_failed_request(demo_document, caplog):
    cluster = PostgresCluster()  # its own: restarting the shared one would cut other tests off
    try:
        url = cluster.new_database()
        with live_server(url) as server:
            assert not server.store.import_documents(demo_document).errors
            token = server.store.add_station("PACK-R")
            client = SyncClient(ServerConfig(server.url, token))
            orders = [o["order_no"] for o in demo_document["orders"] if o["status"] == "new"][:2]

            def packed(order_no: str) -> dict:
                now = datetime.now(UTC).isoformat()
                payload = {
                    "pack_id": str(uuid.uuid4()),
                    "order_no": order_no,
                    "packed_at": now,
                    "operator": "P0001",
                }
                return {"id": str(uuid.uuid4()), "type": "order.packed", "station": "PACK-R",
                        "operator": "P0001", "occurred_at": now, "payload": payload}  # fmt: skip

            assert client.push([packed(orders[0])])[0].outcome == p.Outcome.ACCEPTED
            cursor = client.pull("", 5000).cursor
            cluster.restart()  # every pooled connection of the server is dead now
            with caplog.at_level(logging.WARNING, logger="sync.server.app"):
                assert client.push([packed(orders[1])])[0].outcome == p.Outcome.ACCEPTED
                page = client.pull(cursor, 5000)
            assert orders[1] in {c.key for c in page.changes}
            assert "the database connection was lost" in caplog.text  # the retry, not luck
            client.close()
    finally:
        cluster.stop()


def test_the_server_opens_its_connections_before_the_first_station_asks(server_db):
    with live_server(server_db) as live:
        # Nothing has asked yet: the pool holds every connection the app may use at once, warm.
        assert live.store.engine.pool.checkedin() == DB_CONNECTIONS
        token = live.store.add_station("PACK-30")
        client = SyncClient(ServerConfig(live.url, token))
        assert client.pull("", 10).cursor
        client.close()
