"""After-sales: service tickets from returns and the integration feed (refund requests)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    select,
)

from sync import protocol as p
from sync.server import models as m
from sync.server.services.core import (
    StoreCore,
)


class ReturnsService(StoreCore):
    def tickets(self, status: str | None = "open") -> list[dict[str, Any]]:
        """After-sales service tickets (newest first), as plain values."""
        query = select(m.ServiceTicket).order_by(m.ServiceTicket.received_at.desc())
        if status:
            query = query.where(m.ServiceTicket.status == status)
        with self._sessions() as s:
            return [
                {"id": t.id, "order_no": t.order_no, "customer": t.customer, "station": t.station,
                 "responsibility": t.responsibility, "proposed": t.proposed, "reasons": t.reasons,
                 "items": t.items, "refund_cents": t.refund_cents, "status": t.status,
                 "received_at": t.received_at.isoformat()}
                for t in s.scalars(query)
            ]  # fmt: skip

    def integration_events(self, after: int = 0, limit: int = 500) -> p.IntegrationPage:
        with self._sessions() as s:
            rows = s.scalars(
                select(m.IntegrationEvent)
                .where(m.IntegrationEvent.id > after)
                .order_by(m.IntegrationEvent.id)
                .limit(limit)
            ).all()
        events = [
            p.IntegrationEventWire(
                id=r.id, type=r.type, key=r.key, payload=r.payload, created_at=r.created_at
            )
            for r in rows
        ]
        return p.IntegrationPage(events=events, after=events[-1].id if events else after)
