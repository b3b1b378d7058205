"""Packing video in the real station window (Shift+F3): a supervisor scans a parcel's waybill, the
clip of its pack plays with the timeline beside it, Enter on a scan plays from that moment, the
hash is checked against the record, Ctrl+E exports it; a packer is not let in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.store import models as m
from app.store.clips import find_clips
from tests.camera.test_evidence import record_pack
from tests.ui.test_packing_flow import scan, station_app  # noqa: F401 - the fixture
from tests.ui.test_rules_editor import press, sign_in

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


@pytest.mark.gui
def test_a_supervisor_finds_a_parcels_clip_by_its_waybill_and_plays_it_from_a_scan(
    station_app,  # noqa: F811
    demo_db,
    samples,
    camera,
    tmp_path,
    qtbot,
    artifacts,
):
    sample = samples["ready"][3]
    record_pack(demo_db, sample, camera, tmp_path)
    with demo_db.session() as s:
        waybill = s.scalar(select(m.Order.waybill_no).where(m.Order.order_no == sample["order_no"]))
    (record,) = find_clips(demo_db, waybill)
    app = station_app("zh_CN")
    window, view = app.window, app.window.clip_view

    sign_in(app, "P0001")
    press(qtbot, app, window.packing.entry, Qt.Key.Key_F3, SHIFT)
    assert window.pages.currentWidget() is window.packing  # a packer: not customers' parcels
    app.station.sign_out()
    sign_in(app, "S0001")
    press(qtbot, app, window.packing.entry, Qt.Key.Key_F3, SHIFT)
    assert window.pages.currentWidget() is view
    qtbot.waitUntil(lambda: view.search.hasFocus())
    scan(waybill)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    assert view.clip is not None and view.clip.id == record.id
    qtbot.waitUntil(lambda: "SHA-256" in view.proof.text(), timeout=10_000)
    assert "NOT" not in view.proof.text() and "不" not in view.proof.text()
    moments = [t for t in record.timeline if t["t"] is not None]
    assert view.timeline.rowCount() == len(moments)
    qtbot.waitUntil(lambda: view.player.duration() > 0, timeout=10_000)

    last = len(moments) - 1  # the weight: the pack's last moment
    view.timeline.setFocus()
    view.timeline.selectRow(last)
    QTest.keyClick(view.timeline, Qt.Key.Key_Return)
    wanted = max(0, int(float(moments[last]["t"]) * 1000) - 1000)
    qtbot.waitUntil(lambda: abs(view.player.position() - wanted) < 800, timeout=10_000)
    QApplication.processEvents()
    window.grab().save(str(artifacts / "packing_video_zh_CN.png"))

    press(qtbot, app, view.timeline, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: ".mp4" in view.result.text(), timeout=20_000)
    exports = demo_db.path.parent / "exports"
    assert sorted(p.suffix for p in exports.iterdir()) == [".mp4", ".pdf"]

    press(qtbot, app, view.timeline, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is not view


@pytest.mark.gui
def test_a_waybill_with_no_clip_is_said_in_red(station_app, qtbot):  # noqa: F811
    app = station_app("en")
    sign_in(app, "S0001")
    press(qtbot, app, app.window.packing.entry, Qt.Key.Key_F3, SHIFT)
    view = app.window.clip_view
    qtbot.waitUntil(lambda: view.search.hasFocus())
    scan("SF0000000000000")
    qtbot.waitUntil(lambda: "No packing video found for SF0000000000000" in view.result.text(), timeout=5000)
    assert view.table.rowCount() == 0 and Path(".").exists()


@pytest.mark.gui
def test_the_returns_desk_shows_and_plays_the_clip_of_the_pack_it_receives_against(
    station_app,  # noqa: F811
    demo_db,
    samples,
    camera,
    tmp_path,
    qtbot,
):
    sample = samples["ready"][4]
    record_pack(demo_db, sample, camera, tmp_path)
    (record,) = find_clips(demo_db, sample["order_no"])
    app = station_app("zh_CN")
    window, returns = app.window, app.window.returns_view
    sign_in(app, "P0002")  # a packer at the returns desk: the clip of the return in hand
    press(qtbot, app, window.packing.entry, Qt.Key.Key_F2, SHIFT)
    assert window.pages.currentWidget() is returns
    scan(sample["order_no"])
    qtbot.waitUntil(lambda: "打包视频" in returns.record.text() and "F3" in returns.record.text())
    press(qtbot, app, returns.entry, Qt.Key.Key_F3)
    assert window.pages.currentWidget() is window.clip_view
    qtbot.waitUntil(lambda: window.clip_view.clip is not None, timeout=5000)
    assert window.clip_view.clip.id == record.id
    press(qtbot, app, window.clip_view.table, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is returns  # back to the return, still open
    assert returns.desk.state.record is not None
