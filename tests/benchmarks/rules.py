# ruff: noqa: E501  (compact literal test data)
"""Evaluating 200 customer rules against an order (issue 6 target: p99 <= 1 ms)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from tests.benchmarks.timing import percentile


def two_hundred_rules() -> list[dict]:
    import json

    from app.paths import RESOURCES

    defaults = json.loads((RESOURCES / "rules" / "default.json").read_text(encoding="utf-8"))["rules"]
    rules = list(defaults)
    fields = [("customer.tier", "in", ["gold", "vip"]), ("order.amount_cents", "gte", 5000),
              ("customer.tags", "contains_any", ["x", "new"]), ("order.note", "contains", "急"),
              ("item.category", "contains", "beauty"), ("order.channel", "eq", "douyin")]  # fmt: skip
    i = 0
    while len(rules) < 200:
        a, b = fields[i % len(fields)], fields[(i + 1) % len(fields)]
        rules.append(
            {"code": f"gen-{i}", "conditions": [{"field": a[0], "op": a[1], "value": a[2]},
                                                 {"field": b[0], "op": b[1], "value": b[2]}],
             "actions": [{"action": "instruction", "zh": f"说明 {i}"}, {"action": "priority", "level": i % 100}]}
        )  # fmt: skip
        i += 1
    return rules


def bench_rules(samples: int = 5000) -> tuple[float, float, int]:
    from app.core.model import Address, Customer, OrderLine, OrderSnapshot, OrderStatus
    from app.core.rules import compile_rules, evaluate, parse_rules

    rules, errors = parse_rules(two_hundred_rules())
    assert not errors and len(rules) == 200
    compiled = compile_rules(rules)
    customer = Customer(1, "C1", "王小明", "139", "vip", ("new", "birthday_month"), date(1990, 11, 1),
                        {"packaging": "simple", "no_price_tags": True}, 3)  # fmt: skip
    order = OrderSnapshot(
        1, "TB1", "douyin", OrderStatus.NEW, "ZTO", "ZT1", Address("王", "139", "浙江省", "杭州市", "西湖区", "路1号"),
        tuple(OrderLine(i, f"SKU{i}", "商品", "Item", 1, 100, category="BEAUTY") for i in range(5)),
        19900, customer, buyer_note="急用，送人的礼物",
    )  # fmt: skip
    today, now = date(2026, 11, 22), datetime(2026, 11, 22, tzinfo=UTC)
    for _ in range(200):
        plan = evaluate(compiled, order, today, now)
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        evaluate(compiled, order, today, now)
        times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 50), percentile(times, 99), len(plan.fired)
