"""Traced units at the bench: capture from one GS1 scan, serial labels, uniqueness, shelf life,
recalls and FEFO, as the pure pack session decides them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.core.commands import Command
from app.core.model import OrderLine
from app.core.pack_events import decode, encode, replay
from app.core.pack_session import (
    Commanded,
    ItemFound,
    NotFound,
    OrderFound,
    PackCompleted,
    Scanned,
    SerialScanned,
    Severity,
    VerdictKind,
    WeightEntered,
    new_session,
    step,
)
from app.core.rules import compile_rules, evaluate, parse_rule
from app.core.trace import NO_FACTS, NO_UNIT, Fefo, Tracking, Unit, UnitFacts, gs1_date, unit_from_gs1
from scanner.interpret import interpret
from tests.core.test_pack_session import PACKER, POLICY, order, run

TODAY = date(2026, 12, 7)
CREAM = Tracking.parse("lot,expiry", 60)
PHONE = Tracking.parse("serial")
ROUTER = Tracking.parse("serial_label")


def traced_order(tracking: Tracking, quantity: int = 2, **changes):
    lines = (OrderLine(11, "CREAM", "面霜", "Face cream", quantity, 100, tracking=tracking),)
    return replace(order(), lines=lines, **changes)


def opened(tracking: Tracking, quantity: int = 2, fefo: Fefo = Fefo.OFF, plan=None, **changes):
    state = replace(new_session(PACKER, POLICY), fefo=fefo)
    the_order = traced_order(tracking, quantity, **changes)
    found = OrderFound(the_order, plan) if plan is not None else OrderFound(the_order)
    return step(state, Scanned(the_order.order_no, found)).state


def unit_scan(unit: Unit = NO_UNIT, facts: UnitFacts = NO_FACTS, qty: int = 1) -> Scanned:
    return Scanned("CREAM", ItemFound("CREAM", qty, "面霜", "Face cream", unit, facts, TODAY))


def expiring_in(days: int, lot: str = "L1", serial: str = "") -> Unit:
    return Unit(serial=serial, lot=lot, expiry=TODAY + timedelta(days=days))


# --- reading the unit off the scan ----------------------------------------------------------------


def test_gs1_dates_follow_the_general_specifications():
    assert gs1_date("140704", TODAY) == date(2014, 7, 4)
    assert gs1_date("271200", TODAY) == date(2027, 12, 31)  # day 00: the month's last day
    assert gs1_date("280200", TODAY) == date(2028, 2, 29)
    assert gs1_date("761231", TODAY) == date(2076, 12, 31)  # 50 years ahead: this century
    assert gs1_date("771231", TODAY) == date(1977, 12, 31)  # 51 ahead: the last one
    assert gs1_date("261301", TODAY) is None and gs1_date("260231", TODAY) is None
    assert gs1_date("2612", TODAY) is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # GS1 General Specifications' GS1-128 example: GTIN, expiry, batch
        ("]C1010950110153000317140704\x1d10AB-123", Unit("", "AB-123", date(2014, 7, 4))),
        # A GS1 DataMatrix with expiry, batch and serial: one scan fills all three
        (
            "]d2010950600013435217201225\x1d10ABC123\x1d21SN12345",
            Unit("SN12345", "ABC123", date(2020, 12, 25)),
        ),
        ("]d201095011015300032112345678\x1d10LOT7", Unit("12345678", "LOT7", None)),
        ("]d2010950110153000315271200", Unit("", "", date(2027, 12, 31))),  # best-before only
    ],
)
def test_one_gs1_scan_fills_serial_lot_and_expiry(text, unit):
    scan = interpret(text)
    assert scan.error == "" and scan.gtin is not None
    assert unit_from_gs1(scan.gs1, TODAY) == unit


def test_tracking_flags_round_trip_and_refuse_unknown_ones():
    assert Tracking.parse("serial_label,lot").flags == "serial_label,lot"
    assert Tracking.parse("", 30) == Tracking(expiry=True, min_shelf_days=30)
    assert not Tracking.parse("").tracked
    with pytest.raises(ValueError, match="colour"):
        Tracking.parse("lot,colour")


# --- lot and expiry ----------------------------------------------------------------------------------


def test_a_unit_with_enough_shelf_life_counts_with_its_lot():
    outcome = run(opened(CREAM), unit_scan(expiring_in(200)))
    assert outcome.verdict.kind is VerdictKind.ACCEPTED
    (packed,) = outcome.state.units
    assert packed.unit == expiring_in(200) and packed.sku_code == "CREAM" and packed.parcel_no == 1


def test_a_unit_below_the_skus_shelf_life_is_refused_with_the_days():
    outcome = run(opened(CREAM), unit_scan(expiring_in(23)))
    verdict = outcome.verdict
    assert verdict.kind is VerdictKind.SHELF_LIFE and verdict.severity is Severity.ERROR
    assert (verdict.scanned, verdict.required) == (23, 60)
    assert outcome.state.counts == (0,) and outcome.state.units == ()


def test_an_expired_unit_is_refused():
    outcome = run(opened(Tracking.parse("lot,expiry")), unit_scan(expiring_in(-1)))
    assert outcome.verdict.kind is VerdictKind.EXPIRED and outcome.state.counts == (0,)


def test_the_customers_rule_overrides_the_skus_shelf_life():
    rule = parse_rule(
        {"code": "ENT", "conditions": [], "actions": [{"action": "min_shelf_life", "days": 180}]}
    )
    plan = evaluate(compile_rules([rule]), traced_order(CREAM), TODAY)
    assert plan.min_shelf_days == 180
    state = opened(CREAM, plan=plan)
    refused = run(state, unit_scan(expiring_in(120)))
    assert refused.verdict.kind is VerdictKind.SHELF_LIFE and refused.verdict.required == 180
    assert run(state, unit_scan(expiring_in(181))).verdict.kind is VerdictKind.ACCEPTED


def test_a_plain_ean_of_a_lot_tracked_sku_is_refused_with_what_to_scan():
    outcome = run(opened(CREAM), unit_scan())
    assert outcome.verdict.kind is VerdictKind.LOT_NEEDED and outcome.state.counts == (0,)


def test_a_recalled_lot_is_refused_whatever_else_is_right():
    outcome = run(opened(CREAM), unit_scan(expiring_in(300), UnitFacts(recalled="过敏投诉")))
    assert outcome.verdict.kind is VerdictKind.RECALLED and outcome.verdict.detail == "过敏投诉"
    assert outcome.state.counts == (0,)


def test_fefo_warns_and_counts_or_blocks_by_setting():
    older = UnitFacts(older_lot="L0", older_expiry=TODAY + timedelta(days=90))
    warned = run(opened(CREAM, fefo=Fefo.WARN), unit_scan(expiring_in(300), older))
    assert warned.verdict.kind is VerdictKind.OLDER_LOT_COUNTED and warned.verdict.detail == "L0"
    assert warned.verdict.severity is Severity.PROMPT and warned.state.counts == (1,)
    blocked = run(opened(CREAM, fefo=Fefo.BLOCK), unit_scan(expiring_in(300), older))
    assert blocked.verdict.kind is VerdictKind.OLDER_LOT and blocked.state.counts == (0,)
    assert run(opened(CREAM), unit_scan(expiring_in(300), older)).verdict.kind is VerdictKind.ACCEPTED


# --- serials ---------------------------------------------------------------------------------------------


def test_a_serial_tracked_sku_refuses_a_plain_ean_and_takes_the_gs1_code():
    state = opened(PHONE)
    assert run(state, unit_scan()).verdict.kind is VerdictKind.SERIAL_NEEDED
    outcome = run(state, unit_scan(Unit(serial="IMEI-1")))
    assert outcome.verdict.kind is VerdictKind.ACCEPTED and outcome.state.serials == {"IMEI-1"}


def test_the_same_serial_twice_on_an_order_is_red_and_undo_gives_it_back():
    state = run(opened(PHONE), unit_scan(Unit(serial="IMEI-1"))).state
    twice = run(state, unit_scan(Unit(serial="IMEI-1")))
    assert twice.verdict.kind is VerdictKind.SERIAL_TWICE and twice.state.counts == (1,)
    undone = run(state, Commanded(Command.UNDO)).state
    assert undone.units == () and undone.counts == (0,)
    assert run(undone, unit_scan(Unit(serial="IMEI-1"))).verdict.kind is VerdictKind.ACCEPTED


def test_a_serial_that_already_shipped_is_red():
    outcome = run(opened(PHONE), unit_scan(Unit(serial="IMEI-9"), UnitFacts(shipped_on="TB0999")))
    assert outcome.verdict.kind is VerdictKind.SERIAL_SHIPPED and outcome.verdict.detail == "TB0999"


def test_a_serial_label_is_asked_for_by_name_and_counts_the_item():
    state = opened(ROUTER)
    asked = run(state, unit_scan())
    assert asked.verdict.kind is VerdictKind.SCAN_SERIAL and asked.state.counts == (0,)
    other = run(asked.state, unit_scan())
    assert other.verdict.kind is VerdictKind.SERIAL_DUE and other.state.serial_due is not None
    counted = run(asked.state, Scanned("RT-0001", SerialScanned("RT-0001")))
    assert counted.verdict.kind is VerdictKind.ACCEPTED and counted.state.counts == (1,)
    assert counted.state.units[0].unit.serial == "RT-0001"
    again = run(counted.state, unit_scan(), Scanned("RT-0001", SerialScanned("RT-0001")))
    assert again.verdict.kind is VerdictKind.SERIAL_TWICE and again.state.counts == (1,)
    assert again.state.serial_due is None  # the unit is out: item and label scanned again


def test_f2_while_a_serial_label_is_due_takes_the_item_back():
    asked = run(opened(ROUTER), unit_scan()).state
    back = run(asked, Commanded(Command.UNDO))
    assert back.verdict.kind is VerdictKind.NOT_COUNTED and back.state.serial_due is None
    assert back.state.counts == (0,)


def test_the_pack_carries_every_unit():
    state = opened(PHONE)
    outcome = run(
        state,
        unit_scan(Unit(serial="IMEI-1", lot="B7")),
        unit_scan(Unit(serial="IMEI-2", lot="B7")),
        WeightEntered(250),
    )
    (done,) = [e for e in outcome.effects if isinstance(e, PackCompleted)]
    assert [u.unit.serial for u in done.units] == ["IMEI-1", "IMEI-2"]
    assert outcome.state.units == ()  # the next order starts clean


def test_a_restored_session_replays_its_units():
    state = opened(ROUTER, quantity=2)
    events = [unit_scan(expiring_in(100, lot="L9")), Scanned("RT-7", SerialScanned("RT-7")), unit_scan()]
    stored = [encode(e) for e in events]
    restored = replay(state, [decode(d, lambda no: NotFound(no)) for d in stored])
    live = run(state, *events).state
    assert restored == live and restored.units[0].unit.serial == "RT-7" and restored.serial_due is not None
