"""What each kind of event claims, checked against the server's own state, and what it then does
to the server's documents, inside the push's transaction.

One module per resource (packs, holds, returns, waves and picks, customers, rules and settings),
one function per event type, each given the staged `Batch`. `apply_event` checks first what every
event shares: the token's role may send it, and a decision that needs a supervisor (a release, an
override, a rule, a wave) is either sent by a supervisor desk's or the office's token or carries
the named supervisor's proof (sync.server.events.proofs). The outcome and reason each returns are
stored with the event and answered to every resend.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sync import protocol as p
from sync.server.batch import Batch
from sync.server.events import customers, holds, packs, returns, rules, shipments, waves
from sync.server.events.common import ACCEPTED, Answer, refused, trusted
from sync.server.events.proofs import decision_problem, supervisors_named

Handler = Callable[[Batch, str, p.Event, datetime], Answer]

HANDLERS: dict[str, Handler] = {
    p.EventType.ORDER_PACKED: packs.order_packed,
    p.EventType.LABEL_REISSUED: packs.label_reissued,
    p.EventType.LABEL_VOIDED: packs.label_voided,
    p.EventType.LABEL_PRINTED: packs.label_printed,
    p.EventType.CLIP_RECORDED: packs.clip_recorded,
    p.EventType.ORDER_INTERCEPTED: packs.order_intercepted,
    p.EventType.ORDER_SHIPPED: shipments.order_shipped,
    p.EventType.ORDER_HELD: holds.order_held,
    p.EventType.ORDER_HOLD_RELEASED: holds.hold_released,
    p.EventType.RETURN_RECEIVED: returns.return_received,
    p.EventType.WAVE_CHANGED: waves.wave_changed,
    p.EventType.PICK_CONFIRMED: waves.pick_recorded,
    p.EventType.PICK_SHORT: waves.pick_recorded,
    p.EventType.CUSTOMER_PREFERENCE: customers.preference_changed,
    p.EventType.RULE_CHANGED: rules.rule_changed,
    p.EventType.SETTINGS_CHANGED: rules.settings_changed,
}

__all__ = ["ACCEPTED", "HANDLERS", "apply_event", "named_operators", "supervisors_named"]


def apply_event(batch: Batch, station: str, event: p.Event, received: datetime) -> Answer:
    if event.type not in p.ROLE_EVENTS[batch.role]:
        return refused(f"this token's role ({batch.role.value}) may not send {event.type}")
    handler = HANDLERS.get(event.type)
    if handler is None:  # pragma: no cover - check_event refused it before
        return refused(f"unknown event type {event.type!r}")
    # A supervisor desk's or the office's token is the supervisors' own: their decisions name a
    # supervisor the server knows. A packing station's carry that supervisor's proof.
    problem = decision_problem(batch, event, received, proof_needed=not trusted(batch))
    if problem:
        return refused(problem)
    return handler(batch, station, event, received)


def named_operators(event: p.Event) -> list[str]:
    """Every badge an event names (who packed, held, received; the supervisors behind it): read
    with the push's first statement."""
    payload = event.payload
    badges = [str(payload["operator"])] if isinstance(payload.get("operator"), str) else []
    return [*badges, *supervisors_named(event)]
