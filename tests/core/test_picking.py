"""The pick walk, rule by rule, with no database and no screen."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.barcodes import lookup_key
from app.core.model import Operator, Role
from app.core.picking import (
    BadgeScanned,
    CountSet,
    LoadStops,
    LoadWaves,
    PickState,
    PickStop,
    Recorded,
    RecordFailed,
    RecordPick,
    Say,
    Scanned,
    ShortReason,
    SignedOut,
    SlotShare,
    Step,
    StopsLoaded,
    Tapped,
    Tone,
    WaveNotFound,
    slot_of,
    step,
)

PICKER = Operator(2, "P0002", "李娜", Role.PACKER)
MUG = PickStop(
    "A-01-02-1",
    "MUG",
    "马克杯",
    "Mug",
    ("6901234567892",),
    3,
    (SlotShare(1, "TB1", 2), SlotShare(2, "TB2", 1)),
)
PEN = PickStop("A-02-01-1", "PEN", "笔", "Pen", ("6901234567885",), 1, (SlotShare(2, "TB2", 1),))


def run(state, *events):
    outcome = None
    for event in events:
        outcome = step(state, event)
        state = outcome.state
    return outcome


def item(code: str) -> Scanned:
    return Scanned(code, lookup_key(code))


def walking() -> PickState:
    signed = step(PickState(), BadgeScanned("P0002", PICKER)).state
    loading = step(signed, Scanned("W1")).state
    return step(loading, StopsLoaded("W1", (MUG, PEN))).state


def test_an_unknown_badge_is_refused_and_a_known_one_loads_the_waves():
    refused = step(PickState(), BadgeScanned("NOBODY", None))
    assert refused.verdict.say is Say.UNKNOWN_BADGE and refused.verdict.tone is Tone.ERROR
    assert refused.state.step is Step.BADGE
    signed = step(PickState(), BadgeScanned("P0002", PICKER))
    assert signed.state.step is Step.WAVE and signed.effects == (LoadWaves(),)


def test_a_wave_scan_loads_its_stops_and_waits_meanwhile():
    signed = step(PickState(), BadgeScanned("P0002", PICKER)).state
    loading = step(signed, Scanned("W1"))
    assert loading.effects == (LoadStops("W1"),) and loading.state.busy
    assert step(loading.state, Scanned("W2")).verdict.say is Say.WAIT  # no second load meanwhile
    missing = step(loading.state, WaveNotFound("W1"))
    assert missing.verdict.say is Say.NO_WAVE and not missing.state.busy


def test_the_walk_starts_at_the_first_stop_not_yet_picked():
    signed = step(PickState(), BadgeScanned("P0002", PICKER)).state
    loading = step(signed, Scanned("W1")).state
    resumed = step(loading, StopsLoaded("W1", (replace(MUG, picked=3), PEN)))
    assert resumed.state.index == 1 and resumed.state.step is Step.BIN
    assert resumed.verdict.say is Say.GO_TO_BIN


def test_the_wrong_bin_is_refused_and_the_right_one_moves_to_the_item():
    state = walking()
    wrong = step(state, Scanned("Z-99-99-9"))
    assert wrong.verdict.say is Say.WRONG_BIN and wrong.state.step is Step.BIN
    assert step(state, Scanned("a-01-02-1")).state.step is Step.ITEM  # as printed, any case


def test_items_match_by_the_benchs_lookup_key_and_the_wrong_item_is_refused():
    at_item = step(walking(), Scanned(MUG.location)).state
    assert step(at_item, item("6900000000000")).verdict.say is Say.WRONG_ITEM
    counted = step(at_item, Scanned("]d20106901234567892", lookup_key("06901234567892")))
    assert counted.verdict.say is Say.COUNTED and counted.state.count == 1


def test_the_last_item_of_a_stop_records_it_and_then_the_cart_slots_are_put_one_by_one():
    at_item = step(walking(), Scanned(MUG.location)).state
    last = run(at_item, item("6901234567892"), item("6901234567892"), item("6901234567892"))
    assert last.effects == (RecordPick("W1", MUG, 3, ""),) and last.state.busy
    put = step(last.state, Recorded(MUG.shares))
    assert put.state.step is Step.PUT and put.verdict.say is Say.PUT_INTO_SLOT and put.verdict.slot == 1
    assert step(put.state, Scanned("SLOT-02")).verdict.say is Say.WRONG_SLOT
    second = step(put.state, Scanned("SLOT-01"))
    assert second.verdict.slot == 2
    next_stop = step(second.state, Tapped("ok"))  # OK puts without a slot label
    assert next_stop.state.step is Step.BIN and next_stop.state.stop == PEN


def test_a_count_typed_then_ok_records_it_and_more_than_wanted_is_never_counted():
    at_item = step(walking(), Scanned(MUG.location)).state
    assert step(at_item, CountSet(9)).state.count == 3
    assert step(at_item, CountSet(-2)).state.count == 0
    recorded = run(at_item, CountSet(3), Tapped("ok"))
    assert recorded.effects == (RecordPick("W1", MUG, 3, ""),)
    full = run(at_item, item("6901234567892"), Tapped("plus"), Tapped("plus")).state
    assert step(full, item("6901234567892")).verdict.say in (Say.TOO_MANY, Say.WAIT)


def test_ok_with_too_few_asks_why_short_and_the_reason_is_recorded_with_what_was_found():
    at_item = step(walking(), Scanned(MUG.location)).state
    short = run(at_item, item("6901234567892"), Tapped("ok"))
    assert short.state.step is Step.SHORT and short.verdict.say is Say.WHY_SHORT
    assert step(short.state, item("6901234567892")).verdict.say is Say.REASON_FIRST
    assert step(short.state, ShortReason("because")).effects == ()  # not one of the reasons
    recorded = step(short.state, ShortReason("damaged"))
    assert recorded.effects == (RecordPick("W1", MUG, 1, "damaged"),)
    put = step(recorded.state, Recorded((SlotShare(1, "TB1", 1), SlotShare(2, "TB2", 0))))
    assert put.verdict.say is Say.SHORT_PUT and put.state.put_queue == (SlotShare(1, "TB1", 1),)


def test_a_short_with_nothing_found_goes_on_to_the_next_stop():
    short = step(walking(), Tapped("short")).state
    done = run(short, ShortReason("not_found"), Recorded(()))
    assert done.verdict.say is Say.SHORT_RECORDED and done.state.stop == PEN


def test_back_from_the_reasons_returns_to_the_stop():
    at_item = step(walking(), Scanned(MUG.location)).state
    short = run(at_item, item("6901234567892"), Tapped("short")).state
    assert step(short, Tapped("back")).state.step is Step.ITEM
    assert step(step(walking(), Tapped("short")).state, Tapped("back")).state.step is Step.BIN


def test_a_failed_record_says_so_and_ok_tries_again():
    at_item = step(walking(), Scanned(MUG.location)).state
    waiting = run(at_item, CountSet(3), Tapped("ok")).state
    failed = step(waiting, RecordFailed())
    assert failed.verdict.say is Say.NOT_RECORDED and not failed.state.busy
    assert step(failed.state, Tapped("ok")).effects == (RecordPick("W1", MUG, 3, ""),)


def test_the_last_stop_picked_ends_the_wave_and_lists_the_waves_again():
    state = walking()
    state = run(
        state, Scanned(MUG.location), CountSet(3), Tapped("ok"), Recorded(()), Scanned(PEN.location)
    ).state
    done = run(state, item("6901234567885"), Recorded(()))
    assert done.verdict.say is Say.WAVE_PICKED and done.verdict.sound == "complete"
    assert done.state.step is Step.WAVE and done.effects == (LoadWaves(),)
    assert (done.verdict.count, done.verdict.wanted, done.verdict.short) == (4, 4, 0)


def test_a_finished_wave_says_what_goes_to_packing_and_what_was_short():
    state = run(walking(), Scanned(MUG.location), CountSet(1), Tapped("short"), ShortReason("damaged"))
    state = run(state.state, Recorded(()), Scanned(PEN.location)).state
    done = run(state, item("6901234567885"), Recorded(()))
    assert done.verdict.say is Say.WAVE_PICKED and done.verdict.code == "W1"
    assert (done.verdict.count, done.verdict.wanted, done.verdict.short) == (2, 4, 1)


def test_no_sign_out_in_the_middle_of_a_stop():
    at_item = step(walking(), Scanned(MUG.location)).state
    assert step(at_item, Tapped("sign_out")).verdict.say is Say.FINISH_STOP
    out = step(walking(), Tapped("sign_out"))
    assert out.state == PickState() and out.effects == (SignedOut(),)


@pytest.mark.parametrize(
    ("label", "slot"), [("SLOT-03", 3), ("S-3", 3), ("#SLOT:3", 3), ("3", 3), ("BIN-3", None)]
)
def test_slot_labels_read_as_printed(label, slot):
    assert slot_of(label) == slot
