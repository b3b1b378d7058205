"""The packing screen: order, customer, lines, a verdict banner, weight, last scans.

It only renders what the PackingStation decides. Every action has a key or a command barcode;
the text field takes typed codes and weights, and scans arrive through the wedge filter
whatever has focus. Prompts (hold reason, supervisor badge) are inline panels, never dialogs,
so nothing steals a scan.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.commands import Command, parse_command
from app.core.model import OrderSnapshot
from app.core.pack_session import PackState, Phase, Severity, Verdict, VerdictKind
from app.core.rules import Confirm
from app.print_service import PrintStatus
from app.station import PackingStation, SaveResult
from app.store.packing import PackConflict
from app.ui import messages
from app.ui.label_preview import LabelPreview
from app.ui.sounds import Sounds
from app.ui.theme import BANNER_COLOURS, IDLE_COLOURS
from scanner.model import DeviceState, Reading

log = logging.getLogger(__name__)

LAST_SCANS = 12
EMPTY_SCALE_G = 20  # at or below this the scale counts as empty

_KEYS: list[tuple[str, Command | None]] = [
    ("F1", Command.CONFIRM),
    ("F2", Command.UNDO),
    ("F3", Command.HOLD),
    ("F6", Command.OVERRIDE),
    ("F7", Command.RELEASE),
    ("F8", Command.COMPLETE),
    ("Esc", Command.CLOSE),
]


class PackingView(QWidget):
    sign_out_requested = Signal()
    settings_requested = Signal()
    zero_scale_requested = Signal()
    reprint_requested = Signal()
    printed_fine_requested = Signal()
    history_requested = Signal()
    customer_requested = Signal()
    exceptions_requested = Signal()
    rules_requested = Signal()
    desk_requested = Signal()

    def __init__(self, station: PackingStation, sounds: Sounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.sounds = sounds
        self.chinese = True
        self.last_verdict: Verdict | None = None
        self.scale_state: DeviceState | None = None
        self.live_reading: Reading | None = None
        self.print_status = PrintStatus()
        # The scale weighs once per arming: when all items are verified, and again after a
        # failed weight once the parcel has been lifted (or F4 pressed).
        self._weigh_armed = False
        self._awaiting: tuple[Verdict, str] | None = None  # a success verdict waiting for its commit
        self._shown_order: int | bool | None = False  # what the header shows; False: nothing yet
        self._cells: list[list[QTableWidgetItem]] = []
        self._row_keys: list[tuple[object, ...]] = []
        self._build()
        self._bind_keys()
        self.retranslate()
        self.render(None)

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel(objectName="banner", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.banner.setFixedHeight(150)  # text changes must not re-lay out (and repaint) the window
        self.banner.setAutoFillBackground(True)

        self.order_no = QLabel(objectName="orderNo")
        self.order_no.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.order_meta = QLabel(objectName="headline", wordWrap=True)
        self.customer_name = QLabel(objectName="customerName")
        self.tier = QLabel(objectName="tier")
        self.tags = QLabel(objectName="tags", wordWrap=True)
        self.prefs = QLabel(objectName="prefs", wordWrap=True)
        self.notes = QLabel(objectName="notes", wordWrap=True)

        left = QVBoxLayout()
        left.addWidget(self.order_no)
        left.addWidget(self.order_meta)
        card = QFrame(frameShape=QFrame.Shape.StyledPanel)
        card_layout = QVBoxLayout(card)
        name_row = QHBoxLayout()
        name_row.addWidget(self.customer_name)
        name_row.addWidget(self.tier)
        name_row.addStretch()
        card_layout.addLayout(name_row)
        card_layout.addWidget(self.tags)
        card_layout.addWidget(self.prefs)
        left.addWidget(card)
        left.addWidget(self.notes)
        left.addStretch()

        self.lines = QTableWidget(0, 4)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self._count_font = QFont(self.font())
        self._count_font.setPixelSize(34)
        self._count_font.setBold(True)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        self.weight_title = QLabel(objectName="headline")
        self.weight_big = QLabel(objectName="weightBig")
        self.weight_detail = QLabel(objectName="headline", wordWrap=True)
        self.plan_title = QLabel(objectName="headline")
        self.plan = QLabel(objectName="plan", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.plan.setStyleSheet("font-size: 17pt;")
        self.scans_title = QLabel(objectName="headline")
        # A label, not a list view: one cheap repaint per scan instead of shifting every row.
        self.scans = QLabel(
            objectName="scans", alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        )
        self.scans.setTextFormat(Qt.TextFormat.RichText)
        self._scan_rows: list[str] = []
        right = QVBoxLayout()
        right.addWidget(self.weight_title)
        right.addWidget(self.weight_big)
        right.addWidget(self.weight_detail)
        right.addWidget(self.plan_title)
        right.addWidget(self.plan)
        right.addWidget(self.scans_title)
        right.addWidget(self.scans, 1)
        self.preview = LabelPreview()
        right.addWidget(self.preview, 1)

        self.prompt = QLabel(objectName="prompt", wordWrap=True)
        self.prompt.hide()
        self.entry = QLineEdit()
        self.entry.returnPressed.connect(self._on_entry)
        self.entry.installEventFilter(self)
        self.keys = QLabel(objectName="keys", wordWrap=True)

        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addWidget(self.lines, 0, 1)
        grid.addLayout(right, 0, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 5)
        grid.setColumnStretch(2, 3)

        root = QVBoxLayout(self)
        root.addWidget(self.banner)
        root.addLayout(grid, 1)
        root.addWidget(self.prompt)
        root.addWidget(self.entry)
        root.addWidget(self.keys)

    def _bind_keys(self) -> None:
        for key, command in _KEYS:
            shortcut = QShortcut(
                QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(lambda command=command: self.run_command(command))
        reweigh = QShortcut(QKeySequence("F4"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reweigh.activated.connect(self.rearm_scale)
        settings = QShortcut(QKeySequence("F9"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        settings.activated.connect(self.settings_requested)
        sign_out = QShortcut(QKeySequence("F12"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sign_out.activated.connect(lambda: self.run_command(Command.SIGN_OUT))
        zero = QShortcut(QKeySequence("F10"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        zero.activated.connect(lambda: self.run_command(Command.ZERO))
        reprint = QShortcut(QKeySequence("F5"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reprint.activated.connect(lambda: self.run_command(Command.REPRINT))
        fine = QShortcut(QKeySequence("Ctrl+F5"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        fine.activated.connect(self.printed_fine_requested)
        history = QShortcut(
            QKeySequence("Shift+F5"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        history.activated.connect(self.history_requested)
        for keys, signal in (
            ("Shift+F7", self.desk_requested),
            ("Shift+F8", self.rules_requested),
            ("Shift+F9", self.customer_requested),
            ("Shift+F11", self.exceptions_requested),
        ):
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(signal)

    def retranslate(self) -> None:
        self._shown_order = False
        self._row_keys = []
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Bin"), self.tr("SKU"), self.tr("Item"), self.tr("Scanned")]
        )
        self.weight_title.setText(self.tr("Parcel weight"))
        self.scans_title.setText(self.tr("Last scans"))
        self.keys.setText(
            self.tr(
                "F2 undo · F3 hold · F4 weigh again · F6 supervisor override · F7 release hold · F8 check · "
                "Esc put order back · F5 reprint label · Shift+F5 print history · "
                "Shift+F7 waves (supervisor) · Shift+F8 rules (supervisor) · F9 settings · "
                "Shift+F9 customer preferences · F10 zero scale · F11 sync now · "
                "Shift+F11 sync exceptions · F12 sign out"
            )
        )
        self.render(self.last_verdict, play=False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self.entry.setFocus()

    # --- input ---------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # In a reason prompt, a digit key picks the reason at once: one key, no Enter.
        if (
            obj is self.entry
            and event.type() == QEvent.Type.KeyPress
            and self._phase() is Phase.AWAITING_REASON
        ):
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text.isdigit():
                self.choose_reason(int(text))
                return True
        return False

    def _phase(self) -> Phase | None:
        return self.station.state.phase if self.station.state else None

    def _on_entry(self) -> None:
        text = self.entry.text().strip()
        self.entry.clear()
        if not text:
            return
        if self._phase() in (Phase.WEIGHING, Phase.WEIGHT_FAILED) and text.isdigit():
            self.render(self.station.handle_weight(int(text), "manual"))
        else:
            self.handle_scan(text)

    def handle_scan(self, code: str) -> None:
        # Device and printer commands: the pack session never sees them.
        if (command := parse_command(code)) in (Command.ZERO, Command.REPRINT):
            self.run_command(command)
            return
        self.render(self.station.handle_scan(code), code=code)

    def run_command(self, command: Command) -> None:
        if command is Command.ZERO:
            self.request_zero()
            return
        if command is Command.REPRINT:
            self.reprint_requested.emit()
            return
        if command is Command.SIGN_OUT:
            if self.station.sign_out():
                self.sign_out_requested.emit()
            else:
                self._show_local(
                    self.tr("Finish or put back the open order before signing out"), Severity.ERROR
                )
            return
        self.render(self.station.handle_command(command))

    def choose_reason(self, number: int) -> None:
        state = self.station.state
        if state is None or state.pending is None:
            return
        choices = messages.reason_choices(state.pending.value)
        if 1 <= number <= len(choices):
            self.render(self.station.handle_reason(choices[number - 1][0]))
        else:
            self.sounds.play("error")

    def request_zero(self) -> None:
        """Zero the scale, but never under a parcel being weighed: that would make it lighter."""
        reading = self.live_reading
        loaded = reading is None or reading.grams is None or reading.grams > EMPTY_SCALE_G
        if self._phase() in (Phase.WEIGHING, Phase.WEIGHT_FAILED) and loaded:
            self._show_local(self.tr("Take the parcel off the scale, then zero it (F10)"), Severity.ERROR)
            return
        self.zero_scale_requested.emit()

    def show_local_error(self, text: str) -> None:
        self._show_local(text, Severity.ERROR)

    def show_interrupted(self, status: PrintStatus) -> None:
        """A job may be half-printed: say so loudly, without blocking the next scan."""
        orders = ", ".join(sorted({job.order_no for job in status.attention if job.status == "interrupted"}))
        self._show_local(
            self.tr(
                "Printing of {orders} was cut off — check the printer: "
                "F5 print it again, Ctrl+F5 it came out fine"
            ).format(orders=orders or "?"),
            Severity.ERROR,
        )

    def show_zero_result(self, outcome: str) -> None:
        if outcome == "sent":
            self.show_notice(self.tr("Scale zeroed"), Severity.INFO)
        elif outcome == "unsupported":
            self._show_local(
                self.tr("This scale cannot be zeroed from the station: press ZERO on the scale"),
                Severity.ERROR,
            )
        else:
            self._show_local(self.tr("No scale is connected: set one up in settings (F9)"), Severity.ERROR)

    def rearm_scale(self) -> None:
        if self._phase() in (Phase.WEIGHING, Phase.WEIGHT_FAILED):
            self._weigh_armed = True
            if self.live_reading is not None:
                self.on_reading(self.live_reading)

    def on_reading(self, reading: Reading) -> None:
        """A scale reading (GUI thread). Shown live; the first stable one weighs the parcel."""
        self.live_reading = reading
        phase = self._phase()
        lifted = reading.stable is False or (reading.grams is not None and reading.grams <= EMPTY_SCALE_G)
        if phase is Phase.WEIGHT_FAILED and not self._weigh_armed and lifted:
            # Lifted off the scale (or moving): the next stable weight is a new weighing.
            self._weigh_armed = True
        if (
            self._weigh_armed
            and phase in (Phase.WEIGHING, Phase.WEIGHT_FAILED)
            and reading.usable
            and reading.stable
            and reading.grams is not None
            and reading.grams > EMPTY_SCALE_G
        ):
            self._weigh_armed = False
            self.render(self.station.handle_weight(reading.grams, "scale"), code=f"{reading.grams} g")
            return
        self._render_weight()

    def on_saved(self, result: SaveResult) -> None:
        """The writer's word on a pack, hold or release: only now does success show."""
        awaiting, self._awaiting = self._awaiting, None
        if result.kind == "waiting":
            self._awaiting = awaiting
            self.render(self.station.not_saved_verdict())
            return
        if result.kind != "failed":
            if awaiting is not None and awaiting[0].order_no == result.order_no:
                self.render(*awaiting)
            elif self.station.blocked is None and self.last_verdict is not None:
                self.render(None)  # a save that was stuck went through: the bench is free again
            return
        self.render(None)
        if isinstance(result.error, PackConflict):
            text = messages.pack_conflict_text(result.order_no, result.error.status)
        else:
            text = messages.save_failed_text(result.order_no)
        self._show_local(text, Severity.ERROR)

    # --- output --------------------------------------------------------------------------

    def _show_local(self, text: str, severity: Severity) -> None:
        self.show_notice(text, severity)
        if severity is Severity.ERROR:
            self.sounds.play("error")

    def show_notice(self, text: str, severity: Severity | None) -> None:
        # A palette change repaints the banner only; a style sheet would re-polish the widget.
        bg, fg = BANNER_COLOURS[severity] if severity else IDLE_COLOURS
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(bg))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(fg))
        self.banner.setPalette(palette)
        self.banner.setText(text)
        self.banner.setProperty("severity", severity.value if severity else "")

    def render(self, verdict: Verdict | None, code: str = "", play: bool = True) -> None:
        """Show the station's state and the verdict; the banner and sound come first."""
        state = self.station.state
        if verdict is not None and play and self.station.is_unsaved(verdict):
            # "Packed ✓" only once it is on disk: the commit's answer renders it (on_saved).
            self._awaiting = (verdict, code)
            self.show_notice(self.tr("Saving {order}…").format(order=verdict.order_no), Severity.INFO)
            self.last_verdict = verdict
            self._weigh_armed = False
            self._render_after_verdict(state, None)
            return
        if verdict is not None:
            self.show_notice(messages.verdict_text(verdict, self.chinese), verdict.severity)
            if play:
                sound = messages.sound_for(verdict)
                if sound:
                    self.sounds.play(sound)
                if self.isVisible():
                    self.banner.repaint()  # the verdict reaches the screen before the other panels
                self._add_scan_row(code or verdict.code, verdict)
        elif state is None or state.order is None:
            if self.station.wave is not None:
                self.show_notice(
                    self.tr("Single-item wave {wave}: scan the next item (Esc leaves the wave)").format(
                        wave=self.station.wave
                    ),
                    None,
                )
            else:
                self.show_notice(self.tr("Scan an order, waybill or tote to start"), None)
        self.last_verdict = verdict
        if verdict is not None and verdict.kind is VerdictKind.ORDER_COMPLETE:
            self._weigh_armed = True
        elif self._phase() not in (Phase.WEIGHING, Phase.WEIGHT_FAILED) or self.station.blocked is not None:
            self._weigh_armed = False
        self._render_after_verdict(state, verdict)

    def _render_after_verdict(self, state: PackState | None, verdict: Verdict | None) -> None:
        order = state.order if state else None
        if self._shown_order != (order.order_id if order else None):
            self._render_order(order)
            self._shown_order = order.order_id if order else None
        self._render_lines(order, state.counts if state and order else (), verdict)
        self._render_weight()
        self._render_plan()
        self._render_prompt()
        self._render_entry()

    def _render_plan(self) -> None:
        """The customer rules' instruction cards: what, why, and how to confirm; done ones ticked."""
        state = self.station.state
        plan = state.plan if state is not None and state.order is not None else None
        if plan is None or not plan.steps:
            self.plan_title.hide()
            self.plan.hide()
            return
        rows = []
        for step in plan.steps:
            done = state.step_done(step) if step.confirm is not Confirm.NONE else None  # type: ignore[union-attr]
            if done is None:
                mark, colour = "•", "#37474f"
            elif done:
                mark, colour = "✓", "#1b5e20"
            else:
                mark, colour = "☐", "#b71c1c"
            text = html.escape(messages.step_text(step, self.chinese))
            how = "" if done or done is None else html.escape(messages.step_how(step, state, self.chinese))  # type: ignore[arg-type]
            why = html.escape(self.tr("why: {rule}").format(rule=step.rule_name))
            rows.append(
                f"<div style='color:{colour}'><b>{mark} {text}</b>"
                + (f"<br/>&nbsp;&nbsp;→ {how}" if how else "")
                + f"<br/><span style='font-size:11pt;color:#607d8b'>&nbsp;&nbsp;{why}</span></div>"
            )
        for item in plan.overridden:
            rows.append(
                "<div style='font-size:11pt;color:#90a4ae'>"
                + html.escape(
                    self.tr("{action} of rule {rule} not used: rule {winner} comes first").format(
                        action=messages.action_name(item.action), rule=item.rule, winner=item.by_rule
                    )
                )
                + "</div>"
            )
        if state is not None and state.plan_override is not None:
            rows.append(
                "<div style='color:#e65100'><b>"
                + html.escape(self.tr("Supervisor override: {name}").format(name=state.plan_override[0].name))
                + "</b></div>"
            )
        self.plan_title.setText(self.tr("Instructions for this customer (F1 confirms)"))
        self.plan.setText("".join(rows))
        self.plan_title.show()
        self.plan.show()

    def _render_order(self, order: OrderSnapshot | None) -> None:
        if order is None:
            for label in (
                self.order_no,
                self.order_meta,
                self.customer_name,
                self.tier,
                self.tags,
                self.prefs,
            ):
                label.clear()
            self.tier.hide()
            self.notes.hide()
            self.order_no.setText(self.tr("No order open"))
            return
        self.order_no.setText(order.order_no)
        ship_by = order.ship_by.astimezone().strftime("%m-%d %H:%M") if order.ship_by else "—"
        self.order_meta.setText(
            self.tr("{channel} · {carrier} {waybill} · ship by {ship_by} · {province}{city}").format(
                channel=messages.channel_text(order.channel),
                carrier=messages.carrier_text(order.carrier),
                waybill=order.waybill_no or "",
                ship_by=ship_by,
                province=order.address.province,
                city=order.address.city,
            )
        )
        customer = order.customer
        if customer is not None:
            self.customer_name.setText(customer.name)
            self.tier.setText(messages.tier_text(customer.tier))
            self.tier.setVisible(customer.tier != "normal")
            self.tags.setText("  ".join(f"#{messages.tag_text(t)}" for t in customer.tags))
            self.prefs.setText("  ".join(messages.pref_text(k, v) for k, v in customer.preferences.items()))
        else:
            self.customer_name.setText(order.address.receiver)
            self.tier.hide()
            self.tags.clear()
            self.prefs.clear()
        notes = []
        if order.buyer_note:
            notes.append(self.tr("Buyer: {note}").format(note=order.buyer_note))
        if order.seller_note:
            notes.append(self.tr("Seller: {note}").format(note=order.seller_note))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _render_lines(
        self, order: OrderSnapshot | None, counts: tuple[int, ...], verdict: Verdict | None
    ) -> None:
        """Update only the cells that changed: a scan repaints one row, not the table."""
        lines = order.lines if order else ()
        if len(self._cells) != len(lines) or self.lines.rowCount() != len(lines):
            self.lines.setRowCount(len(lines))
            self._cells = []
            for row in range(len(lines)):
                cells = [QTableWidgetItem() for _ in range(4)]
                cells[3].setFont(self._count_font)
                cells[3].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                for col, cell in enumerate(cells):
                    self.lines.setItem(row, col, cell)
                self._cells.append(cells)
            self._row_keys = []
        resized = False
        for row, line in enumerate(lines):
            scanned = counts[row] if row < len(counts) else 0
            highlight = None
            if verdict is not None and verdict.line_index == row:
                highlight = verdict.severity is Severity.ERROR
            key = (line.line_id, scanned, highlight, self.chinese)
            if row < len(self._row_keys) and self._row_keys[row] == key:
                continue
            name = line.name_zh if self.chinese else line.name_en
            if line.custom_fields:
                extras = "  ".join(f"{k}: {v}" for k, v in line.custom_fields.items())
                name = f"{name}\n【{extras}】"
            values = [line.bin_location, line.sku_code, name, f"{scanned} / {line.quantity}"]
            colour = QColor("#c8e6c9") if scanned >= line.quantity else QColor("#ffffff")
            if highlight is not None:
                colour = QColor("#ffcdd2") if highlight else QColor("#a5d6a7")
            for cell, value in zip(self._cells[row], values, strict=True):
                if cell.text() != value:
                    cell.setText(value)
                    resized = resized or value is name
                cell.setBackground(colour)
            if row < len(self._row_keys):
                self._row_keys[row] = key
            else:
                self._row_keys.append(key)
                resized = True
        if resized:
            self.lines.resizeRowsToContents()

    def _render_weight(self) -> None:
        state = self.station.state
        expected = state.expected_g if state else None
        if state is None or expected is None:
            self.weight_big.setText("—")
            self.weight_detail.clear()
            return
        policy = state.policy
        allowed = max(policy.tolerance_g, round(expected * policy.tolerance_pct / 100))
        live = self.live_reading
        if live is not None and live.grams is not None:
            mark = "" if live.stable else " ~"
            self.weight_big.setText(f"{live.grams} g{mark}")
        elif live is not None:
            self.weight_big.setText(messages.reading_state_text(live.state.value))
        elif state.weight is not None:
            self.weight_big.setText(f"{state.weight.actual_g} g")
        else:
            self.weight_big.setText("—")
        self.weight_detail.setText(
            self.tr("expected {expected} g ± {allowed} g").format(expected=expected, allowed=allowed)
        )

    def _render_prompt(self) -> None:
        state = self.station.state
        if state is None or state.phase not in (Phase.AWAITING_REASON, Phase.AWAITING_SUPERVISOR):
            self.prompt.hide()
            return
        if state.phase is Phase.AWAITING_SUPERVISOR:
            self.prompt.setText(self.tr("Waiting for a supervisor badge…  (Esc cancels)"))
        else:
            choices = messages.reason_choices(state.pending.value if state.pending else "")
            self.prompt.setText(
                "    ".join(f"[{i}] {text}" for i, (_code, text) in enumerate(choices, start=1))
            )
        self.prompt.show()

    def _render_entry(self) -> None:
        if self._phase() in (Phase.WEIGHING, Phase.WEIGHT_FAILED):
            self.entry.setPlaceholderText(
                self.tr("Put the parcel on the scale, or type its weight in grams + Enter")
            )
        else:
            self.entry.setPlaceholderText(self.tr("Scan, or type an order no / barcode + Enter"))

    def _add_scan_row(self, code: str, verdict: Verdict) -> None:
        mark = {Severity.OK: "✓", Severity.DONE: "✓✓", Severity.ERROR: "✗"}.get(verdict.severity, "·")
        time = datetime.now().strftime("%H:%M:%S")
        row = f"{time}&nbsp;&nbsp;{mark}&nbsp;&nbsp;{html.escape(code)}"
        if verdict.severity is Severity.ERROR:
            row = f'<span style="color:#c62828">{row}</span>'
        self._scan_rows = [row, *self._scan_rows[: LAST_SCANS - 1]]
        self.scans.setText("<br>".join(self._scan_rows))
