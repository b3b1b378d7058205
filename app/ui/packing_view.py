"""The packing screen: order, customer, lines, a verdict banner, weight, last scans.

It only renders what the PackingStation decides. Every action has a key or a command barcode;
the text field takes typed codes and weights, and scans arrive through the wedge filter
whatever has focus. Prompts (hold reason, supervisor badge) are inline panels, never dialogs,
so nothing steals a scan.
"""

from __future__ import annotations

import html
import logging
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import weighing
from app.core.commands import Command, parse_command
from app.core.model import Box, OrderSnapshot, PrintJobStatus
from app.core.pack_session import PackState, Phase, Severity, Verdict, VerdictKind
from app.core.rules import Confirm, Step
from app.core.weighing import WeighGate
from app.print_service import PrintStatus
from app.runner import Answer, Operations
from app.station import MAX_SCAN_LENGTH, PIN_MASK, PackingStation, PinTry, SaveResult
from app.store.packing import PackConflict
from app.ui import messages
from app.ui.banner import Banner, ElidedLabel, RecentRows, elide_code, wrapping
from app.ui.label_preview import LabelPreview
from app.ui.pages import scrolling
from app.ui.sounds import Sounds
from app.ui.theme import LATE_COLOUR
from app.ui.wedge import forget_leftovers
from scanner.interpret import interpret
from scanner.model import DeviceState, Reading, Scan

log = logging.getLogger(__name__)

LAST_SCANS = 12
MIN_TABLE_PX = 200  # the items table's floor: its header and three rows

_KEYS: list[tuple[str, Command | None]] = [
    ("F1", Command.CONFIRM),
    ("F2", Command.UNDO),
    ("F3", Command.HOLD),
    ("F6", Command.OVERRIDE),
    ("F7", Command.RELEASE),
    ("F8", Command.COMPLETE),
    ("Ins", Command.PARCEL),
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
    returns_requested = Signal()
    video_requested = Signal()

    def __init__(
        self, station: PackingStation, sounds: Sounds, ops: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.sounds = sounds
        self.ops = ops
        self._pin_checking = False  # a supervisor's PIN is being checked off the GUI thread
        self._held_scans: list[Scan] = []
        self.chinese = True
        self.last_verdict: Verdict | None = None
        self.scale_state: DeviceState | None = None
        self.live_reading: Reading | None = None
        self.print_status = PrintStatus()
        # When a scale reading becomes the parcel's weight: app.core.weighing.
        self._gate = WeighGate()
        self._weighed_phase: Phase | None = None  # the phase the gate last saw
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
        # Fixed regions: the banner, entry and key hints keep their place; the three columns share
        # what is left, and each column's content scrolls or clips inside it. No text, however
        # long, makes a region ask for more room (app/ui/banner.py).
        self.banner = Banner()

        self.order_no = ElidedLabel(objectName="orderNo", min_px=18)
        self.order_meta = wrapping(QLabel(objectName="headline", textFormat=Qt.TextFormat.RichText))
        self.box_line = wrapping(QLabel(objectName="headline"))
        self.customer_name = ElidedLabel(objectName="customerName")
        self.tier = QLabel(objectName="tier")
        self.tags = wrapping(QLabel(objectName="tags"))
        self.prefs = wrapping(QLabel(objectName="prefs"))
        self.notes = wrapping(QLabel(objectName="notes"))

        order_panel = QWidget()
        left = QVBoxLayout(order_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.order_no)
        left.addWidget(self.order_meta)
        left.addWidget(self.box_line)
        self.parcel_line = wrapping(QLabel(objectName="headline"))  # a split shipment's parcels
        left.addWidget(self.parcel_line)
        card = QFrame(frameShape=QFrame.Shape.StyledPanel)
        card_layout = QVBoxLayout(card)
        name_row = QHBoxLayout()
        name_row.addWidget(self.customer_name, 1)
        name_row.addWidget(self.tier)
        card_layout.addLayout(name_row)
        card_layout.addWidget(self.tags)
        card_layout.addWidget(self.prefs)
        left.addWidget(card)
        left.addWidget(self.notes)
        left.addStretch()
        self.order_scroll = scrolling(order_panel)

        self.lines = QTableWidget(0, 4)
        self.lines.verticalHeader().setVisible(False)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.lines.setWordWrap(True)
        self.lines.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.lines.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.lines.setMinimumHeight(MIN_TABLE_PX)
        self._count_font = QFont(self.font())
        self._count_font.setPixelSize(34)
        self._count_font.setBold(True)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)

        self.weight_title = QLabel(objectName="headline")
        self.weight_big = ElidedLabel(objectName="weightBig")
        self.weight_detail = wrapping(QLabel(objectName="headline"))
        self.plan_title = wrapping(QLabel(objectName="headline"))
        self.plan_panel = QWidget(objectName="planPanel")
        self.plan_rows = QVBoxLayout(self.plan_panel)
        self.plan_rows.setContentsMargins(0, 0, 0, 0)
        self.plan_rows.setSpacing(1)
        self.plan_rows.addStretch()
        self._plan_cards: list[QLabel] = []
        self._line_font = QFont(self.font())
        self._line_font.setPixelSize(15)  # the instructions after the next one: a line each
        self.plan = scrolling(self.plan_panel)
        self.scans_title = QLabel(objectName="headline")
        # A label, not a list view: one cheap repaint per scan instead of shifting every row.
        # It shows as many of the newest rows as fit whole in the height it is given.
        self.scans = RecentRows(LAST_SCANS, objectName="scans")
        self.scans.setMinimumHeight(60)
        # The order's column ends with the last scans; the right column is the parcel's: its weight,
        # then the customer's instructions, which take what they need to be seen whole.
        order_column = QVBoxLayout()
        order_column.addWidget(self.order_scroll, 3)
        order_column.addWidget(self.scans_title)
        order_column.addWidget(self.scans, 1)
        right = QVBoxLayout()
        right.addWidget(self.weight_title)
        right.addWidget(self.weight_big)
        right.addWidget(self.weight_detail)
        right.addWidget(self.plan_title)
        right.addWidget(self.plan, 6)
        self.preview = LabelPreview(self.ops)
        right.addWidget(self.preview, 2)

        self.prompt = wrapping(QLabel(objectName="prompt"))
        self.prompt.hide()
        self.entry = QLineEdit()
        self.leftovers = forget_leftovers(self.entry)  # a piece left in the field never joins the next
        self.entry.returnPressed.connect(self._on_entry)
        self.entry.installEventFilter(self)
        self.entry.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.keys = wrapping(QLabel(objectName="keys"))

        body = QHBoxLayout()
        body.addLayout(order_column, 3)
        body.addWidget(self.lines, 5)
        body.addLayout(right, 3)

        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 4)
        root.setSpacing(6)
        root.addWidget(self.banner)
        root.addLayout(body, 1)
        root.addWidget(self.prompt)
        root.addWidget(self.entry)
        root.addWidget(self.keys)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = event.size().height()
        # The banner is the loudest thing on screen, but on a 720-line screen the items come first.
        self.banner.setFixedHeight(max(84, min(150, height // 7)))
        # The key hints are for a person learning the bench: on a small screen they give way.
        self.keys.setStyleSheet("font-size: 15px;" if height < 800 else "")
        self._show_keys()
        self.banner.max_px = 40 if height >= 800 else 30
        self._size_columns()
        self._render_plan()  # one-line instructions are cut to the new width

    def _size_columns(self) -> None:
        """Bin and SKU as wide as their longest value up to a quarter of the table each; the
        count a fixed width; the item's name gets the rest and wraps."""
        width = self.lines.viewport().width()
        for column in (0, 1):
            self.lines.setColumnWidth(column, min(max(70, self.lines.sizeHintForColumn(column)), width // 4))
        self.lines.setColumnWidth(3, max(110, width // 7))

    def _bind_keys(self) -> None:
        for key, command in _KEYS:
            shortcut = QShortcut(
                QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(lambda command=command, key=key: self.run_command(command, key))
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
        box = QShortcut(QKeySequence("Ctrl+B"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        box.activated.connect(self.take_recommended_box)
        for keys, signal in (
            ("Shift+F2", self.returns_requested),
            ("Shift+F3", self.video_requested),
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
        self._all_keys = self.tr(
            "F2 undo · F3 hold · F4 weigh again · F6 supervisor override · F7 release hold · F8 check · "
            "Ins new parcel · Esc put order back · F5 reprint label · Shift+F5 print history · "
            "Shift+F2 returns · Shift+F3 packing video (supervisor) · "
            "Shift+F7 waves (supervisor) · Shift+F8 rules (supervisor) · F9 settings · "
            "Shift+F9 customer preferences · F10 zero scale · F11 sync now · "
            "Shift+F11 sync exceptions · F12 sign out"
        )
        self._few_keys = self.tr(
            "F1 confirm · F2 undo · F3 hold · F4 weigh · F6 override · F7 release · F8 what is missing · "
            "Ins parcel · Esc put back · F9 settings · F12 sign out"
        )
        self._show_keys()
        self.render(self.last_verdict, play=False)

    def _show_keys(self) -> None:
        """Every key where there is room; on a small screen the ones used every hour (all of them
        in the tooltip, and on the command sheet)."""
        every, few = getattr(self, "_all_keys", ""), getattr(self, "_few_keys", "")
        self.keys.setText(few if self.height() < 800 else every)
        self.keys.setToolTip(every)

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
        self.handle_scan(text)

    def handle_scan(self, raw: str) -> None:
        """What was typed + Enter (or a scan as text): interpreted once, then handled."""
        self.handle(interpret(raw[:MAX_SCAN_LENGTH]))

    def handle(self, scan: Scan) -> None:
        """A scan: at the weighing step a short number is grams, in a PIN prompt it is the PIN
        (never shown), otherwise a code for the station."""
        if self._pin_checking:
            self._held_scans.append(scan)  # answered once the PIN is: nothing scanned is lost
            return
        phase = self._phase()
        if phase is Phase.AWAITING_PIN:
            self._check_pin(scan.raw)
            return
        if phase in (Phase.WEIGHING, Phase.WEIGHT_FAILED) and is_typed_weight(scan.code):
            grams = int(scan.code.strip())
            self.render(self.station.handle_weight(grams, "manual"), code=f"{grams} g")
            return
        # Device and printer commands: the pack session never sees them.
        if (command := parse_command(scan.code)) in (Command.ZERO, Command.REPRINT):
            self.run_command(command)
            return
        self.render(self.station.handle(scan), code=scan.raw.strip())

    def recheck(self) -> None:
        """A pull landed: stop or update the order on the bench if the server changed it."""
        verdict = self.station.recheck()
        if verdict is not None:
            self.render(verdict, code=self.tr("change from the office"))

    def take_recommended_box(self) -> None:
        """Ctrl+B: the parcel goes in the recommended box (as if its code were scanned); pressed
        again, in the next bigger one of the catalogue."""
        box = self.station.next_box()
        if box is None:
            self._show_local(
                self.tr("No box recommended for this order — scan the box you use"), Severity.ERROR
            )
            return
        self.handle_scan(box.code)

    def _check_pin(self, pin: str) -> None:
        """A supervisor's PIN costs about half a second to check by design (its verifier is
        memory-hard): checked off the GUI thread; scans meanwhile wait their turn."""
        state = self.station.state
        supervisor = state.supervisor if state is not None else None
        badge = supervisor.badge_code if supervisor is not None else ""
        self._pin_checking = True
        self.show_notice(self.tr("Checking the PIN…"), Severity.INFO)

        def answered(answer: Answer[PinTry]) -> None:
            if not shiboken6.isValid(self):  # the window closed while the PIN was being checked
                return
            self._pin_checking = False
            self.render(self.station.handle_pin_tried(answer.value or PinTry(badge)), code=PIN_MASK)
            held, self._held_scans = self._held_scans, []
            for scan in held:
                self.handle(scan)

        self.ops.query(lambda: self.station.try_pin(badge, pin), answered, what="a supervisor's PIN")

    def run_command(self, command: Command, key: str = "") -> None:
        """A command by key or by its barcode; `key` names the key in the last-scans list, so a
        key press has a row there like a scan."""
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
        self.render(self.station.handle_command(command), code=key or command.barcode)

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
        if not weighing.may_zero(self._phase(), _plain(self.live_reading)):
            self._show_local(self.tr("Take the parcel off the scale, then zero it (F10)"), Severity.ERROR)
            return
        self.zero_scale_requested.emit()

    def show_local_error(self, text: str) -> None:
        self._show_local(text, Severity.ERROR)

    def show_interrupted(self, status: PrintStatus) -> None:
        """A job may be half-printed: say so loudly, without blocking the next scan."""
        orders = ", ".join(
            sorted({job.order_no for job in status.attention if job.status == PrintJobStatus.INTERRUPTED})
        )
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
        """F4: weigh again (after a failure, or when the scale did not settle)."""
        if self.station.blocked is None:
            self._gate, grams = weighing.arm(self._phase(), _plain(self.live_reading))
            self._weigh(grams)

    def on_reading(self, reading: Reading) -> None:
        """A scale reading (GUI thread). Shown live; the gate decides whether it is the weight."""
        self.live_reading = reading
        if self.station.blocked is None:
            self._gate, grams = weighing.on_reading(self._gate, self._phase(), _plain(reading))
            if grams is not None:
                self._weigh(grams)
                return
        self._render_weight()

    def _weigh(self, grams: int | None) -> None:
        if grams is not None:
            self.render(self.station.handle_weight(grams, "scale"), code=f"{grams} g")

    def on_saved(self, result: SaveResult) -> None:
        """The writer's word on a pack, hold or release: only now does success show."""
        if result.kind in ("opened", "intercepted", "reissued"):  # the bench already said what to do
            return
        awaiting, self._awaiting = self._awaiting, None
        if result.kind == "waiting":
            self._awaiting = awaiting
            self.render(self.station.not_saved_verdict())
            return
        if result.kind != "failed":
            if awaiting is not None and awaiting[0].order_no == result.order_no:
                self.render(*awaiting)
            elif (
                self.station.blocked is None
                and self.last_verdict is not None
                and self.last_verdict.kind in (VerdictKind.NOT_SAVED, VerdictKind.STORE_ERROR)
            ):
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
        self.banner.show_verdict(text, severity)

    def render(self, verdict: Verdict | None, code: str = "", play: bool = True) -> None:
        """Show the station's state and the verdict; the banner and sound come first."""
        state = self.station.state
        if verdict is not None and play and self.station.is_unsaved(verdict):
            # "Packed ✓" only once it is on disk: the commit's answer renders it (on_saved).
            self._awaiting = (verdict, code)
            self.show_notice(self.tr("Saving {order}…").format(order=verdict.order_no), Severity.INFO)
            self.last_verdict = verdict
            self._follow_phase()
            self._render_after_verdict(state, None)
            return
        if verdict is not None:
            text = messages.plan_verdict_text(verdict, state, self.chinese) or messages.verdict_text(
                verdict, self.chinese
            )
            due = self.station.label_due
            if verdict.kind is VerdictKind.PACKED and due is not None and due.order_no == verdict.order_no:
                text = self.tr(
                    "Packed {order} — now scan the waybill label on the parcel to check it"
                ).format(order=verdict.order_no)
            self.show_notice(text, verdict.severity)
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
            elif self.station.label_due is not None:
                self.show_notice(
                    self.tr("Scan the waybill label on the parcel of order {order} to check it").format(
                        order=self.station.label_due.order_no
                    ),
                    Severity.PROMPT,
                )
            else:
                self.show_notice(self.tr("Scan an order, waybill or tote to start"), None)
        self.last_verdict = verdict
        if verdict is not None and verdict.kind is VerdictKind.PARCEL_SEALED:
            self._gate = weighing.sealed()  # that parcel may still be on the scale
        grams = self._follow_phase()
        self._render_after_verdict(state, verdict)
        self._weigh(grams)

    def _follow_phase(self) -> int | None:
        """The gate opens as the session comes to the weighing step (all in, a plan let go, an
        order restored there) and closes when it leaves it; a parcel already at rest on the scale
        is weighed at once (returned, weighed by the caller once the screen is drawn)."""
        phase = None if self.station.blocked is not None else self._phase()
        entered = phase is Phase.WEIGHING and self._weighed_phase not in weighing.WEIGHING_PHASES
        self._weighed_phase = phase
        if entered:
            self._gate, grams = weighing.arm(phase, _plain(self.live_reading), self._gate.lift_first)
            return grams
        self._gate = weighing.on_phase(self._gate, phase)
        return None

    def _render_after_verdict(self, state: PackState | None, verdict: Verdict | None) -> None:
        order = state.order if state else None
        if self._shown_order != (order.order_id if order else None):
            self._render_order(order)
            self._shown_order = order.order_id if order else None
            if order is not None and self.preview.order_no != order.order_no:
                self.preview.forget()  # the last order's label is not this order's
        self._render_lines(order, state.counts if state and order else (), verdict)
        self._render_box(state)
        self._render_parcels(state)
        self._render_weight()
        self._render_plan()
        self._render_prompt()
        self._render_entry()

    def _render_box(self, state: PackState | None) -> None:
        """The box the parcel goes in: the one scanned, else the one recommended for the items."""
        if state is None or state.order is None:
            self.box_line.clear()
            return
        if state.box is not None:
            self.box_line.setText(
                self.tr("Box: {name} ({weight} g) — Ctrl+B: the next size").format(
                    name=self._box_name(state.box), weight=state.box.weight_g
                )
            )
            return
        advice = self.station.recommended_box
        self.box_line.setText(
            self.tr("Box: {name} recommended — Ctrl+B takes it, or scan the box you use").format(
                name=self._box_name(advice)
            )
            if advice is not None
            else ""
        )

    def _render_parcels(self, state: PackState | None) -> None:
        """A split shipment: which parcel is open, what is in it, and the parcels sealed so far."""
        if state is None or state.order is None or not (state.parcels or state.sealing):
            self.parcel_line.clear()
            return
        sealed = " · ".join(
            self.tr("#{no}: {items} item(s), {grams} g").format(
                no=no, items=parcel.item_count, grams=f"{parcel.weight.actual_g:,}"
            )
            for no, parcel in enumerate(state.parcels, start=1)
        )
        text = self.tr("Parcel {no} open: {items} item(s) in it").format(
            no=state.parcel_no, items=sum(state.parcel_counts)
        )
        if sealed:
            text += " — " + self.tr("sealed: {parcels}").format(parcels=sealed)
        self.parcel_line.setText(text)

    def _box_name(self, box: Box) -> str:
        return (box.name_zh if self.chinese else box.name_en) or box.name_zh or box.code

    def _render_plan(self) -> None:
        """The customer rules' instructions in work order, every open one on screen: the next one
        (what F1 confirms) with how to confirm it, the other open ones a line each, then the
        notes and what is done in a line; why each is asked is its tooltip. The pane takes the
        height its open instructions need, before the last scans take theirs."""
        state = self.station.state
        plan = state.plan if state is not None and state.order is not None else None
        if state is None or plan is None or not plan.steps:
            self.plan_title.hide()
            self.plan.hide()
            self._fit_plan()
            return
        open_ids = {s.id for s in state.open_steps}
        first_open = next((s.id for s in plan.in_work_order if s.id in open_ids), None)
        rows: list[tuple[str, str]] = []
        done: list[str] = []
        for step in plan.in_work_order:
            if step.confirm not in (Confirm.REWAYBILL, Confirm.NONE) and state.step_done(step):
                done.append(messages.step_text(step, self.chinese))
                continue
            why = self.tr("why: {rule}").format(rule=step.rule_name)
            rows.append((self._card_html(step, state, step.id == first_open), why))
        if done:
            line = self._one_line("✓ " + " · ".join(done))
            done_line = f"<div style='color:#1b5e20;font-size:15px'>{html.escape(line)}</div>"
            rows.append((done_line, " · ".join(done)))
        for item in plan.overridden:
            note = self.tr("{action} of rule {rule} not used: rule {winner} comes first").format(
                action=messages.action_name(item.action), rule=item.rule, winner=item.by_rule
            )
            note_line = html.escape(self._one_line(note))
            rows.append((f"<div style='color:#90a4ae;font-size:15px'>{note_line}</div>", note))
        while len(self._plan_cards) < len(rows):
            card = wrapping(QLabel(textFormat=Qt.TextFormat.RichText, objectName="planCard"))
            self.plan_rows.insertWidget(len(self._plan_cards), card)
            self._plan_cards.append(card)
        for index, card in enumerate(self._plan_cards):
            card.setVisible(index < len(rows))
            if index < len(rows):
                text, why = rows[index]
                if card.text() != text:
                    card.setText(text)
                card.setToolTip(why)
        self.plan_title.setText(
            self.tr("Customer's instructions: {open} open").format(open=len(open_ids))
            if open_ids
            else self.tr("Customer's instructions: all done")
        )
        self.plan_title.show()
        self.plan.show()
        self._fit_plan()

    def _fit_plan(self) -> None:
        """The label preview only where it takes nothing from the customer's open instructions
        (a new order's instructions are read before its label exists)."""
        state = self.station.state
        instructions = state is not None and state.order is not None and bool(state.open_steps)
        self.preview.setVisible(self.height() >= 760 and not instructions)

    def _card_html(self, step: Step, state: PackState, next_up: bool) -> str:
        override = state.plan_override
        how = ""
        if step.confirm is Confirm.REWAYBILL:
            mark, colour, how = "⚠", "#e65100", self.tr("the waybill is for another carrier")
        elif step.confirm is Confirm.NONE:
            mark, colour = "•", "#37474f"
        elif override is not None:
            mark, colour = "⊘", "#e65100"
            how = self.tr("let go by supervisor {name}").format(name=override[0].name)
        else:
            mark, colour = ("▶", "#b71c1c") if next_up else ("☐", "#b71c1c")
            if next_up or step.confirm is not Confirm.KEY:
                how = messages.step_how(step, state, self.chinese)
        plain = messages.step_text(step, self.chinese)
        if not next_up:  # a line each after the next one: every open instruction stays in view
            line = self._one_line(f"{mark} {plain}" + (f" — {how}" if how else ""))
            return f"<div style='color:{colour};font-size:15px'>{html.escape(line)}</div>"
        return (
            f"<div style='color:{colour}'><b>{mark} {html.escape(plain)}</b>"
            + (f"<br/>&nbsp;&nbsp;→ {html.escape(how)}" if how else "")
            + "</div>"
        )

    def _one_line(self, text: str) -> str:
        """`text` cut with "…" to one line of the instruction pane (the whole is the tooltip)."""
        width = max(80, self.plan.viewport().width() - 12)
        return QFontMetrics(self._line_font).elidedText(text, Qt.TextElideMode.ElideRight, width)

    def plan_text(self) -> str:
        """The instruction cards as plain text (what a person reads there)."""
        return "\n".join(
            QTextDocumentFragment.fromHtml(card.text()).toPlainText()
            for card in self._plan_cards
            if card.isVisibleTo(self.plan_panel)
        )

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
        late = messages.overdue_text(order.ship_by, datetime.now(UTC))
        if late:  # the packer sees it before the carrier does: this one goes out first
            ship_by = (
                f'<span style="color:{LATE_COLOUR}; font-weight:bold">{ship_by} ⚠ {html.escape(late)}</span>'
            )
        # The code the carrier's hubs sort by, as the label prints it: the packer can match it.
        routing = order.routing
        code = (routing.route_label or routing.sort_code) if routing is not None else ""
        self.order_meta.setText(
            self.tr("{channel} · {carrier} {waybill} {code} · ship by {ship_by} · {province}{city}").format(
                channel=html.escape(messages.channel_text(order.channel)),
                carrier=html.escape(messages.carrier_text(order.carrier)),
                waybill=html.escape(order.waybill_no or ""),
                code=f"<b>[{html.escape(code)}]</b>" if code else "",
                ship_by=ship_by,
                province=html.escape(order.address.province),
                city=html.escape(order.address.city),
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
            self._size_columns()
            self.lines.resizeRowsToContents()

    def _render_weight(self) -> None:
        state = self.station.state
        # While instructions are still open the parcel is not weighed yet: the big weight gives its
        # room to them, and comes back at the weighing step.
        instructions = state is not None and state.order is not None and bool(state.open_steps)
        self.weight_big.setVisible(
            not instructions or state is None or state.phase in weighing.WEIGHING_PHASES
        )
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
        detail = self.tr("expected {expected} g ± {allowed} g").format(expected=expected, allowed=allowed)
        if self._gate.lift_first and state.phase in weighing.WEIGHING_PHASES:
            detail += "\n" + self.tr("Take the sealed parcel off the scale, then put this one on")
        self.weight_detail.setText(detail)

    def _render_prompt(self) -> None:
        state = self.station.state
        if state is None or state.phase not in (
            Phase.AWAITING_REASON,
            Phase.AWAITING_SUPERVISOR,
            Phase.AWAITING_PIN,
        ):
            self.prompt.hide()
            return
        if state.phase is Phase.AWAITING_SUPERVISOR:
            self.prompt.setText(self.tr("Waiting for a supervisor badge…  (Esc cancels)"))
        elif state.phase is Phase.AWAITING_PIN:
            name = state.supervisor.name if state.supervisor else ""
            self.prompt.setText(self.tr("{name}: type your PIN + Enter  (Esc cancels)").format(name=name))
        else:
            choices = messages.reason_choices(state.pending.value if state.pending else "")
            self.prompt.setText(
                "    ".join(f"[{i}] {text}" for i, (_code, text) in enumerate(choices, start=1))
            )
        self.prompt.show()

    def _render_entry(self) -> None:
        pin = self._phase() is Phase.AWAITING_PIN
        self.entry.setEchoMode(QLineEdit.EchoMode.Password if pin else QLineEdit.EchoMode.Normal)
        if pin:
            self.entry.setPlaceholderText(self.tr("Supervisor PIN + Enter"))
        elif self._phase() in (Phase.WEIGHING, Phase.WEIGHT_FAILED):
            self.entry.setPlaceholderText(
                self.tr("Put the parcel on the scale, or type its weight in grams + Enter")
            )
        else:
            self.entry.setPlaceholderText(self.tr("Scan, or type an order no / barcode + Enter"))

    def _add_scan_row(self, code: str, verdict: Verdict) -> None:
        mark = {Severity.OK: "✓", Severity.DONE: "✓✓", Severity.ERROR: "✗"}.get(verdict.severity, "·")
        time = datetime.now().strftime("%H:%M:%S")
        row = f"{time}&nbsp;&nbsp;{mark}&nbsp;&nbsp;{html.escape(elide_code(code, 36))}"
        if verdict.severity is Severity.ERROR:
            row = f'<span style="color:#c62828">{row}</span>'
        self.scans.add(row)


MAX_TYPED_WEIGHT_DIGITS = 6  # 150 kg in grams; item barcodes (EAN-8 and up) are longer


def is_typed_weight(text: str) -> bool:
    """At the weighing step, a short all-digit entry is grams however fast it was typed: no
    item barcode is that short, and every item is already in."""
    text = text.strip()
    return text.isdigit() and len(text) <= MAX_TYPED_WEIGHT_DIGITS


def _plain(reading: Reading | None) -> weighing.ScaleReading | None:
    return None if reading is None else weighing.ScaleReading(reading.grams, reading.stable, reading.usable)
