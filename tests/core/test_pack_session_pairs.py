"""Every (phase, event) pair of the pack session, declared: each is handled (the state moves) or
refused with a verdict that says why (the state stays), never an exception, and the session's
invariants hold after every step. The table below is what a packer can do in each phase; a new
phase or event kind without a row fails here."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.commands import Command
from app.core.model import Box, OrderStatus
from app.core.pack_session import (
    BadgeFound,
    BoxFound,
    Commanded,
    NotFound,
    OrderChanged,
    OrderFound,
    Phase,
    PinChecked,
    ReasonGiven,
    Scanned,
    SerialScanned,
    Severity,
    VerdictKind,
    WeightEntered,
    new_session,
    step,
)
from tests.core.test_pack_session import (
    MUG,
    PACKER,
    POLICY,
    SERUM,
    SOCKS,
    SUPERVISOR,
    all_scanned,
    loaded,
    order,
    run,
    scan,
)


def in_phase(phase: Phase):
    """A session in `phase`, reached the way a packer gets there."""
    match phase:
        case Phase.IDLE:
            return new_session(PACKER, POLICY)
        case Phase.SCANNING:
            return run(loaded(), scan(SERUM)).state
        case Phase.WEIGHING:
            return all_scanned()
        case Phase.WEIGHT_FAILED:
            return run(all_scanned(), WeightEntered(900)).state
        case Phase.AWAITING_SUPERVISOR:
            return run(all_scanned(), WeightEntered(900), Commanded(Command.OVERRIDE)).state
        case Phase.AWAITING_PIN:
            failed = run(all_scanned(), WeightEntered(900), Commanded(Command.OVERRIDE)).state
            return run(failed, Scanned("S0001", BadgeFound(SUPERVISOR))).state
        case Phase.AWAITING_REASON:
            failed = run(all_scanned(), WeightEntered(900), Commanded(Command.OVERRIDE)).state
            return run(failed, Scanned("S0001", BadgeFound(SUPERVISOR)), PinChecked(True)).state
    raise AssertionError(phase)


EVENTS = {
    "order": Scanned("TB1001", OrderFound(order())),
    "other order": Scanned("TB2002", OrderFound(order(order_id=2, order_no="TB2002"))),
    "held order": Scanned("TB3003", OrderFound(order(OrderStatus.ON_HOLD, 3, "TB3003"))),
    "item": scan(SERUM),
    "other item": scan(MUG),
    "not in order": scan(SOCKS),
    "packer badge": Scanned("P0001", BadgeFound(PACKER)),
    "supervisor badge": Scanned("S0001", BadgeFound(SUPERVISOR)),
    "unknown": Scanned("ZZZ", NotFound("ZZZ")),
    "box": Scanned("PKG-6", BoxFound(Box("PKG-6", "6号纸箱", "Box 6", 120, 6000))),
    "serial": Scanned("SN-1", SerialScanned("SN-1")),
    **{f"command {c.value}": Commanded(c) for c in Command},
    "weight ok": WeightEntered(540),
    "weight off": WeightEntered(900),
    "weight impossible": WeightEntered(0),
    "reason": ReasonGiven("packaging_heavier"),
    "unknown reason": ReasonGiven("because"),
    "pin right": PinChecked(True),
    "pin wrong": PinChecked(False),
    "order cancelled": OrderChanged(replace(order(), status=OrderStatus.CANCELLED)),
    "order readdressed": OrderChanged(replace(order(), carrier="ZTO", waybill_no="7512345")),
}

# What moves the state in each phase (every other event is refused there with a verdict, the
# state as it was). The prompts (supervisor, PIN, reason) take only what completes them, and Esc.
HANDLED: dict[Phase, set[str]] = {
    Phase.IDLE: {"order", "other order", "held order"},
    Phase.SCANNING: {"item", "other item", "box", "command UNDO", "command CLOSE", "command HOLD",
                     "command PARCEL", "order cancelled", "order readdressed", "not in order"},
    Phase.WEIGHING: {"weight ok", "weight off", "box", "command UNDO", "command CLOSE", "command HOLD",
                     "order cancelled", "order readdressed", "item", "other item", "not in order"},
    Phase.WEIGHT_FAILED: {"weight ok", "weight off", "box", "command UNDO", "command CLOSE", "command HOLD",
                          "command OVERRIDE", "order cancelled", "order readdressed", "item", "other item",
                          "not in order"},
    Phase.AWAITING_SUPERVISOR: {"supervisor badge", "command CLOSE", "order cancelled", "order readdressed"},
    Phase.AWAITING_PIN: {"pin right", "pin wrong", "command CLOSE", "order cancelled", "order readdressed"},
    Phase.AWAITING_REASON: {"reason", "command CLOSE", "order cancelled", "order readdressed"},
}  # fmt: skip
# Refused scans keep the counts but remember the refusal (F2 then says "never counted").
REMEMBERED = {"not in order", "item", "other item"}


def test_the_table_covers_every_phase():
    assert set(HANDLED) == set(Phase)


@pytest.mark.parametrize("name", sorted(EVENTS))
@pytest.mark.parametrize("phase", list(Phase), ids=lambda p: p.value)
def test_each_phase_handles_or_refuses_each_event_with_a_verdict(phase, name):
    state = in_phase(phase)
    assert state.phase is phase
    outcome = step(state, EVENTS[name])
    after, verdict = outcome.state, outcome.verdict
    assert isinstance(verdict.kind, VerdictKind) and isinstance(verdict.severity, Severity)
    # The session's invariants, whatever happened.
    assert (after.order is None) == (after.phase is Phase.IDLE) or after.pending is not None
    if after.order is not None:
        for count, line in zip(after.counts, after.order.lines, strict=True):
            assert 0 <= count <= line.quantity
    if name in HANDLED[phase]:
        return
    # Refused: said, and nothing of the order moved.
    assert (after.order, after.counts, after.phase, after.weight) == (
        state.order,
        state.counts,
        state.phase,
        state.weight,
    ), (phase, name, verdict.kind)
    if name not in REMEMBERED:
        assert after.history == state.history
