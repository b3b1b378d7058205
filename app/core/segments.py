"""Customer value from order history (RFM) and the lifecycle stage, as tags the customer rules use.

Pure: the server hands in each customer's order count, last order time and spend; this scores
recency, frequency and money 1–5 and names the stage (new, growing, mature, at risk, lost), with
the seeds' defaults: high value = ordered within 30 days, 3+ orders, spend over ¥1,000; at risk =
no order in 180 days. The tags it gives are the only ones a segment run adds or removes, so the
office's own tags stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Stage(StrEnum):
    NEW = "new"  # one order, recent
    GROWING = "growing"  # a few orders, recent
    MATURE = "mature"  # ordering regularly
    AT_RISK = "at_risk"  # no order for a long while
    LOST = "lost"  # no order for longer still


HIGH_VALUE, POTENTIAL, CHURN_RISK, LAPSED = "high-value", "potential", "churn-risk", "lapsed"
STAGE_TAG = "stage:"  # + the stage: "stage:mature"


@dataclass(frozen=True, slots=True)
class Thresholds:
    recent_days: int = 30  # high value and potential: ordered within this many days
    frequent_orders: int = 3  # high value: at least this many orders; mature too
    high_spend_cents: int = 100_000  # high value: spent more than this (¥1,000)
    potential_spend_cents: int = 30_000  # potential: recent, fewer orders, but spending this much
    at_risk_days: int = 180
    lost_days: int = 365
    # Score edges, best first: R by days since the last order, F by orders, M by spend in cents.
    recency_days: tuple[int, ...] = (30, 60, 90, 180)
    frequency_orders: tuple[int, ...] = (10, 5, 3, 2)
    money_cents: tuple[int, ...] = (300_000, 100_000, 30_000, 10_000)

    def __post_init__(self) -> None:
        if not 0 < self.recent_days < self.at_risk_days < self.lost_days:
            raise ValueError("recent_days < at_risk_days < lost_days, all above 0")
        if self.frequent_orders < 2 or self.high_spend_cents < 0 or self.potential_spend_cents < 0:
            raise ValueError("frequent_orders is at least 2 and spends are not negative")


@dataclass(frozen=True, slots=True)
class Segment:
    recency: int  # 1–5, 5: ordered lately
    frequency: int
    money: int
    stage: Stage
    tags: tuple[str, ...] = field(default=())

    @property
    def rfm(self) -> str:
        return f"{self.recency}{self.frequency}{self.money}"


# Plain loops: a night's run scores every customer (200,000 and more), and a generator per score
# was most of the Python time.
def _score_le(value: float, edges: tuple[int, ...]) -> int:
    """5 for a value at or under the first edge, 1 past the last."""
    score = 5
    for edge in edges:
        if value <= edge:
            return score
        score -= 1
    return 1


def _score_ge(value: float, edges: tuple[int, ...]) -> int:
    score = 5
    for edge in edges:
        if value >= edge:
            return score
        score -= 1
    return 1


def classify(orders: int, last_order_at: datetime | None, spend_cents: int, now: datetime,
             t: Thresholds = Thresholds()) -> Segment | None:  # fmt: skip
    """The customer's segment (None: no order yet, nothing to say)."""
    if orders <= 0 or last_order_at is None:
        return None
    days = max(0, (now - last_order_at).days)
    if days > t.lost_days:
        stage = Stage.LOST
    elif days > t.at_risk_days:
        stage = Stage.AT_RISK
    elif orders == 1:
        stage = Stage.NEW
    elif orders >= t.frequent_orders:
        stage = Stage.MATURE
    else:
        stage = Stage.GROWING
    tags = [STAGE_TAG + stage.value]
    recent = days <= t.recent_days
    if recent and orders >= t.frequent_orders and spend_cents > t.high_spend_cents:
        tags.append(HIGH_VALUE)
    elif recent and orders < t.frequent_orders and spend_cents >= t.potential_spend_cents:
        tags.append(POTENTIAL)
    if stage is Stage.AT_RISK:
        tags.append(CHURN_RISK)
    elif stage is Stage.LOST:
        tags.append(LAPSED)
    return Segment(
        recency=_score_le(days, t.recency_days),
        frequency=_score_ge(orders, t.frequency_orders),
        money=_score_ge(spend_cents, t.money_cents),
        stage=stage,
        tags=tuple(tags),
    )


def retag(current: list[str], set_before: list[str], segment: Segment | None) -> tuple[list[str], list[str]]:
    """(the customer's tags now, the tags the segment run set): the run's own tags from last time are
    replaced by this run's; every other tag (the office's) stays where it was."""
    mine = list(segment.tags) if segment is not None else []
    kept = [tag for tag in current if tag not in set_before and tag not in mine]
    return kept + mine, mine
