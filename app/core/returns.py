"""After-sales receiving (售后收货): a return parcel checked in against the order as it was packed.

`step(state, event) -> ReturnOutcome` is pure, like the pack session: the caller looks a scanned
code up (a waybill, an order number, a phone, an RMA code) into the order's `PackRecord`, resolves
item scans to SKUs, and carries out the effects (print an item's return label, write the return).
Each returned unit gets a reason (a configurable list of codes) and a grade that decides where it
goes (`DISPOSITION`); at the end the records propose who is responsible (`propose`), with the
evidence, and the person confirms it or picks another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from app.core.model import OrderSnapshot

# The seeds' after-sales categories (售后问题分类), in the order a returns desk meets them most.
RETURN_REASONS = (
    "quality",  # 质量问题
    "wrong_size",  # 尺寸不符
    "not_as_described",  # 与描述不符
    "damaged_in_transit",  # 运输破损
    "wrong_item_sent",  # 发错货
    "missing_parts",  # 少件 / 缺配件
    "changed_mind",  # 七天无理由
    "late_delivery",  # 物流太慢
    "duplicate_order",  # 重复下单
    "expired",  # 临期 / 过期
    "unsuitable",  # 不适用 / 过敏
    "other",
)


def reasons_from(setting: str) -> tuple[str, ...]:
    """The reasons a station offers, from its setting (codes, comma-separated; empty: the defaults)."""
    codes = tuple(dict.fromkeys(code.strip() for code in setting.split(",") if code.strip()))
    return codes[:99] or RETURN_REASONS


class Grade(StrEnum):
    RESELLABLE = "resellable"  # as new: back to its bin
    REPACK = "repack"  # fine, packaging not: repack, then back
    DAMAGED = "damaged"  # not sellable as it is: quarantine, someone decides
    SCRAP = "scrap"


class Disposition(StrEnum):
    RESTOCK = "restock"
    REPACK = "repack"
    QUARANTINE = "quarantine"
    SCRAP = "scrap"


DISPOSITION = {
    Grade.RESELLABLE: Disposition.RESTOCK,
    Grade.REPACK: Disposition.REPACK,
    Grade.DAMAGED: Disposition.QUARANTINE,
    Grade.SCRAP: Disposition.SCRAP,
}
GRADES = tuple(Grade)
QUARANTINE_BIN = "QUARANTINE"  # where what is not ours or not sellable waits for a person
REPACK_BIN = "REPACK"


class Responsibility(StrEnum):
    WAREHOUSE = "warehouse"  # a pick or pack error
    CARRIER = "carrier"  # damaged or lost in transit
    PRODUCT = "product"  # the goods themselves (quality, description): the merchant's supplier
    CUSTOMER = "customer"  # changed their mind, chose the wrong size


RESPONSIBILITIES = tuple(Responsibility)


@dataclass(frozen=True, slots=True)
class PackRecord:
    """The order as it was packed here: the evidence a returns desk needs."""

    order: OrderSnapshot
    packed_at: datetime | None = None
    packer: str = ""
    station: str = ""
    expected_g: int | None = None
    actual_g: int | None = None
    allowed_g: int | None = None
    weight_override: str = ""  # the supervisor's reason, when the weight was let through
    plan_override: str = ""  # the supervisor's reason, when instructions were let go
    plan: tuple[str, ...] = ()  # the rules that fired
    scanned: tuple[tuple[str, int], ...] = ()  # (sku, units) verified by scan at packing
    units: tuple[tuple[str, str, str], ...] = ()  # (sku, serial, lot) of every traced unit shipped

    def shipped_serials(self, sku_code: str) -> frozenset[str]:
        return frozenset(serial for sku, serial, _ in self.units if sku == sku_code and serial)

    def shipped_lots(self, sku_code: str) -> frozenset[str]:
        return frozenset(lot for sku, _, lot in self.units if sku == sku_code and lot)

    @property
    def weight_passed(self) -> bool:
        return (
            self.expected_g is not None
            and self.actual_g is not None
            and self.allowed_g is not None
            and abs(self.actual_g - self.expected_g) <= self.allowed_g
            and not self.weight_override
        )


# --- events ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """The scanned code named this order's pack record (None: nothing packed here matches)."""

    code: str
    record: PackRecord | None


@dataclass(frozen=True, slots=True)
class ItemScanned:
    code: str
    sku_code: str  # "" when the code is no SKU at all
    name_zh: str = ""
    name_en: str = ""
    unit_weight_g: int = 0
    bin_location: str = ""
    serial: str = ""  # a traced unit's serial and lot, as its GS1 code carries them
    lot: str = ""


@dataclass(frozen=True, slots=True)
class SerialRead:
    """The serial label of the unit just scanned (its SKU shipped with serials, its code had none)."""

    serial: str


@dataclass(frozen=True, slots=True)
class Chosen:
    """A number typed in a prompt: a reason, a grade or a responsibility (1-based)."""

    number: int


@dataclass(frozen=True, slots=True)
class Weighed:
    grams: int


class Key(StrEnum):
    FINISH = "finish"  # F8: propose the responsibility, then confirm
    CANCEL = "cancel"  # Esc: back out of a prompt, or drop a return with nothing received yet
    UNDO = "undo"  # F2: take the last unit back out


@dataclass(frozen=True, slots=True)
class Pressed:
    key: Key


ReturnEvent = Found | ItemScanned | SerialRead | Chosen | Weighed | Pressed


# --- state -------------------------------------------------------------------------------------


class Phase(StrEnum):
    IDLE = "idle"  # scan the return's waybill, order number, phone or RMA code
    ITEMS = "items"  # scan each returned unit; weigh the parcel; F8 when all are in
    SERIAL = "serial"  # scan the serial label of the unit just scanned
    REASON = "reason"  # why this unit came back
    GRADE = "grade"  # what state it is in
    CONFIRM = "confirm"  # who is responsible: Enter takes the proposal, 1-4 another


@dataclass(frozen=True, slots=True)
class ReturnedItem:
    sku_code: str
    name_zh: str
    name_en: str
    expected: bool  # in the order as packed (False: not ours, flagged)
    unit_weight_g: int = 0
    bin_location: str = ""
    reason: str = ""
    grade: Grade | None = None
    serial: str = ""
    lot: str = ""
    swapped: bool = False  # its serial or lot is not the one this order shipped: another unit

    @property
    def disposition(self) -> Disposition:
        if not self.expected or self.grade is None:
            return Disposition.QUARANTINE
        return DISPOSITION[self.grade]

    @property
    def destination(self) -> str:
        """The bin the unit goes to."""
        match self.disposition:
            case Disposition.RESTOCK:
                return self.bin_location or QUARANTINE_BIN
            case Disposition.REPACK:
                return REPACK_BIN
            case Disposition.SCRAP:
                return ""
        return QUARANTINE_BIN


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact from the records behind a proposal; `code` is translated by the UI."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> str:
        return next((v for k, v in self.params if k == name), "")


@dataclass(frozen=True, slots=True)
class Proposal:
    responsibility: Responsibility
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ReturnState:
    reasons: tuple[str, ...] = RETURN_REASONS
    phase: Phase = Phase.IDLE
    record: PackRecord | None = None
    lookup: str = ""  # what was scanned to find it
    items: tuple[ReturnedItem, ...] = ()
    weight_g: int | None = None
    proposal: Proposal | None = None

    def returned(self, sku_code: str) -> int:
        return sum(1 for item in self.items if item.expected and item.sku_code == sku_code)

    def packed(self, sku_code: str) -> int:
        if self.record is None:
            return 0
        return sum(line.quantity for line in self.record.order.lines if line.sku_code == sku_code)

    @property
    def open_item(self) -> ReturnedItem | None:
        """The unit whose reason or grade is being asked for."""
        return self.items[-1] if self.phase in (Phase.REASON, Phase.GRADE) else None


# --- verdicts and effects ----------------------------------------------------------------------


class ReturnVerdict(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not_found"
    NOT_PACKED = "not_packed"  # the order exists but was never packed here: nothing to check against
    ITEM_ADDED = "item_added"  # choose a reason
    UNEXPECTED_ITEM = "unexpected_item"  # not in the order, or more than was packed: flagged
    SCAN_SERIAL = "scan_serial"  # the unit's SKU shipped with serials: scan its serial
    UNIT_SWAPPED = "unit_swapped"  # its serial or lot is not what this order shipped: quarantine
    UNKNOWN_CODE = "unknown_code"
    REASON_SET = "reason_set"  # choose a grade
    ITEM_DONE = "item_done"  # its label prints
    WEIGHED = "weighed"
    INVALID_CHOICE = "invalid_choice"
    PROPOSED = "proposed"  # confirm who is responsible
    RECEIVED = "received"
    NOTHING_RETURNED = "nothing_returned"
    UNDONE = "undone"
    NOTHING_TO_UNDO = "nothing_to_undo"
    CANCELLED = "cancelled"
    FINISH_FIRST = "finish_first"  # Esc with units received: F8 finishes the return
    NOT_NOW = "not_now"


ERRORS = {
    ReturnVerdict.UNIT_SWAPPED,
    ReturnVerdict.NOT_FOUND,
    ReturnVerdict.NOT_PACKED,
    ReturnVerdict.UNEXPECTED_ITEM,
    ReturnVerdict.UNKNOWN_CODE,
    ReturnVerdict.INVALID_CHOICE,
    ReturnVerdict.NOTHING_RETURNED,
    ReturnVerdict.FINISH_FIRST,
    ReturnVerdict.NOT_NOW,
}


@dataclass(frozen=True, slots=True)
class ItemLabel:
    """Print the return label of this unit (its barcode, disposition and bin)."""

    order_no: str
    index: int  # 1-based, within the return
    item: ReturnedItem


@dataclass(frozen=True, slots=True)
class ReturnReceived:
    """Write the return: every unit, the weight, who is responsible and why."""

    record: PackRecord
    lookup: str
    items: tuple[ReturnedItem, ...]
    weight_g: int | None
    proposal: Proposal
    responsibility: Responsibility


ReturnEffect = ItemLabel | ReturnReceived


@dataclass(frozen=True, slots=True)
class ReturnOutcome:
    state: ReturnState
    verdict: ReturnVerdict
    effects: tuple[ReturnEffect, ...] = ()
    detail: str = ""


# --- transitions -------------------------------------------------------------------------------


def new_return(reasons: tuple[str, ...] = ()) -> ReturnState:
    return ReturnState(reasons=reasons or RETURN_REASONS)


def step(state: ReturnState, event: ReturnEvent) -> ReturnOutcome:
    match event:
        case Found(code=code, record=record):
            return _found(state, code, record)
        case ItemScanned() as item:
            return _item(state, item)
        case SerialRead(serial=serial):
            return _serial_read(state, serial)
        case Chosen(number=number):
            return _chosen(state, number)
        case Weighed(grams=grams):
            if state.phase is Phase.IDLE or grams <= 0 or grams > 150_000:
                return ReturnOutcome(state, ReturnVerdict.NOT_NOW, detail=str(grams))
            return ReturnOutcome(replace(state, weight_g=grams), ReturnVerdict.WEIGHED, detail=str(grams))
        case Pressed(key=key):
            return _pressed(state, key)
    raise TypeError(f"not a return event: {event!r}")


def _found(state: ReturnState, code: str, record: PackRecord | None) -> ReturnOutcome:
    if state.phase is not Phase.IDLE:
        return ReturnOutcome(state, ReturnVerdict.FINISH_FIRST, detail=code)
    if record is None:
        return ReturnOutcome(state, ReturnVerdict.NOT_FOUND, detail=code)
    if record.packed_at is None:
        return ReturnOutcome(state, ReturnVerdict.NOT_PACKED, detail=record.order.order_no)
    opened = replace(new_return(state.reasons), phase=Phase.ITEMS, record=record, lookup=code)
    return ReturnOutcome(opened, ReturnVerdict.FOUND, detail=record.order.order_no)


def _item(state: ReturnState, scan: ItemScanned) -> ReturnOutcome:
    if state.phase is not Phase.ITEMS or state.record is None:
        return ReturnOutcome(state, ReturnVerdict.NOT_NOW, detail=scan.code)
    if not scan.sku_code:
        return ReturnOutcome(state, ReturnVerdict.UNKNOWN_CODE, detail=scan.code)
    expected = state.returned(scan.sku_code) < state.packed(scan.sku_code)
    line = next((ln for ln in state.record.order.lines if ln.sku_code == scan.sku_code), None)
    item = ReturnedItem(
        sku_code=scan.sku_code,
        name_zh=scan.name_zh or (line.name_zh if line else ""),
        name_en=scan.name_en or (line.name_en if line else ""),
        expected=expected,
        unit_weight_g=scan.unit_weight_g or (line.unit_weight_g if line else 0),
        bin_location=scan.bin_location or (line.bin_location if line else ""),
        serial=scan.serial,
        lot=scan.lot,
    )
    if expected and state.record.shipped_serials(scan.sku_code) and not scan.serial:
        # Shipped with serials: which unit this is decides whose it is. Its serial label next.
        waiting = replace(state, items=(*state.items, item), phase=Phase.SERIAL)
        return ReturnOutcome(waiting, ReturnVerdict.SCAN_SERIAL, detail=scan.sku_code)
    if expected:
        return _checked(state, item)
    # Not ours (or one more than was packed): kept apart, on the record, with its label.
    added = replace(state, items=(*state.items, item))
    return ReturnOutcome(
        added,
        ReturnVerdict.UNEXPECTED_ITEM,
        (ItemLabel(state.record.order.order_no, len(added.items), item),),
        detail=scan.sku_code,
    )


def _serial_read(state: ReturnState, serial: str) -> ReturnOutcome:
    if state.phase is not Phase.SERIAL or not state.items:
        return ReturnOutcome(state, ReturnVerdict.NOT_NOW, detail=serial)
    item = replace(state.items[-1], serial=serial)
    return _checked(replace(state, items=state.items[:-1], phase=Phase.ITEMS), item)


def _checked(state: ReturnState, item: ReturnedItem) -> ReturnOutcome:
    """A unit of one of the order's SKUs, held against the serials and lots the order shipped: another
    serial or lot is not the order's unit (调包): quarantined, with its label, and no refund."""
    assert state.record is not None
    serials = state.record.shipped_serials(item.sku_code)
    lots = state.record.shipped_lots(item.sku_code)
    swapped = (item.serial and serials and item.serial not in serials) or (
        item.lot and lots and item.lot not in lots
    )
    if swapped:
        item = replace(item, expected=False, swapped=True)
        added = replace(state, items=(*state.items, item), phase=Phase.ITEMS)
        label = ItemLabel(state.record.order.order_no, len(added.items), item)
        return ReturnOutcome(added, ReturnVerdict.UNIT_SWAPPED, (label,), detail=item.serial or item.lot)
    added = replace(state, items=(*state.items, item), phase=Phase.REASON)
    return ReturnOutcome(added, ReturnVerdict.ITEM_ADDED, detail=item.sku_code)


def _chosen(state: ReturnState, number: int) -> ReturnOutcome:
    match state.phase:
        case Phase.REASON if 1 <= number <= len(state.reasons):
            item = replace(state.items[-1], reason=state.reasons[number - 1])
            chosen = replace(state, items=(*state.items[:-1], item), phase=Phase.GRADE)
            return ReturnOutcome(chosen, ReturnVerdict.REASON_SET, detail=item.reason)
        case Phase.GRADE if 1 <= number <= len(GRADES):
            assert state.record is not None
            item = replace(state.items[-1], grade=GRADES[number - 1])
            done = replace(state, items=(*state.items[:-1], item), phase=Phase.ITEMS)
            label = ItemLabel(state.record.order.order_no, len(done.items), item)
            return ReturnOutcome(done, ReturnVerdict.ITEM_DONE, (label,), detail=item.disposition.value)
        case Phase.CONFIRM if 1 <= number <= len(RESPONSIBILITIES):
            return _receive(state, RESPONSIBILITIES[number - 1])
    return ReturnOutcome(state, ReturnVerdict.INVALID_CHOICE, detail=str(number))


def _pressed(state: ReturnState, key: Key) -> ReturnOutcome:
    match key, state.phase:
        case Key.CANCEL | Key.UNDO, Phase.SERIAL:
            return ReturnOutcome(
                replace(state, items=state.items[:-1], phase=Phase.ITEMS), ReturnVerdict.UNDONE
            )
        case Key.CANCEL, Phase.REASON | Phase.GRADE:
            # The unit was not given its reason and grade: it is not received.
            return ReturnOutcome(
                replace(state, items=state.items[:-1], phase=Phase.ITEMS), ReturnVerdict.UNDONE
            )
        case Key.CANCEL, Phase.CONFIRM:
            return ReturnOutcome(replace(state, phase=Phase.ITEMS, proposal=None), ReturnVerdict.CANCELLED)
        case Key.CANCEL, Phase.ITEMS:
            if state.items:
                return ReturnOutcome(state, ReturnVerdict.FINISH_FIRST)
            return ReturnOutcome(new_return(state.reasons), ReturnVerdict.CANCELLED)
        case Key.UNDO, Phase.ITEMS:
            if not state.items:
                return ReturnOutcome(state, ReturnVerdict.NOTHING_TO_UNDO)
            return ReturnOutcome(replace(state, items=state.items[:-1]), ReturnVerdict.UNDONE)
        case Key.FINISH, Phase.ITEMS:
            assert state.record is not None
            if not state.items:
                return ReturnOutcome(state, ReturnVerdict.NOTHING_RETURNED)
            proposal = propose(state.record, state.items, state.weight_g)
            return ReturnOutcome(
                replace(state, phase=Phase.CONFIRM, proposal=proposal),
                ReturnVerdict.PROPOSED,
                detail=proposal.responsibility.value,
            )
        case Key.FINISH, Phase.CONFIRM:
            assert state.proposal is not None
            return _receive(state, state.proposal.responsibility)
    return ReturnOutcome(state, ReturnVerdict.NOT_NOW, detail=key.value)


def _receive(state: ReturnState, responsibility: Responsibility) -> ReturnOutcome:
    assert state.record is not None and state.proposal is not None
    received = ReturnReceived(
        record=state.record,
        lookup=state.lookup,
        items=state.items,
        weight_g=state.weight_g,
        proposal=state.proposal,
        responsibility=responsibility,
    )
    return ReturnOutcome(
        new_return(state.reasons),
        ReturnVerdict.RECEIVED,
        (received,),
        detail=responsibility.value,
    )


# --- who is responsible -----------------------------------------------------------------------

CARRIER_REASONS = {"damaged_in_transit", "late_delivery"}
CONTENT_REASONS = {"wrong_item_sent", "missing_parts"}
PRODUCT_REASONS = {"quality", "not_as_described", "expired"}
MISSING_WEIGHT_SHARE = 0.8  # a return lighter than this share of its units' weight misses something


def propose(record: PackRecord, items: tuple[ReturnedItem, ...], weight_g: int | None) -> Proposal:
    """Who the records say is responsible, with the facts that say so. The packing records are the
    evidence: every unit verified by scan and a weight within tolerance clear the warehouse of a
    wrong or missing item; a pack let through by a supervisor does not."""
    evidence: list[Evidence] = []
    reasons = Counter(item.reason for item in items if item.expected)
    unexpected = [item for item in items if not item.expected]
    scanned = dict(record.scanned)
    all_scanned = all(scanned.get(line.sku_code, 0) >= line.quantity for line in record.order.lines)
    if record.weight_passed:
        evidence.append(
            Evidence(
                "weight_ok",
                (("actual", str(record.actual_g)), ("expected", str(record.expected_g)),
                 ("allowed", str(record.allowed_g))),
            )
        )  # fmt: skip
    elif record.actual_g is not None:
        evidence.append(
            Evidence(
                "weight_overridden" if record.weight_override else "weight_off",
                (("actual", str(record.actual_g)), ("expected", str(record.expected_g)),
                 ("reason", record.weight_override)),
            )
        )  # fmt: skip
    evidence.append(
        Evidence("all_scanned" if all_scanned else "not_all_scanned", (("packer", record.packer),))
    )
    if record.plan_override:
        evidence.append(Evidence("plan_overridden", (("reason", record.plan_override),)))
    swapped = [item for item in unexpected if item.swapped]
    for item in swapped:
        shipped = sorted(
            record.shipped_serials(item.sku_code) if item.serial else record.shipped_lots(item.sku_code)
        )
        evidence.append(
            Evidence("unit_swapped", (("sku", item.sku_code), ("returned", item.serial or item.lot),
                                      ("shipped", ", ".join(shipped))))
        )  # fmt: skip
    for item in unexpected:
        if not item.swapped:
            evidence.append(Evidence("not_in_order", (("sku", item.sku_code),)))
    if weight_g is not None:
        units_g = sum(item.unit_weight_g for item in items)
        if units_g and weight_g < units_g * MISSING_WEIGHT_SHARE:
            evidence.append(Evidence("return_light", (("actual", str(weight_g)), ("units", str(units_g)))))
    carrier = sum(n for reason, n in reasons.items() if reason in CARRIER_REASONS)
    content = sum(n for reason, n in reasons.items() if reason in CONTENT_REASONS)
    product = sum(n for reason, n in reasons.items() if reason in PRODUCT_REASONS)
    packed_right = all_scanned and record.weight_passed
    if swapped:
        # The order's own unit did not come back: the records of what left here say so.
        return Proposal(Responsibility.CUSTOMER, tuple(evidence))
    if carrier:
        evidence.append(Evidence("reason_transit", (("carrier", record.order.carrier),)))
        if packed_right:
            return Proposal(Responsibility.CARRIER, tuple(evidence))
        return Proposal(Responsibility.WAREHOUSE, tuple(evidence))  # packed out of tolerance: ours
    if content:
        evidence.append(Evidence("reason_content"))
        if packed_right and not record.plan_override:
            # Every unit verified and the parcel weighed right: it left here complete and correct.
            return Proposal(Responsibility.CUSTOMER, tuple(evidence))
        return Proposal(Responsibility.WAREHOUSE, tuple(evidence))
    if product:
        evidence.append(Evidence("reason_product"))
        return Proposal(Responsibility.PRODUCT, tuple(evidence))
    evidence.append(Evidence("reason_customer"))
    return Proposal(Responsibility.CUSTOMER, tuple(evidence))
