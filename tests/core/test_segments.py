"""RFM scores, lifecycle stages and the tags a segment run owns, with the seeds' thresholds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.segments import Stage, Thresholds, classify, retag

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


@pytest.mark.parametrize(
    ("orders", "days", "spend", "stage", "tags"),
    [
        (1, 3, 5_000, Stage.NEW, ("stage:new",)),
        (2, 10, 40_000, Stage.GROWING, ("stage:growing", "potential")),
        (3, 20, 100_001, Stage.MATURE, ("stage:mature", "high-value")),
        (3, 20, 100_000, Stage.MATURE, ("stage:mature",)),  # spend over ¥1,000, not at it
        (8, 31, 900_000, Stage.MATURE, ("stage:mature",)),  # not within 30 days: not high value
        (5, 181, 900_000, Stage.AT_RISK, ("stage:at_risk", "churn-risk")),
        (5, 180, 900_000, Stage.MATURE, ("stage:mature",)),
        (9, 400, 10, Stage.LOST, ("stage:lost", "lapsed")),
    ],
)
def test_stages_and_tags_by_the_seeds_thresholds(orders, days, spend, stage, tags):
    segment = classify(orders, ago(days), spend, NOW)
    assert segment.stage is stage and segment.tags == tags


def test_rfm_scores_from_their_edges():
    assert classify(10, ago(5), 300_000, NOW).rfm == "555"
    assert classify(1, ago(200), 9_999, NOW).rfm == "111"
    assert classify(3, ago(60), 30_000, NOW).rfm == "433"
    assert classify(0, None, 0, NOW) is None


def test_thresholds_are_configurable_and_checked():
    strict = Thresholds(recent_days=7, frequent_orders=5, high_spend_cents=500_000)
    assert "high-value" not in classify(3, ago(3), 900_000, NOW, strict).tags
    assert "high-value" in classify(5, ago(3), 900_000, NOW, strict).tags
    with pytest.raises(ValueError):
        Thresholds(recent_days=200, at_risk_days=180)


def test_a_run_replaces_only_its_own_tags_from_last_time():
    segment = classify(5, ago(200), 50_000, NOW)
    tags, mine = retag(
        ["vip", "enterprise", "stage:mature", "high-value"], ["stage:mature", "high-value"], segment
    )
    assert tags == ["vip", "enterprise", "stage:at_risk", "churn-risk"] and mine == [
        "stage:at_risk",
        "churn-risk",
    ]
    # The office tagged a customer churn-risk itself: the run does not take it away when it clears.
    tags, mine = retag(["churn-risk"], [], classify(1, ago(1), 100, NOW))
    assert tags == ["churn-risk", "stage:new"] and mine == ["stage:new"]
    assert retag(["vip", "stage:new"], ["stage:new"], None) == (["vip"], [])
