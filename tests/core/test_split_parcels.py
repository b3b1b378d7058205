"""Split shipments at the bench: #PL:PARCEL seals what was scanned since the last parcel into a
parcel of its own, weighed against its own items; the order is packed when its last parcel is."""

from __future__ import annotations

from dataclasses import replace

from app.core import pack_events
from app.core.commands import Command
from app.core.model import Box, OrderStatus
from app.core.pack_session import (
    BadgeFound,
    BoxFound,
    Commanded,
    OrderChanged,
    OrderFound,
    OrderIntercepted,
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
from app.core.rules import ActionKind, Confirm, PackPlan, Step
from tests.core.test_pack_session import MUG, PACKER, POLICY, SERUM, SUPERVISOR, order, run, scan

SPLIT = PackPlan(steps=(Step("s1", ActionKind.SPLIT_ALLOWED, {}, "ENTERPRISE", "企业客户", Confirm.NONE),))
BOX = Box("PKG-6", "6号纸箱", "Box No.6", 180, 6000)


def splittable():
    return run(new_session(PACKER, POLICY), scan(OrderFound(order(), SPLIT))).state


def test_new_parcel_weighs_what_was_scanned_since_against_its_own_items_and_seals_it():
    state = run(splittable(), scan(SERUM), scan(SERUM)).state
    asked = step(state, Commanded(Command.PARCEL))
    assert asked.verdict.kind is VerdictKind.PARCEL_TO_WEIGH
    assert (asked.verdict.quantity, asked.verdict.scanned, asked.verdict.required) == (1, 2, 250)
    assert asked.state.phase is Phase.WEIGHING and asked.state.sealing
    sealed = step(asked.state, WeightEntered(255, "scale"))
    assert sealed.verdict.kind is VerdictKind.PARCEL_SEALED and sealed.effects == ()
    assert sealed.verdict.quantity == 1 and sealed.verdict.scanned == 2
    assert sealed.state.phase is Phase.SCANNING and not sealed.state.sealing
    (parcel,) = sealed.state.parcels
    assert parcel.counts == (2, 0) and parcel.weight.expected_g == 250 and parcel.weight.actual_g == 255
    assert sealed.state.parcel_counts == (0, 0) and sealed.state.parcel_no == 2
    # The last parcel: the mug alone is what the scale should see now.
    last = step(sealed.state, scan(MUG))
    assert last.verdict.kind is VerdictKind.ORDER_COMPLETE and last.state.expected_g == 370
    packed = step(last.state, WeightEntered(372, "scale"))
    assert packed.verdict.kind is VerdictKind.PACKED
    (done,) = packed.effects
    assert isinstance(done, PackCompleted) and done.weight.expected_g == 370
    assert [p.counts for p in done.all_parcels] == [(2, 0), (0, 1)]
    assert [p.weight.actual_g for p in done.all_parcels] == [255, 372] and done.split_by is None


def test_a_parcel_that_weighs_wrong_is_not_sealed_and_a_supervisor_may_override_it():
    state = run(splittable(), scan(SERUM), Commanded(Command.PARCEL)).state
    failed = step(state, WeightEntered(900))
    assert failed.verdict.kind is VerdictKind.WEIGHT_FAILED and failed.state.parcels == ()
    overridden = run(
        failed.state,
        Commanded(Command.OVERRIDE),
        Scanned("S0001", BadgeFound(SUPERVISOR)),
        PinChecked(True),
        ReasonGiven("packaging_heavier"),
    )
    assert overridden.verdict.kind is VerdictKind.PARCEL_SEALED
    (parcel,) = overridden.state.parcels
    assert parcel.override_by == SUPERVISOR and parcel.override_reason == "packaging_heavier"
    assert parcel.weight.actual_g == 900 and overridden.state.phase is Phase.SCANNING


def test_without_the_customers_split_rule_a_supervisor_allows_it_once_for_the_order():
    state = run(new_session(PACKER, POLICY), scan(OrderFound(order())), scan(SERUM)).state
    asking = step(state, Commanded(Command.PARCEL))
    assert asking.verdict.kind is VerdictKind.SCAN_SUPERVISOR and asking.state.parcels == ()
    refused = step(asking.state, Scanned("P0001", BadgeFound(PACKER)))
    assert refused.verdict.kind is VerdictKind.NOT_A_SUPERVISOR
    allowed = run(refused.state, Scanned("S0001", BadgeFound(SUPERVISOR)), PinChecked(True))
    assert allowed.verdict.kind is VerdictKind.PARCEL_TO_WEIGH and allowed.state.split_by == SUPERVISOR
    sealed = step(allowed.state, WeightEntered(150)).state
    # The second split needs no supervisor again; the pack names who allowed it.
    again = run(sealed, scan(SERUM), Commanded(Command.PARCEL))
    assert again.verdict.kind is VerdictKind.PARCEL_TO_WEIGH and again.verdict.quantity == 2
    done = run(again.state, WeightEntered(150), scan(MUG), WeightEntered(370)).effects[0]
    assert isinstance(done, PackCompleted) and done.split_by == SUPERVISOR and len(done.all_parcels) == 3


def test_escape_from_the_supervisor_prompt_leaves_the_parcel_open():
    state = run(new_session(PACKER, POLICY), scan(OrderFound(order())), scan(SERUM)).state
    back = run(state, Commanded(Command.PARCEL), Commanded(Command.CLOSE))
    assert back.verdict.kind is VerdictKind.PROMPT_CANCELLED and back.state.phase is Phase.SCANNING
    assert not back.state.sealing and back.state.order is not None


def test_an_empty_parcel_or_one_holding_every_item_left_is_not_split():
    empty = step(splittable(), Commanded(Command.PARCEL))
    assert empty.verdict.kind is VerdictKind.PARCEL_EMPTY and not empty.state.sealing
    everything = run(splittable(), scan(SERUM), scan(SERUM), scan(MUG), Commanded(Command.PARCEL))
    assert everything.verdict.kind is VerdictKind.NOTHING_TO_SPLIT and not everything.state.sealing
    assert everything.state.phase is Phase.WEIGHING  # weighed as the order's only parcel


def test_an_item_scanned_while_its_parcel_is_being_weighed_goes_in_that_parcel():
    state = run(splittable(), scan(SERUM), Commanded(Command.PARCEL)).state
    more = step(state, scan(SERUM))
    assert more.verdict.kind is VerdictKind.LINE_COMPLETE
    assert more.state.phase is Phase.SCANNING and not more.state.sealing
    assert more.state.parcel_counts == (2, 0)
    sealed = run(more.state, Commanded(Command.PARCEL), WeightEntered(250)).state
    assert sealed.parcels[0].counts == (2, 0)


def test_undo_stops_at_a_sealed_parcel():
    sealed = run(splittable(), scan(SERUM), Commanded(Command.PARCEL), WeightEntered(150)).state
    assert step(sealed, Commanded(Command.UNDO)).verdict.kind is VerdictKind.NOTHING_TO_UNDO
    after = run(sealed, scan(SERUM), Commanded(Command.UNDO))
    assert after.verdict.kind is VerdictKind.UNDONE and after.state.counts == (1, 0)
    # Undo while the open parcel is on the scale takes the item out and the parcel off the scale.
    weighing = run(sealed, scan(SERUM), Commanded(Command.PARCEL)).state
    undone = step(weighing, Commanded(Command.UNDO)).state
    assert not undone.sealing and undone.phase is Phase.SCANNING and undone.parcel_counts == (0, 0)


def test_each_parcel_has_its_own_box():
    state = run(splittable(), scan(SERUM), Scanned("PKG-6", BoxFound(BOX)), Commanded(Command.PARCEL))
    assert state.verdict.required == 100 + 180  # the box's weight, not the default packaging
    sealed = step(state.state, WeightEntered(280)).state
    assert sealed.parcels[0].box == BOX and sealed.box is None
    done = run(sealed, scan(SERUM), scan(MUG), WeightEntered(100 + 320 + 50)).effects[0]
    assert isinstance(done, PackCompleted) and [p.box for p in done.all_parcels] == [BOX, None]


def test_f8_says_the_parcel_is_to_be_weighed():
    state = run(splittable(), scan(SERUM), Commanded(Command.PARCEL)).state
    said = step(state, Commanded(Command.COMPLETE))
    assert said.verdict.kind is VerdictKind.PARCEL_TO_WEIGH and said.verdict.required == 150


def test_a_cancellation_after_a_parcel_was_sealed_puts_back_every_item_scanned():
    sealed = run(splittable(), scan(SERUM), Commanded(Command.PARCEL), WeightEntered(150), scan(MUG)).state
    stopped = step(sealed, OrderChanged(replace(order(), status=OrderStatus.CANCELLED)))
    (effect,) = stopped.effects
    assert isinstance(effect, OrderIntercepted)
    assert [(p.sku_code, p.quantity) for p in effect.put_back] == [("SERUM", 1), ("MUG", 1)]


def test_sealed_parcels_come_back_after_a_crash_by_replaying_the_stored_events():
    events = [scan(SERUM), Commanded(Command.PARCEL), WeightEntered(150, "scale"), scan(MUG)]
    stored = [pack_events.encode(e) for e in events]
    restored = pack_events.replay(splittable(), [pack_events.decode(d, lambda no: None) for d in stored])
    assert restored == run(splittable(), *events).state
    assert restored.parcels[0].counts == (1, 0) and restored.parcel_counts == (0, 1)
