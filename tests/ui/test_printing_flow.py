"""Printing at the station: the label comes out by itself, shows as a preview, F5 reprints,
an offline printer and a half-printed job are plain to see."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select, update

from app.core.commands import Command
from app.core.pack_session import VerdictKind
from app.store import models as m
from app.store.print_jobs import PrintJobStore
from app.store.settings_store import load_settings, save_settings
from app.ui.application import StationApp, make_qapp
from tests.test_print_service import printed
from tests.ui.test_rules_editor import unlock_settings


def pack(app: StationApp, sample) -> None:
    view = app.window.packing
    view.handle_scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            view.handle_scan(item["barcode"])
    view.entry.setText(str(app.station.state.expected_g))
    view._on_entry()
    assert view.last_verdict.kind is VerdictKind.PACKED


@pytest.fixture
def station(qtbot, demo_db, tmp_path):
    make_qapp()
    apps = []

    def build(**settings) -> StationApp:
        if settings:
            save_settings(demo_db, replace(load_settings(demo_db), **settings))
        app = StationApp(demo_db, "en", data_dir=tmp_path)
        app.window.resize(1600, 900)
        app.window.show()
        app.station.sign_in_badge("P0001")
        app.window.on_signed_in(app.station.operator)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.close()


@pytest.mark.gui
def test_a_packed_order_prints_its_label_and_shows_a_preview(station, samples, qtbot, tmp_path, artifacts):
    app = station()
    sample = samples["ready"][0]
    pack(app, sample)
    qtbot.waitUntil(lambda: any("label" in name for name in printed(tmp_path)), timeout=10000)
    qtbot.waitUntil(lambda: not app.window.packing.preview.pixmap().isNull(), timeout=10000)
    assert app.window.packing.preview.order_no == sample["order_no"]
    qtbot.waitUntil(lambda: app.window.status_bar.printer_label.text() == "Printer ready", timeout=5000)
    app.window.grab().save(str(artifacts / "printing_preview_en.png"))
    app.window.packing.handle_scan(samples["ready"][1]["order_no"])  # the next order: not its label
    assert app.window.packing.preview.pixmap().isNull() and app.window.packing.preview.order_no == ""
    app.window.packing.run_command(Command.CLOSE)

    labels_before = [n for n in printed(tmp_path) if "label" in n]
    QTest.keyClick(app.window.packing.entry, Qt.Key.Key_F5)
    assert "Reprinting the label of" in app.window.packing.banner.text()
    qtbot.waitUntil(
        lambda: len([n for n in printed(tmp_path) if "label" in n]) == len(labels_before) + 1, timeout=10000
    )
    files = sorted((tmp_path / "prints").glob("*label*"))
    assert files[0].read_bytes() == files[1].read_bytes()  # a reprint is the same label


@pytest.mark.gui
def test_the_reprint_barcode_with_nothing_packed_says_so(station):
    app = station()
    scan_target = app.window.packing
    scan_target.handle_scan("#PL:REPRINT")
    assert "Nothing packed yet" in scan_target.banner.text()


@pytest.mark.gui
def test_an_offline_printer_shows_in_the_status_bar_and_packing_goes_on(station, samples, qtbot):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = station(label_printer=f"tcp://127.0.0.1:{port}", label_format="zpl")
    pack(app, samples["ready"][1])
    qtbot.waitUntil(lambda: "OFFLINE" in app.window.status_bar.printer_label.text(), timeout=10000)
    pack(app, samples["ready"][2])  # the station does not wait for the printer
    assert app.window.packing.last_verdict.kind is VerdictKind.PACKED


@pytest.mark.gui
def test_a_half_printed_job_asks_the_packer_and_ctrl_f5_settles_it(
    station, samples, demo_db, qtbot, tmp_path
):
    app = station()
    sample = samples["ready"][3]
    pack(app, sample)
    qtbot.waitUntil(lambda: any("label" in n for n in printed(tmp_path)), timeout=10000)
    app.close()
    with demo_db.session() as s, s.begin():  # as if the power went while the label was being sent
        s.execute(update(m.PrintJob).values(status="printing"))
    app = station()
    qtbot.waitUntil(lambda: "may be incomplete" in app.window.status_bar.printer_label.text(), timeout=10000)
    assert "was cut off" in app.window.packing.banner.text()
    count = len(printed(tmp_path))
    QTest.keyClick(app.window.packing.entry, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app.window.status_bar.printer_label.text() == "Printer ready", timeout=10000)
    assert len(printed(tmp_path)) == count  # nothing printed twice
    assert all(job.status == "done" for job in PrintJobStore(demo_db).history())


@pytest.mark.gui
def test_printer_settings_are_saved_and_the_test_page_reaches_the_printer(station, qtbot, demo_db):
    from tests.printing.spoolers import RawPrinter

    printer = RawPrinter()
    try:
        app = station()
        app.window.open_settings()
        unlock_settings(app, qtbot)
        view = app.window.settings_view
        view.label_printer.setText(f"tcp://127.0.0.1:{printer.port}")
        view.label_format.setCurrentIndex(view.label_format.findData("tspl"))
        view.label_size.setCurrentIndex(view.label_size.findData("4x6"))
        QTest.mouseClick(view.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.test_result.text() == "sent — check the printer", timeout=10000)
        qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=5000)
        assert printer.jobs[0].startswith(b"SIZE 101.6 mm,152.4 mm")
        QTest.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: app.window.pages.currentWidget() is not view, timeout=5000)  # on disk
        saved = load_settings(demo_db)
        assert (saved.label_printer, saved.label_format, saved.label_size) == (
            f"tcp://127.0.0.1:{printer.port}",
            "tspl",
            "4x6",
        )
        assert app.printing.settings.label_format == "tspl"
        app.window.open_settings()
        unlock_settings(app, qtbot)
        view.label_printer.setText("nonsense://x")
        QTest.mouseClick(view.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "not a printer address" in view.test_result.text(), timeout=10000)
    finally:
        printer.close()


@pytest.mark.gui
def test_the_printer_fields_offer_the_systems_print_queues(station, qtbot, cups_pdf_queue):
    app = station()
    app.window.open_settings()
    view = app.window.settings_view
    qtbot.waitUntil(lambda: view.label_printer.completer() is not None, timeout=10000)
    assert f"cups:{cups_pdf_queue}" in view.label_printer.completer().model().stringList()
    assert view.slip_printer.completer() is view.label_printer.completer()


@pytest.mark.gui
def test_any_earlier_label_is_found_by_scanning_its_order_and_printed_again_from_the_history(
    station, samples, qtbot, tmp_path, demo_db, artifacts
):
    app = station()
    first, second = samples["ready"][4], samples["ready"][5]
    pack(app, first)
    pack(app, second)
    qtbot.waitUntil(lambda: len([n for n in printed(tmp_path) if "label" in n]) == 2, timeout=10000)
    QTest.keyClick(app.window.packing.entry, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    history = app.window.history
    assert app.window.pages.currentWidget() is history
    qtbot.waitUntil(lambda: len(history.jobs) >= 2, timeout=5000)
    assert history.jobs[0].order_no == second["order_no"]  # newest first

    app.window.on_scan(first["order_no"])  # a scan filters, it does not get lost
    qtbot.waitUntil(lambda: {job.order_no for job in history.jobs} == {first["order_no"]}, timeout=5000)
    while history.selected().kind != "label":  # the cards it came with are listed too
        row = history.table.currentRow()
        QTest.keyClick(history.search, Qt.Key.Key_Down)
        assert history.table.currentRow() == row + 1
    app.window.grab().save(str(artifacts / "print_history_en.png"))
    before = len(printed(tmp_path))
    QTest.keyClick(history.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(printed(tmp_path)) == before + 1, timeout=10000)
    qtbot.waitUntil(lambda: history.result.text() == "Sent to the printer again", timeout=5000)
    reprints = [job for job in PrintJobStore(demo_db).history() if job.reprint_of]
    assert [job.order_no for job in reprints] == [first["order_no"]]
    first_label = next(
        f for f in sorted((tmp_path / "prints").glob("*label*")) if first["order_no"] in f.name
    )
    done = [
        f for f in (tmp_path / "prints").iterdir() if not f.name.startswith(".part-")
    ]  # not one mid-write
    newest = max(done, key=lambda f: f.stat().st_mtime_ns)
    assert newest.read_bytes() == first_label.read_bytes()  # the same label, not a new one

    QTest.keyClick(history.search, Qt.Key.Key_Escape)
    assert app.window.pages.currentWidget() is app.window.packing


@pytest.mark.gui
def test_a_supervisor_voids_a_label_from_the_history_and_a_new_one_prints(
    station, samples, demo_db, qtbot, tmp_path, artifacts
):
    app = station()
    sample = samples["ready"][7]
    pack(app, sample)
    qtbot.waitUntil(
        lambda: any(sample["order_no"] in n and "label" in n for n in printed(tmp_path)), timeout=10000
    )
    QTest.keyClick(app.window.packing.entry, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    history = app.window.history
    qtbot.waitUntil(lambda: any(job.kind == "label" for job in history.jobs), timeout=5000)
    while history.selected().kind != "label":
        QTest.keyClick(history.search, Qt.Key.Key_Down)
    QTest.keyClick(history.search, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "Only a supervisor" in history.result.text()  # a packer may not release a waybill

    assert app.station.sign_out() and app.station.sign_in_pin("S0001", "12345678") is not None
    before = len(printed(tmp_path))
    QTest.keyClick(history.search, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "voided, its waybill released" in history.result.text(), timeout=5000)
    qtbot.waitUntil(lambda: len(printed(tmp_path)) == before + 1, timeout=10000)  # the new label
    qtbot.waitUntil(lambda: any(job.voided_at for job in history.jobs), timeout=5000)
    row = next(i for i, job in enumerate(history.jobs) if job.voided_at)
    assert history.table.text(row, 4) == "VOID"
    app.window.grab().save(str(artifacts / "print_history_void_en.png"))
    with demo_db.session() as s:
        types = s.scalars(select(m.OutboxEvent.type)).all()
    assert "label.voided" in types
