"""The handheld picking screen (480×800 touch, built-in scanner in keyboard mode).

Badge → wave → for each stop in walking order: scan the bin, scan the item (a quantity prompt for
multiples: scan each one, or type the number), put it into the cart slots shown; a short pick
takes a reason and becomes an exception for the supervisor. Every stop is recorded in the outbox
(pick.confirmed / pick.short) as it is done, so a dropped handheld loses at most the stop in hand.
Big targets for gloves; colour and sound on every scan.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.barcodes import lookup_key
from app.core.model import Operator
from app.core.pickpath import LocationParser
from app.station import MAX_SCAN_LENGTH
from app.store.db import Database
from app.store.packing import PackingStore
from app.store.waves import (
    SHORT_REASONS,
    PickStop,
    SlotShare,
    WaveError,
    WaveProgress,
    pick_stops,
    record_pick,
    wave_progress,
)
from app.ui import messages
from app.ui.sounds import Sounds
from app.ui.tasks import GuiPoster, run_in_background
from scanner.interpret import interpret
from scanner.model import Scan

log = logging.getLogger(__name__)

OK_COLOURS = ("#e8f5e9", "#1b5e20")
ERROR_COLOURS = ("#c62828", "#ffffff")
PROMPT_COLOURS = ("#fff8e1", "#5d4037")


class Step(StrEnum):
    BADGE = "badge"
    WAVE = "wave"
    BIN = "bin"
    ITEM = "item"
    SHORT = "short"
    PUT = "put"  # into the cart slots, one slot label scan (or OK) each


SLOT_LABEL = re.compile(r"^(?:#?SLOT[:\-]?|S-?)?0*(\d{1,3})$", re.IGNORECASE)


def slot_of(code: str) -> int | None:
    """A cart slot label as printed (`SLOT-03`, `S-3`, `#SLOT:3`) or just its number."""
    match = SLOT_LABEL.match(code.strip())
    return int(match.group(1)) if match else None


class HandheldView(QWidget):
    signed_out = Signal()

    def __init__(
        self,
        db: Database,
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
        self._poster = GuiPoster(self)
        self.step = Step.BADGE
        self.operator: Operator | None = None
        self.waves: list[WaveProgress] = []
        self.wave = ""
        self.stops: list[PickStop] = []
        self.index = 0
        self.count = 0
        self.put_queue: list[SlotShare] = []
        self.busy = False

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(110)
        self.banner.setAutoFillBackground(True)
        self.banner.setStyleSheet("font-size: 20pt; font-weight: bold; padding: 8px;")
        self.progress = QLabel()
        self.progress.setStyleSheet("font-size: 14pt;")
        self.location = QLabel()
        self.location.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.location.setStyleSheet("font-size: 44pt; font-weight: bold;")
        self.item = QLabel()
        self.item.setWordWrap(True)
        self.item.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.item.setStyleSheet("font-size: 18pt;")
        self.quantity = QLabel()
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quantity.setStyleSheet("font-size: 40pt; font-weight: bold;")
        self.slots = QLabel()
        self.slots.setWordWrap(True)
        self.slots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slots.setStyleSheet("font-size: 16pt;")
        self.entry = QLineEdit()
        self.entry.setMinimumHeight(56)
        self.entry.setStyleSheet("font-size: 18pt;")
        self.entry.returnPressed.connect(self._entered)

        self.wave_buttons: list[QPushButton] = []
        self.wave_list = QVBoxLayout()
        waves_page = QWidget()
        waves_layout = QVBoxLayout(waves_page)
        waves_layout.addLayout(self.wave_list)
        waves_layout.addStretch(1)
        pick_page = QWidget()
        pick_layout = QVBoxLayout(pick_page)
        for widget in (self.location, self.item, self.quantity, self.slots):
            pick_layout.addWidget(widget)
        pick_buttons = QHBoxLayout()
        self.minus = QPushButton("−")
        self.plus = QPushButton("+")
        self.short_button = QPushButton()
        self.done_button = QPushButton()
        for button in (self.minus, self.plus, self.short_button, self.done_button):
            button.setMinimumHeight(72)
            button.setStyleSheet("font-size: 18pt;")
            pick_buttons.addWidget(button)
        self.short_button.setStyleSheet("font-size: 18pt; background: #ffcdd2;")
        self.minus.clicked.connect(lambda: self.adjust(-1))
        self.plus.clicked.connect(lambda: self.adjust(1))
        self.short_button.clicked.connect(self.start_short)
        self.done_button.clicked.connect(self.confirm_count)
        pick_layout.addStretch(1)
        pick_layout.addLayout(pick_buttons)
        short_page = QWidget()
        short_layout = QGridLayout(short_page)
        self.reason_buttons: dict[str, QPushButton] = {}
        for i, reason in enumerate(SHORT_REASONS):
            button = QPushButton()
            button.setMinimumHeight(80)
            button.setStyleSheet("font-size: 18pt;")
            button.clicked.connect(lambda _c=False, r=reason: self.short_with(r))
            short_layout.addWidget(button, i, 0)
            self.reason_buttons[reason] = button
        self.short_back = QPushButton()
        self.short_back.setMinimumHeight(64)
        self.short_back.clicked.connect(self.cancel_short)
        short_layout.addWidget(self.short_back, len(SHORT_REASONS), 0)
        self.pages = QStackedWidget()
        self.empty_page = QWidget()
        for page in (self.empty_page, waves_page, pick_page, short_page):
            self.pages.addWidget(page)
        self.waves_page, self.pick_page, self.short_page = waves_page, pick_page, short_page
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.entry)
        for keys, slot in (("F4", self.start_short), ("F12", self.sign_out), ("Esc", self.back)):
            shortcut = QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            shortcut.activated.connect(slot)
        self.retranslate()
        self.show_step()

    # --- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.short_button.setText(self.tr("Short (F4)"))
        self.done_button.setText(self.tr("OK"))
        self.short_back.setText(self.tr("Back — keep picking (Esc)"))
        for reason, button in self.reason_buttons.items():
            button.setText(messages.short_reason_text(reason))
        self.entry.setPlaceholderText(self.tr("Scan, or type and press Enter"))
        self.show_step()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing --------------------------------------------------------------------------

    def say(self, text: str, colours: tuple[str, str] = OK_COLOURS, sound: str | None = None) -> None:
        self.banner.setText(text)
        palette = self.banner.palette()
        palette.setColor(self.banner.backgroundRole(), colours[0])
        palette.setColor(self.banner.foregroundRole(), colours[1])
        self.banner.setPalette(palette)
        if sound:
            self.sounds.play(sound)

    @property
    def stop(self) -> PickStop | None:
        return self.stops[self.index] if 0 <= self.index < len(self.stops) else None

    def show_step(self, notice: str = "") -> None:
        match self.step:
            case Step.BADGE:
                self.pages.setCurrentWidget(self.empty_page)
                self.progress.setText("")
                self.say(notice or self.tr("Scan your badge"), PROMPT_COLOURS)
            case Step.WAVE:
                self.pages.setCurrentWidget(self.waves_page)
                self.progress.setText(self.operator.name if self.operator else "")
                self.say(notice or self.tr("Scan a wave, or tap one"), PROMPT_COLOURS)
            case Step.BIN | Step.ITEM | Step.PUT:
                self._show_stop(notice)
            case Step.SHORT:
                self.pages.setCurrentWidget(self.short_page)
                self.say(
                    self.tr("Why is it short? {count} of {wanted} found").format(
                        count=self.count, wanted=self.stop.quantity if self.stop else 0
                    ),
                    PROMPT_COLOURS,
                )

    def _show_stop(self, notice: str) -> None:
        stop = self.stop
        if stop is None:
            return
        self.pages.setCurrentWidget(self.pick_page)
        self.progress.setText(
            self.tr("Wave {wave} · stop {n} of {total}").format(
                wave=self.wave, n=self.index + 1, total=len(self.stops)
            )
        )
        self.location.setText(stop.location or self.tr("(no bin)"))
        self.item.setText(f"{stop.name_zh}\n{stop.sku}")
        self.quantity.setText(f"{self.count} / {stop.quantity}")
        shares = " · ".join(
            self.tr("slot {slot} ×{qty}").format(slot=s.slot, qty=s.quantity) for s in stop.shares
        )
        self.slots.setText(self.tr("Into: {shares}").format(shares=shares))
        for button in (self.minus, self.plus):
            button.setEnabled(self.step is Step.ITEM)
        self.done_button.setEnabled(self.step in (Step.ITEM, Step.PUT))
        self.short_button.setEnabled(self.step in (Step.BIN, Step.ITEM))
        if notice:
            return
        if self.step is Step.PUT and self.put_queue:
            share = self.put_queue[0]
            self.slots.setText(
                self.tr("Put {qty} into slot {slot}").format(qty=share.quantity, slot=share.slot)
            )
            self.say(
                self.tr("Put {qty} into slot {slot} — scan the slot label (or OK)").format(
                    qty=share.quantity, slot=share.slot
                ),
                PROMPT_COLOURS,
            )
        elif self.step is Step.BIN:
            self.say(self.tr("Go to {bin} and scan the bin").format(bin=stop.location), PROMPT_COLOURS)
        elif stop.quantity > 1:
            self.say(self.tr("Scan each item, or type how many and Enter"), PROMPT_COLOURS)
        else:
            self.say(self.tr("Scan the item"), PROMPT_COLOURS)

    # --- input ----------------------------------------------------------------------------

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

    def handle_scan(self, raw: str) -> None:
        """Every scan is interpreted once, as at the bench (scanner.interpret): items match by the
        same lookup key, so a GS1 DataMatrix the bench accepts is the same item here."""
        if self.busy or not raw.strip():
            return
        scan = interpret(raw[:MAX_SCAN_LENGTH])
        if scan.error:
            self.say(self.tr("Unreadable scan — scan again"), ERROR_COLOURS, "error")
            return
        code = scan.code.strip()
        match self.step:
            case Step.BADGE:
                self.sign_in(code)
            case Step.WAVE:
                self.choose_wave(code)
            case Step.BIN:
                self._scan_bin(code)
            case Step.ITEM:
                self._scan_item(scan)
            case Step.PUT:
                self._scan_slot(code)
            case Step.SHORT:
                self.say(self.tr("Choose a reason first"), ERROR_COLOURS, "error")

    def sign_in(self, badge: str) -> None:
        operator = PackingStore(self.db, self._station()).operator_by_badge(badge)
        if operator is None:
            self.say(
                self.tr("Badge {badge} is not known — scan your badge").format(badge=badge),
                ERROR_COLOURS,
                "error",
            )
            return
        self.operator = operator
        self.sounds.play("accept")
        self.load_waves()

    def sign_out(self) -> None:
        if self.step in (Step.ITEM, Step.SHORT, Step.PUT):
            self.say(self.tr("Finish this stop first (OK or Short)"), ERROR_COLOURS, "error")
            return
        self.operator, self.wave, self.stops = None, "", []
        self.step = Step.BADGE
        self.show_step()
        self.signed_out.emit()

    def back(self) -> None:
        if self.step is Step.SHORT:
            self.cancel_short()
        elif self.step is Step.BIN and self.operator is not None:
            self.load_waves()  # leave the wave: what was picked is recorded already

    def load_waves(self, notice: str = "") -> None:
        self.step = Step.WAVE
        self.show_step(notice or self.tr("Loading waves…"))

        def shown(progress: object, error: BaseException | None) -> None:
            if error is not None:
                log.error("waves could not be read: %r", error)
                self.say(self.tr("The waves could not be read — try again"), ERROR_COLOURS, "error")
                return
            me = self.operator.badge_code if self.operator else ""
            self.waves = [
                w for w in progress  # type: ignore[attr-defined]
                if w.status in ("released", "picking") and w.picker in ("", me)
            ]  # fmt: skip
            self._fill_wave_buttons()
            self.show_step(notice)

        run_in_background(self._poster, lambda: wave_progress(self.db), shown)

    def _fill_wave_buttons(self) -> None:
        for button in self.wave_buttons:
            self.wave_list.removeWidget(button)
            button.deleteLater()
        self.wave_buttons = []
        for wave in self.waves[:8]:
            button = QPushButton(
                self.tr("{wave}\n{orders} orders · {picked}/{items} items").format(
                    wave=wave.code, orders=wave.orders, picked=wave.picked_items, items=wave.items
                )
            )
            button.setMinimumHeight(80)
            button.setStyleSheet("font-size: 16pt;")
            button.clicked.connect(lambda _c=False, code=wave.code: self.choose_wave(code))
            self.wave_list.addWidget(button)
            self.wave_buttons.append(button)

    def choose_wave(self, code: str) -> None:
        parser = self._parser()
        self.busy = True

        def loaded(stops: object, error: BaseException | None) -> None:
            self.busy = False
            if isinstance(error, WaveError):
                self.say(
                    self.tr("No wave {code} — scan a wave from the list").format(code=code),
                    ERROR_COLOURS,
                    "error",
                )
                return
            if error is not None:
                log.error("wave %s could not be read: %r", code, error)
                self.say(self.tr("The wave could not be read — try again"), ERROR_COLOURS, "error")
                return
            self.wave = code
            self.stops = list(stops)  # type: ignore[call-overload]
            self.index = next((i for i, s in enumerate(self.stops) if s.picked is None), len(self.stops))
            self.put_queue = []
            self._next_stop()

        run_in_background(self._poster, lambda: pick_stops(self.db, code, parser), loaded)

    def _next_stop(self, notice: str = "") -> None:
        while self.index < len(self.stops) and self.stops[self.index].picked is not None:
            self.index += 1
        self.count = 0
        if self.index >= len(self.stops):
            self.sounds.play("complete")
            self.load_waves(self.tr("Wave {wave} picked — take the cart to packing").format(wave=self.wave))
            return
        self.step = Step.BIN
        self.show_step(notice)
        if notice:
            self.say(notice, PROMPT_COLOURS)

    def _scan_bin(self, code: str) -> None:
        stop = self.stop
        assert stop is not None
        if code.upper() != stop.location.upper():
            self.say(
                self.tr("Wrong bin {got} — go to {bin}").format(got=code, bin=stop.location),
                ERROR_COLOURS,
                "error",
            )
            return
        self.step = Step.ITEM
        self.sounds.play("accept")
        self.show_step()

    def _scan_item(self, scan: Scan) -> None:
        stop = self.stop
        assert stop is not None
        key = lookup_key(scan.lookup)
        if scan.code.upper() != stop.sku.upper() and key not in {lookup_key(b) for b in stop.barcodes}:
            self.say(
                self.tr("Not this item — put it back; pick {sku}").format(sku=stop.name_zh or stop.sku),
                ERROR_COLOURS,
                "error",
            )
            return
        if self.count >= stop.quantity:
            self.say(self.tr("That is one too many — put it back"), ERROR_COLOURS, "error")
            return
        self.count += 1
        self.sounds.play("accept")
        if self.count == stop.quantity:
            self.confirm_count()
        else:
            self.quantity.setText(f"{self.count} / {stop.quantity}")
            self.say(
                self.tr("{count} of {wanted} — scan the next").format(count=self.count, wanted=stop.quantity)
            )

    def adjust(self, step: int) -> None:
        self.set_count(self.count + step)

    def set_count(self, count: int) -> None:
        stop = self.stop
        if stop is None or self.step is not Step.ITEM:
            return
        self.count = max(0, min(stop.quantity, count))
        self.quantity.setText(f"{self.count} / {stop.quantity}")

    def _scan_slot(self, code: str) -> None:
        share = self.put_queue[0]
        slot = slot_of(code)
        if slot != share.slot:
            self.say(
                self.tr("Wrong slot — put it into slot {slot}").format(slot=share.slot),
                ERROR_COLOURS,
                "error",
            )
            return
        self._put_done()

    def _put_done(self) -> None:
        self.put_queue.pop(0)
        self.sounds.play("accept")
        if self.put_queue:
            self.show_step()
        else:
            self._next_stop()

    def confirm_count(self) -> None:
        if self.step is Step.PUT and self.put_queue:
            self._put_done()  # a tap on OK: put without a slot label (small carts have none)
            return
        stop = self.stop
        if stop is None or self.step is not Step.ITEM:
            return
        if self.count < stop.quantity:
            self.start_short()
            return
        self._record(stop, self.count, "")

    def start_short(self) -> None:
        if self.step in (Step.BIN, Step.ITEM) and self.stop is not None:
            self.step = Step.SHORT
            self.sounds.play("prompt")
            self.show_step()

    def cancel_short(self) -> None:
        self.step = Step.ITEM if self.count else Step.BIN
        self.show_step()

    def short_with(self, reason: str) -> None:
        stop = self.stop
        if stop is not None and self.step is Step.SHORT:
            self._record(stop, self.count, reason)

    def _record(self, stop: PickStop, picked: int, reason: str) -> None:
        badge = self.operator.badge_code if self.operator else ""
        operator_id = self.operator.operator_id if self.operator else None
        station, wave = self._station(), self.wave
        self.busy = True

        def done(filled: object, error: BaseException | None) -> None:
            self.busy = False
            if error is not None:
                log.error("pick at %s in %s not recorded: %r", stop.location, wave, error)
                self.say(self.tr("Not recorded — try again (OK)"), ERROR_COLOURS, "error")
                return
            shares: list[SlotShare] = filled  # type: ignore[assignment]
            self.stops[self.index] = replace(stop, picked=picked)
            self.put_queue = [s for s in shares if s.quantity]
            if self.put_queue:
                self.step = Step.PUT
                self.show_step()
                if reason:
                    self.sounds.play("prompt")
                    self.say(
                        self.tr("Short pick recorded — put what you have: {qty} into slot {slot}").format(
                            qty=self.put_queue[0].quantity, slot=self.put_queue[0].slot
                        ),
                        PROMPT_COLOURS,
                    )
            elif reason:
                self.sounds.play("prompt")
                self._next_stop(self.tr("Short pick recorded — the supervisor has it"))
            else:
                self._next_stop()

        run_in_background(
            self._poster,
            lambda: record_pick(self.db, wave, stop, picked, badge, station, operator_id, reason),
            done,
        )
