"""A station and the reference server over real HTTP on loopback, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.store import demo
from app.store import models as m
from app.store.export import export_document
from app.store.settings_store import load_settings
from app.store.sync_local import StationSyncStore
from sync import protocol as p
from tests.sync.stations import open_station, pack, sync_cli


def _server_view(store) -> dict[str, dict[str, dict]]:
    """Every live entity on the server, by kind and key, as the station would store it."""
    view: dict[str, dict[str, dict]] = {}
    cursor = ""
    while True:
        page = store.changes(cursor, 5000)
        for change in page.changes:
            if not change.deleted:
                view.setdefault(change.kind.value, {})[change.key] = change.entity().model_dump(mode="json")
        cursor = page.cursor
        if not page.more:
            return view


def assert_station_equals_server(db, store) -> None:
    station = export_document(db)
    server = _server_view(store)
    for section, kind, key in (
        ("skus", "sku", "code"),
        ("customers", "customer", "code"),
        ("orders", "order", "order_no"),
        ("operators", "operator", "badge_code"),
        ("carriers", "carrier", "code"),  # with their pick-up times
    ):
        mine = {row[key]: row for row in station[section]}
        theirs = server.get(kind, {})
        assert set(mine) == set(theirs), f"{section}: {set(mine) ^ set(theirs)}"
        model = p.ENTITY_MODELS[p.Kind(kind)]
        for code, row in mine.items():
            here = model.model_validate(row).model_dump(mode="json", exclude={"packed_by"})
            there = model.model_validate(theirs[code]).model_dump(mode="json", exclude={"packed_by"})
            assert here == there, f"{kind} {code} differs"


def test_a_new_station_registers_pulls_everything_and_packs_an_order_that_reaches_the_server_once(
    seeded, tmp_path
):
    token = seeded.store.add_station("PACK-07")
    data_dir = tmp_path / "station"
    code, summary = sync_cli(data_dir, "--server", seeded.url, "--token", token)
    assert code == 0, summary
    assert summary["pushed"] == 0 and summary["rejected"] == 0
    assert summary["pulled"] == sum(seeded.store.count(kind) for kind in p.Kind)
    db = open_station(data_dir)
    assert load_settings(db).station_name == "PACK-07"  # the name the server knows it by
    assert_station_equals_server(db, seeded.store)

    sample = demo.sample_orders(db, per_kind=2)["ready"][0]
    pack(db, sample)
    code, summary = sync_cli(data_dir)
    assert code == 0 and summary["pushed"] == 1, summary
    order = seeded.store.get(p.Kind.ORDER, sample["order_no"])
    assert order["status"] == "packed" and order["packed_by"] == "PACK-07"
    with db.session() as s:
        event = s.scalar(select(m.OutboxEvent))
        assert event.sent_at is not None and not event.needs_attention
    assert seeded.store.event_ids() == [event.id]

    code, again = sync_cli(data_dir)  # nothing new: nothing sent, nothing pulled but our own change
    assert code == 0 and again["pushed"] == 0
    assert_station_equals_server(db, seeded.store)
    db.close()


def test_a_vip_upgrade_in_the_crm_reaches_the_station_on_the_next_pull(seeded, tmp_path):
    token = seeded.store.add_station("PACK-02")
    data_dir = tmp_path / "station"
    assert sync_cli(data_dir, "--server", seeded.url, "--token", token)[0] == 0
    db = open_station(data_dir)
    with db.session() as s:
        customer = s.scalar(select(m.Customer).where(m.Customer.tier != "vip").limit(1))
    upgraded = {**seeded.store.get(p.Kind.CUSTOMER, customer.code), "tier": "vip", "tags": ["vip"]}
    seeded.store.import_documents({"customers": [upgraded]})
    code, summary = sync_cli(data_dir)
    assert code == 0 and summary["pulled"] == 1
    with db.session() as s:
        assert s.scalar(select(m.Customer.tier).where(m.Customer.code == customer.code)) == "vip"
    db.close()


def test_a_wrong_token_is_refused_with_a_reason_and_nothing_is_saved(seeded, tmp_path):
    code, summary = sync_cli(tmp_path / "st", "--server", seeded.url, "--token", "not-a-token")
    assert code == 1
    assert "token" in summary["error"] and summary["retryable"] is False
    db = open_station(tmp_path / "st")
    assert StationSyncStore(db).token() == ""
    db.close()


def test_a_revoked_token_stops_sync_and_says_so(seeded, tmp_path):
    token = seeded.store.add_station("PACK-03")
    assert sync_cli(tmp_path / "st", "--server", seeded.url, "--token", token)[0] == 0
    seeded.store.revoke_station("PACK-03")
    code, summary = sync_cli(tmp_path / "st")
    assert code == 1 and "revoked" in summary["error"]


def test_no_server_running_is_an_offline_error_that_can_be_retried(tmp_path):
    from tests.sync.servers import free_port

    code, summary = sync_cli(tmp_path / "st", "--server", f"http://127.0.0.1:{free_port()}", "--token", "x")
    assert code == 1 and summary["retryable"] is True
    assert summary["error"] == "cannot reach the server (connection refused: is the server running?)"


def test_the_openapi_contract_is_served(seeded):
    import requests

    spec = requests.get(f"{seeded.url}/openapi.json", timeout=5).json()
    assert {"/api/v1/changes", "/api/v1/events", "/api/v1/import"} <= set(spec["paths"])
    pull = {q["name"]: q for q in spec["paths"]["/api/v1/changes"]["get"]["parameters"]}
    assert (pull["limit"]["in"], pull["limit"]["schema"]["minimum"]) == ("query", 1)
    assert pull["limit"]["schema"]["maximum"] == p.MAX_PULL_PAGE and pull["cursor"]["in"] == "query"
    assert pull["Authorization"]["in"] == "header" and pull["Authorization"]["required"] is True
    push = spec["paths"]["/api/v1/events"]["post"]
    assert [q["name"] for q in push["parameters"]] == ["Authorization"] and "422" in push["responses"]
    assert requests.get(f"{seeded.url}/docs", timeout=5).status_code == 200
    assert json.loads(requests.get(f"{seeded.url}/api/v1/health", timeout=5).text)["status"] == "ok"


def test_the_pull_json_is_the_contract_field_for_field(seeded):
    store = seeded.store
    odd = 'he said "你好" \\ ok'
    doc = p.RuleWire(code="x", definition={"名": 'quote " and backslash \\ 值'}).model_dump(mode="json")
    with store.writing() as c:
        store._put_all(c, {p.Kind.RULE: [(odd, doc), ("gone", None)]})
    cursor = ""
    while True:
        raw = store.changes_json(cursor, 700)
        fast = p.ChangesPage.model_validate_json(raw)
        slow = store.changes(cursor, 700)
        assert fast.model_dump(exclude={"server_time"}) == slow.model_dump(exclude={"server_time"})
        assert json.loads(raw)["changes"] == slow.model_dump(mode="json")["changes"]
        assert p.CHANGES_PAGE_DICTS.validate_json(raw) == fast.model_dump()  # how stations parse it
        cursor = fast.cursor
        if not fast.more:
            break
    last = {c.key: c for c in fast.changes}
    assert last[odd].entity().model_dump(mode="json") == doc
    assert last["gone"].deleted and last["gone"].data is None


def test_a_pull_with_a_bad_token_or_query_is_answered_401_or_422_with_the_field(seeded):
    import requests

    token = seeded.store.add_station("PACK-Q")
    url = f"{seeded.url}/api/v1/changes"

    def get(query: str, authorization: str | None = f"Bearer {token}") -> requests.Response:
        headers = {"Authorization": authorization} if authorization else {}
        return requests.get(url + query, headers=headers, timeout=5)

    for query, kind in [("?limit=0", "greater_than_equal"), ("?limit=x", "int_parsing"),
                        (f"?limit={p.MAX_PULL_PAGE + 1}", "less_than_equal")]:  # fmt: skip
        answer = get(query)
        assert answer.status_code == 422
        assert [(e["loc"], e["type"]) for e in answer.json()["detail"]] == [(["query", "limit"], kind)]
    assert get("?cursor=nope").status_code == 400
    assert "Bearer TOKEN" in get("", authorization=None).json()["detail"]
    assert get("", authorization="Bearer wrong").status_code == 401
    page = get("?limit=2")
    assert page.status_code == 200 and len(page.json()["changes"]) == 2 and page.json()["more"] is True


def test_pages_come_in_zstd_to_a_station_that_takes_it_and_in_gzip_to_one_that_does_not(seeded):
    import gzip

    import requests
    from backports import zstd

    from sync.client import ServerConfig, SyncClient

    token = seeded.store.add_station("PACK-Z")
    url = f"{seeded.url}/api/v1/changes?limit=50"

    def raw(accept: str) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": accept}
        return requests.get(url, headers=headers, timeout=5, stream=True)

    def changes(body: bytes) -> tuple[list, str]:
        page = json.loads(body)
        return page["changes"], page["cursor"]

    plain = raw("identity")
    assert "Content-Encoding" not in plain.headers
    expected = changes(plain.raw.read())
    for accept, coding, decode in [
        ("zstd", "zstd", zstd.decompress),
        ("gzip, deflate, zstd", "zstd", zstd.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("zstd;q=0, gzip", "gzip", gzip.decompress),
    ]:
        answer = raw(accept)
        assert answer.headers["Content-Encoding"] == coding, accept
        assert changes(decode(answer.raw.read())) == expected, accept
    client = SyncClient(ServerConfig(seeded.url, token))
    try:
        assert "zstd" in client.session.headers["Accept-Encoding"]  # urllib3 decodes it for us
        page = client.pull("", 50)
        assert [c["key"] for c in page["changes"]] == [c["key"] for c in expected[0]]
    finally:
        client.close()


def test_a_paged_first_pull_after_crm_and_catalogue_edits_loses_no_order_customer_or_line(
    seeded, demo_document, tmp_path
):
    from dataclasses import replace

    from app.store.settings_store import save_settings

    # Edited after the import: these customers and SKUs now have revisions later than the orders
    # that name them, so a fresh station's pages bring the orders first.
    edited = {
        "customers": [{**c, "name": c["name"] + "·"} for c in demo_document["customers"][:100]],
        "skus": [{**k, "name_en": k["name_en"] + " (new pack)"} for k in demo_document["skus"][:40]],
    }
    assert not seeded.store.import_documents(edited).errors
    data_dir = tmp_path / "fresh"
    db = open_station(data_dir)
    save_settings(db, replace(load_settings(db), sync_page_size=250))  # many small pages
    db.close()
    token = seeded.store.add_station("PACK-08")
    code, summary = sync_cli(data_dir, "--server", seeded.url, "--token", token)
    assert code == 0, summary
    db = open_station(data_dir)
    with db.session() as s:
        unlinked = s.scalar(
            select(m.Order.order_no).where(m.Order.customer_id.is_(None), m.Order.customer_code.is_not(None))
        )
        waiting = s.scalar(select(m.PendingOrderLine.order_no))
    assert unlinked is None and waiting is None
    assert_station_equals_server(db, seeded.store)  # every order with its customer and every line
    db.close()


def test_a_station_that_seeds_a_server_from_its_own_export_has_no_false_conflicts(server, tmp_path):
    """The README's path: a station works alone, its export seeds a new server, it registers and
    syncs. The orders it packed before are its own packs on the server, not double packs."""
    data_dir = tmp_path / "station"
    db = open_station(data_dir)
    demo.generate(db, orders=300)
    samples = demo.sample_orders(db, per_kind=3)["ready"]
    for sample in samples:
        pack(db, sample)
    document = export_document(db)
    db.close()
    exported = {o["order_no"]: o for o in document["orders"]}
    assert {exported[s["order_no"]]["packed_by"] for s in samples} == {"PACK-01"}
    server.store.import_documents(document)
    token = server.store.add_station("PACK-01")
    code, summary = sync_cli(data_dir, "--server", server.url, "--token", token)
    assert code == 0 and summary["pushed"] == len(samples), summary
    assert summary["conflicts"] == 0 and summary["rejected"] == 0, summary
    for sample in samples:
        order = server.store.get(p.Kind.ORDER, sample["order_no"])
        assert order["status"] == "packed" and order["packed_by"] == "PACK-01"
