"""The central server as a trust boundary, tried with a packing station's token over real HTTP
on loopback: roles decide who may load master data and who sees whose conflicts, and request
bodies (gzip included) are refused past their limit before they become a large allocation."""

from __future__ import annotations

import gzip
import json
import zlib

import requests

from sync import protocol as p
from sync.server.app import MAX_PUSH_BYTES


def _headers(token: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **extra}


def test_a_packing_stations_token_cannot_load_master_data(server):
    station = server.store.add_station("PACK-01")
    attack = {
        "operators": [{"badge_code": "S9999", "name": "假主管", "pin_hash": "x", "role": "supervisor"}],
        "deleted": [{"kind": "operator", "key": "S0001"}],
    }
    refused = requests.post(
        f"{server.url}{p.API_PREFIX}/import", data=json.dumps(attack), headers=_headers(station), timeout=10
    )
    assert refused.status_code == 403 and "admin" in refused.json()["detail"]
    admin = server.store.add_station("OFFICE", "admin")
    fine = requests.post(
        f"{server.url}{p.API_PREFIX}/import",
        data=json.dumps({"customers": [{"code": "C-1", "name": "张伟"}]}),
        headers=_headers(admin),
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
    seen_by_a = requests.get(f"{server.url}{p.API_PREFIX}/conflicts", headers=_headers(a), timeout=10).json()
    seen_by_desk = requests.get(
        f"{server.url}{p.API_PREFIX}/conflicts", headers=_headers(desk), timeout=10
    ).json()
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
        headers=_headers(token, **{"Content-Encoding": "gzip", "Content-Type": "application/json"}),
        timeout=30,
    )
    assert answer.status_code == 413 and "inflates" in answer.json()["detail"]


def test_a_body_over_the_limit_is_refused_from_its_length(server):
    token = server.store.add_station("PACK-03")
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=b" " * (MAX_PUSH_BYTES + 1),
        headers=_headers(token, **{"Content-Type": "application/json"}),
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
            headers=_headers(token, **{"Content-Encoding": "gzip", "Content-Type": "application/json"}),
            timeout=10,
        )
        assert answer.status_code == 422 and "gzip" in answer.json()["detail"], answer.text
    plain = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=good,
        headers=_headers(token, **{"Content-Encoding": "gzip", "Content-Type": "application/json"}),
        timeout=10,
    )
    assert plain.status_code == 200, plain.text
