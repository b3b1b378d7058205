"""Returns receiving as a specification: the state machine and who the records say is responsible."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.core.returns import (
    QUARANTINE_BIN,
    RETURN_REASONS,
    Chosen,
    Disposition,
    Found,
    ItemLabel,
    ItemScanned,
    Key,
    PackRecord,
    Phase,
    Pressed,
    Responsibility,
    ReturnReceived,
    ReturnVerdict,
    Weighed,
    new_return,
    propose,
    step,
)
from tests.core.test_pack_session import order

PACKED_AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
SERUM = ItemScanned("6901", "SERUM", "精华液", "Serum", 100, "A-01-01-1")
MUG = ItemScanned("6902", "MUG", "马克杯", "Mug", 320, "B-02-03-1")
SOCKS = ItemScanned("6903", "SOCKS", "袜子", "Socks", 50, "C-01-01-1")


def record(**changes) -> PackRecord:
    base = {
        "order": order(),
        "packed_at": PACKED_AT,
        "packer": "张伟",
        "station": "PACK-01",
        "expected_g": 570,
        "actual_g": 575,
        "allowed_g": 30,
        "scanned": (("SERUM", 2), ("MUG", 1)),
    }
    return PackRecord(**{**base, **changes})


def run(state, *events):
    outcome = None
    for event in events:
        outcome = step(state, event)
        state = outcome.state
    return outcome


def opened(**changes):
    return run(new_return(), Found("SF0000000001", record(**changes))).state


def reason(code: str) -> Chosen:
    return Chosen(RETURN_REASONS.index(code) + 1)


def test_a_return_is_found_by_what_was_scanned_and_each_unit_gets_a_reason_and_a_grade():
    found = step(new_return(), Found("SF0000000001", record()))
    assert found.verdict is ReturnVerdict.FOUND and found.state.phase is Phase.ITEMS
    added = step(found.state, SERUM)
    assert added.verdict is ReturnVerdict.ITEM_ADDED and added.state.phase is Phase.REASON
    graded = run(added.state, reason("wrong_size"), Chosen(1))
    assert graded.verdict is ReturnVerdict.ITEM_DONE and graded.state.phase is Phase.ITEMS
    (label,) = graded.effects
    assert isinstance(label, ItemLabel) and label.index == 1
    assert label.item.disposition is Disposition.RESTOCK and label.item.destination == "A-01-01-1"
    assert label.item.reason == "wrong_size"


@pytest.mark.parametrize(
    ("grade", "disposition", "bin_"),
    [
        (1, "restock", "B-02-03-1"),
        (2, "repack", "REPACK"),
        (3, "quarantine", QUARANTINE_BIN),
        (4, "scrap", ""),
    ],
)
def test_the_grade_decides_where_the_unit_goes(grade, disposition, bin_):
    done = run(opened(), MUG, reason("quality"), Chosen(grade))
    item = done.effects[0].item
    assert item.disposition.value == disposition and item.destination == bin_


def test_an_item_not_in_the_order_or_one_more_than_was_packed_is_flagged_and_quarantined():
    stranger = step(opened(), SOCKS)
    assert stranger.verdict is ReturnVerdict.UNEXPECTED_ITEM and stranger.state.phase is Phase.ITEMS
    assert stranger.effects[0].item.destination == QUARANTINE_BIN and not stranger.effects[0].item.expected
    one_too_many = run(opened(), MUG, reason("quality"), Chosen(1), MUG)
    assert one_too_many.verdict is ReturnVerdict.UNEXPECTED_ITEM


def test_nothing_packed_here_or_nothing_found_is_said_plainly():
    assert step(new_return(), Found("x", None)).verdict is ReturnVerdict.NOT_FOUND
    assert step(new_return(), Found("x", record(packed_at=None))).verdict is ReturnVerdict.NOT_PACKED
    assert step(opened(), ItemScanned("999", "")).verdict is ReturnVerdict.UNKNOWN_CODE
    assert step(opened(), Chosen(3)).verdict is ReturnVerdict.INVALID_CHOICE
    assert run(opened(), SERUM, Chosen(13)).verdict is ReturnVerdict.INVALID_CHOICE


def test_escape_takes_an_unfinished_unit_back_and_a_started_return_is_finished_not_dropped():
    back = run(opened(), SERUM, Pressed(Key.CANCEL))
    assert back.verdict is ReturnVerdict.UNDONE and back.state.items == () and back.state.phase is Phase.ITEMS
    started = run(opened(), SERUM, reason("quality"), Chosen(1))
    assert step(started.state, Pressed(Key.CANCEL)).verdict is ReturnVerdict.FINISH_FIRST
    assert step(opened(), Pressed(Key.CANCEL)).state.phase is Phase.IDLE
    assert step(opened(), Pressed(Key.FINISH)).verdict is ReturnVerdict.NOTHING_RETURNED


def test_finish_proposes_then_enter_accepts_or_a_number_picks_another():
    state = run(opened(), SERUM, reason("damaged_in_transit"), Chosen(3), Weighed(180)).state
    proposed = step(state, Pressed(Key.FINISH))
    assert proposed.verdict is ReturnVerdict.PROPOSED and proposed.state.phase is Phase.CONFIRM
    assert proposed.state.proposal.responsibility is Responsibility.CARRIER
    accepted = step(proposed.state, Pressed(Key.FINISH))
    (received,) = accepted.effects
    assert isinstance(received, ReturnReceived) and received.responsibility is Responsibility.CARRIER
    assert received.weight_g == 180 and received.lookup == "SF0000000001"
    assert accepted.state.phase is Phase.IDLE
    other = step(proposed.state, Chosen(1))
    assert other.effects[0].responsibility is Responsibility.WAREHOUSE
    assert other.effects[0].proposal.responsibility is Responsibility.CARRIER  # what was proposed stays


def _items(*pairs):
    state = opened()
    for scan, why in pairs:
        state = run(state, scan, reason(why), Chosen(1)).state
    return state.items


def test_damage_in_transit_of_a_parcel_packed_right_is_the_carriers():
    proposal = propose(record(), _items((MUG, "damaged_in_transit")), None)
    assert proposal.responsibility is Responsibility.CARRIER
    codes = [e.code for e in proposal.evidence]
    assert "weight_ok" in codes and "all_scanned" in codes and "reason_transit" in codes
    # The same damage on a parcel whose weight a supervisor let through: the warehouse's.
    overridden = propose(
        record(actual_g=900, weight_override="scale_fault"), _items((MUG, "damaged_in_transit")), None
    )
    assert overridden.responsibility is Responsibility.WAREHOUSE
    assert any(
        e.code == "weight_overridden" and e.get("reason") == "scale_fault" for e in overridden.evidence
    )


def test_a_wrong_or_missing_item_is_the_warehouses_unless_every_unit_was_verified_and_weighed():
    verified = propose(record(), _items((SERUM, "wrong_item_sent")), None)
    assert verified.responsibility is Responsibility.CUSTOMER
    unscanned = propose(record(scanned=(("SERUM", 1),)), _items((SERUM, "missing_parts")), None)
    assert unscanned.responsibility is Responsibility.WAREHOUSE
    assert any(e.code == "not_all_scanned" for e in unscanned.evidence)
    let_go = propose(record(plan_override="other"), _items((SERUM, "wrong_item_sent")), None)
    assert let_go.responsibility is Responsibility.WAREHOUSE


def test_quality_is_the_products_and_a_change_of_mind_the_customers():
    assert propose(record(), _items((SERUM, "quality")), None).responsibility is Responsibility.PRODUCT
    assert propose(record(), _items((SERUM, "changed_mind")), None).responsibility is Responsibility.CUSTOMER


def test_a_return_lighter_than_its_units_is_noted():
    proposal = propose(record(), _items((MUG, "changed_mind")), 120)
    light = next(e for e in proposal.evidence if e.code == "return_light")
    assert light.get("actual") == "120" and light.get("units") == "320"
