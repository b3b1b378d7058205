"""The server's import endpoint, as a shop platform's feed uses it: JSON and CSV over real HTTP, on
SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import threading

import requests

from sync import protocol as p
from sync.client import ServerConfig, SyncClient

CUSTOMERS_CSV = "code,name,tags,phone\n{code},张伟,VIP;new,13800000000\n"


def _post(server, token: str | None, filename: str, body: bytes) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.post(
        f"{server.url}{p.API_PREFIX}/import",
        params={"filename": filename},
        data=body,
        headers=headers,
        timeout=10,
    )


def test_a_shop_feed_imports_json_and_csv_in_utf8_or_gbk(server):
    token = server.store.add_station("SHOP-FEED", "admin")
    for code, encoding in (("C-9001", "utf-8"), ("C-9002", "gbk"), ("C-9003", "utf-8-sig")):
        answer = _post(server, token, "customers.csv", CUSTOMERS_CSV.format(code=code).encode(encoding))
        assert answer.status_code == 200, answer.text
        assert p.ImportReport.model_validate_json(answer.content).customers == 1
        customer = server.store.get("customer", code)
        assert customer is not None, encoding
        assert (customer["name"], customer["tags"]) == ("张伟", ["VIP", "new"]), encoding

    sku = {"code": "S-9001", "name_zh": "绿茶 500g", "unit_weight_g": 520}
    answer = _post(server, token, "feed.json", json.dumps({"skus": [sku]}, ensure_ascii=False).encode())
    assert answer.status_code == 200, answer.text
    assert p.ImportReport.model_validate_json(answer.content).skus == 1
    assert server.store.get("sku", "S-9001")["name_zh"] == "绿茶 500g"


def test_a_broken_import_file_gets_a_400_that_says_what_is_wrong_and_loads_nothing(server):
    token = server.store.add_station("SHOP-FEED", "admin")
    before = server.store.count(p.Kind.CUSTOMER)
    cases = [
        ("feed.json", b'{"customers": [', "not JSON (line 1"),
        ("feed.json", "客户".encode("gbk"), "not UTF-8 text (byte 0); save the file as UTF-8"),
        ("customers.csv", b"code,name\nC-1,\xff\xff\xff\n", "save the file as UTF-8 or GBK"),
        ("feed.json", b"[1, 2]", "must be an object"),
    ]
    for filename, body, says in cases:
        answer = _post(server, token, filename, body)
        assert answer.status_code == 400, (filename, body, answer.text)
        assert says in answer.json()["detail"], (filename, body)
    assert server.store.count(p.Kind.CUSTOMER) == before
    assert _post(server, None, "customers.csv", CUSTOMERS_CSV.format(code="C-1").encode()).status_code == 401
    assert server.store.get("customer", "C-1") is None


def test_stations_are_served_while_an_import_is_in_progress(server, monkeypatch):
    """An import of a shop's day of orders takes seconds: meanwhile the stations' syncs go on."""
    token = server.store.add_station("SHOP-FEED", "admin")
    importing, finish = threading.Event(), threading.Event()
    real_import = server.store.import_file

    def slow_import(name: str, content: bytes) -> p.ImportReport:
        importing.set()
        finish.wait(20)
        return real_import(name, content)

    monkeypatch.setattr(server.store, "import_file", slow_import)
    answers: list[requests.Response] = []
    feed = threading.Thread(
        target=lambda: answers.append(
            _post(server, token, "customers.csv", CUSTOMERS_CSV.format(code="C-7").encode())
        )
    )
    feed.start()
    try:
        assert importing.wait(10)
        station = SyncClient(ServerConfig(server.url, server.store.add_station("PACK-01"), read_timeout_s=3))
        try:
            assert station.pull("", 10)["cursor"]  # answered while the import still runs
        finally:
            station.close()
        assert not answers  # the import had not finished: the pull did not just come after it
    finally:
        finish.set()
        feed.join(20)
    assert answers[0].status_code == 200, answers[0].text
    assert server.store.get("customer", "C-7")["name"] == "张伟"
