"""Interception at a running bench: the office cancels an order while a packer has it open, or
changes its address mid-pack, or cancels one just packed; the live change reaches the bench, the
packer is stopped (or told) in plain words, the goods land on the put-back list, the server hears."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from app.core.pack_session import VerdictKind
from app.store import models as m
from app.store.exceptions import ExceptionKind, exceptions
from app.sync_service import register
from app.ui.application import StationApp, make_qapp
from sync import protocol as p
from sync.server import models as server_models
from tests.sync.test_station_pages_ui import synced_station
from tests.ui.test_printing_flow import pack


@pytest.fixture
def bench(seeded, demo_db, qtbot, tmp_path):
    yield from synced_station(seeded, demo_db, qtbot, tmp_path, "PACK-LIVE")


def office_changes(seeded, order_no: str, **fields) -> None:
    order = {**seeded.store.get(p.Kind.ORDER, order_no), **fields}
    seeded.store.import_documents({"orders": [order]})


def server_event_types(seeded) -> list[str]:
    with seeded.store.transaction() as s:
        return list(s.scalars(select(server_models.EventRecord.type)))


@pytest.mark.gui
def test_a_cancellation_stops_the_order_on_the_bench_and_lists_its_goods_to_put_back(
    bench, seeded, demo_db, samples, qtbot, artifacts
):
    view = bench.window.packing
    sample = next(s for s in samples["ready"] if sum(i["quantity"] for i in s["items"]) >= 2)
    view.handle_scan(sample["order_no"])
    view.handle_scan(sample["items"][0]["barcode"])
    assert view.last_verdict.kind in (VerdictKind.ACCEPTED, VerdictKind.LINE_COMPLETE)

    office_changes(seeded, sample["order_no"], status="cancelled")
    qtbot.waitUntil(lambda: view.last_verdict.kind is VerdictKind.INTERCEPTED, timeout=10000)
    assert bench.station.state.order is None
    text = view.banner.text()
    assert "STOP" in text and sample["order_no"] in text and "put-back shelf" in text
    assert view.banner.property("severity") == "error"
    bench.window.grab().save(str(artifacts / "intercepted_en.png"))

    qtbot.waitUntil(lambda: bench.writer.pending == 0, timeout=5000)  # the stop is written behind the banner
    put_back = [i for i in exceptions(demo_db) if i.kind is ExceptionKind.PUT_BACK]
    assert [i.subject for i in put_back] == [sample["order_no"]]
    qtbot.waitUntil(lambda: "order.intercepted" in server_event_types(seeded), timeout=15000)
    # The bench goes on: the next order opens as usual.
    pack(bench, samples["ready"][1] if samples["ready"][1] is not sample else samples["ready"][2])


@pytest.mark.gui
def test_a_new_address_mid_pack_is_shown_and_printed_on_the_label(
    bench, seeded, demo_db, samples, qtbot, tmp_path
):
    view = bench.window.packing
    sample = samples["ready"][3]
    view.handle_scan(sample["order_no"])
    view.handle_scan(sample["items"][0]["barcode"])
    office_changes(seeded, sample["order_no"], address="世纪大道100号 新地址楼")
    qtbot.waitUntil(lambda: view.last_verdict.kind is VerdictKind.ORDER_UPDATED, timeout=10000)
    assert "a new address" in view.banner.text() and "carry on" in view.banner.text()
    assert bench.station.state.order is not None and sum(bench.station.state.counts) == 1
    for item in sample["items"]:
        for _ in range(item["quantity"] - (1 if item is sample["items"][0] else 0)):
            view.handle_scan(item["barcode"])
    view.entry.setText(str(bench.station.state.expected_g))
    view._on_entry()
    assert view.last_verdict.kind is VerdictKind.PACKED
    qtbot.waitUntil(lambda: any(sample["order_no"] in f.name for f in (tmp_path / "prints").glob("*label*")))
    label = next(f for f in (tmp_path / "prints").glob("*label*") if sample["order_no"] in f.name)
    text = subprocess.run(["pdftotext", str(label), "-"], capture_output=True, text=True, check=True).stdout
    assert "世纪大道100号" in text.replace(" ", "")


@pytest.mark.gui
def test_a_cancellation_after_the_pack_tells_the_packer_to_stop_the_parcel(
    bench, seeded, demo_db, samples, qtbot
):
    view = bench.window.packing
    sample = samples["ready"][4]
    pack(bench, sample)
    qtbot.waitUntil(
        lambda: (seeded.store.get(p.Kind.ORDER, sample["order_no"]) or {}).get("status") == "packed",
        timeout=15000,
    )
    office_changes(seeded, sample["order_no"], status="cancelled")
    qtbot.waitUntil(lambda: view.last_verdict.kind is VerdictKind.INTERCEPT_PARCEL, timeout=10000)
    assert "take its parcel back" in view.banner.text() and sample["order_no"] in view.banner.text()
    assert [c.kind for c in seeded.store.conflicts()] == ["cancelled_after_pack"]
    with demo_db.session() as s:
        parcel = s.scalar(select(m.Interception).where(m.Interception.order_no == sample["order_no"]))
    assert parcel.stage == "packed"


@pytest.mark.gui
def test_two_server_processes_a_cancellation_through_one_stops_the_bench_synced_with_the_other(
    postgres, demo_document, demo_db, samples, qtbot, tmp_path
):
    """As deployed: two `packline-server` processes behind one PostgreSQL; the bench syncs with the
    first, the office cancels through the second; the bench stops the order within seconds."""
    from tests.sync.servers import ServerProcess
    from tests.sync.test_live_changes import _token, office_import

    url = postgres.new_database()
    first, second = ServerProcess(url), ServerProcess(url)
    app = None
    try:
        from sync.client import ServerConfig, SyncClient

        office = SyncClient(ServerConfig(second.url, _token(url, "OFFICE", "admin")))
        office_import(office, demo_document)
        make_qapp()
        register(demo_db, first.url, _token(url, "PACK-2P"))
        app = StationApp(demo_db, "en", data_dir=tmp_path)
        app.window.show()
        app.station.sign_in_badge("P0001")
        app.window.on_signed_in(app.station.operator)
        qtbot.waitUntil(lambda: app.window.status_bar.outbox_label.text().startswith("Synced"), timeout=20000)
        view = app.window.packing
        sample = samples["ready"][2]
        view.handle_scan(sample["order_no"])
        view.handle_scan(sample["items"][0]["barcode"])
        cancelled = {**next(o for o in demo_document["orders"] if o["order_no"] == sample["order_no"])}
        office_import(office, {"orders": [{**cancelled, "status": "cancelled"}]})
        qtbot.waitUntil(lambda: view.last_verdict.kind is VerdictKind.INTERCEPTED, timeout=10000)
        assert app.station.state.order is None and sample["order_no"] in view.banner.text()
        office.close()
    finally:
        if app is not None:
            app.close()
        first.stop()
        second.stop()
