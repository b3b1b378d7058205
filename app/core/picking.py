"""The picker's walk on the handheld: what a scan, a count or a tap means at each stop.

`step(state, event) -> Outcome` is pure, like the pack session: the caller resolves a badge,
loads a wave's stops and records picks (app.picking_station), feeding the results back as
events; the view renders the verdicts. Bins and slots match as printed; items match by the
same lookup key the packing bench uses (`Scanned.key`, from scanner.interpret).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.core.barcodes import lookup_key
from app.core.model import Operator

SHORT_REASONS = ("not_found", "damaged", "not_enough", "wrong_item", "other")
SLOT_LABEL = re.compile(r"^(?:#?SLOT[:\-]?|S-?)?0*(\d{1,3})$", re.IGNORECASE)


def slot_of(code: str) -> int | None:
    """A cart slot label as printed (`SLOT-03`, `S-3`, `#SLOT:3`) or just its number."""
    match = SLOT_LABEL.match(code.strip())
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class SlotShare:
    slot: int
    order_no: str
    quantity: int


@dataclass(frozen=True)
class PickStop:
    """One place to stop on the walk: a SKU at a location, for one or more cart slots."""

    location: str
    sku: str
    name_zh: str
    name_en: str
    barcodes: tuple[str, ...]
    quantity: int
    shares: tuple[SlotShare, ...]
    picked: int | None = None  # recorded already (None: not yet)
    # A lot-tracked SKU with more than one lot in stock: which lot each unit is of is taken from
    # its GS1 scan (AI 10), so each unit is scanned, not counted by key.
    lots_needed: bool = False

    def is_item(self, code: str, key: str) -> bool:
        return code.upper() == self.sku.upper() or key in {lookup_key(b) for b in self.barcodes}


class Step(StrEnum):
    BADGE = "badge"
    WAVE = "wave"
    BIN = "bin"
    ITEM = "item"
    SHORT = "short"
    PUT = "put"  # into the cart slots, one slot label scan (or OK) each


@dataclass(frozen=True)
class PickState:
    step: Step = Step.BADGE
    operator: Operator | None = None
    wave: str = ""
    stops: tuple[PickStop, ...] = ()
    index: int = 0
    count: int = 0
    put_queue: tuple[SlotShare, ...] = ()
    busy: bool = False  # waiting for the stops or a pick's record: inputs wait too
    lots: tuple[str, ...] = ()  # the lot of each unit scanned at this stop ("" none read)

    def lot_counts(self) -> tuple[tuple[str, int], ...]:
        counted: dict[str, int] = {}
        for lot in self.lots:
            if lot:
                counted[lot] = counted.get(lot, 0) + 1
        return tuple(sorted(counted.items()))

    @property
    def stop(self) -> PickStop | None:
        return self.stops[self.index] if 0 <= self.index < len(self.stops) else None


# --- events -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeScanned:
    code: str
    operator: Operator | None  # who the badge names (None: nobody)


@dataclass(frozen=True)
class Scanned:
    code: str  # as printed (bins, slots, waves)
    key: str = ""  # the item lookup key of the interpreted scan
    lot: str = ""  # the lot its GS1 code carries (AI 10)


@dataclass(frozen=True)
class StopsLoaded:
    wave: str
    stops: tuple[PickStop, ...]


@dataclass(frozen=True)
class WaveNotFound:
    wave: str


@dataclass(frozen=True)
class CountSet:
    count: int


@dataclass(frozen=True)
class Tapped:
    """A key or button: "ok", "short", "back", "sign_out", "plus", "minus"."""

    what: str


@dataclass(frozen=True)
class ShortReason:
    reason: str


@dataclass(frozen=True)
class Recorded:
    shares: tuple[SlotShare, ...]  # where the picked items go, in slot order


@dataclass(frozen=True)
class RecordFailed:
    pass


@dataclass(frozen=True)
class LoadFailed:
    pass


Event = (
    BadgeScanned
    | Scanned
    | StopsLoaded
    | WaveNotFound
    | CountSet
    | Tapped
    | ShortReason
    | Recorded
    | RecordFailed
    | LoadFailed
)


# --- what the caller carries out ----------------------------------------------------------------


@dataclass(frozen=True)
class LoadWaves:
    pass


@dataclass(frozen=True)
class LoadStops:
    wave: str


@dataclass(frozen=True)
class RecordPick:
    wave: str
    stop: PickStop
    picked: int
    reason: str = ""
    lots: tuple[tuple[str, int], ...] = ()  # (lot, units) scanned at the stop


@dataclass(frozen=True)
class SignedOut:
    pass


Effect = LoadWaves | LoadStops | RecordPick | SignedOut


# --- verdicts ----------------------------------------------------------------------------------


class Say(StrEnum):
    SCAN_BADGE = "scan_badge"
    UNKNOWN_BADGE = "unknown_badge"
    CHOOSE_WAVE = "choose_wave"
    LOADING = "loading"
    NO_WAVE = "no_wave"
    LOAD_FAILED = "load_failed"
    GO_TO_BIN = "go_to_bin"
    WRONG_BIN = "wrong_bin"
    SCAN_ITEM = "scan_item"
    SCAN_OR_COUNT = "scan_or_count"
    WRONG_ITEM = "wrong_item"
    SCAN_LOT = "scan_lot"  # several lots in stock: scan the code with the lot, not a count
    TOO_MANY = "too_many"
    COUNTED = "counted"
    PUT_INTO_SLOT = "put_into_slot"
    WRONG_SLOT = "wrong_slot"
    WHY_SHORT = "why_short"
    SHORT_PUT = "short_put"  # short recorded: put what was found
    SHORT_RECORDED = "short_recorded"
    WAVE_PICKED = "wave_picked"
    FINISH_STOP = "finish_stop"
    REASON_FIRST = "reason_first"
    NOT_RECORDED = "not_recorded"
    WAIT = "wait"
    SIGNED_OUT = "signed_out"
    UNREADABLE = "unreadable"


class Tone(StrEnum):
    OK = "ok"
    PROMPT = "prompt"
    ERROR = "error"


_TONE = {
    Say.UNKNOWN_BADGE: Tone.ERROR,
    Say.NO_WAVE: Tone.ERROR,
    Say.LOAD_FAILED: Tone.ERROR,
    Say.WRONG_BIN: Tone.ERROR,
    Say.WRONG_ITEM: Tone.ERROR,
    Say.SCAN_LOT: Tone.ERROR,
    Say.TOO_MANY: Tone.ERROR,
    Say.WRONG_SLOT: Tone.ERROR,
    Say.FINISH_STOP: Tone.ERROR,
    Say.REASON_FIRST: Tone.ERROR,
    Say.NOT_RECORDED: Tone.ERROR,
    Say.UNREADABLE: Tone.ERROR,
    Say.COUNTED: Tone.OK,
}


@dataclass(frozen=True)
class PickVerdict:
    say: Say
    code: str = ""
    count: int = 0
    wanted: int = 0
    slot: int = 0
    quantity: int = 0
    short: int = 0  # a finished wave: how many of its stops were short
    sound: str = ""  # "accept", "prompt", "error", "complete", or none

    @property
    def tone(self) -> Tone:
        return _TONE.get(self.say, Tone.PROMPT)


@dataclass(frozen=True)
class Outcome:
    state: PickState
    verdict: PickVerdict
    effects: tuple[Effect, ...] = field(default=())


# --- the transition function ---------------------------------------------------------------------


def step(state: PickState, event: Event) -> Outcome:
    match event:
        case BadgeScanned(code=code, operator=operator):
            return _badge(state, code, operator)
        case StopsLoaded(wave=wave, stops=stops):
            return _stops_loaded(state, wave, stops)
        case WaveNotFound(wave=wave):
            return Outcome(replace(state, busy=False), _error(Say.NO_WAVE, code=wave))
        case LoadFailed():
            return Outcome(replace(state, busy=False), _error(Say.LOAD_FAILED))
        case Recorded(shares=shares):
            return _recorded(state, shares)
        case RecordFailed():
            return Outcome(replace(state, busy=False), _error(Say.NOT_RECORDED))
    if state.busy:
        return Outcome(state, PickVerdict(Say.WAIT))
    match event:
        case Scanned(code=code, key=key, lot=lot):
            return _scan(state, code, key, lot)
        case CountSet(count=count):
            return _count(state, count)
        case Tapped(what=what):
            return _tap(state, what)
        case ShortReason(reason=reason):
            return _short_with(state, reason)
    raise TypeError(f"not a picking event: {event!r}")


def prompt_for(state: PickState) -> PickVerdict:
    """What the screen asks for in a state, with no news to give."""
    stop = state.stop
    match state.step:
        case Step.BADGE:
            return PickVerdict(Say.SCAN_BADGE)
        case Step.WAVE:
            return PickVerdict(Say.CHOOSE_WAVE)
        case Step.SHORT:
            return PickVerdict(Say.WHY_SHORT, count=state.count, wanted=stop.quantity if stop else 0)
        case Step.PUT if state.put_queue:
            share = state.put_queue[0]
            return PickVerdict(Say.PUT_INTO_SLOT, slot=share.slot, quantity=share.quantity)
        case Step.BIN:
            return PickVerdict(Say.GO_TO_BIN, code=stop.location if stop else "")
    if stop is not None and stop.quantity > 1:
        return PickVerdict(Say.SCAN_OR_COUNT, count=state.count, wanted=stop.quantity)
    return PickVerdict(Say.SCAN_ITEM)


def _error(say: Say, **values: object) -> PickVerdict:
    return PickVerdict(say, sound="error", **values)  # type: ignore[arg-type]


def _badge(state: PickState, code: str, operator: Operator | None) -> Outcome:
    if state.step is not Step.BADGE:
        return Outcome(state, prompt_for(state))
    if operator is None:
        return Outcome(state, _error(Say.UNKNOWN_BADGE, code=code))
    waves = PickState(step=Step.WAVE, operator=operator)
    return Outcome(waves, PickVerdict(Say.LOADING, sound="accept"), (LoadWaves(),))


def _stops_loaded(state: PickState, wave: str, stops: tuple[PickStop, ...]) -> Outcome:
    index = next((i for i, s in enumerate(stops) if s.picked is None), len(stops))
    loaded = replace(state, wave=wave, stops=stops, index=index, busy=False, put_queue=())
    return _next_stop(loaded)


def _next_stop(state: PickState, notice: Say | None = None) -> Outcome:
    index = state.index
    while index < len(state.stops) and state.stops[index].picked is not None:
        index += 1
    state = replace(state, index=index, count=0, put_queue=(), lots=())
    if index >= len(state.stops):
        done = replace(state, step=Step.WAVE, stops=(), index=0)
        return Outcome(done, wave_summary(state), (LoadWaves(),))
    at_bin = replace(state, step=Step.BIN)
    if notice is not None:
        return Outcome(at_bin, PickVerdict(notice, sound="prompt"))
    return Outcome(at_bin, prompt_for(at_bin))


def wave_summary(state: PickState) -> PickVerdict:
    """What the picker takes to packing: units picked of wanted and the stops left short."""
    picked = sum(stop.picked or 0 for stop in state.stops)
    wanted = sum(stop.quantity for stop in state.stops)
    short = sum(1 for stop in state.stops if (stop.picked or 0) < stop.quantity)
    return PickVerdict(
        Say.WAVE_PICKED, code=state.wave, count=picked, wanted=wanted, short=short, sound="complete"
    )


def _scan(state: PickState, code: str, key: str, lot: str = "") -> Outcome:
    stop = state.stop
    match state.step:
        case Step.BADGE:
            return Outcome(state, prompt_for(state))  # the caller resolves badges (BadgeScanned)
        case Step.WAVE:
            return Outcome(replace(state, busy=True), PickVerdict(Say.LOADING), (LoadStops(code),))
        case Step.SHORT:
            return Outcome(state, _error(Say.REASON_FIRST))
    assert stop is not None
    if state.step is Step.BIN:
        if code.strip().upper() != stop.location.upper():
            return Outcome(state, _error(Say.WRONG_BIN, code=code))
        at_item = replace(state, step=Step.ITEM)
        return Outcome(at_item, replace(prompt_for(at_item), sound="accept"))
    if state.step is Step.PUT:
        share = state.put_queue[0]
        if slot_of(code) != share.slot:
            return Outcome(state, _error(Say.WRONG_SLOT, slot=share.slot))
        return _put_done(state)
    if not stop.is_item(code.strip(), key):
        return Outcome(state, _error(Say.WRONG_ITEM, code=stop.name_zh or stop.sku))
    if state.count >= stop.quantity:
        return Outcome(state, _error(Say.TOO_MANY))
    if stop.lots_needed and not lot:
        return Outcome(state, _error(Say.SCAN_LOT, code=stop.name_zh or stop.sku))
    counted = replace(state, count=state.count + 1, lots=(*state.lots[: state.count], lot))
    if counted.count == stop.quantity:
        return _record(counted, stop, counted.count, "", sound="accept")
    return Outcome(
        counted, PickVerdict(Say.COUNTED, count=counted.count, wanted=stop.quantity, sound="accept")
    )


def _count(state: PickState, count: int) -> Outcome:
    stop = state.stop
    if stop is None or state.step is not Step.ITEM:
        return Outcome(state, prompt_for(state))
    if stop.lots_needed and count > state.count:  # a count names no lot: each unit is scanned
        return Outcome(state, _error(Say.SCAN_LOT, code=stop.name_zh or stop.sku))
    kept = max(0, min(stop.quantity, count))
    counted = replace(state, count=kept, lots=state.lots[:kept])
    return Outcome(counted, prompt_for(counted))


def _tap(state: PickState, what: str) -> Outcome:
    stop = state.stop
    match what:
        case "plus" | "minus":
            return _count(state, state.count + (1 if what == "plus" else -1))
        case "ok":
            if state.step is Step.PUT and state.put_queue:
                return _put_done(state)  # a tap on OK: put without a slot label (small carts have none)
            if stop is None or state.step is not Step.ITEM:
                return Outcome(state, prompt_for(state))
            if state.count < stop.quantity:
                return _tap(state, "short")
            return _record(state, stop, state.count, "")
        case "short":
            if state.step in (Step.BIN, Step.ITEM) and stop is not None:
                short = replace(state, step=Step.SHORT)
                return Outcome(short, replace(prompt_for(short), sound="prompt"))
            return Outcome(state, prompt_for(state))
        case "back":
            if state.step is Step.SHORT:
                back = replace(state, step=Step.ITEM if state.count else Step.BIN)
                return Outcome(back, prompt_for(back))
            if state.step is Step.BIN and state.operator is not None:
                # Leave the wave: what was picked is recorded already.
                waves = PickState(step=Step.WAVE, operator=state.operator)
                return Outcome(waves, PickVerdict(Say.LOADING), (LoadWaves(),))
            return Outcome(state, prompt_for(state))
        case "sign_out":
            if state.step in (Step.ITEM, Step.SHORT, Step.PUT):
                return Outcome(state, _error(Say.FINISH_STOP))
            return Outcome(PickState(), PickVerdict(Say.SIGNED_OUT), (SignedOut(),))
    raise ValueError(f"not a picking key: {what!r}")


def _short_with(state: PickState, reason: str) -> Outcome:
    stop = state.stop
    if stop is None or state.step is not Step.SHORT or reason not in SHORT_REASONS:
        return Outcome(state, prompt_for(state))
    return _record(state, stop, state.count, reason)


def _record(state: PickState, stop: PickStop, picked: int, reason: str, sound: str = "") -> Outcome:
    waiting = replace(state, busy=True)
    record = RecordPick(state.wave, stop, picked, reason, state.lot_counts())
    return Outcome(waiting, PickVerdict(Say.WAIT, sound=sound), (record,))


def _recorded(state: PickState, shares: tuple[SlotShare, ...]) -> Outcome:
    stop = state.stop
    if stop is None:
        return Outcome(replace(state, busy=False), prompt_for(state))
    short = state.step is Step.SHORT
    stops = list(state.stops)
    stops[state.index] = replace(stop, picked=state.count)
    done = replace(state, stops=tuple(stops), busy=False, put_queue=tuple(s for s in shares if s.quantity))
    if done.put_queue:
        put = replace(done, step=Step.PUT)
        if short:
            first = put.put_queue[0]
            return Outcome(
                put, PickVerdict(Say.SHORT_PUT, slot=first.slot, quantity=first.quantity, sound="prompt")
            )
        return Outcome(put, replace(prompt_for(put), sound="accept"))
    return _next_stop(done, Say.SHORT_RECORDED if short else None)


def _put_done(state: PickState) -> Outcome:
    rest = replace(state, put_queue=state.put_queue[1:])
    if rest.put_queue:
        return Outcome(rest, replace(prompt_for(rest), sound="accept"))
    moved = _next_stop(replace(rest, index=rest.index))
    return replace(moved, verdict=replace(moved.verdict, sound=moved.verdict.sound or "accept"))
