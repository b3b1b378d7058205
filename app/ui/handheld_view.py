"""The handheld picking screen (480×800 touch, built-in scanner in keyboard mode).

Badge → wave → for each stop in walking order: scan the bin, scan the item (a quantity prompt for
multiples: scan each one, or type the number), put it into the cart slots shown; a short pick
takes a reason and becomes an exception for the supervisor. Every stop is recorded in the outbox
(pick.confirmed / pick.short) as it is done, so a dropped handheld loses at most the stop in hand.
Big targets for gloves; colour and sound on every scan.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import put_back
from app.core.picking import (
    SHORT_REASONS,
    CountSet,
    PickState,
    PickStop,
    PickVerdict,
    Say,
    Scanned,
    ShortReason,
    SlotShare,
    Step,
    Tapped,
    Tone,
    prompt_for,
)
from app.core.pickpath import LocationParser
from app.core.put_back import Said
from app.picking_station import PickingStation, PutBackWalk
from app.runner import Operations
from app.store.db import Database
from app.store.waves import WaveProgress
from app.ui import messages
from app.ui.banner import Banner, ElidedLabel, wrapping
from app.ui.pages import scrolling
from app.ui.sounds import Sounds
from app.ui.tables import TOUCH_HEIGHT
from app.ui.wedge import forget_leftovers

log = logging.getLogger(__name__)

SHORT_BUTTON = "font-size: 18pt; min-height: 44px; padding: 4px 12px;"  # 56 px: a gloved finger's
OK_COLOURS = ("#e8f5e9", "#1b5e20")
ERROR_COLOURS = ("#c62828", "#ffffff")
PROMPT_COLOURS = ("#fff8e1", "#5d4037")


class HandheldView(QWidget):
    signed_out = Signal()

    def __init__(
        self,
        db: Database,
        ops: Operations,
        station_name: Callable[[], str],
        sounds: Sounds,
        parser: Callable[[], LocationParser],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._station = station_name
        self.sounds = sounds
        self._parser = parser
        self.controller = PickingStation(
            db,
            station_name,
            parser,
            ops=ops,
            on_verdict=self.show_verdict,
        )
        self.controller.signed_out = self.signed_out.emit
        self.put_back = PutBackWalk(db, ops, parser, self.show_put_back)
        self.putting_back = False  # the put-back walk is on screen: scans go to it

        # The bench's banner: a fixed region whose sentence wraps anywhere and shrinks its type to
        # fit, so a long code or name never widens the 480-px screen.
        self.banner = Banner()
        self.banner.max_px = 30
        self.banner.setFixedHeight(110)
        self.progress = ElidedLabel(elide=Qt.TextElideMode.ElideRight)  # a picker's long name is cut
        self.progress.setStyleSheet("font-size: 14pt;")
        self.location = ElidedLabel(min_px=28)
        self.location.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.location.setStyleSheet("font-size: 44pt; font-weight: bold;")
        self.item = wrapping(QLabel())
        self.item.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.item.setStyleSheet("font-size: 18pt;")
        self.quantity = QLabel()
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quantity.setStyleSheet("font-size: 40pt; font-weight: bold;")
        self.slots = wrapping(QLabel())
        self.slots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slots.setStyleSheet("font-size: 16pt;")
        self.entry = QLineEdit()
        self.leftovers = forget_leftovers(self.entry)  # a piece left in the field never joins the next
        self.entry.setMinimumHeight(56)
        self.entry.setStyleSheet("font-size: 18pt;")
        self.entry.returnPressed.connect(self._entered)
        self.entry.installEventFilter(self)

        self.wave_buttons: list[QPushButton] = []
        wave_list = QWidget()
        self.wave_list = QVBoxLayout(wave_list)
        self.wave_list.setContentsMargins(0, 0, 0, 0)
        self.wave_list.addStretch(1)
        waves_page = QWidget()
        waves_layout = QVBoxLayout(waves_page)
        waves_layout.addWidget(scrolling(wave_list), 1)  # a day's waves scroll; the screen does not
        self.put_back_button = QPushButton()
        self.put_back_button.setMinimumHeight(72)
        self.put_back_button.setStyleSheet("font-size: 16pt; background: #fff3e0;")
        # Its text never widens the 480-px screen.
        self.put_back_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.put_back_button.clicked.connect(self.open_put_back)
        waves_layout.addWidget(self.put_back_button)
        put_back_page = QWidget()
        put_back_layout = QVBoxLayout(put_back_page)
        self.back_location = QLabel()
        self.back_location.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back_location.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_location.setStyleSheet("font-size: 44pt; font-weight: bold;")
        self.back_item = QLabel()
        self.back_item.setWordWrap(True)
        self.back_item.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_item.setStyleSheet("font-size: 18pt;")
        self.back_count = QLabel()
        self.back_count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_count.setStyleSheet("font-size: 36pt; font-weight: bold;")
        self.back_next = QLabel()
        self.back_next.setWordWrap(True)
        self.back_next.setStyleSheet("font-size: 13pt; color: #555;")
        self.back_done = QPushButton()
        self.back_done.setMinimumHeight(64)
        self.back_done.clicked.connect(self.close_put_back)
        for widget in (self.back_location, self.back_item, self.back_count, self.back_next):
            put_back_layout.addWidget(widget)
        put_back_layout.addStretch(1)
        put_back_layout.addWidget(self.back_done)
        pick_page = QWidget()
        pick_layout = QVBoxLayout(pick_page)
        stop_body = QWidget()  # a long item name scrolls above the buttons, which stay put
        stop_layout = QVBoxLayout(stop_body)
        stop_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.location, self.item, self.quantity, self.slots):
            stop_layout.addWidget(widget)
        stop_layout.addStretch(1)
        pick_layout.addWidget(scrolling(stop_body), 1)
        pick_buttons = QHBoxLayout()
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        self.short_button = QPushButton()
        self.done_button = QPushButton()
        for button in (self.minus, self.plus, self.short_button, self.done_button):
            button.setMinimumHeight(72)
            button.setStyleSheet("font-size: 18pt;")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            pick_buttons.addWidget(button, 1 if button in (self.minus, self.plus) else 2)
        self.short_button.setStyleSheet("font-size: 18pt; background: #ffcdd2;")
        self.minus.clicked.connect(lambda: self.adjust(-1))
        self.plus.clicked.connect(lambda: self.adjust(1))
        self.short_button.clicked.connect(self.start_short)
        self.done_button.clicked.connect(self.confirm_count)
        pick_layout.addLayout(pick_buttons)
        short_page = QWidget()
        short_layout = QGridLayout(short_page)
        self.reason_buttons: dict[str, QPushButton] = {}
        for i, reason in enumerate(SHORT_REASONS):
            button = QPushButton()
            button.setMinimumHeight(TOUCH_HEIGHT)  # six of them fit a 640-line screen
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setStyleSheet(SHORT_BUTTON)
            button.clicked.connect(lambda _c=False, r=reason: self.short_with(r))
            short_layout.addWidget(button, i, 0)
            self.reason_buttons[reason] = button
        self.short_back = QPushButton()
        self.short_back.setMinimumHeight(TOUCH_HEIGHT)
        self.short_back.setStyleSheet(SHORT_BUTTON)
        self.short_back.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.short_back.clicked.connect(self.cancel_short)
        short_layout.addWidget(self.short_back, len(SHORT_REASONS), 0)
        short_layout.setRowStretch(len(SHORT_REASONS) + 1, 1)
        self.pages = QStackedWidget()
        self.empty_page = QWidget()
        for page in (self.empty_page, waves_page, pick_page, short_page, put_back_page):
            self.pages.addWidget(page)
        self.waves_page, self.pick_page, self.short_page = waves_page, pick_page, short_page
        self.put_back_page = put_back_page
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.entry)
        for keys, slot in (
            ("F3", self.open_put_back),
            ("F4", self.start_short),
            ("F12", self.sign_out),
            ("Esc", self.back),
        ):
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)
        self.retranslate()

    # --- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.short_button.setText(self.tr("Short (F4)"))
        self.done_button.setText(self.tr("OK"))
        self.short_back.setText(self.tr("Back — keep picking (Esc)"))
        for n, (reason, button) in enumerate(self.reason_buttons.items(), 1):
            button.setText(f"{n} · {messages.short_reason_text(reason)}")
        self.entry.setPlaceholderText(self.tr("Scan, or type and press Enter"))
        self.put_back_button.setText(self.tr("Put back (待放回) — F3"))
        self.back_done.setText(self.tr("Back to the waves (Esc)"))
        self.show_verdict(prompt_for(self.state))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the controller's state, for the screen and for tests --------------------------------

    @property
    def state(self) -> PickState:
        return self.controller.state

    @property
    def step(self) -> Step:
        return self.state.step

    @property
    def stops(self) -> tuple[PickStop, ...]:
        return self.state.stops

    @property
    def stop(self) -> PickStop | None:
        return self.state.stop

    @property
    def index(self) -> int:
        return self.state.index

    @property
    def count(self) -> int:
        return self.state.count

    @property
    def put_queue(self) -> tuple[SlotShare, ...]:
        return self.state.put_queue

    @property
    def waves(self) -> list[WaveProgress]:
        return self.controller.waves

    # --- showing --------------------------------------------------------------------------

    def say(self, text: str, colours: tuple[str, str] = OK_COLOURS, sound: str | None = None) -> None:
        self.banner.setText(text)
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colours[0]))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colours[1]))
        self.banner.setPalette(palette)
        if sound:
            self.sounds.play(sound)

    def show_verdict(self, verdict: PickVerdict) -> None:
        """The controller's answer: the banner and sound first, then the page for the state."""
        if self.putting_back:  # the pick walk waits at the wave list (its list still refreshes)
            return
        colours = {Tone.OK: OK_COLOURS, Tone.ERROR: ERROR_COLOURS}.get(verdict.tone, PROMPT_COLOURS)
        self.say(self._text(verdict), colours, verdict.sound or None)
        self.show_step()

    def show_step(self, notice: str = "") -> None:
        state = self.state
        match state.step:
            case Step.BADGE:
                self.pages.setCurrentWidget(self.empty_page)
                self.progress.setText("")
            case Step.WAVE:
                self.pages.setCurrentWidget(self.waves_page)
                self.progress.setText(state.operator.name if state.operator else "")
                self._fill_wave_buttons()
            case Step.BIN | Step.ITEM | Step.PUT:
                self._show_stop()
            case Step.SHORT:
                self.pages.setCurrentWidget(self.short_page)
        if notice:
            self.say(notice, PROMPT_COLOURS)

    def _show_stop(self) -> None:
        state, stop = self.state, self.stop
        if stop is None:
            return
        self.pages.setCurrentWidget(self.pick_page)
        self.progress.setText(
            self.tr("Wave {wave} · stop {n} of {total}").format(
                wave=state.wave, n=state.index + 1, total=len(state.stops)
            )
        )
        self.location.setText(stop.location or self.tr("(no bin)"))
        self.item.setText(f"{stop.name_zh}\n{stop.sku}")
        self.quantity.setText(f"{state.count} / {stop.quantity}")
        if state.step is Step.PUT and state.put_queue:
            share = state.put_queue[0]
            self.slots.setText(
                self.tr("Put {qty} into slot {slot}").format(qty=share.quantity, slot=share.slot)
            )
        else:
            shares = " · ".join(
                self.tr("slot {slot} ×{qty}").format(slot=s.slot, qty=s.quantity) for s in stop.shares
            )
            self.slots.setText(self.tr("Into: {shares}").format(shares=shares))
        for button in (self.minus, self.plus):
            button.setEnabled(state.step is Step.ITEM)
        self.done_button.setEnabled(state.step in (Step.ITEM, Step.PUT))
        self.short_button.setEnabled(state.step in (Step.BIN, Step.ITEM))

    def _text(self, verdict: PickVerdict) -> str:
        stop = self.stop
        texts = {
            Say.SCAN_BADGE: self.tr("Scan your badge"),
            Say.UNKNOWN_BADGE: self.tr("Badge {badge} is not known — scan your badge"),
            Say.CHOOSE_WAVE: self.tr("Scan a wave, or tap one"),
            Say.LOADING: self.tr("Loading waves…"),
            Say.NO_WAVE: self.tr("No wave {code} — scan a wave from the list"),
            Say.LOAD_FAILED: self.tr("The wave could not be read — try again"),
            Say.GO_TO_BIN: self.tr("Go to {bin} and scan the bin"),
            Say.WRONG_BIN: self.tr("Wrong bin {got} — go to {bin}"),
            Say.SCAN_ITEM: self.tr("Scan the item"),
            Say.SCAN_OR_COUNT: self.tr("Scan each item, or type how many and Enter"),
            Say.WRONG_ITEM: self.tr("Not this item — put it back; pick {sku}"),
            Say.SCAN_LOT: self.tr(
                "{sku} has several lots in this bin — scan the code with the lot on each unit"
            ),
            Say.TOO_MANY: self.tr("That is one too many — put it back"),
            Say.COUNTED: self.tr("{count} of {wanted} — scan the next"),
            Say.PUT_INTO_SLOT: self.tr("Put {qty} into slot {slot} — scan the slot label (or OK)"),
            Say.WRONG_SLOT: self.tr("Wrong slot — put it into slot {slot}"),
            Say.WHY_SHORT: self.tr("Why is it short? {count} of {wanted} found"),
            Say.SHORT_PUT: self.tr("Short pick recorded — put what you have: {qty} into slot {slot}"),
            Say.SHORT_RECORDED: self.tr("Short pick recorded — the supervisor has it"),
            Say.WAVE_PICKED: (
                self.tr(
                    "Wave {wave} picked: {count} of {wanted} units, stops short: {short} — "
                    "take the cart to packing; the supervisor has the shorts"
                )
                if verdict.short
                else self.tr("Wave {wave} picked: all {count} units — take the cart to packing")
            ),
            Say.FINISH_STOP: self.tr("Finish this stop first (OK or Short)"),
            Say.REASON_FIRST: self.tr("Choose a reason first"),
            Say.NOT_RECORDED: self.tr("Not recorded — try again (OK)"),
            Say.WAIT: self.tr("One moment…"),
            Say.SIGNED_OUT: self.tr("Scan your badge"),
            Say.UNREADABLE: self.tr("Unreadable scan — scan again"),
        }
        return texts[verdict.say].format(
            badge=verdict.code,
            code=verdict.code,
            got=verdict.code,
            wave=verdict.code or self.state.wave,
            bin=stop.location if stop else verdict.code,
            sku=verdict.code,
            count=verdict.count,
            wanted=verdict.wanted,
            qty=verdict.quantity,
            slot=verdict.slot,
            short=verdict.short,
        )

    def _fill_wave_buttons(self) -> None:
        shown = [w.code for w in self.waves[:8]]
        if shown == [b.property("wave") for b in self.wave_buttons]:
            return
        for button in self.wave_buttons:
            self.wave_list.removeWidget(button)
            button.deleteLater()
        self.wave_buttons = []
        width = max(120, self.width() - 80)
        for wave in self.waves[:8]:
            button = QPushButton()
            metrics = QFontMetrics(button.font())
            lines = (
                wave.code,
                self.tr("{orders} orders · {picked}/{items} items").format(
                    orders=wave.orders, picked=wave.picked_items, items=wave.items
                ),
            )
            elided = (metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width) for line in lines)
            button.setText("\n".join(elided))
            button.setToolTip(wave.code)
            button.setProperty("wave", wave.code)
            button.setMinimumHeight(80)
            button.setStyleSheet("font-size: 16pt;")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, code=wave.code: self.choose_wave(code))
            self.wave_list.insertWidget(len(self.wave_buttons), button)
            self.wave_buttons.append(button)

    # --- input: everything goes to the controller ---------------------------------------------

    def _entered(self) -> None:
        text = self.entry.text().strip()
        self.entry.clear()
        if not text:
            if self.step in (Step.ITEM, Step.PUT):
                self.confirm_count()
            return
        if self.step is Step.ITEM and text.isdigit() and len(text) <= 3:
            self.set_count(int(text))  # the quantity prompt: typed, not scanned
            self.confirm_count()
            return
        self.handle_scan(text)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # On the reasons page a digit key picks the reason at once: one key, no Enter, no glove
        # on a small button.
        if obj is self.entry and event.type() == QEvent.Type.KeyPress and self.step is Step.SHORT:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text.isdigit():
                number = int(text)
                if 1 <= number <= len(SHORT_REASONS):
                    self.short_with(SHORT_REASONS[number - 1])
                else:
                    self.sounds.play("error")
                return True
        return super().eventFilter(obj, event)

    def handle_scan(self, raw: str) -> None:
        if self.putting_back:
            if raw.strip():
                self.put_back.scan(raw, self.state.operator)
            return
        self.controller.handle_scan(raw)

    # --- the put-back walk (F3 from the wave list) ---------------------------------------------

    def open_put_back(self) -> None:
        if self.step is not Step.WAVE:  # signed in, between waves
            return
        self.putting_back = True
        self.pages.setCurrentWidget(self.put_back_page)
        self.say(self.tr("Reading the put-back list…"), PROMPT_COLOURS)
        self.put_back.load()

    def close_put_back(self) -> None:
        self.putting_back = False
        self.show_verdict(prompt_for(self.state))

    def show_put_back(self, answer: put_back.Answer) -> None:
        """The walk's answer: the banner and sound, then the bin to go to next."""
        if not self.putting_back:
            return
        lines = self.put_back.lines
        first = lines[0] if lines else None
        line = answer.line
        texts = {
            Said.LIST: self.tr("{count} item(s) to put back — go to the first bin").format(
                count=sum(other.left for other in lines)
            )
            if lines
            else self.tr("Nothing to put back"),
            Said.LOAD_FAILED: self.tr("The put-back list could not be read — try again (F3)"),
            Said.NOT_RECORDED: self.tr("Not recorded — the list is read again"),
            Said.RETURNED: self.tr("✓ Back: {name} ({returned}/{quantity})"),
            Said.ORDER_DONE: self.tr("✓ Everything of order {order} is back"),
            Said.ALL_DONE: self.tr("✓ Everything is back — nothing left to put back"),
            Said.NOT_ON_LIST: self.tr("Not on the put-back list — keep it aside for the supervisor"),
        }
        text = texts[answer.said].format(
            name=line.name_zh or line.sku_code if line else "",
            returned=line.returned if line else 0,
            quantity=line.quantity if line else 0,
            order=line.order_no if line else "",
        )
        bad = answer.said in (Said.LOAD_FAILED, Said.NOT_RECORDED, Said.NOT_ON_LIST)
        done = answer.said in (Said.RETURNED, Said.ORDER_DONE, Said.ALL_DONE)
        self.say(
            text,
            ERROR_COLOURS if bad else OK_COLOURS if done else PROMPT_COLOURS,
            "error" if bad else "accept" if answer.said is Said.RETURNED else "complete" if done else None,
        )
        self.progress.setText(self.tr("Put back (待放回)"))
        if first is None:
            self.back_location.setText("")
            self.back_item.setText("")
            self.back_count.setText("")
            self.back_next.setText("")
            return
        self.back_location.setText(first.location or self.tr("(no bin)"))
        self.back_item.setText(
            self.tr("{name}\n{sku} · order {order}").format(
                name=first.name_zh or first.name_en, sku=first.sku_code, order=first.order_no
            )
        )
        self.back_count.setText(self.tr("{returned} / {quantity} back").format(
            returned=first.returned, quantity=first.quantity
        ))  # fmt: skip
        self.back_next.setText(
            "\n".join(
                f"{other.location or '—'} · {other.name_zh or other.sku_code} ×{other.left}"
                for other in lines[1:6]
            )
        )

    def choose_wave(self, code: str) -> None:
        self.controller.feed(Scanned(code))

    def adjust(self, by: int) -> None:
        self.controller.feed(Tapped("plus" if by > 0 else "minus"))

    def set_count(self, count: int) -> None:
        self.controller.feed(CountSet(count))

    def confirm_count(self) -> None:
        self.controller.feed(Tapped("ok"))

    def start_short(self) -> None:
        self.controller.feed(Tapped("short"))

    def cancel_short(self) -> None:
        self.controller.feed(Tapped("back"))

    def back(self) -> None:
        if self.putting_back:
            self.close_put_back()
            return
        self.controller.feed(Tapped("back"))

    def sign_out(self) -> None:
        self.controller.feed(Tapped("sign_out"))

    def short_with(self, reason: str) -> None:
        self.controller.feed(ShortReason(reason))
