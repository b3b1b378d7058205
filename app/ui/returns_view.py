"""The returns desk (Shift+F2, 售后收货): a return parcel checked in by scans and number keys.

Scan the return's waybill, the order number, the customer's phone or the shop's RMA code: the
order shows as it was packed (who, where, when, what it weighed, the rules carried out). Scan each
unit: type its reason's number + Enter, then its grade's; its label prints with where it goes.
Type the parcel's grams + Enter (or F4 takes the scale's). F8: the records propose who is
responsible, with the evidence; Enter confirms, 1–4 picks another. F2 takes the last unit back
out; Esc backs out of a prompt, and on an empty desk goes back to packing.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.pack_session import Severity
from app.core.returns import (
    DISPOSITION,
    ERRORS,
    GRADES,
    RESPONSIBILITIES,
    Grade,
    Key,
    Phase,
    ReturnOutcome,
    ReturnVerdict,
)
from app.returns_desk import ReturnsDesk
from app.ui import return_texts as texts
from app.ui.banner import Banner, wrapping
from app.ui.messages import clip_place
from app.ui.pages import scrolling
from app.ui.sounds import Sounds
from app.ui.tables import list_table, page_title, row_of
from app.ui.wedge import forget_leftovers
from scanner.model import Reading
from sync import protocol as p

SEVERITY = {
    ReturnVerdict.ITEM_DONE: Severity.DONE,
    ReturnVerdict.RECEIVED: Severity.DONE,
    ReturnVerdict.FOUND: Severity.INFO,
    ReturnVerdict.WEIGHED: Severity.OK,
    ReturnVerdict.ITEM_ADDED: Severity.PROMPT,
    ReturnVerdict.SCAN_SERIAL: Severity.PROMPT,
    ReturnVerdict.REASON_SET: Severity.PROMPT,
    ReturnVerdict.PROPOSED: Severity.PROMPT,
}
SOUND = {Severity.OK: "accept", Severity.DONE: "complete", Severity.ERROR: "error", Severity.PROMPT: "prompt"}


class ReturnsView(QWidget):
    closed = Signal()
    received = Signal()  # a return went to the outbox: the status bar counts it
    video_requested = Signal(object)  # F3: the clips of the pack the return is checked against
    elsewhere_wanted = Signal(str)  # an order with no clip here: which station holds it (the server)

    def __init__(self, desk: ReturnsDesk, sounds: Sounds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.sounds = sounds
        self.last: ReturnOutcome | None = None
        self.live: Reading | None = None
        # The stations the server says recorded the pack of the order on the desk (its clip is there).
        self.elsewhere: tuple[str, list[p.ClipFound]] = ("", [])
        self.title = page_title()
        self.banner = Banner()
        self.banner.setFixedHeight(110)
        self.record = wrapping(QLabel(objectName="headline"))
        self.record.setTextFormat(Qt.TextFormat.RichText)
        self.record.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.units = list_table(5)
        header = self.units.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name gives way, not "goes to"
        self.units.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.prompt = wrapping(QLabel(objectName="headline"))
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.entry = QLineEdit()
        self.leftovers = forget_leftovers(self.entry)  # a piece left in the field never joins the next
        self.entry.setStyleSheet("font-size: 18pt;")
        self.entry.returnPressed.connect(self._typed)
        self.keys = wrapping(QLabel())
        middle = QHBoxLayout()
        middle.addWidget(scrolling(self.record), 2)  # a long order's record scrolls in its column
        middle.addWidget(self.units, 3)
        middle.addWidget(scrolling(self.prompt), 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addWidget(self.entry)
        layout.addWidget(self.keys)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, action in (
            ("F2", lambda: self._press(Key.UNDO)),
            ("F8", lambda: self._press(Key.FINISH)),
            ("Esc", self._escape),
            ("F4", self._take_scale),
            ("F3", self._video),
        ):
            QShortcut(QKeySequence(key), self, context=context).activated.connect(action)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Returns — check a return parcel in"))
        self.keys.setText(
            self.tr(
                "number + Enter: choose · grams + Enter: the parcel's weight · F4 take the scale's weight · "
                "F3 the packing video · F2 take the last unit out · F8 finish / confirm · Esc back"
            )
        )
        self.units.set_headers(
            [self.tr("#"), self.tr("SKU"), self.tr("Reason"), self.tr("Grade"), self.tr("Goes to")]
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- inputs -------------------------------------------------------------------------------

    def open(self) -> None:
        self.entry.clear()
        self.entry.setFocus()
        if self.last is None:
            self._show(self.tr("Scan the return's waybill, order number, customer phone or RMA code"), None)
        self._render()

    def show_restored(self) -> None:
        record = self.desk.state.record
        self._show(
            self.tr("The return of order {order} was open — carry on where it was left").format(
                order=record.order.order_no if record else ""
            ),
            Severity.INFO,
        )
        self._render()

    def show_not_saved(self, order_no: str) -> None:
        self._show(
            self.tr(
                "The return of order {order} is NOT saved — call the technician; keep its units together"
            ).format(order=order_no),
            Severity.ERROR,
        )
        self.sounds.play("error")

    def handle_scan(self, code: str) -> None:
        """A scan while the page is open (the window routes it here), or what was typed + Enter."""
        if code.strip():
            self._outcome(self.desk.handle_scan(code))

    def on_reading(self, reading: Reading) -> None:
        self.live = reading

    def _typed(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        if not text.strip() and self.desk.state.phase is Phase.CONFIRM:
            self._press(Key.FINISH)  # Enter on its own takes the proposal
            return
        self.handle_scan(text)

    def _press(self, key: Key) -> None:
        self._outcome(self.desk.press(key))

    def _escape(self) -> None:
        if self.desk.state.phase is Phase.IDLE:
            self.last = None
            self.closed.emit()
            return
        self._press(Key.CANCEL)

    def _video(self) -> None:
        if self.desk.clips:
            self.video_requested.emit(list(self.desk.clips))
        elif self.desk.state.record is not None:
            self._show(self.tr("No packing video of this order on this station"), Severity.INFO)

    def _take_scale(self) -> None:
        live = self.live
        if live is None or not live.usable or not live.stable or live.grams is None:
            self._show(self.tr("The scale has no steady weight — type the grams + Enter"), Severity.ERROR)
            self.sounds.play("error")
            return
        self._outcome(self.desk.weigh(live.grams))

    # --- output ---------------------------------------------------------------------------------

    def _outcome(self, outcome: ReturnOutcome) -> None:
        self.last = outcome
        severity = (
            Severity.ERROR if outcome.verdict in ERRORS else SEVERITY.get(outcome.verdict, Severity.INFO)
        )
        self._show(texts.verdict_text(outcome), severity)
        sound = SOUND.get(severity)
        if sound:
            self.sounds.play(sound)
        if outcome.verdict is ReturnVerdict.RECEIVED:
            self.received.emit()
        record = self.desk.state.record
        if record is not None and not self.desk.clips and self.elsewhere[0] != record.order.order_no:
            self.elsewhere = (record.order.order_no, [])
            self.elsewhere_wanted.emit(record.order.order_no)
        self._render()

    def show_elsewhere(self, order_no: str, found: list[p.ClipFound]) -> None:
        """The server's answer: the stations that recorded the pack of `order_no`."""
        if self.elsewhere[0] == order_no:
            self.elsewhere = (order_no, found)
            self._render()

    def _show(self, text: str, severity: Severity | None) -> None:
        self.banner.show_verdict(text, severity)

    def _render(self) -> None:
        state = self.desk.state
        record = state.record
        if record is None:
            self.record.clear()
        else:
            order = record.order
            lines = "<br>".join(
                html.escape(f"{line.sku_code}  {line.name_zh}  ×{line.quantity}") for line in order.lines
            )
            packed = (
                self.tr("Packed by {packer} at {station}, {when}").format(
                    packer=html.escape(record.packer or "?"),
                    station=html.escape(record.station or "?"),
                    when=record.packed_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    if record.packed_at
                    else "?",
                )
                if record.packed_at
                else self.tr("Not packed")
            )
            weight = (
                self.tr("Weighed {actual} g, expected {expected} ± {allowed} g").format(
                    actual=record.actual_g, expected=record.expected_g, allowed=record.allowed_g
                )
                if record.actual_g is not None
                else self.tr("No weight recorded")
            )
            customer = order.customer
            who = html.escape(customer.name if customer else order.address.receiver)
            rules = ", ".join(html.escape(code) for code in record.plan) or "—"
            self.record.setText(
                f"<b style='font-size:18pt'>{html.escape(order.order_no)}</b><br>{who} · "
                f"{html.escape(order.carrier)} {html.escape(order.waybill_no or '')}<br>"
                f"{packed}<br>{weight}<br>"
                + self.tr("Rules carried out: {rules}").format(rules=rules)
                + "<br>"
                + self._video_line()
                + f"<br><br>{lines}"
                + (
                    "<br><br>" + self.tr("Return parcel: {grams} g").format(grams=state.weight_g)
                    if state.weight_g
                    else ""
                )
            )
        rows = []
        for row, item in enumerate(state.items):
            values = [
                str(row + 1),
                f"{item.sku_code} {item.name_zh} {item.serial or item.lot}".strip(),
                texts.reason_text(item.reason)
                if item.reason
                else (
                    ""
                    if item.expected
                    else self.tr("NOT THE UNIT SHIPPED")
                    if item.swapped
                    else self.tr("NOT IN ORDER")
                ),
                texts.grade_text(item.grade.value) if item.grade else "",
                f"{texts.disposition_text(item.disposition.value)} {item.destination}".strip()
                if item.grade or not item.expected
                else "",
            ]
            rows.append(row_of(row, *values, background=None if item.expected else "#ffcdd2"))
        self.units.show_rows(rows)
        self.prompt.setText(self._prompt_html())
        self.entry.setPlaceholderText(
            {
                Phase.IDLE: self.tr("Scan the return's waybill, order number, customer phone or RMA code"),
                Phase.ITEMS: self.tr("Scan each unit that came back · grams + Enter · F8 when all are in"),
                Phase.SERIAL: self.tr("Scan the unit's serial number label (Esc: take the unit back)"),
                Phase.REASON: self.tr("The reason's number + Enter"),
                Phase.GRADE: self.tr("The grade's number + Enter"),
                Phase.CONFIRM: self.tr("Enter confirms the proposal · a number picks another"),
            }[state.phase]
        )

    def _video_line(self) -> str:
        clips = self.desk.clips
        record = self.desk.state.record
        order_no, found = self.elsewhere
        if not clips and found and record is not None and record.order.order_no == order_no:
            return html.escape(
                self.tr(
                    "Packing video: at {station}, recorded {when} (SHA-256 {sha}…) — Shift+F3 there"
                ).format(**clip_place(found[0]))
            )
        if not clips:
            return html.escape(self.tr("Packing video: none on this station"))
        clip = clips[0]
        seconds = int((clip.ended_at - clip.started_at).total_seconds())
        status = {"recorded": self.tr("recorded"), "partial": self.tr("partly recorded"),
                  "missing": self.tr("not recorded"), "deleted": self.tr("deleted (retention)"),
                  "changed": self.tr("changed since it was recorded")}.get(
            clip.status, clip.status)  # fmt: skip
        return (
            "<b>"
            + html.escape(
                self.tr(
                    "Packing video: {status}, {minutes}:{seconds:02d}, {moments} scans — F3 plays it"
                ).format(
                    status=status, minutes=seconds // 60, seconds=seconds % 60, moments=len(clip.timeline)
                )
            )
            + "</b>"
        )

    def _prompt_html(self) -> str:
        state = self.desk.state
        match state.phase:
            case Phase.REASON:
                head = self.tr("Reason (number + Enter):")
                choices = [texts.reason_text(code) for code in state.reasons]
            case Phase.GRADE:
                head = self.tr("Grade (number + Enter):")
                choices = [
                    f"{texts.grade_text(g.value)} → {texts.disposition_text(_disposition(g.value))}"
                    for g in GRADES
                ]
            case Phase.CONFIRM:
                assert state.proposal is not None
                head = self.tr("Responsible (Enter: the proposal, or a number):")
                choices = [texts.responsibility_text(r.value) for r in RESPONSIBILITIES]
                evidence = "".join(
                    f"<li>{html.escape(texts.evidence_text(e))}</li>" for e in state.proposal.evidence
                )
                proposed = texts.responsibility_text(state.proposal.responsibility.value)
                listed = "".join(f"<div>[{i}] {html.escape(c)}</div>" for i, c in enumerate(choices, start=1))
                return (
                    f"<b>{html.escape(head)}</b>{listed}<br><b>"
                    + html.escape(self.tr("Proposed: {who}").format(who=proposed))
                    + f"</b><ul>{evidence}</ul>"
                )
            case _:
                return ""
        listed = "".join(f"<div>[{i}] {html.escape(c)}</div>" for i, c in enumerate(choices, start=1))
        return f"<b>{html.escape(head)}</b>{listed}"


def _disposition(grade: str) -> str:
    return DISPOSITION[Grade(grade)].value
