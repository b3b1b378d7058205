"""The pack session as a specification: one test per thing a packer can run into."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.commands import Command
from app.core.model import Address, Operator, OrderLine, OrderSnapshot, OrderStatus, Role
from app.core.pack_session import (
    BadgeFound,
    Commanded,
    HoldReleased,
    ItemFound,
    NotFound,
    OrderFound,
    OrderHeld,
    PackCompleted,
    PackState,
    Phase,
    PinChecked,
    ReasonGiven,
    Scanned,
    SessionClosed,
    SessionOpened,
    Severity,
    VerdictKind,
    WeightEntered,
    new_session,
    step,
)
from app.core.weight import WeightPolicy

PACKER = Operator(1, "P0001", "张伟", Role.PACKER)
SUPERVISOR = Operator(9, "S0001", "王主管", Role.SUPERVISOR)
POLICY = WeightPolicy(packaging_g=50, tolerance_g=20, tolerance_pct=5.0)


def order(
    status: OrderStatus = OrderStatus.NEW, order_id: int = 1, order_no: str = "TB1001"
) -> OrderSnapshot:
    return OrderSnapshot(
        order_id=order_id,
        order_no=order_no,
        channel="taobao",
        status=status,
        carrier="SF",
        waybill_no=f"SF{order_id:010d}",
        address=Address("李娜", "13800000000", "浙江省", "杭州市", "西湖区", "文三路1号"),
        lines=(
            OrderLine(11, "SERUM", "精华液", "Serum", 2, 100),
            OrderLine(12, "MUG", "马克杯", "Mug", 1, 320),
        ),
        amount_cents=19900,
        hold_reason="address_problem" if status is OrderStatus.ON_HOLD else "",
    )


SERUM = ItemFound("SERUM", 1, "精华液", "Serum")
SERUM_CASE = ItemFound("SERUM", 6, "精华液", "Serum")
MUG = ItemFound("MUG", 1, "马克杯", "Mug")
SOCKS = ItemFound("SOCKS", 1, "袜子", "Socks")


def run(state: PackState, *events):
    outcome = None
    for event in events:
        outcome = step(state, event)
        state = outcome.state
    assert outcome is not None
    return outcome


def scan(resolution) -> Scanned:
    code = getattr(resolution, "sku_code", None) or getattr(resolution, "code", "x")
    return Scanned(code, resolution)


def loaded() -> PackState:
    return run(new_session(PACKER, POLICY), scan(OrderFound(order()))).state


def all_scanned() -> PackState:
    return run(loaded(), scan(SERUM), scan(SERUM), scan(MUG)).state


def test_scanning_an_order_loads_it_and_opens_a_session():
    outcome = step(new_session(PACKER, POLICY), scan(OrderFound(order())))
    assert outcome.verdict.kind is VerdictKind.ORDER_LOADED
    assert outcome.state.phase is Phase.SCANNING
    assert outcome.state.counts == (0, 0)
    assert outcome.effects == (SessionOpened(order()),)


def test_an_item_of_the_order_is_accepted_and_counted():
    outcome = step(loaded(), scan(SERUM))
    assert outcome.verdict.kind is VerdictKind.ACCEPTED
    assert outcome.verdict.severity is Severity.OK
    assert (outcome.verdict.scanned, outcome.verdict.required) == (1, 2)
    assert outcome.state.counts == (1, 0)


def test_the_last_unit_of_a_line_completes_the_line():
    outcome = run(loaded(), scan(SERUM), scan(SERUM))
    assert outcome.verdict.kind is VerdictKind.LINE_COMPLETE
    assert outcome.state.phase is Phase.SCANNING


def test_the_last_item_completes_the_order_and_asks_for_the_weight():
    outcome = run(loaded(), scan(SERUM), scan(MUG), scan(SERUM))
    assert outcome.verdict.kind is VerdictKind.ORDER_COMPLETE
    assert outcome.verdict.severity is Severity.DONE
    assert outcome.state.phase is Phase.WEIGHING


def test_an_item_not_in_the_order_is_a_wrong_item_and_not_counted():
    before = loaded()
    outcome = step(before, scan(SOCKS))
    assert outcome.verdict.kind is VerdictKind.WRONG_ITEM
    assert outcome.verdict.severity is Severity.ERROR
    assert outcome.verdict.name_zh == "袜子"
    assert replace(outcome.state, refused_scan=None) == before  # nothing counted; F2 knows it


def test_one_more_than_ordered_is_an_over_scan_and_not_counted():
    before = run(loaded(), scan(SERUM), scan(SERUM)).state
    outcome = step(before, scan(SERUM))
    assert outcome.verdict.kind is VerdictKind.OVER_SCAN
    assert outcome.verdict.required == 2
    assert replace(outcome.state, refused_scan=None) == before  # nothing counted; F2 knows it


def test_a_case_code_counts_its_pack_quantity():
    lines = (OrderLine(11, "SERUM", "精华液", "Serum", 6, 100),)
    six = OrderSnapshot(
        order_id=2,
        order_no="TB2",
        channel="tmall",
        status=OrderStatus.NEW,
        carrier="ZTO",
        waybill_no=None,
        address=order().address,
        lines=lines,
        amount_cents=0,
    )
    outcome = run(new_session(PACKER, POLICY), scan(OrderFound(six)), scan(SERUM_CASE))
    assert outcome.verdict.kind is VerdictKind.ORDER_COMPLETE
    assert outcome.state.counts == (6,)


def test_a_case_bigger_than_what_is_still_needed_is_refused_whole():
    before = loaded()
    outcome = step(before, scan(SERUM_CASE))
    assert outcome.verdict.kind is VerdictKind.CASE_TOO_BIG
    assert replace(outcome.state, refused_scan=None) == before  # nothing counted; F2 knows it


def test_an_unknown_barcode_with_an_order_open_is_reported_as_such():
    outcome = step(loaded(), Scanned("999", NotFound("999")))
    assert outcome.verdict.kind is VerdictKind.UNKNOWN_BARCODE
    assert outcome.verdict.code == "999"


def test_an_unknown_code_with_no_order_open_is_an_order_not_found():
    outcome = step(new_session(PACKER, POLICY), Scanned("TB404", NotFound("TB404")))
    assert outcome.verdict.kind is VerdictKind.ORDER_NOT_FOUND


def test_an_item_with_no_order_open_asks_for_an_order_first():
    outcome = step(new_session(PACKER, POLICY), scan(SERUM))
    assert outcome.verdict.kind is VerdictKind.NO_ORDER_OPEN
    assert outcome.state.order is None


@pytest.mark.parametrize("status", [OrderStatus.PACKED, OrderStatus.SHIPPED])
def test_an_order_already_packed_is_refused(status):
    outcome = step(new_session(PACKER, POLICY), scan(OrderFound(order(status))))
    assert outcome.verdict.kind is VerdictKind.ALREADY_PACKED
    assert outcome.state.order is None and outcome.effects == ()


def test_a_cancelled_order_must_not_ship():
    outcome = step(new_session(PACKER, POLICY), scan(OrderFound(order(OrderStatus.CANCELLED))))
    assert outcome.verdict.kind is VerdictKind.CANCELLED
    assert outcome.verdict.severity is Severity.ERROR
    assert outcome.state.order is None


def test_an_order_on_hold_must_not_ship_and_says_why():
    outcome = step(new_session(PACKER, POLICY), scan(OrderFound(order(OrderStatus.ON_HOLD))))
    assert outcome.verdict.kind is VerdictKind.ON_HOLD
    assert outcome.verdict.detail == "address_problem"
    assert outcome.state.order is None


def test_another_order_while_one_is_open_is_refused():
    before = run(loaded(), scan(SERUM)).state
    outcome = step(before, scan(OrderFound(order(order_id=2, order_no="TB2002"))))
    assert outcome.verdict.kind is VerdictKind.OTHER_ORDER_OPEN
    assert outcome.verdict.order_no == "TB1001" and outcome.verdict.code == "TB2002"
    assert outcome.state == before


def test_the_same_order_again_changes_nothing():
    before = run(loaded(), scan(SERUM)).state
    outcome = step(before, scan(OrderFound(order())))
    assert outcome.verdict.kind is VerdictKind.SAME_ORDER
    assert outcome.state == before


def test_undo_takes_back_the_last_accepted_scan():
    outcome = run(loaded(), scan(SERUM), scan(MUG), Commanded(Command.UNDO))
    assert outcome.verdict.kind is VerdictKind.UNDONE
    assert outcome.verdict.sku_code == "MUG"
    assert outcome.state.counts == (1, 0)


def test_undo_after_all_items_goes_back_to_scanning():
    outcome = step(all_scanned(), Commanded(Command.UNDO))
    assert outcome.state.phase is Phase.SCANNING


def test_undo_with_nothing_scanned_says_so():
    assert step(loaded(), Commanded(Command.UNDO)).verdict.kind is VerdictKind.NOTHING_TO_UNDO


def test_weight_within_tolerance_packs_the_order():
    state = all_scanned()
    expected = 2 * 100 + 320 + 50
    outcome = step(state, WeightEntered(expected + 20, "manual"))
    assert outcome.verdict.kind is VerdictKind.PACKED
    (done,) = outcome.effects
    assert isinstance(done, PackCompleted)
    assert (done.weight.expected_g, done.weight.actual_g, done.weight_source) == (
        expected,
        expected + 20,
        "manual",
    )
    assert done.override_by is None
    assert outcome.state.order is None and outcome.state.phase is Phase.IDLE


def test_weight_outside_tolerance_fails_and_allows_a_reweigh():
    state = all_scanned()
    failed = step(state, WeightEntered(900))
    assert failed.verdict.kind is VerdictKind.WEIGHT_FAILED
    assert failed.verdict.weight is not None and failed.verdict.weight.expected_g == 570
    assert failed.state.phase is Phase.WEIGHT_FAILED and failed.effects == ()
    again = step(failed.state, WeightEntered(575))
    assert again.verdict.kind is VerdictKind.PACKED


def test_weight_before_all_items_are_verified_is_not_taken():
    outcome = step(run(loaded(), scan(SERUM)).state, WeightEntered(570))
    assert outcome.verdict.kind is VerdictKind.NOT_READY_TO_WEIGH
    assert outcome.effects == ()


@pytest.mark.parametrize("grams", [0, -5, 150_001])
def test_impossible_weights_are_rejected(grams):
    outcome = step(all_scanned(), WeightEntered(grams))
    assert outcome.verdict.kind is VerdictKind.INVALID_WEIGHT
    assert outcome.state.phase is Phase.WEIGHING


def test_supervisor_override_of_a_failed_weight_is_recorded_with_reason():
    failed = step(all_scanned(), WeightEntered(900)).state
    asking = step(failed, Commanded(Command.OVERRIDE))
    assert asking.verdict.kind is VerdictKind.SCAN_SUPERVISOR
    refused = step(asking.state, Scanned("P0001", BadgeFound(PACKER)))
    assert refused.verdict.kind is VerdictKind.NOT_A_SUPERVISOR
    pin = step(refused.state, Scanned("S0001", BadgeFound(SUPERVISOR)))
    assert pin.verdict.kind is VerdictKind.ENTER_PIN and pin.state.phase is Phase.AWAITING_PIN
    reason = step(pin.state, PinChecked(True))
    assert reason.verdict.kind is VerdictKind.CHOOSE_REASON
    bad = step(reason.state, ReasonGiven("because"))
    assert bad.verdict.kind is VerdictKind.UNKNOWN_REASON
    done = step(reason.state, ReasonGiven("packaging_heavier"))
    assert done.verdict.kind is VerdictKind.PACKED
    (effect,) = done.effects
    assert isinstance(effect, PackCompleted)
    assert effect.override_by == SUPERVISOR and effect.override_reason == "packaging_heavier"
    assert effect.weight.actual_g == 900


def test_override_is_only_possible_after_a_failed_weight():
    assert step(all_scanned(), Commanded(Command.OVERRIDE)).verdict.kind is VerdictKind.NOT_NOW


def test_escape_backs_out_of_a_prompt_to_where_it_was():
    failed = step(all_scanned(), WeightEntered(900)).state
    asking = step(failed, Commanded(Command.OVERRIDE)).state
    back = step(asking, Commanded(Command.CLOSE))
    assert back.verdict.kind is VerdictKind.PROMPT_CANCELLED
    assert back.state.phase is Phase.WEIGHT_FAILED and back.state.order is not None


def test_items_scanned_during_a_prompt_are_not_counted():
    asking = step(loaded(), Commanded(Command.HOLD)).state
    outcome = step(asking, scan(SERUM))
    assert outcome.verdict.kind is VerdictKind.CHOOSE_REASON
    assert outcome.state.counts == (0, 0)


def test_hold_with_a_reason_puts_the_order_on_hold():
    asking = step(loaded(), Commanded(Command.HOLD))
    assert asking.verdict.kind is VerdictKind.CHOOSE_REASON
    outcome = step(asking.state, ReasonGiven("damaged"))
    assert outcome.verdict.kind is VerdictKind.HELD
    assert outcome.effects == (OrderHeld(order(), PACKER, "damaged"),)
    assert outcome.state.order is None


def test_a_supervisor_releases_a_held_order_and_it_loads():
    refused = step(new_session(PACKER, POLICY), scan(OrderFound(order(OrderStatus.ON_HOLD)))).state
    asking = step(refused, Commanded(Command.RELEASE))
    assert asking.verdict.kind is VerdictKind.SCAN_SUPERVISOR
    pin = step(asking.state, Scanned("S0001", BadgeFound(SUPERVISOR)))
    assert pin.effects == ()  # nothing is released on a badge alone
    outcome = step(pin.state, PinChecked(True))
    assert outcome.verdict.kind is VerdictKind.HOLD_RELEASED
    assert isinstance(outcome.effects[0], HoldReleased) and outcome.effects[0].supervisor == SUPERVISOR
    assert isinstance(outcome.effects[1], SessionOpened)
    assert outcome.state.phase is Phase.SCANNING and outcome.state.order.status is OrderStatus.NEW


def test_release_with_no_refused_order_says_so():
    assert (
        step(new_session(PACKER, POLICY), Commanded(Command.RELEASE)).verdict.kind
        is VerdictKind.NOTHING_TO_RELEASE
    )


def test_close_puts_the_order_back_unpacked():
    outcome = run(loaded(), scan(SERUM), Commanded(Command.CLOSE))
    assert outcome.verdict.kind is VerdictKind.ORDER_CLOSED
    assert outcome.effects == (SessionClosed(order()),)
    assert outcome.state.order is None and outcome.state.counts == ()


def test_close_with_nothing_open_says_so():
    assert (
        step(new_session(PACKER, POLICY), Commanded(Command.CLOSE)).verdict.kind is VerdictKind.NOTHING_OPEN
    )


def test_complete_with_items_missing_counts_them():
    outcome = step(run(loaded(), scan(SERUM)).state, Commanded(Command.COMPLETE))
    assert outcome.verdict.kind is VerdictKind.ITEMS_MISSING
    assert outcome.verdict.quantity == 2


def test_a_badge_while_an_order_is_open_does_not_switch_operator():
    outcome = step(loaded(), Scanned("P0002", BadgeFound(Operator(2, "P0002", "李", Role.PACKER))))
    assert outcome.verdict.kind is VerdictKind.OPERATOR_BUSY
    assert outcome.state.operator == PACKER


codes = st.sampled_from(
    [
        SERUM,
        SERUM_CASE,
        MUG,
        SOCKS,
        NotFound("x"),
        OrderFound(order()),
        OrderFound(order(order_id=2, order_no="TB2")),
    ]
)
events = st.one_of(
    codes.map(scan),
    st.sampled_from(list(Command)).map(Commanded),
    st.integers(-10, 2000).map(WeightEntered),
    st.sampled_from(["damaged", "other", "packaging_heavier", "nonsense"]).map(ReasonGiven),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(events, max_size=40))
def test_no_sequence_of_inputs_breaks_the_invariants(sequence):
    state = new_session(PACKER, POLICY)
    for event in sequence:
        outcome = step(state, event)
        state = outcome.state
        if state.order is not None:
            for count, line in zip(state.counts, state.order.lines, strict=True):
                assert 0 <= count <= line.quantity  # never over-counted, never negative
            assert sum(q for _i, q in state.history) == sum(state.counts)
        for effect in outcome.effects:
            if isinstance(effect, PackCompleted):  # a pack only ever leaves fully verified and weighed
                assert effect.weight.passed or effect.override_by is not None


def test_a_supervisor_badge_alone_opens_nothing_and_three_wrong_pins_close_the_prompt():
    failed = step(all_scanned(), WeightEntered(900)).state
    asking = step(failed, Commanded(Command.OVERRIDE)).state
    pin = step(asking, Scanned("S0001", BadgeFound(SUPERVISOR))).state
    assert pin.phase is Phase.AWAITING_PIN and pin.supervisor == SUPERVISOR
    assert step(pin, ReasonGiven("packaging_heavier")).verdict.kind is VerdictKind.NOT_NOW
    first = step(pin, PinChecked(False))
    assert first.verdict.kind is VerdictKind.PIN_WRONG and first.verdict.quantity == 2
    second = step(first.state, PinChecked(False))
    locked = step(second.state, PinChecked(False))
    assert locked.verdict.kind is VerdictKind.PIN_LOCKED
    assert locked.state.phase is Phase.WEIGHT_FAILED and locked.state.supervisor is None
    again = step(
        step(locked.state, Commanded(Command.OVERRIDE)).state, Scanned("S0001", BadgeFound(SUPERVISOR))
    )
    assert again.state.pin_failures == 0  # a new F6 starts counting again


def test_a_station_set_for_badge_only_supervisors_skips_the_pin():
    failed = step(replace(all_scanned(), supervisor_pin=False), WeightEntered(900)).state
    asking = step(failed, Commanded(Command.OVERRIDE)).state
    assert step(asking, Scanned("S0001", BadgeFound(SUPERVISOR))).verdict.kind is VerdictKind.CHOOSE_REASON


def test_escape_during_the_pin_backs_out():
    failed = step(all_scanned(), WeightEntered(900)).state
    pin = run(failed, Commanded(Command.OVERRIDE), Scanned("S0001", BadgeFound(SUPERVISOR))).state
    back = step(pin, Commanded(Command.CLOSE))
    assert back.verdict.kind is VerdictKind.PROMPT_CANCELLED and back.state.phase is Phase.WEIGHT_FAILED


def test_f8_names_every_line_still_missing():
    state = step(loaded(), scan(SERUM)).state
    outcome = step(state, Commanded(Command.COMPLETE))
    assert outcome.verdict.kind is VerdictKind.ITEMS_MISSING and outcome.verdict.quantity == 2
    assert [(m.sku_code, m.quantity) for m in outcome.verdict.missing] == [("SERUM", 1), ("MUG", 1)]


def test_f8_with_everything_in_says_weigh_not_scan():
    outcome = step(all_scanned(), Commanded(Command.COMPLETE))
    assert outcome.verdict.kind is VerdictKind.READY_TO_WEIGH and outcome.verdict.severity is Severity.PROMPT
    assert outcome.verdict.quantity == all_scanned().expected_g


def test_a_weight_before_the_items_says_which_are_missing():
    outcome = step(loaded(), WeightEntered(500))
    assert outcome.verdict.kind is VerdictKind.NOT_READY_TO_WEIGH
    assert {m.sku_code for m in outcome.verdict.missing} == {"SERUM", "MUG"}


def test_the_next_session_keeps_the_operator_and_the_stations_settings():
    from app.core.pack_session import next_session

    state = replace(all_scanned(), supervisor_pin=False)
    fresh = next_session(state)
    assert fresh.order is None and fresh.operator == state.operator
    assert fresh.policy == state.policy and fresh.supervisor_pin is False
    assert state.order_no == "TB1001" and fresh.order_no == ""


def test_undo_right_after_a_refused_extra_takes_back_nothing_and_says_so():
    """The packer scans one too many (refused, not counted) and presses F2 to 'undo' it: the good
    units already counted stay; F2 again takes back the last counted one."""
    state = run(loaded(), scan(SERUM), scan(SERUM)).state
    extra = step(state, scan(SERUM))
    assert extra.verdict.kind is VerdictKind.OVER_SCAN and extra.state.counts == (2, 0)
    undo = step(extra.state, Commanded(Command.UNDO))
    assert undo.verdict.kind is VerdictKind.NOT_COUNTED and undo.state.counts == (2, 0)
    assert undo.verdict.name_zh == "精华液"
    again = step(undo.state, Commanded(Command.UNDO))
    assert again.verdict.kind is VerdictKind.UNDONE and again.state.counts == (1, 0)
    # A wrong item the same; a good scan after a refused one clears it.
    wrong = run(state, scan(SOCKS), scan(MUG), Commanded(Command.UNDO))
    assert wrong.verdict.kind is VerdictKind.UNDONE and wrong.state.counts == (2, 0)
