"""A real floor's load on the station, each figure against a baseline measured in the same run:

- the supervisor desk on a busy day (tests/busy_day.py): the longest the GUI thread is busy with
  one event while a tab opens or refreshes, against a bare QTableView showing the same rows;
- memory over a shift: the bench packs 2,000 orders in one process (labels rendered, the label
  preview on) and the resident memory's growth per pack;
- cold start to a signed-in bench against a bare PySide6 window, each a fresh process.

Run with `python -m tests.benchmarks.run --only floor`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.timing import percentile

ROOT = Path(__file__).resolve().parents[2]
BARE_WINDOW = (
    "import os, sys\n"
    "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
    "from PySide6.QtWidgets import QApplication, QLabel, QMainWindow\n"
    "app = QApplication(sys.argv[:1])\n"
    "window = QMainWindow(); window.setCentralWidget(QLabel('Packline')); window.show()\n"
    "app.processEvents()\n"
    "print('READY 0', flush=True)\n"
)


def _qt_env() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false;qt.multimedia*=false")


def _until(condition: Any, timeout_s: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not get there in time")
        QApplication.processEvents()
        time.sleep(0.002)


# --- the desk on a busy day ------------------------------------------------------------------------


def bench_desk(rounds: int = 8) -> dict[str, tuple[float, float]]:
    """Per desk tab: (p99 of the longest GUI-thread stall while it opens or refreshes, the same
    for a bare QTableView showing the same number of rows), in ms of the GUI thread's own CPU."""
    _qt_env()
    from tests.busy_day import busy_day, open_copy
    from tests.watchdog import WatchedApplication

    app = WatchedApplication.instance() or WatchedApplication([sys.argv[0]])
    assert isinstance(app, WatchedApplication), "the benchmark needs the watched application"
    app.limit_s = float(os.environ.get("PACKLINE_STALL_REPORT_S", "10"))  # measure, do not judge
    folder = Path(tempfile.mkdtemp(prefix="packline-busy-"))
    day = busy_day(ROOT / ".benchmarks" / "busy-day.db")
    db = open_copy(day.path, folder)

    from app.ui.application import StationApp
    from tests.ui.test_rules_editor import sign_in

    station = StationApp(db, "zh_CN", data_dir=folder / "data")
    window = station.window
    assert window is not None
    window.resize(1366, 768)
    window.show()
    sign_in(station, "S0001")
    desk = window.desk
    window.pages.setCurrentWidget(desk)
    results: dict[str, tuple[float, float]] = {}

    def measure(action: Any, done: Any) -> float:
        app.reset_watch()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, action)  # the action itself is an event, as a key press would be
        _until(done)
        for _ in range(5):  # the repaints that follow
            app.processEvents()
        return app.reset_watch().longest_cpu_s * 1000

    plan, waves, exceptions, board = desk.plan_tab, desk.waves_tab, desk.exceptions_tab, desk.board
    tabs: list[tuple[str, Any, Any, Any]] = [
        ("plan: open orders", lambda: plan.load_orders(), lambda: plan.orders_table.rowCount() > 0,
         lambda: plan.orders_table.rowCount()),
        ("waves", lambda: waves.refresh(), lambda: waves.waves_table.rowCount() > 0,
         lambda: waves.waves_table.rowCount()),
        ("exceptions", lambda: exceptions.load_exceptions(),
         lambda: exceptions.exceptions_table.rowCount() > 0, lambda: exceptions.exceptions_table.rowCount()),
        ("board", lambda: board.refresh(), lambda: board.board is not None,
         lambda: board.stations.rowCount() + board.packers.rowCount()),
    ]  # fmt: skip
    for index, (name, action, ready, rows) in enumerate(tabs):
        desk.tabs.setCurrentIndex((0, 1, 2, 4)[index])  # the tab shows, as a supervisor would see it
        desk_times, bare_times = [], []
        for _ in range(rounds):
            if name.startswith("plan"):
                plan.orders_table.show_rows([])
            elif name == "board":
                board.board = None
            desk_times.append(measure(action, ready))
            bare_times.append(_bare_table(app, rows(), 8 if name != "board" else 13))
        results[name] = (percentile(desk_times, 99), percentile(bare_times, 99))
    station.close()
    db.close()
    return results


def _bare_table(app: Any, rows: int, columns: int) -> float:
    """A QTableView over the least model that shows `rows` rows of short texts, shown anew: the
    longest GUI-thread stall of it (the floor any list of that size costs)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QTableView

    data = [tuple(f"{r}-{c}" for c in range(columns)) for r in range(rows)]

    class Model(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[tuple[str, ...]] = []

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return columns

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.rows[index.row()][index.column()]
            return None

    model = Model()
    view = QTableView()
    view.setModel(model)
    view.resize(1300, 600)
    view.show()
    app.processEvents()

    def show() -> None:
        model.beginResetModel()
        model.rows = data
        model.endResetModel()

    app.reset_watch()
    QTimer.singleShot(0, show)
    _until(lambda: model.rowCount() == rows)
    for _ in range(5):
        app.processEvents()
    longest = app.reset_watch().longest_cpu_s * 1000
    view.close()
    view.deleteLater()
    return longest


# --- memory over a shift -------------------------------------------------------------------------


def bench_memory(packs: int = 2000, warm: int = 200) -> tuple[float, float, int]:
    """KiB of resident memory gained per pack after `warm` packs, the RSS before and after (MB),
    packing through the real bench: order scan, item scans, typed weight; labels printed to the
    data folder as PDF and shown in the preview."""
    _qt_env()
    import gc

    import psutil
    from PySide6.QtWidgets import QApplication

    from app.store import demo
    from app.store.db import open_database
    from app.ui.application import StationApp, make_qapp

    make_qapp()
    folder = Path(tempfile.mkdtemp(prefix="packline-shift-"))
    db = open_database(folder / "packline.db")
    demo.generate(db, orders=max(6000, (packs + warm) * 4))
    station = StationApp(db, "zh_CN", data_dir=folder)
    window = station.window
    assert window is not None
    window.resize(1600, 900)  # tall enough for the label preview
    window.show()
    station.wedge.scanned.emit("P0001")
    todo = _plain_orders(db, packs + warm)
    process = psutil.Process()
    before = 0
    for n, (order_no, codes) in enumerate(todo):
        if n == warm:
            gc.collect()
            _until(lambda: station.printing.status().queued == 0, 120)
            before = process.memory_info().rss
        station.wedge.scanned.emit(order_no)
        for code in codes:
            station.wedge.scanned.emit(code)
        expected = station.station.state.expected_g if station.station.state else None
        window.packing.handle_scan(str(expected or 500))
        _until(lambda: station.station.state is None or station.station.state.order is None, 30)
        QApplication.processEvents()
    _until(lambda: station.printing.status().queued == 0, 300)
    for _ in range(50):
        QApplication.processEvents()
        time.sleep(0.01)
    gc.collect()
    after = process.memory_info().rss
    station.close()
    db.close()
    return (after - before) / 1024 / packs, before / 2**20, after


def _plain_orders(db: Any, count: int) -> list[tuple[str, list[str]]]:
    """Orders with nothing to confirm (no cards, samples or instructions), with their item codes."""
    from datetime import date

    from sqlalchemy import select

    from app.store import models as m
    from app.store.packing import PackingStore
    from app.store.rules_store import load_rule_book

    book, store = load_rule_book(db), PackingStore(db, "BENCH")
    found: list[tuple[str, list[str]]] = []
    with db.session() as s:
        single = {
            sku: code
            for sku, code in s.execute(
                select(m.Sku.code, m.Barcode.code)
                .join(m.Barcode, m.Barcode.sku_id == m.Sku.id)
                .where(m.Barcode.pack_qty == 1, m.Barcode.kind == "ean13")
            )
        }
        for order_id, order_no in s.execute(
            select(m.Order.id, m.Order.order_no).where(m.Order.status == "new").order_by(m.Order.id)
        ):
            order = store.order(order_id)
            plan = book.plan(order, date.today())
            unknown = any(line.sku_code not in single for line in order.lines)
            if plan.to_confirm or plan.rewaybill is not None or unknown:
                continue
            codes = [single[line.sku_code] for line in order.lines for _ in range(line.quantity)]
            found.append((order_no, codes))
            if len(found) >= count:
                break
    if len(found) < count:
        raise SystemExit(f"only {len(found)} plain orders in the demo data")
    return found


# --- cold start ---------------------------------------------------------------------------------


def bench_cold_start(database: Path, runs: int = 5) -> tuple[float, float]:
    """Median seconds to a signed-in bench and to a bare PySide6 window, alternating runs."""
    # An installed station starts from bytecode (pip compiles it, the packaged build ships it), as
    # PySide6 does here; a checkout run with PYTHONDONTWRITEBYTECODE would compile ~100 modules
    # from source at every start (~0.35 s) and measure that instead.
    import compileall

    for package in ("app", "scanner", "printing", "sync"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    station, bare = [], []
    for _ in range(runs):
        bare.append(_ready([sys.executable, "-c", BARE_WINDOW]))
        child = [sys.executable, "-m", "tests.benchmarks.run", "--cold-start-child", str(database)]
        station.append(_ready(child))
    return statistics.median(station), statistics.median(bare)


def _ready(command: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    took = float("nan")
    for line in proc.stdout:
        if line.startswith("READY"):
            took = time.perf_counter() - started
            break
    proc.wait(60)
    return took
