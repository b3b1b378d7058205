"""What the packer reads: a verdict turned into one plain sentence that says what to do next.

The core's verdicts carry kinds and values only; the words live here, translated by Qt.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.core.pack_session import (
    HOLD_REASONS,
    OVERRIDE_REASONS,
    PLAN_OVERRIDE_REASONS,
    PackState,
    Severity,
    Verdict,
    VerdictKind,
)
from app.core.rules import ActionKind, Confirm, Step
from app.ui.banner import elide_code
from sync import protocol as p


def reason_text(code: str) -> str:
    texts = {
        "damaged": QCoreApplication.translate("Reason", "Item damaged"),
        "out_of_stock": QCoreApplication.translate("Reason", "Item missing / out of stock"),
        "customer_request": QCoreApplication.translate("Reason", "Customer asked to wait"),
        "address_problem": QCoreApplication.translate("Reason", "Address problem"),
        "other": QCoreApplication.translate("Reason", "Other"),
        "packaging_heavier": QCoreApplication.translate("Reason", "Packaging heavier than usual"),
        "catalog_weight_wrong": QCoreApplication.translate("Reason", "Catalogue weight is wrong"),
        "extra_gift": QCoreApplication.translate("Reason", "Extra gift or insert in the parcel"),
        "scale_fault": QCoreApplication.translate("Reason", "Scale fault"),
        "insert_unavailable": QCoreApplication.translate("Reason", "Card could not be printed / none left"),
        "sample_out_of_stock": QCoreApplication.translate("Reason", "Sample out of stock"),
        "printer_down": QCoreApplication.translate("Reason", "Insert printer down"),
        "rewaybill": QCoreApplication.translate("Reason", "New waybill needed (another carrier)"),
        "no_routing": QCoreApplication.translate("Reason", "Waybill lacks the sort code: fetch it again"),
    }
    return texts.get(code, code)


def reason_choices(pending: str) -> list[tuple[str, str]]:
    codes = {"hold": HOLD_REASONS, "override_plan": PLAN_OVERRIDE_REASONS}.get(pending, OVERRIDE_REASONS)
    return [(code, reason_text(code)) for code in codes]


def status_text(status: str) -> str:
    texts = {
        "new": QCoreApplication.translate("Status", "new"),
        "released": QCoreApplication.translate("Status", "in a wave"),
        "picked": QCoreApplication.translate("Status", "picked"),
        "packed": QCoreApplication.translate("Status", "packed"),
        "shipped": QCoreApplication.translate("Status", "shipped"),
        "cancelled": QCoreApplication.translate("Status", "cancelled"),
        "on_hold": QCoreApplication.translate("Status", "on hold"),
        "missing": QCoreApplication.translate("Status", "missing"),
    }
    return texts.get(status, status)


def strategy_text(strategy: str) -> str:
    texts = {
        "single_sku": QCoreApplication.translate("Waves", "Single-item orders by SKU"),
        "multi_cart": QCoreApplication.translate("Waves", "Multi-item orders by cart"),
        "carrier": QCoreApplication.translate("Waves", "By carrier"),
        "zone": QCoreApplication.translate("Waves", "By zone"),
        "batch": QCoreApplication.translate("Waves", "Batch"),
    }
    return texts.get(strategy, strategy)


def wave_status_text(status: str) -> str:
    texts = {
        "planned": QCoreApplication.translate("Waves", "planned"),
        "released": QCoreApplication.translate("Waves", "released"),
        "picking": QCoreApplication.translate("Waves", "picking"),
        "done": QCoreApplication.translate("Waves", "picked"),
        "cancelled": QCoreApplication.translate("Waves", "cancelled"),
    }
    return texts.get(status, status)


def exception_kind_text(kind: str) -> str:
    texts = {
        "short_pick": QCoreApplication.translate("Waves", "Short pick"),
        "weight_failed": QCoreApplication.translate("Waves", "Weight failed"),
        "hold": QCoreApplication.translate("Waves", "On hold"),
        "sync_conflict": QCoreApplication.translate("Waves", "Sync conflict"),
        "put_back": QCoreApplication.translate("Waves", "Put back"),
        "left_at_dock": QCoreApplication.translate("Waves", "Left at the dock"),
        "missed_truck": QCoreApplication.translate("Waves", "Missed its truck"),
    }
    return texts.get(kind, kind)


def exception_detail_text(kind: str, detail: str, reason: str, stage: str) -> str:
    """What an exception is about, its codes in words: "已打包（需取回包裹）· 已取消 · 精华液 …"."""
    parts: list[str] = []
    if kind == "short_pick":
        parts = [detail, short_reason_text(reason)]
    elif kind == "hold":
        parts = [reason_text(reason)]
    elif kind == "weight_failed":
        parts = [detail, pack_status_text(stage)]
    elif kind == "put_back":
        where = {
            "packed": QCoreApplication.translate("Waves", "packed: take the parcel back"),
            "packing": QCoreApplication.translate("Waves", "stopped on a bench"),
        }.get(stage, stage)
        why = (
            QCoreApplication.translate("Waves", "its items changed")
            if reason == "lines_changed"
            else status_text(reason)
        )
        parts = [where, why, detail]
    elif kind == "missed_truck":
        parts = [detail, QCoreApplication.translate("Waves", "still at the dock: hand it to the next truck")]
    else:
        parts = [detail]
    return " · ".join(part for part in parts if part)


def pack_status_text(status: str) -> str:
    texts = {
        "open": QCoreApplication.translate("Status", "still on the bench"),
        "packed": QCoreApplication.translate("Status", "packed"),
        "held": QCoreApplication.translate("Status", "held"),
        "closed": QCoreApplication.translate("Status", "put back unpacked"),
        "intercepted": QCoreApplication.translate("Status", "stopped by the office"),
    }
    return texts.get(status, status)


def short_reason_text(reason: str) -> str:
    texts = {
        "not_found": QCoreApplication.translate("Waves", "Not in the bin"),
        "damaged": QCoreApplication.translate("Waves", "Damaged"),
        "not_enough": QCoreApplication.translate("Waves", "Not enough in the bin"),
        "wrong_item": QCoreApplication.translate("Waves", "Wrong item in the bin"),
        "other": QCoreApplication.translate("Waves", "Other"),
    }
    return texts.get(reason, reason)


def item_name(verdict: Verdict, chinese: bool) -> str:
    name = verdict.name_zh if chinese else verdict.name_en
    return name or verdict.name_zh or verdict.sku_code or verdict.code


def verdict_text(verdict: Verdict, chinese: bool) -> str:
    k = VerdictKind
    name = item_name(verdict, chinese)
    w = verdict.weight
    templates: dict[VerdictKind, str] = {
        k.ORDER_LOADED: QCoreApplication.translate("Verdict", "Order {order} — scan the items"),
        k.SAME_ORDER: QCoreApplication.translate("Verdict", "Order {order} is already open — scan the items"),
        k.ACCEPTED: QCoreApplication.translate("Verdict", "✓ {name}  {scanned}/{required}"),
        k.LINE_COMPLETE: QCoreApplication.translate("Verdict", "✓ {name} complete ({scanned}/{required})"),
        k.ORDER_COMPLETE: QCoreApplication.translate(
            "Verdict", "All items checked — put the parcel on the scale"
        ),
        k.STEPS_LEFT: QCoreApplication.translate(
            "Verdict", "Items done — {quantity} instruction(s) left: see the cards on the right"
        ),
        k.STEP_CONFIRMED: QCoreApplication.translate("Verdict", "✓ Instruction done — carry on"),
        k.STEP_ALREADY_DONE: QCoreApplication.translate(
            "Verdict", "Already done — that card or sample is in; carry on"
        ),
        k.WRONG_INSERT: QCoreApplication.translate(
            "Verdict", "This card is not for order {order} — take it out, use the card printed for this order"
        ),
        k.NOTHING_TO_CONFIRM: QCoreApplication.translate("Verdict", "Nothing to confirm with F1 now"),
        k.CARDS_REPRINTED: QCoreApplication.translate(
            "Verdict", "Printing the {quantity} card(s) still missing again — scan each one into the parcel"
        ),
        k.PLAN_OVERRIDDEN: QCoreApplication.translate(
            "Verdict", "Supervisor let {quantity} instruction(s) go ({reason}) — put the parcel on the scale"
        ),
        k.WRONG_ITEM: QCoreApplication.translate(
            "Verdict", "This item is not in order {order}: {name} — put it back, scan the next item"
        ),
        k.OVER_SCAN: QCoreApplication.translate(
            "Verdict", "Too many: {name} needs only {required} — take the extra one out, scan the next item"
        ),
        k.CASE_TOO_BIG: QCoreApplication.translate(
            "Verdict",
            "Case of {quantity}, only {remaining} of {name} needed — open the case, scan single items",
        ),
        k.UNKNOWN_BARCODE: QCoreApplication.translate(
            "Verdict", "Unknown barcode {code} — check the label, or set the item aside for the supervisor"
        ),
        k.ORDER_NOT_FOUND: QCoreApplication.translate(
            "Verdict", "No order {code} — check the number and scan again"
        ),
        k.NO_ORDER_OPEN: QCoreApplication.translate(
            "Verdict", "Scan an order first — {name} was not counted"
        ),
        k.ALREADY_PACKED: QCoreApplication.translate(
            "Verdict", "Order {order} is already packed — do not ship it again"
        ),
        k.CANCELLED: QCoreApplication.translate(
            "Verdict", "Order {order} is CANCELLED — do not ship; put the items in the returns tote"
        ),
        k.ON_HOLD: QCoreApplication.translate(
            "Verdict",
            "Order {order} is ON HOLD ({reason}) — do not ship; a supervisor can release it with F7",
        ),
        k.OTHER_ORDER_OPEN: QCoreApplication.translate(
            "Verdict", "Order {order} is still open — finish it or press Esc to put it back, then scan {code}"
        ),
        k.ITEMS_MISSING: QCoreApplication.translate(
            "Verdict", "Still missing: {missing} — scan them before weighing"
        ),
        k.READY_TO_WEIGH: QCoreApplication.translate(
            "Verdict", "Everything is in — put the parcel on the scale (expected {quantity} g)"
        ),
        k.UNDONE: QCoreApplication.translate(
            "Verdict", "Undone: {name} ({scanned}/{required}) — take it out of the parcel"
        ),
        k.NOTHING_TO_UNDO: QCoreApplication.translate("Verdict", "Nothing to undo"),
        k.NOT_COUNTED: QCoreApplication.translate(
            "Verdict",
            "{name} was not counted — just take it out. F2 again takes back the last counted item",
        ),
        k.NOT_READY_TO_WEIGH: QCoreApplication.translate(
            "Verdict", "Not ready to weigh — still missing: {missing}"
        ),
        k.INVALID_WEIGHT: QCoreApplication.translate(
            "Verdict", "{quantity} g is not a parcel weight — weigh again"
        ),
        k.WEIGHT_FAILED: QCoreApplication.translate(
            "Verdict",
            "Weight off: {actual} g, expected {expected} ± {allowed} g — weigh again, or F6: supervisor",
        ),
        k.PACKED: QCoreApplication.translate("Verdict", "Packed {order} ✓ — scan the next order"),
        k.SCAN_SUPERVISOR: QCoreApplication.translate("Verdict", "Supervisor: scan your badge (Esc cancels)"),
        k.ENTER_PIN: QCoreApplication.translate("Verdict", "{detail}: type your PIN + Enter (Esc cancels)"),
        k.PIN_WRONG: QCoreApplication.translate(
            "Verdict", "Wrong PIN — {quantity} more tries, then the request is cancelled (Esc cancels)"
        ),
        k.PIN_LOCKED: QCoreApplication.translate(
            "Verdict", "Wrong PIN {quantity} times — cancelled; the supervisor starts again with F6 or F7"
        ),
        k.REWAYBILL: QCoreApplication.translate(
            "Verdict",
            "Re-waybill: {needed} required, the label is {carrier} — order {order} is on hold; "
            "put it on the hold shelf for a new waybill",
        ),
        k.NO_ROUTING: QCoreApplication.translate(
            "Verdict",
            "The {carrier} waybill of order {order} has no sort code — fetch the waybill again; "
            "the order is on hold, put it on the hold shelf",
        ),
        k.LABEL_CHECKED: QCoreApplication.translate(
            "Verdict",
            "Label checked: {detail} is on the parcel of order {order} — it may go; scan the next order",
        ),
        k.LABEL_MISMATCH: QCoreApplication.translate(
            "Verdict",
            "STOP — {code} is not the label of order {order} (its waybill is {detail}): "
            "put the right label on the parcel and scan it",
        ),
        k.NOT_A_SUPERVISOR: QCoreApplication.translate(
            "Verdict", "That is not a supervisor badge — a supervisor must scan theirs (Esc cancels)"
        ),
        k.CHOOSE_REASON: QCoreApplication.translate(
            "Verdict", "Choose a reason: press its number (Esc cancels)"
        ),
        k.UNKNOWN_REASON: QCoreApplication.translate(
            "Verdict", "Choose a reason: press its number (Esc cancels)"
        ),
        k.HELD: QCoreApplication.translate(
            "Verdict", "Order {order} is on hold ({reason}) — put it on the hold shelf"
        ),
        k.HOLD_RELEASED: QCoreApplication.translate(
            "Verdict", "Hold on {order} released by {detail} — scan the items"
        ),
        k.NOTHING_TO_RELEASE: QCoreApplication.translate(
            "Verdict", "No held order to release — scan the held order first"
        ),
        k.PROMPT_CANCELLED: QCoreApplication.translate("Verdict", "Cancelled — carry on"),
        k.ORDER_CLOSED: QCoreApplication.translate("Verdict", "Order {order} put back — not packed"),
        k.NOTHING_OPEN: QCoreApplication.translate("Verdict", "No order open — scan an order"),
        k.OPERATOR_BUSY: QCoreApplication.translate(
            "Verdict", "Finish or put back order {order} before another operator signs in"
        ),
        k.NOT_NOW: QCoreApplication.translate("Verdict", "Not possible now"),
        k.WAVE_STARTED: QCoreApplication.translate(
            "Verdict",
            "Single-item wave {code}: scan an item — each scan packs the next order ({quantity} left)",
        ),
        k.WAVE_ENDED: QCoreApplication.translate("Verdict", "Wave {code} left — scan an order"),
        k.WAVE_NOT_SINGLE: QCoreApplication.translate(
            "Verdict", "Wave {code} is picked into a cart — scan each order (or its tote) to pack it"
        ),
        k.WAVE_NO_ORDER: QCoreApplication.translate(
            "Verdict", "No order left in wave {code} needs {name} — set it aside for the supervisor"
        ),
        k.NOT_SAVED: QCoreApplication.translate(
            "Verdict",
            "Order {order} is NOT saved: {problem} — call the technician. The order stays open and is "
            "saved by itself once that is fixed; do not ship it yet",
        ),
        k.BAD_CHECK_DIGIT: QCoreApplication.translate(
            "Verdict",
            "Misprinted barcode: the check digit of ({code}) {detail} is wrong — not counted; "
            "set the item aside for the supervisor",
        ),
        k.BAD_GS1: QCoreApplication.translate(
            "Verdict",
            "This GS1 barcode's data is not valid (a wrong date or a short field) — not counted; "
            "set the item aside for the supervisor",
        ),
        k.INTERCEPTED: QCoreApplication.translate(
            "Verdict",
            "STOP — order {order} is now {status}: do not pack it. Put the {quantity} item(s) scanned on "
            "the put-back shelf (待放回) and scan the next order",
        ),
        k.ORDER_UPDATED: QCoreApplication.translate(
            "Verdict", "Order {order} changed in the office: {changes} — carry on, the label will show it"
        ),
        k.ORDER_UNCHANGED: QCoreApplication.translate("Verdict", "Order {order} — carry on"),
        k.INTERCEPT_PARCEL: QCoreApplication.translate(
            "Verdict",
            "STOP — order {order}, packed here, was CANCELLED: take its parcel back before it leaves, "
            "void the label, put the goods back (put-back list)",
        ),
        k.LABEL_REISSUED: QCoreApplication.translate(
            "Verdict",
            "Order {order}, packed here, now ships with {carrier}: a new label is printing — "
            "replace the label on the parcel; the old one is void",
        ),
        k.BOX_USED: QCoreApplication.translate(
            "Verdict", "✓ Box {name} ({quantity} g) — it counts in the expected weight"
        ),
        k.PARCEL_TO_WEIGH: QCoreApplication.translate(
            "Verdict",
            "Parcel {quantity} ({scanned} item(s)): close it and put it on the scale to seal it "
            "(expected {required} g)",
        ),
        k.PARCEL_SEALED: QCoreApplication.translate(
            "Verdict",
            "✓ Parcel {quantity} sealed ({scanned} item(s), {actual} g) — set it aside, scan the items "
            "for the next parcel",
        ),
        k.PARCEL_EMPTY: QCoreApplication.translate(
            "Verdict", "Parcel {quantity} is empty — scan the items that go in it, then Ins"
        ),
        k.NOTHING_TO_SPLIT: QCoreApplication.translate(
            "Verdict", "Every item left is in this parcel: it is the last one — put it on the scale"
        ),
        k.NO_WAYBILL: QCoreApplication.translate(
            "Verdict",
            "No waybill number here for a parcel {quantity} ({carrier}) — pack the rest in this parcel, "
            "or put the order on hold (F3) until the station is online",
        ),
        k.STORE_ERROR: QCoreApplication.translate(
            "Verdict",
            "The station cannot read its database: {problem} — call the technician; nothing was changed",
        ),
        k.SCAN_SERIAL: QCoreApplication.translate(
            "Verdict", "Scan the serial number label of {name} — it counts once its serial is scanned"
        ),
        k.SERIAL_DUE: QCoreApplication.translate(
            "Verdict", "Scan the serial number label of {name} first — or F2 to take that item back"
        ),
        k.SERIAL_NEEDED: QCoreApplication.translate(
            "Verdict",
            "{name} needs its serial number: scan the code that carries it (the 2-D code) — not counted",
        ),
        k.LOT_NEEDED: QCoreApplication.translate(
            "Verdict",
            "{name} needs its lot and expiry date: scan the GS1 code on the item that carries them — "
            "not counted",
        ),
        k.EXPIRED: QCoreApplication.translate(
            "Verdict", "EXPIRED: {name} — not counted; put it in quarantine and take another one"
        ),
        k.SHELF_LIFE: QCoreApplication.translate(
            "Verdict",
            "Shelf life too short: {scanned} days left, this order needs at least {required} — "
            "put {name} back and take another one",
        ),
        k.RECALLED: QCoreApplication.translate(
            "Verdict",
            "RECALLED lot: {name} ({detail}) — do not ship; put it in quarantine and take one of another lot",
        ),
        k.SERIAL_TWICE: QCoreApplication.translate(
            "Verdict", "Serial {detail} is already in this order — the same unit twice; scan another unit"
        ),
        k.SERIAL_SHIPPED: QCoreApplication.translate(
            "Verdict",
            "This unit's serial already left with order {detail} — a copied label: set {name} aside "
            "for the supervisor",
        ),
        k.OLDER_LOT: QCoreApplication.translate(
            "Verdict",
            "An older lot ({detail}) of {name} is still in stock — take that one first; not counted",
        ),
        k.OLDER_LOT_COUNTED: QCoreApplication.translate(
            "Verdict",
            "✓ {name} {scanned}/{required} — an older lot ({detail}) is still in stock: "
            "take it first next time",
        ),
    }
    if verdict.kind is k.LABEL_CHECKED and verdict.quantity > 0:
        return QCoreApplication.translate(
            "Verdict", "Label checked: {detail} — {quantity} more parcel label(s) of order {order} to scan"
        ).format(detail=verdict.detail, quantity=verdict.quantity, order=verdict.order_no)
    if verdict.kind in (k.UNKNOWN_BARCODE, k.ORDER_NOT_FOUND) and not verdict.code:
        return QCoreApplication.translate("Verdict", "Unreadable scan — scan again")
    if verdict.kind is k.SCAN_SUPERVISOR and verdict.detail == "split":
        return QCoreApplication.translate(
            "Verdict",
            "Order {order} in more than one parcel needs a supervisor: scan your badge (Esc cancels)",
        ).format(order=verdict.order_no)
    if verdict.kind is k.INTERCEPTED and verdict.detail == "lines_changed":
        return QCoreApplication.translate(
            "Verdict",
            "STOP — the items of order {order} were changed in the office: put the {quantity} item(s) "
            "scanned aside and scan the order again",
        ).format(order=verdict.order_no, quantity=verdict.quantity)
    remaining = verdict.required - verdict.scanned
    return templates[verdict.kind].format(
        order=verdict.order_no,
        code=elide_code(verdict.code, 60),
        name=name,
        scanned=verdict.scanned,
        required=verdict.required,
        quantity=verdict.quantity,
        remaining=remaining,
        reason=reason_text(verdict.detail),
        detail=verdict.detail,
        actual=w.actual_g if w else "",
        expected=w.expected_g if w else "",
        allowed=w.allowed_g if w else "",
        problem=store_problem_text(verdict.detail),
        missing=missing_text(verdict, chinese),
        needed=carrier_text(verdict.code),
        carrier=carrier_text(verdict.detail),
        status=status_text(verdict.detail) if verdict.kind is k.INTERCEPTED else "",
        changes=changes_text(verdict.detail) if verdict.kind is k.ORDER_UPDATED else "",
    )


def changes_text(changes: str) -> str:
    """ "address,carrier" as a packer reads it."""
    texts = {
        "address": QCoreApplication.translate("Verdict", "a new address"),
        "carrier": QCoreApplication.translate("Verdict", "another carrier and waybill"),
    }
    return QCoreApplication.translate("Verdict", ", ").join(texts.get(c, c) for c in changes.split(",") if c)


def missing_text(verdict: Verdict, chinese: bool, shown: int = 4) -> str:
    """ "2 × 精华液, 1 × 马克杯 (+3 more)": the lines still to scan, the first few by name."""
    parts = [
        QCoreApplication.translate("Verdict", "{quantity} × {name}").format(
            quantity=m.quantity, name=(m.name_zh if chinese else m.name_en) or m.name_zh or m.sku_code
        )
        for m in verdict.missing[:shown]
    ]
    more = len(verdict.missing) - shown
    if more > 0:
        parts.append(QCoreApplication.translate("Verdict", "(+{count} more lines)").format(count=more))
    return QCoreApplication.translate("Verdict", ", ").join(parts)


def store_problem_text(code: str) -> str:
    """A database problem (app.store.errors codes) in words a packer can pass on."""
    texts = {
        "disk_full": QCoreApplication.translate("Store", "the disk is full"),
        "database_corrupt": QCoreApplication.translate("Store", "the database file is damaged"),
        "database_locked": QCoreApplication.translate("Store", "another program holds the database"),
        "database_unavailable": QCoreApplication.translate(
            "Store", "the database cannot be written (read-only or missing)"
        ),
        "database_too_new": QCoreApplication.translate("Store", "the database is from a newer Packline"),
    }
    return texts.get(code, QCoreApplication.translate("Store", "the database does not answer"))


def sound_for(verdict: Verdict) -> str | None:
    return {
        Severity.OK: "accept",
        Severity.DONE: "complete",
        Severity.ERROR: "error",
        Severity.PROMPT: "prompt",
    }.get(verdict.severity)


def pack_conflict_text(order_no: str, status: str) -> str:
    return QCoreApplication.translate(
        "Verdict",
        "Order {order} was {status} meanwhile — NOT packed; set the parcel aside for the supervisor",
    ).format(order=order_no, status=status_text(status))


def save_failed_text(order_no: str) -> str:
    return QCoreApplication.translate(
        "Verdict", "Saving order {order} failed — set the parcel aside and call the technician"
    ).format(order=order_no)


def channel_text(channel: str) -> str:
    texts = {
        "taobao": QCoreApplication.translate("Channel", "Taobao"),
        "tmall": QCoreApplication.translate("Channel", "Tmall"),
        "jd": QCoreApplication.translate("Channel", "JD.com"),
        "douyin": QCoreApplication.translate("Channel", "Douyin"),
        "pinduoduo": QCoreApplication.translate("Channel", "Pinduoduo"),
        "xiaohongshu": QCoreApplication.translate("Channel", "Xiaohongshu"),
        "kuaishou": QCoreApplication.translate("Channel", "Kuaishou"),
        "wechat": QCoreApplication.translate("Channel", "WeChat shop"),
        "own_shop": QCoreApplication.translate("Channel", "Own shop"),
    }
    return texts.get(channel, channel)


def carrier_text(carrier: str) -> str:
    texts = {
        "SF": QCoreApplication.translate("Carrier", "SF Express"),
        "ZTO": QCoreApplication.translate("Carrier", "ZTO Express"),
        "YTO": QCoreApplication.translate("Carrier", "YTO Express"),
        "YUNDA": QCoreApplication.translate("Carrier", "Yunda Express"),
        "STO": QCoreApplication.translate("Carrier", "STO Express"),
        "JD": QCoreApplication.translate("Carrier", "JD Logistics"),
        "EMS": QCoreApplication.translate("Carrier", "China Post EMS"),
        "JTEXPRESS": QCoreApplication.translate("Carrier", "J&T Express"),
    }
    return texts.get(carrier, carrier)


def overdue_text(ship_by: datetime | None, now: datetime) -> str:
    """How long past its ship-by an order is ("" when it is not): days once it is a day late,
    hours before that. A naive time is UTC, as stored."""
    if ship_by is None:
        return ""
    if ship_by.tzinfo is None:
        ship_by = ship_by.replace(tzinfo=now.tzinfo)
    late = now - ship_by
    if late.total_seconds() <= 0:
        return ""
    if late.days >= 1:
        return QCoreApplication.translate("Deadline", "{days} d overdue").format(days=late.days)
    hours = max(1, int(late.total_seconds() // 3600))
    return QCoreApplication.translate("Deadline", "{hours} h overdue").format(hours=hours)


def tier_text(tier: str) -> str:
    texts = {
        "normal": QCoreApplication.translate("Customer", "Member"),
        "silver": QCoreApplication.translate("Customer", "Silver"),
        "gold": QCoreApplication.translate("Customer", "Gold"),
        "vip": QCoreApplication.translate("Customer", "VIP"),
    }
    return texts.get(tier, tier)


def tag_text(tag: str) -> str:
    texts = {
        "vip": QCoreApplication.translate("Customer", "VIP"),
        "new": QCoreApplication.translate("Customer", "new customer"),
        "birthday_month": QCoreApplication.translate("Customer", "birthday month"),
        "churn_risk": QCoreApplication.translate("Customer", "churn risk"),
        "enterprise": QCoreApplication.translate("Customer", "enterprise"),
    }
    return texts.get(tag, tag)


def pref_text(key: str, value: str) -> str:
    if key == "packaging" and value == "simple":
        return QCoreApplication.translate("Customer", "simple packaging")
    if key == "no_price_tag":
        return QCoreApplication.translate("Customer", "no price tags")
    if key == "preferred_carrier":
        return QCoreApplication.translate("Customer", "prefers {carrier}").format(carrier=carrier_text(value))
    if key == "ship_days" and value == "sat":
        return QCoreApplication.translate("Customer", "deliver on Saturday")
    return f"{key}: {value}"


def reading_state_text(state: str) -> str:
    texts = {
        "overload": QCoreApplication.translate("Scale", "OVERLOAD"),
        "underload": QCoreApplication.translate("Scale", "below zero — zero the scale"),
        "error": QCoreApplication.translate("Scale", "scale error"),
        "ok": QCoreApplication.translate("Scale", "no weight"),
    }
    return texts.get(state, state)


def action_name(action: str) -> str:
    names = {
        "priority": QCoreApplication.translate("Plan", "Priority"),
        "carrier": QCoreApplication.translate("Plan", "Carrier"),
        "packaging": QCoreApplication.translate("Plan", "Packaging"),
        "ship_not_before": QCoreApplication.translate("Plan", "Ship date"),
        "insert": QCoreApplication.translate("Plan", "Insert card"),
        "sample": QCoreApplication.translate("Plan", "Free sample"),
        "hide_prices": QCoreApplication.translate("Plan", "Hide prices on the slip"),
        "remove_price_tags": QCoreApplication.translate("Plan", "Remove price tags"),
        "call_back": QCoreApplication.translate("Plan", "Call the customer back"),
        "split_allowed": QCoreApplication.translate("Plan", "Split shipment allowed"),
        "vat_invoice": QCoreApplication.translate("Plan", "VAT invoice"),
        "check_personalisation": QCoreApplication.translate("Plan", "Check personalisation"),
        "instruction": QCoreApplication.translate("Plan", "Instruction"),
        "min_shelf_life": QCoreApplication.translate("Plan", "Minimum shelf life"),
    }
    return names.get(str(action), str(action))


def field_name(field: str) -> str:
    """What a rule condition asks about, for the rule editor."""
    names = {
        "customer.tier": QCoreApplication.translate("Rules", "Customer tier"),
        "customer.tags": QCoreApplication.translate("Rules", "Customer tags"),
        "customer.first_order": QCoreApplication.translate("Rules", "First order"),
        "customer.birthday_month": QCoreApplication.translate("Rules", "Birthday month"),
        "customer.days_since_last_order": QCoreApplication.translate("Rules", "Days since last order"),
        "customer.returns_count": QCoreApplication.translate("Rules", "Returns received"),
        "customer.return_rate_pct": QCoreApplication.translate("Rules", "Return rate (%)"),
        "customer.days_since_problem": QCoreApplication.translate("Rules", "Days since the last return"),
        "customer.last_problem": QCoreApplication.translate("Rules", "Reason of the last return"),
        "customer.lifetime_value_cents": QCoreApplication.translate("Rules", "Lifetime value (fen)"),
        "customer.pref.packaging": QCoreApplication.translate("Rules", "Preferred packaging"),
        "customer.pref.no_price_tags": QCoreApplication.translate("Rules", "Asked for no price tags"),
        "customer.pref.preferred_carrier": QCoreApplication.translate("Rules", "Preferred carrier"),
        "customer.pref.ship_days": QCoreApplication.translate("Rules", "Ship days"),
        "customer.pref.note": QCoreApplication.translate("Rules", "Customer note"),
        "order.channel": QCoreApplication.translate("Rules", "Order channel"),
        "order.carrier": QCoreApplication.translate("Rules", "Order carrier"),
        "order.amount_cents": QCoreApplication.translate("Rules", "Order amount (fen)"),
        "order.item_count": QCoreApplication.translate("Rules", "Item count"),
        "order.note": QCoreApplication.translate("Rules", "Order notes"),
        "order.custom_fields": QCoreApplication.translate("Rules", "Custom fields"),
        "order.hours_to_ship_by": QCoreApplication.translate("Rules", "Hours to ship-by"),
        "item.sku": QCoreApplication.translate("Rules", "Item SKUs"),
        "item.category": QCoreApplication.translate("Rules", "Item categories"),
    }
    return names.get(field, field)


def operator_name(op: str) -> str:
    names = {
        "eq": QCoreApplication.translate("Rules", "is"),
        "ne": QCoreApplication.translate("Rules", "is not"),
        "in": QCoreApplication.translate("Rules", "is one of"),
        "not_in": QCoreApplication.translate("Rules", "is none of"),
        "contains": QCoreApplication.translate("Rules", "contains"),
        "contains_any": QCoreApplication.translate("Rules", "contains any of"),
        "not_contains": QCoreApplication.translate("Rules", "does not contain"),
        "gte": QCoreApplication.translate("Rules", "at least"),
        "lte": QCoreApplication.translate("Rules", "at most"),
        "gt": QCoreApplication.translate("Rules", "more than"),
        "lt": QCoreApplication.translate("Rules", "less than"),
        "is_true": QCoreApplication.translate("Rules", "is yes"),
        "is_false": QCoreApplication.translate("Rules", "is no"),
        "exists": QCoreApplication.translate("Rules", "is set"),
        "missing": QCoreApplication.translate("Rules", "is not set"),
    }
    return names.get(op, op)


def step_text(step: Step, chinese: bool) -> str:
    """One instruction card in plain words, in the station's language."""
    p = step.params
    match step.action:
        case ActionKind.PRIORITY:
            return QCoreApplication.translate("Plan", "Priority order (level {level})").format(
                level=p.get("level")
            )
        case ActionKind.CARRIER:
            return QCoreApplication.translate("Plan", "Ship with {carrier}").format(
                carrier=carrier_text(str(p.get("carrier")))
            )
        case ActionKind.PACKAGING:
            kinds = {
                "simple": QCoreApplication.translate("Plan", "Simple packaging: no extra box, no filler"),
                "gift": QCoreApplication.translate("Plan", "Gift packaging: gift box and ribbon"),
                "standard": QCoreApplication.translate("Plan", "Standard packaging"),
            }
            return kinds.get(str(p.get("type")), str(p.get("type")))
        case ActionKind.INSERT:
            cards = {
                "vip": QCoreApplication.translate("Plan", "VIP thank-you card"),
                "birthday": QCoreApplication.translate("Plan", "Birthday card"),
                "welcome": QCoreApplication.translate("Plan", "Welcome card"),
                "coupon": QCoreApplication.translate("Plan", "We-miss-you coupon card"),
                "aftercare": QCoreApplication.translate(
                    "Plan", "After-sales care card (sorry, and a coupon)"
                ),
            }
            return QCoreApplication.translate("Plan", "Put in: {card}").format(
                card=cards.get(str(p.get("template")), str(p.get("template")))
            )
        case ActionKind.SAMPLE:
            return QCoreApplication.translate("Plan", "Free sample {sku} × {quantity}").format(
                sku=p.get("sku"), quantity=p.get("quantity", 1)
            )
        case ActionKind.HIDE_PRICES:
            return QCoreApplication.translate("Plan", "No prices on the packing slip")
        case ActionKind.REMOVE_PRICE_TAGS:
            return QCoreApplication.translate("Plan", "Remove every price tag")
        case ActionKind.CALL_BACK:
            return QCoreApplication.translate("Plan", "Call-back: {note}").format(note=p.get("note", ""))
        case ActionKind.SHIP_NOT_BEFORE:
            if "weekdays" in p:
                days = (
                    "、".join(str(d) for d in p["weekdays"])
                    if chinese
                    else ", ".join(str(d) for d in p["weekdays"])
                )
                return QCoreApplication.translate(
                    "Plan", "Ship only on weekdays {days} (1 = Monday): keep the parcel back today"
                ).format(days=days)
            return QCoreApplication.translate(
                "Plan", "Do not ship before {date}: keep the parcel back"
            ).format(date=p.get("date"))
        case ActionKind.SPLIT_ALLOWED:
            return QCoreApplication.translate("Plan", "Split shipment allowed")
        case ActionKind.VAT_INVOICE:
            return QCoreApplication.translate("Plan", "Put the VAT invoice in")
        case ActionKind.CHECK_PERSONALISATION:
            fields = "; ".join(
                ", ".join(f"{k}: {v}" for k, v in item.items()) for item in p.get("fields", [])
            )
            return QCoreApplication.translate(
                "Plan", "Personalised — check the item matches: {fields}"
            ).format(fields=fields)
        case ActionKind.INSTRUCTION:
            return str(p.get("zh") if chinese or not p.get("en") else p.get("en"))
        case ActionKind.MIN_SHELF_LIFE:
            return QCoreApplication.translate(
                "Plan", "Every dated item needs at least {days} days before it expires"
            ).format(days=p.get("days"))
    return str(step.action)


def plan_verdict_text(verdict: Verdict, state: PackState | None, chinese: bool) -> str | None:
    """A plan verdict that names the instructions: which one F1 (or a scan) just confirmed and which
    comes next, so nobody confirms what they cannot see. None: not a plan verdict (or no plan)."""
    if state is None or state.order is None:
        return None
    steps = {s.id: s for s in state.plan.steps}
    done = steps.get(verdict.step_id)
    following = state.open_steps[0] if state.open_steps else None
    nxt = (
        QCoreApplication.translate("Plan", "next: {step} — {how}").format(
            step=step_text(following, chinese), how=step_how(following, state, chinese)
        )
        if following is not None
        else ""
    )
    if verdict.kind is VerdictKind.STEPS_LEFT and following is not None:
        return QCoreApplication.translate("Plan", "Items done — {next} ({count} left)").format(
            next=nxt, count=len(state.open_steps)
        )
    if done is None or verdict.kind not in (VerdictKind.STEP_CONFIRMED, VerdictKind.ORDER_COMPLETE):
        return None
    what = step_text(done, chinese)
    if done.confirm is Confirm.SCAN_SAMPLE and verdict.scanned < verdict.required:
        what += f" ({verdict.scanned}/{verdict.required})"
    if following is None:
        return QCoreApplication.translate(
            "Plan", "✓ {done} — all instructions done: put the parcel on the scale"
        ).format(done=what)
    return QCoreApplication.translate("Plan", "✓ {done} — {next}").format(done=what, next=nxt)


def step_how(step: Step, state: PackState, chinese: bool) -> str:
    match step.confirm:
        case Confirm.SCAN_INSERT:
            return QCoreApplication.translate("Plan", "scan the barcode on the card")
        case Confirm.SCAN_SAMPLE:
            return QCoreApplication.translate("Plan", "scan the sample ({have}/{need})").format(
                have=state.confirmations(step), need=state.needed(step)
            )
        case Confirm.KEY:
            return QCoreApplication.translate("Plan", "done? press F1 or scan #PL:CONFIRM")
    return ""


def clip_place(clip: p.ClipFound) -> dict[str, str]:
    """Where a pack's clip is, as the server says, for a sentence's {station}, {when} and {sha}."""
    return {
        "station": clip.station,
        "when": clip.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        "sha": clip.sha256[:12] or "—",
    }
