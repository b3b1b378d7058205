"""Two stations, one server: double packs, packs after a cancel, concurrent preference edits."""

from __future__ import annotations

from sqlalchemy import select

from app.store import demo
from app.store import models as m
from app.store.customers import record_preferences
from sync import protocol as p
from tests.sync.stations import open_station, pack, sync_cli


def two_stations(seeded, tmp_path):
    stations = []
    for name in ("PACK-A", "PACK-B"):
        token = seeded.store.add_station(name)
        assert sync_cli(tmp_path / name, "--server", seeded.url, "--token", token)[0] == 0
        stations.append(open_station(tmp_path / name))
    return stations


def test_the_same_order_packed_on_two_stations_gives_one_success_and_one_visible_conflict(seeded, tmp_path):
    a, b = two_stations(seeded, tmp_path)
    sample = demo.sample_orders(a, per_kind=1)["ready"][0]
    pack(a, sample)
    pack(b, sample)  # both offline at the time: neither knew
    assert sync_cli(tmp_path / "PACK-A")[1]["conflicts"] == 0
    code, summary = sync_cli(tmp_path / "PACK-B")
    assert code == 0 and summary["conflicts"] == 1
    order = seeded.store.get(p.Kind.ORDER, sample["order_no"])
    assert order["packed_by"] == "PACK-A"
    (conflict,) = seeded.store.conflicts()
    assert (conflict.kind, conflict.key, conflict.station) == ("double_pack", sample["order_no"], "PACK-B")
    with b.session() as s:  # on B's exception list with the server's reason
        event = s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.needs_attention.is_(True)))
    assert event is not None and "already packed at PACK-A" in event.last_error
    a.close()
    b.close()


def test_an_order_cancelled_while_being_packed_is_flagged_for_interception(seeded, tmp_path):
    (a, b) = two_stations(seeded, tmp_path)
    sample = demo.sample_orders(a, per_kind=1)["ready"][0]
    pack(a, sample)
    cancelled = {**seeded.store.get(p.Kind.ORDER, sample["order_no"]), "status": "cancelled"}
    seeded.store.import_documents({"orders": [cancelled]})
    code, summary = sync_cli(tmp_path / "PACK-A")
    assert code == 0 and summary["conflicts"] == 1
    (conflict,) = seeded.store.conflicts()
    assert conflict.kind == "packed_after_cancel" and "intercept" in conflict.detail
    a.close()
    b.close()


def test_a_preference_recorded_at_a_station_reaches_the_crm_and_the_other_station(seeded, tmp_path):
    a, b = two_stations(seeded, tmp_path)
    with a.session() as s:
        code = s.scalar(select(m.Customer.code).limit(1))
    record_preferences(a, code, {"packaging": "simple", "no_price_tags": True}, "PACK-A", None)
    assert sync_cli(tmp_path / "PACK-A")[1]["pushed"] == 2
    assert seeded.store.get(p.Kind.CUSTOMER, code)["preferences"]["packaging"] == "simple"
    sync_cli(tmp_path / "PACK-B")
    with b.session() as s:
        prefs = s.scalar(select(m.Customer.preferences).where(m.Customer.code == code))
    assert prefs["packaging"] == "simple" and prefs["no_price_tags"] is True
    a.close()
    b.close()


def test_concurrent_preference_edits_end_in_the_documented_result(seeded, tmp_path):
    """Both stations edit the same field from the same base while offline: the later edit wins,
    both are in the audit trail, and both stations end with the decided value."""
    a, b = two_stations(seeded, tmp_path)
    with a.session() as s:
        code = s.scalar(select(m.Customer.code).limit(1))
    record_preferences(a, code, {"preferred_carrier": "SF"}, "PACK-A", None)
    record_preferences(b, code, {"preferred_carrier": "JD"}, "PACK-B", None)  # later
    sync_cli(tmp_path / "PACK-B")  # the later edit arrives first
    sync_cli(tmp_path / "PACK-A")  # the earlier one arrives second, from a stale base
    sync_cli(tmp_path / "PACK-B")
    assert seeded.store.get(p.Kind.CUSTOMER, code)["preferences"]["preferred_carrier"] == "JD"
    decisions = [(row["source"], row["decision"]) for row in seeded.store.audit(code)]
    assert decisions == [("PACK-B", "applied"), ("PACK-A", "kept-newer")]
    for db in (a, b):
        with db.session() as s:
            assert (
                s.scalar(select(m.Customer.preferences).where(m.Customer.code == code))["preferred_carrier"]
                == "JD"
            )
        db.close()


def test_a_crm_change_after_a_station_edit_wins_and_a_station_edit_after_it_wins_again(seeded, tmp_path):
    a, _b = two_stations(seeded, tmp_path)
    with a.session() as s:
        code = s.scalar(select(m.Customer.code).limit(1))
    seeded.store.set_preference(code, "note", "请电话联系后再发货")
    record_preferences(a, code, {"note": "周六不收货"}, "PACK-A", None)  # made before pulling the CRM note
    sync_cli(tmp_path / "PACK-A")
    # A's edit is later than the CRM's, so it wins though its base was stale.
    assert seeded.store.get(p.Kind.CUSTOMER, code)["preferences"]["note"] == "周六不收货"
    assert [row["decision"] for row in seeded.store.audit(code)] == ["applied", "applied-newer"]
