"""The pack session: what one scan, key or weight means for the order on the bench.

`step(state, event) -> Outcome` is a pure function. The caller resolves a scanned code into
a `Resolution` (an order, an item, a badge, a command, nothing) before calling it, and carries
out the outcome's `effect` (write the pack, hold the order) afterwards. Because it is pure, an
interrupted session is restored after a crash by replaying its recorded events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from app.core.commands import Command
from app.core.decisions import Signed
from app.core.model import Box, Operator, OrderSnapshot, OrderStatus
from app.core.print_plan import INSERT_CONFIRM_PREFIX
from app.core.rules import EMPTY_PLAN, Confirm, PackPlan, Step
from app.core.trace import NO_FACTS, NO_UNIT, Fefo, Finding, Problem, Unit, UnitFacts, check_unit
from app.core.weight import WeightCheck, WeightPolicy, check_weight

MAX_PARCEL_G = 150_000  # heavier than any parcel a bench scale takes: a typo or a fault


# --- what the caller tells the session -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderFound:
    order: OrderSnapshot
    plan: PackPlan = EMPTY_PLAN  # what the customer rules ask for (the caller evaluates them)


@dataclass(frozen=True, slots=True)
class ItemFound:
    sku_code: str
    pack_qty: int
    name_zh: str = ""
    name_en: str = ""
    # A traced SKU's unit as the scan carried it (GS1 AIs 21, 10, 17), what the floor knows of
    # it, and the local date of the scan (shelf life is counted in the bench's days).
    unit: Unit = NO_UNIT
    facts: UnitFacts = NO_FACTS
    scanned_on: date | None = None


@dataclass(frozen=True, slots=True)
class SerialScanned:
    """The scan after an item whose serial is on a label of its own: that serial (app.station
    makes it of a code that is no order, item or badge while a serial is due)."""

    serial: str
    facts: UnitFacts = NO_FACTS


@dataclass(frozen=True, slots=True)
class BadgeFound:
    operator: Operator


@dataclass(frozen=True, slots=True)
class NotFound:
    code: str


@dataclass(frozen=True, slots=True)
class BoxFound:
    """A box or bag of the packaging catalogue: the one this parcel goes in."""

    box: Box


Resolution = OrderFound | ItemFound | BadgeFound | NotFound | BoxFound | SerialScanned


@dataclass(frozen=True, slots=True)
class Scanned:
    code: str
    resolution: Resolution


@dataclass(frozen=True, slots=True)
class Commanded:
    command: Command


@dataclass(frozen=True, slots=True)
class WeightEntered:
    grams: int
    source: str = "manual"  # "manual" or "scale"


@dataclass(frozen=True, slots=True)
class ReasonGiven:
    reason: str
    # The supervisor's decision this reason completes, signed with their PIN's key (the station
    # signs it before the step: app.core.decisions); None where nothing is signed.
    proof: Signed | None = None


@dataclass(frozen=True, slots=True)
class PinChecked:
    """The supervisor's PIN, checked by the caller against the stored hash (never the PIN itself),
    and the decision the PIN completes (a split, a release), signed with its key."""

    ok: bool
    proof: Signed | None = None


@dataclass(frozen=True, slots=True)
class OrderChanged:
    """The order on the bench as the server now has it: a pull brought a change (a cancellation,
    a hold, a new address, another carrier, other lines) while it was being packed."""

    order: OrderSnapshot


Event = Scanned | Commanded | WeightEntered | ReasonGiven | PinChecked | OrderChanged


# --- reasons a person picks from (codes; the UI translates them) ------------------------------

HOLD_REASONS = ("damaged", "out_of_stock", "customer_request", "address_problem", "other")
OVERRIDE_REASONS = ("packaging_heavier", "catalog_weight_wrong", "extra_gift", "scale_fault", "other")
REWAYBILL_REASON = "rewaybill"  # set by the plan, not chosen: the waybill is for another carrier
# Set at the first scan, not chosen: the carrier sorts by routing data its waybill lacks. A label
# with a sort code of our own making is mis-sorted or stopped at the hub.
NO_ROUTING_REASON = "no_routing"
MAX_PIN_TRIES = 3  # then the prompt closes: a guessed PIN needs a new F6 / F7 each time
PLAN_OVERRIDE_REASONS = (
    "insert_unavailable",
    "sample_out_of_stock",
    "customer_request",
    "printer_down",
    "other",
)


# --- the state ------------------------------------------------------------------------------


class Phase(StrEnum):
    IDLE = "idle"  # no order open: scan an order
    SCANNING = "scanning"  # order open, items missing
    WEIGHING = "weighing"  # every item verified, waiting for the parcel's weight
    WEIGHT_FAILED = "weight_failed"  # re-weigh, or a supervisor overrides
    AWAITING_SUPERVISOR = "awaiting_supervisor"  # scan a supervisor badge
    AWAITING_PIN = "awaiting_pin"  # the supervisor types their PIN
    AWAITING_REASON = "awaiting_reason"  # pick a reason


class Pending(StrEnum):
    HOLD = "hold"
    SPLIT = "split"  # a supervisor lets this order go in more than one parcel
    OVERRIDE_WEIGHT = "override_weight"
    RELEASE_HOLD = "release_hold"
    OVERRIDE_PLAN = "override_plan"  # pack without the plan's open steps


@dataclass(frozen=True, slots=True)
class Parcel:
    """A parcel of a split order, sealed: what is in it (per order line) and what it weighed."""

    counts: tuple[int, ...]
    weight: WeightCheck
    weight_source: str
    box: Box | None = None
    override_by: Operator | None = None
    override_reason: str = ""

    @property
    def item_count(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class PackedUnit:
    """A traced unit counted into the order: which line, which parcel, its serial, lot, expiry."""

    line_index: int
    sku_code: str
    unit: Unit
    parcel_no: int = 1
    at_scan: int = 0  # its place in the session's history: undo takes it back with its scan


@dataclass(frozen=True, slots=True)
class SerialDue:
    """An item counted only once its serial label is scanned: the next scan."""

    line_index: int
    code: str
    unit: Unit  # the lot and expiry its own scan carried
    scanned_on: date | None = None


@dataclass(frozen=True, slots=True)
class PackState:
    operator: Operator
    policy: WeightPolicy = field(default_factory=WeightPolicy)
    phase: Phase = Phase.IDLE
    order: OrderSnapshot | None = None
    counts: tuple[int, ...] = ()
    # (line index, quantity) of every accepted item scan, newest last: what undo takes back.
    history: tuple[tuple[int, int], ...] = ()
    weight: WeightCheck | None = None
    weight_source: str = ""
    pending: Pending | None = None
    resume_phase: Phase = Phase.IDLE  # where a cancelled prompt returns to
    supervisor: Operator | None = None
    refused: OrderSnapshot | None = None  # the held order last refused, for a supervisor release
    refused_plan: PackPlan = EMPTY_PLAN  # its plan: a release packs it with its cards
    supervisor_pin: bool = True  # a supervisor's badge counts only with their PIN
    pin_failures: int = 0
    plan: PackPlan = EMPTY_PLAN
    progress: tuple[tuple[str, int], ...] = ()  # (step id, confirmations) of the plan's steps
    plan_override: tuple[Operator, str] | None = None  # (supervisor, reason)
    box: Box | None = None  # the box scanned for this parcel: its weight replaces the default packaging
    # A split order: the parcels sealed so far; the open parcel holds what was scanned since.
    parcels: tuple[Parcel, ...] = ()
    sealing: bool = False  # the open parcel is being weighed to seal it (not the order's last)
    split_by: Operator | None = None  # the supervisor who let it split (None: the plan allows it)
    sealed_history: int = 0  # scans up to here are in sealed parcels: undo stops there
    # The last scan was refused (an extra, a wrong item): F2 then says it was never counted
    # instead of taking back a good unit the packer did not mean.
    refused_scan: Verdict | None = None
    # The supervisors' decisions on this order so far, signed: they go with the pack.
    proofs: tuple[Signed, ...] = ()
    units: tuple[PackedUnit, ...] = ()  # traced units counted, oldest first
    serial_due: SerialDue | None = None
    fefo: Fefo = Fefo.OFF  # the station's setting: an older lot in stock warns or blocks

    @property
    def serials(self) -> frozenset[str]:
        return frozenset(u.unit.serial for u in self.units if u.unit.serial)

    def confirmations(self, step: Step) -> int:
        return next((n for sid, n in self.progress if sid == step.id), 0)

    @staticmethod
    def needed(step: Step) -> int:
        return int(step.params.get("quantity", 1)) if step.confirm is Confirm.SCAN_SAMPLE else 1

    def step_done(self, step: Step) -> bool:
        return self.confirmations(step) >= self.needed(step)

    @property
    def open_steps(self) -> tuple[Step, ...]:
        """The plan's steps still to confirm, in work order: the one count every screen shows."""
        return tuple(s for s in self.plan.to_confirm if not self.step_done(s))

    def missing(self) -> tuple[Missing, ...]:
        """Every line with items still to scan, and how many."""
        if self.order is None:
            return ()
        return tuple(
            Missing(line.sku_code, line.name_zh, line.name_en, line.quantity - count)
            for line, count in zip(self.order.lines, self.counts, strict=True)
            if count < line.quantity
        )

    @property
    def ready_to_weigh(self) -> bool:
        return self.all_verified and (not self.open_steps or self.plan_override is not None)

    @property
    def all_verified(self) -> bool:
        return self.order is not None and all(
            c >= line.quantity for c, line in zip(self.counts, self.order.lines, strict=True)
        )

    def remaining(self, index: int) -> int:
        assert self.order is not None
        return self.order.lines[index].quantity - self.counts[index]

    @property
    def order_no(self) -> str:
        """The open order's number ("" when none is open)."""
        return self.order.order_no if self.order is not None else ""

    @property
    def weight_policy(self) -> WeightPolicy:
        """The weight check's policy: with a box scanned, its own weight is the packaging."""
        return self.policy if self.box is None else replace(self.policy, packaging_g=self.box.weight_g)

    @property
    def parcel_counts(self) -> tuple[int, ...]:
        """Per order line, what is in the open parcel."""
        sealed = [sum(p.counts[i] for p in self.parcels) for i in range(len(self.counts))]
        return tuple(c - s for c, s in zip(self.counts, sealed, strict=True))

    @property
    def parcel_no(self) -> int:
        return len(self.parcels) + 1

    @property
    def weighing_items_g(self) -> int:
        """The items the scale should see: the open parcel's while sealing it, otherwise all of the
        order's that are not in a sealed parcel (its last parcel, or its only one)."""
        if self.order is None:
            return 0
        lines = self.order.lines
        if self.sealing:
            return sum(n * line.unit_weight_g for n, line in zip(self.parcel_counts, lines, strict=True))
        sealed = sum(
            n * line.unit_weight_g for p in self.parcels for n, line in zip(p.counts, lines, strict=True)
        )
        return self.order.items_weight_g - sealed

    @property
    def expected_g(self) -> int | None:
        if self.order is None:
            return None
        return self.weighing_items_g + self.weight_policy.packaging_g


# --- what the session answers ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Missing:
    """Items of one line still to scan."""

    sku_code: str
    name_zh: str
    name_en: str
    quantity: int


class Severity(StrEnum):
    OK = "ok"
    DONE = "done"
    INFO = "info"
    PROMPT = "prompt"
    ERROR = "error"


class VerdictKind(StrEnum):
    ORDER_LOADED = "order_loaded"
    SAME_ORDER = "same_order"
    ACCEPTED = "accepted"
    LINE_COMPLETE = "line_complete"
    ORDER_COMPLETE = "order_complete"  # all items verified: weigh now
    WRONG_ITEM = "wrong_item"
    OVER_SCAN = "over_scan"
    CASE_TOO_BIG = "case_too_big"
    UNKNOWN_BARCODE = "unknown_barcode"
    ORDER_NOT_FOUND = "order_not_found"
    NO_ORDER_OPEN = "no_order_open"
    ALREADY_PACKED = "already_packed"
    CANCELLED = "cancelled"
    ON_HOLD = "on_hold"
    OTHER_ORDER_OPEN = "other_order_open"
    ITEMS_MISSING = "items_missing"
    READY_TO_WEIGH = "ready_to_weigh"  # F8 with everything in: only the weight is left
    UNDONE = "undone"
    NOTHING_TO_UNDO = "nothing_to_undo"
    NOT_COUNTED = "not_counted"  # F2 right after a refused scan: that one was never counted
    NOT_READY_TO_WEIGH = "not_ready_to_weigh"
    INVALID_WEIGHT = "invalid_weight"
    WEIGHT_FAILED = "weight_failed"
    PACKED = "packed"
    SCAN_SUPERVISOR = "scan_supervisor"
    ENTER_PIN = "enter_pin"
    PIN_WRONG = "pin_wrong"
    PIN_LOCKED = "pin_locked"
    NOT_A_SUPERVISOR = "not_a_supervisor"
    CHOOSE_REASON = "choose_reason"
    UNKNOWN_REASON = "unknown_reason"
    HELD = "held"
    HOLD_RELEASED = "hold_released"
    NOTHING_TO_RELEASE = "nothing_to_release"
    PROMPT_CANCELLED = "prompt_cancelled"
    ORDER_CLOSED = "order_closed"
    NOTHING_OPEN = "nothing_open"
    OPERATOR_BUSY = "operator_busy"
    NOT_NOW = "not_now"
    STEPS_LEFT = "steps_left"  # items all in; the plan still asks for something
    STEP_CONFIRMED = "step_confirmed"
    STEP_ALREADY_DONE = "step_already_done"
    WRONG_INSERT = "wrong_insert"  # a card printed for another order
    NOTHING_TO_CONFIRM = "nothing_to_confirm"
    CARDS_REPRINTED = "cards_reprinted"  # F1 with only cards left to scan: they print again
    PLAN_OVERRIDDEN = "plan_overridden"
    # Single-item waves: the station picks the order for each item scan (app.station).
    WAVE_STARTED = "wave_started"
    WAVE_ENDED = "wave_ended"
    WAVE_NOT_SINGLE = "wave_not_single"
    WAVE_NO_ORDER = "wave_no_order"
    REWAYBILL = "rewaybill"  # held at once: the plan needs another carrier than the waybill's
    NO_ROUTING = "no_routing"  # held at once: the carrier's routing data (三段码) is missing
    # The order changed on the server while on the bench (OrderChanged).
    INTERCEPTED = "intercepted"  # cancelled, held, packed elsewhere or other lines: stop, put back
    ORDER_UPDATED = "order_updated"  # a new address or carrier: carry on, the label follows it
    BOX_USED = "box_used"  # a box of the packaging catalogue scanned: its weight counts
    # Split shipments: #PL:PARCEL seals the open parcel (weighed first), the rest go in the next.
    PARCEL_TO_WEIGH = "parcel_to_weigh"  # weigh the open parcel to seal it
    PARCEL_SEALED = "parcel_sealed"  # weighed and sealed: scan the next parcel's items
    PARCEL_EMPTY = "parcel_empty"  # nothing in the open parcel yet
    NOTHING_TO_SPLIT = "nothing_to_split"  # every item is in the open parcel: weigh it as the last
    NO_WAYBILL = "no_waybill"  # (app.station) no waybill number for another parcel here
    ORDER_UNCHANGED = "order_unchanged"  # nothing the bench needs to know
    INTERCEPT_PARCEL = "intercept_parcel"  # cancelled after it was packed here (app.station): take it back
    LABEL_REISSUED = "label_reissued"  # packed here, now another carrier: a new label prints (app.station)
    # The label checked on the parcel (贴单复核, app.station): its waybill scanned after it printed.
    LABEL_CHECKED = "label_checked"  # the parcel carries its own label: it may go
    LABEL_MISMATCH = "label_mismatch"  # another waybill on the parcel, or the check skipped: stop
    # The station's database (app.station): a save that cannot be made now, a read that failed.
    NOT_SAVED = "not_saved"
    STORE_ERROR = "store_error"
    # The barcode itself is wrong (scanner.interpret): a GS1 check digit or GS1 syntax.
    BAD_CHECK_DIGIT = "bad_check_digit"
    BAD_GS1 = "bad_gs1"
    # Traced units (app.core.trace): refused with the reason, or asked for their serial label.
    SCAN_SERIAL = "scan_serial"  # counted once its serial label is scanned
    SERIAL_DUE = "serial_due"  # another scan while the serial label was due: not counted
    SERIAL_NEEDED = Problem.SERIAL_NEEDED.value
    LOT_NEEDED = Problem.LOT_NEEDED.value
    EXPIRED = Problem.EXPIRED.value
    SHELF_LIFE = Problem.SHELF_LIFE.value
    RECALLED = Problem.RECALLED.value
    SERIAL_TWICE = Problem.SERIAL_TWICE.value
    SERIAL_SHIPPED = Problem.SERIAL_SHIPPED.value
    OLDER_LOT = Problem.OLDER_LOT.value  # FEFO blocks: take the older lot
    OLDER_LOT_COUNTED = "older_lot_counted"  # FEFO warns: counted, the older lot goes first next time


_SEVERITY = {
    VerdictKind.ORDER_LOADED: Severity.INFO,
    VerdictKind.SAME_ORDER: Severity.INFO,
    VerdictKind.ACCEPTED: Severity.OK,
    VerdictKind.LINE_COMPLETE: Severity.OK,
    VerdictKind.ORDER_COMPLETE: Severity.DONE,
    VerdictKind.PACKED: Severity.DONE,
    VerdictKind.LABEL_CHECKED: Severity.DONE,
    VerdictKind.HOLD_RELEASED: Severity.INFO,
    VerdictKind.UNDONE: Severity.INFO,
    VerdictKind.NOT_COUNTED: Severity.PROMPT,
    VerdictKind.ORDER_CLOSED: Severity.INFO,
    VerdictKind.HELD: Severity.INFO,
    VerdictKind.PROMPT_CANCELLED: Severity.INFO,
    VerdictKind.SCAN_SUPERVISOR: Severity.PROMPT,
    VerdictKind.ENTER_PIN: Severity.PROMPT,
    VerdictKind.READY_TO_WEIGH: Severity.PROMPT,
    VerdictKind.ITEMS_MISSING: Severity.PROMPT,  # F8: the packer asked what is missing
    VerdictKind.CHOOSE_REASON: Severity.PROMPT,
    VerdictKind.STEPS_LEFT: Severity.PROMPT,
    VerdictKind.STEP_CONFIRMED: Severity.OK,
    VerdictKind.STEP_ALREADY_DONE: Severity.INFO,
    VerdictKind.CARDS_REPRINTED: Severity.INFO,
    VerdictKind.PLAN_OVERRIDDEN: Severity.DONE,
    VerdictKind.WAVE_STARTED: Severity.INFO,
    VerdictKind.WAVE_ENDED: Severity.INFO,
    VerdictKind.WAVE_NOT_SINGLE: Severity.INFO,
    VerdictKind.ORDER_UPDATED: Severity.PROMPT,
    VerdictKind.BOX_USED: Severity.OK,
    VerdictKind.PARCEL_TO_WEIGH: Severity.PROMPT,
    VerdictKind.PARCEL_SEALED: Severity.DONE,
    VerdictKind.NOTHING_TO_SPLIT: Severity.INFO,
    VerdictKind.PARCEL_EMPTY: Severity.INFO,
    VerdictKind.LABEL_REISSUED: Severity.PROMPT,
    VerdictKind.ORDER_UNCHANGED: Severity.INFO,
    VerdictKind.SCAN_SERIAL: Severity.PROMPT,
    VerdictKind.SERIAL_DUE: Severity.PROMPT,
    VerdictKind.OLDER_LOT_COUNTED: Severity.PROMPT,
}


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind
    order_no: str = ""
    code: str = ""
    sku_code: str = ""
    name_zh: str = ""
    name_en: str = ""
    line_index: int | None = None
    quantity: int = 0
    scanned: int = 0
    required: int = 0
    weight: WeightCheck | None = None
    detail: str = ""
    step_id: str = ""  # the plan step a verdict is about
    missing: tuple[Missing, ...] = ()  # what F8 or an early weight found still to scan

    @property
    def severity(self) -> Severity:
        return _SEVERITY.get(self.kind, Severity.ERROR)


# --- what the caller must carry out ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionOpened:
    order: OrderSnapshot


@dataclass(frozen=True, slots=True)
class PackCompleted:
    order: OrderSnapshot
    operator: Operator
    weight: WeightCheck
    weight_source: str
    override_by: Operator | None = None
    override_reason: str = ""
    plan: PackPlan = EMPTY_PLAN
    plan_override_by: Operator | None = None
    plan_override_reason: str = ""
    open_steps: tuple[str, ...] = ()  # step ids the override let through
    box: Box | None = None  # the packaging used (consumption), None: the station's default
    # A split order: the parcels sealed before the last one (which `weight` and `box` describe).
    parcels: tuple[Parcel, ...] = ()
    split_by: Operator | None = None  # the supervisor who allowed the split
    proofs: tuple[Signed, ...] = ()  # the supervisors' decisions on it, signed
    units: tuple[PackedUnit, ...] = ()  # every traced unit: serial, lot, expiry, parcel

    @property
    def all_parcels(self) -> tuple[Parcel, ...]:
        """Every parcel of the order in packing order, the last one included."""
        sealed = [sum(p.counts[i] for p in self.parcels) for i in range(len(self.order.lines))]
        last = Parcel(
            counts=tuple(line.quantity - n for line, n in zip(self.order.lines, sealed, strict=True)),
            weight=self.weight,
            weight_source=self.weight_source,
            box=self.box,
            override_by=self.override_by,
            override_reason=self.override_reason,
        )
        return (*self.parcels, last)


@dataclass(frozen=True, slots=True)
class OrderHeld:
    order: OrderSnapshot
    operator: Operator
    reason: str


@dataclass(frozen=True, slots=True)
class HoldReleased:
    order: OrderSnapshot
    supervisor: Operator
    proof: Signed | None = None


@dataclass(frozen=True, slots=True)
class SessionClosed:
    order: OrderSnapshot


@dataclass(frozen=True, slots=True)
class PutBack:
    """Goods of an intercepted order that go back to stock (待放回), and where they came from."""

    sku_code: str
    name_zh: str
    name_en: str
    quantity: int
    location: str = ""


@dataclass(frozen=True, slots=True)
class OrderIntercepted:
    """The open order was stopped at the bench: the session ends, its scanned goods go back."""

    order: OrderSnapshot  # as the server now has it
    operator: Operator
    reason: str  # the order's new status, or "lines_changed"
    put_back: tuple[PutBack, ...]


@dataclass(frozen=True, slots=True)
class CardsRequested:
    """Print these cards of the plan again (F1 while they are still to be scanned)."""

    order: OrderSnapshot
    templates: tuple[str, ...]


Effect = (
    SessionOpened
    | PackCompleted
    | OrderHeld
    | HoldReleased
    | SessionClosed
    | CardsRequested
    | OrderIntercepted
)


@dataclass(frozen=True, slots=True)
class Outcome:
    state: PackState
    verdict: Verdict
    effects: tuple[Effect, ...] = ()


# --- the transition function -----------------------------------------------------------------


def new_session(
    operator: Operator, policy: WeightPolicy | None = None, supervisor_pin: bool = True
) -> PackState:
    return PackState(operator=operator, policy=policy or WeightPolicy(), supervisor_pin=supervisor_pin)


def next_session(state: PackState) -> PackState:
    """The next order's empty session, with this one's operator and settings."""
    return replace(new_session(state.operator, state.policy, state.supervisor_pin), fefo=state.fefo)


REFUSED_SCANS = frozenset(
    {
        VerdictKind.OVER_SCAN,
        VerdictKind.WRONG_ITEM,
        VerdictKind.CASE_TOO_BIG,
        *(VerdictKind(problem.value) for problem in Problem),
    }
)


def step(state: PackState, event: Event) -> Outcome:
    if isinstance(event, Scanned):
        outcome = _on_scan(state, event.code, event.resolution)
        refused = outcome.verdict if outcome.verdict.kind in REFUSED_SCANS else None
        if outcome.state.order is not None and refused != outcome.state.refused_scan:
            outcome = replace(outcome, state=replace(outcome.state, refused_scan=refused))
        return outcome
    match event:
        case Commanded(command=command):
            return _on_command(state, command)
        case WeightEntered(grams=grams, source=source):
            return _on_weight(state, grams, source)
        case ReasonGiven(reason=reason, proof=proof):
            return _on_reason(_with(state, proof), reason)
        case PinChecked(ok=ok, proof=proof):
            return _on_pin(state, ok, proof)
        case OrderChanged(order=order):
            return _on_order_changed(state, order)
    raise TypeError(f"not a pack session event: {event!r}")


def _on_order_changed(state: PackState, order: OrderSnapshot) -> Outcome:
    """Whatever the packer is doing (scanning, weighing, a prompt), a cancellation, a hold, a pack
    at another station or other lines stop the order here: its scanned goods go back. A new
    address or carrier only updates it (the label is printed from the order as it is then)."""
    current = state.order
    if current is None or current.order_id != order.order_id:
        return Outcome(state, Verdict(VerdictKind.ORDER_UNCHANGED, order_no=order.order_no))
    lines = [(line.sku_code, line.quantity) for line in order.lines]
    reason = ""
    if not order.status.packable:
        reason = order.status.value
    elif lines != [(line.sku_code, line.quantity) for line in current.lines]:
        reason = "lines_changed"
    if reason:
        put_back = tuple(
            PutBack(line.sku_code, line.name_zh, line.name_en, count, line.bin_location)
            for line, count in zip(current.lines, state.counts, strict=True)
            if count
        )
        verdict = Verdict(
            VerdictKind.INTERCEPTED, order_no=order.order_no, detail=reason, quantity=sum(state.counts)
        )
        return Outcome(
            next_session(state), verdict, (OrderIntercepted(order, state.operator, reason, put_back),)
        )
    changed = []
    if order.address != current.address:
        changed.append("address")
    if (order.carrier, order.waybill_no) != (current.carrier, current.waybill_no):
        changed.append("carrier")
    updated = replace(state, order=order)
    if not changed:
        return Outcome(updated, Verdict(VerdictKind.ORDER_UNCHANGED, order_no=order.order_no))
    return Outcome(
        updated, Verdict(VerdictKind.ORDER_UPDATED, order_no=order.order_no, detail=",".join(changed))
    )


def _on_scan(state: PackState, code: str, resolution: Resolution) -> Outcome:
    if state.phase is Phase.AWAITING_SUPERVISOR:
        return _on_supervisor_scan(state, code, resolution)
    if state.phase is Phase.AWAITING_PIN:  # the caller turns what is typed into PinChecked
        return Outcome(state, Verdict(VerdictKind.ENTER_PIN, order_no=state.order_no))
    if state.phase is Phase.AWAITING_REASON:
        return Outcome(state, Verdict(VerdictKind.CHOOSE_REASON, order_no=state.order_no, code=code))
    if state.serial_due is not None and not isinstance(resolution, SerialScanned):
        line = state.order.lines[state.serial_due.line_index] if state.order is not None else None
        names = {"sku_code": line.sku_code, "name_zh": line.name_zh, "name_en": line.name_en} if line else {}
        return Outcome(state, Verdict(VerdictKind.SERIAL_DUE, order_no=state.order_no, code=code, **names))
    if code.upper().startswith(INSERT_CONFIRM_PREFIX) and state.order is not None:
        return _on_insert_scan(state, code.strip().upper())
    match resolution:
        case OrderFound(order=order, plan=plan):
            return _on_order_scan(state, order, plan)
        case ItemFound() as item:
            return _on_item_scan(state, code, item)
        case BadgeFound():
            kind = VerdictKind.OPERATOR_BUSY if state.order is not None else VerdictKind.NOT_NOW
            return Outcome(state, Verdict(kind, order_no=state.order_no, code=code))
        case NotFound():
            kind = VerdictKind.UNKNOWN_BARCODE if state.order is not None else VerdictKind.ORDER_NOT_FOUND
            return Outcome(state, Verdict(kind, order_no=state.order_no, code=code))
        case BoxFound(box=box):
            return _on_box_scan(state, box)
        case SerialScanned():
            return _on_serial_scan(state, code, resolution)
    raise TypeError(f"not a resolution: {resolution!r}")


def _on_box_scan(state: PackState, box: Box) -> Outcome:
    """The box (or bag) the parcel goes in: its weight is what the scale should add to the items'
    (instead of the station's default packaging), and it is recorded with the pack. A later scan
    of another box replaces it (the packer changed their mind)."""
    names = {"name_zh": box.name_zh, "name_en": box.name_en, "code": box.code}
    if state.order is None:
        return Outcome(state, Verdict(VerdictKind.NO_ORDER_OPEN, **names))
    boxed = replace(state, box=box)
    return Outcome(
        boxed, Verdict(VerdictKind.BOX_USED, order_no=state.order_no, quantity=box.weight_g, **names)
    )


def _on_order_scan(state: PackState, order: OrderSnapshot, plan: PackPlan = EMPTY_PLAN) -> Outcome:
    if state.order is not None:
        if state.order.order_id == order.order_id:
            return Outcome(state, Verdict(VerdictKind.SAME_ORDER, order_no=order.order_no))
        return Outcome(
            state, Verdict(VerdictKind.OTHER_ORDER_OPEN, order_no=state.order.order_no, code=order.order_no)
        )
    if order.status in (OrderStatus.PACKED, OrderStatus.SHIPPED):
        return Outcome(state, Verdict(VerdictKind.ALREADY_PACKED, order_no=order.order_no))
    if order.status is OrderStatus.CANCELLED:
        return Outcome(state, Verdict(VerdictKind.CANCELLED, order_no=order.order_no))
    if order.status is OrderStatus.ON_HOLD:
        refused = replace(state, refused=order, refused_plan=plan)
        return Outcome(
            refused, Verdict(VerdictKind.ON_HOLD, order_no=order.order_no, detail=order.hold_reason)
        )
    if order.routing_required and (order.routing is None or not order.routing.sort_code):
        held = OrderHeld(order=order, operator=state.operator, reason=NO_ROUTING_REASON)
        verdict = Verdict(VerdictKind.NO_ROUTING, order_no=order.order_no, detail=order.carrier)
        return Outcome(state, verdict, (held,))
    needed = plan.rewaybill
    if needed is not None:
        # Ticking "ship with SF" cannot change a ZTO label: the order waits for a new waybill.
        held = OrderHeld(order=order, operator=state.operator, reason=REWAYBILL_REASON)
        return Outcome(
            state,
            Verdict(
                VerdictKind.REWAYBILL,
                order_no=order.order_no,
                code=str(needed.params.get("carrier", "")),
                detail=order.carrier,
            ),
            (held,),
        )
    return _load(state, order, plan)


def _load(state: PackState, order: OrderSnapshot, plan: PackPlan = EMPTY_PLAN) -> Outcome:
    loaded = replace(
        state,
        phase=Phase.SCANNING,
        order=order,
        counts=tuple(0 for _ in order.lines),
        history=(),
        weight=None,
        weight_source="",
        refused=None,
        refused_plan=EMPTY_PLAN,
        plan=plan,
        progress=(),
        plan_override=None,
        box=None,
        parcels=(),
        sealing=False,
        split_by=None,
        sealed_history=0,
        proofs=(),
        units=(),
        serial_due=None,
    )
    if loaded.ready_to_weigh:  # an order with nothing to scan (e.g. a service line only)
        loaded = replace(loaded, phase=Phase.WEIGHING)
    return Outcome(
        loaded, Verdict(VerdictKind.ORDER_LOADED, order_no=order.order_no), (SessionOpened(order),)
    )


def _on_item_scan(state: PackState, code: str, item: ItemFound) -> Outcome:
    order = state.order
    if order is None:
        return Outcome(
            state,
            Verdict(
                VerdictKind.NO_ORDER_OPEN,
                code=code,
                sku_code=item.sku_code,
                name_zh=item.name_zh,
                name_en=item.name_en,
            ),
        )
    if state.sealing:  # one more item for the parcel on the scale: it is not sealed yet
        state = replace(state, sealing=False, phase=Phase.SCANNING, weight=None, weight_source="")
    indexes = [i for i, line in enumerate(order.lines) if line.sku_code == item.sku_code]
    base = Verdict(
        VerdictKind.WRONG_ITEM,
        order_no=order.order_no,
        code=code,
        sku_code=item.sku_code,
        name_zh=item.name_zh,
        name_en=item.name_en,
        quantity=item.pack_qty,
    )
    open_indexes = [i for i in indexes if state.remaining(i) > 0]
    if not open_indexes:
        sample = next(
            (
                s
                for s in state.plan.to_confirm
                if s.confirm is Confirm.SCAN_SAMPLE and s.params.get("sku") == item.sku_code
            ),
            None,
        )
        if sample is not None:
            return _confirm(state, sample, item.pack_qty, replace(base, sku_code=item.sku_code))
    if not indexes:
        return Outcome(state, base)
    if not open_indexes:
        required = sum(order.lines[i].quantity for i in indexes)
        return Outcome(state, replace(base, kind=VerdictKind.OVER_SCAN, scanned=required, required=required))
    index = open_indexes[0]
    line = order.lines[index]
    if item.pack_qty > state.remaining(index):
        return Outcome(
            state,
            replace(
                base,
                kind=VerdictKind.CASE_TOO_BIG,
                line_index=index,
                scanned=state.counts[index],
                required=line.quantity,
            ),
        )
    tracking = line.tracking
    if not tracking.tracked:
        return _count(state, index, item.pack_qty, base)
    label_next = tracking.serial_label and not item.unit.serial and item.pack_qty == 1
    finding = _unit_finding(state, index, item.unit, item.facts, item.scanned_on, serial_to_come=label_next)
    if tracking.serial and item.pack_qty != 1:  # a case's code names no unit's serial
        finding = Finding(Problem.SERIAL_NEEDED)
    if finding is not None and (finding.problem is not Problem.OLDER_LOT or state.fefo is Fefo.BLOCK):
        return Outcome(state, _refused_unit(base, finding, index, line.name_zh, line.name_en))
    if label_next:
        due = SerialDue(index, code, item.unit, item.scanned_on)
        return Outcome(
            replace(state, serial_due=due),
            replace(base, kind=VerdictKind.SCAN_SERIAL, line_index=index, name_zh=line.name_zh,
                    name_en=line.name_en, scanned=state.counts[index], required=line.quantity),
        )  # fmt: skip
    return _count(state, index, item.pack_qty, base, item.unit, finding)


def _unit_finding(
    state: PackState,
    index: int,
    unit: Unit,
    facts: UnitFacts,
    scanned_on: date | None,
    serial_to_come: bool = False,
) -> Finding | None:
    assert state.order is not None
    line = state.order.lines[index]
    today = scanned_on or date.today()
    return check_unit(
        line.tracking,
        unit,
        facts,
        today,
        min_days=state.plan.min_shelf_days,
        serials_here=state.serials,
        fefo=state.fefo,
        serial_to_come=serial_to_come,
    )


def _refused_unit(base: Verdict, finding: Finding, index: int, name_zh: str, name_en: str) -> Verdict:
    """A traced unit that may not go in: which problem, and the numbers the packer is told."""
    return replace(
        base,
        kind=VerdictKind(finding.problem.value),
        line_index=index,
        name_zh=name_zh,
        name_en=name_en,
        scanned=finding.days_left,
        required=finding.min_days,
        detail=finding.detail,
    )


def _on_serial_scan(state: PackState, code: str, found: SerialScanned) -> Outcome:
    """The serial label of the item scanned just before: checked, then the item counts."""
    due = state.serial_due
    order = state.order
    if due is None or order is None:
        kind = VerdictKind.UNKNOWN_BARCODE if order is not None else VerdictKind.ORDER_NOT_FOUND
        return Outcome(state, Verdict(kind, order_no=state.order_no, code=code))
    line = order.lines[due.line_index]
    unit = replace(due.unit, serial=found.serial)
    base = Verdict(
        VerdictKind.WRONG_ITEM, order_no=order.order_no, code=code, sku_code=line.sku_code,
        name_zh=line.name_zh, name_en=line.name_en, quantity=1,
    )  # fmt: skip
    finding = _unit_finding(state, due.line_index, unit, found.facts, due.scanned_on)
    waiting = replace(state, serial_due=None)
    if finding is not None and (finding.problem is not Problem.OLDER_LOT or state.fefo is Fefo.BLOCK):
        # The unit is not counted: the packer takes it out and scans another (item, then label).
        return Outcome(waiting, _refused_unit(base, finding, due.line_index, line.name_zh, line.name_en))
    return _count(waiting, due.line_index, 1, base, unit, finding)


def _count(
    state: PackState,
    index: int,
    qty: int,
    base: Verdict,
    unit: Unit = NO_UNIT,
    warning: Finding | None = None,
) -> Outcome:
    """Count `qty` of line `index` (with its traced unit, if any) and say what is left."""
    assert state.order is not None
    line = state.order.lines[index]
    counts = list(state.counts)
    counts[index] += qty
    units = state.units
    if not unit.empty:
        packed = PackedUnit(index, line.sku_code, unit, state.parcel_no, len(state.history))
        units = (*units, packed)
    after = replace(
        state, counts=tuple(counts), history=(*state.history, (index, qty)), units=units, serial_due=None
    )
    if after.ready_to_weigh:
        after = replace(after, phase=Phase.WEIGHING)
        kind = VerdictKind.ORDER_COMPLETE
    elif after.all_verified:
        kind = VerdictKind.STEPS_LEFT
    elif warning is not None:
        kind = VerdictKind.OLDER_LOT_COUNTED
    elif counts[index] == line.quantity:
        kind = VerdictKind.LINE_COMPLETE
    else:
        kind = VerdictKind.ACCEPTED
    verdict = replace(
        base,
        kind=kind,
        line_index=index,
        scanned=counts[index],
        required=line.quantity,
        name_zh=line.name_zh,
        name_en=line.name_en,
        quantity=len(after.open_steps) if kind is VerdictKind.STEPS_LEFT else qty,
        detail=warning.detail if warning is not None and kind is VerdictKind.OLDER_LOT_COUNTED else "",
    )
    return Outcome(after, verdict)


def _on_command(state: PackState, command: Command) -> Outcome:
    order_no = state.order_no
    if state.phase in (Phase.AWAITING_SUPERVISOR, Phase.AWAITING_PIN, Phase.AWAITING_REASON):
        if command is Command.CLOSE:  # Esc / the close barcode backs out of the prompt
            return Outcome(_back(state), Verdict(VerdictKind.PROMPT_CANCELLED, order_no=order_no))
        kind = {
            Phase.AWAITING_SUPERVISOR: VerdictKind.SCAN_SUPERVISOR,
            Phase.AWAITING_PIN: VerdictKind.ENTER_PIN,
        }.get(state.phase, VerdictKind.CHOOSE_REASON)
        return Outcome(state, Verdict(kind, order_no=order_no))
    match command:
        case Command.UNDO:
            return _undo(state)
        case Command.CLOSE:
            if state.order is None:
                return Outcome(state, Verdict(VerdictKind.NOTHING_OPEN))
            closed = next_session(state)
            return Outcome(
                closed, Verdict(VerdictKind.ORDER_CLOSED, order_no=order_no), (SessionClosed(state.order),)
            )
        case Command.HOLD:
            if state.order is None:
                return Outcome(state, Verdict(VerdictKind.NOTHING_OPEN))
            return _prompt(state, Pending.HOLD, Phase.AWAITING_REASON)
        case Command.CONFIRM:
            step = next((s for s in state.open_steps if s.confirm is Confirm.KEY), None)
            if state.order is not None and step is None:
                # Nothing to confirm by key, but cards still to scan: one jammed or went missing.
                cards = tuple(
                    str(s.params["template"]) for s in state.open_steps if s.confirm is Confirm.SCAN_INSERT
                )
                if cards:
                    return Outcome(
                        state,
                        Verdict(VerdictKind.CARDS_REPRINTED, order_no=order_no, quantity=len(cards)),
                        (CardsRequested(state.order, cards),),
                    )
            if state.order is None or step is None:
                return Outcome(state, Verdict(VerdictKind.NOTHING_TO_CONFIRM, order_no=order_no))
            return _confirm(state, step, 1, Verdict(VerdictKind.STEP_CONFIRMED, order_no=order_no))
        case Command.OVERRIDE if state.phase is Phase.SCANNING and state.all_verified and state.open_steps:
            return _prompt(state, Pending.OVERRIDE_PLAN, Phase.AWAITING_SUPERVISOR)
        case Command.OVERRIDE:
            if state.phase is not Phase.WEIGHT_FAILED:
                return Outcome(state, Verdict(VerdictKind.NOT_NOW, order_no=order_no, detail=command.value))
            return _prompt(state, Pending.OVERRIDE_WEIGHT, Phase.AWAITING_SUPERVISOR)
        case Command.RELEASE:
            if state.order is not None or state.refused is None:
                return Outcome(state, Verdict(VerdictKind.NOTHING_TO_RELEASE, order_no=order_no))
            return _prompt(state, Pending.RELEASE_HOLD, Phase.AWAITING_SUPERVISOR)
        case Command.COMPLETE:
            return Outcome(state, _what_is_left(state))
        case Command.PARCEL:
            return _new_parcel(state)
    return Outcome(state, Verdict(VerdictKind.NOT_NOW, order_no=order_no, detail=command.value))


def _new_parcel(state: PackState) -> Outcome:
    """#PL:PARCEL: what was scanned since the last parcel goes in a parcel of its own, weighed
    against its own items now; the order's other items go in the next. The customer's rules may
    allow it (split_allowed); otherwise a supervisor does, once for the order."""
    order_no = state.order_no
    if state.order is None:
        return Outcome(state, Verdict(VerdictKind.NOTHING_OPEN))
    if state.phase not in (Phase.SCANNING, Phase.WEIGHING, Phase.WEIGHT_FAILED):
        return Outcome(state, Verdict(VerdictKind.NOT_NOW, order_no=order_no, detail=Command.PARCEL.value))
    if state.sealing:
        return Outcome(state, _parcel_to_weigh(state))
    if not any(state.parcel_counts):
        return Outcome(state, Verdict(VerdictKind.PARCEL_EMPTY, order_no=order_no, quantity=state.parcel_no))
    if state.all_verified:
        return Outcome(
            state, Verdict(VerdictKind.NOTHING_TO_SPLIT, order_no=order_no, quantity=state.parcel_no)
        )
    if not state.plan.split_allowed and state.split_by is None:
        return _prompt(state, Pending.SPLIT, Phase.AWAITING_SUPERVISOR)
    return _start_sealing(state)


def _start_sealing(state: PackState) -> Outcome:
    sealing = replace(state, phase=Phase.WEIGHING, sealing=True, weight=None, weight_source="")
    return Outcome(sealing, _parcel_to_weigh(sealing))


def _parcel_to_weigh(state: PackState) -> Verdict:
    return Verdict(
        VerdictKind.PARCEL_TO_WEIGH,
        order_no=state.order_no,
        quantity=state.parcel_no,
        scanned=sum(state.parcel_counts),
        required=state.expected_g or 0,
    )


def _seal(
    state: PackState, weight: WeightCheck, source: str, override: tuple[Operator, str] | None
) -> Outcome:
    parcel = Parcel(
        counts=state.parcel_counts,
        weight=weight,
        weight_source=source,
        box=state.box,
        override_by=override[0] if override else None,
        override_reason=override[1] if override else "",
    )
    sealed = replace(
        state,
        parcels=(*state.parcels, parcel),
        sealing=False,
        phase=Phase.SCANNING,
        pending=None,
        supervisor=None,
        weight=None,
        weight_source="",
        box=None,
        sealed_history=len(state.history),
    )
    return Outcome(
        sealed,
        Verdict(
            VerdictKind.PARCEL_SEALED,
            order_no=state.order_no,
            quantity=len(sealed.parcels),
            scanned=parcel.item_count,
            weight=weight,
            detail=override[1] if override else "",
        ),
    )


def _what_is_left(state: PackState) -> Verdict:
    """F8: exactly what stands between the bench and a packed parcel."""
    order_no = state.order_no
    if state.order is None:
        return Verdict(VerdictKind.NOTHING_OPEN)
    if state.sealing:
        if state.phase is Phase.WEIGHT_FAILED and state.weight is not None:
            return Verdict(VerdictKind.WEIGHT_FAILED, order_no=order_no, weight=state.weight)
        return _parcel_to_weigh(state)
    missing = state.missing()
    if missing:
        return Verdict(
            VerdictKind.ITEMS_MISSING,
            order_no=order_no,
            quantity=sum(m.quantity for m in missing),
            missing=missing,
        )
    if state.open_steps and state.plan_override is None:
        return Verdict(VerdictKind.STEPS_LEFT, order_no=order_no, quantity=len(state.open_steps))
    if state.phase is Phase.WEIGHT_FAILED and state.weight is not None:
        return Verdict(VerdictKind.WEIGHT_FAILED, order_no=order_no, weight=state.weight)
    return Verdict(VerdictKind.READY_TO_WEIGH, order_no=order_no, quantity=state.expected_g or 0)


def _back(state: PackState) -> PackState:
    """Out of a prompt, back to where it was opened."""
    return replace(state, phase=state.resume_phase, pending=None, supervisor=None, pin_failures=0)


def _prompt(state: PackState, pending: Pending, phase: Phase) -> Outcome:
    prompting = replace(
        state, pending=pending, phase=phase, resume_phase=state.phase, supervisor=None, pin_failures=0
    )
    kind = VerdictKind.SCAN_SUPERVISOR if phase is Phase.AWAITING_SUPERVISOR else VerdictKind.CHOOSE_REASON
    order_no = state.order.order_no if state.order else (state.refused.order_no if state.refused else "")
    return Outcome(prompting, Verdict(kind, order_no=order_no, detail=pending.value))


def _undo(state: PackState) -> Outcome:
    due = state.serial_due
    if state.order is not None and due is not None:  # the item waiting for its serial label
        line = state.order.lines[due.line_index]
        said = Verdict(
            VerdictKind.NOT_COUNTED, order_no=state.order.order_no, code=due.code,
            sku_code=line.sku_code, name_zh=line.name_zh, name_en=line.name_en,
        )  # fmt: skip
        return Outcome(replace(state, serial_due=None), said)
    if state.order is not None and state.refused_scan is not None:
        refused = state.refused_scan
        said = Verdict(
            VerdictKind.NOT_COUNTED, order_no=state.order.order_no, code=refused.code,
            sku_code=refused.sku_code, name_zh=refused.name_zh, name_en=refused.name_en,
        )  # fmt: skip
        return Outcome(replace(state, refused_scan=None), said)
    if state.order is None or len(state.history) <= state.sealed_history:
        # A sealed parcel is closed: its items are not taken back one by one.
        return Outcome(state, Verdict(VerdictKind.NOTHING_TO_UNDO, order_no=state.order_no))
    index, qty = state.history[-1]
    counts = list(state.counts)
    counts[index] -= qty
    line = state.order.lines[index]
    after = replace(
        state,
        counts=tuple(counts),
        history=state.history[:-1],
        units=tuple(u for u in state.units if u.at_scan < len(state.history) - 1),
        phase=Phase.SCANNING,
        weight=None,
        weight_source="",
        sealing=False,
    )
    return Outcome(
        after,
        Verdict(
            VerdictKind.UNDONE,
            order_no=state.order.order_no,
            sku_code=line.sku_code,
            name_zh=line.name_zh,
            name_en=line.name_en,
            line_index=index,
            quantity=qty,
            scanned=counts[index],
            required=line.quantity,
        ),
    )


def _on_weight(state: PackState, grams: int, source: str) -> Outcome:
    order_no = state.order_no
    if grams <= 0 or grams > MAX_PARCEL_G:
        return Outcome(state, Verdict(VerdictKind.INVALID_WEIGHT, order_no=order_no, quantity=grams))
    if state.phase is Phase.SCANNING and state.all_verified:
        return Outcome(
            state, Verdict(VerdictKind.STEPS_LEFT, order_no=order_no, quantity=len(state.open_steps))
        )
    if state.phase not in (Phase.WEIGHING, Phase.WEIGHT_FAILED) or state.order is None:
        return Outcome(
            state,
            Verdict(
                VerdictKind.NOT_READY_TO_WEIGH, order_no=order_no, quantity=grams, missing=state.missing()
            ),
        )
    result = check_weight(state.weighing_items_g, grams, state.weight_policy)
    if not result.passed:
        failed = replace(state, phase=Phase.WEIGHT_FAILED, weight=result, weight_source=source)
        return Outcome(failed, Verdict(VerdictKind.WEIGHT_FAILED, order_no=order_no, weight=result))
    if state.sealing:
        return _seal(state, result, source, None)
    done = PackCompleted(
        order=state.order,
        operator=state.operator,
        weight=result,
        weight_source=source,
        **_plan_facts(state),
    )
    return Outcome(
        next_session(state),
        Verdict(VerdictKind.PACKED, order_no=order_no, weight=result),
        (done,),
    )


def _on_supervisor_scan(state: PackState, code: str, resolution: Resolution) -> Outcome:
    order_no = state.order_no
    if not isinstance(resolution, BadgeFound) or not resolution.operator.is_supervisor:
        return Outcome(state, Verdict(VerdictKind.NOT_A_SUPERVISOR, order_no=order_no, code=code))
    supervisor = resolution.operator
    if state.supervisor_pin:
        # A badge is a printed barcode anyone can copy: it names the supervisor, the PIN proves it.
        asking = replace(state, phase=Phase.AWAITING_PIN, supervisor=supervisor, pin_failures=0)
        return Outcome(asking, Verdict(VerdictKind.ENTER_PIN, order_no=order_no, detail=supervisor.name))
    return _supervisor_confirmed(state, supervisor)


def _with(state: PackState, proof: Signed | None) -> PackState:
    return state if proof is None else replace(state, proofs=(*state.proofs, proof))


def _on_pin(state: PackState, ok: bool, proof: Signed | None = None) -> Outcome:
    order_no = state.order_no
    if state.phase is not Phase.AWAITING_PIN or state.supervisor is None:
        return Outcome(state, Verdict(VerdictKind.NOT_NOW, order_no=order_no))
    if ok:
        return _supervisor_confirmed(replace(state, pin_failures=0), state.supervisor, proof)
    failures = state.pin_failures + 1
    if failures >= MAX_PIN_TRIES:
        return Outcome(_back(state), Verdict(VerdictKind.PIN_LOCKED, order_no=order_no, quantity=failures))
    return Outcome(
        replace(state, pin_failures=failures),
        Verdict(VerdictKind.PIN_WRONG, order_no=order_no, quantity=MAX_PIN_TRIES - failures),
    )


def _supervisor_confirmed(state: PackState, supervisor: Operator, proof: Signed | None = None) -> Outcome:
    order_no = state.order_no
    if state.pending is Pending.SPLIT:
        allowed = replace(_with(state, proof), pending=None, supervisor=None, split_by=supervisor)
        return _start_sealing(allowed)
    if state.pending is Pending.RELEASE_HOLD and state.refused is not None:
        order = replace(state.refused, status=OrderStatus.NEW, hold_reason="")
        released = replace(
            state, pending=None, phase=Phase.IDLE, refused=None, refused_plan=EMPTY_PLAN, supervisor=None
        )
        # The supervisor's release ships it as it is, with the customer's cards and samples.
        loaded = _load(released, order, state.refused_plan)
        return Outcome(
            loaded.state,
            Verdict(VerdictKind.HOLD_RELEASED, order_no=order.order_no, detail=supervisor.name),
            (HoldReleased(order, supervisor, proof), *loaded.effects),
        )
    asking = replace(state, phase=Phase.AWAITING_REASON, supervisor=supervisor)
    return Outcome(asking, Verdict(VerdictKind.CHOOSE_REASON, order_no=order_no, detail=str(state.pending)))


def _on_reason(state: PackState, reason: str) -> Outcome:
    order_no = state.order_no
    if state.phase is not Phase.AWAITING_REASON or state.order is None:
        return Outcome(state, Verdict(VerdictKind.NOT_NOW, order_no=order_no, detail=reason))
    allowed = {Pending.HOLD: HOLD_REASONS, Pending.OVERRIDE_PLAN: PLAN_OVERRIDE_REASONS}.get(
        state.pending,
        OVERRIDE_REASONS,  # type: ignore[arg-type]
    )
    if reason not in allowed:
        return Outcome(state, Verdict(VerdictKind.UNKNOWN_REASON, order_no=order_no, detail=reason))
    if state.pending is Pending.HOLD:
        held = OrderHeld(order=state.order, operator=state.operator, reason=reason)
        return Outcome(
            next_session(state),
            Verdict(VerdictKind.HELD, order_no=order_no, detail=reason),
            (held,),
        )
    if state.pending is Pending.OVERRIDE_PLAN and state.supervisor is not None:
        overridden = replace(
            state,
            phase=Phase.WEIGHING,
            pending=None,
            plan_override=(state.supervisor, reason),
            supervisor=None,
        )
        return Outcome(
            overridden,
            Verdict(
                VerdictKind.PLAN_OVERRIDDEN, order_no=order_no, quantity=len(state.open_steps), detail=reason
            ),
        )
    assert (
        state.pending is Pending.OVERRIDE_WEIGHT and state.weight is not None and state.supervisor is not None
    )
    if state.sealing:
        return _seal(state, state.weight, state.weight_source, (state.supervisor, reason))
    done = PackCompleted(
        order=state.order,
        operator=state.operator,
        weight=state.weight,
        weight_source=state.weight_source,
        override_by=state.supervisor,
        override_reason=reason,
        **_plan_facts(state),
    )
    return Outcome(
        next_session(state),
        Verdict(VerdictKind.PACKED, order_no=order_no, weight=state.weight, detail=reason),
        (done,),
    )


def _plan_facts(state: PackState) -> dict[str, object]:
    override = state.plan_override
    return {
        "plan": state.plan,
        "plan_override_by": override[0] if override else None,
        "plan_override_reason": override[1] if override else "",
        "open_steps": tuple(s.id for s in state.open_steps) if override else (),
        "box": state.box,
        "parcels": state.parcels,
        "split_by": state.split_by,
        "proofs": state.proofs,
        "units": state.units,
    }


def _on_insert_scan(state: PackState, code: str) -> Outcome:
    order_no = state.order_no
    step = next((s for s in state.plan.to_confirm if s.confirm_code == code), None)
    if step is None:
        return Outcome(state, Verdict(VerdictKind.WRONG_INSERT, order_no=order_no, code=code))
    return _confirm(state, step, 1, Verdict(VerdictKind.STEP_CONFIRMED, order_no=order_no, code=code))


def _confirm(state: PackState, step: Step, count: int, base: Verdict) -> Outcome:
    """One confirmation of a plan step (a card scanned, a sample scanned, Enter on an instruction)."""
    if state.step_done(step):
        return Outcome(state, replace(base, kind=VerdictKind.STEP_ALREADY_DONE, step_id=step.id))
    have = state.confirmations(step) + count
    progress = (*((sid, n) for sid, n in state.progress if sid != step.id), (step.id, have))
    after = replace(state, progress=progress)
    kind = VerdictKind.STEP_CONFIRMED
    if after.phase is Phase.SCANNING and after.ready_to_weigh:
        after = replace(after, phase=Phase.WEIGHING)
        kind = VerdictKind.ORDER_COMPLETE
    verdict = replace(
        base, kind=kind, step_id=step.id, scanned=min(have, state.needed(step)), required=state.needed(step)
    )
    return Outcome(after, verdict)
