"""The running station syncs in the background: a pack reaches the server without anyone asking,
the status bar says where sync stands, and F11 syncs now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.sync_service import register
from app.ui.application import StationApp, make_qapp
from sync import protocol as p
from tests.ui.test_printing_flow import pack


@pytest.mark.gui
def test_a_pack_syncs_by_itself_and_the_status_bar_follows_the_server(
    seeded, demo_db, samples, qtbot, tmp_path, artifacts
):
    make_qapp()
    register(demo_db, seeded.url, seeded.store.add_station("PACK-UI"))
    app = StationApp(demo_db, "en", data_dir=tmp_path)
    try:
        app.window.resize(1600, 900)
        app.window.show()
        app.station.sign_in_badge("P0001")
        app.window.on_signed_in(app.station.operator)
        label = app.window.status_bar.outbox_label
        qtbot.waitUntil(lambda: label.text().startswith("Synced"), timeout=20000)
        sample = samples["ready"][0]
        pack(app, sample)
        qtbot.waitUntil(
            lambda: (seeded.store.get(p.Kind.ORDER, sample["order_no"]) or {}).get("status") == "packed",
            timeout=15000,
        )
        assert seeded.store.get(p.Kind.ORDER, sample["order_no"])["packed_by"] == "PACK-UI"
        qtbot.waitUntil(lambda: "0 event(s) waiting" in label.text(), timeout=10000)
        app.window.grab().save(str(artifacts / "sync_online_en.png"))

        seeded.stop()
        QTest.keyClick(app.window.packing.entry, Qt.Key.Key_F11)
        qtbot.waitUntil(lambda: label.text().startswith("OFFLINE"), timeout=15000)
        assert "cannot reach the server ·" in label.text()  # said in words; the details in the tooltip
        assert "connection refused: is the server running?" in label.toolTip()
        pack(app, samples["ready"][1])  # packing goes on offline
        qtbot.waitUntil(lambda: "1 event(s) waiting" in label.text(), timeout=10000)
        app.window.grab().save(str(artifacts / "sync_offline_en.png"))
    finally:
        app.close()
