"""Sync benchmarks: first pull into an empty station, pushing 10,000 events, an incremental sync.

The first pull is compared with a lower bound measured in the same run: fetching the same pages'
bytes over loopback (no parsing, no applying) plus a bare SQLite bulk insert of the same rows."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import requests

# The first pull: 100,000 orders with about 300,000 lines, three an order on average
# (the demo's usual shop mix has fewer, 1.8).
THREE_LINES_ON_AVERAGE = (15, 20, 30, 20, 15)


def _seeded_server(orders: int, customers: int, folder: Path):
    """The server as its own process on SQLite, loaded with the demo's orders and customers."""
    from app.store import demo
    from app.store.db import open_database
    from app.store.export import export_document
    from sync.server.store import open_store
    from tests.sync.servers import ServerProcess

    source = open_database(folder / "source.db")
    demo.generate(source, orders=orders, customers=customers, lines_weights=THREE_LINES_ON_AVERAGE)
    document = json.loads(json.dumps(export_document(source), ensure_ascii=False))
    source.close()
    url = f"sqlite:///{folder / 'server.db'}"
    store = open_store(url)
    report = store.import_documents(document)
    assert not report.errors, report.errors[:3]
    server = ServerProcess(url)
    server.store = store  # type: ignore[attr-defined]  # for registering stations and CRM edits
    return server, document


def _station(folder: Path, server, name: str):
    from app.store.db import open_database
    from app.sync_service import register

    (folder / name).mkdir(parents=True)
    db = open_database(folder / name / "packline.db")
    register(db, server.url, server.store.add_station(name))
    return db


def lower_bound(server, token: str, document: dict, folder: Path, page: int) -> float:
    started = time.perf_counter()
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    cursor, more = "", True
    while more:
        body = session.get(
            f"{server.url}/api/v1/changes", params={"cursor": cursor, "limit": page}, timeout=60
        )
        data = body.json()
        cursor, more = data["cursor"], data["more"]
    fetched = time.perf_counter() - started
    connection = sqlite3.connect(folder / "bare.db")
    connection.executescript(
        "CREATE TABLE c(id INTEGER PRIMARY KEY, code TEXT, name TEXT, tier TEXT, prefs TEXT);"
        "CREATE TABLE o(id INTEGER PRIMARY KEY, no TEXT, status TEXT, addr TEXT, customer TEXT);"
        "CREATE TABLE l(id INTEGER PRIMARY KEY, o INTEGER, sku TEXT, q INTEGER);"
    )
    started = time.perf_counter()
    connection.executemany(
        "INSERT INTO c(code, name, tier, prefs) VALUES (?, ?, ?, ?)",
        [(c["code"], c["name"], c["tier"], json.dumps(c["preferences"])) for c in document["customers"]],
    )
    connection.executemany(
        "INSERT INTO o(id, no, status, addr, customer) VALUES (?, ?, ?, ?, ?)",
        [
            (i, o["order_no"], o["status"], o["address"], o["customer"])
            for i, o in enumerate(document["orders"])
        ],
    )
    connection.executemany(
        "INSERT INTO l(o, sku, q) VALUES (?, ?, ?)",
        [(i, line["sku"], line["quantity"]) for i, o in enumerate(document["orders"]) for line in o["lines"]],
    )
    connection.commit()
    inserted = time.perf_counter() - started
    connection.close()
    return fetched + inserted


def bench_sync(orders: int = 100_000, customers: int = 50_000) -> dict[str, float]:
    from app.store import models as m
    from app.store.settings_store import load_settings
    from app.sync_service import sync_now
    from tests.benchmarks.timing import machine_ticks, steal_pct

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server, document = _seeded_server(orders, customers, folder)
        try:
            results["lines"] = sum(len(o["lines"]) for o in document["orders"])
            station = _station(folder, server, "BENCH-1")
            page = load_settings(station).sync_page_size
            started, ticks = time.perf_counter(), machine_ticks()
            summary = sync_now(station)
            results["first_pull_s"] = time.perf_counter() - started
            results["first_pull_steal_pct"] = steal_pct(ticks, machine_ticks())
            results["pulled"] = summary.pulled
            results["lower_bound_s"] = lower_bound(
                server, server.store.add_station("BOUND"), document, folder, page
            )

            now = datetime.now(UTC)
            # A bench edits the preferences of the customer whose order it has open: one each.
            at_hand: dict[str, str] = {}
            for order in document["orders"]:
                if order["status"] == "new" and order.get("customer"):
                    at_hand.setdefault(order["customer"], order["order_no"])
            codes = list(at_hand)[:10_000]
            with station.session() as s, s.begin():
                s.add_all(
                    m.OutboxEvent(
                        id=str(uuid.uuid4()),
                        type="customer.preference",
                        station="BENCH-1",
                        created_at=now,
                        payload={
                            "customer": code,
                            "field": "note",
                            "value": f"备注 {i}",
                            "base": None,
                            "order_no": at_hand[code],
                        },
                    )
                    for i, code in enumerate(codes)
                )
            started, ticks = time.perf_counter(), machine_ticks()
            summary = sync_now(station)
            results["push_and_pull_back_10k_s"] = time.perf_counter() - started
            results["push_steal_pct"] = steal_pct(ticks, machine_ticks())
            results["push_10k_s"] = summary.push_s
            results["pushed"] = summary.pushed
            sync_now(station)  # our own changes come back once

            for code in codes[:100]:
                server.store.set_preference(code, "packaging", "simple")
            started = time.perf_counter()
            summary = sync_now(station)
            results["incremental_100_s"] = time.perf_counter() - started
            results["incremental_pulled"] = summary.pulled
            station.close()
        finally:
            server.stop()
    return results
