"""What the returns desk says, in the station's language: verdicts, reasons, grades, where a unit
goes, who is responsible and the evidence for it (app.core.returns gives codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.returns import Evidence, ReturnOutcome, ReturnVerdict


def reason_text(code: str) -> str:
    return {
        "quality": QCoreApplication.translate("Returns", "Quality problem"),
        "wrong_size": QCoreApplication.translate("Returns", "Wrong size"),
        "not_as_described": QCoreApplication.translate("Returns", "Not as described"),
        "damaged_in_transit": QCoreApplication.translate("Returns", "Damaged in transit"),
        "wrong_item_sent": QCoreApplication.translate("Returns", "Wrong item sent"),
        "missing_parts": QCoreApplication.translate("Returns", "Missing parts"),
        "changed_mind": QCoreApplication.translate("Returns", "Changed mind (7 days)"),
        "late_delivery": QCoreApplication.translate("Returns", "Delivery too late"),
        "duplicate_order": QCoreApplication.translate("Returns", "Ordered twice"),
        "expired": QCoreApplication.translate("Returns", "Expired or near expiry"),
        "unsuitable": QCoreApplication.translate("Returns", "Unsuitable (allergy, does not fit the use)"),
        "other": QCoreApplication.translate("Returns", "Other"),
    }.get(code, code)


def grade_text(code: str) -> str:
    return {
        "resellable": QCoreApplication.translate("Returns", "Resellable as new"),
        "repack": QCoreApplication.translate("Returns", "Needs repacking"),
        "damaged": QCoreApplication.translate("Returns", "Damaged"),
        "scrap": QCoreApplication.translate("Returns", "Scrap"),
    }.get(code, code)


def disposition_text(code: str) -> str:
    return {
        "restock": QCoreApplication.translate("Returns", "back to its bin"),
        "repack": QCoreApplication.translate("Returns", "to the repack bench"),
        "quarantine": QCoreApplication.translate("Returns", "to quarantine"),
        "scrap": QCoreApplication.translate("Returns", "scrap"),
    }.get(code, code)


def responsibility_text(code: str) -> str:
    return {
        "warehouse": QCoreApplication.translate("Returns", "Warehouse (pick or pack error)"),
        "carrier": QCoreApplication.translate("Returns", "Carrier (transit)"),
        "product": QCoreApplication.translate("Returns", "Product (quality, description)"),
        "customer": QCoreApplication.translate("Returns", "Customer"),
    }.get(code, code)


def evidence_text(evidence: Evidence) -> str:
    get = evidence.get
    match evidence.code:
        case "weight_ok":
            return QCoreApplication.translate(
                "Returns",
                "Weighed {actual} g at packing, expected {expected} ± {allowed} g: within tolerance",
            ).format(actual=get("actual"), expected=get("expected"), allowed=get("allowed"))
        case "weight_overridden":
            return QCoreApplication.translate(
                "Returns",
                "Weighed {actual} g at packing, expected {expected} g: "
                "let through by a supervisor ({reason})",
            ).format(actual=get("actual"), expected=get("expected"), reason=get("reason"))
        case "weight_off":
            return QCoreApplication.translate(
                "Returns", "Weighed {actual} g at packing, expected {expected} g"
            ).format(actual=get("actual"), expected=get("expected"))
        case "all_scanned":
            return QCoreApplication.translate(
                "Returns", "Every unit was verified by scan at packing ({packer})"
            ).format(packer=get("packer"))
        case "not_all_scanned":
            return QCoreApplication.translate("Returns", "Not every unit was verified by scan at packing")
        case "plan_overridden":
            return QCoreApplication.translate(
                "Returns", "Instructions were let go at packing by a supervisor ({reason})"
            ).format(reason=get("reason"))
        case "not_in_order":
            return QCoreApplication.translate("Returns", "{sku} came back but was not in the order").format(
                sku=get("sku")
            )
        case "unit_swapped":
            return QCoreApplication.translate(
                "Returns", "{sku} came back as {returned}, but the order shipped {shipped}: not the unit sent"
            ).format(sku=get("sku"), returned=get("returned"), shipped=get("shipped"))
        case "return_light":
            return QCoreApplication.translate(
                "Returns",
                "The return weighs {actual} g, its units should weigh {units} g: something is missing",
            ).format(actual=get("actual"), units=get("units"))
        case "reason_transit":
            return QCoreApplication.translate(
                "Returns", "Reason given: damage or delay in transit ({carrier})"
            ).format(carrier=get("carrier"))
        case "reason_content":
            return QCoreApplication.translate("Returns", "Reason given: a wrong or missing item")
        case "reason_product":
            return QCoreApplication.translate("Returns", "Reason given: the product itself")
        case "reason_customer":
            return QCoreApplication.translate("Returns", "Reason given: the customer's choice")
    return evidence.code


def verdict_text(outcome: ReturnOutcome) -> str:
    v = ReturnVerdict
    detail = outcome.detail
    match outcome.verdict:
        case v.FOUND:
            return QCoreApplication.translate(
                "Returns", "Return of order {order} — scan each unit that came back"
            ).format(order=detail)
        case v.NOT_FOUND:
            return QCoreApplication.translate(
                "Returns",
                "Nothing found for {code} — scan the waybill, the order number, the phone or the RMA code",
            ).format(code=detail)
        case v.NOT_PACKED:
            return QCoreApplication.translate(
                "Returns",
                "Order {order} was never packed — nothing to check against; give it to the supervisor",
            ).format(order=detail)
        case v.ITEM_ADDED:
            return QCoreApplication.translate(
                "Returns", "{sku}: why did it come back? Type the reason's number + Enter"
            ).format(sku=detail)
        case v.UNEXPECTED_ITEM:
            return QCoreApplication.translate(
                "Returns",
                "{sku} is NOT in this order (or one more than was sent) — keep it apart: "
                "its label says quarantine",
            ).format(sku=detail)
        case v.SCAN_SERIAL:
            return QCoreApplication.translate(
                "Returns", "{sku} was shipped by serial number — scan the serial label of this unit"
            ).format(sku=detail)
        case v.UNIT_SWAPPED:
            return QCoreApplication.translate(
                "Returns",
                "NOT the unit shipped: {code} did not leave with this order — keep it apart in quarantine; "
                "the records say: customer",
            ).format(code=detail)
        case v.UNKNOWN_CODE:
            return QCoreApplication.translate(
                "Returns", "Unknown barcode {code} — set the unit aside for the supervisor"
            ).format(code=detail)
        case v.REASON_SET:
            return QCoreApplication.translate(
                "Returns", "Reason: {reason} — its state? Type the grade's number + Enter"
            ).format(reason=reason_text(detail))
        case v.ITEM_DONE:
            return QCoreApplication.translate(
                "Returns", "✓ Label printing — the unit goes {where}; scan the next"
            ).format(where=disposition_text(detail))
        case v.WEIGHED:
            return QCoreApplication.translate("Returns", "Return parcel: {grams} g").format(grams=detail)
        case v.INVALID_CHOICE:
            return QCoreApplication.translate(
                "Returns", "{choice} is not one of the numbers shown — type one + Enter"
            ).format(choice=detail)
        case v.PROPOSED:
            return QCoreApplication.translate(
                "Returns", "The records say: {who} — Enter confirms, or type 1–4 for another"
            ).format(who=responsibility_text(detail))
        case v.RECEIVED:
            return QCoreApplication.translate(
                "Returns",
                "Return received ({who}) — the service ticket and refund go to the server; "
                "scan the next return",
            ).format(who=responsibility_text(detail))
        case v.NOTHING_RETURNED:
            return QCoreApplication.translate("Returns", "Scan the units that came back first")
        case v.UNDONE:
            return QCoreApplication.translate("Returns", "Taken back out — scan the next unit")
        case v.NOTHING_TO_UNDO:
            return QCoreApplication.translate("Returns", "Nothing to undo")
        case v.CANCELLED:
            return QCoreApplication.translate(
                "Returns", "Cancelled — scan a return's waybill, order number, phone or RMA code"
            )
        case v.FINISH_FIRST:
            return QCoreApplication.translate("Returns", "This return has units in it — F8 finishes it")
    return QCoreApplication.translate("Returns", "Not possible now")
