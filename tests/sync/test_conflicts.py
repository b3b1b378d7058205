"""Two stations, one server: double packs, packs after a cancel, concurrent preference edits."""

from __future__ import annotations

from sqlalchemy import select

from app.store import demo
from app.store import models as m
from app.store.customers import record_preferences
from sync import protocol as p
from tests.sync import claims
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
    code, order_no = claims.customer_at_hand(a)
    record_preferences(a, code, {"packaging": "simple", "no_price_tags": True}, "PACK-A", None, order_no)
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
    code, order_no = claims.customer_at_hand(a)
    record_preferences(a, code, {"preferred_carrier": "SF"}, "PACK-A", None, order_no)
    record_preferences(b, code, {"preferred_carrier": "JD"}, "PACK-B", None, order_no)  # later
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
    code, order_no = claims.customer_at_hand(a)
    seeded.store.set_preference(code, "note", "请电话联系后再发货")
    record_preferences(
        a, code, {"note": "周六不收货"}, "PACK-A", None, order_no
    )  # before pulling the CRM note
    sync_cli(tmp_path / "PACK-A")
    # A's edit is later than the CRM's, so it wins though its base was stale.
    assert seeded.store.get(p.Kind.CUSTOMER, code)["preferences"]["note"] == "周六不收货"
    assert [row["decision"] for row in seeded.store.audit(code)] == ["applied", "applied-newer"]


def test_an_order_cancelled_after_its_pack_reached_the_server_is_stopped_at_the_station_that_packed_it(
    seeded, tmp_path
):
    from app.store.exceptions import ExceptionKind, exceptions

    (a, b) = two_stations(seeded, tmp_path)
    sample = demo.sample_orders(a, per_kind=1)["ready"][0]
    pack(a, sample)
    assert sync_cli(tmp_path / "PACK-A")[1]["conflicts"] == 0  # the pack is the server's now
    cancelled = {**seeded.store.get(p.Kind.ORDER, sample["order_no"]), "status": "cancelled"}
    seeded.store.import_documents({"orders": [cancelled]})
    (conflict,) = seeded.store.conflicts()
    assert (conflict.kind, conflict.key, conflict.station) == (
        "cancelled_after_pack",
        sample["order_no"],
        "PACK-A",
    )
    assert "stop the parcel" in conflict.detail
    for station in ("PACK-A", "PACK-B"):
        assert sync_cli(tmp_path / station)[0] == 0
    with a.session() as s:
        (parcel,) = s.scalars(select(m.Interception)).all()
    assert (parcel.order_no, parcel.stage, parcel.reason) == (sample["order_no"], "packed", "cancelled")
    assert sorted((i["sku_code"], i["quantity"]) for i in parcel.items) == sorted(
        (i["sku"], i["quantity"]) for i in sample["items"]
    )
    assert [i.subject for i in exceptions(a) if i.kind is ExceptionKind.PUT_BACK] == [sample["order_no"]]
    with a.session() as s:  # the parcel's label is void: its waybill released to the server
        label = s.scalar(select(m.PrintJob).where(m.PrintJob.kind == "label"))
        voided = s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.type == "label.voided"))
    assert label.voided_at is not None and voided.payload["reason"] == "cancelled"
    with b.session() as s:  # only the station that packed it has a parcel to stop
        assert s.scalars(select(m.Interception)).all() == []
    assert sync_cli(tmp_path / "PACK-A")[0] == 0  # pulled again: still one
    with a.session() as s:
        assert len(s.scalars(select(m.Interception)).all()) == 1
    a.close()
    b.close()
