"""The station's catalogue, customers, orders and operators as a server import document.

Used to seed a central server from a station (`packline export`), by the tests and benchmarks to
give the reference server realistic data, and by support to compare a station with its server.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.core.model import OrderStatus, PackStatus
from app.store import models as m
from app.store.db import Database
from app.store.stored_keys import CARRIER_PICKUPS_KEY, CARRIERS_KEY, CARRIERS_ROUTED_KEY


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export_document(db: Database) -> dict[str, list[dict[str, Any]]]:
    with db.session() as s:
        operators = [
            {
                "badge_code": o.badge_code,
                "name": o.name,
                "pin_hash": o.pin_hash,
                "role": o.role,
                "active": o.active,
            }
            for o in s.scalars(select(m.Operator).order_by(m.Operator.id))
        ]
        barcodes: dict[int, list[dict[str, Any]]] = {}
        for b in s.scalars(select(m.Barcode).order_by(m.Barcode.id)):
            barcodes.setdefault(b.sku_id, []).append({"code": b.code, "kind": b.kind, "pack_qty": b.pack_qty})
        sku_codes: dict[int, str] = {}
        skus = []
        lots: dict[str, list[dict[str, Any]]] = {}
        for lot in s.scalars(select(m.Lot).order_by(m.Lot.id)):
            lots.setdefault(lot.sku_code, []).append(
                {"lot": lot.lot, "expiry": lot.expiry.isoformat() if lot.expiry else None,
                 "in_stock": lot.in_stock, "recalled": lot.recalled}
            )  # fmt: skip
        for sku in s.scalars(select(m.Sku).order_by(m.Sku.id)):
            sku_codes[sku.id] = sku.code
            traced = {"lots": lots[sku.code]} if sku.code in lots else {}
            skus.append({**m.sku_fields(sku), "barcodes": barcodes.get(sku.id, []), **traced})
        customer_codes: dict[int, str] = {}
        customers = []
        for c in s.scalars(select(m.Customer).order_by(m.Customer.id)):
            customer_codes[c.id] = c.code
            customers.append(
                {
                    "code": c.code,
                    "name": c.name,
                    "phone": c.phone,
                    "tier": c.tier,
                    "tags": list(c.tags),
                    "birthday": _iso(c.birthday),
                    "preferences": dict(c.preferences),
                    "order_count": c.order_count,
                    "lifetime_value_cents": c.lifetime_value_cents,
                    "returns_count": c.returns_count,
                    "last_problem": c.last_problem,
                    "last_problem_at": _iso(c.last_problem_at),
                }
            )
        lines: dict[int, list[dict[str, Any]]] = {}
        for line in s.scalars(select(m.OrderLine).order_by(m.OrderLine.order_id, m.OrderLine.line_no)):
            lines.setdefault(line.order_id, []).append(
                {
                    "line_no": line.line_no,
                    "sku": sku_codes[line.sku_id],
                    "quantity": line.quantity,
                    "custom_fields": dict(line.custom_fields),
                }
            )
        # The packs made here (the newest of each order): an order packed at this station is
        # exported as packed by it, with its pack's id, so a server seeded from this export knows
        # the order.packed this station sends later as the same pack (not another station's).
        ours: dict[int, tuple[str, str]] = {}
        for order_id, session_id, station in s.execute(
            select(m.PackSession.order_id, m.PackSession.id, m.PackSession.station)
            .where(m.PackSession.status == PackStatus.PACKED)
            .order_by(m.PackSession.ended_at)
        ):
            ours[order_id] = (station, session_id)
        orders = []
        for o in s.scalars(select(m.Order).order_by(m.Order.id)):
            packed_here = ours.get(o.id) if o.status in (OrderStatus.PACKED, OrderStatus.SHIPPED) else None
            orders.append(
                {
                    "order_no": o.order_no,
                    "channel": o.channel,
                    "status": o.status,
                    "paid_at": _iso(o.paid_at),
                    "ship_by": _iso(o.ship_by),
                    "carrier": o.carrier,
                    "waybill_no": o.waybill_no,
                    "receiver_name": o.receiver_name,
                    "receiver_phone": o.receiver_phone,
                    "province": o.province,
                    "city": o.city,
                    "district": o.district,
                    "address": o.address,
                    "buyer_note": o.buyer_note,
                    "seller_note": o.seller_note,
                    "amount_cents": o.amount_cents,
                    "hold_reason": o.hold_reason,
                    "customer": customer_codes.get(o.customer_id or 0),
                    "extra_waybills": list(o.extra_waybills or []),
                    "routing": o.routing,
                    "pack": o.pack,
                    **({"packed_by": packed_here[0], "pack_id": packed_here[1]} if packed_here else {}),
                    "lines": lines.get(o.id, []),
                }
            )
        waves = []
        wave_orders: dict[int, list[tuple[int, str]]] = {}
        for wave_id, slot, order_no in s.execute(
            select(m.WaveOrder.wave_id, m.WaveOrder.slot, m.Order.order_no).join(
                m.Order, m.Order.id == m.WaveOrder.order_id
            )
        ):
            wave_orders.setdefault(wave_id, []).append((slot, order_no))
        for w in s.scalars(select(m.Wave).order_by(m.Wave.id)):
            waves.append(
                {
                    "code": w.code,
                    "strategy": w.strategy,
                    "status": w.status,
                    "picker": w.picker,
                    "orders": [no for _slot, no in sorted(wave_orders.get(w.id, []))],
                }
            )
        names = s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIERS_KEY)) or {}
        pickups = s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIER_PICKUPS_KEY)) or {}
        routed = set(s.scalar(select(m.Setting.value).where(m.Setting.key == CARRIERS_ROUTED_KEY)) or ())
        carriers = [
            {"code": code, "name": names.get(code, code), "pickups": list(pickups.get(code, [])),
             "routing_required": code in routed}
            for code in sorted({*names, *pickups})
        ]  # fmt: skip
    return {"operators": operators, "carriers": carriers, "skus": skus, "customers": customers,
            "orders": orders, "waves": waves}  # fmt: skip
