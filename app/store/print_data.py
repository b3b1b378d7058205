"""What documents need beyond the order snapshot: the packed weight, prices, waves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.store import models as m
from app.store.db import Database


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
            .where(m.PackSession.order_id == order_id, m.PackSession.status == "packed")
            .order_by(m.PackSession.ended_at.desc())
            .limit(1)
        )


def line_prices(db: Database, order_id: int) -> dict[str, int]:
    """SKU code → unit price in cents for the order's lines."""
    with db.session() as s:
        rows = s.execute(
            select(m.Sku.code, m.Sku.price_cents)
            .join(m.OrderLine, m.OrderLine.sku_id == m.Sku.id)
            .where(m.OrderLine.order_id == order_id)
        ).all()
    return {code: price for code, price in rows}


def wave(db: Database, code: str) -> WaveSummary | None:
    """A wave with its pick lines: one line per SKU, summed over the wave's orders."""
    with db.session() as s:
        row = s.execute(select(m.Wave).where(m.Wave.code == code)).scalar_one_or_none()
        if row is None:
            return None
        order_count = s.scalar(select(func.count()).where(m.WaveOrder.wave_id == row.id)) or 0
        lines = s.execute(
            select(
                m.Sku.bin_location,
                m.Sku.code,
                m.Sku.name_zh,
                m.Sku.id,
                func.sum(m.OrderLine.quantity),
                func.count(func.distinct(m.OrderLine.order_id)),
                func.group_concat(func.distinct(m.WaveOrder.slot)),
            )
            .join(m.OrderLine, m.OrderLine.sku_id == m.Sku.id)
            .join(m.WaveOrder, m.WaveOrder.order_id == m.OrderLine.order_id)
            .where(m.WaveOrder.wave_id == row.id)
            .group_by(m.Sku.id)
        ).all()
        barcodes = dict(
            s.execute(
                select(m.Barcode.sku_id, func.min(m.Barcode.code))
                .where(m.Barcode.sku_id.in_([line[3] for line in lines]), m.Barcode.pack_qty == 1)
                .group_by(m.Barcode.sku_id)
            ).all()
        )
        return WaveSummary(
            code=row.code,
            strategy=row.strategy,
            status=row.status,
            picker=row.picker,
            created_at=row.created_at,
            order_count=order_count,
            lines=tuple(
                WaveLine(
                    location=loc or "",
                    sku=sku,
                    name=name,
                    barcode=barcodes.get(sku_id, sku),
                    quantity=int(qty or 0),
                    orders=int(orders or 0),
                    slots=tuple(sorted(int(x) for x in str(slots or "").split(",") if x.strip().isdigit())),
                )
                for loc, sku, name, sku_id, qty, orders, slots in lines
            ),
        )
