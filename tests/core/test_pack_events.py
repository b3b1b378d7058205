"""Stored session events: every kind survives storage as JSON, and a replay stops before a write
that never reached the disk."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import pack_events
from app.core.commands import Command
from app.core.model import Box
from app.core.pack_session import (
    BadgeFound,
    BoxFound,
    Commanded,
    ItemFound,
    NotFound,
    OrderFound,
    PackState,
    Phase,
    PinChecked,
    ReasonGiven,
    Scanned,
    WeightEntered,
    step,
)
from tests.core.test_pack_session import PACKER, POLICY, SUPERVISOR, order

ORDER = order()


def reopen(order_no: str) -> OrderFound | NotFound:
    return OrderFound(ORDER) if order_no == ORDER.order_no else NotFound(order_no)


def stored(event):
    """Through JSON text, as the database keeps it."""
    return pack_events.decode(json.loads(json.dumps(pack_events.encode(event))), reopen)


text = st.text(max_size=40)
events = st.one_of(
    st.builds(Scanned, text, st.builds(ItemFound, text, st.integers(1, 48), text, text)),
    st.builds(Scanned, text, st.builds(NotFound, text)),
    st.builds(Scanned, text, st.just(BadgeFound(SUPERVISOR))),
    st.builds(
        Scanned,
        text,
        st.builds(BoxFound, st.builds(Box, text, text, text, st.integers(0, 5000), st.integers(0, 10**6))),
    ),
    st.builds(Commanded, st.sampled_from(Command)),
    st.builds(WeightEntered, st.integers(-10_000, 200_000), st.sampled_from(["manual", "scale"])),
    st.builds(ReasonGiven, text),
    st.builds(PinChecked, st.booleans()),
)


@given(events)
def test_every_event_comes_back_from_storage_as_it_was(event):
    assert stored(event) == event


def test_an_order_scan_is_stored_by_its_number_and_read_again():
    data = pack_events.encode(Scanned("TB1001", OrderFound(ORDER)))
    assert data == {
        "type": "scanned",
        "code": "TB1001",
        "resolution": {"type": "order", "order_no": "TB1001"},
    }
    assert pack_events.decode(data, reopen) == Scanned("TB1001", OrderFound(ORDER))


@pytest.mark.parametrize(
    "damaged", [{}, {"type": "teleport"}, {"type": "weight"}, {"type": "scanned", "code": "x"}]
)
def test_a_damaged_row_is_a_value_error(damaged):
    with pytest.raises(ValueError):
        pack_events.decode(damaged, reopen)


def opened() -> PackState:
    return step(PackState(PACKER, POLICY), Scanned("TB1001", OrderFound(ORDER))).state


def items() -> list[Scanned]:
    return [
        Scanned("S", ItemFound("SERUM", 1)),
        Scanned("S", ItemFound("SERUM", 1)),
        Scanned("M", ItemFound("MUG", 1)),
    ]


def test_a_replay_ends_where_the_live_session_was():
    live = opened()
    recorded = [*items()[:2], Commanded(Command.UNDO), items()[0]]
    for event in recorded:
        live = step(live, event).state
    assert pack_events.replay(opened(), [stored(e) for e in recorded]) == live


def test_a_replay_stops_before_a_pack_that_never_reached_the_disk():
    # The weight's audit row committed, the pack behind it did not: the packer weighs again.
    state = pack_events.replay(opened(), [*items(), WeightEntered(ORDER.items_weight_g + POLICY.packaging_g)])
    assert state.phase is Phase.WEIGHING and state.order == ORDER and state.all_verified


def test_a_replay_stops_before_a_hold_that_never_reached_the_disk():
    state = pack_events.replay(
        opened(), [items()[0], Commanded(Command.HOLD), ReasonGiven("damaged"), items()[1]]
    )
    assert state.order == ORDER and state.counts == (1, 0)
