"""Unit traceability at the server: who received a lot or a serial, and the recall of a lot.

`trace` reads the shipped units of accepted packs (sync.server.events.packs) by lot or serial, with
the receivers' names and phones from their customer documents, in one indexed query. `recall`
flags the lot on its SKU, which every station pulls (its benches then refuse the lot's units), tags
the customers who received it so the office's care rules can act on their next order (a call-back,
a card), and tells the office's integration feed (`lot.recalled`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import exists, select

from sync import protocol as p
from sync.server import models as m
from sync.server.batch import Batch
from sync.server.services.core import StoreCore

RECALL_TAG = "recall"  # every customer who received a recalled lot; "recall:LOT" names the lot


class TraceService(StoreCore):
    def clips(self, code: str) -> list[p.ClipFound]:
        """The packs' clips an order number or any parcel's waybill finds, newest first: which
        station holds each file (the desk then looks there) and the hash that proves it."""
        c = m.ClipRecord
        query = select(c).where(c.key == code).order_by(c.started_at.desc(), c.id.desc()).limit(50)
        with self.reading() as connection:
            rows = connection.execute(query).all()
        return [p.ClipFound.model_validate(dict(row._mapping)) for row in rows]

    def trace(self, lot: str = "", serial: str = "", sku: str = "") -> list[dict[str, Any]]:
        """Every unit of `lot` (or with `serial`) in an accepted pack, optionally of one SKU: the
        order, its customer (code, name, phone), the SKU, serial, lot, expiry, parcel, station, when
        it was packed and whether the order came back (a service ticket). Newest pack first."""
        if not lot and not serial:
            raise ValueError("trace what: a lot or a serial")
        u, e = m.ShippedUnit, m.Entity
        returned = exists().where(m.ServiceTicket.order_no == u.order_no)
        # The receivers' documents in the same statement: one indexed read of the units, one of the
        # entities' primary key per unit, the whole answer in a round trip.
        query = select(
            u.order_no, u.customer, u.sku, u.serial, u.lot, u.expiry, u.parcel_no, u.station, u.packed_at,
            returned, e.data,
        ).outerjoin(e, (e.kind == p.Kind.CUSTOMER.value) & (e.key == u.customer))  # fmt: skip
        query = query.where(u.lot == lot) if lot else query.where(u.serial == serial)
        if sku:
            query = query.where(u.sku == sku)
        with self.reading() as c:
            rows = c.execute(query.order_by(u.packed_at.desc(), u.id.desc())).all()
        return [
            {
                "order_no": order_no,
                "customer": customer,
                "name": str((person or {}).get("name", "")),
                "phone": str((person or {}).get("phone", "")),
                "sku": unit_sku,
                "serial": unit_serial,
                "lot": unit_lot,
                "expiry": expiry.isoformat() if isinstance(expiry, date) else (expiry or ""),
                "parcel": parcel_no,
                "station": station,
                "packed_at": packed_at.isoformat(),
                "returned": bool(came_back),
            }
            for (order_no, customer, unit_sku, unit_serial, unit_lot, expiry, parcel_no, station, packed_at,
                 came_back, person) in rows
        ]  # fmt: skip

    def recall(self, sku: str, lot: str, reason: str) -> dict[str, Any]:
        """Recall `lot` of `sku`: flagged on the SKU (pulled by every station, refused at every
        bench), its receivers tagged, the office told. Raises KeyError for an unknown SKU."""
        reason = reason.strip() or "recall"
        with self.writing() as c:
            self._write_first(c)
            batch = Batch(c, self._put_all)
            doc = batch.get(p.Kind.SKU, sku)
            if doc is None:
                raise KeyError(sku)
            lots = [dict(entry) for entry in doc.get("lots") or []]
            entry = next((e for e in lots if e.get("lot") == lot), None)
            if entry is None:
                entry = {"lot": lot, "expiry": None, "in_stock": 0, "recalled": ""}
                lots.append(entry)
            entry["recalled"] = reason[:200]
            doc["lots"] = lots
            p.SkuWire.model_validate(doc)  # what every station will parse
            batch.put(p.Kind.SKU, sku, doc)
            shipped = c.execute(
                select(m.ShippedUnit.customer, m.ShippedUnit.order_no).where(
                    m.ShippedUnit.lot == lot, m.ShippedUnit.sku == sku
                )
            ).all()
            customers = sorted({customer for customer, _ in shipped if customer})
            orders = sorted({order_no for _, order_no in shipped})
            batch.load({p.Kind.CUSTOMER: customers})
            tags = (RECALL_TAG, f"{RECALL_TAG}:{lot}")
            for code in customers:
                customer = batch.get(p.Kind.CUSTOMER, code)
                if customer is None:
                    continue
                current = list(customer.get("tags") or [])
                if all(tag in current for tag in tags):
                    continue
                customer["tags"] = [*current, *(tag for tag in tags if tag not in current)]
                batch.put(p.Kind.CUSTOMER, code, customer)
            report = {"sku": sku, "lot": lot, "reason": reason, "customers": customers, "orders": orders}
            batch.add(m.IntegrationEvent, type="lot.recalled", key=sku, payload=report)
            batch.commit()
        return report
