"""The weighing gate: when a scale reading becomes the parcel's weight, and when zeroing is safe.

Pure: the caller passes the pack session's phase and the scale's readings as plain values and
hands a returned weight to the pack session (`WeightEntered`, source "scale"). The gate weighs
once per arming: when every item and instruction is in, and again after a failed weight once
the parcel has been lifted (a moving or empty reading) or the packer asks (F4). A parcel that
was already on the scale when the gate opened is weighed from the last reading, not ignored
until the scale happens to speak again (some scales only send a new weight) — except right after
a split shipment's parcel was sealed: that parcel may still be on the scale, so the next one is
weighed only once the scale was cleared (`sealed`).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.pack_session import Phase

EMPTY_SCALE_G = 20  # at or below this the scale counts as empty
WEIGHING_PHASES = (Phase.WEIGHING, Phase.WEIGHT_FAILED)


@dataclass(frozen=True, slots=True)
class ScaleReading:
    """What the gate needs of a reading: integer grams (None: no number), the scale's stability
    flag (None: the protocol has none and no filter decided), and whether it is a normal reading
    (not overload, underload or an error)."""

    grams: int | None
    stable: bool | None
    usable: bool = True

    @property
    def empty_or_moving(self) -> bool:
        return self.stable is False or (self.grams is not None and self.grams <= EMPTY_SCALE_G)

    @property
    def parcel_at_rest(self) -> bool:
        return bool(self.usable and self.stable and self.grams is not None and self.grams > EMPTY_SCALE_G)


@dataclass(frozen=True, slots=True)
class WeighGate:
    armed: bool = False
    lift_first: bool = False  # a sealed parcel may still be on the scale: weigh after it is cleared


def sealed() -> WeighGate:
    """A split shipment's parcel was just weighed and sealed: it is not the next parcel's weight."""
    return WeighGate(False, lift_first=True)


def arm(
    phase: Phase | None, last: ScaleReading | None, lift_first: bool = False
) -> tuple[WeighGate, int | None]:
    """Open the gate (all in, or F4 after a failure); a parcel already at rest is weighed now,
    unless the last sealed parcel may be the one resting there (`lift_first`)."""
    if phase not in WEIGHING_PHASES:
        return WeighGate(False, lift_first), None
    if lift_first and last is not None and last.parcel_at_rest:
        return WeighGate(False, lift_first=True), None
    if last is not None and last.parcel_at_rest:
        return WeighGate(False), last.grams
    return WeighGate(True), None


def on_phase(gate: WeighGate, phase: Phase | None) -> WeighGate:
    """Out of the weighing phases (undo, a prompt, the next order) the gate closes."""
    return gate if phase in WEIGHING_PHASES else WeighGate(False, gate.lift_first)


def on_reading(gate: WeighGate, phase: Phase | None, reading: ScaleReading) -> tuple[WeighGate, int | None]:
    """A new reading: (the gate after it, the grams to weigh or None)."""
    if phase not in WEIGHING_PHASES:
        return WeighGate(False, gate.lift_first and not reading.empty_or_moving), None
    if gate.lift_first and reading.empty_or_moving:
        gate = WeighGate(True)  # the sealed parcel is off: the next rest is the new parcel
    if phase is Phase.WEIGHT_FAILED and not gate.armed and reading.empty_or_moving:
        gate = WeighGate(True)  # lifted off (or moving): the next rest is a new weighing
    if gate.armed and reading.parcel_at_rest:
        return WeighGate(False), reading.grams
    return gate, None


def may_zero(phase: Phase | None, last: ScaleReading | None) -> bool:
    """Zeroing under a parcel being weighed would make it lighter: only on an empty scale then."""
    if phase not in WEIGHING_PHASES:
        return True
    return last is not None and last.grams is not None and last.grams <= EMPTY_SCALE_G
