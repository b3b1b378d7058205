"""Customer segments on the server: RFM and lifecycle from every customer's orders, written as tags.

One aggregate over the orders (count, last paid, spend per customer, cancelled ones left out), the
classification in Python (app.core.segments), and only the customers whose tags or segment changed
written back, with fresh revisions, so stations pull them like any change. The tags a run set are
kept in the customer's `segment.tags`; the next run replaces those and leaves the office's alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, text

from app.core.segments import Thresholds, classify, retag
from sync import protocol as p
from sync.server import models as m

SOURCE = "segments"
WRITE_BATCH = 2000

_AGGREGATE = {
    "postgresql": text(
        "SELECT data->>'customer', count(*), max(data->>'paid_at'),"
        " sum(coalesce((data->>'amount_cents')::bigint, 0))"
        " FROM entities WHERE kind = 'order' AND NOT deleted AND data->>'customer' IS NOT NULL"
        " AND coalesce(data->>'status', '') != 'cancelled' GROUP BY 1"
    ),
    "sqlite": text(
        "SELECT json_extract(data, '$.customer'), count(*), max(json_extract(data, '$.paid_at')),"
        " sum(coalesce(json_extract(data, '$.amount_cents'), 0))"
        " FROM entities WHERE kind = 'order' AND NOT deleted AND json_extract(data, '$.customer') IS NOT NULL"
        " AND coalesce(json_extract(data, '$.status'), '') != 'cancelled' GROUP BY 1"
    ),
}
# The documents through the model's JSON type: decoded on every database (SQLite hands back text).
_CUSTOMERS = select(m.Entity.key, m.Entity.data).where(
    m.Entity.kind == p.Kind.CUSTOMER.value, ~m.Entity.deleted
)


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


def aggregate(c: Connection) -> dict[str, tuple[int, datetime | None, int]]:
    """Per customer code: orders, last paid time, spend in cents (cancelled orders left out)."""
    out: dict[str, tuple[int, datetime | None, int]] = {}
    for code, count, last, spend in c.execute(_AGGREGATE[c.dialect.name]):
        out[str(code)] = (int(count), _when(last), int(spend or 0))
    return out


def changes(
    c: Connection, thresholds: Thresholds, now: datetime, report: SegmentReport
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The customers whose segment tags or scores change, as their new documents."""
    history = aggregate(c)
    for code, data in c.execute(_CUSTOMERS):
        if not isinstance(data, dict):
            continue  # not a document: nothing to tag, and nothing of it is overwritten
        doc = dict(data)
        report.customers += 1
        orders, last, spend = history.get(code, (0, None, 0))
        segment = classify(orders, last, spend, now, thresholds)
        before = doc.get("segment") or {}
        tags, mine = retag(list(doc.get("tags") or []), list(before.get("tags") or []), segment)
        if segment is not None:
            report.stages[segment.stage.value] += 1
            report.tags.update(segment.tags)
            after: dict[str, Any] | None = {
                "stage": segment.stage.value,
                "rfm": segment.rfm,
                "tags": mine,
                "source": SOURCE,
            }
        else:
            after = None
        same = tags == list(doc.get("tags") or []) and _same(before, after)
        if same:
            continue
        doc["tags"] = tags
        if after is None:
            doc.pop("segment", None)
        else:
            doc["segment"] = {**after, "computed_at": now.isoformat()}
        report.changed += 1
        if len(report.examples) < 20:
            report.examples.append(
                {"customer": code, "tags": tags, "segment": after, "was": before.get("stage", "")}
            )
        yield code, doc


def _same(before: dict[str, Any], after: dict[str, Any] | None) -> bool:
    if after is None:
        return not before
    return all(before.get(k) == v for k, v in after.items())


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
