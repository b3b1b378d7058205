"""A supervisor's decisions carried by an event, and the proof each needs from a packing station.

A badge is printed and every station pulls the operators, so naming a supervisor proves nothing.
Where an event carries a decision only a supervisor may make (a hold released, a weight or a plan
overridden, an order let go in several parcels, a rule changed, a wave planned, released or
cancelled, a protected setting changed), a packing station's token must send with it the
statement the station built when the supervisor typed their PIN, signed with the key that PIN
makes (app.core.auth), and the server checks it against the supervisor's verifier: who, what,
about which order, wave or rule, with what, and when. A supervisor desk's and the office's tokens
are the supervisors' own; their decisions name a supervisor the server knows.

`decisions` is the one place that says which decisions an event carries and what is signed for
each; the station signs with app.store.proofs from the same fields.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.core.auth import decision, signature_valid
from app.core.decisions import RULE_CHANGE, WAVE_CHANGE, Decision, decisions_in
from sync import protocol as p
from sync.server.batch import Batch

PROOF_SLACK = timedelta(minutes=5)  # a station's clock ahead of ours
PROOF_MAX_AGE = timedelta(days=30)  # a station offline that long sends its decisions late
DESK_WORK = frozenset({RULE_CHANGE, WAVE_CHANGE})


def supervisors_named(event: p.Event) -> list[str]:
    """The badges of the supervisors an event says decided it (read with the push's first statement)."""
    return [found.by for found in decisions_in(event.type, event.operator, event.payload)]


def decision_problem(
    batch: Batch, event: p.Event, received: datetime, proof_needed: bool = True
) -> str | None:
    """Why the supervisor decisions this event carries do not stand, or None: each names an active
    supervisor the server knows and, from a packing station, carries that supervisor's proof."""
    for found in decisions_in(event.type, event.operator, event.payload):
        if not proof_needed and found.what in DESK_WORK:
            continue  # a desk's token plans waves and edits rules as the desk's supervisor
        operator = batch.get(p.Kind.OPERATOR, found.by) if found.by else None
        if operator is None or operator.get("role") != "supervisor" or not operator.get("active", True):
            return (
                f"{event.type} names {found.by or 'nobody'} as the supervisor who decided "
                f"{found.what}, who is not an active supervisor known to the server"
            )
        if proof_needed:
            problem = _proof_problem(found, str(operator.get("pin_hash") or ""), received)
            if problem:
                return f"{event.type}: {problem}"
    return None


def _proof_problem(found: Decision, verifier: str, received: datetime) -> str | None:
    proof: Any = found.proof
    if (
        not isinstance(proof, dict)
        or not isinstance(proof.get("at"), str)
        or not isinstance(proof.get("sig"), str)
    ):
        return f"{found.what} by {found.by} carries no proof of their PIN"
    try:
        at = datetime.fromisoformat(proof["at"])
    except ValueError:
        return f"{found.what} by {found.by}: its time is not a time"
    if at.tzinfo is None or not received - PROOF_MAX_AGE <= at <= received + PROOF_SLACK:
        return f"{found.what} by {found.by} was proven at {proof['at']}: not a time the server takes"
    statement = decision(found.what, found.subject, found.detail, found.by, proof["at"])
    if not signature_valid(verifier, statement, proof["sig"]):
        return f"the proof of {found.what} by {found.by} does not match their PIN or this decision"
    return None
