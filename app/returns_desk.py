"""The returns desk's controller (售后收货): scans and keys in, outcomes out, work saved in order.

Glue between the pure return session (app.core.returns), the store and the background writer, as
app.station is for packing. No Qt. Looking a code up takes one or two indexed queries on the
caller's thread; every write (the open return after each step, a unit's label, the received
return) goes through the SerialWriter, so the GUI thread never waits on a commit, and the open
return is on disk after every step: a crash or a power cut loses none of it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date

from app.core.model import Operator
from app.core.pack_session import ItemFound
from app.core.returns import (
    Chosen,
    Found,
    ItemLabel,
    ItemScanned,
    Key,
    Phase,
    Pressed,
    ReturnEvent,
    ReturnOutcome,
    ReturnReceived,
    ReturnState,
    ReturnVerdict,
    SerialRead,
    Weighed,
    new_return,
    step,
)
from app.core.trace import MAX_SERIAL, unit_from_gs1
from app.store.clips import ClipRecord, find_clips
from app.store.db import Database
from app.store.packing import PackingStore
from app.store.returns import ReturnStore
from app.store.writer import SerialWriter
from scanner.interpret import interpret

log = logging.getLogger(__name__)

MAX_CODE = 200


class ReturnsDesk:
    def __init__(
        self,
        db: Database,
        writer: SerialWriter,
        station: str,
        reasons: tuple[str, ...] = (),
        on_saved: Callable[[str, BaseException | None], None] | None = None,
        on_label: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.store = ReturnStore(db, station)
        self.items = PackingStore(db, station)
        # The packing video of the order being received (this station's camera recorded its pack).
        self.clips: list[ClipRecord] = []
        self.writer = writer
        self.reasons = reasons
        self.on_saved = on_saved or (lambda _order_no, _error: None)
        self.on_label = on_label or (lambda: None)  # a label was queued: the printer may start
        self.state: ReturnState = new_return(reasons)
        self.return_id: str | None = None
        self.operator: Operator | None = None

    def configure(self, station: str, reasons: tuple[str, ...]) -> None:
        """New settings: the station's name and the reasons offered (a return open now keeps its own)."""
        self.store.station = self.items.station = station
        self.reasons = reasons
        if self.state.phase is Phase.IDLE:
            self.state = new_return(reasons)

    def start(self, operator: Operator) -> bool:
        """Open the desk for `operator`; the return left open here (a crash) comes back. True if so."""
        self.operator = operator
        draft = self.store.open_draft(self.state.reasons)
        if draft is None:
            return False
        self.return_id, self.state = draft
        self.clips = self._clips(self.state)
        order_no = self.state.record.order.order_no if self.state.record else "?"
        log.info("open return %s of order %s restored", self.return_id, order_no)
        return True

    # --- inputs ------------------------------------------------------------------------------

    def handle_scan(self, raw: str) -> ReturnOutcome:
        """A scan or something typed + Enter: a lookup code, a unit, a number in a prompt, grams."""
        text = raw.strip()[:MAX_CODE]
        phase = self.state.phase
        if phase in (Phase.REASON, Phase.GRADE, Phase.CONFIRM):
            if text.isdigit() and len(text) <= 2:
                return self._run(Chosen(int(text)))
            return ReturnOutcome(self.state, ReturnVerdict.INVALID_CHOICE, detail=text)
        if phase is Phase.IDLE:
            return self._run(Found(text, self.store.find(text)))
        if phase is Phase.SERIAL:  # the serial label of the unit just scanned
            scan = interpret(raw)
            return self._run(SerialRead((scan.gs1.get("21") or text)[:MAX_SERIAL]))
        unit = self._unit(raw)
        if not unit.sku_code and text.isdigit() and len(text) <= 6:
            return self._run(Weighed(int(text)))  # a short number no item carries: the parcel's grams
        return self._run(unit)

    def choose(self, number: int) -> ReturnOutcome:
        return self._run(Chosen(number))

    def press(self, key: Key) -> ReturnOutcome:
        return self._run(Pressed(key))

    def weigh(self, grams: int) -> ReturnOutcome:
        return self._run(Weighed(grams))

    def _unit(self, raw: str) -> ItemScanned:
        """The SKU a unit's code names ("": none; a box of our packaging is no returned item), with
        the serial and lot its GS1 code carries."""
        scan = interpret(raw[:MAX_CODE])
        code = scan.code
        resolution = self.items.resolve(scan.lookup)
        if isinstance(resolution, ItemFound):
            unit = unit_from_gs1(scan.gs1, date.today())
            return ItemScanned(code, resolution.sku_code, resolution.name_zh, resolution.name_en,
                               serial=unit.serial, lot=unit.lot)  # fmt: skip
        return ItemScanned(code, "")

    # --- the step and its effects ---------------------------------------------------------------

    def _run(self, event: ReturnEvent) -> ReturnOutcome:
        assert self.operator is not None, "open the desk first"
        before = self.state
        outcome = step(before, event)
        self.state = outcome.state
        if outcome.verdict is ReturnVerdict.FOUND:
            self.return_id = str(uuid.uuid4())
            self.clips = self._clips(outcome.state)
        elif self.state.record is None:
            self.clips = []
        operator, return_id = self.operator, self.return_id
        for effect in outcome.effects:
            match effect:
                case ItemLabel() as label if return_id is not None and before.record is not None:
                    order_id = before.record.order.order_id
                    self.writer.submit(
                        lambda label=label, order_id=order_id: self.store.queue_label(
                            return_id, label, order_id
                        ),
                        lambda _job, error: error is None and self.on_label(),
                        label="queue_return_label",
                    )
                case ReturnReceived() as received if return_id is not None:
                    self._receive(return_id, received, operator)
                    self.return_id = None
        if return_id is not None and self.state.record is not None and self.state is not before:
            state = self.state
            self._write(self.store.save_draft, return_id, operator, state)
        elif outcome.verdict is ReturnVerdict.CANCELLED and before.phase is Phase.ITEMS and return_id:
            self._write(self.store.drop_draft, return_id)
            self.return_id = None
        return outcome

    def _clips(self, state: ReturnState) -> list[ClipRecord]:
        """The clips of the pack the return is checked against (an indexed lookup; none is no error)."""
        if state.record is None:
            return []
        try:
            return find_clips(self.db, state.record.order.order_no)
        except Exception:
            log.exception("the packing video of %s could not be looked up", state.record.order.order_no)
            return []

    def _receive(self, return_id: str, received: ReturnReceived, operator: Operator) -> None:
        order_no = received.record.order.order_no
        self.writer.submit(
            lambda: self.store.receive(return_id, received, operator),
            lambda _result, error: self.on_saved(order_no, error),
            label="receive_return",
        )

    def _write(self, fn: Callable[..., object], *args: object) -> None:
        self.writer.submit(lambda: fn(*args), None, label=fn.__name__)
