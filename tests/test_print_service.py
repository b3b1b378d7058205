"""The print queue end to end: a real pack, a real store, real printers (folder, loopback 9100)."""

from __future__ import annotations

import json
import socket
from dataclasses import replace

import pytest
from sqlalchemy import select, update

import app.store.print_jobs as print_jobs
from app.core.pack_session import VerdictKind
from app.core.settings import StationSettings
from app.print_service import PrintService
from app.store import models as m
from app.store.print_jobs import PrintJobStore
from tests.printing.component_peer import ComponentPeer
from tests.printing.spoolers import RawPrinter
from tests.test_station import make_station, pack_fully
from tests.waiting import wait_until


def pack(demo_db, sample):
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    pack_fully(station, sample)
    writer.close()
    with demo_db.session() as s:
        order_id = s.scalar(select(m.Order.id).where(m.Order.order_no == sample["order_no"]))
    return order_id


def printed(data_dir) -> list[str]:
    folder = data_dir / "prints"
    return sorted(f.name for f in folder.iterdir()) if folder.is_dir() else []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_pack_queues_its_label_in_the_same_transaction_and_the_worker_prints_it(demo_db, samples, tmp_path):
    order_id = pack(demo_db, samples["ready"][0])
    jobs = PrintJobStore(demo_db).for_order(order_id)
    assert jobs[0].kind == "label" and all(j.status == "queued" for j in jobs)
    with demo_db.session() as s:
        session_id = s.scalar(select(m.PackSession.id).where(m.PackSession.order_id == order_id))
        assert {j.pack_session_id for j in s.scalars(select(m.PrintJob))} == {session_id}

    service = PrintService(demo_db, StationSettings(), tmp_path, idle_poll_s=0.05).start()
    try:
        wait_until(lambda: all(j.status == "done" for j in PrintJobStore(demo_db).for_order(order_id)))
    finally:
        service.stop()
    files = sorted((tmp_path / "prints").iterdir())
    assert len(files) == len(jobs) and all(f.read_bytes().startswith(b"%PDF") for f in files)
    label = PrintJobStore(demo_db).for_order(order_id)[0]
    assert label.payload is not None and label.payload.startswith(b"%PDF")


def test_an_offline_printer_keeps_the_job_and_prints_it_when_back(demo_db, samples, tmp_path, monkeypatch):
    monkeypatch.setattr(print_jobs, "RETRY_DELAYS_S", (0.2, 0.2, 0.2))
    port = free_port()
    settings = replace(StationSettings(), label_printer=f"tcp://127.0.0.1:{port}", label_format="zpl")
    statuses = []
    order_id = pack(demo_db, samples["ready"][1])
    service = PrintService(demo_db, settings, tmp_path, on_status=statuses.append, idle_poll_s=0.05).start()
    try:
        wait_until(lambda: any("label" in s.offline for s in statuses))
        label = PrintJobStore(demo_db).for_order(order_id)[0]
        assert label.status in ("failed", "printing", "queued") and label.kind == "label"
        assert "offline" in statuses[-1].offline["label"]
        printer = RawPrinter(port=port)
        try:
            wait_until(lambda: PrintJobStore(demo_db).for_order(order_id)[0].status == "done")
            wait_until(lambda: len(printer.jobs) == 1)
            assert printer.jobs[0].startswith(b"^XA") and b"^XZ" in printer.jobs[0]
            wait_until(lambda: "label" not in statuses[-1].offline)
        finally:
            printer.close()
    finally:
        service.stop()


def test_a_job_cut_off_by_a_stop_is_not_resent_until_a_person_says_so(demo_db, samples, tmp_path):
    order_id = pack(demo_db, samples["ready"][2])
    with demo_db.session() as s, s.begin():  # as if the station died while sending the label
        s.execute(update(m.PrintJob).where(m.PrintJob.kind == "label").values(status="printing"))
    service = PrintService(demo_db, StationSettings(), tmp_path, idle_poll_s=0.05).start()
    try:
        label = PrintJobStore(demo_db).for_order(order_id)[0]
        wait_until(lambda: PrintJobStore(demo_db).get(label.id).status == "interrupted")
        wait_until(lambda: all(j.status != "queued" for j in PrintJobStore(demo_db).for_order(order_id)))
        rounds = service.idle_rounds
        wait_until(lambda: service.idle_rounds >= rounds + 3)  # the worker looked again and again
        assert PrintJobStore(demo_db).get(label.id).status == "interrupted"
        assert [j.id for j in service.status().attention] == [label.id]
        assert not any("label" in name for name in printed(tmp_path))
        assert service.retry(label.id)
        wait_until(lambda: PrintJobStore(demo_db).get(label.id).status == "done")
        assert any("label" in name for name in printed(tmp_path))
    finally:
        service.stop()


def test_a_reprint_prints_the_same_bytes_again(demo_db, samples, tmp_path):
    sample = samples["ready"][3]
    order_id = pack(demo_db, sample)
    service = PrintService(demo_db, StationSettings(), tmp_path, idle_poll_s=0.05).start()
    try:
        wait_until(lambda: all(j.status == "done" for j in PrintJobStore(demo_db).for_order(order_id)))
        (new,) = service.reprint_order(sample["order_no"])
        wait_until(lambda: PrintJobStore(demo_db).get(new).status == "done")
        jobs = {j.id: j for j in PrintJobStore(demo_db).for_order(order_id)}
        assert jobs[new].payload == jobs[jobs[new].reprint_of].payload
        assert service.reprint_order("NO-SUCH-ORDER") == []
    finally:
        service.stop()


@pytest.mark.logs_errors
def test_a_document_that_cannot_print_waits_for_a_person_with_the_reason(demo_db, samples, tmp_path):
    # An order packed before the office had a waybill number for it: its label cannot print.
    with demo_db.session() as s, s.begin():
        s.execute(
            update(m.Order).where(m.Order.order_no == samples["ready"][4]["order_no"]).values(waybill_no=None)
        )
    order_id = pack(demo_db, samples["ready"][4])
    service = PrintService(demo_db, StationSettings(), tmp_path, idle_poll_s=0.05).start()
    try:
        wait_until(lambda: PrintJobStore(demo_db).for_order(order_id)[0].status == "failed")
        label = PrintJobStore(demo_db).for_order(order_id)[0]
        assert "no waybill" in label.last_error
        assert label.id in [j.id for j in service.status().attention]
    finally:
        service.stop()


@pytest.mark.parametrize("uri", ["cups:NoSuchQueue404", "bogus://x"])
@pytest.mark.logs_errors
def test_a_misconfigured_printer_fails_the_job_visibly(demo_db, samples, tmp_path, uri):
    order_id = pack(demo_db, samples["ready"][5])
    settings = replace(StationSettings(), label_printer=uri)
    service = PrintService(demo_db, settings, tmp_path, idle_poll_s=0.05).start()
    try:
        wait_until(lambda: PrintJobStore(demo_db).for_order(order_id)[0].status == "failed")
        assert PrintJobStore(demo_db).for_order(order_id)[0].last_error
    finally:
        service.stop()


PRINT_DATA = {
    "encryptedData": "AES:c2VjcmV0",
    "signature": "MD:9f0e",
    "ver": "waybill_print_secret_version_1",
    "templateURL": "https://cloudprint.cainiao.com/template/standard/101/123",
}


def as_platform_waybill(demo_db, order_no: str, platform: str = "cainiao") -> str:
    """The order's waybill as a platform issued it for one of its shops, with its print data."""
    with demo_db.session() as s, s.begin():
        order = s.scalar(select(m.Order).where(m.Order.order_no == order_no))
        order.routing = {
            **(order.routing or {}),
            "source": f"{platform}:SHOP-88",
            "print_data": json.dumps(PRINT_DATA),
            "custom_area_url": "https://cloudprint.cainiao.com/template/customArea/440439",
        }
        return order.waybill_no


def test_a_platform_waybill_prints_through_its_component_and_the_server_is_told(
    demo_db, samples, tmp_path, monkeypatch
):
    monkeypatch.setattr(print_jobs, "RETRY_DELAYS_S", (0.2, 0.2, 0.2))
    sample = samples["ready"][5]
    waybill = as_platform_waybill(demo_db, sample["order_no"])
    port = free_port()
    settings = replace(StationSettings(), component_printers=f"pdd:, cainiao://127.0.0.1:{port}/KM-118",
                       label_printer=f"folder:{tmp_path / 'thermal'}")  # fmt: skip
    statuses = []
    order_id = pack(demo_db, sample)
    service = PrintService(demo_db, settings, tmp_path, on_status=statuses.append, idle_poll_s=0.05).start()
    try:
        # The component is not running yet: the label waits, and the bar says what to start.
        wait_until(lambda: statuses and statuses[-1].causes.get("label") == "component")
        label = PrintJobStore(demo_db).for_order(order_id)[0]
        assert label.kind == "label" and label.status in ("failed", "queued", "printing")
        with ComponentPeer("cainiao", port=port) as peer:
            wait_until(lambda: PrintJobStore(demo_db).get(label.id).status == "done")
            (request,) = peer.printed
    finally:
        service.stop()
    (document,) = request["task"]["documents"]
    assert document["documentID"] == waybill and request["task"]["printer"] == "KM-118"
    assert document["contents"][0] == PRINT_DATA
    custom = document["contents"][1]["data"]
    assert (
        custom["orderNo"] == sample["order_no"] and custom["packer"] == "张伟" and custom["parcel"] == "1/1"
    )
    # Never a label of our own for a platform's waybill; the label's form is the component's.
    assert not (tmp_path / "thermal").exists()
    done = PrintJobStore(demo_db).get(label.id)
    assert done.format == "component" and json.loads(done.payload or b"")["waybill_no"] == waybill
    with demo_db.session() as s:
        (notice,) = s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == "label.printed")).all()
    assert notice.payload["waybill_no"] == waybill and notice.payload["platform"] == "cainiao"
    assert (
        notice.payload["task_id"] == request["task"]["taskID"]
        and notice.payload["source"] == "cainiao:SHOP-88"
    )


def test_a_platform_waybill_refused_by_its_component_waits_for_a_person_and_is_not_told(
    demo_db, samples, tmp_path
):
    sample = samples["ready"][6]
    as_platform_waybill(demo_db, sample["order_no"])
    order_id = pack(demo_db, sample)
    with ComponentPeer("cainiao", mode="refuse") as peer:
        settings = replace(StationSettings(), component_printers=f"cainiao://127.0.0.1:{peer.port}")
        service = PrintService(demo_db, settings, tmp_path, idle_poll_s=0.05).start()
        try:
            label = PrintJobStore(demo_db).for_order(order_id)[0]
            wait_until(lambda: PrintJobStore(demo_db).get(label.id).status == "failed")
        finally:
            service.stop()
    failed = PrintJobStore(demo_db).get(label.id)
    assert "模板下载失败" in failed.last_error and [j.id for j in service.status().attention] == [label.id]
    with demo_db.session() as s:
        assert s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.type == "label.printed")) is None


PARCEL_2_DATA = {**PRINT_DATA, "encryptedData": "AES:cGFyY2VsLTI=", "signature": "MD:2b2b"}


def test_a_split_platform_order_prints_each_parcel_through_the_component_with_its_own_print_data(
    demo_db, samples, tmp_path
):
    from tests.test_station_split import split_in_two, two_item_order

    sample = two_item_order(samples)
    own = as_platform_waybill(demo_db, sample["order_no"])
    with demo_db.session() as s, s.begin():  # the platform issued a second number and its print data
        order = s.scalar(select(m.Order).where(m.Order.order_no == sample["order_no"]))
        second = s.scalars(
            select(m.WaybillReserve.waybill_no).where(m.WaybillReserve.carrier == order.carrier)
        ).first()
        s.execute(update(m.WaybillReserve).where(m.WaybillReserve.waybill_no == second).values(carrier="—"))
        order.extra_waybills = [second]
        order.routing = {**order.routing, "parcels": {second: json.dumps(PARCEL_2_DATA)}}
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    assert split_in_two(station, sample)[-1].kind is VerdictKind.PACKED
    writer.close()
    with ComponentPeer("cainiao") as peer:
        settings = replace(StationSettings(), component_printers=f"cainiao://127.0.0.1:{peer.port}")
        service = PrintService(demo_db, settings, tmp_path, idle_poll_s=0.05).start()
        try:
            wait_until(lambda: len(peer.printed) == 2)
        finally:
            service.stop()
    documents = sorted(
        (request["task"]["documents"][0] for request in peer.printed),
        key=lambda d: d["contents"][1]["data"]["parcel"],
    )
    assert [d["documentID"] for d in documents] == [own, second]
    assert [d["contents"][0] for d in documents] == [PRINT_DATA, PARCEL_2_DATA]
    assert [d["contents"][1]["data"]["parcel"] for d in documents] == ["1/2", "2/2"]


@pytest.mark.logs_errors  # the job that cannot print is logged for the technician
def test_a_further_parcel_without_the_platforms_print_data_waits_for_a_person_with_the_reason(
    demo_db, samples, tmp_path
):
    from tests.test_station_split import split_in_two, two_item_order

    sample = two_item_order(samples)
    as_platform_waybill(demo_db, sample["order_no"])
    station, writer = make_station(demo_db)
    station.sign_in_badge("P0001")
    assert split_in_two(station, sample)[-1].kind is VerdictKind.PACKED  # parcel 2: a reserve number
    writer.close()
    order_id = station.store.order_by_no(sample["order_no"]).order_id
    with ComponentPeer("cainiao") as peer:
        settings = replace(StationSettings(), component_printers=f"cainiao://127.0.0.1:{peer.port}")
        service = PrintService(demo_db, settings, tmp_path, idle_poll_s=0.05).start()
        try:
            store = PrintJobStore(demo_db)
            wait_until(lambda: any(j.status == "failed" for j in store.for_order(order_id)))
            wait_until(lambda: len(peer.printed) == 1)  # parcel 1 printed
        finally:
            service.stop()
    (failed,) = [j for j in PrintJobStore(demo_db).for_order(order_id) if j.status == "failed"]
    assert failed.params["parcel_no"] == 2 and "has no print data from cainiao" in failed.last_error
