"""The handheld's controller: scans and taps in, verdicts out, reads and writes off the GUI thread.

Glue between the pure pick walk (app.core.picking), the store and the station's `Operations`
(app.runner: reads on the query lane, picks through the database writer, answers back on the
caller's thread; tests pass `Operations.immediate()`). No Qt. Every scan is interpreted once
(scanner.interpret), as at the bench.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from app.core import put_back
from app.core.barcodes import lookup_key
from app.core.model import WAVE_PICKABLE, Operator
from app.core.picking import (
    BadgeScanned,
    Effect,
    Event,
    LoadFailed,
    LoadStops,
    LoadWaves,
    PickState,
    PickStop,
    PickVerdict,
    Recorded,
    RecordFailed,
    RecordPick,
    Say,
    Scanned,
    SignedOut,
    SlotShare,
    Step,
    StopsLoaded,
    WaveNotFound,
    step,
)
from app.core.pickpath import LocationParser
from app.runner import Answer, Operations, Show
from app.station import MAX_SCAN_LENGTH
from app.store.db import Database
from app.store.interceptions import record_returned, return_lines
from app.store.packing import PackingStore
from app.store.waves import WaveProgress, pick_stops, record_pick, wave_progress
from scanner.interpret import interpret
from scanner.model import Scan

log = logging.getLogger(__name__)


class PickingStation:
    def __init__(
        self,
        db: Database,
        station_name: Callable[[], str],
        parser: Callable[[], LocationParser],
        ops: Operations | None = None,
        on_verdict: Callable[[PickVerdict], None] | None = None,
    ) -> None:
        self.db = db
        self._station = station_name
        self._parser = parser
        self.ops = ops or Operations.immediate()
        self.on_verdict = on_verdict or (lambda _verdict: None)
        self.state = PickState()
        self.waves: list[WaveProgress] = []  # the waves this picker may take, newest list
        self.last_verdict: PickVerdict | None = None
        self.signed_out: Callable[[], None] = lambda: None

    # --- inputs ---------------------------------------------------------------------------

    def handle_scan(self, raw: str) -> None:
        """A scan from the handheld's keyboard-mode scanner (or typed): interpreted once here."""
        if raw.strip():
            self.handle(interpret(raw[:MAX_SCAN_LENGTH]))

    def handle(self, scan: Scan) -> None:
        raw = scan.raw
        if scan.error:
            log.info("unreadable scan on the handheld %r: %s", raw, scan.error)
            self.on_verdict(PickVerdict(Say.UNREADABLE, sound="error"))
            return
        code = scan.code.strip()
        if self.state.step is Step.BADGE and not self.state.busy:
            self._feed(BadgeScanned(code, self._badge(code)))
        else:
            self._feed(Scanned(code, lookup_key(scan.lookup), scan.gs1.get("10", "")))

    def feed(self, event: Event) -> None:
        """A count typed, a key or a tap (CountSet, Tapped, ShortReason)."""
        self._feed(event)

    def _badge(self, code: str) -> Operator | None:
        try:
            return PackingStore(self.db, self._station()).operator_by_badge(code)
        except Exception:
            log.exception("badge %r could not be looked up", code)
            return None

    # --- the step and its effects ---------------------------------------------------------

    def _feed(self, event: Event) -> None:
        outcome = step(self.state, event)
        self.state = outcome.state
        self.last_verdict = outcome.verdict
        self.on_verdict(outcome.verdict)
        for effect in outcome.effects:
            self._carry_out(effect)

    def _carry_out(self, effect: Effect) -> None:
        match effect:
            case LoadWaves():
                self.ops.query(lambda: wave_progress(self.db), self._waves_loaded, what="reading the waves")
            case LoadStops(wave=wave):
                parser = self._parser()
                self.ops.query(
                    lambda: tuple(pick_stops(self.db, wave, parser)),
                    self._stops_loaded(wave),
                    what=f"wave {wave}",
                )
            case RecordPick(wave=wave, stop=stop, picked=picked, reason=reason, lots=lots):
                operator = self.state.operator
                badge = operator.badge_code if operator else ""
                operator_id = operator.operator_id if operator else None
                station = self._station()
                self.ops.write(
                    lambda: tuple(
                        record_pick(self.db, wave, stop, picked, badge, station, operator_id, reason, lots)
                    ),
                    self._recorded(),
                    what=f"pick at {stop.location} in {wave}",
                )
            case SignedOut():
                self.waves = []
                self.signed_out()

    def _waves_loaded(self, answer: Answer[list[WaveProgress]]) -> None:
        if answer.value is None:
            self.on_verdict(PickVerdict(Say.LOAD_FAILED, sound="error"))
            return
        me = self.state.operator.badge_code if self.state.operator else ""
        self.waves = [w for w in answer.value if w.status in WAVE_PICKABLE and w.picker in ("", me)]
        if self.state.step is Step.WAVE:
            # A finished wave's summary stays up while the list refreshes under it.
            last = self.last_verdict
            if last is not None and last.say is Say.WAVE_PICKED:
                self.on_verdict(replace(last, sound=""))
            else:
                self.on_verdict(PickVerdict(Say.CHOOSE_WAVE))

    def _stops_loaded(self, wave: str) -> Show[tuple[PickStop, ...]]:
        def done(answer: Answer[tuple[PickStop, ...]]) -> None:
            if answer.refused:  # WaveError: no such wave, or not one to pick
                self._feed(WaveNotFound(wave))
            elif answer.value is None:
                self._feed(LoadFailed())
            else:
                self._feed(StopsLoaded(wave, answer.value))

        return done

    def _recorded(self) -> Show[tuple[SlotShare, ...]]:
        def done(answer: Answer[tuple[SlotShare, ...]]) -> None:
            if answer.value is None:
                self._feed(RecordFailed())
            else:
                self._feed(Recorded(answer.value))

        return done


class PutBackWalk:
    """The handheld's put-back walk (待放回): the goods of intercepted orders back into their bins,
    in walking order, each unit recorded as it goes back (app.core.put_back). Qt-free like the pick
    walk's controller; `on_answer` gets each answer to show."""

    def __init__(
        self,
        db: Database,
        ops: Operations,
        parser: Callable[[], LocationParser],
        on_answer: Callable[[put_back.Answer], None],
    ) -> None:
        self.db = db
        self.ops = ops
        self._parser = parser
        self.on_answer = on_answer
        self.lines: tuple[put_back.ReturnLine, ...] = ()
        self.loaded = False

    def load(self) -> None:
        """The list as the database has it now (another handheld may have put things back)."""
        parser = self._parser()

        def shown(answer: Answer[tuple[put_back.ReturnLine, ...]]) -> None:
            self.loaded = answer.value is not None
            self.lines = answer.value or ()
            self.on_answer(put_back.Answer(put_back.Said.LIST if self.loaded else put_back.Said.LOAD_FAILED))

        self.ops.query(
            lambda: put_back.walk(return_lines(self.db), parser), shown, what="reading the put-back list"
        )

    def scan(self, raw: str, operator: Operator | None) -> None:
        scan = interpret(raw[:MAX_SCAN_LENGTH])
        self.lines, answer, returned = put_back.put(self.lines, scan.lookup.strip())
        if returned is not None:
            badge = operator.badge_code if operator else ""
            operator_id = operator.operator_id if operator else None
            line = returned.line

            def recorded(saved: Answer[bool]) -> None:
                if not saved.ok:  # the walk goes on; the count is taken again from the list
                    self.on_answer(put_back.Answer(put_back.Said.NOT_RECORDED, line))
                    self.load()

            self.ops.write(
                lambda: record_returned(self.db, line, badge, operator_id),
                recorded,
                what=f"{line.sku_code} of {line.order_no} put back",
            )
        self.on_answer(answer)
