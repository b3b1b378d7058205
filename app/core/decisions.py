"""The decisions only a supervisor may make, as the station signs them and the server checks them.

Each decision is what was decided, about which order (wave, rule, station), with the facts that
make it that decision and no other (the weight let through, the reason, the steps left undone,
a fingerprint of the rule or of the wave's orders), by whom; `proof` is the signature the station
made when the supervisor typed their PIN (app.core.auth.sign over app.core.auth.decision). Built
here from an event's payload for the server, and from the same values for the station, so the two
sign and check the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.auth import decision, digest, sign

if TYPE_CHECKING:
    from nacl.signing import SigningKey

HOLD_RELEASE = "hold_release"
WEIGHT_OVERRIDE = "weight_override"
PLAN_OVERRIDE = "plan_override"
SPLIT = "split"
RULE_CHANGE = "rule_change"
WAVE_CHANGE = "wave_change"
SETTINGS_CHANGE = "settings_change"

# Wave states only a supervisor brings about (planned, released or reassigned, cancelled); picking
# and done come from the picker's scans.
SUPERVISED_WAVE_STATES = frozenset({"planned", "released", "cancelled"})


@dataclass(frozen=True)
class Decision:
    what: str
    subject: str
    detail: dict[str, Any]
    by: str
    proof: Any = None  # {"at": ISO time, "sig": base64} as sent; None: none


def hold_release(order_no: str, by: str) -> Decision:
    return Decision(HOLD_RELEASE, order_no, {}, by)


def weight_override(order_no: str, reason: str, actual_g: int | None, by: str) -> Decision:
    return Decision(WEIGHT_OVERRIDE, order_no, {"reason": reason, "actual_g": actual_g}, by)


def plan_override(order_no: str, reason: str, open_steps: list[str], by: str) -> Decision:
    return Decision(PLAN_OVERRIDE, order_no, {"reason": reason, "open_steps": sorted(open_steps)}, by)


def split(order_no: str, by: str) -> Decision:
    return Decision(SPLIT, order_no, {}, by)


def rule_change(code: str, rule: dict[str, Any], by: str) -> Decision:
    """`rule`: the event's payload without its proof (position, enabled, definition or deleted)."""
    return Decision(RULE_CHANGE, code, {"rule": digest(_without_proof(rule))}, by)


def wave_change(code: str, status: str, orders: list[str], by: str) -> Decision:
    return Decision(WAVE_CHANGE, code, {"status": status, "orders": digest(list(orders))}, by)


def settings_change(changes: list[dict[str, Any]], by: str) -> Decision:
    return Decision(SETTINGS_CHANGE, "", {"changes": digest(changes)}, by)


def decisions_in(event_type: str, operator: str | None, payload: dict[str, Any]) -> list[Decision]:
    """The supervisor decisions an event of this type carries, with the proofs it sent."""
    found: list[tuple[Decision, Any]] = []
    order_no = str(payload.get("order_no") or "")
    match event_type:
        case "order.hold_released":
            found.append((hold_release(order_no, str(payload.get("supervisor") or "")), payload.get("proof")))
        case "order.packed":
            weight = payload.get("weight") if isinstance(payload.get("weight"), dict) else {}
            override = payload.get("override")
            if isinstance(override, dict):
                reason, by = str(override.get("reason") or ""), str(override.get("by") or "")
                found.append(
                    (weight_override(order_no, reason, weight.get("actual_g"), by), override.get("proof"))
                )
            for parcel in payload.get("parcels") or ():
                parcel_override = parcel.get("override") if isinstance(parcel, dict) else None
                if isinstance(parcel_override, dict):
                    grams = (parcel.get("weight") if isinstance(parcel.get("weight"), dict) else {}).get(
                        "actual_g"
                    )
                    reason, by = (
                        str(parcel_override.get("reason") or ""),
                        str(parcel_override.get("by") or ""),
                    )
                    found.append((weight_override(order_no, reason, grams, by), parcel_override.get("proof")))
            plan = payload.get("plan_override")
            if isinstance(plan, dict):
                steps = [str(s) for s in plan.get("open_steps") or ()]
                decided = plan_override(
                    order_no, str(plan.get("reason") or ""), steps, str(plan.get("by") or "")
                )
                found.append((decided, plan.get("proof")))
            if payload.get("split_by"):
                found.append((split(order_no, str(payload["split_by"])), payload.get("split_proof")))
        case "rule.changed":
            rule = rule_change(str(payload.get("code") or ""), payload, operator or "")
            found.append((rule, payload.get("proof")))
        case "wave.changed" if payload.get("status") in SUPERVISED_WAVE_STATES:
            orders = [str(o) for o in payload.get("orders") or ()]
            wave = wave_change(str(payload.get("code") or ""), str(payload["status"]), orders, operator or "")
            found.append((wave, payload.get("proof")))
        case "station.settings_changed" if payload.get("supervisor"):
            changes = [c for c in payload.get("changes") or () if isinstance(c, dict)]
            found.append((settings_change(changes, str(payload["supervisor"])), payload.get("proof")))
    return [Decision(d.what, d.subject, d.detail, d.by, proof) for d, proof in found]


def _without_proof(payload: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in payload.items() if key != "proof"}


@dataclass(frozen=True)
class Signed:
    """A decision as the station signed it: what goes in the event as its `proof`."""

    decision: Decision
    at: str
    sig: str

    @property
    def proof(self) -> dict[str, str]:
        return {"at": self.at, "sig": self.sig}

    def to_json(self) -> dict[str, Any]:
        d = self.decision
        return {
            "what": d.what,
            "subject": d.subject,
            "detail": d.detail,
            "by": d.by,
            "at": self.at,
            "sig": self.sig,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Signed:
        decided = Decision(str(data["what"]), str(data["subject"]), dict(data["detail"]), str(data["by"]))
        return cls(decided, str(data["at"]), str(data["sig"]))


class Signer:
    """A supervisor's key, made from the PIN they just typed, for the decisions they make now. It
    lives in the memory of the station where the PIN was typed and nowhere else."""

    def __init__(self, badge: str, key: SigningKey) -> None:
        self.badge = badge
        self._key = key

    def sign(self, decided: Decision, at: str) -> Signed:
        """`at`: the decision's time, ISO with its zone (the caller's clock: the core keeps none)."""
        return Signed(decided, at, sign(self._key, decision(*_fields(decided), at)))


def proof_for(signed: Iterable[Signed], decided: Decision) -> dict[str, str] | None:
    """The proof of this decision among those signed, or None."""
    wanted = _fields(decided)
    return next((s.proof for s in signed if _fields(s.decision) == wanted), None)


def _fields(decided: Decision) -> tuple[str, str, dict[str, Any], str]:
    return decided.what, decided.subject, decided.detail, decided.by
