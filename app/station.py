"""The packing station's controller: scans in, verdicts out, work saved in order.

Glue between the pure pack session (app.core), the store and the background writer. No Qt:
the UI renders what `handle_*` return and what the callbacks report; tests and the benchmarks
drive it directly. Reads (resolving a code) happen on the caller's thread and take one indexed
query; every write goes through the SerialWriter so the GUI thread never waits on a commit.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from app.core import barcodes, decisions, pack_events, packaging
from app.core.auth import signing_key, verify_pin
from app.core.commands import Command, parse_command
from app.core.decisions import Decision, Signer
from app.core.model import Box, Operator, OrderSnapshot, OrderStatus, PackStatus
from app.core.pack_session import (
    OVERRIDE_REASONS,
    PLAN_OVERRIDE_REASONS,
    CardsRequested,
    Commanded,
    Event,
    HoldReleased,
    ItemFound,
    NotFound,
    OrderChanged,
    OrderFound,
    OrderHeld,
    OrderIntercepted,
    Outcome,
    PackCompleted,
    PackState,
    Pending,
    Phase,
    PinChecked,
    ReasonGiven,
    Resolution,
    Scanned,
    SerialScanned,
    SessionClosed,
    SessionOpened,
    Verdict,
    VerdictKind,
    WeightEntered,
    new_session,
    next_session,
    step,
)
from app.core.print_plan import card_requests
from app.core.rules import EMPTY_PLAN, PackPlan
from app.core.settings import StationSettings
from app.core.trace import MAX_SERIAL, Fefo, unit_from_gs1
from app.store.errors import StoreError, classify
from app.store.packing import PackConflict, PackingStore, new_session_id
from app.store.print_jobs import PrintJobStore
from app.store.rules_store import RuleCache
from app.store.waves import next_wave_order, waiting_orders, wave_strategy
from app.store.writer import SerialWriter
from scanner.interpret import interpret
from scanner.model import Scan

if TYPE_CHECKING:
    from nacl.signing import SigningKey

log = logging.getLogger(__name__)

MAX_SCAN_LENGTH = 400
FROM_SERVER = "(server)"  # what the audit trail shows as the input of a change the server sent
PIN_MASK = "••••"  # what the audit trail keeps of a PIN
PIN_LOCKOUT_AFTER = 5  # wrong PINs in a row for one badge...
PIN_LOCKOUT_S = 300  # ...and it waits this long before it may try again


@contextmanager
def _reading(what: str) -> Iterator[None]:
    """Reads on the caller's thread: a database that cannot answer becomes a StoreError the
    screen can name (damaged, locked, unreadable), logged with what was being done."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        env = classify(exc)
        if env is None:
            log.exception("reading the database for %s failed", what)
            raise StoreError(str(exc)) from exc
        log.error("reading the database for %s failed: %s (%s)", what, env.code, env)
        raise env from exc


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What the writer reports back about an effect.

    "packed", "held", "released", "intercepted", "reissued": committed ("opened": a session's cards
    are queued).
    "failed": refused or a bug, nothing written.
    "waiting": the database cannot take it now (disk full, locked, damaged); it stays queued and
    is written by itself once the trouble is gone, and until then the station takes no new work.
    """

    kind: str
    order_no: str
    error: BaseException | None = None


# Verdicts that claim something was saved: the screen shows them once the commit is back.
SAVED_VERDICTS = {
    VerdictKind.PACKED: "packed",
    VerdictKind.HELD: "held",
    VerdictKind.REWAYBILL: "held",  # the plan held it at its first scan: said once it is on disk
    VerdictKind.NO_ROUTING: "held",  # no routing data for the carrier: held at its first scan
    VerdictKind.HOLD_RELEASED: "released",
}


class PackingStation:
    def __init__(
        self,
        store: PackingStore,
        writer: SerialWriter,
        settings: StationSettings,
        on_saved: Callable[[SaveResult], None] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.writer = writer
        self.settings = settings
        self.on_saved = on_saved or (lambda _result: None)
        self.state: PackState | None = None
        self.session_id: str | None = None
        self.last_packed: str = ""
        self._parcels_stopped: set[str] = set()  # packed here, cancelled since: said once each
        self._last_label: tuple[str, str] | None = None  # (carrier, waybill) on the last pack's label
        self.recommended_box: Box | None = None  # for the open order (app.core.packaging)
        self._boxes: list[Box] | None = None  # the packaging catalogue, read again after each pull
        # Orders packed here whose commit may still be in the writer's queue: a rescan must
        # say "already packed" even before the database says so.
        self._packing: set[int] = set()
        self.rules = RuleCache(store.db)
        self.wave: str | None = None  # a single-item wave packed here, one scan per parcel
        # 贴单复核 (settings.label_check): the last pack's waybill, to be scanned on its parcel
        # before anything else is packed here; with the pack session it belongs to.
        self.label_due: LabelDue | None = None
        # Packs, holds and releases handed to the writer and not committed yet, by order number:
        # (what it is, the session state before it, so a save that cannot be made leaves the order open).
        self._unsaved: dict[tuple[str, str], PackState] = {}
        self.blocked: SaveResult | None = None  # a save the database cannot take now
        self._clock = clock
        # badge -> times of its last wrong PINs; kept in the database: a restart does not lift a lock-out
        self._pin_failures: dict[str, list[float]] = store.pin_failures()
        self.signed_in_with_pin = False
        # The key of the supervisor whose PIN was just typed at the bench, until the reason they
        # choose completes the decision it signs; and the signed-in supervisor's, for desk work.
        self.signer: Signer | None = None
        self.session_signer: Signer | None = None

    # --- operators ---------------------------------------------------------------------------

    @property
    def operator(self) -> Operator | None:
        return self.state.operator if self.state else None

    def operator_for_badge(self, code: str) -> Operator | None:
        """Who a badge names. Raises StoreError when the database cannot be read."""
        with _reading("sign-in"):
            return self.store.operator_by_badge(code)

    def needs_pin(self, operator: Operator) -> bool:
        """Whether this operator's badge alone may sign in (station settings)."""
        return self.settings.supervisor_pin if operator.is_supervisor else self.settings.packer_pin

    def sign_in_badge(self, code: str) -> Operator | None:
        """Sign in with a badge scan alone: refused (None) for operators who need their PIN.
        Raises StoreError when the database cannot be read (the sign-in page says so)."""
        operator = self.operator_for_badge(code)
        if operator is None:
            return None
        if self.needs_pin(operator):
            log.info("badge %s alone does not sign in: PIN needed", operator.badge_code)
            return None
        with _reading("sign-in"):
            self._start(operator)
        self.signed_in_with_pin = False
        return operator

    def pin_locked_for(self, badge: str) -> int:
        """Seconds until this badge may try a PIN again (0: it may now)."""
        failures = self._pin_failures.get(badge.strip().upper(), [])
        if len(failures) < PIN_LOCKOUT_AFTER:
            return 0
        return max(0, int(failures[-1] + PIN_LOCKOUT_S - self._clock() + 0.999))

    def try_pin(self, badge: str, pin: str) -> PinTry:
        """What a PIN makes for a badge: whether it is the right one and the supervisor's signing
        key. Slow by design (the verifier's cost): called off the GUI thread, then `pin_tried` on
        it. A locked badge is not tried at all."""
        key = badge.strip().upper()
        if self.pin_locked_for(key):
            return PinTry(key, locked=True)
        with _reading("a PIN check"):
            stored = self.store.operator_pin_hash(badge)
        if stored is None:
            return PinTry(key)
        signing = signing_key(pin.strip(), stored)
        return PinTry(key, ok=signing is not None or verify_pin(pin.strip(), stored), key=signing)

    def pin_tried(self, attempt: PinTry) -> bool:
        """Count a PIN tried (`try_pin`): after PIN_LOCKOUT_AFTER wrong ones in a row the badge waits
        PIN_LOCKOUT_S, across restarts: a 4-digit PIN cannot be walked through here."""
        if attempt.locked:
            log.warning("PIN for %s refused unchecked: locked after repeated wrong PINs", attempt.badge)
            return False
        if attempt.ok:
            if self._pin_failures.pop(attempt.badge, None) is not None:
                self._write(self.store.save_pin_failures, dict(self._pin_failures))
            return True
        failures = [*self._pin_failures.get(attempt.badge, [])[-(PIN_LOCKOUT_AFTER - 1) :], self._clock()]
        self._pin_failures[attempt.badge] = failures
        self._write(self.store.save_pin_failures, dict(self._pin_failures))
        log.warning(
            "wrong PIN for %s at %s (%d in a row)", attempt.badge, self.settings.station_name, len(failures)
        )
        return False

    def _check_pin(self, badge: str, pin: str) -> bool:
        return self.pin_tried(self.try_pin(badge, pin))

    def sign_in_pin(self, code: str, pin: str) -> Operator | None:
        return self.sign_in_tried(code, self.try_pin(code, pin))

    def sign_in_tried(self, code: str, attempt: PinTry) -> Operator | None:
        """Sign in with a PIN tried off the GUI thread (`try_pin`)."""
        if not self.pin_tried(attempt):
            log.info("sign-in refused for badge %r", code)
            return None
        operator = self.operator_for_badge(code)
        if operator is None:
            return None
        with _reading("sign-in"):
            self._start(operator)
        self.signed_in_with_pin = True
        # A supervisor signed in with their PIN decides at the desk (waves, rules) with its key.
        self.session_signer = (
            Signer(operator.badge_code, attempt.key) if attempt.key and operator.is_supervisor else None
        )
        return operator

    def supervisor_with_pin(self, badge: str, pin: str) -> tuple[Operator, Signer | None] | None:
        """A supervisor proving who they are (badge and PIN) for something the station protects
        (its settings): None for a badge that is not an active supervisor's or a wrong PIN (which
        counts toward the badge's lock-out); else the supervisor and the key their PIN makes. Slow
        by design (the PIN's verifier): off the GUI thread."""
        operator = self.operator_for_badge(badge)
        if operator is None or not operator.is_supervisor:
            log.info("badge %r is not a supervisor's: settings stay locked", badge)
            return None
        attempt = self.try_pin(badge, pin)
        if not self.pin_tried(attempt):
            return None
        return operator, Signer(operator.badge_code, attempt.key) if attempt.key else None

    @property
    def signed_in_supervisor(self) -> Operator | None:
        """The signed-in operator, when a supervisor who gave their PIN to sign in."""
        operator = self.operator
        if operator is not None and operator.is_supervisor and self.signed_in_with_pin:
            return operator
        return None

    def sign_out(self) -> bool:
        """Sign out; refused while an order is open (finish or put it back first)."""
        if self.state is not None and self.state.order is not None:
            return False
        self.state = None
        self.signer = self.session_signer = None
        return True

    def _start(self, operator: Operator) -> None:
        self.state = replace(
            new_session(operator, self.settings.weight_policy, self.settings.supervisor_pin),
            fefo=_fefo(self.settings),
        )
        self._restore()
        if self.settings.label_check and self.label_due is None and self.session_id is None:
            pending = self.store.label_check_pending()
            if pending is not None:  # the parcels packed last here still wait for their label check
                order_no, session_id, waybills, checked = pending
                self.label_due = LabelDue(order_no, waybills, session_id, checked, len(waybills))
                log.info("label check of %s restored: %d of %d labels left", order_no,
                         len(self.label_due.left), len(waybills))  # fmt: skip

    def apply_settings(self, settings: StationSettings) -> None:
        self.settings = settings
        if self.state is not None:
            self.state = replace(
                self.state,
                policy=settings.weight_policy,
                supervisor_pin=settings.supervisor_pin,
                fefo=_fefo(settings),
            )

    # --- inputs ------------------------------------------------------------------------------

    def handle_scan(self, raw: str) -> Verdict:
        """A code typed in (or a scan as text): interpreted here, once."""
        return self.handle(interpret(raw[:MAX_SCAN_LENGTH]))

    def handle(self, scan: Scan) -> Verdict:
        """A scan, interpreted where it was read (scanner.interpret). Commands, orders, items and
        badges all come here; in a PIN prompt what came is the PIN."""
        assert self.state is not None, "sign in first"
        if self.blocked is not None:
            return self.not_saved_verdict()
        try:
            return self._scan(scan)
        except StoreError as exc:
            return Verdict(VerdictKind.STORE_ERROR, code=scan.code[:80], detail=exc.code)

    def _scan(self, scan: Scan) -> Verdict:
        assert self.state is not None
        if self.state.phase is Phase.AWAITING_PIN:  # typed fast enough to look like a scan
            return self.handle_pin(scan.raw)
        if scan.error.startswith(("check_digit:", "gs1:")):
            return self._misprinted(scan)
        if scan.error:
            shown = "".join(ch if ch.isprintable() else "?" for ch in scan.code)
            log.info("unreadable scan %r: %s", scan.raw, scan.error)
            return self._run(Scanned(shown, NotFound(shown)), raw=shown)
        command = parse_command(scan.code)
        if command is not None:
            return self.handle_command(command, raw=scan.code)
        if self.label_due is not None and self.state.order is None and self.state.pending is None:
            return self._label_scanned(scan.code)
        raw_text = scan.raw.strip(" \r\n\t")
        with _reading("a scan"):
            resolution = self._traced(scan, self._resolve(scan.lookup))
            if self.state.order is None and self.state.pending is None:
                if isinstance(resolution, NotFound):
                    strategy = wave_strategy(self.store.db, scan.code)
                    if strategy is not None:
                        return self._start_wave(scan.code, strategy)
                elif isinstance(resolution, ItemFound) and self.wave is not None:
                    return self._wave_item(scan.code, raw_text, resolution)
        return self._run(Scanned(scan.code, resolution), raw=raw_text)

    def _label_scanned(self, code: str) -> Verdict:
        """A waybill on a parcel just packed (贴单复核): each parcel's own label lets it go (a split
        shipment's, one by one); anything else (the label of another order, the next order's
        number) stops it, said in red, and is recorded."""
        assert self.state is not None and self.label_due is not None
        due = self.label_due
        matched = next((w for w in due.left if w.upper() == code.strip().upper()), None)
        if matched is not None:
            due = replace(due, checked=(*due.checked, matched))
        verdict = Verdict(
            VerdictKind.LABEL_CHECKED if matched is not None else VerdictKind.LABEL_MISMATCH,
            order_no=due.order_no,
            code=code[:80],
            detail=matched or ", ".join(due.left),
            quantity=len(due.left),  # labels of the order's parcels still to check
        )
        if matched is not None:
            self.label_due = None if due.done else due
        self._write(
            self.store.record_event, due.session_id, self.state.operator, "label", code, verdict.kind.value
        )
        return verdict

    def _misprinted(self, scan: Scan) -> Verdict:
        """GS1 data whose check digit is wrong, or that breaks the GS1 syntax (a month 13): never
        taken as an item, however close it is to one; said plainly, and kept in the audit trail."""
        assert self.state is not None
        log.warning("misprinted barcode %r: %s", scan.raw, scan.error)
        shown = "".join(ch if ch.isprintable() else "·" for ch in scan.code)
        if scan.error.startswith("check_digit:"):
            _, ai, value = scan.error.split(":", 2)
            verdict = Verdict(
                VerdictKind.BAD_CHECK_DIGIT, order_no=self.state.order_no, code=ai, detail=value
            )
        else:
            verdict = Verdict(VerdictKind.BAD_GS1, order_no=self.state.order_no, code=shown)
        self._audit(
            self.session_id,
            self.state.operator,
            Scanned(shown, NotFound(shown)),
            shown,
            Outcome(self.state, verdict),
        )
        return verdict

    # --- single-item waves: one scan per parcel ------------------------------------------------

    def _start_wave(self, code: str, strategy: str) -> Verdict:
        if strategy != "single_sku":
            return Verdict(VerdictKind.WAVE_NOT_SINGLE, code=code)
        self.wave = code
        left = waiting_orders(self.store.db, code)
        log.info("single-item wave %s started at this station: %d orders to pack", code, left)
        return Verdict(VerdictKind.WAVE_STARTED, code=code, quantity=left)

    def _wave_item(self, code: str, raw: str, item: ItemFound) -> Verdict:
        """An item scanned in a single-item wave: open the next order of the wave that needs it,
        then count the item in it; the scale and the label printer do the rest."""
        assert self.wave is not None
        # Orders packed here a moment ago may not be committed yet: never hand one out twice.
        order_no = next_wave_order(self.store.db, self.wave, item.sku_code, busy=self._packing)
        if order_no is None:
            log.info("wave %s: no order left for %s", self.wave, item.sku_code)
            return Verdict(
                VerdictKind.WAVE_NO_ORDER,
                code=self.wave,
                sku_code=item.sku_code,
                name_zh=item.name_zh,
                name_en=item.name_en,
            )
        opened = self._run(Scanned(order_no, self._resolve(order_no)), raw=order_no)
        if self.state is None or self.state.order is None:
            return opened  # held, cancelled...: the packer sees why
        return self._run(Scanned(code, self._resolve(code)), raw=raw)

    def leave_wave(self) -> Verdict | None:
        if self.wave is None:
            return None
        code, self.wave = self.wave, None
        return Verdict(VerdictKind.WAVE_ENDED, code=code)

    def handle_command(self, command: Command, raw: str = "") -> Verdict:
        assert self.state is not None, "sign in first"
        if self.blocked is not None:
            return self.not_saved_verdict()
        if command is Command.CLOSE and self.state.order is None and self.wave is not None:
            ended = self.leave_wave()
            assert ended is not None
            return ended
        if command is Command.PARCEL:
            refused = self._no_waybill_for_another_parcel(raw or command.barcode)
            if refused is not None:
                return refused
        return self._run(Commanded(command), raw=raw or command.barcode)

    def _no_waybill_for_another_parcel(self, raw: str) -> Verdict | None:
        """A split is refused before it starts when the order's next parcel could get no waybill
        number here (none of the order's own left, the station's reserve for its carrier empty):
        a parcel must never be sealed that cannot be labelled."""
        state = self.state
        assert state is not None
        trial = step(state, Commanded(Command.PARCEL))
        splitting = trial.state.sealing or trial.state.pending is Pending.SPLIT
        if state.order is None or state.sealing or not splitting:
            return None
        needed = len(state.parcels) + 1  # numbers beyond the order's own waybill
        with _reading("the waybill numbers left"):
            spare = self.store.spare_waybills(state.order)
        if spare >= needed:
            return None
        log.warning(
            "order %s: no waybill number for parcel %d (%s): split refused",
            state.order.order_no, needed + 1, state.order.carrier,
        )  # fmt: skip
        verdict = Verdict(
            VerdictKind.NO_WAYBILL,
            order_no=state.order.order_no,
            quantity=needed + 1,
            detail=state.order.carrier,
        )
        self._write(
            self.store.record_event,
            self.session_id,
            state.operator,
            "command",
            raw,
            verdict.kind.value,
            "",
            verdict.quantity,
            None,
            pack_events.REFUSED,
        )
        return verdict

    def handle_weight(self, grams: int, source: str = "manual") -> Verdict:
        assert self.state is not None, "sign in first"
        if self.blocked is not None:
            return self.not_saved_verdict()
        return self._run(WeightEntered(grams, source), raw=str(grams))

    def handle_pin(self, pin: str) -> Verdict:
        """The PIN of the supervisor whose badge was just scanned; it is checked here and never
        stored or logged (the audit trail records that a PIN was entered, not which)."""
        assert self.state is not None, "sign in first"
        supervisor = self.state.supervisor
        badge = supervisor.badge_code if supervisor is not None else ""
        return self.handle_pin_tried(self.try_pin(badge, pin) if badge else PinTry(""))

    def handle_pin_tried(self, attempt: PinTry) -> Verdict:
        """A bench PIN tried off the GUI thread (`try_pin`). Its key signs the decision the PIN
        completes (a split, a release) or waits for the reason that completes it (an override)."""
        assert self.state is not None, "sign in first"
        if self.blocked is not None:
            return self.not_saved_verdict()
        state, supervisor = self.state, self.state.supervisor
        ok = False
        proof = None
        if (
            state.phase is Phase.AWAITING_PIN
            and supervisor is not None
            and attempt.badge == supervisor.badge_code
        ):
            ok = self.pin_tried(attempt)
        if ok and attempt.key is not None and supervisor is not None:
            signer = Signer(supervisor.badge_code, attempt.key)
            decided = _decided_by_pin(state, supervisor.badge_code)
            if decided is not None:
                proof = signer.sign(decided, _now_iso())
            else:
                self.signer = signer
        return self._run(PinChecked(ok, proof), raw=PIN_MASK)

    def handle_reason(self, reason: str) -> Verdict:
        assert self.state is not None, "sign in first"
        if self.blocked is not None:
            return self.not_saved_verdict()
        state, signer = self.state, self.signer
        proof = None
        if (
            signer is not None
            and state.supervisor is not None
            and signer.badge == state.supervisor.badge_code
        ):
            decided = _decided_by_reason(state, reason, signer.badge)
            if decided is not None:
                proof = signer.sign(decided, _now_iso())
        verdict = self._run(ReasonGiven(reason, proof), raw=reason)
        if self.state is None or self.state.phase is not Phase.AWAITING_REASON:
            self.signer = None  # the decision is made (or dropped): the key goes
        return verdict

    def _resolve(self, code: str) -> Resolution:
        state = self.state
        assert state is not None
        if state.order is not None:  # the hot path: items of the open order need no query
            hit = state.order.barcodes.get(barcodes.lookup_key(code))
            if hit is not None:
                line = next(line for line in state.order.lines if line.sku_code == hit[0])
                return ItemFound(sku_code=hit[0], pack_qty=hit[1], name_zh=line.name_zh, name_en=line.name_en)
        resolution = self.store.resolve(code)
        if isinstance(resolution, OrderFound) and resolution.order.order_id in self._packing:
            resolution = OrderFound(replace(resolution.order, status=OrderStatus.PACKED))
        elif isinstance(resolution, OrderFound) and state.order is None:
            resolution = OrderFound(resolution.order, self.plan_for(resolution.order))
        return resolution

    def _traced(self, scan: Scan, resolution: Resolution) -> Resolution:
        """A traced SKU's item with the unit its scan carries and what the floor knows of it; while
        a serial label is due, a code that is nothing else is that serial."""
        state = self.state
        assert state is not None
        order = state.order
        if order is None:
            return resolution
        due = state.serial_due
        if due is not None and isinstance(resolution, NotFound):
            serial = (scan.gs1.get("21") or scan.code).strip()[:MAX_SERIAL]
            sku_code = order.lines[due.line_index].sku_code
            return SerialScanned(serial, self.store.serial_facts(sku_code, serial, order.order_no))
        if not isinstance(resolution, ItemFound):
            return resolution
        line = next((line for line in order.lines if line.sku_code == resolution.sku_code), None)
        if line is None or not line.tracking.tracked:
            return resolution
        today = date.today()  # the bench's day: shelf life is counted in local days
        unit = unit_from_gs1(scan.gs1, today)
        min_days = state.plan.min_shelf_days
        shippable = today + timedelta(days=line.tracking.min_shelf_days if min_days is None else min_days)
        facts = self.store.unit_facts(resolution.sku_code, unit, order.order_no, shippable)
        return replace(resolution, unit=unit, facts=facts, scanned_on=today)

    def plan_for(self, order: OrderSnapshot) -> PackPlan:
        """The customer rules' plan for an order; a broken rule book never stops packing."""
        try:
            # The local date: a birthday month is the customer's, not UTC's.
            return self.rules.book().plan(order, date.today())
        except Exception:
            log.exception(
                "customer rules could not be evaluated for %s: packing without a plan", order.order_no
            )
            return EMPTY_PLAN

    # --- changes from the server ----------------------------------------------------------------

    def recheck(self) -> Verdict | None:
        """After a pull: the order on the bench as the database has it now (the pure session stops
        it or takes the change), then the parcel packed here last (cancelled since, or moved to
        another carrier). A verdict to show, or None when nothing concerns the bench."""
        state = self.state
        self._boxes = None  # the catalogue may have changed too
        if state is None or self.blocked is not None:
            return None
        try:
            return self._recheck_open_order(state) or self._recheck_last_pack(state)
        except Exception as exc:
            log.error("the bench could not be checked against the server's change: %r", exc)
            return None

    def _recommend(self, order: OrderSnapshot) -> Box | None:
        """The box for the order's items (a read of the catalogue once per pull; never stops packing)."""
        try:
            if self._boxes is None:
                self._boxes = self.store.boxes()
            return packaging.recommend(order.lines, self._boxes)
        except Exception as exc:
            log.warning("no box recommended for %s: %r", order.order_no, exc)
            return None

    def next_box(self) -> Box | None:
        """The box Ctrl+B puts the open parcel in (app.core.packaging.next_box); None: no catalogue."""
        state = self.state
        if state is None or state.order is None:
            return None
        try:
            if self._boxes is None:
                self._boxes = self.store.boxes()
        except Exception as exc:
            log.warning("the packaging catalogue could not be read: %r", exc)
            return None
        return packaging.next_box(self._boxes, state.box, self.recommended_box)

    def _recheck_open_order(self, state: PackState) -> Verdict | None:
        if state.order is None:
            return None
        current = self.store.order(state.order.order_id)
        if current == state.order:
            return None
        verdict = self._run(OrderChanged(current), raw=FROM_SERVER)
        if verdict.kind is VerdictKind.ORDER_UNCHANGED:
            return None
        log.warning("order %s changed on the server while on the bench: %s (%s)",
                    verdict.order_no, verdict.kind.value, verdict.detail)  # fmt: skip
        return verdict

    def _recheck_last_pack(self, state: PackState) -> Verdict | None:
        packed = self.last_packed
        if not packed or packed in self._parcels_stopped:
            return None
        snapshot = self.store.order_by_no(packed)
        if snapshot is None:
            return None
        if snapshot.status is OrderStatus.CANCELLED:
            # The pull put the parcel on the put-back list and voided its label already.
            self._parcels_stopped.add(packed)
            log.warning("order %s was cancelled after it was packed here: parcel to be taken back", packed)
            return Verdict(VerdictKind.INTERCEPT_PARCEL, order_no=packed)
        carries = (snapshot.carrier, snapshot.waybill_no or "")
        if snapshot.status is OrderStatus.PACKED and self._last_label not in (None, carries):
            # Another carrier's waybill for a parcel still here: its label is void, a new one prints.
            self._last_label = carries
            log.warning("order %s packed here now ships with %s %s: label re-issued", packed, *carries)
            self._write(
                PrintJobStore(self.store.db).void_labels,
                packed,
                "carrier_changed",
                self.store.station,
                state.operator,
                True,
                on_done=self._saved("reissued", packed),
            )
            return Verdict(VerdictKind.LABEL_REISSUED, order_no=packed, detail=snapshot.carrier)
        return None

    # --- saves that have not committed yet ----------------------------------------------------

    def is_unsaved(self, verdict: Verdict) -> bool:
        """The pack, hold or release this verdict speaks of is still on its way to the database."""
        kind = SAVED_VERDICTS.get(verdict.kind)
        return kind is not None and (kind, verdict.order_no) in self._unsaved

    def writer_trouble(self, error: StoreError | None) -> None:
        """The writer's health (GUI thread). While it cannot write, a pack or hold waiting behind
        it is not done: the station says so and takes no new work until it is written."""
        if error is None or not self._unsaved or self.blocked is not None:
            return
        (kind, order_no), before = next(iter(self._unsaved.items()))
        log.error("%s of %s not saved yet: %s (%s)", kind, order_no, error.code, error)
        self.blocked = SaveResult("waiting", order_no, error)
        if kind in ("packed", "held") and self.state is not None and self.state.order is None:
            self.state = before  # the order stays on screen, open, until it is really saved
        self.on_saved(self.blocked)

    def not_saved_verdict(self) -> Verdict:
        assert self.blocked is not None
        error = self.blocked.error
        return Verdict(
            VerdictKind.NOT_SAVED,
            order_no=self.blocked.order_no,
            detail=error.code if isinstance(error, StoreError) else "store_error",
        )

    # --- the step and its effects ----------------------------------------------------------

    def _run(self, event: Event, raw: str) -> Verdict:
        assert self.state is not None
        before = self.state
        outcome = step(before, event)
        self.state = outcome.state
        session_for_audit = self.session_id
        for effect in outcome.effects:
            if isinstance(effect, SessionOpened):
                self.recommended_box = self._recommend(effect.order)
                self.session_id = session_for_audit = new_session_id()
                cards = card_requests(effect.order, self.settings.print_choices, outcome.state.plan.inserts)
                self._write(
                    self.store.start_session,
                    self.session_id,
                    effect.order,
                    before.operator,
                    cards,
                    on_done=self._opened(effect.order.order_no),
                )
        self._audit(session_for_audit, before.operator, event, raw, outcome)
        saved_as = SAVED_VERDICTS.get(outcome.verdict.kind)
        if saved_as is not None:
            self._unsaved[(saved_as, outcome.verdict.order_no)] = before
        for effect in outcome.effects:
            self._carry_out(effect)
        return outcome.verdict

    def _audit(
        self, session_id: str | None, operator: Operator, event: Event, raw: str, outcome: Outcome
    ) -> None:
        verdict = outcome.verdict
        match event:
            case Scanned(resolution=ItemFound(sku_code=sku, pack_qty=qty)):
                kind, sku_code, quantity, grams = "scan", sku, qty, None
            case Scanned(resolution=OrderFound()):
                kind, sku_code, quantity, grams = "order", "", 0, None
            case Scanned():
                kind, sku_code, quantity, grams = "scan", "", 0, None
            case Commanded():
                kind, sku_code, quantity, grams = "command", verdict.sku_code, verdict.quantity, None
            case WeightEntered(grams=g):
                kind, sku_code, quantity, grams = "weight", "", 0, g
            case PinChecked():
                kind, sku_code, quantity, grams = "pin", "", 0, None
            case OrderChanged():
                kind, sku_code, quantity, grams = "change", "", verdict.quantity, None
            case _:
                kind, sku_code, quantity, grams = "reason", "", 0, None
        self._write(
            self.store.record_event,
            session_id,
            operator,
            kind,
            raw,
            verdict.kind.value,
            sku_code,
            quantity,
            grams,
            pack_events.encode(event),
        )

    def _carry_out(self, effect: object) -> None:
        session_id = self.session_id
        match effect:
            case PackCompleted() as done:
                self._packing.add(done.order.order_id)
                self.last_packed = done.order.order_no
                self._last_label = (done.order.carrier, done.order.waybill_no or "")
                if self.settings.label_check and done.order.waybill_no:
                    # The first parcel's number is the order's; a split shipment's others are taken
                    # with the pack's commit and join the check once it is written (_saved).
                    self.label_due = LabelDue(
                        done.order.order_no,
                        (done.order.waybill_no,),
                        session_id,
                        parcels=len(done.all_parcels),
                    )
                self.session_id = None
                # The local date: a birthday month is the customer's, not UTC's.
                # The labels are made with the pack: a split shipment's numbers are taken in its commit.
                self._write(
                    self.store.complete_pack,
                    session_id,
                    done,
                    self.settings.print_choices,
                    on_done=self._saved("packed", done.order.order_no, done.order.order_id),
                )
            case OrderHeld() as held:
                self.session_id = None
                self._write(
                    self.store.hold_order, session_id, held, on_done=self._saved("held", held.order.order_no)
                )
            case HoldReleased() as released:
                self._write(
                    self.store.release_hold,
                    released,
                    on_done=self._saved("released", released.order.order_no),
                )
            case SessionClosed():
                self.session_id = None
                if session_id is not None:
                    self._write(self.store.end_session, session_id, PackStatus.CLOSED)
            case OrderIntercepted() as intercepted:
                self.session_id = None
                self._write(
                    self.store.intercept,
                    session_id,
                    intercepted,
                    on_done=self._saved("intercepted", intercepted.order.order_no),
                )
            case CardsRequested(order=order, templates=templates):
                cards = card_requests(order, replace(self.settings.print_choices, inserts=True), templates)
                self._write(
                    self.store.queue_cards, order, cards, session_id, on_done=self._opened(order.order_no)
                )

    def _opened(self, order_no: str) -> Callable[[object, BaseException | None], None]:
        def done(queued: object, error: BaseException | None) -> None:
            if error is None and queued:
                self.on_saved(SaveResult("opened", order_no))  # its cards are queued: print them now

        return done

    def _saved(
        self, kind: str, order_no: str, order_id: int | None = None
    ) -> Callable[[object, BaseException | None], None]:
        def done(_result: object, error: BaseException | None) -> None:
            if order_id is not None:
                self._packing.discard(order_id)
            before = self._unsaved.pop((kind, order_no), None)
            was_blocked = self.blocked is not None and self.blocked.order_no == order_no
            if was_blocked:
                self.blocked = None
            state = self.state
            showing_it = state is not None and state.order is not None and state.order.order_no == order_no
            if error is not None:
                if not isinstance(error, PackConflict):
                    log.error("saving %s of %s failed: %s", kind, order_no, error)
                    # Nothing was written: the order is open again, as it was before.
                    if before is not None and state is not None and state.order is None:
                        self.state = before
                elif was_blocked and showing_it and state is not None:
                    self.state = next_session(state)
                self.on_saved(SaveResult("failed", order_no, error))
                return
            if was_blocked and showing_it and kind in ("packed", "held") and state is not None:
                self.state = next_session(state)
            due = self.label_due
            if kind == "packed" and due is not None and due.order_no == order_no and due.session_id:
                waybills = self.store.parcel_waybills(due.session_id)
                if waybills:
                    due = replace(due, waybills=waybills, parcels=len(waybills))
                    self.label_due = None if due.done else due
            self.on_saved(SaveResult(kind, order_no))

        return done

    def _write(
        self, fn: Callable[..., object], *args: object, on_done: Callable[..., None] | None = None
    ) -> None:
        self.writer.submit(lambda: fn(*args), on_done, label=fn.__name__)

    # --- crash recovery ----------------------------------------------------------------------

    def _restore(self) -> None:
        """Reopen the session this station left open (a crash, a power cut) by replaying the
        events it recorded: the order is opened again as it is now, with its plan, then every
        later scan, key, weight and PIN result goes through the pure session once more."""
        open_session = self.store.open_session()
        if open_session is None or self.state is None:
            return
        order = self.store.order(open_session.order_id)
        state = step(self.state, Scanned(order.order_no, OrderFound(order, self.plan_for(order)))).state
        # The first event opened the session (an order scan, a wave's item, a supervisor's
        # release): the order was opened again above.
        stored = open_session.events[1:]
        events: list[Event] = []
        if any(data is None for data in stored):  # recorded by an older version: not replayable
            log.warning(
                "session %s was recorded without its events: order %s reopened, its scans to be done again",
                open_session.session_id,
                order.order_no,
            )
            stored = ()
        for data in stored:
            try:
                event = pack_events.decode(data, self._resolve_again)
                if event is not None:
                    events.append(event)
            except ValueError as exc:
                log.error(
                    "session %s: stored event damaged (%s): restored up to it", open_session.session_id, exc
                )
                break
        self.state = pack_events.replay(state, events)
        self.session_id = open_session.session_id
        log.info("restored open pack session %s for order %s", open_session.session_id, order.order_no)

    def _resolve_again(self, order_no: str) -> Resolution:
        """An order scanned during the session, read again for its replay."""
        return self.store.resolve(order_no)

    @property
    def restored(self) -> bool:
        return self.session_id is not None


@dataclass(frozen=True)
class LabelDue:
    """A packed order whose parcels' labels are still to be scanned on them (贴单复核)."""

    order_no: str
    waybills: tuple[str, ...]  # each parcel's, in parcel order (the first known before the save)
    session_id: str | None
    checked: tuple[str, ...] = ()
    parcels: int = 1  # labels the pack makes: a split shipment's further numbers come with its save

    @property
    def left(self) -> tuple[str, ...]:
        return tuple(w for w in self.waybills if w not in self.checked)

    @property
    def done(self) -> bool:
        return not self.left and len(self.checked) >= self.parcels

    @property
    def waybill_no(self) -> str:
        """The next label to check."""
        left = self.left
        return left[0] if left else ""


@dataclass(frozen=True)
class PinTry:
    """A PIN tried for a badge (`PackingStation.try_pin`): right or not, and the signing key a
    supervisor's PIN makes (None for a wrong PIN, and for a verifier that cannot sign)."""

    badge: str
    ok: bool = False
    locked: bool = False
    key: SigningKey | None = None


def _decided_by_pin(state: PackState, badge: str) -> Decision | None:
    """The decision a right PIN completes at once, if any."""
    if state.pending is Pending.SPLIT and state.order is not None:
        return decisions.split(state.order.order_no, badge)
    if state.pending is Pending.RELEASE_HOLD and state.refused is not None:
        return decisions.hold_release(state.refused.order_no, badge)
    return None


def _decided_by_reason(state: PackState, reason: str, badge: str) -> Decision | None:
    """The decision a reason completes (an override), if it is a reason the prompt takes."""
    if state.phase is not Phase.AWAITING_REASON or state.order is None:
        return None
    order_no = state.order.order_no
    if state.pending is Pending.OVERRIDE_WEIGHT and state.weight is not None and reason in OVERRIDE_REASONS:
        return decisions.weight_override(order_no, reason, state.weight.actual_g, badge)
    if state.pending is Pending.OVERRIDE_PLAN and reason in PLAN_OVERRIDE_REASONS:
        return decisions.plan_override(order_no, reason, [step.id for step in state.open_steps], badge)
    return None


def _fefo(settings: StationSettings) -> Fefo:
    return Fefo(settings.fefo) if settings.fefo in {f.value for f in Fefo} else Fefo.OFF


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()
