"""The dock (出库交接): packed parcels scanned onto their carrier's truck, and the handover closed
with a manifest the driver signs.

`step(state, event) -> DockOutcome` is pure, like the pack session: the caller resolves a scanned
waybill into what the station knows of its parcel (`ParcelFacts`), gives the parcels still to hand
over when the handover closes, and carries out the effects (record a parcel on the open manifest,
put a stopped parcel on the put-back list, close the manifest and send `order.shipped`).

A carrier is chosen by scanning its dock code (`#PLD:SF`, or `#PLD:SF@18:30` for a pick-up other
than the next); a bag or cage label (`BAG…`, `CAGE…`) says where the next parcels go (集包).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from app.core.model import OrderStatus

DOCK_PREFIX = "#PLD:"
BAG_LABEL = re.compile(r"^(BAG|CAGE)[-_A-Z0-9]{1,40}$", re.IGNORECASE)
_PICKUP = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
MAX_DOCK_G = 150_000


def dock_code(carrier: str, pickup: str = "") -> str:
    """The barcode that chooses `carrier` (and a pick-up "HH:MM") at the dock."""
    return f"{DOCK_PREFIX}{carrier}" + (f"@{pickup}" if pickup else "")


def parse_dock_code(code: str) -> tuple[str, str] | None:
    """(carrier, pick-up "HH:MM" or "") of a dock code; None: not one."""
    text = code.strip().upper()
    if not text.startswith(DOCK_PREFIX):
        return None
    carrier, _, pickup = text[len(DOCK_PREFIX) :].partition("@")
    if not carrier or (pickup and not _PICKUP.match(pickup)):
        return None
    return carrier, pickup


def is_bag_label(code: str) -> bool:
    return bool(BAG_LABEL.match(code.strip()))


# --- what the caller tells the dock ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParcelFacts:
    """A scanned waybill's parcel as the station knows it."""

    waybill_no: str
    order_no: str
    carrier: str
    parcel_no: int = 1
    status: str = OrderStatus.PACKED  # the order's status now
    packed: bool = True  # a pack put this waybill on a parcel
    weight_g: int | None = None  # what the parcel weighed at packing
    voided: bool = False  # its label was voided (a new one was printed, or the order stopped)
    manifest: str = ""  # the manifest it was handed over on already
    intercepted: bool = False  # stopped after packing (cancelled or held since): never handed over


@dataclass(frozen=True, slots=True)
class CarrierChosen:
    carrier: str
    pickup: str  # "HH:MM" of the pick-up this handover is for
    expected: int  # its parcels packed and not yet handed over


@dataclass(frozen=True, slots=True)
class ParcelScanned:
    code: str
    facts: ParcelFacts | None  # None: no parcel carries this waybill


@dataclass(frozen=True, slots=True)
class BagScanned:
    code: str


@dataclass(frozen=True, slots=True)
class DockWeighed:
    grams: int


@dataclass(frozen=True, slots=True)
class CloseAsked:
    """F8: close the handover; `missing` are the carrier's packed parcels not scanned (waybills)."""

    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DriverGiven:
    """The driver, by badge scan or typed name and ID: the handover closes."""

    driver: str


@dataclass(frozen=True, slots=True)
class Cancelled:
    pass


DockEvent = CarrierChosen | ParcelScanned | BagScanned | DockWeighed | CloseAsked | DriverGiven | Cancelled


# --- the state ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Handed:
    waybill_no: str
    order_no: str
    parcel_no: int
    bag: str = ""
    weight_g: int | None = None  # at packing
    dock_weight_g: int | None = None  # on the dock scale


@dataclass(frozen=True, slots=True)
class Stopped:
    """A parcel that must not go: it goes to the put-back area (待放回区), with why."""

    waybill_no: str
    order_no: str
    why: str  # a DockSay value


@dataclass(frozen=True, slots=True)
class DockState:
    weigh: bool = False  # 称重出库: every parcel on the dock scale before it goes
    tolerance_g: int = 30
    tolerance_pct: float = 5.0
    carrier: str = ""
    pickup: str = ""
    expected: int = 0
    bag: str = ""
    handed: tuple[Handed, ...] = ()
    stopped: tuple[Stopped, ...] = ()
    weighing: ParcelFacts | None = None  # scanned, waiting for its dock weight
    missing: tuple[str, ...] | None = None  # closing: the parcels not handed over (None: not closing)

    @property
    def count(self) -> int:
        return len(self.handed)

    def in_bag(self, bag: str) -> int:
        return sum(1 for h in self.handed if h.bag == bag)

    def allowed_g(self, weight_g: int) -> int:
        return max(self.tolerance_g, round(weight_g * self.tolerance_pct / 100))


class DockSay(StrEnum):
    SCAN_CARRIER = "scan_carrier"
    CARRIER_SET = "carrier_set"
    HANDED = "handed"
    WEIGH_IT = "weigh_it"
    WEIGHT_OFF = "weight_off"
    BAG_SET = "bag_set"
    OTHER_CARRIER = "other_carrier"
    ALREADY_HANDED = "already_handed"
    SCANNED_TWICE = "scanned_twice"
    NOT_PACKED = "not_packed"
    LABEL_VOID = "label_void"
    INTERCEPTED = "intercepted"
    UNKNOWN_WAYBILL = "unknown_waybill"
    MISSING = "missing"  # closing with parcels not handed over: listed in red
    DRIVER = "driver"  # scan the driver's badge or type name and ID + Enter
    CLOSED = "closed"
    NOTHING_TO_CLOSE = "nothing_to_close"
    INVALID_WEIGHT = "invalid_weight"
    CANCELLED = "cancelled"
    NOT_NOW = "not_now"


class Tone(StrEnum):
    OK = "ok"
    PROMPT = "prompt"
    ERROR = "error"
    DONE = "done"


_TONES = {
    DockSay.HANDED: Tone.OK,
    DockSay.BAG_SET: Tone.OK,
    DockSay.CARRIER_SET: Tone.PROMPT,
    DockSay.SCAN_CARRIER: Tone.PROMPT,
    DockSay.WEIGH_IT: Tone.PROMPT,
    DockSay.DRIVER: Tone.PROMPT,
    DockSay.SCANNED_TWICE: Tone.PROMPT,
    DockSay.CANCELLED: Tone.PROMPT,
    DockSay.CLOSED: Tone.DONE,
}
# Parcels that must not leave: each goes on the put-back list.
STOPPING = frozenset({DockSay.NOT_PACKED, DockSay.LABEL_VOID, DockSay.INTERCEPTED, DockSay.WEIGHT_OFF})


@dataclass(frozen=True, slots=True)
class DockVerdict:
    say: DockSay
    code: str = ""
    order_no: str = ""
    detail: str = ""  # the other carrier, the manifest, the bag
    count: int = 0
    expected: int = 0
    weight_g: int | None = None
    dock_weight_g: int | None = None

    @property
    def tone(self) -> Tone:
        return _TONES.get(self.say, Tone.ERROR)


# --- what the caller carries out ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParcelHanded:
    carrier: str
    pickup: str
    parcel: Handed


@dataclass(frozen=True, slots=True)
class ParcelStopped:
    carrier: str
    parcel: Stopped


@dataclass(frozen=True, slots=True)
class HandoverClosed:
    carrier: str
    pickup: str
    driver: str
    parcels: tuple[Handed, ...]
    missing: tuple[str, ...]


DockEffect = ParcelHanded | ParcelStopped | HandoverClosed


@dataclass(frozen=True, slots=True)
class DockOutcome:
    state: DockState
    verdict: DockVerdict
    effects: tuple[DockEffect, ...] = ()


# --- the transitions ------------------------------------------------------------------------------


def step(state: DockState, event: DockEvent) -> DockOutcome:
    match event:
        case CarrierChosen(carrier=carrier, pickup=pickup, expected=expected):
            return _carrier(state, carrier, pickup, expected)
        case Cancelled():
            if state.missing is not None or state.weighing is not None:
                return DockOutcome(
                    replace(state, missing=None, weighing=None), DockVerdict(DockSay.CANCELLED)
                )
            return DockOutcome(state, DockVerdict(DockSay.NOT_NOW))
        case DriverGiven(driver=driver):
            return _driver(state, driver.strip())
    if state.missing is not None:  # closing: the driver is what comes next (Esc goes back)
        return DockOutcome(state, DockVerdict(DockSay.DRIVER, count=len(state.missing)))
    if not state.carrier:
        return DockOutcome(state, DockVerdict(DockSay.SCAN_CARRIER))
    match event:
        case ParcelScanned(code=code, facts=facts):
            return _parcel(state, code, facts)
        case BagScanned(code=code):
            bag = code.strip().upper()
            return DockOutcome(
                replace(state, bag=bag), DockVerdict(DockSay.BAG_SET, code=bag, count=state.in_bag(bag))
            )
        case DockWeighed(grams=grams):
            return _weighed(state, grams)
        case CloseAsked(missing=missing):
            if state.weighing is not None:
                return DockOutcome(state, DockVerdict(DockSay.WEIGH_IT, code=state.weighing.waybill_no))
            if not state.handed:
                return DockOutcome(state, DockVerdict(DockSay.NOTHING_TO_CLOSE, detail=state.carrier))
            closing = replace(state, missing=tuple(missing))
            say = DockSay.MISSING if missing else DockSay.DRIVER
            return DockOutcome(closing, DockVerdict(say, count=len(missing), detail=state.carrier))
    raise TypeError(f"not a dock event: {event!r}")


def new_dock(weigh: bool = False, tolerance_g: int = 30, tolerance_pct: float = 5.0) -> DockState:
    return DockState(weigh=weigh, tolerance_g=tolerance_g, tolerance_pct=tolerance_pct)


def _carrier(state: DockState, carrier: str, pickup: str, expected: int) -> DockOutcome:
    if state.weighing is not None or state.missing is not None:
        return DockOutcome(state, DockVerdict(DockSay.NOT_NOW, code=carrier))
    if state.handed and carrier != state.carrier:
        # The open handover is another carrier's: closing it first keeps a truck's parcels on its
        # own manifest. The scanned parcels stay recorded meanwhile.
        return DockOutcome(state, DockVerdict(DockSay.NOT_NOW, code=carrier, detail=state.carrier))
    chosen = replace(state, carrier=carrier, pickup=pickup, expected=expected, bag="")
    return DockOutcome(
        chosen,
        DockVerdict(DockSay.CARRIER_SET, code=carrier, detail=pickup, count=state.count, expected=expected),
    )


def _stop(state: DockState, facts: ParcelFacts, say: DockSay, detail: str = "") -> DockOutcome:
    stopped = Stopped(facts.waybill_no, facts.order_no, say.value)
    after = replace(state, stopped=(*state.stopped, stopped), weighing=None)
    verdict = DockVerdict(say, code=facts.waybill_no, order_no=facts.order_no, detail=detail)
    return DockOutcome(after, verdict, (ParcelStopped(state.carrier, stopped),))


def _parcel(state: DockState, code: str, facts: ParcelFacts | None) -> DockOutcome:
    if state.weighing is not None:
        return DockOutcome(state, DockVerdict(DockSay.WEIGH_IT, code=state.weighing.waybill_no))
    if facts is None:
        return DockOutcome(state, DockVerdict(DockSay.UNKNOWN_WAYBILL, code=code.strip()[:64]))
    order = facts.order_no
    if any(h.waybill_no == facts.waybill_no for h in state.handed):
        return DockOutcome(state, DockVerdict(DockSay.SCANNED_TWICE, code=facts.waybill_no, order_no=order))
    if facts.manifest:
        verdict = DockVerdict(
            DockSay.ALREADY_HANDED, code=facts.waybill_no, order_no=order, detail=facts.manifest
        )
        return DockOutcome(state, verdict)
    if facts.carrier != state.carrier:
        # Set aside, not stopped: it goes with its own carrier's truck.
        verdict = DockVerdict(
            DockSay.OTHER_CARRIER, code=facts.waybill_no, order_no=order, detail=facts.carrier
        )
        return DockOutcome(state, verdict)
    if facts.intercepted or facts.status in (OrderStatus.CANCELLED, OrderStatus.ON_HOLD):
        return _stop(state, facts, DockSay.INTERCEPTED, facts.status)
    if facts.voided:
        return _stop(state, facts, DockSay.LABEL_VOID)
    if not facts.packed or facts.status not in (OrderStatus.PACKED, OrderStatus.SHIPPED):
        return _stop(state, facts, DockSay.NOT_PACKED, facts.status)
    if state.weigh:
        verdict = DockVerdict(
            DockSay.WEIGH_IT, code=facts.waybill_no, order_no=order, weight_g=facts.weight_g
        )
        return DockOutcome(replace(state, weighing=facts), verdict)
    return _hand(state, facts, None)


def _weighed(state: DockState, grams: int) -> DockOutcome:
    facts = state.weighing
    if facts is None:
        return DockOutcome(state, DockVerdict(DockSay.NOT_NOW, detail=str(grams)))
    if grams <= 0 or grams > MAX_DOCK_G:
        return DockOutcome(
            state, DockVerdict(DockSay.INVALID_WEIGHT, code=facts.waybill_no, dock_weight_g=grams)
        )
    if facts.weight_g is not None and abs(grams - facts.weight_g) > state.allowed_g(facts.weight_g):
        # Opened or swapped since it was packed: it does not go; a person looks at it.
        outcome = _stop(state, facts, DockSay.WEIGHT_OFF)
        verdict = replace(outcome.verdict, weight_g=facts.weight_g, dock_weight_g=grams)
        return replace(outcome, verdict=verdict)
    return _hand(replace(state, weighing=None), facts, grams)


def _hand(state: DockState, facts: ParcelFacts, dock_g: int | None) -> DockOutcome:
    handed = Handed(facts.waybill_no, facts.order_no, facts.parcel_no, state.bag, facts.weight_g, dock_g)
    after = replace(state, handed=(*state.handed, handed), weighing=None)
    verdict = DockVerdict(
        DockSay.HANDED,
        code=facts.waybill_no,
        order_no=facts.order_no,
        detail=state.bag,
        count=after.count,
        expected=max(state.expected, after.count),
        weight_g=facts.weight_g,
        dock_weight_g=dock_g,
    )
    return DockOutcome(after, verdict, (ParcelHanded(state.carrier, state.pickup, handed),))


def _driver(state: DockState, driver: str) -> DockOutcome:
    if state.missing is None:
        return DockOutcome(state, DockVerdict(DockSay.NOT_NOW, code=driver))
    if not driver:
        return DockOutcome(state, DockVerdict(DockSay.DRIVER, count=len(state.missing)))
    closed = HandoverClosed(state.carrier, state.pickup, driver[:120], state.handed, state.missing)
    after = replace(new_dock(state.weigh, state.tolerance_g, state.tolerance_pct), stopped=state.stopped)
    verdict = DockVerdict(
        DockSay.CLOSED, detail=state.carrier, count=len(state.handed), expected=len(state.missing)
    )
    return DockOutcome(after, verdict, (closed,))
