"""Packed parcels that must not leave: put on the put-back list (待放回) with their goods, once per
order. Used when a pull says an order packed here was cancelled (app.store.sync_local) and when the
dock stops a parcel (app.store.dock)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.db import Database


def add_parcel_interception(s: Session, order_id: int, order_no: str, station: str, reason: str) -> bool:
    """In `s`'s transaction: a packed parcel that must not leave goes on the put-back list (stage
    "packed": take the parcel back, its goods back to their bins), once per order. True if added."""
    exists = s.scalar(
        select(m.Interception.id).where(m.Interception.order_no == order_no, m.Interception.stage == "packed")
    )
    if exists is not None:
        return False
    items = [
        {"sku_code": sku.code, "name_zh": sku.name_zh, "name_en": sku.name_en, "quantity": line.quantity,
         "location": sku.bin_location}
        for line, sku in s.execute(
            select(m.OrderLine, m.Sku).join(m.Sku, m.Sku.id == m.OrderLine.sku_id)
            .where(m.OrderLine.order_id == order_id).order_by(m.OrderLine.line_no)
        )
    ]  # fmt: skip
    s.add(
        m.Interception(
            id=str(uuid.uuid4()), order_no=order_no, station=station, stage="packed", reason=reason[:32],
            items=items, at=datetime.now(UTC),
        )
    )  # fmt: skip
    return True


def intercept_parcel(db: Database, order_no: str, station: str, reason: str) -> bool:
    """A parcel stopped at the dock: on the put-back list, once (its own transaction)."""
    with db.session() as s, s.begin():
        order_id = s.scalar(select(m.Order.id).where(m.Order.order_no == order_no))
        if order_id is None:
            return False
        return add_parcel_interception(s, order_id, order_no, station, reason)
