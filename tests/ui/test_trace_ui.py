"""Traced goods in the real bench window: a GS1 scan with too little shelf life is red with the
days, a recalled lot is red, a serial-label SKU asks for its label by name, and the label counts it."""

from __future__ import annotations

from datetime import date

import pytest

from app.store.demo_traced import scans
from tests.ui.test_packing_flow import banner, scan, station_app  # noqa: F401 - the fixture


def scan_for(what: str) -> str:
    return next(row["scan"] for row in scans(date.today()) if row["what"].startswith(what))


@pytest.mark.gui
def test_the_bench_refuses_short_dated_and_recalled_units_and_asks_for_a_serial_label(
    station_app,  # noqa: F811 - the fixture
    qtbot,
    artifacts,
):
    app = station_app("zh_CN")
    scan("P0001")
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.window.packing)
    scan("PLT-0001")
    qtbot.waitUntil(lambda: "PLT-0001" in banner(app)[0])
    scan(scan_for("cream with 23 days left"))
    qtbot.waitUntil(lambda: "效期不足" in banner(app)[0])
    text, severity = banner(app)
    assert "剩 23 天" in text and "≥ 60 天" in text and severity == "error"
    app.window.grab().save(str(artifacts / "trace_shelf_life_zh_CN.png"))
    scan(scan_for("cream of the recalled lot"))
    qtbot.waitUntil(lambda: "召回批次" in banner(app)[0])
    assert banner(app)[1] == "error" and app.station.state.counts == (0,)
    scan(scan_for("cream, lot L2027B"))
    qtbot.waitUntil(lambda: app.station.state.counts == (1,))
    scan("#PL:CLOSE")
    qtbot.waitUntil(lambda: app.station.state.order is None)

    scan("PLT-0003")
    qtbot.waitUntil(lambda: app.station.state.order is not None)
    scan(scan_for("router's EAN"))
    qtbot.waitUntil(lambda: "序列号" in banner(app)[0])
    assert banner(app)[1] == "prompt" and app.station.state.counts == (0,)
    app.window.grab().save(str(artifacts / "trace_serial_label_zh_CN.png"))
    scan(scan_for("the router's serial label"))
    qtbot.waitUntil(lambda: app.station.state.counts == (1,))
    assert app.station.state.units[0].unit.serial == "RT-AX3000-0001"
