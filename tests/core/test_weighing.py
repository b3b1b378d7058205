"""The weighing gate: which scale reading is the parcel's weight, and when zeroing is safe."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.pack_session import Phase
from app.core.weighing import (
    EMPTY_SCALE_G,
    ScaleReading,
    WeighGate,
    arm,
    may_zero,
    on_phase,
    on_reading,
    sealed,
)

AT_REST = ScaleReading(1250, True)
MOVING = ScaleReading(1190, False)
EMPTY = ScaleReading(0, True)
OVERLOAD = ScaleReading(None, None, usable=False)


def test_the_first_reading_at_rest_after_the_gate_opens_is_the_weight_and_only_once():
    gate, now = arm(Phase.WEIGHING, None)
    assert gate.armed and now is None
    gate, grams = on_reading(gate, Phase.WEIGHING, MOVING)
    assert grams is None and gate.armed
    gate, grams = on_reading(gate, Phase.WEIGHING, AT_REST)
    assert grams == 1250 and not gate.armed
    assert on_reading(gate, Phase.WEIGHING, AT_REST)[1] is None  # the same weight again: not twice


def test_a_parcel_already_on_the_scale_when_the_gate_opens_is_weighed_at_once():
    gate, grams = arm(Phase.WEIGHING, AT_REST)
    assert grams == 1250 and not gate.armed


@pytest.mark.parametrize(
    "reading", [EMPTY, ScaleReading(EMPTY_SCALE_G, True), OVERLOAD, ScaleReading(900, None)]
)
def test_empty_unusable_or_unsettled_readings_are_never_weighed(reading):
    gate, _ = arm(Phase.WEIGHING, None)
    gate, grams = on_reading(gate, Phase.WEIGHING, reading)
    assert grams is None and gate.armed


def test_after_a_failed_weight_the_parcel_must_be_lifted_before_it_is_weighed_again():
    gate = WeighGate(False)
    gate, grams = on_reading(gate, Phase.WEIGHT_FAILED, AT_REST)
    assert grams is None  # still the same parcel lying there: not a new weighing
    gate, grams = on_reading(gate, Phase.WEIGHT_FAILED, EMPTY)
    assert grams is None and gate.armed
    gate, grams = on_reading(gate, Phase.WEIGHT_FAILED, ScaleReading(1300, True))
    assert grams == 1300


def test_f4_weighs_again_from_the_reading_on_the_scale():
    assert arm(Phase.WEIGHT_FAILED, AT_REST)[1] == 1250


def test_outside_the_weighing_step_nothing_is_weighed_and_the_gate_closes():
    for phase in (Phase.IDLE, Phase.SCANNING, Phase.AWAITING_PIN, None):
        assert arm(phase, AT_REST) == (WeighGate(False), None)
        assert on_reading(WeighGate(True), phase, AT_REST) == (WeighGate(False), None)
        assert on_phase(WeighGate(True), phase) == WeighGate(False)
    assert on_phase(WeighGate(True), Phase.WEIGHING) == WeighGate(True)


def test_zeroing_is_refused_under_a_parcel_being_weighed():
    assert not may_zero(Phase.WEIGHING, AT_REST)
    assert not may_zero(Phase.WEIGHT_FAILED, None)  # nothing known: maybe a parcel
    assert may_zero(Phase.WEIGHING, EMPTY)
    assert may_zero(Phase.SCANNING, AT_REST) and may_zero(None, None)


@given(
    st.lists(
        st.builds(
            ScaleReading,
            st.one_of(st.none(), st.integers(-5000, 200_000)),
            st.one_of(st.none(), st.booleans()),
            st.booleans(),
        ),
        max_size=30,
    )
)
def test_a_weight_is_only_ever_a_usable_stable_reading_above_empty(readings):
    gate, _ = arm(Phase.WEIGHING, None)
    weighed = []
    for reading in readings:
        gate, grams = on_reading(gate, Phase.WEIGHING, reading)
        if grams is not None:
            weighed.append((grams, reading))
    assert len(weighed) <= 1
    for grams, reading in weighed:
        assert reading.usable and reading.stable is True and grams == reading.grams > EMPTY_SCALE_G


def test_after_a_parcel_is_sealed_the_next_is_weighed_only_once_the_scale_was_cleared():
    # Parcel 1 sealed and still on the scale; the packer scans parcel 2's items.
    gate = on_phase(sealed(), Phase.SCANNING)
    gate, grams = on_reading(gate, Phase.SCANNING, AT_REST)
    assert grams is None and gate.lift_first
    # The last item in: parcel 1 resting there is not parcel 2's weight.
    gate, grams = arm(Phase.WEIGHING, AT_REST, gate.lift_first)
    assert grams is None and not gate.armed and gate.lift_first
    assert on_reading(gate, Phase.WEIGHING, AT_REST)[1] is None
    gate, grams = on_reading(gate, Phase.WEIGHING, EMPTY)  # parcel 1 taken off
    assert grams is None and gate.armed and not gate.lift_first
    assert on_reading(gate, Phase.WEIGHING, ScaleReading(640, True))[1] == 640


def test_a_scale_cleared_while_the_next_parcel_is_packed_weighs_it_at_once():
    gate = on_phase(sealed(), Phase.SCANNING)
    gate, _ = on_reading(gate, Phase.SCANNING, EMPTY)  # parcel 1 off while scanning
    assert not gate.lift_first
    assert arm(Phase.WEIGHING, ScaleReading(640, True), gate.lift_first)[1] == 640
