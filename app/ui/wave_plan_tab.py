"""The supervisor desk's first tab: the open orders with their filter, a wave plan and its preview,
release or save as planned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.model import OrderStatus
from app.core.pickpath import LocationParser
from app.core.rules import CompiledRule
from app.core.waves import Caps, OpenOrder, OrderFilter, Strategy, walk_m
from app.store.waves import Created
from app.ui import messages
from app.ui.desk_tab import BIG, DeskTab, Report, local_time
from app.ui.tables import ListRow, list_table, row_of, unique_rows
from app.ui.theme import LATE_COLOUR
from app.wave_desk import WaveDesk

DEFAULT_MAX_WAVES = 10  # a release is a cart load of waves, not the whole day's orders at once
STATUS_CHOICES = (
    (OrderStatus.NEW, False),
    (OrderStatus.ON_HOLD, True),
    (OrderStatus.RELEASED, True),
    ("all", True),
)


def _combo_value(combo: QComboBox) -> str:
    """A choice's code, or what was typed into the editable box."""
    index = combo.findText(combo.currentText())
    if index >= 0:
        return str(combo.itemData(index) or "")
    return combo.currentText().strip()


class WavePlanTab(DeskTab):
    committed = Signal()  # waves were created: the waves tab shows them

    def __init__(
        self,
        desk: WaveDesk,
        report: Report,
        rules: Callable[[], tuple[CompiledRule, ...]],
        parser: Callable[[], LocationParser],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, report, parent)
        self._rules = rules
        self._parser = parser
        self._build()

    def _build(self) -> None:
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
            # Three rows of three (label, field): the filters take little of a 720-line screen.
            label.setBuddy(widget)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            grid.addWidget(label, index // 3, (index % 3) * 2)
            grid.addWidget(widget, index // 3, (index % 3) * 2 + 1)
        for column in range(6):
            grid.setColumnStretch(column, 2 if column % 2 else 1)
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
        self.max_waves.setValue(DEFAULT_MAX_WAVES)
        self.plan_labels = [QLabel() for _ in range(5)]
        plan_grid = QGridLayout()
        for index, (label, widget) in enumerate(
            zip(
                self.plan_labels,
                (self.strategy, self.max_orders, self.cap_items, self.cap_volume, self.max_waves),
                strict=True,
            )
        ):
            # The strategy on a row of its own, the four caps two by two.
            label.setBuddy(widget)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            row, column = (0, 0) if index == 0 else (1 + (index - 1) // 2, ((index - 1) % 2) * 2)
            plan_grid.addWidget(label, row, column)
            plan_grid.addWidget(widget, row, column + 1, 1, 3 if index == 0 else 1)
        for column in range(4):
            plan_grid.setColumnStretch(column, 1)
        self.preview_button = QPushButton()
        self.release_button = QPushButton()
        self.save_button = QPushButton()
        for button in (self.preview_button, self.release_button, self.save_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.preview_button.clicked.connect(self.preview)
        self.release_button.clicked.connect(lambda: self.commit(release=True))
        self.save_button.clicked.connect(lambda: self.commit(release=False))
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.release_button, self.save_button):
            buttons.addWidget(button)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.totals.setStyleSheet(BIG + "font-weight: bold;")
        # A release says what it will do and waits for Enter (Esc goes back): one key never
        # releases a day's orders by surprise.
        self.confirm = QLabel(objectName="prompt")
        self.confirm.setWordWrap(True)
        self.confirm.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.confirm.hide()
        self.confirming = False
        self._release = True
        for key in ("Return", "Enter"):
            context = Qt.ShortcutContext.WidgetWithChildrenShortcut
            shortcut = QShortcut(QKeySequence(key), self, context=context)
            shortcut.activated.connect(self.confirmed)
            shortcut.setEnabled(False)
            self._confirm_keys = [*getattr(self, "_confirm_keys", []), shortcut]
        self.preview_table = list_table(7)
        self.preview_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(plan_grid)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.totals)
        right_layout.addWidget(self.confirm)
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
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(splitter, 1)

    def retranslate(self) -> None:
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
        self.orders_table.set_headers(
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
        self.preview_table.set_headers(
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
        self._show_count()
        self._show_plan()

    def load_orders(self) -> None:
        status = self.status.currentData() or OrderStatus.NEW
        statuses = (
            (OrderStatus.NEW, OrderStatus.ON_HOLD, OrderStatus.RELEASED) if status == "all" else (status,)
        )
        include_waved = dict(STATUS_CHOICES).get(status, False)
        self.desk.load_orders(
            statuses,
            include_waved,
            self._rules(),
            self.current_filter(),
            self.answered(self._show_orders),
            shape=_order_rows,
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
        self.cancel_confirm()
        self.desk.filter(self.current_filter(), self.answered(self._show_orders), shape=_order_rows)

    def _show_orders(self, rows: list[ListRow]) -> None:
        """Every matching order (made into rows off the GUI thread; the view draws the rows on
        screen, and a refresh tells it only what changed)."""
        self.cancel_confirm()
        self._show_plan()
        self._show_count()
        self.orders_table.show_rows(rows)

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("{count} of {total} orders match").format(
                count=len(self.desk.matching), total=len(self.desk.orders)
            )
        )

    def caps(self) -> Caps:
        return Caps(
            self.max_orders.value(), self.cap_items.value(), self.cap_volume.value(), self.max_waves.value()
        )

    def preview(self) -> None:
        self.cancel_confirm()

        def planned(_plan: object) -> None:
            self._show_plan()
            self.preview_table.setFocus()

        self.desk.preview(self.strategy.currentData(), self.caps(), self.answered(planned))

    def _show_plan(self) -> None:
        plan = self.desk.plan
        table = self.preview_table
        if plan is None:
            table.show_rows([])
            self.totals.setText(self.tr("Filter the orders, choose a strategy, then Preview (Ctrl+P)"))
            return
        parser = self._parser()
        rows = []
        walked = 0.0
        for number, wave in enumerate(plan.waves, start=1):
            metres = walk_m(wave, parser)
            walked += metres
            rows.append(
                row_of(
                    number,
                    number,
                    wave.group,
                    len(wave.orders),
                    wave.items,
                    round(wave.volume_cm3 / 1000, 1),
                    wave.priority or "",
                    metres,
                )
            )
        table.show_rows(rows, keep_selection=False)
        text = self.tr("{waves} waves · {orders} orders · {items} items · walk {metres} m").format(
            waves=len(plan.waves), orders=plan.orders, items=plan.items, metres=round(walked)
        )
        if plan.left_over:
            text += self.tr(" · {count} orders wait for the next round").format(count=len(plan.left_over))
        if plan.ineligible:
            text += self.tr(" · {count} orders do not fit this strategy").format(count=plan.ineligible)
        self.totals.setText(text)

    def commit(self, release: bool) -> None:
        """Ctrl+R / Ctrl+Shift+S: say what it will do, and wait for Enter (Esc: back)."""
        plan = self.desk.plan
        if plan is None or not plan.waves:
            self.report(self.tr("Nothing to release: preview a plan first (Ctrl+P)"), False)
            return
        self.confirming, self._release = True, release
        text = (
            self.tr(
                "Release {waves} waves, {orders} orders ({items} items) to the pickers? "
                "Enter to release, Esc to go back"
            )
            if release
            else self.tr(
                "Save {waves} waves, {orders} orders ({items} items) as planned? "
                "Enter to save, Esc to go back"
            )
        )
        self.confirm.setText(text.format(waves=len(plan.waves), orders=plan.orders, items=plan.items))
        self.confirm.show()
        for key in self._confirm_keys:
            key.setEnabled(True)
        self.preview_table.setFocus()

    def cancel_confirm(self) -> bool:
        """Esc while a release waits for Enter: nothing is released (True when one was waiting)."""
        was = self.confirming
        self.confirming = False
        self.confirm.hide()
        for key in self._confirm_keys:
            key.setEnabled(False)
        return was

    def confirmed(self) -> None:
        if not self.confirming:
            return
        release = self._release
        self.cancel_confirm()
        self._commit(release)

    def _commit(self, release: bool) -> None:
        if self.desk.plan is None or not self.desk.plan.waves:
            return

        def done(created: Created) -> None:
            codes, taken = created.codes, created.taken_meanwhile
            text = (
                self.tr("Released {count} waves: {codes}")
                if release
                else self.tr("Saved {count} planned waves: {codes}")
            ).format(count=len(codes), codes=", ".join(codes[:6]) + (" …" if len(codes) > 6 else ""))
            if taken:
                text += self.tr(" · {count} orders were taken meanwhile and left out").format(
                    count=len(taken)
                )
            self.report(text, True)
            self.changed.emit()
            self.load_orders()
            self.committed.emit()

        self.desk.commit(release, self.answered(done))


def _order_rows(orders: list[OpenOrder]) -> list[ListRow]:
    """The orders as the list shows them (run off the GUI thread: Qt's translations are safe there)."""
    channel, carrier, overdue = messages.channel_text, messages.carrier_text, messages.overdue_text
    now = datetime.now(UTC)
    rows = []
    for order in orders:
        late = overdue(order.ship_by, now)
        rows.append(
            row_of(
                order.order_no,
                order.order_no,
                channel(order.channel),
                carrier(order.carrier),
                order.province,
                order.priority or "",
                f"{local_time(order.ship_by)} ⚠ {late}" if late else local_time(order.ship_by),
                order.items,
                colours=(None, None, None, None, None, LATE_COLOUR) if late else (),
                bold=(5,) if late else (),
            )
        )
    return unique_rows(rows)
