"""Customer segments on the server: RFM and lifecycle from every customer's orders, written as tags.

One aggregate over the orders (count, last paid, spend per customer, cancelled ones left out), the
classification in Python (app.core.segments), and only the customers whose tags or segment changed
written back, with fresh revisions, so stations pull them like any change. The tags a run set are
kept in the customer's `segment.tags`; the next run replaces those and leaves the office's alone.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, text

from app.core.segments import Thresholds, classify, retag
from sync import protocol as p
from sync.server import models as m

SOURCE = "segments"
WRITE_BATCH = 2000

# Every customer with its order history, in one statement: the orders aggregated per customer
# (cancelled ones left out) joined to what the customer's segment depends on — its tags and its
# last segment (the whole document is read only for the customers that change).
_HISTORY = {
    # json_to_record parses each order once (every ->> on a json value parses it again).
    "postgresql": text(
        "SELECT e.key, e.data->'tags', e.data->'segment', a.n, a.last, a.spend FROM entities e"
        " LEFT JOIN (SELECT r.customer, count(*) AS n, max(r.paid_at) AS last,"
        " sum(coalesce(r.amount_cents, 0)) AS spend"
        " FROM entities o, json_to_record(o.data) AS r(customer text, status text, paid_at text,"
        " amount_cents bigint)"
        " WHERE o.kind = 'order' AND NOT o.deleted AND r.customer IS NOT NULL"
        " AND coalesce(r.status, '') != 'cancelled' GROUP BY 1) a ON a.customer = e.key"
        " WHERE e.kind = 'customer' AND NOT e.deleted"
    ),
    "sqlite": text(
        "SELECT e.key, json_extract(e.data, '$.tags'), json_extract(e.data, '$.segment'), a.n, a.last,"
        " a.spend FROM entities e"
        " LEFT JOIN (SELECT json_extract(data, '$.customer') AS customer, count(*) AS n,"
        " max(json_extract(data, '$.paid_at')) AS last,"
        " sum(coalesce(json_extract(data, '$.amount_cents'), 0)) AS spend"
        " FROM entities WHERE kind = 'order' AND NOT deleted"
        " AND coalesce(json_extract(data, '$.status'), '') != 'cancelled' GROUP BY 1) a ON a.customer = e.key"
        " WHERE e.kind = 'customer' AND NOT e.deleted"
    ),
}
_DOCUMENTS = select(m.Entity.key, m.Entity.data).where(m.Entity.kind == p.Kind.CUSTOMER.value)


@dataclass
class SegmentReport:
    customers: int = 0
    changed: int = 0
    stages: Counter[str] = field(default_factory=Counter)
    tags: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)  # the first changes, for --dry-run
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "customers": self.customers,
            "changed": self.changed,
            "stages": dict(sorted(self.stages.items())),
            "tags": dict(sorted(self.tags.items())),
            "examples": self.examples,
            "seconds": round(self.seconds, 2),
        }


def changes(
    c: Connection, thresholds: Thresholds, now: datetime, report: SegmentReport
) -> list[tuple[str, dict[str, Any]]]:
    """The customers whose segment tags or scores change, as their new documents."""
    changed: dict[str, tuple[list[str], dict[str, Any] | None]] = {}
    for code, tags_now, last_segment, orders, last, spend in c.execute(_HISTORY[c.dialect.name]):
        report.customers += 1
        tags_now, last_segment = _json(tags_now), _json(last_segment)
        current = [str(t) for t in tags_now] if isinstance(tags_now, list) else []
        before: dict[str, Any] = last_segment if isinstance(last_segment, dict) else {}
        segment = classify(int(orders or 0), _when(last), int(spend or 0), now, thresholds)
        tags, mine = retag(current, list(before.get("tags") or []), segment)
        after: dict[str, Any] | None = None
        if segment is not None:
            report.stages[segment.stage.value] += 1
            report.tags.update(segment.tags)
            after = {"stage": segment.stage.value, "rfm": segment.rfm, "tags": mine, "source": SOURCE}
        if tags == current and _same(before, after):
            continue
        changed[code] = (tags, after)
        report.changed += 1
        if len(report.examples) < 20:
            report.examples.append(
                {"customer": code, "tags": tags, "segment": after, "was": before.get("stage", "")}
            )
    out = []
    codes = sorted(changed)
    for start in range(0, len(codes), 1000):
        for code, data in c.execute(_DOCUMENTS.where(m.Entity.key.in_(codes[start : start + 1000]))):
            if not isinstance(data, dict):
                continue  # not a document: nothing of it is overwritten
            tags, after = changed[code]
            doc = {**data, "tags": tags}
            if after is None:
                doc.pop("segment", None)
            else:
                doc["segment"] = {**after, "computed_at": now.isoformat()}
            out.append((code, doc))
    return out


def _same(before: dict[str, Any], after: dict[str, Any] | None) -> bool:
    if after is None:
        return not before
    return all(before.get(k) == v for k, v in after.items())


def _json(value: Any) -> Any:
    """A JSON value as the driver gave it: decoded already (PostgreSQL), or text (SQLite)."""
    return json.loads(value) if isinstance(value, str) else value


def _when(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
