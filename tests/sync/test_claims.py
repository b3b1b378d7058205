"""Every event is a claim the server checks against its own state, tried as an attacker holding a
packing station's token would, over real HTTP on SQLite and PostgreSQL: refunds for goods never
shipped, supervisor decisions without the supervisor, waybill numbers that are not the station's,
a floor stopped or taken over by one bench, and refused claims that would fill the disk."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app.core import decisions
from sync import protocol as p
from sync.server import models as m
from tests.sync import claims
from tests.sync.claims import headers, push


def _one(server, token: str, event: dict) -> dict:
    (result,) = push(server, token, [event])
    return result


def _orders(document: dict, status: str = "new", carrier: str | None = None) -> list[dict]:
    return [
        o
        for o in document["orders"]
        if o.get("status", "new") == status and o.get("lines") and carrier in (None, o.get("carrier"))
    ]


def _returned(station: str, order: dict, skus: list[str], return_id: str | None = None,
              expected: bool = True) -> dict:  # fmt: skip
    payload = {
        "return_id": return_id or str(uuid.uuid4()), "order_no": order["order_no"],
        "proposed": "customer", "responsibility": "customer", "operator": "P0001",
        "received_at": claims.now(),
        "items": [{"sku": sku, "expected": expected, "reason": "size", "disposition": "restock"}
                  for sku in skus],
    }  # fmt: skip
    return claims.event(p.EventType.RETURN_RECEIVED, station, payload)


def _refunds(server, order_no: str) -> list[dict[str, Any]]:
    page = server.store.integration_events(0, 5000)
    return [e.payload for e in page.events if e.type == "refund.requested" and e.key == order_no]


def test_a_refund_needs_a_shipped_unit_and_comes_once_per_unit(seeded, demo_document):
    token = seeded.store.add_station("RET-1")
    never_packed = _orders(demo_document)[0]
    sku = never_packed["lines"][0]["sku"]
    refused = _one(seeded, token, _returned("RET-1", never_packed, [sku]))
    assert refused["outcome"] == "rejected" and "nothing of it was shipped" in refused["reason"], refused
    assert _refunds(seeded, never_packed["order_no"]) == []

    order = never_packed
    assert _one(seeded, token, claims.packed("RET-1", order, "pack-ret-1"))["outcome"] == "accepted"
    shipped = sum(line["quantity"] for line in order["lines"] if line["sku"] == sku)
    thousand = _one(seeded, token, _returned("RET-1", order, [sku] * 1000))
    assert thousand["outcome"] == "rejected" and "cannot" in thousand["reason"], thousand
    ticket = str(uuid.uuid4())
    first = _one(seeded, token, _returned("RET-1", order, [sku], ticket))
    assert first["outcome"] == "accepted", first
    again = _one(seeded, token, _returned("RET-1", order, [sku], ticket))  # the same return, a new event
    assert again["outcome"] == "rejected" and "one refund per unit" in again["reason"], again
    for _ in range(shipped - 1):  # the rest of that SKU, one return each
        assert _one(seeded, token, _returned("RET-1", order, [sku]))["outcome"] == "accepted"
    more = _one(seeded, token, _returned("RET-1", order, [sku]))  # a new return id for a unit not there
    assert more["outcome"] == "rejected" and f"{shipped} came back before" in more["reason"], more
    price = seeded.store.get(p.Kind.SKU, sku)["price_cents"]
    refunds = _refunds(seeded, order["order_no"])
    assert len(refunds) == shipped and {r["amount_cents"] for r in refunds} == {price}
    assert {r["customer"] for r in refunds} == {order["customer"]}  # the server's, not the station's

    # A unit that was not the order's is recorded for a person to look at, never refunded.
    stranger = _one(seeded, token, _returned("RET-1", order, ["BEA-00001"], expected=False))
    assert stranger["outcome"] == "accepted"
    assert len(_refunds(seeded, order["order_no"])) == shipped


def test_a_pack_is_of_the_orders_lines_by_a_known_operator(seeded, demo_document):
    token = seeded.store.add_station("PK-1")
    first, second, third = _orders(demo_document)[:3]
    empty = claims.packed("PK-1", first, "pack-empty")
    empty["payload"]["lines"] = []
    answer = _one(seeded, token, empty)
    assert answer["outcome"] == "rejected" and "lines" in answer["reason"], answer
    unknown = _one(seeded, token, claims.packed("PK-1", second, "pack-ghost", operator="P9999"))
    assert unknown["outcome"] == "rejected" and "P9999" in unknown["reason"], unknown
    halves = claims.packed("PK-1", third, "pack-halves")
    halves["payload"]["parcels"] = [
        {"no": 1, "items": [{"sku": "BEA-00001", "quantity": 1}]},
        {"no": 2, "items": [{"sku": "BEA-00001", "quantity": 1}]},
    ]
    answer = _one(seeded, token, halves)
    assert answer["outcome"] == "rejected" and "add up" in answer["reason"], answer
    for order in (first, second, third):  # none of it moved the order or the board
        assert seeded.store.get(p.Kind.ORDER, order["order_no"])["status"] == "new"
    # The real pack is taken afterwards (it is no conflict with the refused one).
    assert _one(seeded, token, claims.packed("PK-1", first, "pack-real"))["outcome"] == "accepted"


def _overridden(station: str, order: dict, by_signer, actual_g: int, proven_g: int | None = None) -> dict:
    event = claims.packed(station, order, f"pack-{uuid.uuid4().hex[:8]}")
    event["payload"]["weight"] = {"expected_g": 500, "actual_g": actual_g, "allowed_g": 30}
    override: dict[str, Any] = {"reason": "泡沫填充", "by": claims.SUPERVISOR}
    if by_signer is not None:
        decided = decisions.weight_override(
            order["order_no"], override["reason"], proven_g if proven_g is not None else actual_g,
            claims.SUPERVISOR,
        )  # fmt: skip
        override["proof"] = claims.proof(by_signer, decided)
    event["payload"]["override"] = override
    return event


def test_supervisor_decisions_need_the_supervisors_proof(seeded, demo_document):
    token = seeded.store.add_station("DEC-1")
    supervisor = claims.server_signer(seeded.store)
    a, b, c = _orders(demo_document)[10:13]
    bare = _one(seeded, token, _overridden("DEC-1", a, None, 9000))
    assert bare["outcome"] == "rejected" and "no proof" in bare["reason"], bare
    # A proof of a 520 g override does not let 9,000 g through.
    stretched = _one(seeded, token, _overridden("DEC-1", b, supervisor, 9000, proven_g=520))
    assert stretched["outcome"] == "rejected" and "does not match" in stretched["reason"], stretched
    # A packer's PIN makes a key, but not the supervisor's.
    packer = claims.signer(seeded.store.get(p.Kind.OPERATOR, "P0001")["pin_hash"], "S0001", "1234")
    posing = _one(seeded, token, _overridden("DEC-1", b, packer, 520))
    assert posing["outcome"] == "rejected" and "does not match" in posing["reason"], posing
    real = _one(seeded, token, _overridden("DEC-1", c, supervisor, 520))
    assert real["outcome"] == "accepted", real

    # A fleet-wide rule with no conditions that would hold every order: refused unproven, and a
    # proof of another rule does not carry over.
    then = [{"action": "carrier", "carrier": "EVIL"}, {"action": "ship_not_before", "date": "2099-01-01"}]
    evil = {"code": "EVIL", "position": 0, "enabled": True,
            "definition": {"code": "EVIL", "name": "evil", "conditions": [], "actions": then}}  # fmt: skip
    unproven = _one(seeded, token, claims.event(p.EventType.RULE_CHANGED, "DEC-1", evil, "S0001"))
    assert unproven["outcome"] == "rejected" and "no proof" in unproven["reason"], unproven
    harmless = {**evil, "enabled": False}
    evil_with_other_proof = {
        **evil,
        "proof": claims.proof(supervisor, decisions.rule_change("EVIL", harmless, "S0001")),
    }
    replayed = _one(
        seeded, token, claims.event(p.EventType.RULE_CHANGED, "DEC-1", evil_with_other_proof, "S0001")
    )
    assert replayed["outcome"] == "rejected" and "does not match" in replayed["reason"], replayed
    assert seeded.store.get(p.Kind.RULE, "EVIL") is None

    # A proof from long ago (a copied outbox replayed) or from the future is not taken.
    old = claims.released("DEC-1", a["order_no"], supervisor)
    decided = decisions.hold_release(a["order_no"], claims.SUPERVISOR)
    old["payload"]["proof"] = supervisor.sign(decided, "2020-01-01T00:00:00+00:00").proof
    stale = _one(seeded, token, old)
    assert stale["outcome"] == "rejected" and "not a time the server takes" in stale["reason"], stale


def _reserve(server, token: str, carrier: str, keep: int) -> list[str]:
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/waybills/reserve",
        data=json.dumps({"carrier": carrier, "keep": keep}),
        headers=headers(token, **{"Content-Type": "application/json"}),
        timeout=10,
    )
    assert answer.status_code == 200, answer.text[:300]
    return answer.json()["waybills"]


def _split_pack(station: str, order: dict, numbers: list[str], carrier: str | None = None) -> dict:
    event = claims.packed(station, order, f"pack-{uuid.uuid4().hex[:8]}")
    own = order.get("waybill_no")
    parcels = [{"no": 1, "carrier": carrier or order["carrier"], "waybill_no": own}]
    parcels += [{"no": i + 2, "carrier": carrier or order["carrier"], "waybill_no": n}
                for i, n in enumerate(numbers)]  # fmt: skip
    event["payload"]["parcels"] = parcels
    return event


def test_waybill_numbers_are_the_orders_own_or_set_aside_for_that_station_and_carrier(seeded, demo_document):
    orders = _orders(demo_document, carrier="SF")
    assert len(orders) >= 6
    seeded.store.add_waybills("SF", [f"SF{9100_0000_0000 + n}" for n in range(40)])
    seeded.store.add_waybills("ZTO", [f"7{5100_0000_0000 + n}" for n in range(10)])
    a, b = seeded.store.add_station("WB-A"), seeded.store.add_station("WB-B")
    mine, theirs = _reserve(seeded, a, "SF", 5), _reserve(seeded, b, "SF", 5)
    zto = _reserve(seeded, a, "ZTO", 3)

    taken = _one(seeded, a, _split_pack("WB-A", orders[0], theirs[:2]))
    assert taken["outcome"] == "rejected" and "not set aside for WB-A" in taken["reason"], taken
    assert "WB-B" not in taken["reason"]  # nothing said of another station's stock
    guessed = _one(seeded, a, _split_pack("WB-A", orders[0], ["SF910000000999"]))
    assert guessed["outcome"] == "rejected" and "not set aside" in guessed["reason"], guessed
    wrong = _one(seeded, a, _split_pack("WB-A", orders[0], zto[:1]))
    assert wrong["outcome"] == "rejected" and "ZTO number, not SF" in wrong["reason"], wrong
    assert seeded.store.waybill_stock()["SF"]["used"] == 0  # none of it burned a number

    fine = _one(seeded, a, _split_pack("WB-A", orders[0], mine[:2]))
    assert fine["outcome"] == "accepted", fine
    twice = _one(seeded, a, _split_pack("WB-A", orders[1], mine[1:2]))
    assert twice["outcome"] == "rejected" and "another order" in twice["reason"], twice
    assert seeded.store.waybill_stock()["SF"]["used"] == 2

    def reissued(station: str, order: dict, numbers: list[str]) -> dict:
        payload = {"order_no": order["order_no"], "carrier": "SF", "reason": "carrier_changed",
                   "operator": "P0001", "at": claims.now(),
                   "parcels": [{"no": i + 1, "waybill_no": n} for i, n in enumerate(numbers)]}  # fmt: skip
        return claims.event(p.EventType.LABEL_REISSUED, station, payload)

    not_theirs = _one(seeded, b, reissued("WB-B", orders[0], theirs[:1]))
    assert not_theirs["outcome"] == "rejected" and "not packed at WB-B" in not_theirs["reason"], not_theirs
    too_many = _one(seeded, a, reissued("WB-A", orders[0], [*mine[2:5], orders[0]["waybill_no"]]))
    assert too_many["outcome"] == "rejected" and "new labels for the 3 parcels" in too_many["reason"]
    # Reserve, reissue, reserve again: the numbers a station can burn on one order are few.
    burned = 0
    for _ in range(6):
        fresh = [n for n in _reserve(seeded, a, "SF", 5) if n not in mine[:2]]
        answer = _one(seeded, a, reissued("WB-A", orders[0], fresh[:3]))
        burned += 3 if answer["outcome"] == "accepted" else 0
    assert burned == 3 * 3 and seeded.store.waybill_stock()["SF"]["used"] == 2 + burned


def test_one_bench_cannot_stop_or_take_over_the_floor(seeded, demo_document, monkeypatch):
    from sync.server.events import holds

    monkeypatch.setattr(holds, "HOLDS_PER_HOUR", 3)
    token = seeded.store.add_station("FL-1")
    orders = _orders(demo_document)[20:26]

    def held(order: dict, station: str = "FL-1") -> dict:
        payload = {
            "order_no": order["order_no"],
            "reason": "damaged",
            "operator": "P0001",
            "at": claims.now(),
        }
        return claims.event(p.EventType.ORDER_HELD, station, payload)

    answers = push(seeded, token, [held(o) for o in orders])
    assert [a["outcome"] for a in answers] == ["accepted"] * 3 + ["rejected"] * 3, answers
    assert "supervisor desk" in answers[3]["reason"]
    desk = seeded.store.add_station("FL-DESK", p.Role.DESK)  # a desk holds in bulk
    assert _one(seeded, desk, held(orders[5], "FL-DESK"))["outcome"] == "accepted"

    ghost = _orders(demo_document)[30]
    nobody = _one(seeded, token, claims.packed("FL-1", ghost, "pack-ghost", operator="X1"))
    assert nobody["outcome"] == "rejected"
    board = requests.get(
        f"{seeded.url}{p.API_PREFIX}/board",
        params={"since": "2000-01-01T00:00:00+00:00"},
        headers=headers(desk),
        timeout=10,
    )
    assert board.status_code == 200, board.text[:300]
    assert board.json()["rows"] == []  # no pack counts: the unknown packer's was refused


def test_a_bench_edits_the_preferences_of_the_customer_it_has_at_hand_and_never_an_address(
    seeded, demo_document
):
    token = seeded.store.add_station("PR-1")
    order = _orders(demo_document)[40]
    other = next(o for o in _orders(demo_document) if o["customer"] != order["customer"])
    customer = order["customer"]

    def changed(field: str, value: Any, order_no: str, station: str = "PR-1") -> dict:
        payload = {"customer": customer, "field": field, "value": value, "order_no": order_no}
        return claims.event(p.EventType.CUSTOMER_PREFERENCE, station, payload)

    address = _one(seeded, token, changed("address", "北京市朝阳区假地址1号", order["order_no"]))
    assert address["outcome"] == "rejected" and "office" in address["reason"], address
    for order_no in ("", other["order_no"]):
        answer = _one(seeded, token, changed("note", "放门口", order_no))
        assert answer["outcome"] == "rejected", (order_no, answer)
    at_hand = _one(seeded, token, changed("note", "放门口", order["order_no"]))
    assert at_hand["outcome"] == "accepted", at_hand
    office = seeded.store.add_station("OFFICE-PR", "admin")
    moved = _one(seeded, office, changed("address", "上海市浦东新区世纪大道100号", "", "OFFICE-PR"))
    assert moved["outcome"] == "accepted", moved
    prefs = seeded.store.get(p.Kind.CUSTOMER, customer)["preferences"]
    assert prefs["note"] == "放门口" and prefs["address"] == "上海市浦东新区世纪大道100号"


def test_short_picks_make_one_conflict_per_wave_and_sku(seeded, demo_document):
    desk = seeded.store.add_station("PICK-DESK", p.Role.DESK)
    token = seeded.store.add_station("HH-1")
    order = _orders(demo_document)[50]
    wave = {"code": "W-SHORT", "status": "released", "orders": [order["order_no"]]}
    assert (
        _one(seeded, desk, claims.event(p.EventType.WAVE_CHANGED, "PICK-DESK", wave, None))["outcome"]
        == "accepted"
    )
    sku = order["lines"][0]["sku"]

    def short(wave_code: str = "W-SHORT", picked: int = 0) -> dict:
        payload = {"wave": wave_code, "sku": sku, "location": "A-01", "wanted": 1, "picked": picked,
                   "picker": "K0001", "reason": "empty",
                   "orders": [{"order_no": order["order_no"], "slot": 1, "quantity": picked}]}  # fmt: skip
        return claims.event(p.EventType.PICK_SHORT, "HH-1", payload, "K0001")

    answers = push(seeded, token, [short() for _ in range(50)])
    assert {a["outcome"] for a in answers} == {"accepted"}
    conflicts = [c for c in seeded.store.conflicts() if c.kind == "short_pick"]
    assert len(conflicts) == 1, len(conflicts)
    unknown = _one(seeded, token, short("W-NONE"))
    assert unknown["outcome"] == "rejected" and "not known" in unknown["reason"]
    overpicked = _one(seeded, token, short(picked=5))
    assert overpicked["outcome"] == "rejected" and "5 picked of 1" in overpicked["reason"]


def test_refused_claims_are_kept_for_a_person_within_a_quota(seeded, monkeypatch):
    from sync.server.services import events as server_store

    monkeypatch.setattr(server_store, "REFUSED_KEPT", 5)
    token = seeded.store.add_station("QU-1")
    big = "长" * 400
    events = [
        claims.event(p.EventType.ORDER_HELD, "QU-1",
                     {"order_no": f"NOPE-{i}", "reason": big[:30], "operator": "P0001", "at": claims.now()})
        for i in range(12)
    ]  # fmt: skip
    answers = push(seeded, token, events)
    assert {a["outcome"] for a in answers} == {"rejected"}
    assert all("not known to the server" in a["reason"] for a in answers)
    with seeded.store.transaction() as s:
        kept = s.execute(
            select(m.EventRecord.payload).where(m.EventRecord.station == "QU-1")
        ).scalars().all()  # fmt: skip
        reasons = s.execute(
            select(func.count()).select_from(m.EventRecord)
            .where(m.EventRecord.station == "QU-1", m.EventRecord.reason != "")
        ).scalar_one()  # fmt: skip
    whole = [payload for payload in kept if "dropped" not in payload]
    assert len(kept) == 12 and len(whole) == 5 and reasons == 12
    # A resend of a dropped one still gets its answer.
    (again,) = push(seeded, token, [events[-1]])
    assert again["outcome"] == "rejected" and "not known" in again["reason"]


@pytest.mark.parametrize("role", [p.Role.STATION])
def test_a_station_token_is_not_a_supervisor_desk(seeded, demo_document, role):
    """Naming a supervisor as the event's operator is not a desk's token either."""
    token = seeded.store.add_station("NS-1", role)
    order = _orders(demo_document)[60]
    wave = {"code": "W-NS", "status": "released", "orders": [order["order_no"]]}
    answer = _one(seeded, token, claims.event(p.EventType.WAVE_CHANGED, "NS-1", wave, "S0001"))
    assert answer["outcome"] == "rejected" and "no proof" in answer["reason"], answer
    assert seeded.store.get(p.Kind.WAVE, "W-NS") is None


def test_a_platform_label_printed_is_told_only_for_a_parcel_this_station_packed(seeded, demo_document):
    """`label.printed` becomes the platform's print-success notice on the integration feed: only for
    an order the station packed and a number that is the order's own."""
    order, other = _orders(demo_document)[:2]
    a, b = seeded.store.add_station("PRT-A"), seeded.store.add_station("PRT-B")

    def printed(station: str, target: dict, waybill: str) -> dict:
        payload = {
            "order_no": target["order_no"],
            "carrier": target["carrier"],
            "waybill_no": waybill,
            "platform": "cainiao",
            "source": "cainiao:SHOP-1",
            "task_id": "PL1",
            "at": claims.now(),
        }
        return claims.event(p.EventType.LABEL_PRINTED, station, payload, operator=None)

    def notices() -> list[dict]:
        page = seeded.store.integration_events(0, 5000)
        return [e.payload for e in page.events if e.type == "waybill.printed"]

    early = _one(seeded, a, printed("PRT-A", order, order["waybill_no"]))
    assert early["outcome"] == "rejected" and "not packed at PRT-A" in early["reason"], early
    assert _one(seeded, a, claims.packed("PRT-A", order, "pack-prt-1"))["outcome"] == "accepted"
    elsewhere = _one(seeded, b, printed("PRT-B", order, order["waybill_no"]))
    assert elsewhere["outcome"] == "rejected" and "not packed at PRT-B" in elsewhere["reason"], elsewhere
    invented = _one(seeded, a, printed("PRT-A", order, "YT9999999999999"))
    assert invented["outcome"] == "rejected" and "not set aside for PRT-A" in invented["reason"], invented
    others = _one(seeded, a, printed("PRT-A", order, other["waybill_no"]))
    assert others["outcome"] == "rejected", others
    assert notices() == []

    fine = _one(seeded, a, printed("PRT-A", order, order["waybill_no"]))
    assert fine["outcome"] == "accepted", fine
    (notice,) = notices()
    assert notice["waybill_no"] == order["waybill_no"] and notice["platform"] == "cainiao"
    assert notice["station"] == "PRT-A" and notice["source"] == "cainiao:SHOP-1"


def test_a_packs_clip_is_taken_only_from_the_station_that_packed_it(seeded, demo_document):
    order = _orders(demo_document)[2]
    a, b = seeded.store.add_station("CAM-A"), seeded.store.add_station("CAM-B")
    digest = "ab" * 32

    def clip(station: str) -> dict:
        payload = {"pack_id": "pack-cam-1", "order_no": order["order_no"], "waybills": [order["waybill_no"]],
                   "camera": "rtsp://192.168.1.64:554/Streaming/Channels/101", "status": "recorded",
                   "sha256": digest, "segments": [digest], "started_at": claims.now(),
                   "ended_at": claims.now()}  # fmt: skip
        return claims.event(p.EventType.CLIP_RECORDED, station, payload, operator=None)

    early = _one(seeded, a, clip("CAM-A"))
    assert early["outcome"] == "rejected" and "not packed at CAM-A" in early["reason"], early
    assert _one(seeded, a, claims.packed("CAM-A", order, "pack-cam-1"))["outcome"] == "accepted"
    other = _one(seeded, b, clip("CAM-B"))
    assert other["outcome"] == "rejected" and "not packed at CAM-B" in other["reason"], other
    assert _one(seeded, a, clip("CAM-A"))["outcome"] == "accepted"
    page = seeded.store.integration_events(0, 5000)
    (kept,) = [e.payload for e in page.events if e.type == "clip.recorded"]
    assert kept["sha256"] == digest and kept["station"] == "CAM-A" and kept["order_no"] == order["order_no"]

    # Any station's desk finds it by the parcel's waybill (or the order): the station holding it.
    from sync.client import ServerConfig, SyncClient

    desk = SyncClient(ServerConfig(seeded.url, b))
    try:
        for code in (order["waybill_no"], order["order_no"]):
            (found,) = desk.clips(code)
            assert (found.station, found.sha256, found.order_no) == ("CAM-A", digest, order["order_no"])
            assert found.status == "recorded" and found.started_at.tzinfo is not None
        assert desk.clips("NO-SUCH-WAYBILL") == []
        refused = requests.get(f"{seeded.url}{p.API_PREFIX}/clips", params={"code": "\x01"},
                               headers=claims.headers(b), timeout=10)  # fmt: skip
        assert refused.status_code == 422
    finally:
        desk.close()
