"""One way into the server, with limits, over real HTTP: every endpoint's body is capped (gzip
included) before it is read whole, a client that sends its headers or its body too slowly is cut
off while others are served, a station holds a few long-polls at most, lists come in pages, ids
are as wide as the parameters that page through them, and on PostgreSQL the pull's watermark
reads the fences of its own database only."""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
import zlib

import pytest
import requests

from sync import protocol as p
from sync.server import limits
from sync.server import models as m
from tests.sync import claims
from tests.sync.claims import headers
from tests.sync.servers import live_server


def _raw(port: int, request: bytes, timeout: float = 10.0) -> bytes:
    """Sends `request` as it is and returns what the server answered (until it closed)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        answer = b""
        while True:
            try:
                piece = s.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not piece:
                break
            answer += piece
            if b"\r\n\r\n" in answer and b'"detail"' in answer and answer.rstrip().endswith(b"}"):
                break
        return answer


def test_every_endpoint_caps_its_body_gzip_included(server):
    token = server.store.add_station("LIM-1")
    url = f"{server.url}{p.API_PREFIX}"
    big = json.dumps({"printers": [{"name": "x" * 1000}] * 2000}).encode()  # ~2 MiB of device report
    for path, method in (("/stations/devices", "PUT"), ("/waybills/reserve", "POST")):
        answer = requests.request(
            method,
            url + path,
            data=big,
            headers=headers(token, **{"Content-Type": "application/json"}),
            timeout=10,
        )
        assert answer.status_code == 413, (path, answer.status_code, answer.text[:200])
        assert str(limits.MAX_BODY_BYTES) in answer.json()["detail"]
    # Sent without a length (chunked), the body is cut off as it passes the limit, not read whole.
    chunk = b"x" * 65536
    head = (
        f"POST {p.API_PREFIX}/waybills/reserve HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {token}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(8)) + b"0\r\n\r\n"
    assert b" 413 " in _raw(server.port, head + body).split(b"\r\n", 1)[0]
    # A gzip bomb on an endpoint FastAPI reads itself: refused as it inflates.
    bomb = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    packed = bomb.compress(b" " * (64 << 20)) + bomb.flush()
    answer = requests.put(
        url + "/stations/devices",
        data=packed,
        headers=headers(token, **{"Content-Type": "application/json", "Content-Encoding": "gzip"}),
        timeout=30,
    )
    assert answer.status_code == 413 and "inflates" in answer.json()["detail"], answer.text[:200]
    # The same endpoint takes a small gzip body as any client sends it.
    report = {"devices": [{"kind": "printer", "name": "Zebra ZD421 面单", "health": "ready"}]}
    fine = requests.put(
        url + "/stations/devices",
        data=gzip.compress(json.dumps(report).encode()),
        headers=headers(token, **{"Content-Type": "application/json", "Content-Encoding": "gzip"}),
        timeout=10,
    )
    assert fine.status_code == 204, fine.text[:300]
    odd = requests.put(
        url + "/stations/devices",
        data=b"{}",
        headers=headers(token, **{"Content-Type": "application/json", "Content-Encoding": "br"}),
        timeout=10,
    )
    assert odd.status_code == 415


def test_a_slow_client_is_cut_off_and_everyone_else_is_served(tmp_path, monkeypatch):
    monkeypatch.setattr(limits.TimedHttpProtocol, "header_timeout_s", 1.0)
    monkeypatch.setattr(limits, "BODY_GRACE_S", 1.0)
    with live_server(f"sqlite:///{tmp_path / 'server.db'}") as server:
        token = server.store.add_station("SLOW-1")
        slow: list[socket.socket] = []
        for _ in range(200):  # connections that open and never finish their headers
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\nX-Slow: ")
            slow.append(s)
        started = time.monotonic()
        health = requests.get(f"{server.url}{p.API_PREFIX}/health", timeout=5)
        assert health.status_code == 200  # served while they hang on
        for s in slow:
            s.sendall(b"a")  # a byte now and then does not keep it open
        closed = 0
        for s in slow:
            try:
                closed += s.recv(100) == b""
            except (ConnectionResetError, TimeoutError):
                closed += 1
            s.close()
        assert closed == len(slow) and time.monotonic() - started < 8
        # A body trickled slower than a real client sends one: 408, and the connection is freed.
        head = (
            f"POST {p.API_PREFIX}/events HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
            s.sendall(head + b'{"events": [')
            answer = s.recv(4096)
        assert b" 408 " in answer.split(b"\r\n", 1)[0] and b"too slowly" in answer


def test_a_station_holds_a_few_long_polls_at_most(tmp_path):
    with live_server(f"sqlite:///{tmp_path / 'server.db'}") as server:
        token, other = server.store.add_station("LP-1"), server.store.add_station("LP-2")
        url = f"{server.url}{p.API_PREFIX}/changes/wait"
        answers: list[int] = []

        def wait(tok: str) -> None:
            answers.append(
                requests.get(url, params={"wait_s": 3}, headers=headers(tok), timeout=15).status_code
            )

        held = [threading.Thread(target=wait, args=(token,)) for _ in range(limits.WAITS_PER_STATION)]
        for thread in held:
            thread.start()
        time.sleep(0.5)
        refused = requests.get(url, params={"wait_s": 3}, headers=headers(token), timeout=15)
        assert refused.status_code == 429 and refused.headers.get("Retry-After"), refused.text
        theirs = requests.get(url, params={"wait_s": 0}, headers=headers(other), timeout=15)
        assert theirs.status_code == 200
        for thread in held:
            thread.join()
        assert answers == [200] * limits.WAITS_PER_STATION
        again = requests.get(url, params={"wait_s": 0}, headers=headers(token), timeout=15)
        assert again.status_code == 200  # its waits over, it may wait again


def test_lists_come_in_pages_and_ids_past_32_bits_are_no_500(server):
    with server.store.transaction() as s:
        for i in range(7):
            s.add(m.Conflict(kind="order", key=f"PG-{i}", station="PAGE-1", event_id=f"e-{i}"))
    token = server.store.add_station("PAGE-1")
    url = f"{server.url}{p.API_PREFIX}/conflicts"
    seen: list[str] = []
    after = 0
    while True:
        asked = {"after": after, "limit": 3}
        page = requests.get(url, params=asked, headers=headers(token), timeout=10).json()
        if not page["conflicts"]:
            break
        assert len(page["conflicts"]) <= 3
        seen += [c["key"] for c in page["conflicts"]]
        after = page["after"]
    assert seen == [f"PG-{i}" for i in range(7)]
    assert requests.get(url, params={"limit": 5000}, headers=headers(token), timeout=10).status_code == 422
    admin = server.store.add_station("PAGE-ADMIN", "admin")
    for after in (2**31 + 5, p.INT64_MAX):
        answer = requests.get(
            f"{server.url}{p.API_PREFIX}/integration/events", params={"after": after}, headers=headers(admin),
            timeout=10,
        )  # fmt: skip
        assert answer.status_code == 200 and answer.json()["events"] == [], answer.text[:200]
        answer = requests.get(url, params={"after": after}, headers=headers(token), timeout=10)
        assert answer.status_code == 200 and answer.json()["conflicts"] == []


def test_keys_and_documents_no_database_can_hold_are_4xx_not_500(server):
    token = server.store.add_station("BAD-1")
    admin = server.store.add_station("BAD-ADMIN", "admin")
    for key in ("a\x00b", "tab\there", "\x7f"):
        answer = requests.post(
            f"{server.url}{p.API_PREFIX}/entities",
            data=json.dumps({"kind": "order", "keys": [key]}),
            headers=headers(token, **{"Content-Type": "application/json"}),
            timeout=10,
        )
        assert answer.status_code == 422, (key, answer.status_code, answer.text[:200])
    deep = "[" * 100_000 + "]" * 100_000
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/import", data=f'{{"orders": {deep}}}', headers=headers(admin), timeout=30
    )
    assert answer.status_code == 400 and "nested" in answer.json()["detail"], answer.text[:200]
    for path in ("/events", "/entities", "/waybills/reserve"):
        answer = requests.post(
            f"{server.url}{p.API_PREFIX}{path}",
            data=deep,
            headers=headers(token, **{"Content-Type": "application/json"}),
            timeout=30,
        )
        assert 400 <= answer.status_code < 500, (path, answer.status_code, answer.text[:200])


def test_the_watermark_reads_the_fences_of_its_own_database_only(postgres, demo_document):
    import psycopg

    url = postgres.new_database()
    elsewhere = postgres.new_database().rsplit("/", 1)[1]
    with live_server(url) as server:
        assert not server.store.import_documents(demo_document).errors
        head = server.store.head()
        # Any user of any other database of the cluster may take an advisory lock in the fences' range.
        with psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres dbname={elsewhere}") as c:
            c.execute("SELECT pg_advisory_lock(%s)", ((1 << 40) + 9,))
            token = server.store.add_station("WM-1")
            cursor, pulled = "", 0
            while True:
                page = requests.get(
                    f"{server.url}{p.API_PREFIX}/changes",
                    params={"cursor": cursor, "limit": 1000},
                    headers=headers(token),
                    timeout=30,
                ).json()
                pulled += len(page["changes"])
                cursor = page["cursor"]
                if not page["more"]:
                    break
            assert int(cursor) == head and pulled == head, (cursor, pulled, head)
            # A station well on its way is not sent back to the start.
            ahead = requests.get(
                f"{server.url}{p.API_PREFIX}/changes/wait",
                params={"cursor": str(head - 5), "wait_s": 0},
                headers=headers(token),
                timeout=10,
            )
            assert ahead.status_code == 200 and ahead.json()["ahead"] is True


@pytest.mark.parametrize("kind", ["push"])
def test_a_refused_claim_pushed_gzip_through_the_limit_layer_keeps_its_reason(server, kind):
    """The limit layer hands the endpoint the inflated body: a push sent gzip is checked as any."""
    token = server.store.add_station("GZ-1")
    held = {"order_no": "NOPE", "reason": "damaged", "operator": "P0001", "at": claims.now()}
    event = claims.event(p.EventType.ORDER_HELD, "GZ-1", held)
    answer = requests.post(
        f"{server.url}{p.API_PREFIX}/events",
        data=gzip.compress(json.dumps({"events": [event]}).encode()),
        headers=headers(token, **{"Content-Type": "application/json", "Content-Encoding": "gzip"}),
        timeout=10,
    )
    assert answer.status_code == 200, answer.text[:300]
    (result,) = answer.json()["results"]
    assert result["outcome"] == "rejected" and "not known" in result["reason"]
