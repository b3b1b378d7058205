"""Dispatch through the server, on SQLite and PostgreSQL: parcels packed at one station are handed
over at a dock station that knows them only from the server; the server ships the orders and tells
the shop; a parcel the office cancelled before the dock saw it is stopped there, one handed over
offline after a cancel is a conflict for the office; a forged handover is refused."""

from __future__ import annotations

from sqlalchemy import select

from app.core.dock import DockSay, dock_code
from app.core.settings import StationSettings
from app.dock_desk import DockDesk
from app.store import demo
from app.store import models as m
from app.store.writer import SerialWriter
from sync import protocol as p
from tests.sync.claims import event, now, push
from tests.sync.stations import open_station, pack, sync_cli


def registered(seeded, tmp_path, name: str):
    token = seeded.store.add_station(name)
    assert sync_cli(tmp_path / name, "--server", seeded.url, "--token", token)[0] == 0
    return open_station(tmp_path / name), token


def dock(db) -> tuple[DockDesk, SerialWriter]:
    writer = SerialWriter()
    desk = DockDesk(db, writer, StationSettings(station_name="DOCK-1"))
    assert desk.sign_in("P0002") is not None
    return desk, writer


def test_parcels_packed_elsewhere_are_handed_over_shipped_and_told_to_the_shop(seeded, tmp_path):
    packer, _ = registered(seeded, tmp_path, "PACK-A")
    ready = demo.sample_orders(packer, per_kind=40)["ready"]
    by_carrier: dict[str, list[dict]] = {}
    for sample in ready:
        by_carrier.setdefault(sample["carrier"], []).append(sample)
    carrier, orders = max(by_carrier.items(), key=lambda kv: len(kv[1]))
    orders = orders[:4]
    for sample in orders:
        pack(packer, sample)
    assert sync_cli(tmp_path / "PACK-A")[0] == 0
    waybills = seeded.store.get(p.Kind.ORDER, orders[0]["order_no"])["pack"]["waybills"]
    assert [w["waybill_no"] for w in waybills] == [orders[0]["waybill_no"]] and waybills[0]["weight_g"]

    # The office cancels one after it was packed; the dock learns it with its pull.
    cancelled = {**seeded.store.get(p.Kind.ORDER, orders[3]["order_no"]), "status": "cancelled"}
    assert not seeded.store.import_documents({"orders": [cancelled]}).errors
    docker, _ = registered(seeded, tmp_path, "DOCK-1")
    with docker.session() as s:
        known = set(s.scalars(select(m.FloorParcel.waybill_no)))
    assert {o["waybill_no"] for o in orders} <= known  # every parcel known by its label, packed elsewhere

    desk, writer = dock(docker)
    chosen = desk.handle_scan(dock_code(carrier))
    assert chosen.expected == 3
    for sample in orders[:2]:
        assert desk.handle_scan(sample["waybill_no"]).say is DockSay.HANDED
    assert desk.handle_scan(orders[3]["waybill_no"]).say is DockSay.INTERCEPTED
    assert desk.close().say is DockSay.MISSING and desk.state.missing == (orders[2]["waybill_no"],)
    assert desk.handle_scan("李师傅 京A12345").say is DockSay.CLOSED
    writer.close()
    code, summary = sync_cli(tmp_path / "DOCK-1")
    assert code == 0 and summary["rejected"] == 0 and summary["conflicts"] == 0, summary

    for sample in orders[:2]:
        order = seeded.store.get(p.Kind.ORDER, sample["order_no"])
        assert order["status"] == "shipped" and order["shipment"]["station"] == "DOCK-1"
        assert order["shipment"]["driver"] == "李师傅 京A12345" and order["shipped_at"]
    assert seeded.store.get(p.Kind.ORDER, orders[2]["order_no"])["status"] == "packed"  # left behind
    shipped = [e for e in seeded.store.integration_events().events if e.type == "order.shipped"]
    assert sorted(e.key for e in shipped) == sorted(o["order_no"] for o in orders[:2])
    assert all(e.payload["carrier"] == carrier and e.payload["waybills"] for e in shipped)
    # The packing station learns it too: its parcels went.
    assert sync_cli(tmp_path / "PACK-A")[0] == 0
    with packer.session() as s:
        status = s.scalar(select(m.Order.status).where(m.Order.order_no == orders[0]["order_no"]))
    assert status == "shipped"
    packer.close()
    docker.close()


def test_a_handover_after_a_cancel_is_a_conflict_and_a_forged_one_is_refused(seeded, tmp_path):
    packer, _ = registered(seeded, tmp_path, "PACK-A")
    ready = demo.sample_orders(packer, per_kind=20)["ready"]
    sample, other = ready[0], ready[1]
    pack(packer, sample)
    assert sync_cli(tmp_path / "PACK-A")[0] == 0
    token = seeded.store.add_station("DOCK-9")

    def shipped(order_no: str, waybill: str, manifest: str = "DOCK-9-261207-001") -> dict:
        payload = {"order_no": order_no, "manifest_no": manifest, "carrier": sample["carrier"],
                   "driver": "X", "operator": "P0002", "shipped_at": now(),
                   "parcels": [{"no": 1, "waybill_no": waybill}]}  # fmt: skip
        return event(p.EventType.ORDER_SHIPPED, "DOCK-9", payload, "P0002")

    (forged,) = push(seeded, token, [shipped(sample["order_no"], "NOT-ITS-WAYBILL")])
    assert forged["outcome"] == "rejected" and "not on a parcel" in forged["reason"]
    (unpacked,) = push(seeded, token, [shipped(other["order_no"], other["waybill_no"])])
    assert unpacked["outcome"] == "rejected" and "never packed" in unpacked["reason"]

    # The office cancels while the dock is offline; the dock hands it over: the parcel left.
    order = seeded.store.get(p.Kind.ORDER, sample["order_no"])
    assert not seeded.store.import_documents({"orders": [{**order, "status": "cancelled"}]}).errors
    (late,) = push(seeded, token, [shipped(sample["order_no"], sample["waybill_no"])])
    assert late["outcome"] == "conflict" and "intercept it with the carrier" in late["reason"]
    (conflict,) = [c for c in seeded.store.conflicts() if c.kind == "handed_over_after_cancel"]
    assert conflict.key == sample["order_no"] and "DOCK-9-261207-001" in conflict.detail
    again = shipped(sample["order_no"], sample["waybill_no"], manifest="DOCK-9-261207-002")
    (twice,) = push(seeded, token, [again])
    assert twice["outcome"] == "conflict" and "handed over before" in twice["reason"]
    packer.close()
