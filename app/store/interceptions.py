"""The put-back list (待放回) in the station's database: the goods of intercepted orders, each unit
recorded as it goes back into its bin; an interception whose goods are all back is decided (the
supervisor's exception list shows it done, with who and how)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.core.put_back import ReturnLine
from app.store import models as m
from app.store.db import Database
from app.store.exceptions import ExceptionKind

KIND = ExceptionKind.PUT_BACK.value  # a put-back list entry is decided like any exception


def return_lines(db: Database) -> list[ReturnLine]:
    """Every item of every interception not dealt with yet, with what is back already."""
    with db.session() as s:
        decided = set(s.scalars(select(m.ExceptionDecision.ref).where(m.ExceptionDecision.kind == KIND)))
        open_ones = [
            i for i in s.scalars(select(m.Interception).order_by(m.Interception.at)) if i.id not in decided
        ]
        codes = sorted({item["sku_code"] for i in open_ones for item in i.items})
        barcodes: dict[str, list[str]] = {}
        for sku, code in s.execute(
            select(m.Sku.code, m.Barcode.code)
            .join(m.Barcode, m.Barcode.sku_id == m.Sku.id)
            .where(m.Sku.code.in_(codes), m.Barcode.pack_qty == 1)  # goods go back a unit at a time
        ):
            barcodes.setdefault(sku, []).append(code)
        return [
            ReturnLine(
                ref=i.id,
                order_no=i.order_no,
                sku_code=item["sku_code"],
                name_zh=item.get("name_zh", ""),
                name_en=item.get("name_en", ""),
                quantity=int(item["quantity"]),
                location=item.get("location", ""),
                barcodes=tuple(barcodes.get(item["sku_code"], ())),
                returned=int(item.get("returned", 0)),
            )
            for i in open_ones
            for item in i.items
        ]


def record_returned(db: Database, line: ReturnLine, badge: str, operator_id: int | None) -> bool:
    """`line.returned` units of this item are back in the bin (the count, not a step: recording it
    twice changes nothing). True when that was the interception's last: it is done."""
    with db.session() as s, s.begin():
        intercepted = s.get(m.Interception, line.ref)
        if intercepted is None:
            raise ValueError(f"no put-back entry {line.ref}")
        items = [dict(item) for item in intercepted.items]
        item = next((i for i in items if i["sku_code"] == line.sku_code), None)
        if item is None:
            raise ValueError(f"{line.sku_code} is not among the goods of order {intercepted.order_no}")
        item["returned"] = max(int(item.get("returned", 0)), min(line.returned, int(item["quantity"])))
        intercepted.items = items  # a new list: the JSON column sees the change
        if any(int(i.get("returned", 0)) < int(i["quantity"]) for i in items):
            return False
        if s.get(m.ExceptionDecision, (KIND, line.ref)) is None:
            s.add(
                m.ExceptionDecision(
                    kind=KIND,
                    ref=line.ref,
                    decision=f"put back into the bins by {badge} (handheld)",
                    decided_by=operator_id,
                    decided_at=datetime.now(UTC),
                )
            )
        return True
