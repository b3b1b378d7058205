"""The dock's controller (出库交接): scans in, verdicts out, every handed parcel saved at once.

Glue between the pure dock (app.core.dock), the store (app.store.dock) and the background writer,
as app.station is for the bench. No Qt: the dock window renders what `handle_scan` returns; tests
and the benchmarks drive it directly. A scan is resolved with indexed reads on the caller's thread;
every write goes through the SerialWriter, so the window never waits on a commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial

from app.core.dock import (
    BagScanned,
    Cancelled,
    CarrierChosen,
    CloseAsked,
    DockEvent,
    DockOutcome,
    DockSay,
    DockState,
    DockVerdict,
    DockWeighed,
    DriverGiven,
    HandoverClosed,
    ParcelHanded,
    ParcelScanned,
    ParcelStopped,
    is_bag_label,
    new_dock,
    parse_dock_code,
    step,
)
from app.core.model import Operator
from app.core.pickups import next_two, pickup_times
from app.core.settings import StationSettings
from app.store.db import Database
from app.store.dock import ClosedManifest, DockStore
from app.store.packing import PackingStore
from app.store.writer import SerialWriter
from scanner.interpret import interpret

log = logging.getLogger(__name__)
MAX_CODE = 200


class DockDesk:
    def __init__(
        self,
        db: Database,
        writer: SerialWriter,
        settings: StationSettings,
        on_closed: Callable[[ClosedManifest | None, BaseException | None], None] | None = None,
        on_saved: Callable[[BaseException | None], None] | None = None,
    ) -> None:
        self.db = db
        self.writer = writer
        self.settings = settings
        self.store = DockStore(db, settings.station_name)
        self.people = PackingStore(db, settings.station_name)
        self.on_closed = on_closed or (lambda _manifest, _error: None)
        self.on_saved = on_saved or (lambda _error: None)
        self.operator: Operator | None = None
        self.state: DockState = self._fresh()
        self.last: DockVerdict | None = None

    def _fresh(self) -> DockState:
        s = self.settings
        return new_dock(s.dock_weigh, s.tolerance_g, s.tolerance_pct)

    # --- who works the dock ------------------------------------------------------------------

    def sign_in(self, badge: str) -> Operator | None:
        """The dock worker's badge; the handover left open here (a crash) comes back."""
        operator = self.people.operator_by_badge(badge.strip())
        if operator is None:
            return None
        self.operator = operator
        open_manifest = self.store.open_manifest()
        if open_manifest is not None:
            expected = len(self.store.to_hand_over(open_manifest.carrier)) + len(open_manifest.handed)
            self.state = replace(
                self._fresh(),
                carrier=open_manifest.carrier,
                pickup=open_manifest.pickup,
                expected=expected,
                handed=open_manifest.handed,
            )
            log.info(
                "open handover %s restored: %d parcels", open_manifest.manifest_no, len(open_manifest.handed)
            )
        return operator

    def sign_out(self) -> bool:
        if self.state.weighing is not None or self.state.missing is not None:
            return False
        self.operator = None
        return True

    # --- inputs ------------------------------------------------------------------------------

    def handle_scan(self, raw: str) -> DockVerdict:
        """A scan (or something typed + Enter): a carrier's dock code, a bag label, a waybill, a
        weight in grams, or (closing) the driver."""
        assert self.operator is not None, "sign in first"
        scan = interpret(raw[:MAX_CODE])
        code = scan.code.strip()
        if self.state.missing is not None:
            return self._run(DriverGiven(self._driver(code)))
        chosen = parse_dock_code(code)
        if chosen is not None:
            carrier, pickup = chosen
            expected = len(self.store.to_hand_over(carrier))
            here = self.state.count if carrier == self.state.carrier else 0
            return self._run(CarrierChosen(carrier, pickup or self._next_pickup(carrier), expected + here))
        if is_bag_label(code):
            return self._run(BagScanned(code))
        if self.state.weighing is not None and code.isdigit() and len(code) <= 6:
            return self._run(DockWeighed(int(code)))
        return self._run(ParcelScanned(code, self.store.parcel_facts(code) if code else None))

    def weigh(self, grams: int) -> DockVerdict:
        """The dock scale's stable weight (or grams typed)."""
        return self._run(DockWeighed(grams))

    def close(self) -> DockVerdict:
        """F8: close the carrier's handover; its packed parcels not scanned are listed first."""
        handed = {h.waybill_no for h in self.state.handed}
        missing = tuple(w for w in self.store.to_hand_over(self.state.carrier) if w not in handed)
        return self._run(CloseAsked(missing if self.state.carrier else ()))

    def cancel(self) -> DockVerdict:
        return self._run(Cancelled())

    def _driver(self, code: str) -> str:
        """A driver's badge (a carrier's courier registered as an operator) or what was typed."""
        known = self.people.operator_by_badge(code) if code else None
        return f"{known.name} ({known.badge_code})" if known is not None else code

    def _next_pickup(self, carrier: str) -> str:
        _names, pickups = self.store.carriers()
        two = next_two(pickup_times(pickups.get(carrier, ())), datetime.now().astimezone())
        return two[0].strftime("%H:%M") if two is not None else ""

    # --- the step and its effects ---------------------------------------------------------------

    def _saved(self, _result: object, error: BaseException | None) -> None:
        self.on_saved(error)

    def _run(self, event: DockEvent) -> DockVerdict:
        operator = self.operator
        assert operator is not None
        outcome: DockOutcome = step(self.state, event)
        self.state = outcome.state
        self.last = outcome.verdict
        for effect in outcome.effects:
            match effect:
                case ParcelHanded(carrier=carrier, pickup=pickup, parcel=parcel):
                    self.writer.submit(
                        partial(self.store.hand, carrier, pickup, parcel, operator),
                        self._saved,
                        label="hand_parcel",
                    )
                case ParcelStopped(parcel=stopped):
                    log.warning(
                        "parcel %s of %s stopped at the dock: %s",
                        stopped.waybill_no,
                        stopped.order_no,
                        stopped.why,
                    )
                    self.writer.submit(partial(self.store.stop, stopped), self._saved, label="stop_parcel")
                case HandoverClosed() as closed:
                    log.info(
                        "handover to %s closed: %d parcels, %d not handed over, driver %s",
                        closed.carrier, len(closed.parcels), len(closed.missing), closed.driver,
                    )  # fmt: skip
                    self.writer.submit(
                        partial(self.store.close, closed, operator), self.on_closed, label="close_handover"
                    )
        if outcome.verdict.say is DockSay.UNKNOWN_WAYBILL:
            log.info("dock: unknown waybill %r", outcome.verdict.code)
        return outcome.verdict
