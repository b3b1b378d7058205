"""Master data from the office and the CRM: import documents and files, CRM preference edits,
customer segments."""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Connection,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

from app.core.auth import hash_problem
from app.core.segments import Thresholds
from sync import protocol as p
from sync.server import models as m
from sync.server import segments
from sync.server.batch import Batch
from sync.server.imports import BadImportFile, import_text, parse_csv
from sync.server.services.core import (
    IMPORT_SECTIONS,
    StoreCore,
    utc_now,
)
from sync.server.sql import (
    chunks,
)

log = logging.getLogger(__name__)


class ImportsService(StoreCore):
    def import_documents(self, document: dict[str, Any]) -> p.ImportReport:
        """Load operators, carriers, SKUs, customers, orders, waves and rules (any subset).

        Every entity is validated against the wire contract; broken ones are reported by position and
        skipped, the rest load in one transaction. `deleted: [{kind, key}]` removes entities."""
        unknown = set(document) - set(IMPORT_SECTIONS) - {"deleted"}
        if unknown:
            raise BadImportFile(
                f"unknown sections {sorted(unknown)}: use {sorted(IMPORT_SECTIONS)} and deleted"
            )
        report = p.ImportReport()
        valid: dict[p.Kind, list[tuple[str, dict[str, Any]]]] = {}
        for section, kind in IMPORT_SECTIONS.items():
            items = document.get(section) or []
            if not isinstance(items, list):
                raise BadImportFile(f"{section} must be a list")
            model, key_field = p.ENTITY_MODELS[kind], p.KEY_FIELDS[kind]
            docs = []
            for index, item in enumerate(items):
                try:
                    entity = model.model_validate(item)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(x) for x in first["loc"])
                    report.errors.append(f"{section}[{index}] {where}: {first['msg']}")
                    continue
                dumped = entity.model_dump(mode="json")
                # Served to every station: a value either database or a station cannot take
                # (NaN, a NUL, a 50 MB preference, an integer past 64 bits) stays out.
                problem = p.json_problem(dumped, f"{section}[{index}]")
                if kind is p.Kind.OPERATOR and not problem:
                    # Every station gets it: a hash cheap enough to walk through is refused here.
                    weak = hash_problem(dumped["pin_hash"], dumped["role"])
                    problem = f"{section}[{index}] pin_hash: {weak}" if weak else None
                if problem:
                    report.errors.append(problem)
                    continue
                docs.append((getattr(entity, key_field), dumped))
            valid[kind] = docs
        with self.writing() as c:
            self._write_first(c)
            known_skus = {key for key, _ in valid.get(p.Kind.SKU, [])} | self._keys(c, p.Kind.SKU)
            known_customers = {key for key, _ in valid.get(p.Kind.CUSTOMER, [])} | self._keys(
                c, p.Kind.CUSTOMER
            )
            orders = []
            for key, order in valid.get(p.Kind.ORDER, []):
                missing = sorted({line["sku"] for line in order["lines"]} - known_skus)
                if missing:
                    report.errors.append(f"order {key}: unknown SKU {', '.join(missing)}")
                elif order.get("customer") and order["customer"] not in known_customers:
                    report.errors.append(f"order {key}: unknown customer {order['customer']}")
                else:
                    orders.append((key, order))
            valid[p.Kind.ORDER] = self._keep_station_facts(c, orders)
            documents: dict[p.Kind, list[tuple[str, dict[str, Any] | None]]] = {
                kind: list(valid.get(kind, [])) for kind in p.DEPENDENCY_ORDER
            }
            for item in document.get("deleted") or []:
                try:
                    documents[p.Kind(item["kind"])].append((str(item["key"]), None))
                except (KeyError, ValueError, TypeError):
                    report.errors.append(f"deleted: {item!r} is not {{kind, key}}")
            self._put_all(c, documents)  # one write, rows in lock order (see _put_all)
        report.skus = len(valid.get(p.Kind.SKU, []))
        report.customers = len(valid.get(p.Kind.CUSTOMER, []))
        report.orders = len(valid[p.Kind.ORDER])
        return report

    def _keys(self, c: Connection, kind: p.Kind) -> set[str]:
        return set(c.scalars(select(m.Entity.key).where(m.Entity.kind == kind.value, ~m.Entity.deleted)))

    def _keep_station_facts(
        self, c: Connection, orders: list[tuple[str, dict[str, Any]]]
    ) -> list[tuple[str, dict[str, Any]]]:
        """A shop platform re-sending an order does not undo a pack: packed stays packed (with who
        packed it) unless the platform cancels it. A cancellation of a packed order is a conflict
        for the station that packed it (its parcel must be stopped before hand-off); the station
        puts the parcel on its put-back list when it pulls the cancellation."""
        if not orders:
            return orders
        packed: dict[str, dict[str, Any]] = {}
        for chunk in chunks([key for key, _ in orders], 900):
            for key, data in c.execute(
                select(m.Entity.key, m.Entity.data).where(
                    m.Entity.kind == p.Kind.ORDER.value, m.Entity.key.in_(chunk)
                )
            ):
                if data and data.get("status") in ("packed", "shipped"):
                    packed[key] = data
        kept = []
        for key, order in orders:
            before = packed.get(key)
            if before is not None and before["status"] == "packed" and order["status"] == "cancelled":
                station = before.get("packed_by") or "a station"
                detail = f"order {key} was cancelled after it was packed at {station}: stop the parcel"
                log.warning("%s", detail)
                c.execute(insert(m.Conflict).values(kind="cancelled_after_pack", key=key, station=station,
                                                    event_id="", detail=detail))  # fmt: skip
                order = {**order, "packed_by": before.get("packed_by", ""), "pack_id": before.get("pack_id")}
            elif before is not None and order["status"] not in ("cancelled", "shipped"):
                order = {
                    **order,
                    "status": before["status"],
                    "packed_by": before.get("packed_by", ""),
                    "pack_id": before.get("pack_id"),
                }
            kept.append((key, order))
        return kept

    def import_file(self, name: str, content: bytes) -> p.ImportReport:
        """JSON (the import document) or CSV (orders: one row per line; customers: one row each),
        in UTF-8 or, for CSV, GBK/GB 18030 (what Excel on a Chinese Windows saves, and what shop
        platforms' order exports often are)."""
        text = import_text(name, content)
        if name.lower().endswith(".csv"):
            return self.import_documents(parse_csv(text))
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadImportFile(f"{name}: not JSON (line {exc.lineno}: {exc.msg})") from None
        except RecursionError:
            raise BadImportFile(f"{name}: nested too deep to be an import document") from None
        if not isinstance(document, dict):
            raise BadImportFile(
                f"{name}: the JSON must be an object with sections such as orders and customers"
            )
        return self.import_documents(document)

    def set_preference(self, customer_code: str, field: str, value: Any, source: str = "crm") -> None:
        """A change made in the CRM: stamped now, so later concurrent station edits merge by time."""
        now = utc_now()
        with self.writing() as c:
            self._write_first(c)
            batch = Batch(c, self._put_all)
            customer = batch.get(p.Kind.CUSTOMER, customer_code)
            if customer is None:
                raise KeyError(customer_code)
            preferences = dict(customer.get("preferences") or {})
            batch.add(
                m.PreferenceAudit,
                customer=customer_code,
                field=field,
                old=preferences.get(field),
                proposed=value,
                base=preferences.get(field),
                result=value,
                decision="applied",
                source=source,
                event_id="",
                changed_at=now,
            )
            preferences[field] = value
            customer["preferences"] = preferences
            batch.set_stamp(customer_code, field, now, source)  # the CRM's change is the newest
            batch.put(p.Kind.CUSTOMER, customer_code, customer)
            batch.commit()

    def run_segments(
        self, thresholds: Thresholds | None = None, dry_run: bool = False, now: datetime | None = None
    ) -> segments.SegmentReport:
        """RFM and lifecycle tags from the orders; written in batches of their own transaction, so
        stations' pulls are not held behind one long write. `dry_run`: the changes, nothing written."""
        started = time.perf_counter()
        report = segments.SegmentReport()
        with self.reading() as c:
            changed = segments.changes(c, thresholds or Thresholds(), now or utc_now(), report)
        if not dry_run:
            for start in range(0, len(changed), segments.WRITE_BATCH):
                with self.writing() as c:
                    self._write_first(c)
                    self._put_all(c, {p.Kind.CUSTOMER: changed[start : start + segments.WRITE_BATCH]})
        report.seconds = time.perf_counter() - started
        log.info("customer segments: %d customers, %d changed%s in %.1f s", report.customers, report.changed,
                 " (dry run: nothing written)" if dry_run else "", report.seconds)  # fmt: skip
        return report

    def claim_segment_run(self, day: str) -> bool:
        """True for the one server process that runs today's segments (the first to claim the day)."""
        try:
            with self.transaction() as s:
                s.add(m.SegmentRun(day=day))
        except IntegrityError:
            return False
        return True
