"""Events as a station sends them, for tests that push straight to the server: a pack whose lines
are the order's, and a supervisor's decision signed with the demo supervisor's PIN."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import requests

from app.core import decisions
from app.core.auth import signing_key
from app.core.decisions import Decision, Signer
from app.store.db import Database
from sync import protocol as p

SUPERVISOR, SUPERVISOR_PIN = "S0001", "12345678"  # the demo's (app.store.demo)


def headers(token: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **extra}


def push(server: Any, token: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`POST /events` over HTTP as a station sends it; the per-event answers (the batch taken)."""
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=json.dumps({"events": events}),
        headers=headers(token, **{"Content-Type": "application/json"}),
        timeout=30,
    )
    assert answer.status_code == 200, answer.text[:300]
    return answer.json()["results"]


def now() -> str:
    return datetime.now(UTC).isoformat()


def event(
    type_: str, station: str, payload: dict[str, Any], operator: str | None = "P0001"
) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "type": type_, "station": station, "operator": operator,
            "occurred_at": now(), "payload": payload}  # fmt: skip


def lines_of(order: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"sku": line["sku"], "quantity": line["quantity"]} for line in order.get("lines", [])]


def packed(
    station: str, order: dict[str, Any], pack_id: str, operator: str = "P0001", **extra: Any
) -> dict[str, Any]:
    """`order.packed` for a server order document (its lines as they are)."""
    at = now()
    payload = {"pack_id": pack_id, "order_no": order["order_no"], "packed_at": at, "operator": operator,
               "lines": lines_of(order), **extra}  # fmt: skip
    return event(p.EventType.ORDER_PACKED, station, payload, operator)


def signer(verifier: str, badge: str = SUPERVISOR, pin: str = SUPERVISOR_PIN) -> Signer:
    """The key the supervisor's PIN makes with their verifier (as the server or a station has it)."""
    key = signing_key(pin, verifier)
    assert key is not None, "not the PIN of this verifier"
    return Signer(badge, key)


def server_signer(store: Any, badge: str = SUPERVISOR, pin: str = SUPERVISOR_PIN) -> Signer:
    return signer(store.get(p.Kind.OPERATOR, badge)["pin_hash"], badge, pin)


def station_signer(db: Database, badge: str = SUPERVISOR, pin: str = SUPERVISOR_PIN) -> Signer:
    from app.store.packing import PackingStore

    stored = PackingStore(db, "").operator_pin_hash(badge)
    assert stored is not None
    return signer(stored, badge, pin)


def proof(by: Signer, decided: Decision) -> dict[str, str]:
    return by.sign(decided, now()).proof


def released(station: str, order_no: str, by: Signer | None, badge: str = SUPERVISOR) -> dict[str, Any]:
    """`order.hold_released`, proven by `by` (None: unproven)."""
    payload: dict[str, Any] = {"order_no": order_no, "supervisor": badge, "at": now()}
    if by is not None:
        payload["proof"] = proof(by, decisions.hold_release(order_no, badge))
    return event(p.EventType.ORDER_HOLD_RELEASED, station, payload)


def customer_at_hand(db: Database) -> tuple[str, str]:
    """A customer of the station with an order open for packing, and that order's number."""
    from sqlalchemy import select

    from app.store import models as m

    with db.session() as s:
        found = s.execute(
            select(m.Customer.code, m.Order.order_no)
            .join(m.Order, m.Order.customer_id == m.Customer.id)
            .where(m.Order.status == "new")
            .order_by(m.Order.id)
            .limit(1)
        ).first()
    assert found is not None
    return found[0], found[1]
