"""The central server as a trust boundary, tried with a packing station's token over real HTTP
on loopback: roles decide who may load master data and who sees whose conflicts, and request
bodies (gzip included) are refused past their limit before they become a large allocation."""

from __future__ import annotations

import gzip
import json
import zlib

import requests

from sync import protocol as p
from sync.server.limits import MAX_PUSH_BYTES
from tests.sync import claims
from tests.sync.claims import headers, push


def test_a_packing_stations_token_cannot_load_master_data(server):
    station = server.store.add_station("PACK-01")
    attack = {
        "operators": [{"badge_code": "S9999", "name": "假主管", "pin_hash": "x", "role": "supervisor"}],
        "deleted": [{"kind": "operator", "key": "S0001"}],
    }
    refused = requests.post(
        f"{server.url}{p.API_PREFIX}/import", data=json.dumps(attack), headers=headers(station), timeout=10
    )
    assert refused.status_code == 403 and "admin" in refused.json()["detail"]
    admin = server.store.add_station("OFFICE", "admin")
    fine = requests.post(
        f"{server.url}{p.API_PREFIX}/import",
        data=json.dumps({"customers": [{"code": "C-1", "name": "张伟"}]}),
        headers=headers(admin),
        timeout=10,
    )
    assert fine.status_code == 200, fine.text


def test_a_station_sees_its_own_conflicts_and_a_desk_sees_every_stations(server):
    from sync.server import models as m

    with server.store.transaction() as s:
        for station in ("PACK-A", "PACK-B"):
            s.add(m.Conflict(kind="order", key=f"TB-{station}", station=station, event_id=f"e-{station}"))
    a = server.store.add_station("PACK-A")
    desk = server.store.add_station("DESK-1", "desk")
    seen_by_a = requests.get(f"{server.url}{p.API_PREFIX}/conflicts", headers=headers(a), timeout=10).json()[
        "conflicts"
    ]
    seen_by_desk = requests.get(
        f"{server.url}{p.API_PREFIX}/conflicts", headers=headers(desk), timeout=10
    ).json()["conflicts"]
    assert {c["station"] for c in seen_by_a} == {"PACK-A"}
    assert {c["station"] for c in seen_by_desk} == {"PACK-A", "PACK-B"}


def test_a_gzip_bomb_is_refused_with_413_without_being_inflated(server):
    token = server.store.add_station("PACK-02")
    inflated = MAX_PUSH_BYTES * 8  # 128 MiB of zeros; the limit is 16 MiB
    bomb = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    body = b"".join(bomb.compress(b"\0" * (1 << 20)) for _ in range(inflated >> 20)) + bomb.flush()
    assert len(body) < 200_000
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=body,
        headers=headers(token, **{"Content-Encoding": "gzip", "Content-Type": "application/json"}),
        timeout=30,
    )
    assert answer.status_code == 413 and "inflates" in answer.json()["detail"]


def test_a_body_over_the_limit_is_refused_from_its_length(server):
    token = server.store.add_station("PACK-03")
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=b" " * (MAX_PUSH_BYTES + 1),
        headers=headers(token, **{"Content-Type": "application/json"}),
        timeout=30,
    )
    assert answer.status_code == 413


def test_broken_gzip_is_a_clear_422_not_a_500(server):
    token = server.store.add_station("PACK-04")
    good = gzip.compress(b'{"events": []}')
    for body in (b"not gzip at all", good[: len(good) // 2]):
        answer = requests.post(
            f"{server.url}{p.API_PREFIX}/events",
            data=body,
            headers=headers(token, **{"Content-Encoding": "gzip", "Content-Type": "application/json"}),
            timeout=10,
        )
        assert answer.status_code == 422 and "gzip" in answer.json()["detail"], answer.text
    plain = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=good,
        headers=headers(token, **{"Content-Encoding": "gzip", "Content-Type": "application/json"}),
        timeout=10,
    )
    assert plain.status_code == 200, plain.text


def _event(station: str, **payload_changes) -> dict:
    import uuid
    from datetime import UTC, datetime

    payload = {"customer": "C-1", "field": "note", "value": "请放门口", **payload_changes}
    return {
        "id": str(uuid.uuid4()),
        "type": "customer.preference",
        "station": station,
        "operator": None,
        "occurred_at": datetime.now(UTC).isoformat(),
        "payload": payload,
    }


def test_values_neither_database_can_store_are_refused_with_a_reason_not_a_500(server):
    token = server.store.add_station("PACK-05")
    nested: object = "x"
    for _ in range(40):
        nested = {"a": nested}
    for bad, expected in (
        ({"extra": float("nan")}, "finite"),
        ({"extra": 2**70}, "64-bit"),
        ({"value": "a\x00b"}, "NUL"),
        ({"value": "长" * 20_000}, "longer"),
        ({"extra": nested}, "nested"),
    ):
        body = json.dumps({"events": [_event("PACK-05", **bad)]}, allow_nan=True)
        answer = requests.post(
            f"{server.url}{p.API_PREFIX}/events",
            data=body,
            headers=headers(token, **{"Content-Type": "application/json"}),
            timeout=10,
        )
        assert answer.status_code == 422, (bad, answer.status_code, answer.text[:300])
        assert expected in json.dumps(answer.json(), ensure_ascii=False), answer.text[:300]


def test_a_cursor_beyond_the_head_or_bigint_is_a_400_never_echoed(server):
    token = server.store.add_station("PACK-06")
    for cursor in ("99999999", str(2**64), "-5"):
        answer = requests.get(
            f"{server.url}{p.API_PREFIX}/changes",
            params={"cursor": cursor},
            headers=headers(token),
            timeout=10,
        )
        assert answer.status_code == 400, (cursor, answer.status_code, answer.text[:200])


def test_an_import_keeps_out_what_stations_could_not_store(server):
    admin = server.store.add_station("OFFICE-2", "admin")
    document = {
        "customers": [
            {"code": "C-OK", "name": "李娜"},
            {"code": "C-BIG", "name": "王" + "x" * 20_000},
        ]
    }
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/import", data=json.dumps(document), headers=headers(admin), timeout=10
    )
    assert answer.status_code == 200
    report = answer.json()
    assert any("customers[1]" in e for e in report["errors"]), report


def _packed(server, station: str, order_no: str, pack_id: str) -> dict:
    """A pack as a station sends it: the order's lines as the server has them."""
    order = server.store.get(p.Kind.ORDER, order_no) or {"order_no": order_no, "lines": []}
    return claims.packed(station, order, pack_id)


def _new_order(document: dict, index: int) -> str:
    return [o for o in document["orders"] if o.get("status", "new") == "new"][index]["order_no"]


def test_another_stations_pack_cannot_be_taken_over_by_resending_its_pack_id(seeded, demo_document):
    order_no = _new_order(demo_document, 0)
    first, second = seeded.store.add_station("PACK-X"), seeded.store.add_station("PACK-Y")
    (mine,) = push(seeded, first, [_packed(seeded, "PACK-X", order_no, "pack-1")])
    assert mine["outcome"] == "accepted"
    (again,) = push(seeded, first, [_packed(seeded, "PACK-X", order_no, "pack-1")])  # its own resend
    assert again["outcome"] == "accepted"
    (theirs,) = push(seeded, second, [_packed(seeded, "PACK-Y", order_no, "pack-1")])
    assert theirs["outcome"] == "conflict"
    assert seeded.store.get(p.Kind.ORDER, order_no)["packed_by"] == "PACK-X"


def test_a_release_is_taken_only_with_a_known_supervisors_proof(seeded, demo_document):
    order_no = _new_order(demo_document, 1)
    token = seeded.store.add_station("PACK-Z")
    supervisor = claims.server_signer(seeded.store)
    for badge in ("S9999", "P0001"):  # nobody; a packer
        (result,) = push(seeded, token, [claims.released("PACK-Z", order_no, None, badge)])
        assert result["outcome"] == "rejected" and "supervisor" in result["reason"], result
    # The supervisor's badge is printed and every station pulls it: naming them proves nothing.
    (named,) = push(seeded, token, [claims.released("PACK-Z", order_no, None)])
    assert named["outcome"] == "rejected" and "no proof" in named["reason"], named
    forged = claims.released("PACK-Z", order_no, None)
    other = claims.released("PACK-Z", _new_order(demo_document, 2), supervisor)
    forged["payload"]["proof"] = other["payload"]["proof"]  # a real proof, of another order's release
    (replayed,) = push(seeded, token, [forged])
    assert replayed["outcome"] == "rejected" and "does not match" in replayed["reason"], replayed
    (real,) = push(seeded, token, [claims.released("PACK-Z", order_no, supervisor)])
    assert real["outcome"] == "accepted", real


def test_a_settings_change_is_kept_and_names_a_real_supervisor_where_one_allowed_it(seeded):
    from app.core import decisions

    token = seeded.store.add_station("PACK-S")
    changes = [{"setting": "tolerance_g", "old": 30, "new": 500}]

    def changed(supervisor: str | None, proven: bool = False) -> dict:
        payload = {"changes": changes, "by": "P0001", "supervisor": supervisor, "at": claims.now()}
        if proven:
            signer = claims.server_signer(seeded.store)
            payload["proof"] = claims.proof(signer, decisions.settings_change(changes, "S0001"))
        return claims.event("station.settings_changed", "PACK-S", payload)

    (forged,) = push(seeded, token, [changed("S9999")])
    assert forged["outcome"] == "rejected" and "supervisor" in forged["reason"]
    (unproven,) = push(seeded, token, [changed("S0001")])
    assert unproven["outcome"] == "rejected" and "no proof" in unproven["reason"]
    (real,) = push(seeded, token, [changed("S0001", proven=True)])
    assert real["outcome"] == "accepted"
    (by_a_packer,) = push(seeded, token, [changed(None)])  # what packers may change needs nobody
    assert by_a_packer["outcome"] == "accepted"


def test_another_stations_event_id_is_rejected_for_this_one_not_silently_dropped(seeded, demo_document):
    import uuid

    first, second = seeded.store.add_station("PACK-E1"), seeded.store.add_station("PACK-E2")
    shared = str(uuid.uuid4())
    mine = _packed(seeded, "PACK-E1", _new_order(demo_document, 2), "pack-e1")
    mine["id"] = shared
    (result,) = push(seeded, first, [mine])
    assert result["outcome"] == "accepted"
    theirs = _packed(seeded, "PACK-E2", _new_order(demo_document, 3), "pack-e2")
    theirs["id"] = shared  # the same id from another station (a copied outbox, an attacker)
    (refused,) = push(seeded, second, [theirs])
    assert refused["outcome"] == "rejected" and not refused.get("duplicate")
    assert "another station" in refused["reason"]
    (again,) = push(seeded, first, [mine])  # the owner's resend is still its duplicate
    assert again["outcome"] == "accepted" and again["duplicate"]


def test_nonsense_a_bench_could_not_mean_is_refused(server):
    token = server.store.add_station("PACK-07")
    for payload, expected in (
        ({"field": "ship_days", "value": [1, 99]}, "weekdays"),
        ({"field": "note", "value": "长" * 600}, "too long"),
    ):
        body = json.dumps({"events": [_event("PACK-07", **payload)]})
        answer = requests.post(
            f"{server.url}{p.API_PREFIX}/events",
            data=body,
            headers=headers(token, **{"Content-Type": "application/json"}),
            timeout=10,
        )
        assert answer.status_code == 422 and expected in answer.text, answer.text[:300]
    packed = _packed(server, "PACK-07", "TB-NOPE", "pack-neg")
    packed["payload"]["weight"] = {"expected_g": 500, "actual_g": -20, "allowed_g": 30}
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=json.dumps({"events": [packed]}),
        headers=headers(token, **{"Content-Type": "application/json"}),
        timeout=10,
    )
    assert answer.status_code == 422 and "actual_g" in answer.text, answer.text[:300]


def _wave(
    station: str, operator: str | None, status: str, orders: list[str], code: str = "", proven_by=None
) -> dict:
    import uuid

    from app.core import decisions

    payload = {"code": code or f"W-{uuid.uuid4().hex[:6]}", "status": status, "orders": orders}
    if proven_by is not None:
        decided = decisions.wave_change(payload["code"], status, orders, proven_by.badge)
        payload["proof"] = claims.proof(proven_by, decided)
    return claims.event("wave.changed", station, payload, operator)


def test_a_packing_station_releases_or_cancels_a_wave_only_for_a_supervisor(seeded, demo_document):
    orders = [_new_order(demo_document, 4)]
    token = seeded.store.add_station("PACK-W")
    for operator in (None, "P0001", "S9999", "S0001"):  # nobody; a packer; unknown; unproven
        for status in ("released", "cancelled", "planned"):
            (result,) = push(seeded, token, [_wave("PACK-W", operator, status, orders)])
            reason = result["reason"]
            assert result["outcome"] == "rejected" and ("supervisor" in reason or "proof" in reason), result
    assert seeded.store.get(p.Kind.ORDER, orders[0])["status"] == "new"  # nothing moved
    supervisor = claims.server_signer(seeded.store)
    wave = _wave("PACK-W", "S0001", "released", orders, proven_by=supervisor)
    (real,) = push(seeded, token, [wave])
    assert real["outcome"] == "accepted", real
    assert seeded.store.get(p.Kind.ORDER, orders[0])["status"] == "released"
    code = wave["payload"]["code"]
    # The picker's scans move the wave on without a supervisor; they change nothing else.
    (picking,) = push(seeded, token, [_wave("PACK-W", "P0002", "picking", orders, code)])
    assert picking["outcome"] == "accepted"
    (emptied,) = push(seeded, token, [_wave("PACK-W", "P0002", "done", [], code)])
    assert emptied["outcome"] == "rejected" and "other orders" in emptied["reason"], emptied
    (unknown,) = push(seeded, token, [_wave("PACK-W", "P0002", "picking", orders)])
    assert unknown["outcome"] == "rejected" and "not known" in unknown["reason"], unknown
    assert seeded.store.get(p.Kind.WAVE, code)["orders"] == orders
    # A supervisor desk's token is a supervisor's place: its waves need no badge named.
    desk = seeded.store.add_station("DESK-W", "desk")
    (from_desk,) = push(seeded, desk, [_wave("DESK-W", None, "released", [_new_order(demo_document, 5)])])
    assert from_desk["outcome"] == "accepted"
