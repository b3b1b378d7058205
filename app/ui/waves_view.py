"""The supervisor desk (Shift+F7): open orders with filters, wave planning with a preview, the
waves with live progress (release, assign, cancel, pick list), and the exception list.

The work is the desk's controller's (app/wave_desk.py): everything that touches the database runs
off the GUI thread; this page keeps the last answer on screen until the next one arrives.
Keys: Ctrl+1/2/3 switch tabs; on the plan tab Ctrl+P previews and Ctrl+R releases the preview
(Ctrl+Shift+S saves it as planned); on the waves tab Ctrl+E releases, Ctrl+A assigns, Ctrl+Del
cancels, Ctrl+L prints the pick list, F5 refreshes; on the exceptions tab Enter records the
typed decision; Esc goes back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.pickpath import LocationParser
from app.core.rules import CompiledRule
from app.core.waves import Caps, OpenOrder, OrderFilter, Strategy, WavePlan, walk_m
from app.runner import Answer
from app.store.db import Database
from app.store.exceptions import ExceptionItem
from app.store.waves import WaveProgress
from app.ui import messages
from app.ui.tables import list_table, page_title
from app.ui.tasks import GuiPoster, run_in_background
from app.wave_desk import WaveDesk

log = logging.getLogger(__name__)

BIG = "font-size: 13pt;"
MAX_ROWS = 500  # rows shown; counts and plans always cover every match
STATUS_CHOICES = (("new", False), ("on_hold", True), ("released", True), ("all", True))


def _cell(text: object) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setToolTip(item.text())
    return item


def _combo_value(combo: QComboBox) -> str:
    """A choice's code, or what was typed into the editable box."""
    index = combo.findText(combo.currentText())
    if index >= 0:
        return str(combo.itemData(index) or "")
    return combo.currentText().strip()


def _local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%m-%d %H:%M")


class WavesDeskView(QWidget):
    closed = Signal()
    changed = Signal()  # something went into the outbox: the window wakes sync

    def __init__(
        self,
        db: Database,
        station_name: Callable[[], str],
        operator_id: Callable[[], int | None],
        rules: Callable[[], tuple[CompiledRule, ...]],
        parser: Callable[[], LocationParser],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._station = station_name
        self._operator = operator_id
        self._rules = rules
        self._parser = parser
        self._poster = GuiPoster(self)
        self.desk = WaveDesk(
            db, lambda fn, done: run_in_background(self._poster, fn, done), station_name, operator_id
        )

        self.title = page_title()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet(BIG)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet(BIG)
        self.tabs.addTab(self._plan_tab(), "")
        self.tabs.addTab(self._waves_tab(), "")
        self.tabs.addTab(self._exceptions_tab(), "")
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
        self.timer = QTimer(self)
        self.timer.setInterval(5000)  # live progress while the waves tab shows
        self.timer.timeout.connect(self._tick)
        for keys, slot in (
            ("Esc", self.closed.emit),
            ("Ctrl+1", lambda: self.tabs.setCurrentIndex(0)),
            ("Ctrl+2", lambda: self.tabs.setCurrentIndex(1)),
            ("Ctrl+3", lambda: self.tabs.setCurrentIndex(2)),
            ("Ctrl+P", self.preview),
            ("Ctrl+R", lambda: self.commit(release=True)),
            ("Ctrl+Shift+S", lambda: self.commit(release=False)),
            ("Ctrl+E", self.release_selected),
            ("Ctrl+A", self.assign_selected),
            ("Ctrl+Del", self.cancel_selected),
            ("Ctrl+L", self.print_selected),
            ("F5", self.refresh),
        ):
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)
        self.retranslate()

    # --- building -------------------------------------------------------------------------

    def _plan_tab(self) -> QWidget:
        tab = QWidget()
        self.status = QComboBox()
        self.channel = QComboBox()
        self.carrier = QComboBox()
        for combo in (self.channel, self.carrier):
            combo.setEditable(True)
        self.province = QLineEdit()
        self.min_priority = QSpinBox()
        self.min_priority.setRange(0, 100)
        self.ship_within = QSpinBox()
        self.ship_within.setRange(0, 24 * 14)
        self.min_items = QSpinBox()
        self.min_items.setRange(0, 999)
        self.max_items = QSpinBox()
        self.max_items.setRange(0, 999)
        self.sku = QLineEdit()
        self.filter_labels = [QLabel() for _ in range(9)]
        grid = QGridLayout()
        widgets = (
            self.status,
            self.channel,
            self.carrier,
            self.province,
            self.min_priority,
            self.ship_within,
            self.min_items,
            self.max_items,
            self.sku,
        )
        for index, (label, widget) in enumerate(zip(self.filter_labels, widgets, strict=True)):
            label.setBuddy(widget)
            widget.setMinimumHeight(40)
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            grid.addWidget(label, (index // 5) * 2, index % 5)
            grid.addWidget(widget, (index // 5) * 2 + 1, index % 5)
        self.status.currentIndexChanged.connect(lambda _i: self.load_orders())
        for combo in (self.channel, self.carrier):
            combo.currentTextChanged.connect(lambda _t: self.apply_filter())
        for edit in (self.province, self.sku):
            edit.textChanged.connect(lambda _t: self.apply_filter())
        for spin in (self.min_priority, self.ship_within, self.min_items, self.max_items):
            spin.valueChanged.connect(lambda _v: self.apply_filter())
        self.count = QLabel()
        self.count.setStyleSheet(BIG + "font-weight: bold;")
        self.orders_table = list_table(7)
        self.orders_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.strategy = QComboBox()
        self.max_orders = QSpinBox()
        self.max_orders.setRange(1, 500)
        self.max_orders.setValue(24)
        self.cap_items = QSpinBox()
        self.cap_items.setRange(1, 5000)
        self.cap_items.setValue(200)
        self.cap_volume = QSpinBox()
        self.cap_volume.setRange(0, 10_000_000)
        self.cap_volume.setSingleStep(10_000)
        self.max_waves = QSpinBox()
        self.max_waves.setRange(0, 500)
        self.plan_labels = [QLabel() for _ in range(5)]
        plan_grid = QGridLayout()
        for row, (label, widget) in enumerate(
            zip(
                self.plan_labels,
                (self.strategy, self.max_orders, self.cap_items, self.cap_volume, self.max_waves),
                strict=True,
            )
        ):
            label.setBuddy(widget)
            widget.setMinimumHeight(40)
            plan_grid.addWidget(label, row, 0)
            plan_grid.addWidget(widget, row, 1)
        self.preview_button = QPushButton()
        self.release_button = QPushButton()
        self.save_button = QPushButton()
        for button in (self.preview_button, self.release_button, self.save_button):
            button.setMinimumHeight(48)
        self.preview_button.clicked.connect(self.preview)
        self.release_button.clicked.connect(lambda: self.commit(release=True))
        self.save_button.clicked.connect(lambda: self.commit(release=False))
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.release_button, self.save_button):
            buttons.addWidget(button)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setMinimumHeight(64)
        self.totals.setStyleSheet(BIG + "font-weight: bold;")
        self.preview_table = list_table(7)
        self.preview_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(plan_grid)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.totals)
        right_layout.addWidget(self.preview_table, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.orders_table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(tab)
        layout.addLayout(grid)
        layout.addWidget(splitter, 1)
        return tab

    def _waves_tab(self) -> QWidget:
        tab = QWidget()
        self.waves_table = list_table(10)
        self.waves_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.picker = QLineEdit()
        self.pack_station = QLineEdit()
        self.show_done = QCheckBox()
        self.show_done.toggled.connect(lambda _c: self.refresh())
        self.assign_button = QPushButton()
        self.release_wave_button = QPushButton()
        self.cancel_button = QPushButton()
        self.print_button = QPushButton()
        row = QHBoxLayout()
        self.picker_label, self.station_label = QLabel(), QLabel()
        self.picker_label.setBuddy(self.picker)
        self.station_label.setBuddy(self.pack_station)
        for widget in (
            self.picker_label,
            self.picker,
            self.station_label,
            self.pack_station,
            self.assign_button,
            self.release_wave_button,
            self.cancel_button,
            self.print_button,
            self.show_done,
        ):
            widget.setMinimumHeight(44)
            row.addWidget(widget)
        self.assign_button.clicked.connect(self.assign_selected)
        self.release_wave_button.clicked.connect(self.release_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.print_button.clicked.connect(self.print_selected)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.waves_table, 1)
        layout.addLayout(row)
        return tab

    def _exceptions_tab(self) -> QWidget:
        tab = QWidget()
        self.exceptions_table = list_table(5)
        self.exceptions_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.decision = QLineEdit()
        self.decision.setMinimumHeight(44)
        self.decision.returnPressed.connect(self.decide_selected)
        self.show_decided = QCheckBox()
        self.show_decided.toggled.connect(lambda _c: self.load_exceptions())
        self.decision_label = QLabel()
        self.decision_label.setBuddy(self.decision)
        row = QHBoxLayout()
        row.addWidget(self.decision_label)
        row.addWidget(self.decision, 1)
        row.addWidget(self.show_decided)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.exceptions_table, 1)
        layout.addLayout(row)
        return tab

    def retranslate(self) -> None:
        self.title.setText(self.tr("Supervisor desk"))
        self.tabs.setTabText(0, self.tr("Plan waves (Ctrl+1)"))
        self.tabs.setTabText(1, self.tr("Waves (Ctrl+2)"))
        self.tabs.setTabText(2, self.tr("Exceptions (Ctrl+3)"))
        self.back_button.setText(self.tr("Back (Esc)"))
        for label, text in zip(
            self.filter_labels,
            (
                self.tr("&Status"),
                self.tr("C&hannel"),
                self.tr("Ca&rrier"),
                self.tr("Pro&vince"),
                self.tr("Priority at &least"),
                self.tr("Ship-by &within (h, 0: any)"),
                self.tr("Items &from"),
                self.tr("Items &to (0: any)"),
                self.tr("S&KU"),
            ),
            strict=True,
        ):
            label.setText(text)
        keep = self.status.currentIndex()
        self.status.blockSignals(True)
        self.status.clear()
        for value, _ in STATUS_CHOICES:
            self.status.addItem(self.tr("All open") if value == "all" else messages.status_text(value), value)
        self.status.setCurrentIndex(max(keep, 0))
        self.status.blockSignals(False)
        for combo, values in (
            (self.channel, ("", "taobao", "tmall", "jd", "pdd", "douyin", "kuaishou", "wechat")),
            (self.carrier, ("", "SF", "ZTO", "YTO", "YUNDA", "JD", "STO", "EMS")),
        ):
            text = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            for value in values:
                combo.addItem(
                    self.tr("(any)")
                    if not value
                    else messages.channel_text(value)
                    if combo is self.channel
                    else messages.carrier_text(value),
                    value,
                )
            combo.setCurrentText(text)
            combo.blockSignals(False)
        self.orders_table.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Channel"),
                self.tr("Carrier"),
                self.tr("Province"),
                self.tr("Priority"),
                self.tr("Ship by"),
                self.tr("Items"),
            ]
        )
        for label, text in zip(
            self.plan_labels,
            (
                self.tr("Strate&gy"),
                self.tr("Orders per wave (cart &slots)"),
                self.tr("&Items per wave"),
                self.tr("&Volume per wave (cm³, 0: any)"),
                self.tr("&Waves at most (0: any)"),
            ),
            strict=True,
        ):
            label.setText(text)
        keep = self.strategy.currentIndex()
        self.strategy.clear()
        for strategy in Strategy:
            self.strategy.addItem(messages.strategy_text(strategy.value), strategy.value)
        self.strategy.setCurrentIndex(max(keep, 0))
        self.preview_button.setText(self.tr("Preview (Ctrl+P)"))
        self.release_button.setText(self.tr("Release (Ctrl+R)"))
        self.save_button.setText(self.tr("Save as planned (Ctrl+Shift+S)"))
        self.preview_table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Group"),
                self.tr("Orders"),
                self.tr("Items"),
                self.tr("Volume (L)"),
                self.tr("Priority"),
                self.tr("Walk (m)"),
            ]
        )
        self.waves_table.setHorizontalHeaderLabels(
            [
                self.tr("Wave"),
                self.tr("Strategy"),
                self.tr("Status"),
                self.tr("Picker"),
                self.tr("Station"),
                self.tr("Orders"),
                self.tr("Picked"),
                self.tr("Packed"),
                self.tr("Short"),
                self.tr("Created"),
            ]
        )
        self.picker_label.setText(self.tr("Pic&ker"))
        self.station_label.setText(self.tr("Pack s&tation"))
        self.assign_button.setText(self.tr("Assign (Ctrl+A)"))
        self.release_wave_button.setText(self.tr("Release (Ctrl+E)"))
        self.cancel_button.setText(self.tr("Cancel wave (Ctrl+Del)"))
        self.print_button.setText(self.tr("Pick list (Ctrl+L)"))
        self.show_done.setText(self.tr("Show finished"))
        self.exceptions_table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Order"),
                self.tr("What happened"),
                self.tr("When"),
                self.tr("Decision"),
            ]
        )
        self.decision_label.setText(self.tr("&Decision:"))
        self.decision.setPlaceholderText(self.tr("What was done — Enter records it for the selected row"))
        self.show_decided.setText(self.tr("Show decided"))
        self._show_count()
        self._show_plan()
        self._show_waves()
        self._show_exceptions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what the desk holds -------------------------------------------------------------------

    @property
    def orders(self) -> list[OpenOrder]:
        return self.desk.orders

    @property
    def matching(self) -> list[OpenOrder]:
        return self.desk.matching

    @property
    def plan(self) -> WavePlan | None:
        return self.desk.plan

    @property
    def progress(self) -> list[WaveProgress]:
        return self.desk.progress

    @property
    def items(self) -> list[ExceptionItem]:
        return self.desk.items

    def _answered(self, done: Callable[[object], None]) -> Callable[[Answer[object]], None]:
        """The desk's answer: a refusal with its reason, a failure (logged there), or `done`."""

        def shown(answer: Answer[object]) -> None:
            if answer.refused:
                self.show_result(self.tr("Not done: {reason}").format(reason=answer.refused), ok=False)
            elif answer.failed:
                self.show_result(self.tr("That did not work — see the log; try again"), ok=False)
            else:
                done(answer.value)

        return shown

    def show_result(self, text: str, ok: bool = True) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(BIG + ("color: #1b5e20;" if ok else "color: #b00020;"))

    def open(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.result.setText("")
        self.load_orders()
        self.refresh()
        self.load_exceptions()
        self.orders_table.setFocus()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.refresh()
            self.timer.start()
        else:
            self.timer.stop()
        if index == 2:
            self.load_exceptions()

    def _tick(self) -> None:
        if self.isVisible() and self.tabs.currentIndex() == 1:
            self.refresh()
        else:
            self.timer.stop()

    # --- plan tab -------------------------------------------------------------------------

    def load_orders(self) -> None:
        status = self.status.currentData() or "new"
        statuses = ("new", "on_hold", "released") if status == "all" else (status,)
        include_waved = dict(STATUS_CHOICES).get(status, False)
        self.desk.load_orders(
            statuses,
            include_waved,
            self._rules(),
            self.current_filter(),
            self._answered(lambda _orders: self._show_orders()),
        )

    def current_filter(self) -> OrderFilter:
        hours = self.ship_within.value()
        return OrderFilter(
            channel=_combo_value(self.channel),
            carrier=_combo_value(self.carrier),
            province=self.province.text().strip(),
            min_priority=self.min_priority.value(),
            ship_by_before=datetime.now(UTC) + timedelta(hours=hours) if hours else None,
            min_items=self.min_items.value(),
            max_items=self.max_items.value(),
            sku=self.sku.text().strip(),
        )

    def apply_filter(self) -> None:
        self.desk.filter(self.current_filter())
        self._show_orders()

    def _show_orders(self) -> None:
        self._show_plan()
        self._show_count()
        table = self.orders_table
        shown = self.matching[:MAX_ROWS]
        table.setRowCount(len(shown))
        for row, order in enumerate(shown):
            for column, value in enumerate(
                (
                    order.order_no,
                    messages.channel_text(order.channel),
                    messages.carrier_text(order.carrier),
                    order.province,
                    order.priority or "",
                    _local(order.ship_by),
                    order.items,
                )
            ):
                table.setItem(row, column, _cell(value))

    def _show_count(self) -> None:
        if not hasattr(self, "count"):
            return
        text = self.tr("{count} of {total} orders match").format(
            count=len(self.matching), total=len(self.orders)
        )
        if len(self.matching) > MAX_ROWS:
            text += self.tr(" (first {shown} shown)").format(shown=MAX_ROWS)
        self.count.setText(text)

    def caps(self) -> Caps:
        return Caps(
            self.max_orders.value(), self.cap_items.value(), self.cap_volume.value(), self.max_waves.value()
        )

    def preview(self) -> None:
        if self.tabs.currentIndex() != 0:
            return
        answer = self.desk.preview(self.strategy.currentData(), self.caps())
        if answer.refused:
            self.show_result(self.tr("Not done: {reason}").format(reason=answer.refused), ok=False)
            return
        self._show_plan()
        self.preview_table.setFocus()

    def _show_plan(self) -> None:
        if not hasattr(self, "preview_table"):
            return
        plan = self.plan
        table = self.preview_table
        if plan is None:
            table.setRowCount(0)
            self.totals.setText(self.tr("Filter the orders, choose a strategy, then Preview (Ctrl+P)"))
            return
        parser = self._parser()
        table.setRowCount(len(plan.waves))
        walked = 0.0
        for row, wave in enumerate(plan.waves):
            metres = walk_m(wave, parser)
            walked += metres
            for column, value in enumerate(
                (
                    row + 1,
                    wave.group,
                    len(wave.orders),
                    wave.items,
                    round(wave.volume_cm3 / 1000, 1),
                    wave.priority or "",
                    metres,
                )
            ):
                table.setItem(row, column, _cell(value))
        text = self.tr("{waves} waves · {orders} orders · {items} items · walk {metres} m").format(
            waves=len(plan.waves), orders=plan.orders, items=plan.items, metres=round(walked)
        )
        if plan.left_over:
            text += self.tr(" · {count} orders wait for the next round").format(count=len(plan.left_over))
        if plan.ineligible:
            text += self.tr(" · {count} orders do not fit this strategy").format(count=plan.ineligible)
        self.totals.setText(text)

    def commit(self, release: bool) -> None:
        if self.tabs.currentIndex() != 0:
            return
        if self.plan is None or not self.plan.waves:
            self.show_result(self.tr("Nothing to release: preview a plan first (Ctrl+P)"), ok=False)
            return

        def done(created: object) -> None:
            codes, taken = created.codes, created.taken_meanwhile  # type: ignore[attr-defined]
            text = (
                self.tr("Released {count} waves: {codes}")
                if release
                else self.tr("Saved {count} planned waves: {codes}")
            ).format(count=len(codes), codes=", ".join(codes[:6]) + (" …" if len(codes) > 6 else ""))
            if taken:
                text += self.tr(" · {count} orders were taken meanwhile and left out").format(
                    count=len(taken)
                )
            self.show_result(text)
            self.changed.emit()
            self.load_orders()
            self.refresh()

        self.desk.commit(release, self._answered(done))

    # --- waves tab ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.desk.refresh(self.show_done.isChecked(), self._answered(lambda _progress: self._show_waves()))

    def _show_waves(self) -> None:
        if not hasattr(self, "waves_table"):
            return
        table = self.waves_table
        keep = self.selected_wave()
        table.setRowCount(len(self.progress))
        for row, wave in enumerate(self.progress):
            for column, value in enumerate(
                (
                    wave.code,
                    messages.strategy_text(wave.strategy),
                    messages.wave_status_text(wave.status),
                    wave.picker,
                    wave.station,
                    wave.orders,
                    f"{wave.picked_items}/{wave.items}",
                    f"{wave.packed_orders}/{wave.orders}",
                    wave.short_lines or "",
                    _local(wave.created_at),
                )
            ):
                cell = _cell(value)
                if column == 8 and wave.short_lines:
                    cell.setForeground(Qt.GlobalColor.red)
                table.setItem(row, column, cell)
            if wave.code == keep:
                table.selectRow(row)

    def selected_wave(self) -> str | None:
        row = self.waves_table.currentRow() if hasattr(self, "waves_table") else -1
        return self.progress[row].code if 0 <= row < len(self.progress) else None

    def _wave_action(
        self, act: Callable[..., None], message: Callable[[str, object], str], *args: str
    ) -> None:
        if self.tabs.currentIndex() != 1:
            return
        code = self.selected_wave()
        if code is None:
            self.show_result(self.tr("Select a wave first (Up/Down)"), ok=False)
            return

        def done(result: object) -> None:
            self.show_result(message(code, result))
            self.changed.emit()
            self.refresh()

        act(code, *args, self._answered(done))

    def release_selected(self) -> None:
        self._wave_action(
            self.desk.release, lambda code, _r: self.tr("Wave {code} released").format(code=code)
        )

    def assign_selected(self) -> None:
        self._wave_action(
            self.desk.assign,
            lambda code, _r: self.tr("Wave {code} assigned").format(code=code),
            self.picker.text(),
            self.pack_station.text(),
        )

    def cancel_selected(self) -> None:
        self._wave_action(
            self.desk.cancel,
            lambda code, back: self.tr("Wave {code} cancelled: {count} orders back to plan again").format(
                code=code, count=back
            ),
        )

    def print_selected(self) -> None:
        self._wave_action(
            self.desk.print_picklist,
            lambda code, _r: self.tr("Pick list of {code} sent to the printer").format(code=code),
        )

    # --- exceptions tab -------------------------------------------------------------------

    def load_exceptions(self) -> None:
        self.desk.load_exceptions(
            self.show_decided.isChecked(), self._answered(lambda _items: self._show_exceptions())
        )

    def _show_exceptions(self) -> None:
        if not hasattr(self, "exceptions_table"):
            return
        table = self.exceptions_table
        table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            for column, value in enumerate(
                (
                    messages.exception_kind_text(item.kind.value),
                    item.subject,
                    item.detail,
                    _local(item.at),
                    item.decision,
                )
            ):
                table.setItem(row, column, _cell(value))
        if self.items and table.currentRow() < 0:
            table.selectRow(0)

    def decide_selected(self) -> None:
        row = self.exceptions_table.currentRow()
        if not 0 <= row < len(self.items):
            self.show_result(self.tr("Select an exception first (Up/Down)"), ok=False)
            return
        item, text = self.items[row], self.decision.text().strip()

        def done(recorded: object) -> None:
            self.decision.clear()
            self.show_result(
                self.tr("Decision recorded") if recorded else self.tr("Already decided elsewhere")
            )
            self.changed.emit()
            self.load_exceptions()

        self.desk.decide(item, text, self._answered(done))
