"""The real station window when the database cannot keep up: a disk that fills, a damaged file.
Success shows only after its commit; trouble shows on the banner with a sound and in the log."""

from __future__ import annotations

import logging
import shutil

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.core.pack_session import Phase, VerdictKind
from app.store import models as m
from app.store.db import open_database
from app.ui.application import StationApp, make_qapp
from tests.disks import damage_orders
from tests.ui.test_packing_flow import banner, scan


@pytest.fixture
def window_on(qtbot):
    make_qapp()
    opened = []

    def build(db, language: str = "en") -> StationApp:
        app = StationApp(db, language)
        app.window.resize(1600, 900)
        app.window.show()
        app.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        opened.append((app, db))
        return app

    yield build
    for app, db in opened:
        app.close()
        db.close()


@pytest.mark.gui
@pytest.mark.logs_errors
def test_disk_full_at_the_weight_shows_not_saved_and_the_pack_lands_when_space_is_back(
    window_on, small_disk, samples, qtbot, artifacts, caplog
):
    db = open_database(small_disk.root / "packline.db")
    app = window_on(db)
    scan("P0001")
    sample, following = samples["ready"][0], samples["ready"][1]
    scan(sample["order_no"])
    for item in sample["items"]:
        for _ in range(item["quantity"]):
            scan(item["barcode"])
    assert app.station.state.phase is Phase.WEIGHING
    qtbot.waitUntil(lambda: app.writer.pending == 0, timeout=5000)

    small_disk.fill(db)
    with caplog.at_level(logging.ERROR):
        app.window.packing.render(app.station.handle_weight(app.station.state.expected_g, "scale"))
        qtbot.waitUntil(lambda: banner(app)[1] == "error", timeout=10000)
    text = banner(app)[0]
    assert "NOT saved" in text and "disk is full" in text and sample["order_no"] in text
    assert "Packed" not in text and app.sounds.last_played == "error"
    assert app.window.packing.order_no.text() == sample["order_no"]  # the order stays on screen
    assert "Database problem" in app.window.status_bar.health_label.text()
    assert any("not saved yet" in r.getMessage() for r in caplog.records)
    app.window.grab().save(str(artifacts / "packing_disk_full_en.png"))

    scan(following["order_no"])  # refused, loudly, until the pack is saved
    assert app.window.packing.last_verdict.kind is VerdictKind.NOT_SAVED
    assert app.station.state.order.order_no == sample["order_no"]

    small_disk.free()
    qtbot.waitUntil(lambda: banner(app)[1] == "done", timeout=15000)
    assert "Packed" in banner(app)[0] and app.sounds.last_played == "complete"
    with db.session() as s:
        status = s.scalar(select(m.Order.status).where(m.Order.order_no == sample["order_no"]))
    assert status == "packed"
    scan(following["order_no"])
    assert app.station.state.order.order_no == following["order_no"]


@pytest.mark.gui
@pytest.mark.logs_errors
def test_a_damaged_database_turns_an_order_scan_into_a_red_banner(
    window_on, demo_db_path, samples, tmp_path, qtbot, caplog
):
    damaged = tmp_path / "damaged.db"
    shutil.copy(demo_db_path, damaged)
    damage_orders(damaged)
    app = window_on(open_database(damaged, upgrade=False))
    scan("P0001")
    assert app.window.pages.currentWidget() is app.window.packing
    with caplog.at_level(logging.ERROR):
        scan(samples["ready"][0]["order_no"])
    text, severity = banner(app)
    assert severity == "error" and app.sounds.last_played == "error"
    assert "cannot read its database" in text and "damaged" in text
    assert any("database_corrupt" in r.getMessage() for r in caplog.records)
