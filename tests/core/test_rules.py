# ruff: noqa: E501  (tables of cases read best one case per line)
"""Customer rules as a specification: every condition field and operator, every action, precedence,
broken rules, and what the pack session enforces (cards, samples, confirmations, override)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from app.core.commands import Command
from app.core.model import Address, Customer, OrderLine, OrderSnapshot, OrderStatus
from app.core.pack_session import (
    BadgeFound,
    CardsRequested,
    Commanded,
    ItemFound,
    NotFound,
    OrderFound,
    OrderHeld,
    PackCompleted,
    Phase,
    PinChecked,
    ReasonGiven,
    Scanned,
    VerdictKind,
    WeightEntered,
    new_session,
    step,
)
from app.core.rules import (
    ActionKind,
    Confirm,
    RuleError,
    compile_rules,
    evaluate,
    facts,
    parse_rule,
    parse_rules,
)
from app.paths import RESOURCES
from tests.core.test_pack_session import PACKER, POLICY, SUPERVISOR

TODAY = date(2026, 11, 22)  # a Sunday
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def customer(**changes) -> Customer:
    base = Customer(1, "C001", "王小明", "13900000000", "normal", order_count=5, lifetime_value_cents=50000)
    return replace(base, **changes)


def order(cust: Customer | None = None, **changes) -> OrderSnapshot:
    base = OrderSnapshot(
        order_id=1,
        order_no="TB1001",
        channel="taobao",
        status=OrderStatus.NEW,
        carrier="ZTO",
        waybill_no="ZT1",
        address=Address("王小明", "13900000000", "浙江省", "杭州市", "西湖区", "文三路1号"),
        lines=(
            OrderLine(11, "SERUM", "精华液", "Serum", 2, 100, category="BEAUTY"),
            OrderLine(12, "MUG", "马克杯", "Mug", 1, 320, category="HOME"),
        ),
        amount_cents=19900,
        customer=cust if cust is not None else customer(),
        ship_by=NOW + timedelta(hours=10),
    )
    return replace(base, **changes)


def fires(condition: dict, snapshot: OrderSnapshot) -> bool:
    rule = parse_rule({"code": "t", "conditions": [condition], "actions": [{"action": "hide_prices"}]})
    return evaluate(compile_rules([rule]), snapshot, TODAY, NOW).fired == ("t",)


CASES = [
    # (condition, order that matches, order that does not)
    ({"field": "customer.tier", "op": "eq", "value": "VIP"}, order(customer(tier="vip")), order()),
    ({"field": "customer.tier", "op": "in", "value": ["vip", "svip"]}, order(customer(tier="svip")), order()),
    ({"field": "customer.tags", "op": "contains", "value": "enterprise"},
     order(customer(tags=("Enterprise",))), order()),
    ({"field": "customer.tags", "op": "contains_any", "value": ["churn_risk", "x"]},
     order(customer(tags=("churn_risk",))), order(customer(tags=("new",)))),
    ({"field": "customer.first_order", "op": "is_true"}, order(customer(order_count=0)), order()),
    ({"field": "customer.birthday_month", "op": "is_true"},
     order(customer(birthday=date(1990, 11, 3))), order(customer(birthday=date(1990, 5, 3)))),
    ({"field": "customer.days_since_last_order", "op": "gte", "value": 180},
     order(customer(last_order_at=NOW - timedelta(days=200))), order(customer(last_order_at=NOW - timedelta(days=3)))),
    ({"field": "customer.lifetime_value_cents", "op": "gt", "value": 100000},
     order(customer(lifetime_value_cents=200000)), order()),
    ({"field": "customer.returns_count", "op": "gte", "value": 2}, order(customer(returns_count=2)), order()),
    ({"field": "customer.return_rate_pct", "op": "gt", "value": 30},
     order(customer(returns_count=2, order_count=5)), order(customer(returns_count=1, order_count=5))),
    ({"field": "customer.days_since_problem", "op": "lte", "value": 60},
     order(customer(last_problem_at=NOW - timedelta(days=10))),
     order(customer(last_problem_at=NOW - timedelta(days=90)))),
    ({"field": "customer.last_problem", "op": "in", "value": ["quality", "damaged_in_transit"]},
     order(customer(last_problem="quality")), order(customer(last_problem="changed_mind"))),
    ({"field": "customer.pref.packaging", "op": "eq", "value": "simple"},
     order(customer(preferences={"packaging": "simple"})), order()),
    ({"field": "customer.pref.no_price_tags", "op": "is_true"},
     order(customer(preferences={"no_price_tags": True})), order(customer(preferences={"no_price_tags": False}))),
    ({"field": "customer.pref.preferred_carrier", "op": "exists"},
     order(customer(preferences={"preferred_carrier": "SF"})), order()),
    ({"field": "customer.pref.ship_days", "op": "contains", "value": 6},
     order(customer(preferences={"ship_days": [6, 7]})), order()),
    ({"field": "customer.pref.note", "op": "contains", "value": "周六"},
     order(customer(preferences={"note": "请周六送"})), order()),
    ({"field": "order.channel", "op": "in", "value": ["douyin", "kuaishou"]}, order(channel="douyin"), order()),
    ({"field": "order.channel", "op": "eq", "value": "wechat"}, order(channel="wechat"), order()),
    ({"field": "order.carrier", "op": "ne", "value": "ZTO"}, order(carrier="SF"), order()),
    ({"field": "order.amount_cents", "op": "gte", "value": 200000}, order(amount_cents=250000), order()),
    ({"field": "order.item_count", "op": "gt", "value": 3}, order(lines=order().lines * 2), order()),
    ({"field": "order.note", "op": "contains_any", "value": ["礼物"]}, order(buyer_note="这是送朋友的礼物"), order()),
    ({"field": "order.custom_fields", "op": "contains", "value": "engraving"},
     order(lines=(OrderLine(1, "RING", "戒指", "Ring", 1, 20, custom_fields={"engraving": "L&W"}),)), order()),
    ({"field": "order.hours_to_ship_by", "op": "lt", "value": 4},
     order(ship_by=NOW + timedelta(hours=2)), order()),
    ({"field": "item.sku", "op": "contains", "value": "MUG"}, order(), order(lines=order().lines[:1])),
    ({"field": "item.category", "op": "contains", "value": "home"}, order(), order(lines=order().lines[:1])),
    ({"field": "customer.tags", "op": "not_contains", "value": "vip"}, order(), order(customer(tags=("vip",)))),
    ({"field": "customer.pref.note", "op": "missing"}, order(), order(customer(preferences={"note": "x"}))),
    ({"field": "order.amount_cents", "op": "lte", "value": 100}, order(amount_cents=100), order()),
    ({"field": "customer.tier", "op": "not_in", "value": ["normal"]}, order(customer(tier="gold")), order()),
    ({"field": "customer.first_order", "op": "is_false"}, order(), order(customer(order_count=1))),
]  # fmt: skip


@pytest.mark.parametrize(
    ("condition", "matching", "other"), CASES, ids=[f"{c['field']}-{c['op']}" for c, *_ in CASES]
)
def test_each_condition_matches_what_it_says_and_nothing_else(condition, matching, other):
    assert fires(condition, matching)
    assert not fires(condition, other)


def test_every_field_and_operator_has_a_case():
    fields = {c["field"] for c, *_ in CASES}
    from app.core.rules import FIELDS, OPERATORS

    assert fields == set(FIELDS)
    assert {c["op"] for c, *_ in CASES} == set(OPERATORS) - {"exists"} | {"exists"}


ACTIONS = [
    ({"action": "priority", "level": 90}, Confirm.NONE),
    ({"action": "carrier", "carrier": "SF"}, Confirm.REWAYBILL),  # the order's waybill is ZTO
    ({"action": "carrier", "carrier": "ZTO"}, Confirm.NONE),
    ({"action": "packaging", "type": "gift"}, Confirm.KEY),
    ({"action": "insert", "template": "vip"}, Confirm.SCAN_INSERT),
    ({"action": "sample", "sku": "SAM-1", "quantity": 2}, Confirm.SCAN_SAMPLE),
    ({"action": "hide_prices"}, Confirm.NONE),
    ({"action": "remove_price_tags"}, Confirm.KEY),
    ({"action": "call_back", "note": "回访"}, Confirm.NONE),
    ({"action": "ship_not_before", "date": "2026-11-25"}, Confirm.KEY),
    ({"action": "ship_not_before", "weekdays": [7]}, Confirm.NONE),  # today is Sunday
    ({"action": "split_allowed"}, Confirm.NONE),
    ({"action": "vat_invoice"}, Confirm.KEY),
    ({"action": "check_personalisation"}, Confirm.KEY),
    ({"action": "instruction", "zh": "放入说明书", "en": "Put the manual in"}, Confirm.KEY),
    ({"action": "min_shelf_life", "days": 180}, Confirm.NONE),
]


@pytest.mark.parametrize(("action", "confirm"), ACTIONS, ids=[f"{a['action']}-{c}" for a, c in ACTIONS])
def test_each_action_becomes_a_step_with_its_rule_and_confirmation(action, confirm):
    rule = parse_rule({"code": "R1", "name": "规则一", "conditions": [], "actions": [action]})
    plan = evaluate(compile_rules([rule]), order(), TODAY, NOW)
    (only,) = plan.steps
    assert only.action is ActionKind(action["action"]) and only.rule == "R1" and only.rule_name == "规则一"
    assert only.confirm is confirm
    if confirm is Confirm.SCAN_INSERT:
        assert only.confirm_code == "#PLI:V:TB1001"
    assert set(ActionKind) == {ActionKind(a["action"]) for a, _ in ACTIONS}


def test_first_rule_wins_single_valued_actions_and_the_loser_is_visible():
    rules, errors = parse_rules(
        [
            {"code": "pref", "conditions": [], "actions": [{"action": "carrier", "carrier": "$customer.pref.preferred_carrier"}]},
            {"code": "vip", "conditions": [], "actions": [{"action": "carrier", "carrier": "SF"},
                                                           {"action": "insert", "template": "vip"}]},
            {"code": "bday", "conditions": [], "actions": [{"action": "insert", "template": "vip"},
                                                            {"action": "insert", "template": "birthday"}]},
        ]
    )  # fmt: skip
    assert not errors
    snapshot = order(customer(preferences={"preferred_carrier": "JD"}))
    plan = evaluate(compile_rules(rules), snapshot, TODAY, NOW)
    assert [s.params.get("carrier") for s in plan.of(ActionKind.CARRIER)] == ["JD"]
    assert plan.first(ActionKind.CARRIER).rule == "pref"
    (lost,) = plan.overridden
    assert (lost.rule, lost.by_rule, lost.params) == ("vip", "pref", {"carrier": "SF"})
    assert plan.inserts == ("vip", "birthday")  # one VIP card although two rules ask for it
    # Without the preference the reference yields nothing and the VIP rule's carrier stands.
    plan = evaluate(compile_rules(rules), order(), TODAY, NOW)
    assert plan.first(ActionKind.CARRIER).rule == "vip" and not plan.overridden


def test_a_stopping_rule_ends_evaluation_and_disabled_rules_do_not_fire():
    rules, _ = parse_rules(
        [
            {"code": "off", "enabled": False, "conditions": [], "actions": [{"action": "vat_invoice"}]},
            {"code": "stop", "stop": True, "conditions": [], "actions": [{"action": "hide_prices"}]},
            {"code": "after", "conditions": [], "actions": [{"action": "split_allowed"}]},
        ]
    )
    plan = evaluate(compile_rules(rules), order(), TODAY, NOW)
    assert plan.fired == ("stop",)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"code": "bad code!", "actions": [{"action": "hide_prices"}]}, "code must be"),
        ({"code": "x", "actions": []}, "at least one action"),
        ({"code": "x", "conditions": [{"field": "customer.shoe_size", "op": "eq", "value": 1}],
          "actions": [{"action": "hide_prices"}]}, "unknown field"),
        ({"code": "x", "conditions": [{"field": "customer.tier", "op": "gte", "value": 1}],
          "actions": [{"action": "hide_prices"}]}, "does not apply"),
        ({"code": "x", "conditions": [{"field": "order.amount_cents", "op": "gte", "value": "many"}],
          "actions": [{"action": "hide_prices"}]}, "compares with a number"),
        ({"code": "x", "conditions": [{"field": "customer.tier", "op": "in", "value": "vip"}],
          "actions": [{"action": "hide_prices"}]}, "needs a list"),
        ({"code": "x", "actions": [{"action": "teleport"}]}, "unknown action"),
        ({"code": "x", "actions": [{"action": "insert"}]}, "needs template"),
        ({"code": "x", "actions": [{"action": "packaging", "type": "bubble"}]}, "packaging type"),
        ({"code": "x", "actions": [{"action": "priority", "level": "high"}]}, "wrong type"),
        ({"code": "x", "actions": [{"action": "ship_not_before", "date": "next week"}]}, "YYYY-MM-DD"),
        ({"code": "x", "actions": [{"action": "carrier", "carrier": "$customer.nothing"}]}, "refers to no known field"),
    ],
)  # fmt: skip
def test_broken_rules_are_refused_with_where_and_why(rule, message):
    with pytest.raises(RuleError, match=message):
        parse_rule(rule)
    rules, errors = parse_rules([rule, {"code": "ok", "actions": [{"action": "hide_prices"}]}])
    assert [r.code for r in rules] == ["ok"] and len(errors) == 1 and message in errors[0]


def test_the_shipped_defaults_parse_and_cover_the_customer_cases():
    items = json.loads((RESOURCES / "rules" / "default.json").read_text(encoding="utf-8"))["rules"]
    rules, errors = parse_rules(items)
    assert not errors
    compiled = compile_rules(rules)
    vip_birthday = order(customer(tier="vip", birthday=date(1988, 11, 9)))
    plan = evaluate(compiled, vip_birthday, TODAY, NOW)
    assert plan.inserts == ("vip", "birthday") and plan.priority == 90
    assert plan.first(ActionKind.SAMPLE).params["sku"] == "SAM-00350"
    assert plan.first(ActionKind.CARRIER).params["carrier"] == "SF"
    first = evaluate(compiled, order(customer(order_count=0)), TODAY, NOW)
    assert first.inserts == ("welcome",) and first.of(ActionKind.INSTRUCTION)
    churn = evaluate(compiled, order(customer(tags=("churn_risk",))), TODAY, NOW)
    assert churn.inserts == ("coupon",) and churn.of(ActionKind.CALL_BACK)
    enterprise = evaluate(compiled, order(customer(tags=("enterprise",))), TODAY, NOW)
    assert {s.action for s in enterprise.steps} == {ActionKind.SPLIT_ALLOWED, ActionKind.VAT_INVOICE}
    prefs = {"packaging": "simple", "no_price_tags": True, "ship_days": [6]}
    wishes = evaluate(compiled, order(customer(preferences=prefs)), TODAY, NOW)
    assert wishes.first(ActionKind.PACKAGING).params["type"] == "simple"
    assert wishes.hide_prices and wishes.of(ActionKind.REMOVE_PRICE_TAGS)
    assert wishes.first(ActionKind.SHIP_NOT_BEFORE).confirm is Confirm.KEY  # Saturday only, today Sunday
    assert evaluate(compiled, order(), TODAY, NOW).steps == ()


# --- enforcement ----------------------------------------------------------------------------------

SERUM = ItemFound("SERUM", 1, "精华液", "Serum")
MUG = ItemFound("MUG", 1, "马克杯", "Mug")
SAMPLE = ItemFound("SAM-1", 1, "试用装", "Sample")


def planned_session():
    rules, _ = parse_rules(
        [{"code": "vip", "name": "VIP", "conditions": [], "actions": [
            {"action": "insert", "template": "vip"}, {"action": "sample", "sku": "SAM-1", "quantity": 1},
            {"action": "remove_price_tags"}]}]
    )  # fmt: skip
    snapshot = order()
    plan = evaluate(compile_rules(rules), snapshot, TODAY, NOW)
    state = step(new_session(PACKER, POLICY), Scanned("TB1001", OrderFound(snapshot, plan))).state
    for item in (SERUM, SERUM, MUG):
        outcome = step(state, Scanned(item.sku_code, item))
        state = outcome.state
    return state, outcome, snapshot


def test_the_pack_cannot_complete_while_a_card_sample_or_confirmation_is_missing():
    state, last, snapshot = planned_session()
    assert last.verdict.kind is VerdictKind.STEPS_LEFT and state.phase is Phase.SCANNING
    weighed = step(state, WeightEntered(snapshot.items_weight_g + 50))
    assert weighed.verdict.kind is VerdictKind.STEPS_LEFT and not weighed.effects  # not packed
    assert step(state, Commanded(Command.COMPLETE)).verdict.quantity == 3

    wrong = step(state, Scanned("#PLI:V:TB9999", NotFound("#PLI:V:TB9999")))
    assert wrong.verdict.kind is VerdictKind.WRONG_INSERT and wrong.state == state
    state = step(state, Scanned("#PLI:V:TB1001", NotFound("#PLI:V:TB1001"))).state
    again = step(state, Scanned("#PLI:V:TB1001", NotFound("#PLI:V:TB1001")))
    assert again.verdict.kind is VerdictKind.STEP_ALREADY_DONE
    state = step(state, Scanned("SAM-1", SAMPLE)).state
    assert step(state, Scanned("SAM-1", SAMPLE)).verdict.kind is VerdictKind.STEP_ALREADY_DONE
    assert state.phase is Phase.SCANNING and len(state.open_steps) == 1
    done = step(state, Commanded(Command.CONFIRM))
    assert done.verdict.kind is VerdictKind.ORDER_COMPLETE and done.state.phase is Phase.WEIGHING
    assert step(done.state, Commanded(Command.CONFIRM)).verdict.kind is VerdictKind.NOTHING_TO_CONFIRM
    packed = step(done.state, WeightEntered(snapshot.items_weight_g + 50))
    (completed,) = packed.effects
    assert isinstance(completed, PackCompleted) and completed.plan.fired == ("vip",)
    assert completed.plan_override_by is None


def test_a_supervisor_can_let_the_open_steps_go_with_a_reason_which_is_recorded():
    state, _, snapshot = planned_session()
    state = step(state, Scanned("#PLI:V:TB1001", NotFound("#PLI:V:TB1001"))).state
    prompt = step(state, Commanded(Command.OVERRIDE))
    assert prompt.verdict.kind is VerdictKind.SCAN_SUPERVISOR
    not_boss = step(prompt.state, Scanned("P0001", BadgeFound(PACKER)))
    assert not_boss.verdict.kind is VerdictKind.NOT_A_SUPERVISOR
    asking = step(step(prompt.state, Scanned("S0001", BadgeFound(SUPERVISOR))).state, PinChecked(True)).state
    assert step(asking, ReasonGiven("packaging_heavier")).verdict.kind is VerdictKind.UNKNOWN_REASON
    overridden = step(asking, ReasonGiven("sample_out_of_stock"))
    assert overridden.verdict.kind is VerdictKind.PLAN_OVERRIDDEN and overridden.state.phase is Phase.WEIGHING
    packed = step(overridden.state, WeightEntered(snapshot.items_weight_g + 50))
    (completed,) = packed.effects
    assert (
        completed.plan_override_by == SUPERVISOR and completed.plan_override_reason == "sample_out_of_stock"
    )
    assert set(completed.open_steps) == {"1:sample", "2:remove_price_tags"}


def test_facts_read_the_order_and_customer():
    f = facts(order(customer(birthday=date(2000, 11, 30), tags=("VIP",))), TODAY, NOW)
    assert f["customer.birthday_month"] and f["customer.tags"] == ["vip"] and f["order.item_count"] == 3
    assert f["item.category"] == ["beauty", "home"] and round(f["order.hours_to_ship_by"]) == 10


def test_the_last_item_says_how_many_instructions_are_really_left():
    _state, last, _snapshot = planned_session()
    assert last.verdict.kind is VerdictKind.STEPS_LEFT and last.verdict.quantity == 3  # not the case size


def test_steps_come_in_the_order_a_packer_works():
    rules, _ = parse_rules(
        [{"code": "r", "name": "R", "conditions": [], "actions": [
            {"action": "insert", "template": "vip"}, {"action": "call_back", "note": "x"},
            {"action": "sample", "sku": "SAM-1"}, {"action": "packaging", "type": "gift"},
            {"action": "remove_price_tags"}]}]
    )  # fmt: skip
    plan = evaluate(compile_rules(rules), order(), TODAY, NOW)
    assert [s.action for s in plan.in_work_order] == [
        ActionKind.CALL_BACK,
        ActionKind.PACKAGING,
        ActionKind.REMOVE_PRICE_TAGS,
        ActionKind.SAMPLE,
        ActionKind.INSERT,
    ]
    assert plan.to_confirm[0].action is ActionKind.PACKAGING  # F1 confirms the box first


def carrier_plan(carrier: str):
    rules, _ = parse_rules(
        [{"code": "sf", "name": "SF for VIPs", "conditions": [], "actions": [
            {"action": "carrier", "carrier": carrier}, {"action": "insert", "template": "vip"}]}]
    )  # fmt: skip
    snapshot = order()  # its waybill is ZTO
    return snapshot, evaluate(compile_rules(rules), snapshot, TODAY, NOW)


def test_a_carrier_the_waybill_is_not_for_holds_the_order_for_a_new_waybill_instead_of_a_tick():
    snapshot, plan = carrier_plan("SF")
    assert plan.rewaybill is not None and all(s.action is not ActionKind.CARRIER for s in plan.to_confirm)
    outcome = step(new_session(PACKER, POLICY), Scanned("TB1001", OrderFound(snapshot, plan)))
    assert outcome.verdict.kind is VerdictKind.REWAYBILL
    assert (outcome.verdict.code, outcome.verdict.detail) == ("SF", "ZTO")
    (held,) = outcome.effects
    assert isinstance(held, OrderHeld) and held.reason == "rewaybill"
    assert outcome.state.order is None  # nothing to scan into


def test_the_carrier_the_waybill_is_for_is_only_shown():
    snapshot, plan = carrier_plan("ZTO")
    assert plan.rewaybill is None and plan.first(ActionKind.CARRIER).confirm is Confirm.NONE
    outcome = step(new_session(PACKER, POLICY), Scanned("TB1001", OrderFound(snapshot, plan)))
    assert outcome.verdict.kind is VerdictKind.ORDER_LOADED


def test_a_supervisor_release_of_a_rewaybill_hold_packs_it_with_its_cards():
    snapshot, plan = carrier_plan("SF")
    held = replace(snapshot, status=OrderStatus.ON_HOLD, hold_reason="rewaybill")
    refused = step(new_session(PACKER, POLICY), Scanned("TB1001", OrderFound(held, plan))).state
    asking = step(refused, Commanded(Command.RELEASE)).state
    pin = step(asking, Scanned("S0001", BadgeFound(SUPERVISOR))).state
    released = step(pin, PinChecked(True))
    assert released.verdict.kind is VerdictKind.HOLD_RELEASED
    assert released.state.plan == plan and [s.action for s in released.state.open_steps] == [
        ActionKind.INSERT
    ]


def test_f1_with_only_cards_left_prints_them_again():
    state, _, snapshot = planned_session()
    state = step(state, Commanded(Command.CONFIRM)).state  # the price tags: a key step
    again = step(state, Commanded(Command.CONFIRM))
    assert again.verdict.kind is VerdictKind.CARDS_REPRINTED and again.verdict.quantity == 1
    (effect,) = again.effects
    assert isinstance(effect, CardsRequested) and effect.templates == ("vip",) and effect.order == snapshot
    assert again.state == state  # nothing is confirmed by printing
