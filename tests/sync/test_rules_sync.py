"""A supervisor's rule edit at one station reaches the server and every other station."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.core.rules import ActionKind, RuleError
from app.store import models as m
from app.store.packing import PackingStore
from app.store.rules_store import RuleCache, editable_rules, save_rules
from sync import protocol as p
from tests.sync import claims
from tests.sync.stations import open_station, sync_cli


def supervisor_id(db) -> int:
    """The supervisor signed in at the station: only a supervisor edits the customer rules."""
    with db.session() as s:
        return s.scalar(select(m.Operator.id).where(m.Operator.badge_code == "S0001"))


CHANNEL_RULE = {
    "code": "all-orders-card",
    "name": "每单放感谢卡 / a thank-you card in every parcel",
    "conditions": [{"field": "order.item_count", "op": "gte", "value": 1}],
    "actions": [{"action": "instruction", "zh": "放感谢卡", "en": "Put a thank-you card in"}],
}


def test_an_edited_rule_list_syncs_to_the_server_and_changes_the_plan_on_another_station(seeded, tmp_path):
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    assert sync_cli(a_dir, "--server", seeded.url, "--token", seeded.store.add_station("PACK-A"))[0] == 0
    assert sync_cli(b_dir, "--server", seeded.url, "--token", seeded.store.add_station("PACK-B"))[0] == 0
    a, b = open_station(a_dir), open_station(b_dir)
    rules, source = editable_rules(a)
    assert source == "default.json" and len(rules) >= 10  # the server had none yet

    # Station A: turn the VIP rule off, add one at the top.
    for rule in rules:
        if rule["code"] == "vip":
            rule["enabled"] = False
    # The supervisor signed in at A with their PIN: their changes go to the server proven.
    ids = save_rules(a, [CHANNEL_RULE, *rules], "PACK-A", supervisor_id(a), claims.station_signer(a))
    assert len(ids) == len(rules) + 1  # the first save sends the whole list
    assert (
        save_rules(a, [CHANNEL_RULE, *rules], "PACK-A", supervisor_id(a), claims.station_signer(a)) == []
    )  # nothing changed: nothing sent

    code, summary = sync_cli(a_dir)
    assert code == 0 and summary["pushed"] == len(ids) and summary["rejected"] == 0, summary
    assert seeded.store.get(p.Kind.RULE, "vip")["enabled"] is False
    assert seeded.store.get(p.Kind.RULE, "all-orders-card")["position"] == 10

    code, summary = sync_cli(b_dir)
    assert code == 0, summary
    with b.session() as s:
        order_no = s.scalar(select(m.Order.order_no).where(m.Order.status == "new").limit(1))
    order = PackingStore(b, "PACK-B").order_by_no(order_no)
    plan = RuleCache(b).book().plan(order, date.today())
    assert plan.fired[0] == "all-orders-card"
    assert plan.first(ActionKind.INSTRUCTION).params["en"] == "Put a thank-you card in"
    assert "vip" not in plan.fired

    # Removing a rule is an edit too.
    rules_b, source_b = editable_rules(b)
    assert source_b == "server" and rules_b[0]["code"] == "all-orders-card"
    save_rules(b, rules_b[1:], "PACK-B", supervisor_id(b), claims.station_signer(b))
    code, summary = sync_cli(b_dir)
    assert code == 0 and summary["rejected"] == 0, summary
    assert seeded.store.get(p.Kind.RULE, "all-orders-card") is None
    assert sync_cli(a_dir)[0] == 0
    assert "all-orders-card" not in [r["code"] for r in editable_rules(a)[0]]
    a.close()
    b.close()


def test_a_broken_rule_is_refused_before_anything_is_saved(tmp_path):
    db = open_station(tmp_path / "s")
    rules, _ = editable_rules(db)
    broken = {**CHANNEL_RULE, "conditions": [{"field": "order.amount_cents", "op": "gte", "value": "lots"}]}
    with pytest.raises(RuleError, match="compares with a number"):
        save_rules(db, [broken, *rules], "PACK-A", None)
    with pytest.raises(RuleError, match="used twice"):
        save_rules(db, [rules[0], *rules], "PACK-A", None)
    with db.session() as s:
        assert s.scalars(select(m.Setting).where(m.Setting.key.like("rule:%"))).all() == []
        assert s.scalars(select(m.OutboxEvent)).all() == []
    db.close()


def test_a_rule_change_from_a_packing_station_needs_a_supervisor_the_server_knows(seeded, tmp_path):
    a_dir = tmp_path / "a"
    assert sync_cli(a_dir, "--server", seeded.url, "--token", seeded.store.add_station("PACK-C"))[0] == 0
    a = open_station(a_dir)
    rules, _ = editable_rules(a)
    with a.session() as s:
        packer = s.scalar(select(m.Operator.id).where(m.Operator.badge_code == "P0001"))
    sent = save_rules(a, rules[1:], "PACK-C", packer)  # a packer's edit (a copied database, a script)
    code, summary = sync_cli(a_dir)
    assert code == 0 and summary["rejected"] == len(sent) > 0  # to the station's needs-attention list
    assert seeded.store.get(p.Kind.RULE, rules[1]["code"]) is None  # the server's rules are untouched
