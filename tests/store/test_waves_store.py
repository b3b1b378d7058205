"""Waves in the station's database and `packline waves plan`: planned, released, assigned, picked
(short too), cancelled; every step queued for the server; the supervisor's exception list."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.core.waves import Caps, Strategy, plan_waves
from app.store import models as m
from app.store.exceptions import ExceptionKind, decide, exceptions
from app.store.rules_store import load_rule_book
from app.store.waves import (
    WaveError,
    assign_wave,
    cancel_wave,
    create_waves,
    load_open_orders,
    next_wave_order,
    pick_stops,
    record_pick,
    release_wave,
    wave_progress,
)


def outbox(db, type_):
    with db.session() as s:
        return [e.payload for e in s.scalars(select(m.OutboxEvent).where(m.OutboxEvent.type == type_))]


def statuses(db, order_nos):
    with db.session() as s:
        return dict(
            s.execute(select(m.Order.order_no, m.Order.status).where(m.Order.order_no.in_(order_nos))).all()
        )


def test_open_orders_carry_the_rules_priority_and_leave_out_waved_ones(demo_db):
    orders = load_open_orders(demo_db, load_rule_book(demo_db).compiled, date.today())
    with demo_db.session() as s:
        new = s.scalar(select(func.count()).select_from(m.Order).where(m.Order.status == "new"))
        vip = set(
            s.scalars(
                select(m.Order.order_no)
                .join(m.Customer)
                .where(m.Order.status == "new", m.Customer.tier == "vip")
            )
        )
    assert len(orders) == new  # the demo's waves hold released orders only
    by_no = {o.order_no: o for o in orders}
    assert vip and all(by_no[no].priority == 90 for no in vip)  # the VIP rule's priority
    assert all(o.lines and all(line.location for line in o.lines) for o in orders[:50])
    assert all(o.volume_cm3 > 0 for o in orders[:50])


def test_a_wave_goes_from_plan_to_picked_with_a_short_pick_that_becomes_an_exception(demo_db):
    orders = load_open_orders(demo_db)
    plan = plan_waves(orders, Strategy.MULTI_CART, Caps(max_orders=4, max_waves=1))
    created = create_waves(demo_db, plan.waves, "PACK-01", 1)
    (code,) = created.codes
    members = plan.waves[0].order_nos
    assert set(statuses(demo_db, members).values()) == {"new"}  # planned, not released
    assert load_open_orders(demo_db) and not set(members) & {o.order_no for o in load_open_orders(demo_db)}
    with pytest.raises(WaveError, match="not being picked"):
        record_pick(demo_db, code, pick_stops(demo_db, code)[0], 0, "P0002", "PACK-01", 2, "not_found")

    release_wave(demo_db, code, "PACK-01", 1)
    assert set(statuses(demo_db, members).values()) == {"released"}
    with pytest.raises(WaveError, match="only a planned wave"):
        release_wave(demo_db, code, "PACK-01", 1)
    assign_wave(demo_db, code, "P0002", "PACK-02", "PACK-01", 1)
    wire = outbox(demo_db, "wave.changed")[-1]
    assert wire["code"] == code and wire["picker"] == "P0002" and wire["station"] == "PACK-02"
    assert wire["orders"] == list(members) and wire["status"] == "released"

    stops = pick_stops(demo_db, code)
    locations = [s.location for s in stops]
    assert len(stops) == len({line.sku for o in plan.waves[0].orders for line in o.lines})
    assert sum(s.quantity for s in stops) == plan.waves[0].items
    first = stops[0]
    with pytest.raises(WaveError, match="needs a reason"):
        record_pick(demo_db, code, first, first.quantity - 1, "P0002", "PACK-01", 2)
    filled = record_pick(demo_db, code, first, first.quantity - 1, "P0002", "PACK-01", 2, "damaged")
    assert sum(x.quantity for x in filled) == first.quantity - 1
    assert filled[-1].quantity < first.shares[-1].quantity  # the last slot goes short
    for stop in stops[1:]:
        record_pick(demo_db, code, stop, stop.quantity, "P0002", "PACK-01", 2)
    assert pick_stops(demo_db, code)[0].picked == first.quantity - 1
    progress = next(p for p in wave_progress(demo_db, include_done=True) if p.code == code)
    assert progress.status == "done" and progress.short_lines == 1
    assert progress.picked_items == plan.waves[0].items - 1 and locations == [s.location for s in stops]
    short_order = filled[-1].order_no
    after = statuses(demo_db, members)
    assert after[short_order] == "released"  # waits for the supervisor
    assert {after[no] for no in members if no != short_order} == {"picked"}
    assert outbox(demo_db, "pick.short")[0]["reason"] == "damaged"
    assert len(outbox(demo_db, "pick.confirmed")) == len(stops) - 1

    found = [e for e in exceptions(demo_db) if e.kind is ExceptionKind.SHORT_PICK]
    assert len(found) == 1 and found[0].subject == short_order and found[0].reason == "damaged"
    assert decide(demo_db, ExceptionKind.SHORT_PICK, found[0].ref, "restocked, picked again", 2)
    assert not decide(demo_db, ExceptionKind.SHORT_PICK, found[0].ref, "twice", 2)
    assert not [e for e in exceptions(demo_db) if e.kind is ExceptionKind.SHORT_PICK]
    kept = [e for e in exceptions(demo_db, include_decided=True) if e.ref == found[0].ref]
    assert kept[0].decision == "restocked, picked again"
    with pytest.raises(ValueError, match="say what"):
        decide(demo_db, ExceptionKind.HOLD, "X", "  ", 2)


def test_cancelling_a_wave_puts_its_orders_back_to_be_planned_again(demo_db):
    plan = plan_waves(load_open_orders(demo_db), Strategy.CARRIER, Caps(max_orders=5, max_waves=2))
    codes = create_waves(demo_db, plan.waves, "PACK-01", 1, release=True).codes
    members = plan.waves[0].order_nos
    assert cancel_wave(demo_db, codes[0], "PACK-01", 1) == len(members)
    assert set(statuses(demo_db, members).values()) == {"new"}
    assert set(members) <= {o.order_no for o in load_open_orders(demo_db)}
    with pytest.raises(WaveError, match="nothing to cancel"):
        cancel_wave(demo_db, codes[0], "PACK-01", 1)
    # An order planned twice (two desks, one plan) is waved once; the second is told.
    again = create_waves(demo_db, plan.waves[1:], "PACK-01", 1)
    assert again.codes == () and set(again.taken_meanwhile) == set(plan.waves[1].order_nos)


def test_single_item_wave_hands_out_orders_by_slot(demo_db):
    plan = plan_waves(load_open_orders(demo_db), Strategy.SINGLE_SKU, Caps(max_orders=50))
    wave = max(plan.waves, key=lambda w: len(w.orders))
    assert len(wave.orders) >= 2
    (code,) = create_waves(demo_db, [wave], "PACK-01", 1, release=True).codes
    first = next_wave_order(demo_db, code, wave.group)
    assert first == wave.order_nos[0]
    with demo_db.session() as s:
        first_id = s.scalar(select(m.Order.id).where(m.Order.order_no == first))
    assert next_wave_order(demo_db, code, wave.group, busy=[first_id]) == wave.order_nos[1]
    assert next_wave_order(demo_db, code, "NO-SUCH-SKU") is None


def test_waves_plan_cli_prints_json_and_releases(demo_db_path, tmp_path, capsys):
    data = tmp_path / "cli"
    data.mkdir()
    shutil.copy(demo_db_path, data / "packline.db")
    argv = [
        "--data-dir",
        str(data),
        "waves",
        "plan",
        "--strategy",
        "zone",
        "--max-orders",
        "8",
        "--max-waves",
        "3",
    ]
    assert main([*argv, "--dry-run"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["status"] == "dry-run" and len(dry["waves"]) == 3 and dry["waves"][0]["code"] is None
    assert main([*argv, "--release"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert [w["orders"] for w in done["waves"]] == [w["orders"] for w in dry["waves"]]
    wave = done["waves"][0]
    assert (
        wave["code"].startswith("W") and wave["strategy"] == "zone" and wave["items"] >= len(wave["orders"])
    )
    assert wave["walk_m"] > 0 and len(wave["orders"]) <= 8
    assert main([*argv, "--max-orders", "0"]) == 1
    assert "max orders" in json.loads(capsys.readouterr().out)["error"]
