"""A split shipment at the station: parcels sealed one by one, each with its own waybill (the
order's, then its further numbers, then the station's reserve), label and weight; the pack's
event names every parcel; a refused split when no number is left."""

from __future__ import annotations

from sqlalchemy import func, select, update

from app.core.commands import Command
from app.core.pack_session import Phase, VerdictKind
from app.print_docs import order_document
from app.station import PackingStation
from app.store import models as m
from app.store.db import open_database
from app.store.packing import PackingStore
from app.store.print_jobs import PrintJobStore
from printing.documents import label_fields
from tests.test_station import make_station


def two_item_order(samples) -> dict:
    return next(s for s in samples["ready"] if sum(i["quantity"] for i in s["items"]) >= 2)


def units(sample) -> list[str]:
    return [item["barcode"] for item in sample["items"] for _ in range(item["quantity"])]


def split_in_two(station: PackingStation, sample) -> list:
    """The first unit in parcel 1 (a supervisor allows the split), the rest in parcel 2."""
    first, *rest = units(sample)
    verdicts = [station.handle_scan(sample["order_no"]), station.handle_scan(first)]
    verdicts.append(station.handle_command(Command.PARCEL))
    if verdicts[-1].kind is VerdictKind.SCAN_SUPERVISOR:
        verdicts += [station.handle_scan("S0001"), station.handle_pin("12345678")]
    assert verdicts[-1].kind is VerdictKind.PARCEL_TO_WEIGH, verdicts[-1]
    verdicts.append(station.handle_weight(station.state.expected_g, "scale"))
    assert verdicts[-1].kind is VerdictKind.PARCEL_SEALED
    verdicts += [station.handle_scan(code) for code in rest]
    assert station.state.phase is Phase.WEIGHING
    verdicts.append(station.handle_weight(station.state.expected_g + 5, "scale"))
    return verdicts


def test_an_order_split_in_two_parcels_gets_two_labels_with_their_own_waybills(demo_db, samples):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = two_item_order(samples)
    order = station.store.order_by_no(sample["order_no"])
    with demo_db.session() as s:
        reserve = s.scalars(
            select(m.WaybillReserve.waybill_no)
            .where(m.WaybillReserve.carrier == order.carrier)
            .order_by(m.WaybillReserve.received_at, m.WaybillReserve.waybill_no)
        ).first()
    verdicts = split_in_two(station, sample)
    assert verdicts[-1].kind is VerdictKind.PACKED
    writer.close()
    with demo_db.session() as s:
        parcels = s.scalars(select(m.Parcel).order_by(m.Parcel.parcel_no)).all()
        used = s.get(m.WaybillReserve, reserve)
        labels = s.scalars(
            select(m.PrintJob).where(m.PrintJob.kind == "label").order_by(m.PrintJob.created_at)
        ).all()
        (event,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "order.packed")).all()
        pack = s.scalar(select(m.PackSession).where(m.PackSession.status == "packed"))
    assert [(p.parcel_no, p.waybill_no) for p in parcels] == [(1, order.waybill_no), (2, reserve)]
    assert sum(i["quantity"] for p in parcels for i in p.items) == order.item_count
    assert parcels[0].items == [{"sku": order.lines[0].sku_code, "quantity": 1}]
    assert used.order_no == order.order_no and used.parcel_no == 2 and used.used_at is not None
    assert [(j.params["parcel_no"], j.params["waybill_no"]) for j in labels] == [
        (1, order.waybill_no),
        (2, reserve),
    ]
    assert pack.actual_g == parcels[0].actual_g + parcels[1].actual_g
    payload = event.payload
    assert [p["waybill_no"] for p in payload["parcels"]] == [order.waybill_no, reserve]
    assert payload["split_by"] == "S0001"
    assert payload["parcels"][1]["weight"]["actual_g"] == parcels[1].actual_g
    # Parcel 2's label: its own waybill, "2/2", its own items and weight.
    doc = order_document(demo_db, station.settings, order, "label", labels[1].params)
    fields = label_fields(doc)
    assert fields["waybill_no"] == reserve and fields["parcel"] == "包裹 2/2"
    assert doc.item_count == order.item_count - 1 and doc.weight_g == parcels[1].actual_g
    # The sub-waybill goes where its parent goes: parcel 2 carries the order's routing as issued.
    first = label_fields(order_document(demo_db, station.settings, order, "label", labels[0].params))
    assert order.routing is not None and order.routing.sort_code
    assert fields["sort_code"] == first["sort_code"] == (order.routing.route_label or order.routing.sort_code)
    assert (
        fields["routing_line"] == first["routing_line"]
        and order.routing.short_address in fields["routing_line"]
    )
    # A scan of parcel 2's waybill finds the order (a returned parcel, a support call).
    assert station.store.resolve(reserve).order.order_no == order.order_no


def test_the_orders_own_further_waybills_come_before_the_reserve(demo_db, samples):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = two_item_order(samples)
    with demo_db.session() as s, s.begin():
        s.execute(
            update(m.Order)
            .where(m.Order.order_no == sample["order_no"])
            .values(extra_waybills=["SF1111000000001"])
        )
        held = s.scalar(
            select(func.count()).select_from(m.WaybillReserve).where(m.WaybillReserve.used_at.is_(None))
        )
    split_in_two(station, sample)
    writer.close()
    with demo_db.session() as s:
        assert s.scalar(select(m.Parcel.waybill_no).where(m.Parcel.parcel_no == 2)) == "SF1111000000001"
        assert (
            s.scalar(
                select(func.count()).select_from(m.WaybillReserve).where(m.WaybillReserve.used_at.is_(None))
            )
            == held
        )


def test_no_split_when_no_waybill_number_is_left_and_a_restart_does_not_replay_it(demo_db_path, samples):
    db = open_database(demo_db_path)
    station, writer = make_station(db)
    station.sign_in_badge("P0001")
    sample = two_item_order(samples)
    carrier = station.store.order_by_no(sample["order_no"]).carrier
    with db.session() as s, s.begin():
        s.execute(
            update(m.WaybillReserve).where(m.WaybillReserve.carrier == carrier).values(used_at=m.utcnow())
        )
    station.handle_scan(sample["order_no"])
    station.handle_scan(units(sample)[0])
    refused = station.handle_command(Command.PARCEL)
    assert refused.kind is VerdictKind.NO_WAYBILL and refused.quantity == 2 and refused.detail == carrier
    assert station.state.phase is Phase.SCANNING and station.state.pending is None
    writer.close()
    db.close()
    # A power cut now: the refused split is in the audit trail, not in the restored session.
    db = open_database(demo_db_path)
    again = PackingStation(PackingStore(db, "PACK-01"), writer, station.settings)
    again.sign_in_badge("P0001")
    assert again.state.order.order_no == sample["order_no"]
    assert again.state.counts == station.state.counts and again.state.phase is Phase.SCANNING
    with db.session() as s:
        audit = s.scalars(select(m.PackEvent).where(m.PackEvent.verdict == "no_waybill")).all()
    assert len(audit) == 1 and audit[0].raw == Command.PARCEL.barcode
    db.close()


def test_a_carrier_change_after_a_split_pack_reissues_a_label_per_parcel(demo_db, samples):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    sample = two_item_order(samples)
    split_in_two(station, sample)
    writer.close()
    with demo_db.session() as s, s.begin():
        s.execute(
            update(m.Order)
            .where(m.Order.order_no == sample["order_no"])
            .values(carrier="ZTO", waybill_no="75100000000001", extra_waybills=[])
        )
    PrintJobStore(demo_db).void_labels(sample["order_no"], "carrier_changed", "PACK-01", None, reissue=True)
    with demo_db.session() as s:
        labels = s.scalars(
            select(m.PrintJob).where(m.PrintJob.kind == "label").order_by(m.PrintJob.created_at)
        ).all()
        parcels = s.scalars(select(m.Parcel).order_by(m.Parcel.parcel_no)).all()
        voided = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "label.voided")).all()
        (reissued,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "label.reissued")).all()
    live = [j for j in labels if j.voided_at is None]
    assert len(labels) == 4 and len(voided) == 2
    assert [j.params["carrier"] for j in live] == ["ZTO", "ZTO"]
    assert live[0].params["waybill_no"] == "75100000000001"
    assert live[1].params["waybill_no"].startswith("7") and live[1].params["parcel_no"] == 2
    assert [p.waybill_no for p in parcels] == [j.params["waybill_no"] for j in live]
    # The office's carrier booking and the server's stock learn the numbers now on the parcels.
    assert reissued.payload["carrier"] == "ZTO"
    assert [(x["no"], x["waybill_no"]) for x in reissued.payload["parcels"]] == [
        (p.parcel_no, p.waybill_no) for p in parcels
    ]


def test_the_label_check_takes_every_parcels_label_and_survives_a_restart(demo_db_path, samples):
    """贴单复核 on a split shipment: each parcel's own label, one by one; the next order waits
    until all are checked, also after the station restarts between two of them."""
    from dataclasses import replace

    from app.core.settings import StationSettings
    from app.store.writer import SerialWriter
    from tests.waiting import wait_until

    settings = replace(StationSettings(), label_check=True)
    db = open_database(demo_db_path)
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-01"), writer, settings)
    station.sign_in_badge("P0001")
    sample = two_item_order(samples)
    assert split_in_two(station, sample)[-1].kind is VerdictKind.PACKED
    assert station.label_due is not None and station.label_due.parcels == 2
    assert writer.wait_idle(10)
    wait_until(lambda: len(station.label_due.waybills) == 2, 10)  # the save's numbers joined
    with db.session() as s:
        waybills = s.scalars(select(m.Parcel.waybill_no).order_by(m.Parcel.parcel_no)).all()
    assert len(waybills) == 2 and station.label_due.waybills == tuple(waybills)
    first = station.handle_scan(waybills[0])
    assert first.kind is VerdictKind.LABEL_CHECKED and first.quantity == 1  # one label left
    assert station.label_due is not None and station.label_due.left == (waybills[1],)
    other = next(s for s in samples["ready"] if s["order_no"] != sample["order_no"])
    assert station.handle_scan(other["order_no"]).kind is VerdictKind.LABEL_MISMATCH  # not yet
    assert writer.wait_idle(10)
    writer.close()
    db.close()

    db = open_database(demo_db_path)  # the station restarts before the second parcel's check
    writer = SerialWriter()
    station = PackingStation(PackingStore(db, "PACK-01"), writer, settings)
    station.sign_in_badge("P0001")
    assert station.label_due is not None and station.label_due.left == (waybills[1],)
    done = station.handle_scan(waybills[1])
    assert done.kind is VerdictKind.LABEL_CHECKED and done.quantity == 0 and station.label_due is None
    assert station.handle_scan(other["order_no"]).kind is VerdictKind.ORDER_LOADED
    writer.close()
    db.close()
