"""The office pages' controllers against a real database, with no Qt: their work runs in place."""

from __future__ import annotations

from app.office_desks import CustomerDesk, ExceptionsDesk, RulesDesk
from app.runner import Operations
from app.store.rules_store import editable_rules


def desk(cls, db):
    return cls(db, Operations.immediate(), lambda: "PACK-01", lambda: 1)


def test_a_customer_is_found_by_an_order_number_and_a_refused_value_says_why(demo_db, samples):
    customers = desk(CustomerDesk, demo_db)
    answers = []
    customers.load(samples["ready"][0]["order_no"], answers.append)
    card = answers[-1].value
    assert answers[-1].ok and card is not None
    customers.load("NOBODY-AT-ALL", answers.append)
    assert answers[-1].ok and answers[-1].value is None
    told = []
    customers.save(card.code, {"ship_days": "someday"}, told.append)
    assert told[-1].refused and not told[-1].failed  # the person's mistake, with the reason
    customers.save(card.code, {"packaging": "simple"}, told.append)
    assert told[-1].ok and told[-1].value >= 0


def test_a_broken_rule_is_refused_and_nothing_is_saved(demo_db, samples):
    rules = desk(RulesDesk, demo_db)
    loaded = []
    rules.load(loaded.append)
    items, source = loaded[-1].value
    assert items and source
    told = []
    rules.save([*items, {"code": "broken", "actions": [{"action": "insert"}]}], told.append)
    assert told[-1].refused and "template" in told[-1].refused
    assert editable_rules(demo_db)[0] == items
    tested = []
    rules.test(samples["ready"][0]["order_no"], items, tested.append)
    order_no, plan, errors = tested[-1].value
    assert plan.fired is not None
    assert order_no == samples["ready"][0]["order_no"] and errors == []
    rules.test("NO-SUCH-ORDER", items, tested.append)
    assert tested[-1].ok and tested[-1].value is None


def test_the_exception_list_loads_and_an_empty_decision_is_refused(demo_db):
    exceptions = desk(ExceptionsDesk, demo_db)
    listed = []
    exceptions.load(False, listed.append)
    assert listed[-1].ok and listed[-1].value == []
    told = []
    exceptions.resolve("no-such-event", "", told.append)
    assert told[-1].refused == "say what was done about it"


def test_the_wave_desk_plans_releases_and_cancels_a_wave_without_a_screen(demo_db):
    from app.core.waves import Caps, OrderFilter, Strategy
    from app.wave_desk import WaveDesk

    waves = WaveDesk(demo_db, Operations.immediate(), lambda: "DESK", lambda: 9)
    shown = []
    waves.load_orders(("new",), False, (), OrderFilter(), shown.append)
    assert shown[-1].ok and waves.orders and waves.matching == waves.orders
    waves.filter(OrderFilter(province="浙江"), shown.append, shape=len)
    zhejiang = waves.matching
    assert zhejiang and all(o.province.startswith("浙江") for o in zhejiang)
    assert shown[-1].value == len(zhejiang)
    told: list = []
    waves.preview(Strategy.ZONE, Caps(max_orders=0), told.append)
    assert told[-1].refused  # caps that make no sense
    waves.preview(Strategy.ZONE, Caps(max_orders=10, max_waves=2), told.append)
    plan = told[-1].value
    assert plan.waves and waves.plan is plan
    waves.commit(True, told.append)
    codes = told[-1].value.codes
    assert told[-1].ok and len(codes) == len(plan.waves) and waves.plan is None
    waves.commit(True, told.append)
    assert told[-1].refused == "no_plan"
    waves.refresh(False, told.append)
    assert {w.code for w in waves.progress} >= set(codes)
    waves.cancel(codes[0], told.append)
    assert told[-1].ok and told[-1].value > 0
    waves.cancel(codes[0], told.append)
    assert told[-1].refused  # a cancelled wave cannot be cancelled again: the reason is shown
    waves.load_exceptions(False, told.append)
    assert told[-1].ok


def test_the_print_history_filters_by_order(demo_db):
    from app.office_desks import PrintHistoryDesk

    history = desk(PrintHistoryDesk, demo_db)
    shown = []
    history.load("", shown.append)
    history.load("NO-SUCH-ORDER", shown.append)
    assert shown[0].ok and shown[1].ok and shown[1].value == []
