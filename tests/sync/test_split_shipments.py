"""Split shipments across stations and the server: waybill numbers loaded by the office are set
aside per packing station (never the same number at two), a split pack's parcels and numbers
reach the server, and what is used is not handed out again."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import requests
from sqlalchemy import select

from app.core.commands import Command
from app.core.pack_session import Phase, VerdictKind
from app.station import PackingStation
from app.store import demo
from app.store import models as m
from app.store.packing import PackingStore
from app.store.settings_store import load_settings
from app.store.writer import SerialWriter
from sync import protocol as p
from sync.server.store import open_store
from tests.sync.stations import open_station, sync_cli

NUMBERS = [f"SF{7000_0000_0000 + n}" for n in range(12)]


def test_numbers_are_set_aside_for_one_station_each_and_a_used_one_is_not_handed_out_again(server_db):
    store = open_store(server_db)
    try:
        assert store.add_waybills("SF", NUMBERS) == 12
        assert store.add_waybills("SF", NUMBERS[:3]) == 0  # loaded twice: once
        a = store.reserve_waybills("PACK-A", "SF", 4)
        assert len(a) == 4 and store.reserve_waybills("PACK-A", "SF", 4) == a  # asked again: the same
        b = store.reserve_waybills("PACK-B", "SF", 4)
        assert len(b) == 4 and not set(a) & set(b)
        assert store.reserve_waybills("PACK-A", "ZTO", 4) == []  # none loaded for ZTO
        now = datetime.now(UTC)
        order_no = "SPLIT-1"
        from app.core.auth import hash_pin

        line = {"line_no": 1, "sku": "A", "quantity": 2}
        packer = {"badge_code": "P0001", "name": "张伟", "pin_hash": hash_pin("1234"), "role": "packer"}
        report = store.import_documents(
            {
                "skus": [{"code": "A", "name_zh": "苹果", "unit_weight_g": 100}],
                "operators": [packer],
                "orders": [{"order_no": order_no, "carrier": "SF", "waybill_no": "SF1", "lines": [line]}],
            }
        )
        assert not report.errors, report
        packed = {
            "pack_id": str(uuid.uuid4()), "order_no": order_no, "packed_at": now.isoformat(),
            "operator": "P0001", "lines": [{"sku": "A", "quantity": 2}],
            "parcels": [{"no": 1, "carrier": "SF", "waybill_no": "SF1"},
                        {"no": 2, "carrier": "SF", "waybill_no": a[0]}],
        }  # fmt: skip
        event = p.Event(id=uuid.uuid4(), type="order.packed", station="PACK-A", operator="P0001",
                        occurred_at=now, payload=packed)  # fmt: skip
        assert [r.outcome for r in store.push("PACK-A", [event])] == [p.Outcome.ACCEPTED]
        topped = store.reserve_waybills("PACK-A", "SF", 4)
        assert a[0] not in topped and set(a[1:]) <= set(topped) and len(topped) == 4
        assert store.waybill_stock() == {"SF": {"free": 3, "reserved": 8, "used": 1}}
        # A re-issue at the station put another of its numbers on a parcel: used too.
        reissued = {"order_no": order_no, "carrier": "SF", "reason": "carrier_changed", "operator": "P0001",
                    "at": now.isoformat(), "parcels": [{"no": 1, "waybill_no": "SF1"},
                                                       {"no": 2, "waybill_no": a[1]}]}  # fmt: skip
        event = p.Event(id=uuid.uuid4(), type="label.reissued", station="PACK-A", operator=None,
                        occurred_at=now, payload=reissued)  # fmt: skip
        assert [r.outcome for r in store.push("PACK-A", [event])] == [p.Outcome.ACCEPTED]
        assert a[1] not in store.reserve_waybills("PACK-A", "SF", 4)
        assert store.waybill_stock()["SF"]["used"] == 2
    finally:
        store.engine.dispose()


def test_only_a_packing_station_holds_numbers_and_a_bad_request_is_refused(server):
    desk = server.store.add_station("DESK-1", p.Role.DESK)
    station = server.store.add_station("PACK-A")
    url = f"{server.url}{p.API_PREFIX}/waybills/reserve"
    refused = requests.post(
        url, json={"carrier": "SF", "keep": 5}, headers={"Authorization": f"Bearer {desk}"}
    )
    assert refused.status_code == 403 and "packing stations" in refused.json()["detail"]
    for bad in ({"carrier": "SF", "keep": 0}, {"carrier": "SF", "keep": 10_000}, {"carrier": "", "keep": 5}):
        answer = requests.post(url, json=bad, headers={"Authorization": f"Bearer {station}"})
        assert answer.status_code == 422, bad
    assert requests.post(url, json={"carrier": "SF", "keep": 5}).status_code == 401


def test_a_split_order_packed_offline_ships_with_the_stations_own_numbers_end_to_end(seeded, tmp_path):
    stations = {}
    for name in ("PACK-A", "PACK-B"):
        token = seeded.store.add_station(name)
        assert sync_cli(tmp_path / name, "--server", seeded.url, "--token", token)[0] == 0
        stations[name] = open_station(tmp_path / name)
    a, b = stations["PACK-A"], stations["PACK-B"]
    sample = next(
        s for s in demo.sample_orders(a, per_kind=8)["ready"] if sum(i["quantity"] for i in s["items"]) >= 2
    )
    carrier = seeded.store.get(p.Kind.ORDER, sample["order_no"])["carrier"]
    with a.session() as s:
        assert s.scalar(select(m.WaybillReserve.waybill_no).limit(1)) is None  # nothing loaded yet
    seeded.store.add_waybills(carrier, [f"{carrier}{8000_0000_0000 + n}" for n in range(60)])
    for name in ("PACK-A", "PACK-B"):  # the next sync sets numbers aside for each
        assert sync_cli(tmp_path / name)[0] == 0
    with a.session() as s:
        held_a = set(
            s.scalars(select(m.WaybillReserve.waybill_no).where(m.WaybillReserve.carrier == carrier))
        )
    with b.session() as s:
        held_b = set(
            s.scalars(select(m.WaybillReserve.waybill_no).where(m.WaybillReserve.carrier == carrier))
        )
    keep = load_settings(a).waybill_reserve
    assert len(held_a) == len(held_b) == keep and not held_a & held_b

    # Offline now (no sync): a supervisor lets the order go in two parcels.
    writer = SerialWriter()
    settings = load_settings(a)
    station = PackingStation(PackingStore(a, settings.station_name), writer, settings)
    station.sign_in_badge("P0001")
    first, *rest = [i["barcode"] for i in sample["items"] for _ in range(i["quantity"])]
    station.handle_scan(sample["order_no"])
    station.handle_scan(first)
    assert station.handle_command(Command.PARCEL).kind is VerdictKind.SCAN_SUPERVISOR
    station.handle_scan("S0001")
    assert station.handle_pin("12345678").kind is VerdictKind.PARCEL_TO_WEIGH
    assert station.handle_weight(station.state.expected_g, "scale").kind is VerdictKind.PARCEL_SEALED
    for code in rest:
        station.handle_scan(code)
    assert station.state.phase is Phase.WEIGHING
    assert station.handle_weight(station.state.expected_g, "scale").kind is VerdictKind.PACKED
    writer.close()
    with a.session() as s:
        second = s.scalar(select(m.Parcel.waybill_no).where(m.Parcel.parcel_no == 2))
        labels = s.scalars(select(m.PrintJob.params).where(m.PrintJob.kind == "label")).all()
    assert second in held_a and len(labels) == 2

    code, summary = sync_cli(tmp_path / "PACK-A")
    assert code == 0 and summary["pushed"] == 1 and summary["conflicts"] == 0
    order = seeded.store.get(p.Kind.ORDER, sample["order_no"])
    assert order["status"] == "packed" and order["packed_by"] == "PACK-A"
    stock = seeded.store.waybill_stock()[carrier]
    assert stock == {"free": 60 - 2 * keep, "reserved": 2 * keep - 1, "used": 1}
    with a.session() as s:  # used here, and never offered again
        unused = set(s.scalars(select(m.WaybillReserve.waybill_no).where(m.WaybillReserve.used_at.is_(None))))
    assert second not in unused
    a.close()
    b.close()
