"""Customer preferences recorded at the station: applied here at once and sent to the CRM.

Each changed field is one `customer.preference` event carrying the value the station had before
(`base`), so the server can tell an edit on top of the latest value from a concurrent one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select

from app.core.model import OrderStatus
from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event
from app.store.stored_keys import CARRIERS_KEY
from sync.protocol import PREFERENCE_FIELDS, Preferences

# Orders a bench may have at hand: open for packing, held, or packed (here, the server checks).
AT_HAND = ("new", "released", "picked", "on_hold", "packed")


class UnknownCustomer(LookupError):
    pass


def record_preferences(
    db: Database,
    customer_code: str,
    changes: dict[str, Any],
    station: str,
    operator_id: int | None,
    order_no: str = "",
) -> list[str]:
    """Apply `changes` (field → value) to the customer and queue one event per changed field.

    `order_no`: the customer's order at hand at the bench; the server takes a station's change of
    a customer's wishes only with one (and the address only from the office). Values are checked
    against the contract first (ValueError with the reason); unchanged fields make no event.
    Returns the event ids."""
    unknown = set(changes) - set(PREFERENCE_FIELDS)
    if unknown:
        raise ValueError(f"not a preference: {', '.join(sorted(unknown))}")
    checked = Preferences.model_validate(changes).model_dump(include=set(changes))
    with db.session() as s, s.begin():
        customer = s.scalar(select(m.Customer).where(m.Customer.code == customer_code))
        if customer is None:
            raise UnknownCustomer(customer_code)
        preferences = dict(customer.preferences or {})
        ids = []
        for field, value in checked.items():
            base = preferences.get(field)
            if base == value:
                continue
            preferences[field] = value
            ids.append(
                add_event(
                    s,
                    "customer.preference",
                    {
                        "customer": customer_code,
                        "field": field,
                        "value": value,
                        "base": base,
                        "order_no": order_no,
                    },
                    station,
                    operator_id,
                )
            )
        customer.preferences = preferences
        customer.updated_at = datetime.now(UTC)
        return ids


@dataclass(frozen=True)
class CustomerCard:
    """What the preferences page shows: who the customer is and their current standing wishes."""

    code: str
    name: str
    tier: str
    tags: tuple[str, ...]
    preferences: dict[str, Any]
    carriers: dict[str, str]  # code -> name, as the server sends them
    # The order the change is made with: the one the customer was found by, else their newest
    # order still at hand here ("" : none; a change then stays on this station's side).
    order_no: str = ""
    # Their newest order handed to its carrier, and when (the dock's handover, as the server has it).
    last_shipped: str = ""
    shipped_at: datetime | None = None


def customer_card(db: Database, code: str) -> CustomerCard | None:
    """The customer with this code, or the customer of the order with this number or waybill."""
    text = code.strip()
    with db.session() as s:
        customer = s.scalar(select(m.Customer).where(m.Customer.code == text))
        order_no = ""
        if customer is None:
            found = s.execute(
                select(m.Customer, m.Order.order_no)
                .join(m.Order, m.Order.customer_id == m.Customer.id)
                .where(or_(m.Order.order_no == text, m.Order.waybill_no == text))
                .limit(1)
            ).first()
            if found is not None:
                customer, order_no = found
        if customer is None:
            return None
        if not order_no:
            order_no = (
                s.scalar(
                    select(m.Order.order_no)
                    .where(m.Order.customer_id == customer.id, m.Order.status.in_(AT_HAND))
                    .order_by(m.Order.id.desc())
                    .limit(1)
                )
                or ""
            )
        carriers = s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIERS_KEY)) or {}
        shipped = s.execute(
            select(m.Order.order_no, m.Order.shipment, m.Order.updated_at)
            .where(m.Order.customer_id == customer.id, m.Order.status == OrderStatus.SHIPPED)
            .order_by(m.Order.updated_at.desc())
            .limit(1)
        ).first()
        return CustomerCard(
            code=customer.code,
            name=customer.name,
            tier=customer.tier,
            tags=tuple(customer.tags or ()),
            preferences=dict(customer.preferences or {}),
            carriers=dict(carriers),
            order_no=order_no,
            last_shipped=shipped.order_no if shipped else "",
            shipped_at=_shipped_at(shipped.shipment, shipped.updated_at) if shipped else None,
        )


def _shipped_at(shipment: dict[str, Any] | None, updated_at: datetime) -> datetime:
    """The handover's own time where the shipment says it; else when the order turned shipped here."""
    try:
        return datetime.fromisoformat(str((shipment or {})["shipped_at"])).astimezone(UTC)
    except (KeyError, TypeError, ValueError):
        return updated_at
