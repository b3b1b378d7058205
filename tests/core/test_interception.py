"""An order that changes on the server while it is on the bench: stopped (its goods go back) or
updated, whatever the packer was doing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.commands import Command
from app.core.model import Address, OrderLine, OrderStatus
from app.core.pack_session import (
    Commanded,
    OrderChanged,
    OrderIntercepted,
    Phase,
    PutBack,
    Severity,
    VerdictKind,
    WeightEntered,
    step,
)
from tests.core.test_pack_session import MUG, PACKER, SERUM, all_scanned, loaded, order, run, scan


@pytest.mark.parametrize(
    "status", [OrderStatus.CANCELLED, OrderStatus.ON_HOLD, OrderStatus.PACKED, OrderStatus.SHIPPED]
)
def test_an_order_stopped_on_the_server_is_stopped_at_the_bench_and_its_goods_go_back(status):
    half = run(loaded(), scan(SERUM), scan(MUG)).state
    outcome = step(half, OrderChanged(order(status)))
    assert outcome.verdict.kind is VerdictKind.INTERCEPTED and outcome.verdict.severity is Severity.ERROR
    assert outcome.verdict.detail == status.value and outcome.verdict.quantity == 2
    assert outcome.state.order is None and outcome.state.phase is Phase.IDLE
    assert outcome.state.operator == PACKER
    (effect,) = outcome.effects
    assert isinstance(effect, OrderIntercepted) and effect.reason == status.value
    assert effect.put_back == (PutBack("SERUM", "精华液", "Serum", 1), PutBack("MUG", "马克杯", "Mug", 1))


def test_nothing_scanned_yet_means_nothing_to_put_back():
    outcome = step(loaded(), OrderChanged(order(OrderStatus.CANCELLED)))
    assert outcome.verdict.kind is VerdictKind.INTERCEPTED and outcome.effects[0].put_back == ()


def test_a_cancellation_while_weighing_or_in_a_supervisor_prompt_stops_the_order_too():
    weighing = all_scanned()
    assert weighing.phase is Phase.WEIGHING
    failed = step(weighing, WeightEntered(5000)).state
    assert failed.phase is Phase.WEIGHT_FAILED
    prompt = step(failed, Commanded(Command.OVERRIDE)).state
    assert prompt.phase is Phase.AWAITING_SUPERVISOR
    for state in (weighing, failed, prompt):
        outcome = step(state, OrderChanged(order(OrderStatus.CANCELLED)))
        assert outcome.verdict.kind is VerdictKind.INTERCEPTED and outcome.state.order is None
        assert sum(p.quantity for p in outcome.effects[0].put_back) == 3


def test_other_lines_stop_the_order_so_it_is_scanned_again_as_it_now_is():
    changed = order()
    changed = replace(changed, lines=(*changed.lines, OrderLine(13, "SOCKS", "袜子", "Socks", 1, 50)))
    outcome = step(run(loaded(), scan(SERUM)).state, OrderChanged(changed))
    assert outcome.verdict.kind is VerdictKind.INTERCEPTED and outcome.verdict.detail == "lines_changed"


def test_a_new_address_or_carrier_updates_the_order_and_keeps_every_scan():
    state = run(loaded(), scan(SERUM)).state
    moved = replace(
        order(), address=Address("李娜", "13800000000", "上海市", "上海市", "浦东新区", "世纪大道1号")
    )
    outcome = step(state, OrderChanged(moved))
    assert outcome.verdict.kind is VerdictKind.ORDER_UPDATED and outcome.verdict.detail == "address"
    assert outcome.state.order == moved and outcome.state.counts == (1, 0) and outcome.effects == ()
    both = replace(moved, carrier="ZTO", waybill_no="ZT0000000001")
    outcome = step(outcome.state, OrderChanged(both))
    assert outcome.verdict.detail == "carrier" and outcome.state.order.carrier == "ZTO"


def test_a_change_that_does_not_matter_to_the_bench_says_nothing():
    state = run(loaded(), scan(SERUM)).state
    outcome = step(state, OrderChanged(replace(order(), amount_cents=1)))
    assert outcome.verdict.kind is VerdictKind.ORDER_UNCHANGED and outcome.effects == ()
    assert outcome.state.counts == (1, 0)


def test_a_change_to_an_order_not_on_the_bench_changes_nothing():
    state = run(loaded(), scan(SERUM)).state
    other = order(OrderStatus.CANCELLED, order_id=2, order_no="TB2002")
    outcome = step(state, OrderChanged(other))
    assert outcome.state == state and outcome.effects == ()
