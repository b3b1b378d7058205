"""The pack session's events as plain JSON values: what the station stores with every scan, key,
weight and PIN result, so that an interrupted session is restored by replaying exactly what
happened (`replay`), not by guessing it back from the audit trail's words.

An order scan, and a change to the open order the server sent, are stored by the order's number:
on replay the order is read again. Everything else is stored whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from app.core.commands import Command
from app.core.decisions import Signed
from app.core.model import Box, Operator, Role
from app.core.pack_session import (
    BadgeFound,
    BoxFound,
    Commanded,
    Event,
    HoldReleased,
    ItemFound,
    NotFound,
    OrderChanged,
    OrderFound,
    OrderHeld,
    OrderIntercepted,
    PackCompleted,
    PackState,
    PinChecked,
    ReasonGiven,
    Resolution,
    Scanned,
    SerialScanned,
    SessionClosed,
    WeightEntered,
    step,
)
from app.core.trace import Unit, UnitFacts

Json = dict[str, Any]
# An input the station refused before the session saw it (a split with no waybill number left):
# kept in the audit trail, skipped by the replay.
REFUSED: Json = {"type": "refused"}
# Effects written after their event's audit row: found in an open session, they did not land.
UNFINISHED_WRITES = (PackCompleted, OrderHeld, SessionClosed, HoldReleased, OrderIntercepted)


def encode(event: Event) -> Json:
    match event:
        case Scanned(code=code, resolution=resolution):
            return {"type": "scanned", "code": code, "resolution": _encode_resolution(resolution)}
        case Commanded(command=command):
            return {"type": "command", "command": command.value}
        case WeightEntered(grams=grams, source=source):
            return {"type": "weight", "grams": grams, "source": source}
        case ReasonGiven(reason=reason, proof=proof):
            return {"type": "reason", "reason": reason, **_proof(proof)}
        case PinChecked(ok=ok, proof=proof):
            return {"type": "pin", "ok": ok, **_proof(proof)}
        case OrderChanged(order=order):
            return {"type": "order_changed", "order_no": order.order_no}
    raise TypeError(f"not a pack session event: {event!r}")


def _proof(proof: Signed | None) -> Json:
    """A signed decision is stored with its event (a signature, not a secret): a session restored
    after a crash still carries the supervisor's proof to the pack."""
    return {} if proof is None else {"proof": proof.to_json()}


def _signed(data: Mapping[str, Any]) -> Signed | None:
    stored = data.get("proof")
    return None if stored is None else Signed.from_json(stored)


def _encode_resolution(resolution: Resolution) -> Json:
    match resolution:
        case OrderFound(order=order):
            return {"type": "order", "order_no": order.order_no}
        case ItemFound(sku_code=sku, pack_qty=qty, name_zh=zh, name_en=en) as item:
            traced = {}
            if not item.unit.empty or item.scanned_on is not None:
                traced = {"unit": item.unit.to_json(), "facts": _facts(item.facts),
                          "scanned_on": item.scanned_on.isoformat() if item.scanned_on else ""}  # fmt: skip
            return {"type": "item", "sku_code": sku, "pack_qty": qty, "name_zh": zh, "name_en": en, **traced}
        case SerialScanned(serial=serial, facts=facts):
            return {"type": "serial", "serial": serial, "facts": _facts(facts)}
        case BadgeFound(operator=o):
            return {"type": "badge", "operator_id": o.operator_id, "badge": o.badge_code, "name": o.name,
                    "role": o.role.value}  # fmt: skip
        case NotFound(code=code):
            return {"type": "none", "code": code}
        case BoxFound(box=b):
            return {"type": "box", "code": b.code, "name_zh": b.name_zh, "name_en": b.name_en,
                    "weight_g": b.weight_g, "volume_cm3": b.volume_cm3}  # fmt: skip
    raise TypeError(f"not a resolution: {resolution!r}")


def _facts(facts: UnitFacts) -> Json:
    return {"recalled": facts.recalled, "older_lot": facts.older_lot, "shipped_on": facts.shipped_on,
            "older_expiry": facts.older_expiry.isoformat() if facts.older_expiry else ""}  # fmt: skip


def _unfacts(data: Mapping[str, Any]) -> UnitFacts:
    older = str(data.get("older_expiry") or "")
    return UnitFacts(
        recalled=str(data.get("recalled") or ""),
        older_lot=str(data.get("older_lot") or ""),
        older_expiry=date.fromisoformat(older) if older else None,
        shipped_on=str(data.get("shipped_on") or ""),
    )


def decode(data: Mapping[str, Any], order: Callable[[str], Resolution]) -> Event | None:
    """The event `encode` stored (None: `REFUSED`, nothing to replay); `order(order_no)` reads an
    order again. A value that is not an event raises ValueError (a damaged row)."""
    try:
        match data["type"]:
            case "refused":
                return None
            case "scanned":
                return Scanned(str(data["code"]), _decode_resolution(data["resolution"], order))
            case "command":
                return Commanded(Command(data["command"]))
            case "weight":
                return WeightEntered(int(data["grams"]), str(data["source"]))
            case "reason":
                return ReasonGiven(str(data["reason"]), _signed(data))
            case "pin":
                return PinChecked(bool(data["ok"]), _signed(data))
            case "order_changed":
                found = order(str(data["order_no"]))
                if not isinstance(found, OrderFound):
                    raise ValueError(f"order {data['order_no']} is gone")
                return OrderChanged(found.order)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a stored pack event: {data!r}") from exc
    raise ValueError(f"not a stored pack event: {data!r}")


def _decode_resolution(data: Mapping[str, Any], order: Callable[[str], Resolution]) -> Resolution:
    match data["type"]:
        case "order":
            return order(str(data["order_no"]))
        case "item":
            scanned_on = str(data.get("scanned_on") or "")
            return ItemFound(
                str(data["sku_code"]),
                int(data["pack_qty"]),
                str(data["name_zh"]),
                str(data["name_en"]),
                Unit.from_json(data.get("unit") or {}),
                _unfacts(data.get("facts") or {}),
                date.fromisoformat(scanned_on) if scanned_on else None,
            )
        case "serial":
            return SerialScanned(str(data["serial"]), _unfacts(data.get("facts") or {}))
        case "badge":
            operator = Operator(
                int(data["operator_id"]), str(data["badge"]), str(data["name"]), Role(data["role"])
            )
            return BadgeFound(operator)
        case "none":
            return NotFound(str(data["code"]))
        case "box":
            box = Box(str(data["code"]), str(data["name_zh"]), str(data["name_en"]), int(data["weight_g"]),
                      int(data["volume_cm3"]))  # fmt: skip
            return BoxFound(box)
    raise ValueError(f"not a stored resolution: {data!r}")


def replay(state: PackState, events: Iterable[Event]) -> PackState:
    """The state the events lead to from `state`, up to the first whose outcome writes the
    session's end or another order's change (a pack, a hold, a put-back, a release): the session
    is still open, so that write never reached the disk, and the packer does that step again."""
    for event in events:
        outcome = step(state, event)
        if any(isinstance(effect, UNFINISHED_WRITES) for effect in outcome.effects):
            break
        state = outcome.state
    return state
