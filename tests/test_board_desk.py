"""The floor board's controller without Qt (app/board_desk.py): what it reads from the station and
the server, what it says when the server is away, and the figures it writes out."""

from __future__ import annotations

import csv

from openpyxl import load_workbook

from app.board_desk import BoardDesk
from app.runner import Answer, Operations
from sync.client import ServerConfig, SyncClient
from tests.sync.servers import free_port
from tests.ui.test_board import pack_as


def test_the_board_reads_this_station_and_says_when_the_server_is_away(demo_db, samples, tmp_path):
    pack_as(demo_db, "P0001", samples["ready"][:2])
    desk = BoardDesk(demo_db, Operations.immediate(), tmp_path / "exports", station=lambda: "PACK-01")
    told: list[Answer] = []
    desk.refresh(told.append)
    (answer,) = told
    assert answer.ok and desk.board is answer.value and desk.board.source == "station"
    assert sum(totals.orders for totals in desk.board.by_packer.values()) == 2
    desk.week = True
    since_week, _ = desk.window()
    desk.week = False
    assert desk.window()[0] >= since_week  # today starts within this week

    gone = f"http://127.0.0.1:{free_port()}"  # nothing listens: the server is away
    desk.server = lambda: SyncClient(ServerConfig(gone, "plt_token"))
    desk.refresh(told.append)
    assert told[-1].ok and desk.board.source == "offline"  # this station's figures, marked
    assert sum(totals.orders for totals in desk.board.by_packer.values()) == 2

    desk.refresh_segments(told.append)
    assert told[-1].ok and desk.segment_counts == told[-1].value


def test_the_figures_are_written_as_csv_and_xlsx_side_by_side(demo_db, tmp_path):
    desk = BoardDesk(demo_db, Operations.immediate(), tmp_path / "exports")
    header = ["kind", "name", "orders"]
    table = [["packer", "张三 Zhang San", 12], ["station", "PACK-01", 12]]
    csv_path, sheet_path = desk.export_figures(header, table)
    assert csv_path.parent == tmp_path / "exports" and csv_path.name.startswith("board-day-")
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        written = list(csv.reader(f))
    assert written == [header, ["packer", "张三 Zhang San", "12"], ["station", "PACK-01", "12"]]
    rows = [[c.value for c in r] for r in load_workbook(sheet_path).active.iter_rows()]
    assert rows == [header, *table]
