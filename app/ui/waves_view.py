"""The supervisor desk (Shift+F7): open orders with filters, wave planning with a preview, the
waves with live progress (release, assign, cancel, pick list), and the exception list — one tab
each (app/ui/wave_plan_tab.py, waves_tab.py, desk_exceptions_tab.py).

The work is the desk's controller's (app/wave_desk.py): everything that touches the database runs
off the GUI thread; this page keeps the last answer on screen until the next one arrives.
Keys: Ctrl+1/2/3/4 switch tabs; on the plan tab Ctrl+P previews and Ctrl+R releases the preview
(Ctrl+Shift+S saves it as planned); on the waves tab Ctrl+E releases, Ctrl+A assigns, Ctrl+Del
cancels, Ctrl+L prints the pick list, F5 refreshes; on the exceptions tab Enter records the
typed decision; on the returns tab Ctrl+S writes them as CSV; on the board (Ctrl+5) Ctrl+D / Ctrl+W
today or this week, Ctrl+S the figures as CSV and XLSX, Ctrl+P a PNG and PDF report; Esc goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.core.changes import Change, ChangeNotice
from app.core.decisions import Signer
from app.core.pickpath import LocationParser
from app.core.rules import CompiledRule
from app.runner import Operations
from app.store.db import Database
from app.sync_service import make_client
from app.ui.board_view import BoardView
from app.ui.changes import Redraw
from app.ui.desk_exceptions_tab import DeskExceptionsTab
from app.ui.desk_returns_tab import DeskReturnsTab
from app.ui.desk_tab import BIG
from app.ui.tables import page_title
from app.ui.theme import DESK_STYLE
from app.ui.wave_plan_tab import WavePlanTab
from app.ui.waves_tab import WavesTab
from app.wave_desk import WaveDesk

PLAN, WAVES, EXCEPTIONS, RETURNS, BOARD = range(5)


class WavesDeskView(QWidget):
    closed = Signal()
    changed = Signal()  # something went into the outbox: the window wakes sync

    def __init__(
        self,
        db: Database,
        ops: Operations,
        station_name: Callable[[], str],
        operator_id: Callable[[], int | None],
        rules: Callable[[], tuple[CompiledRule, ...]],
        parser: Callable[[], LocationParser],
        signer: Callable[[], Signer | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = WaveDesk(db, ops, station_name, operator_id, signer)
        self.title = page_title()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet(BIG)
        self.plan_tab = WavePlanTab(self.desk, self.show_result, rules, parser)
        self.waves_tab = WavesTab(self.desk, self.show_result)
        self.exceptions_tab = DeskExceptionsTab(self.desk, self.show_result)
        self.returns_tab = DeskReturnsTab(self.desk, self.show_result)
        exports = (db.path.parent if db.path is not None else Path.cwd()) / "exports"
        self.board = BoardView(db, ops, exports, station=station_name, server=lambda: make_client(db))
        self.board.reported.connect(self.show_result)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet(BIG)
        # A supervisor's desk is read at arm's length, not from two metres with gloves: the
        # bench's big fields and buttons would not leave room for the lists.
        self.setStyleSheet(DESK_STYLE)
        for tab in (self.plan_tab, self.waves_tab, self.exceptions_tab, self.returns_tab):
            self.tabs.addTab(tab, "")
            tab.changed.connect(self.changed)
        self.tabs.addTab(self.board, "")
        self.plan_tab.committed.connect(self.waves_tab.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.back_button = QPushButton()
        self.back_button.setMinimumHeight(48)
        self.back_button.clicked.connect(self.closed)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        # Live progress by hearing what changed (a pull of the handhelds' picks, a pack), not by
        # re-reading every few seconds: each tab redraws when the data it shows changed.
        def showing(tab: int) -> Callable[[], bool]:
            return lambda: self.isVisible() and self.tabs.currentIndex() == tab

        self.redraws = (
            Redraw(frozenset({Change.WAVES, Change.ORDERS, Change.PACKS}), showing(WAVES),
                   lambda: self.waves_tab.refresh(), self),
            Redraw(frozenset({Change.EXCEPTIONS, Change.ORDERS, Change.WAVES, Change.HANDOVERS}),
                   showing(EXCEPTIONS), lambda: self.exceptions_tab.load_exceptions(), self),
            # The plan's order list, but never under a plan being looked at or released.
            Redraw(frozenset({Change.ORDERS, Change.WAVES}),
                   lambda: showing(PLAN)() and self.desk.plan is None and not self.plan_tab.confirming,
                   lambda: self.plan_tab.load_orders(), self),
        )  # fmt: skip
        plan, waves = self.plan_tab, self.waves_tab
        by_key: dict[str, list[tuple[int | None, Callable[[], object]]]] = {}
        for keys, tab, slot in (
            ("Esc", None, self.escape),
            ("Ctrl+1", None, lambda: self.tabs.setCurrentIndex(PLAN)),
            ("Ctrl+2", None, lambda: self.tabs.setCurrentIndex(WAVES)),
            ("Ctrl+3", None, lambda: self.tabs.setCurrentIndex(EXCEPTIONS)),
            ("Ctrl+4", None, lambda: self.tabs.setCurrentIndex(RETURNS)),
            ("Ctrl+5", None, lambda: self.tabs.setCurrentIndex(BOARD)),
            ("Ctrl+S", RETURNS, self.returns_tab.export),
            ("Ctrl+S", BOARD, self.board.export_csv),
            ("Ctrl+P", BOARD, self.board.export_report),
            ("Ctrl+D", BOARD, lambda: self.board.set_week(False)),
            ("Ctrl+W", BOARD, lambda: self.board.set_week(True)),
            ("Ctrl+P", PLAN, plan.preview),
            ("Ctrl+R", PLAN, lambda: plan.commit(release=True)),
            ("Ctrl+Shift+S", PLAN, lambda: plan.commit(release=False)),
            ("Ctrl+E", WAVES, waves.release_selected),
            ("Ctrl+A", WAVES, waves.assign_selected),
            ("Ctrl+Del", WAVES, waves.cancel_selected),
            ("Ctrl+L", WAVES, waves.print_selected),
            ("F5", None, waves.refresh),
        ):
            by_key.setdefault(keys, []).append((tab, slot))
        for keys, slots in by_key.items():
            # One shortcut per key (two on one key would both be ambiguous and neither fire).
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(self._on_tab(slots))
        self.retranslate()

    def escape(self) -> None:
        """Esc: back from a release that waits for Enter; otherwise out of the desk."""
        if not self.plan_tab.cancel_confirm():
            self.closed.emit()

    def _on_tab(self, slots: list[tuple[int | None, Callable[[], object]]]) -> Callable[[], None]:
        """A key does the work of the tab that shows (or its page-wide work)."""

        def run() -> None:
            for tab, slot in slots:
                if tab is None or self.tabs.currentIndex() == tab:
                    slot()
                    return

        return run

    def retranslate(self) -> None:
        self.title.setText(self.tr("Supervisor desk"))
        self.tabs.setTabText(PLAN, self.tr("Plan waves (Ctrl+1)"))
        self.tabs.setTabText(WAVES, self.tr("Waves (Ctrl+2)"))
        self.tabs.setTabText(EXCEPTIONS, self.tr("Exceptions (Ctrl+3)"))
        self.tabs.setTabText(RETURNS, self.tr("Returns (Ctrl+4)"))
        self.tabs.setTabText(BOARD, self.tr("Board (Ctrl+5)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        for tab in (self.plan_tab, self.waves_tab, self.exceptions_tab, self.returns_tab):
            tab.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_result(self, text: str, ok: bool = True) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(BIG + ("color: #1b5e20;" if ok else "color: #b00020;"))

    def open(self) -> None:
        self.tabs.setCurrentIndex(PLAN)
        self.result.setText("")
        self.plan_tab.load_orders()
        self.waves_tab.refresh()
        self.exceptions_tab.load_exceptions()
        self.plan_tab.orders_table.setFocus()

    def hear(self, notice: ChangeNotice) -> None:
        """What a write or a pull changed: the tab that shows redraws if it shows that data."""
        for redraw in self.redraws:
            redraw.hear(notice)
        self.board.hear(notice)

    def _tab_changed(self, index: int) -> None:
        self.plan_tab.cancel_confirm()
        if index == WAVES:
            self.waves_tab.refresh()
        if index == EXCEPTIONS:
            self.exceptions_tab.enter()
        if index == RETURNS:
            self.returns_tab.load()
        if index == BOARD:
            self.board.start()
        else:
            self.board.stop()
