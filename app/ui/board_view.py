"""The floor board: how the packers and stations are doing today or this week, fairly (work units
weigh an order by what packing it took), the orders per hour as a chart, the open orders by ship-by
deadline and carrier, what must go with each carrier's next pick-up and whether the floor makes it
at its pace, the waves in progress, every station's sync, printers, scanner and scale. A tab of the
supervisor desk (Ctrl+5), and on its own a read-only wall screen for a TV on the floor
(`packline --wall`). It refreshes itself every few seconds while it shows; the reads run off the
GUI thread.

Keys (on the desk): Ctrl+D today, Ctrl+W this week, Ctrl+S the figures as CSV and XLSX, Ctrl+P the board as
a PNG and a PDF report (into the data folder's exports/).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QMarginsF, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.board_desk import BoardDesk
from app.core.changes import Change, ChangeNotice
from app.core.performance import Errors, Row, ranked, row, window_hours
from app.core.pickups import forecast, pace
from app.runner import Answer, Operations
from app.store.db import Database
from app.store.floor import (
    Board,
    StationHealth,
)
from app.ui.changes import Redraw
from app.ui.pages import scrolling
from app.ui.status_bar import device_problem, printer_problem
from app.ui.tables import ListRow, ListTable, list_table, row_of
from scanner.model import DeviceCause
from sync import protocol as p
from sync.client import SyncClient

log = logging.getLogger(__name__)

# Read again on a timer only for what no notice of this station's brings: the server's floor
# (other stations' packs and devices: a pulled cable shows within seconds), and time itself (the
# pace, the next truck), once a minute when the board is this station's alone.
FLOOR_MS = 5000
TIME_MS = 60_000
BOARD_MIN_PX = 880  # the tables a few rows each and both charts readable
WALL_STYLE = """
QLabel { font-size: 30px; }
QLabel#headline { font-size: 34px; font-weight: 700; }
QTableView { font-size: 30px; }
QHeaderView::section { font-size: 24px; }
"""
ONLINE_S = 120
COLUMNS = 13
RED, GREY = "#c62828", "#757575"
DEVICE_COLUMNS = (p.DeviceKind.PRINTER, p.DeviceKind.SCANNER, p.DeviceKind.SCALE, p.DeviceKind.CAMERA)
DEVICE_CAUSES = {cause.value for cause in DeviceCause}


class BoardView(QWidget):
    reported = Signal(str, bool)  # a line for the desk's result (an export written, a failure)

    def __init__(
        self,
        db: Database,
        ops: Operations,
        exports: Path,
        wall: bool = False,
        parent: QWidget | None = None,
        station: Callable[[], str] = lambda: "",
        server: Callable[[], SyncClient | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.wall = wall
        self.desk = BoardDesk(db, ops, exports, station, server)
        self.headline = QLabel(objectName="headline")
        self.headline.setWordWrap(True)
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.packers = list_table(COLUMNS)
        self.stations = list_table(COLUMNS)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(120)
        # Customer value: how many customers are in each lifecycle stage (the server's segments).
        self.segments_chart = QChart()
        self.segments_chart.legend().hide()
        self.segments_view = QChartView(self.segments_chart)
        self.segments_view.setMinimumHeight(100)
        # The stages change when the server's nightly run tags customers, which a pull brings.
        self.segments_redraw = Redraw(
            frozenset({Change.CUSTOMERS}), lambda: self.wall or self.isVisible(), self.refresh_segments, self
        )
        self.packers_title, self.stations_title = QLabel(objectName="headline"), QLabel(objectName="headline")
        tables = QVBoxLayout()
        tables.addWidget(self.packers_title)
        tables.addWidget(self.packers, 3)
        tables.addWidget(self.stations_title)
        tables.addWidget(self.stations, 2)
        self.health_title = QLabel(objectName="headline")
        self.health = list_table(6)  # each station's sync, printers, scanner, scale and camera
        for column in (2, 3, 4):  # a device's trouble in its own words, wrapped within its column
            self.health.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.health.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.health.setWordWrap(True)
        tables.addWidget(self.health_title)
        tables.addWidget(self.health, 2)
        self.pickups_title = QLabel(objectName="headline")
        self.pickups = list_table(9)
        charts = QVBoxLayout()
        charts.addWidget(self.pickups_title)
        charts.addWidget(self.pickups, 3)
        charts.addWidget(self.chart_view, 3)
        charts.addWidget(self.segments_view, 2)
        middle = QHBoxLayout()
        middle.addLayout(tables, 3)
        middle.addLayout(charts, 2)
        # The board is read, not worked in: where a screen is shorter than the board needs to show
        # its tables and charts usefully (a 720-line desk), it scrolls inside its own pane.
        body = QWidget()
        body.setMinimumHeight(BOARD_MIN_PX)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.deadlines)
        layout.addLayout(middle, 1)
        self.body = scrolling(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body)
        if wall:
            # Read across a floor: type sized from the screen's height (36 px on a 1080-line TV).
            self.setStyleSheet(WALL_STYLE)
        self.floor_ms, self.time_ms = FLOOR_MS, TIME_MS
        self.timer = QTimer(self)
        self.timer.setInterval(self.floor_ms)  # until the first read says whether there is a server
        self.timer.timeout.connect(self.refresh)
        # This station's writes and pulls: read again (once for a burst of them) when they touch it.
        self.redraw = Redraw(
            frozenset({Change.PACKS, Change.ORDERS, Change.WAVES, Change.EXCEPTIONS, Change.HANDOVERS}),
            lambda: self.wall or self.isVisible(),
            self.refresh,
            self,
        )
        self.retranslate()

    # --- data -----------------------------------------------------------------------------------

    # What the desk holds, as the window and the tests reach it.
    @property
    def board(self) -> Board | None:
        return self.desk.board

    @property
    def week(self) -> bool:
        return self.desk.week

    @property
    def segment_counts(self) -> dict[str, int]:
        return self.desk.segment_counts

    def window(self) -> tuple[datetime, datetime]:
        return self.desk.window()

    def start(self) -> None:
        self.refresh()
        self.refresh_segments()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.desk.stop()

    def refresh_segments(self) -> None:
        """Customers per stage: read when the board opens and when a pull brought customers."""

        self.desk.refresh_segments(
            lambda answer: self._segments_chart() if answer.value is not None else None
        )

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()  # the tab left, the window closing
        super().hideEvent(event)

    def set_week(self, week: bool) -> None:
        self.desk.week = week
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible() and not self.wall:
            self.timer.stop()
            return
        self.desk.refresh(self._shown)

    def hear(self, notice: ChangeNotice) -> None:
        self.redraw.hear(notice)
        self.segments_redraw.hear(notice)

    def _shown(self, answer: Answer[Board]) -> None:
        if answer.value is None:
            self.headline.setText(self.tr("The board could not be read — see the log"))
            return
        self.timer.setInterval(self.time_ms if answer.value.source == "station" else self.floor_ms)
        self._render()

    # --- output ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        headers = [
            self.tr("Name"),
            self.tr("Orders"),
            self.tr("Orders/h"),
            self.tr("Work/h (fair)"),
            self.tr("Units/h"),
            self.tr("Items/order"),
            self.tr("s/order"),
            self.tr("s/item"),
            self.tr("Wrong scans"),
            self.tr("Weight fails"),
            self.tr("Overrides · holds"),
            self.tr("Accuracy"),
            self.tr("This hour"),
        ]
        self.packers.set_headers(headers)
        self.stations.set_headers(headers)
        self.packers_title.setText(self.tr("Packers, best fair throughput first"))
        self.stations_title.setText(self.tr("Stations"))
        self.health_title.setText(self.tr("Stations' sync and devices"))
        self.health.set_headers(
            [self.tr("Station"), self.tr("Sync"), self.tr("Printers"), self.tr("Scanner"), self.tr("Scale"),
             self.tr("Camera")]
        )  # fmt: skip
        self.pickups_title.setText(self.tr("Carrier pick-ups: what must go on the next truck"))
        self.pickups.set_headers(
            [self.tr("Carrier"), self.tr("Pick-up"), self.tr("In"), self.tr("Must go"), self.tr("Open"),
             self.tr("Make it"), self.tr("Miss it"), self.tr("At the dock"), self.tr("Went today")]
        )  # fmt: skip
        self.chart.setTitle(self.tr("Orders packed per hour, and mistakes per 100 units"))
        self.segments_chart.setTitle(self.tr("Customers by lifecycle stage"))
        self._segments_chart()
        self.chart.legend().show()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rows(self) -> tuple[list[Row], list[Row]]:
        if self.board is None:
            return [], []
        hours = window_hours(self.window())
        b = self.board
        packers = ranked(
            row(k, t, hours, b.errors_by_packer.get(k, Errors())) for k, t in b.by_packer.items()
        )
        stations = ranked(
            row(k, t, hours, b.errors_by_station.get(k, Errors())) for k, t in b.by_station.items()
        )
        return packers, stations

    def _render(self) -> None:
        b = self.board
        if b is None:
            self.headline.setText(self.tr("Reading the board…"))
            return
        packers, stations = self.rows()
        orders = sum(r.orders for r in stations)
        units = sum(r.units for r in stations)
        period = self.tr("This week") if self.week else self.tr("Today")
        self.headline.setText(
            self.tr(
                "{period}: {orders} order(s), {units} unit(s) packed · {waves} wave(s) in progress · {time}"
            ).format(
                period=period,
                orders=orders,
                units=units,
                waves=b.waves_in_progress,
                time=b.read_at.astimezone().strftime("%H:%M:%S"),
            )
            + " · "
            + {
                "station": self.tr("this station"),
                "server": self.tr("every station"),
                "offline": self.tr("this station only: the server did not answer"),
            }[b.source]
        )
        self.deadlines.setText(self._deadlines_text(b))
        self._fill_health(b)
        self._fill_pickups(b)
        _fill(self.packers, packers, b.this_hour_by_packer)
        _fill(self.stations, stations, b.this_hour_by_station)
        self._chart(b)

    def _deadlines_text(self, b: Board) -> str:
        names = {
            "overdue": self.tr("overdue"),
            "2h": self.tr("within 2 h"),
            "4h": self.tr("within 4 h"),
            "today": self.tr("within 24 h"),
            "later": self.tr("later"),
            "none": self.tr("no deadline"),
        }
        parts = []
        for carrier, buckets in sorted(b.open_orders.items()):
            shown = [f"{names[k]} {buckets[k]}" for k in names if buckets.get(k)]
            parts.append(f"{carrier}: " + ", ".join(shown))
        if not parts:
            return self.tr("No open orders")
        return self.tr("Open orders by ship-by deadline — {carriers}").format(carriers=" · ".join(parts))

    def _fill_health(self, b: Board) -> None:
        """Each station: its sync state (online when the server heard from it in the last two
        minutes; a station asks at least every 30 s) and its devices as it last reported them."""
        rows = sorted(b.stations.items())
        self.health_title.setText(
            self.tr("Stations' sync and devices")
            if rows
            else self.tr("Stations' sync and devices: shown when there is a server")
        )
        shown = []
        for station, health in rows:
            last = health.last_seen
            heard = last is not None and (b.read_at - last).total_seconds() <= ONLINE_S
            if heard:
                sync, bad = self.tr("online"), False
            elif last is not None:
                when = last.astimezone().strftime("%m-%d %H:%M")
                sync, bad = self.tr("last synced {time}").format(time=when), True
            elif b.source == "station":
                sync, bad = self.tr("no server"), False
            elif b.source == "offline":
                sync, bad = self.tr("server not answering"), True
            else:
                sync, bad = self.tr("never synced"), True
            cells = [(station, None, ""), (sync, RED if bad else None, "")]
            cells += [self._devices_cell(health, kind, health.here or heard) for kind in DEVICE_COLUMNS]
            shown.append(_coloured_row(station, cells))
        self.health.show_rows(shown)

    def _devices_cell(
        self, health: StationHealth, kind: p.DeviceKind, online: bool
    ) -> tuple[str, str | None, str]:
        """The cell's text in this desk's language, its colour, and the devices' own words as
        its tooltip."""
        devices = [d for d in health.devices if d.kind is kind]
        if health.devices_at is None:
            return self.tr("not reported"), GREY, ""
        if not devices:
            return (
                self.tr("keyboard") if kind is p.DeviceKind.SCANNER else
                self.tr("typed in") if kind is p.DeviceKind.SCALE else self.tr("none"), GREY, "",
            )  # fmt: skip
        roles = {"label": self.tr("label"), "insert": self.tr("insert"), "slip": self.tr("slip")}
        words = {
            p.DeviceHealth.READY: self.tr("ready"),
            p.DeviceHealth.CONNECTING: self.tr("connecting…"),
            p.DeviceHealth.PROBLEM: self.tr("PROBLEM"),
        }
        parts, details = [], []
        for d in devices:
            why = ""
            if d.health is p.DeviceHealth.PROBLEM:
                problem = (
                    printer_problem(d.cause) if kind is p.DeviceKind.PRINTER
                    else device_problem(DeviceCause(d.cause)) if d.cause in DEVICE_CAUSES else ""
                )  # fmt: skip
                why = f" ({problem})" if problem else ""
                if d.detail:
                    details.append(f"{d.name}: {d.detail}")
            text = words[d.health] + why
            parts.append(f"{roles.get(d.name, d.name)} {text}" if kind is p.DeviceKind.PRINTER else text)
        text = " · ".join(parts)
        if not online:
            when = health.devices_at.astimezone().strftime("%H:%M")
            text += " · " + self.tr("as of {time}").format(time=when)
        problem = any(d.health is p.DeviceHealth.PROBLEM for d in devices)
        tip = "\n".join([text, *details]) if details else ""
        return text, RED if problem else GREY if not online else None, tip

    def _fill_pickups(self, b: Board) -> None:
        """Each carrier's next truck: the open orders that must go on it (ship-by before the truck
        after), and at the floor's pace lately, how many make it and how many miss it."""
        if not b.pickups:
            self.pickups_title.setText(
                self.tr("Carrier pick-ups: none set (the office gives each carrier its pick-up times)")
            )
            self.pickups.show_rows([])
            return
        self.pickups_title.setText(self.tr("Carrier pick-ups: what must go on the next truck"))
        now = b.read_at.astimezone()
        rows = forecast(b.pickups, pace(b.orders_by_utc_hour, now), now)
        shown = []
        for f in rows:
            left = max(0, int((f.pickup.at - now).total_seconds() // 60))
            when = f.pickup.at.astimezone()
            day = "" if when.date() == now.date() else self.tr("tomorrow") + " "
            values: list[object] = [
                f.pickup.carrier, day + when.strftime("%H:%M"),
                self.tr("{hours} h {minutes} min").format(hours=left // 60, minutes=left % 60),
                f.pickup.due, f.pickup.open,
                "—" if f.packed_in_time is None else f.packed_in_time,
                "—" if f.late is None else f.late,
                f.pickup.packed, f.pickup.went,
            ]  # fmt: skip
            cells = [(str(v), RED if column == 6 and f.late else None, "") for column, v in enumerate(values)]
            shown.append(_coloured_row(f.pickup.carrier, cells))
        self.pickups.show_rows(shown)

    def _segments_chart(self) -> None:
        self.segments_chart.removeAllSeries()
        for axis in self.segments_chart.axes():
            self.segments_chart.removeAxis(axis)
        names = {
            "new": self.tr("new"),
            "growing": self.tr("growing"),
            "mature": self.tr("mature"),
            "at_risk": self.tr("at risk"),
            "lost": self.tr("lost"),
        }
        bars = QBarSet(self.tr("Customers"))
        for stage in names:
            bars.append(self.segment_counts.get(stage, 0))
        series = QBarSeries()
        series.append(bars)
        self.segments_chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(list(names.values()))
        y = QValueAxis()
        y.setRange(0, max([*self.segment_counts.values(), 1]) * 1.15 + 1)
        y.setLabelFormat("%d")
        y.applyNiceNumbers()
        self.segments_chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.segments_chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _chart(self, b: Board) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        hours = sorted(b.by_hour)
        bars = QBarSet(QCoreApplication.translate("BoardView", "Orders"))
        for hour in hours:
            bars.append(b.by_hour[hour].orders)
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(hours or ["—"])
        y = QValueAxis()
        y.setRange(0, max([b.by_hour[h].orders for h in hours] or [1]) * 1.15 + 1)
        y.setLabelFormat("%d")
        y.applyNiceNumbers()  # whole numbers on the ticks
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        # The error-rate trend: mistakes caught at this station's benches per 100 units packed.
        rate = QLineSeries()
        rate.setName(QCoreApplication.translate("BoardView", "Mistakes per 100 units"))
        worst = 0.0
        for i, hour in enumerate(hours):
            errors = b.errors_by_hour.get(hour)
            units = b.by_hour[hour].units
            value = 100.0 * (errors.wrong_items + errors.weight_failures) / units if errors and units else 0.0
            worst = max(worst, value)
            rate.append(i, value)
        self.chart.addSeries(rate)
        y2 = QValueAxis()
        y2.setRange(0, max(5.0, worst * 1.2))
        y2.setLabelFormat("%.1f")
        self.chart.addAxis(y2, Qt.AlignmentFlag.AlignRight)
        rate.attachAxis(x)
        rate.attachAxis(y2)

    # --- exports --------------------------------------------------------------------------------

    def export_csv(self) -> tuple[Path, Path] | None:
        """The packers' and stations' figures as CSV and as an XLSX sheet, side by side."""
        packers, stations = self.rows()
        if not packers and not stations:
            self.reported.emit(self.tr("Nothing packed in this period yet"), False)
            return None
        header = ["kind", "name", "orders", "orders_per_hour", "work_per_hour", "units_per_hour",
                  "items_per_order", "seconds_per_order", "seconds_per_item", "wrong_scans",
                  "weight_failures", "overrides", "holds", "accuracy_pct", "orders_this_hour"]  # fmt: skip
        b = self.board
        table = [
            [kind, *_values(r, raw=True), now.get(r.key, 0)]
            for kind, rows, now in (
                ("packer", packers, b.this_hour_by_packer if b else {}),
                ("station", stations, b.this_hour_by_station if b else {}),
            )
            for r in rows
        ]
        path, sheet_path = self.desk.export_figures(header, table)
        self.reported.emit(self.tr("Written: {path}").format(path=f"{path}, {sheet_path}"), True)
        return path, sheet_path

    def export_report(self) -> tuple[Path, Path]:
        """The board as it shows, as a PNG and as a one-page PDF (a shift's report)."""
        png, pdf = self._path("png"), self._path("pdf")
        picture = self.grab()
        picture.save(str(png))
        writer = QPdfWriter(str(pdf))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        writer.setPageMargins(QMarginsF(10, 10, 10, 10))
        writer.setResolution(150)
        painter = QPainter(writer)
        area = painter.viewport()
        scaled = picture.scaled(
            area.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawPixmap(0, 0, scaled)
        painter.end()
        self.reported.emit(self.tr("Written: {path}").format(path=f"{png}, {pdf}"), True)
        return png, pdf

    def _path(self, suffix: str) -> Path:
        return self.desk.export_path(suffix)


def _values(r: Row, raw: bool = False) -> list[object]:
    fmt: Callable[[float, int], object] = (lambda v, d: round(v, d)) if raw else (lambda v, d: f"{v:.{d}f}")
    return [
        r.key, r.orders, fmt(r.orders_per_hour, 1), fmt(r.work_per_hour, 1), fmt(r.units_per_hour, 1),
        fmt(r.items_per_order, 1), fmt(r.seconds_per_order, 0), fmt(r.seconds_per_item, 0),
        r.errors.wrong_items, r.errors.weight_failures,
        f"{r.overrides} · {r.held}" if not raw else r.overrides, *( [r.held] if raw else [] ),
        fmt(r.accuracy_pct, 1) if raw else f"{r.accuracy_pct:.1f} %",
    ]  # fmt: skip


def _coloured_row(key: str, cells: list[tuple[str, str | None, str]]) -> ListRow:
    """A row of (text, colour, tooltip) cells; red ones in bold, so trouble reads from across the floor."""
    return ListRow(
        key,
        tuple(text for text, _, _ in cells),
        colours=tuple(colour for _, colour, _ in cells),
        bold=tuple(i for i, (_, colour, _) in enumerate(cells) if colour == RED),
        tips=tuple(tip for _, _, tip in cells),
    )


def _fill(table: ListTable, rows: list[Row], this_hour: dict[str, int]) -> None:
    table.show_rows([row_of(r.key, *_values(r), this_hour.get(r.key, 0)) for r in rows])
