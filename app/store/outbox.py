"""The outbox: events for the server, added inside the caller's transaction.

Ids are UUIDs made here, when the thing happens, so a resend after a crash carries the same
idempotency key. Rows are marked sent only after the server acknowledged them (sync.client).
"""

from __future__ import annotations

import logging
import os
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import models as m

log = logging.getLogger(__name__)

# Set by the test suite: every event written is checked against the wire contract at once, so a
# renamed or mistyped field fails the test that wrote it, not a sync queue days later. A station
# does not check (the server does, and a pack must never fail to save over its event's shape).
STRICT_ENV = "PACKLINE_STRICT_EVENTS"


def add_event(
    session: Session, type_: str, payload: dict[str, Any], station: str, operator_id: int | None
) -> str:
    """Stage an event in `session`'s transaction; it commits or rolls back with the change."""
    if os.environ.get(STRICT_ENV):
        check_payload(type_, payload)
    event_id = str(uuid.uuid4())
    session.add(
        m.OutboxEvent(
            id=event_id,
            type=type_,
            payload=payload,
            station=station,
            operator_id=operator_id,
            created_at=datetime.now(UTC),
        )
    )
    return event_id


def pending_count(session: Session) -> int:
    """Events still to go to the server (set-aside ones wait for a person, not the server)."""
    return _count(session, m.OutboxEvent.sent_at.is_(None), m.OutboxEvent.needs_attention.is_(False))


def attention_count(session: Session) -> int:
    """Events the server did not accept that nobody has resolved yet."""
    return _count(session, m.OutboxEvent.needs_attention.is_(True), m.OutboxEvent.resolved_at.is_(None))


def _count(session: Session, *where: Any) -> int:
    return session.scalar(select(func.count()).select_from(m.OutboxEvent).where(*where)) or 0


def check_payload(type_: str, payload: dict[str, Any]) -> None:
    """Raise ValueError when `payload` is not what the contract says a `type_` event carries."""
    from pydantic import ValidationError

    from sync import protocol as p

    model = p.EVENT_PAYLOADS.get(type_)
    if model is None:
        raise ValueError(f"{type_!r} is not an event type of the contract")
    try:
        model.model_validate(payload)
    except ValidationError as exc:
        raise ValueError(f"a {type_} event the server would refuse: {exc}") from None
    problem = p.json_problem(payload)
    if problem:
        raise ValueError(f"a {type_} event the server would refuse: {problem}")
