"""What documents need beyond the order snapshot: the packed weight, prices, waves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.core.model import PackStatus
from app.core.pickpath import LocationParser
from app.store import models as m
from app.store.db import Database
from app.store.waves import pick_stops


@dataclass(frozen=True)
class WaveLine:
    location: str
    sku: str
    name: str
    barcode: str
    quantity: int
    orders: int
    slots: tuple[int, ...]


@dataclass(frozen=True)
class WaveSummary:
    code: str
    strategy: str
    status: str
    picker: str
    created_at: datetime
    order_count: int
    lines: tuple[WaveLine, ...]


def packed_weight(db: Database, order_id: int) -> int | None:
    with db.session() as s:
        return s.scalar(
            select(m.PackSession.actual_g)
            .where(m.PackSession.order_id == order_id, m.PackSession.status == PackStatus.PACKED)
            .order_by(m.PackSession.ended_at.desc())
            .limit(1)
        )


def pack_facts(db: Database, order_id: int) -> tuple[str, tuple[str, ...]]:
    """Who packed the order (the last pack's packer) and the cards queued with its pack, for a
    label's custom area."""
    with db.session() as s:
        packer = s.scalar(
            select(m.Operator.name)
            .join(m.PackSession, m.PackSession.operator_id == m.Operator.id)
            .where(m.PackSession.order_id == order_id, m.PackSession.status == PackStatus.PACKED)
            .order_by(m.PackSession.ended_at.desc())
            .limit(1)
        )
        cards = s.scalars(
            select(m.PrintJob.params)
            .where(
                m.PrintJob.order_id == order_id, m.PrintJob.kind == "insert", m.PrintJob.reprint_of.is_(None)
            )
            .order_by(m.PrintJob.created_at)
        ).all()
    return packer or "", tuple(str(c.get("insert", "")) for c in cards if isinstance(c, dict))


def line_prices(db: Database, order_id: int) -> dict[str, int]:
    """SKU code → unit price in cents for the order's lines."""
    with db.session() as s:
        rows = s.execute(
            select(m.Sku.code, m.Sku.price_cents)
            .join(m.OrderLine, m.OrderLine.sku_id == m.Sku.id)
            .where(m.OrderLine.order_id == order_id)
        ).all()
    return {code: price for code, price in rows}


def wave(db: Database, code: str, parser: LocationParser | None = None) -> WaveSummary | None:
    """A wave with its pick lines in walking order: one line per SKU, summed over the wave's
    orders (the handheld's stops, app.store.waves.pick_stops, so paper and screen agree)."""
    with db.session() as s:
        row = s.execute(select(m.Wave).where(m.Wave.code == code)).scalar_one_or_none()
        if row is None:
            return None
        order_count = s.scalar(select(func.count()).where(m.WaveOrder.wave_id == row.id)) or 0
    return WaveSummary(
        code=row.code,
        strategy=row.strategy,
        status=row.status,
        picker=row.picker,
        created_at=row.created_at,
        order_count=order_count,
        lines=tuple(
            WaveLine(
                location=stop.location,
                sku=stop.sku,
                name=stop.name_zh,
                barcode=stop.barcodes[0] if stop.barcodes else stop.sku,
                quantity=stop.quantity,
                orders=len({share.order_no for share in stop.shares}),
                slots=tuple(sorted({share.slot for share in stop.shares if share.slot})),
            )
            for stop in pick_stops(db, code, parser)
        ),
    )
