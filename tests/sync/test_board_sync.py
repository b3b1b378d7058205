"""The floor board with a server: every station's packs, each station's own from its records and
the others' from the server's event log, per station, packer and hour."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import requests

from app.core.pack_session import VerdictKind
from app.core.performance import day_window
from app.station import PackingStation
from app.store import demo
from app.store.floor import board, merged, operator_names
from app.store.packing import PackingStore
from app.store.settings_store import load_settings
from app.store.writer import SerialWriter
from app.sync_service import make_client
from sync import protocol as p
from tests.sync.stations import open_station, pack, sync_cli


def test_the_board_counts_every_stations_packs_once(seeded, tmp_path):
    dbs = {}
    for name in ("PACK-A", "PACK-B"):
        token = seeded.store.add_station(name)
        assert sync_cli(tmp_path / name, "--server", seeded.url, "--token", token)[0] == 0
        dbs[name] = open_station(tmp_path / name)
    ready = demo.sample_orders(dbs["PACK-A"], per_kind=8)["ready"]
    pack(dbs["PACK-A"], ready[0])
    pack(dbs["PACK-A"], ready[1])
    # At PACK-B an item of another order is scanned into the order first: a mistake caught there.
    writer = SerialWriter()
    settings = load_settings(dbs["PACK-B"])
    bench = PackingStation(PackingStore(dbs["PACK-B"], settings.station_name), writer, settings)
    bench.sign_in_badge("P0002")
    bench.handle_scan(ready[2]["order_no"])
    assert bench.handle_scan(ready[0]["items"][0]["barcode"]).kind is VerdictKind.WRONG_ITEM
    for item in ready[2]["items"]:
        for _ in range(item["quantity"]):
            bench.handle_scan(item["barcode"])
    assert bench.handle_weight(bench.state.expected_g).kind is VerdictKind.PACKED
    writer.close()
    for name in ("PACK-A", "PACK-B"):
        assert sync_cli(tmp_path / name)[0] == 0
    since = datetime.now(UTC) - timedelta(hours=1)
    page = seeded.store.board(since)
    assert {(r.station, r.operator, r.orders) for r in page.rows} == {
        ("PACK-A", "P0001", 2),
        ("PACK-B", "P0002", 1),
    }
    b_row = next(r for r in page.rows if r.station == "PACK-B")
    units = sum(i["quantity"] for i in ready[2]["items"])
    assert b_row.units == units and b_row.parcels == 1 and b_row.busy_s >= 0
    assert seeded.store.board(datetime.now(UTC) + timedelta(minutes=1)).rows == []

    # At PACK-A's desk: its own packs from its records, PACK-B's from the server; nothing twice.
    a = dbs["PACK-A"]
    start, _now = day_window(datetime.now(UTC))
    client = make_client(a)
    try:
        remote = client.board(start)
    finally:
        client.close()
    floor = merged(board(a, start), remote, "PACK-A", operator_names(a))
    assert floor.source == "server"
    assert set(floor.stations) == {"PACK-A", "PACK-B"}
    # The server records when it heard from a station in the background (every few seconds).
    deadline = time.monotonic() + 20
    while not all(s.last_seen_at for s in seeded.store.board(start).seen) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert all(
        datetime.now(UTC) - s.last_seen_at < timedelta(minutes=2) for s in seeded.store.board(start).seen
    )
    assert {k: v.orders for k, v in floor.by_station.items()} == {"PACK-A": 2, "PACK-B": 1}
    names = operator_names(a)
    assert floor.errors_by_station["PACK-B"].wrong_items == 1  # caught at PACK-B, told by the server
    assert (
        floor.by_packer[names["P0002"]].units == units and sum(t.orders for t in floor.by_hour.values()) == 3
    )

    token = seeded.store.add_station("DESK-1", p.Role.DESK)
    url = f"{seeded.url}{p.API_PREFIX}/board"
    naive = requests.get(
        url, params={"since": "2026-12-07T00:00:00"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert naive.status_code == 422 and "time zone" in naive.text
    for db in dbs.values():
        db.close()


def test_a_time_before_the_first_utc_day_is_refused_not_a_server_error(server):
    token = server.store.add_station("DESK-2", p.Role.DESK)
    url = f"{server.url}{p.API_PREFIX}/board"
    for since in ("0001-01-01T00:01:01+19:00", "9999-12-31T23:59:59-12:00"):
        answer = requests.get(url, params={"since": since}, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code in (200, 422), (since, answer.status_code, answer.text)
    answer = requests.get(
        url, params={"since": "0001-01-01T00:01:01+19:00"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 422 and "out of range" in answer.text
