"""The floor board's controller: what the board reads and what it writes out, without Qt.

It reads this station's records (app.store.floor), every other station's figures from the server
when there is one (merged, this station's own rows from its own records), and this station's
devices as they stand; it counts customers per lifecycle stage; and it writes the packers' and
stations' figures as CSV and XLSX. Like the other desks (app/wave_desk.py), every read goes
through Operations and answers with an `Answer`; the view (app/ui/board_view.py) only renders what
this holds.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.core.performance import day_window, week_window
from app.runner import Answer, Operations
from app.store.db import Database
from app.store.floor import Board, board, merged, operator_names, segment_sizes, with_own_devices
from sync import protocol as p
from sync.client import SyncClient, SyncError

log = logging.getLogger(__name__)

LATEST = "floor-board"
SEGMENTS = "floor-board-segments"

Cell = object  # a figure as written: text or a number


class BoardDesk:
    def __init__(
        self,
        db: Database,
        ops: Operations,
        exports: Path,
        station: Callable[[], str] = lambda: "",
        server: Callable[[], SyncClient | None] = lambda: None,
    ) -> None:
        self.db, self.ops, self.exports = db, ops, exports
        self.station, self.server = station, server
        # This station's devices as they stand (the window's): None where there are none (the wall).
        self.own_devices: Callable[[], p.DeviceReport | None] = lambda: None
        self.week = False
        self.board: Board | None = None
        self.segment_counts: dict[str, int] = {}

    def window(self) -> tuple[datetime, datetime]:
        now = datetime.now().astimezone()
        return week_window(now) if self.week else day_window(now)

    def refresh(self, told: Callable[[Answer[Board]], None]) -> None:
        """The board for today (or this week), off the GUI thread: the server is asked on the
        network lane; a server that does not answer leaves this station's own figures, marked."""
        since, _now = self.window()
        own, connect, devices = self.station(), self.server, self.own_devices()

        def read() -> Board:
            return with_own_devices(from_server(board(self.db, since)), own, devices)

        def from_server(local: Board) -> Board:
            client = connect()
            if client is None:
                return local
            try:
                page = client.board(since)
            except SyncError as exc:
                log.info("the floor board shows this station only: %s", exc)
                return replace(local, source="offline")
            finally:
                client.close()
            return merged(local, page, own, operator_names(self.db)) if page is not None else local

        def shown(answer: Answer[Board]) -> None:
            if answer.value is not None:
                self.board = answer.value
            told(answer)

        self.ops.network(read, shown, what="reading the floor board", latest=LATEST)

    def refresh_segments(self, told: Callable[[Answer[dict[str, int]]], None]) -> None:
        """Customers per lifecycle stage, from the segment tags the server wrote."""

        def shown(answer: Answer[dict[str, int]]) -> None:
            if answer.value is not None:
                self.segment_counts = answer.value
            told(answer)

        self.ops.query(
            lambda: segment_sizes(self.db), shown, what="counting customer segments", latest=SEGMENTS
        )

    def stop(self) -> None:
        """Answers still on their way are for a board no one looks at."""
        self.ops.drop(LATEST)
        self.ops.drop(SEGMENTS)

    def export_figures(self, header: Sequence[str], table: Sequence[Sequence[Cell]]) -> tuple[Path, Path]:
        """The figures as a CSV (UTF-8 with a BOM, for Excel) and an XLSX sheet, side by side."""
        path = self.export_path("csv")
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(table)
        sheet_path = path.with_suffix(".xlsx")
        from openpyxl import Workbook  # loaded when a sheet is written, not at start-up

        book = Workbook()
        sheet = book.active
        sheet.title = "board"
        sheet.append(list(header))
        for line in table:
            sheet.append(list(line))
        book.save(sheet_path)
        return path, sheet_path

    def export_path(self, suffix: str) -> Path:
        self.exports.mkdir(parents=True, exist_ok=True)
        period = "week" if self.week else "day"
        return self.exports / f"board-{period}-{datetime.now().astimezone():%Y%m%d-%H%M%S}.{suffix}"
