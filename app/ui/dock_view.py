"""The dock screen (`packline dock`, 出库交接): keyboard and scanner only.

Scan your badge; scan a carrier's dock code (#PLD:SF) to choose the carrier and its pick-up; scan
each parcel's waybill (a bag or cage label first puts the following parcels in it); with dock
weighing on, each parcel goes on the scale: its steady weight is taken by itself once it differs
from what lay there at the scan (F4 takes the weight shown, or grams + Enter). F8 closes the
handover: the carrier's packed parcels not scanned are listed in red; the driver scans their badge
or their name and ID are typed + Enter, and the manifest prints for signature. Esc goes back.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.core.dock import DockSay, DockVerdict, Tone
from app.core.pack_session import Severity
from app.dock_desk import DockDesk
from app.store.dock import ClosedManifest
from app.ui.banner import Banner, wrapping
from app.ui.messages import carrier_text, status_text
from app.ui.pages import scrolling
from app.ui.sounds import Sounds
from app.ui.tables import list_table, page_title, row_of
from app.ui.wedge import forget_leftovers
from scanner.model import Reading

SEVERITY = {
    Tone.OK: Severity.OK,
    Tone.PROMPT: Severity.PROMPT,
    Tone.ERROR: Severity.ERROR,
    Tone.DONE: Severity.DONE,
}
SOUND = {Severity.OK: "accept", Severity.DONE: "complete", Severity.ERROR: "error", Severity.PROMPT: "prompt"}
SHOWN = 200  # parcels listed: the count says how many there are
MIN_PARCEL_G = 10  # less on the scale is an empty scale
SAME_WEIGHT_G = 5  # a steady weight within this of the one before the scan is still the one before


class DockView(QWidget):
    def __init__(self, desk: DockDesk, sounds: Sounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.sounds = sounds
        self.live: Reading | None = None
        self.last: DockVerdict | None = None
        # The scale's steady weight when the parcel to weigh was scanned: the parcel's own is the
        # next steady weight that differs from it (what lay there before is not this parcel).
        self.before_g: int | None = None
        self.title = page_title()
        self.banner = Banner()
        self.banner.setFixedHeight(130)
        self.count = QLabel(objectName="headline")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setStyleSheet("font-size: 44pt; font-weight: bold;")
        self.bag = wrapping(QLabel(objectName="headline"))
        self.parcels = list_table(4)
        self.side = wrapping(QLabel())
        self.side.setTextFormat(Qt.TextFormat.RichText)
        self.side.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.entry = QLineEdit()
        self.leftovers = forget_leftovers(self.entry)
        self.entry.setStyleSheet("font-size: 18pt;")
        self.entry.returnPressed.connect(self._typed)
        self.keys = wrapping(QLabel())
        head = QHBoxLayout()
        head.addWidget(self.count, 1)
        head.addWidget(self.bag, 2)
        middle = QHBoxLayout()
        middle.addWidget(self.parcels, 3)
        middle.addWidget(scrolling(self.side), 2)  # a long list of parcels left behind scrolls
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addLayout(head)
        layout.addLayout(middle, 1)
        layout.addWidget(self.entry)
        layout.addWidget(self.keys)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, action in (("F8", self._close), ("Esc", self._escape), ("F4", self._take_scale)):
            QShortcut(QKeySequence(key), self, context=context).activated.connect(action)
        self.retranslate()

    def retranslate(self) -> None:
        self.keys.setText(
            self.tr(
                "Scan: a carrier's dock code · a bag label · each parcel's waybill · F4 the scale's weight "
                "(or grams + Enter) · F8 close the handover · Esc back"
            )
        )
        self.parcels.set_headers([self.tr("#"), self.tr("Waybill"), self.tr("Order"), self.tr("Bag")])
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open(self) -> None:
        self.entry.clear()
        self.entry.setFocus()
        if self.desk.operator is None:
            self._show(self.tr("Scan your badge to start the handover"), None)
        elif self.desk.state.carrier:
            self._show(
                self.tr("The handover to {carrier} was open — carry on scanning its parcels").format(
                    carrier=carrier_text(self.desk.state.carrier)
                ),
                Severity.INFO,
            )
        else:
            self._show(self.tr("Scan the dock code of the carrier whose truck is loading"), None)
        self._render()

    # --- inputs ---------------------------------------------------------------------------------

    def handle_scan(self, code: str) -> None:
        """A scan (the wedge routes it here) or what was typed + Enter."""
        if not code.strip():
            return
        if self.desk.operator is None:
            operator = self.desk.sign_in(code)
            if operator is None:
                self._show(self.tr("Badge {badge} is not known — scan your badge").format(badge=code.strip()),
                           Severity.ERROR)  # fmt: skip
                self.sounds.play("error")
            else:
                self.open()
            return
        self._verdict(self.desk.handle_scan(code))

    def on_reading(self, reading: Reading) -> None:
        """The dock scale: while a parcel waits for its weight, its steady weight is taken by itself."""
        self.live = reading
        if self.desk.operator is None or self.desk.state.weighing is None:
            return
        if not reading.usable or not reading.stable or reading.grams is None or reading.grams < MIN_PARCEL_G:
            if reading.usable and reading.grams is not None and reading.grams < MIN_PARCEL_G:
                self.before_g = None  # the scale was cleared: whatever comes next is the parcel
            return
        if self.before_g is not None and abs(reading.grams - self.before_g) <= SAME_WEIGHT_G:
            return
        self._verdict(self.desk.weigh(reading.grams))

    def on_closed(self, manifest: ClosedManifest | None, error: BaseException | None) -> None:
        """The handover's write came back (on the GUI thread)."""
        if error is not None or manifest is None:
            self._show(
                self.tr(
                    "The handover is NOT saved: {problem} — call the technician; keep the parcels here"
                ).format(problem=str(error)[:120]),
                Severity.ERROR,
            )
            self.sounds.play("error")
            return
        self._show(
            self.tr(
                "Handover {manifest} closed: {count} parcels to {carrier} — the manifest is printing for the "
                "driver's signature"
            ).format(
                manifest=manifest.manifest_no,
                count=len(manifest.parcels),
                carrier=carrier_text(manifest.carrier),
            ),
            Severity.DONE,
        )

    def on_saved(self, error: BaseException | None) -> None:
        if error is not None:
            self._show(
                self.tr("A scan is NOT saved: {problem} — call the technician").format(
                    problem=str(error)[:120]
                ),
                Severity.ERROR,
            )
            self.sounds.play("error")

    def _typed(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        self.handle_scan(text)

    def _close(self) -> None:
        if self.desk.operator is not None:
            self._verdict(self.desk.close())

    def _escape(self) -> None:
        if self.desk.operator is not None:
            self._verdict(self.desk.cancel())

    def _take_scale(self) -> None:
        live = self.live
        if (
            self.desk.operator is None
            or live is None
            or not live.usable
            or not live.stable
            or live.grams is None
        ):
            self._show(self.tr("The scale has no steady weight — type the grams + Enter"), Severity.ERROR)
            self.sounds.play("error")
            return
        self._verdict(self.desk.weigh(live.grams))

    # --- output -----------------------------------------------------------------------------------

    def _verdict(self, verdict: DockVerdict) -> None:
        self.last = verdict
        if verdict.say is DockSay.WEIGH_IT:
            live = self.live
            steady = live is not None and live.usable and bool(live.stable) and live.grams is not None
            self.before_g = live.grams if steady and live is not None and live.grams else None
        severity = SEVERITY[verdict.tone]
        self._show(self.verdict_text(verdict), severity)
        sound = SOUND.get(severity)
        if sound:
            self.sounds.play(sound)
        self._render()

    def _show(self, text: str, severity: Severity | None) -> None:
        self.banner.show_verdict(text, severity)

    def verdict_text(self, v: DockVerdict) -> str:
        carrier = carrier_text(v.detail) if v.say in (DockSay.OTHER_CARRIER, DockSay.NOTHING_TO_CLOSE) else ""
        texts = {
            DockSay.SCAN_CARRIER: self.tr("Scan the dock code of the carrier whose truck is loading first"),
            DockSay.CARRIER_SET: self.tr(
                "{carrier}, pick-up {pickup}: {expected} parcels to hand over — scan each"
            ),
            DockSay.HANDED: self.tr("✓ {code} — {count} of {expected}"),
            DockSay.WEIGH_IT: self.tr(
                "Put {code} on the scale (packed {weight} g) — F4, or the grams + Enter"
            ),
            DockSay.WEIGHT_OFF: self.tr(
                "STOP — {code} weighs {dock} g, packed {weight} g: opened or mixed up? Do not hand it over, "
                "put it in the put-back area (待放回区)"
            ),
            DockSay.BAG_SET: self.tr("Bag {code}: the next parcels go in it ({count} in it so far)"),
            DockSay.OTHER_CARRIER: self.tr(
                "{code} is a {carrier} parcel — not for this truck; set it aside for {carrier}"
            ),
            DockSay.ALREADY_HANDED: self.tr(
                "{code} was handed over already ({detail}) — a second label? Give it to the supervisor"
            ),
            DockSay.SCANNED_TWICE: self.tr("{code} is scanned already — scan the next parcel"),
            DockSay.NOT_PACKED: self.tr(
                "STOP — order {order} is not packed ({detail}): do not hand it over, "
                "put it in the put-back area (待放回区)"
            ),
            DockSay.LABEL_VOID: self.tr(
                "STOP — the label {code} was voided: do not hand it over, "
                "put it in the put-back area (待放回区)"
            ),
            DockSay.INTERCEPTED: self.tr(
                "STOP — intercepted (拦截件): order {order} is {detail} — do not give it to the carrier, "
                "put it in the put-back area (待放回区)"
            ),
            DockSay.UNKNOWN_WAYBILL: self.tr(
                "No parcel has the waybill {code} — check the label, give it to the supervisor"
            ),
            DockSay.MISSING: self.tr(
                "{count} parcel(s) packed for {carrier} are NOT handed over (red, right) — find them, or "
                "the driver scans their badge / types name and ID + Enter to close without them; Esc: back"
            ),
            DockSay.DRIVER: self.tr(
                "Driver: scan your badge, or type your name and ID + Enter (Esc goes back)"
            ),
            DockSay.CLOSED: self.tr("Closing the handover: {count} parcels — the manifest prints"),
            DockSay.NOTHING_TO_CLOSE: self.tr("Nothing scanned for {carrier} yet — nothing to close"),
            DockSay.INVALID_WEIGHT: self.tr("{dock} g is not a parcel weight — weigh again"),
            DockSay.CANCELLED: self.tr("Back — carry on scanning"),
            DockSay.NOT_NOW: self.tr("Not now — close the open handover (F8) first"),
        }
        state = self.desk.state
        return texts[v.say].format(
            code=v.code,
            order=v.order_no,
            detail=status_text(v.detail) if v.say in (DockSay.NOT_PACKED, DockSay.INTERCEPTED) else v.detail,
            count=v.count,
            expected=v.expected,
            carrier=carrier or carrier_text(state.carrier),
            pickup=v.detail or "—",
            weight=v.weight_g if v.weight_g is not None else "?",
            dock=v.dock_weight_g if v.dock_weight_g is not None else "?",
        )

    def _render(self) -> None:
        state = self.desk.state
        carrier = carrier_text(state.carrier) if state.carrier else "—"
        self.title.setText(
            self.tr("Dock handover — {carrier}, pick-up {pickup}").format(
                carrier=carrier, pickup=state.pickup or "—"
            )
        )
        self.count.setText(f"{state.count} / {max(state.expected, state.count)}")
        self.bag.setText(
            self.tr("Bag {bag}: {count} parcels").format(bag=state.bag, count=state.in_bag(state.bag))
            if state.bag
            else self.tr("No bag: parcels go loose")
        )
        rows = [
            row_of(index, str(index), h.waybill_no, h.order_no, h.bag)
            for index, h in reversed(
                list(enumerate(state.handed[-SHOWN:], start=max(1, state.count - SHOWN + 1)))
            )
        ]
        self.parcels.show_rows(rows)
        parts = []
        if state.missing:
            listed = "".join(f"<div>{html.escape(w)}</div>" for w in state.missing[:40])
            more = len(state.missing) - 40
            parts.append(
                "<div style='color:#c62828'><b>"
                + html.escape(self.tr("{count} not handed over").format(count=len(state.missing)))
                + f"</b>{listed}"
                + (html.escape(self.tr("(+{count} more)").format(count=more)) if more > 0 else "")
                + "</div>"
            )
        if state.stopped:
            listed = "".join(
                f"<div>{html.escape(s.waybill_no)} · {html.escape(s.order_no)}</div>"
                for s in state.stopped[-20:]
            )
            parts.append(
                "<div style='color:#c62828'><b>"
                + html.escape(self.tr("Put-back area (待放回区): {count}").format(count=len(state.stopped)))
                + f"</b>{listed}</div>"
            )
        self.side.setText("<br>".join(parts))
