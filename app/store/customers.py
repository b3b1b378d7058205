"""Customer preferences recorded at the station: applied here at once and sent to the CRM.

Each changed field is one `customer.preference` event carrying the value the station had before
(`base`), so the server can tell an edit on top of the latest value from a concurrent one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from app.store import models as m
from app.store.db import Database
from app.store.outbox import add_event
from sync.protocol import PREFERENCE_FIELDS, Preferences


class UnknownCustomer(LookupError):
    pass


def record_preferences(
    db: Database, customer_code: str, changes: dict[str, Any], station: str, operator_id: int | None
) -> list[str]:
    """Apply `changes` (field → value) to the customer and queue one event per changed field.

    Values are checked against the contract first (ValueError with the reason); unchanged
    fields make no event. Returns the event ids."""
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
                    {"customer": customer_code, "field": field, "value": value, "base": base},
                    station,
                    operator_id,
                )
            )
        customer.preferences = preferences
        customer.updated_at = datetime.now(UTC)
        return ids
