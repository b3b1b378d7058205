"""The floor board on the supervisor desk: packs at the benches show up in it by themselves, per
packer and station, fairly weighed; the CSV and the shift report are written."""

from __future__ import annotations

import csv
from datetime import UTC
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.core.changes import after_pull
from app.core.pack_session import VerdictKind
from app.store import models as m
from tests.test_station import make_station, pack_fully
from tests.ui.test_packing_flow import wrong_barcode
from tests.ui.test_rules_editor import desk, press, sign_in  # noqa: F401 (the fixture)

CTRL = Qt.KeyboardModifier.ControlModifier


def pack_as(db, badge: str, samples_to_pack, wrong: str | None = None) -> None:
    station, writer = make_station(db)
    station.sign_in_badge(badge)
    for number, sample in enumerate(samples_to_pack):
        if wrong is not None and number == 0:  # one item of another order scanned into the first
            station.handle_scan(sample["order_no"])
            assert station.handle_scan(wrong).kind is VerdictKind.WRONG_ITEM
        assert pack_fully(station, sample).kind is VerdictKind.PACKED
    writer.close()


@pytest.mark.gui
def test_the_board_shows_the_floor_updates_by_itself_and_exports(desk, demo_db, samples, qtbot, artifacts):  # noqa: F811
    ready = samples["ready"]
    with demo_db.session() as s, s.begin():  # the server's segment tags, as a pull brings them
        for n, customer in enumerate(s.scalars(select(m.Customer).order_by(m.Customer.id).limit(10))):
            customer.tags = [*customer.tags, "stage:mature" if n < 7 else "stage:at_risk"]
    pack_as(demo_db, "P0001", ready[:2], wrong=wrong_barcode(samples, ready[0]))
    pack_as(demo_db, "P0002", ready[2:3])
    sign_in(desk, "S0001")
    window, view = desk.window, desk.window.desk
    press(qtbot, desk, window.packing.entry, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, desk, view.plan_tab.orders_table, Qt.Key.Key_5, CTRL)
    board = view.board
    qtbot.waitUntil(lambda: board.packers.rowCount() == 2, timeout=5000)
    assert "3 order(s)" in board.headline.text()
    packers = {board.packers.text(r, 0): r for r in range(2)}
    first = packers[desk.station.store.operator_by_badge("P0001").name]
    assert board.packers.text(first, 1) == "2"
    assert board.packers.text(first, 8) == "1"  # the wrong scan
    # This clock hour's orders: the packs that ended in the hour the board was read in (both, unless
    # the test ran across an hour's turn).
    hour = board.board.read_at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    with demo_db.session() as s:
        this_hour = s.scalar(
            select(func.count())
            .select_from(m.PackSession)
            .join(m.Operator, m.Operator.id == m.PackSession.operator_id)
            .where(
                m.Operator.badge_code == "P0001",
                m.PackSession.status == "packed",
                m.PackSession.ended_at >= hour,
            )
        )
    assert board.packers.text(first, 12) == str(this_hour) and this_hour in (0, 1, 2)
    assert board.stations.rowCount() == 1 and board.stations.text(0, 1) == "3"
    assert len(board.chart.series()) == 2  # orders per hour, and the mistakes' rate
    assert "Open orders" in board.deadlines.text()
    qtbot.waitUntil(lambda: board.segment_counts == {"mature": 7, "at_risk": 3}, timeout=5000)
    (stages,) = board.segments_chart.series()
    assert [stages.barSets()[0].at(i) for i in range(5)] == [0, 0, 7, 3, 0]
    # The nightly run tags another customer; the pull that brings it is heard and the chart follows.
    with demo_db.session() as s, s.begin():
        customer = s.scalars(select(m.Customer).order_by(m.Customer.id).offset(10).limit(1)).one()
        customer.tags = [*customer.tags, "stage:lost"]
    desk.changes.notify(after_pull(["customer"]))
    qtbot.waitUntil(lambda: board.segment_counts == {"mature": 7, "at_risk": 3, "lost": 1}, timeout=5000)
    # A pack at this station's bench: the board hears it and shows it without anyone asking (its
    # own timer is a minute away: only time changes the picture of a station without a server).
    assert board.timer.interval() == board.time_ms
    reads = board.redraw.redraws
    assert pack_fully(desk.station, ready[3]).kind is VerdictKind.PACKED
    qtbot.waitUntil(lambda: "4 order(s)" in board.headline.text(), timeout=5000)
    assert board.redraw.redraws == reads + 1
    press(qtbot, desk, board.packers, Qt.Key.Key_S, CTRL)
    written, sheet = view.result.text().split("Written: ", 1)[1].strip().split(", ")
    with open(written, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    from openpyxl import load_workbook

    cells = [[c.value for c in r] for r in load_workbook(sheet).active.iter_rows()]
    assert cells[0][:3] == ["kind", "name", "orders"] and len(cells) == len(rows) + 1
    assert sum(r[2] for r in cells[1:] if r[0] == "packer") == 4
    assert {r["kind"] for r in rows} == {"packer", "station"} and sum(
        int(r["orders"]) for r in rows if r["kind"] == "packer"
    ) == 4
    QApplication.processEvents()
    press(qtbot, desk, board.packers, Qt.Key.Key_P, CTRL)
    png, pdf = view.result.text().split("Written: ", 1)[1].split(", ")
    assert Path(pdf.strip()).read_bytes()[:5] == b"%PDF-" and Path(png.strip()).read_bytes()[:4] == b"\x89PNG"
    window.grab().save(str(artifacts / "board_en.png"))
    press(qtbot, desk, board.packers, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: "This week" in board.headline.text(), timeout=5000)


@pytest.mark.gui
def test_the_wall_screen_refreshes_by_itself_and_reads_only(demo_db, samples, qtbot, tmp_path):
    from app.runner import Operations
    from app.ui.board_view import BoardView
    from app.ui.changes import WATCH_MS, ChangeHub, DatabaseWatcher
    from app.ui.tasks import GuiPoster

    poster = GuiPoster()
    ops = Operations(poster.post, None)  # no writer: the wall writes nothing
    wall = BoardView(demo_db, ops, tmp_path, wall=True)
    qtbot.addWidget(wall)
    hub = ChangeHub()  # as the wall runs: the station's commits heard by the database's counter
    hub.changed.connect(wall.hear)
    watcher = DatabaseWatcher(demo_db.path, ops, hub).start()
    wall.show()
    wall.start()
    qtbot.waitUntil(lambda: "0 order(s)" in wall.headline.text(), timeout=5000)
    assert wall.timer.interval() == wall.time_ms  # a minute: the pack below is heard, not polled
    qtbot.wait(2 * WATCH_MS)  # the watcher has its first reading
    pack_as(demo_db, "P0001", samples["ready"][:1])  # the station, on its own connections
    qtbot.waitUntil(lambda: "1 order(s)" in wall.headline.text(), timeout=5000)
    watcher.stop()
    assert wall.packers.rowCount() == 1
    # No server and no devices of its own: no station's devices to show, and it says why.
    assert wall.health.rowCount() == 0 and "server" in wall.health_title.text()
    assert wall.pickups.rowCount() == 8  # the demo warehouse's carriers, each with its next truck
    wall.hide()
    assert not wall.timer.isActive()
    ops.close(wait=True)
