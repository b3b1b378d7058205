"""Outbox events are checked against the wire contract where they are written (in the test run):
a field renamed in the station's code fails the test that wrote it, not a sync queue days later."""

from __future__ import annotations

import pytest

from app.store import models as m
from app.store import outbox


def _packed(**changes: object) -> dict:
    payload = {"pack_id": "p-1", "order_no": "O-1", "packed_at": "2026-12-07T10:00:00+00:00",
               "operator": "P0001", "lines": [{"sku": "A", "quantity": 1}]}  # fmt: skip
    payload.update(changes)
    return payload


def test_an_event_that_breaks_the_contract_is_caught_where_it_is_written(demo_db, monkeypatch):
    monkeypatch.setenv(outbox.STRICT_ENV, "1")
    renamed = _packed()
    renamed["order"] = renamed.pop("order_no")
    for type_, payload, expected in (
        ("order.packed", renamed, "order_no"),
        ("order.packed", _packed(weight={"expected_g": 1, "actual_g": -5, "allowed_g": 1}), "actual_g"),
        ("order.packd", _packed(), "not an event type"),
        ("customer.preference", {"customer": "C1", "field": "note", "value": "a\x00b"}, "NUL"),
    ):
        with demo_db.session() as s, pytest.raises(ValueError, match=expected):
            outbox.add_event(s, type_, payload, "PACK-01", None)
    with demo_db.session() as s, s.begin():
        outbox.add_event(s, "order.packed", _packed(), "PACK-01", None)


def test_a_station_saves_its_work_whatever_the_events_shape(demo_db, monkeypatch):
    """Out of the test run nothing is checked here: the server refuses what it must, with the reason,
    and the pack that made the event is saved."""
    monkeypatch.delenv(outbox.STRICT_ENV, raising=False)
    renamed = _packed()
    renamed["order"] = renamed.pop("order_no")
    with demo_db.session() as s, s.begin():
        event_id = outbox.add_event(s, "order.packed", renamed, "PACK-01", None)
    with demo_db.session() as s:
        assert s.get(m.OutboxEvent, event_id) is not None
