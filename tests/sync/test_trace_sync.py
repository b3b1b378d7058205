"""Unit traceability through the server, on SQLite and PostgreSQL: traced units reach it with the
pack, the office finds who received a lot or a serial, a recall blocks the lot at the benches and
tags its customers (whose next order the care rule marks), and a return whose serial is not the
one shipped is refused as the order's unit."""

from __future__ import annotations

import csv
import uuid
from datetime import date

import requests
from sqlalchemy import select

from app.core.pack_session import VerdictKind
from app.core.settings import StationSettings
from app.core.trace import Unit
from app.station import PackingStation
from app.store import models as m
from app.store.demo_traced import scans
from app.store.packing import PackingStore
from app.store.writer import SerialWriter
from sync import protocol as p
from sync.server.cli import main as server_main
from tests.sync.claims import event, headers, now, push
from tests.sync.stations import open_station, sync_cli

IMEI = "IMEI860000000000001"


def scan_for(what: str) -> str:
    return next(row["scan"] for row in scans(date.today()) if row["what"].startswith(what))


def bench(db):
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-A"), writer, StationSettings(station_name="PACK-A"))
    assert station.sign_in_badge("P0001") is not None
    return station, writer


def pack_traced(db) -> None:
    station, writer = bench(db)
    try:
        station.handle_scan("PLT-0001")
        for _ in range(2):
            assert station.handle_scan(scan_for("cream, lot L2027B")).kind in (
                VerdictKind.ACCEPTED, VerdictKind.ORDER_COMPLETE,
            )  # fmt: skip
        assert station.handle_weight(station.state.expected_g).kind is VerdictKind.PACKED
        station.handle_scan("PLT-0002")
        assert station.handle_scan(scan_for("phone with its serial")).kind is VerdictKind.ORDER_COMPLETE
        assert station.handle_weight(station.state.expected_g).kind is VerdictKind.PACKED
    finally:
        writer.close()


def trace_http(seeded, token, **query):
    return requests.get(f"{seeded.url}{p.API_PREFIX}/trace", params=query, headers=headers(token), timeout=10)


def test_traced_units_a_recall_and_a_swapped_return_end_to_end(seeded, tmp_path):
    token = seeded.store.add_station("PACK-A")
    assert sync_cli(tmp_path / "PACK-A", "--server", seeded.url, "--token", token)[0] == 0
    db = open_station(tmp_path / "PACK-A")
    with db.session() as s:  # the office's lots came with the SKU
        lots = dict(s.execute(select(m.Lot.lot, m.Lot.in_stock).where(m.Lot.sku_code == "TRC-CREAM")).all())
    assert lots == {"L2026A": 0, "L2027B": 40, "L2028C": 60, "L2025X": 12}

    pack_traced(db)
    code, summary = sync_cli(tmp_path / "PACK-A")
    assert code == 0 and summary["rejected"] == 0 and summary["conflicts"] == 0
    pack = seeded.store.get(p.Kind.ORDER, "PLT-0002")["pack"]
    assert pack["units"] == [{"sku": "TRC-PHONE", "parcel": 1, "serial": IMEI, "lot": "", "expiry": None}]
    # Another station learns the serial with the order: its benches refuse it too, offline.
    other = seeded.store.add_station("PACK-C")
    assert sync_cli(tmp_path / "PACK-C", "--server", seeded.url, "--token", other)[0] == 0
    db_c = open_station(tmp_path / "PACK-C")
    facts = PackingStore(db_c, "PACK-C").unit_facts("TRC-PHONE", Unit(serial=IMEI), "PLT-0009", date.today())
    assert facts.shipped_on == "PLT-0002"
    db_c.close()

    # Who received it: the office (admin) and a desk may ask; a bench's token may not.
    admin = seeded.store.add_station("OFFICE", p.Role.ADMIN)
    assert trace_http(seeded, token, lot="L2027B").status_code == 403
    assert trace_http(seeded, admin).status_code == 400
    rows = trace_http(seeded, admin, lot="L2027B").json()
    customer = seeded.store.get(p.Kind.ORDER, "PLT-0001")["customer"]
    name = seeded.store.get(p.Kind.CUSTOMER, customer)["name"]
    assert [(r["order_no"], r["customer"], r["name"], r["returned"]) for r in rows] == [
        ("PLT-0001", customer, name, False),
    ] * 2
    (by_serial,) = trace_http(seeded, admin, serial=IMEI).json()
    assert by_serial["order_no"] == "PLT-0002" and by_serial["sku"] == "TRC-PHONE"
    out = tmp_path / "L2027B.csv"
    assert server_main(["--db", seeded.db_url, "trace", "L2027B", "--csv", str(out)]) == 0
    with out.open(encoding="utf-8-sig") as f:
        assert [row["order_no"] for row in csv.DictReader(f)] == ["PLT-0001", "PLT-0001"]

    # A return whose serial is not the one shipped is no unit of the order: refused, no refund.
    def returned(serial: str) -> dict:
        payload = {"return_id": str(uuid.uuid4()), "order_no": "PLT-0002", "proposed": "product",
                   "responsibility": "product", "operator": "P0002", "received_at": now(),
                   "items": [{"sku": "TRC-PHONE", "serial": serial, "reason": "quality", "grade": "damaged",
                              "disposition": "quarantine"}]}  # fmt: skip
        return event(p.EventType.RETURN_RECEIVED, "PACK-A", payload, "P0002")

    (swapped,) = push(seeded, token, [returned("IMEI-CHEAP-USED")])
    assert swapped["outcome"] == "rejected" and "did not ship with order PLT-0002" in swapped["reason"]
    assert seeded.store.tickets() == []

    # The recall: a bench may not, the office does; the lot is blocked at the bench once pulled.
    recall = {"sku": "TRC-CREAM", "lot": "L2027B", "reason": "过敏投诉"}
    url = f"{seeded.url}{p.API_PREFIX}/trace/recall"
    assert requests.post(url, json=recall, headers=headers(token), timeout=10).status_code == 403
    answer = requests.post(url, json=recall, headers=headers(admin), timeout=10)
    assert answer.status_code == 200 and answer.json()["customers"] == [customer]
    tags = seeded.store.get(p.Kind.CUSTOMER, customer)["tags"]
    assert "recall" in tags and "recall:L2027B" in tags
    care = {"code": "RECALL-CARE", "name": "召回关怀", "conditions": [
        {"field": "customer.tags", "op": "contains", "value": "recall"}],
        "actions": [{"action": "call_back", "note": "召回批次：致电客户"}]}  # fmt: skip
    next_order = {"order_no": "PLT-0004", "channel": "tmall", "carrier": "SF",
                  "waybill_no": "SF7100000000004",
                  "receiver_name": "陈静", "province": "上海市", "city": "上海市", "district": "浦东新区",
                  "address": "世纪大道100号", "customer": customer,
                  "routing": {"sort_code": "021-W12 003", "source": "demo:SF"},
                  "lines": [{"line_no": 1, "sku": "TRC-CREAM", "quantity": 1}]}  # fmt: skip
    report = seeded.store.import_documents(
        {"orders": [next_order], "rules": [{"code": "RECALL-CARE", "definition": care}]}
    )
    assert not report.errors
    assert sync_cli(tmp_path / "PACK-A")[0] == 0
    station, writer = bench(db)
    try:
        assert station.handle_scan("PLT-0004").kind is VerdictKind.ORDER_LOADED
        assert [s.rule for s in station.state.plan.steps] == ["RECALL-CARE"]
        blocked = station.handle_scan(scan_for("cream, lot L2027B"))
        assert blocked.kind is VerdictKind.RECALLED and blocked.detail == "过敏投诉"
        assert station.handle_scan(scan_for("cream, lot L2028C")).kind is VerdictKind.ORDER_COMPLETE
    finally:
        writer.close()
    # The serial check the bench makes against its own packs.
    facts = PackingStore(db, "PACK-A").unit_facts("TRC-PHONE", Unit(serial=IMEI), "PLT-0005", date.today())
    assert facts.shipped_on == "PLT-0002"
    db.close()


def test_a_pack_names_only_units_of_its_order_and_a_serial_twice_is_a_conflict(seeded):
    token = seeded.store.add_station("PACK-B")
    phone = {"order_no": "PLT-0005", "channel": "tmall", "carrier": "SF", "waybill_no": "SF7100000000005",
             "lines": [{"line_no": 1, "sku": "TRC-PHONE", "quantity": 1}]}  # fmt: skip
    assert not seeded.store.import_documents({"orders": [phone]}).errors

    def packed_with(order_no, line_sku, unit_sku, serial):
        payload = {"pack_id": str(uuid.uuid4()), "order_no": order_no, "packed_at": now(),
                   "operator": "P0001", "lines": [{"sku": line_sku, "quantity": 1}],
                   "units": [{"sku": unit_sku, "serial": serial}]}  # fmt: skip
        return event(p.EventType.ORDER_PACKED, "PACK-B", payload)

    (first,) = push(seeded, token, [packed_with("PLT-0002", "TRC-PHONE", "TRC-PHONE", "SN-1")])
    assert first["outcome"] == "accepted"
    (other_sku,) = push(seeded, token, [packed_with("PLT-0003", "TRC-ROUTER", "TRC-PHONE", "SN-2")])
    assert other_sku["outcome"] == "rejected" and "traced units of TRC-PHONE" in other_sku["reason"]
    (router,) = push(seeded, token, [packed_with("PLT-0003", "TRC-ROUTER", "TRC-ROUTER", "SN-1")])
    assert router["outcome"] == "accepted"  # a serial is one SKU's: the router's SN-1 is its own
    assert seeded.store.conflicts() == []
    (copied,) = push(seeded, token, [packed_with("PLT-0005", "TRC-PHONE", "TRC-PHONE", "SN-1")])
    assert copied["outcome"] == "accepted"  # the parcel left; the office looks at the label
    (conflict,) = seeded.store.conflicts()
    assert conflict.kind == "serial_twice" and conflict.key == "PLT-0005"
    assert "already left with PLT-0002" in conflict.detail
    assert {r["order_no"] for r in seeded.store.trace(serial="SN-1")} == {"PLT-0002", "PLT-0003", "PLT-0005"}


def test_a_recall_reaches_a_watching_station_live(seeded, tmp_path):
    """The office recalls a lot while a station watches for changes: the station pulls it at once
    (its periodic sync is minutes away), and its benches refuse the lot from then on."""
    import time

    from app.store.sync_local import StationSyncStore
    from app.sync_service import make_client
    from sync.client import SyncLoop
    from tests.waiting import wait_until

    token = seeded.store.add_station("PACK-L")
    assert sync_cli(tmp_path / "PACK-L", "--server", seeded.url, "--token", token)[0] == 0
    db = open_station(tmp_path / "PACK-L")
    statuses: list[str] = []
    loop = SyncLoop(
        lambda: make_client(db), StationSyncStore(db), lambda st: statuses.append(st.state), 300.0
    )
    loop.start().watch()
    try:
        wait_until(lambda: "online" in statuses)
        started = time.monotonic()
        seeded.store.recall("TRC-CREAM", "L2028C", "包材污染")

        def blocked_here() -> bool:
            with db.session() as s:
                lot = s.scalar(
                    select(m.Lot.recalled).where(m.Lot.sku_code == "TRC-CREAM", m.Lot.lot == "L2028C")
                )
            return lot == "包材污染"

        latency = wait_until(blocked_here, timeout=10)
    finally:
        loop.stop()
    print(f"recall reached the station in {latency * 1000:.0f} ms")
    assert latency < 2.0 and time.monotonic() - started < 10
    station, writer = bench(db)
    try:
        station.handle_scan("PLT-0001")
        assert station.handle_scan(scan_for("cream, lot L2028C")).kind is VerdictKind.RECALLED
    finally:
        writer.close()
        db.close()
