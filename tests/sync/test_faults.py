"""Faults between station and server: each leaves the station's work where it was, with a reason.

A misbehaving server on loopback answers as configured (500, silence, a reply cut in half, bad
JSON, a skewed clock); the real server is used where its own answers matter (422 batches)."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import socket
import threading
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import func, select

from app.store import demo
from app.store import models as m
from app.store.outbox import STRICT_ENV, add_event
from app.store.sync_local import StationSyncStore
from sync.client import ServerConfig, SyncClient, SyncError, SyncLoop, SyncState, sync_once
from tests.sync import claims
from tests.sync.servers import LoopbackHTTP, QuietHandler
from tests.sync.stations import open_station, pack, sync_cli


class BadServer:
    def __init__(self) -> None:
        self.mode = "500"
        self.requests = 0
        owner = self

        class Handler(QuietHandler):
            def _answer(self) -> None:
                owner.requests += 1
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                if owner.mode == "500":
                    self.send_response(500)
                    self.send_header("Content-Length", "21")
                    self.end_headers()
                    self.wfile.write(b"Internal Server Error")
                elif owner.mode == "silent":
                    threading.Event().wait(3)
                elif owner.mode == "cut":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "5000")
                    self.end_headers()
                    self.wfile.write(b'{"changes": [{"kind": "sku", "key": "A1", "da')
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif owner.mode == "garbage":
                    self.answer_json(b"<html>proxy error</html>")
                elif owner.mode == "broken" or (owner.mode == "second_broken" and "cursor=1&" in self.path):
                    # One entity breaks the contract: a quantity of 0.
                    sku = {"code": "A1", "name_zh": "苹果", "unit_weight_g": 200}
                    order = {"order_no": "T-1", "lines": [{"line_no": 1, "sku": "A1", "quantity": 0}]}
                    changes = [
                        {"kind": "sku", "key": "A1", "data": sku},
                        {"kind": "order", "key": "T-1", "data": order},
                    ]
                    self.answer_json(_page(changes, "9", datetime.now(UTC)))
                elif owner.mode == "fixed":
                    order = {"order_no": "T-1", "lines": [{"line_no": 1, "sku": "A1", "quantity": 1}]}
                    changes = [{"kind": "order", "key": "T-1", "data": order}]
                    self.answer_json(_page(changes, "10", datetime.now(UTC)))
                elif owner.mode == "huge":  # an integer no station database can hold
                    sku = {"code": "H1", "name_zh": "大", "unit_weight_g": 2**70}
                    self.answer_json(
                        _page([{"kind": "sku", "key": "H1", "data": sku}], "11", datetime.now(UTC))
                    )
                elif owner.mode == "same_waybill":
                    changes = [
                        {
                            "kind": "order",
                            "key": f"W-{n}",
                            "data": {"order_no": f"W-{n}", "waybill_no": waybill},
                        }
                        for n, waybill in ((1, "SF100"), (2, "SF100"), (3, "SF300"))
                    ]
                    changes.append(
                        {
                            "kind": "sku",
                            "key": "C1",
                            "data": {"code": "C1", "name_zh": "梨", "unit_weight_g": 1},
                        }
                    )
                    self.answer_json(_page(changes, "12", datetime.now(UTC)))
                elif owner.mode == "second_broken":  # a good first page; more follow
                    sku = {"code": "B1", "name_zh": "香蕉", "unit_weight_g": 150}
                    changes = [{"kind": "sku", "key": "B1", "data": sku}]
                    self.answer_json(_page(changes, "1", datetime.now(UTC), more=True))
                elif owner.mode == "skewed":
                    self.answer_json(_page([], "7", datetime.now(UTC) - timedelta(hours=1)))

            do_GET = _answer  # noqa: N815 - the http.server name
            do_POST = _answer  # noqa: N815

        self.http = LoopbackHTTP(Handler)
        self.url = self.http.url

    def close(self) -> None:
        self.http.close()


def _page(changes: list[dict], cursor: str, server_time: datetime, more: bool = False) -> bytes:
    page = {"changes": changes, "cursor": cursor, "more": more, "server_time": server_time.isoformat()}
    return json.dumps(page).encode()


@pytest.fixture
def bad_server():
    server = BadServer()
    yield server
    server.close()


@pytest.fixture
def station_with_a_pack(demo_db):
    sample = demo.sample_orders(demo_db, per_kind=1)["ready"][0]
    pack(demo_db, sample)
    return demo_db


def _client(url: str) -> SyncClient:
    return SyncClient(ServerConfig(url, "token", connect_timeout_s=1, read_timeout_s=1))


@pytest.mark.parametrize(
    ("mode", "says"),
    [
        ("500", "the server failed (500)"),
        ("silent", "took too long"),
        ("cut", "the connection broke"),
        ("garbage", "not a valid PushResponse"),
    ],
)
def test_a_failing_server_leaves_every_event_pending_and_says_why(
    bad_server, station_with_a_pack, mode, says
):
    bad_server.mode = mode
    local = StationSyncStore(station_with_a_pack)
    before = local.pending_count()
    assert before == 1
    with pytest.raises(SyncError) as caught:
        sync_once(_client(bad_server.url), local)
    assert says in str(caught.value)
    assert caught.value.retryable
    assert local.pending_count() == before
    assert local.attention_count() == 0


def test_a_page_cut_in_half_applies_nothing_and_keeps_the_cursor(bad_server, demo_db):
    bad_server.mode = "cut"
    local = StationSyncStore(demo_db)
    with pytest.raises(SyncError):
        sync_once(_client(bad_server.url), local)
    assert local.cursor() == ""


def _aside(db) -> list[tuple[str, str, str, bool]]:
    with db.session() as s:
        return [
            (row.kind, row.key, row.reason, row.resolved_at is not None)
            for row in s.scalars(select(m.PulledAside).order_by(m.PulledAside.id))
        ]


@pytest.mark.logs_errors
def test_a_change_the_contract_refuses_is_set_aside_and_the_rest_of_the_page_goes_in(bad_server, demo_db):
    bad_server.mode = "broken"
    local = StationSyncStore(demo_db)
    summary = sync_once(_client(bad_server.url), local)
    assert summary.set_aside == 1 and summary.pulled == 1
    assert local.cursor() == "9"  # the cursor goes on: the bad change blocks nothing after it
    assert _aside(demo_db) == [
        (
            "order",
            "T-1",
            "changes.1.order.data.lines.0.quantity: Input should be greater than or equal to 1",
            False,
        )
    ]
    with demo_db.session() as s:
        assert s.scalar(select(m.Sku.name_zh).where(m.Sku.code == "A1")) == "苹果"
        assert s.scalar(select(m.Order).where(m.Order.order_no == "T-1")) is None
    shown = local.attention()
    assert [(item.type, item.subject) for item in shown] == [("pulled.order", "T-1")]
    assert local.attention_count() == 1
    # The server's next revision of T-1 is whole: it goes in and the exception resolves itself.
    bad_server.mode = "fixed"
    assert sync_once(_client(bad_server.url), local).set_aside == 0
    with demo_db.session() as s:
        assert s.scalar(select(m.Order.order_no).where(m.Order.order_no == "T-1")) == "T-1"
    assert _aside(demo_db)[0][3] is True
    assert local.attention_count() == 0
    assert local.attention(include_resolved=True)[0].resolution == "replaced by the server's next revision"


@pytest.mark.logs_errors
def test_a_set_aside_change_is_resolved_by_a_person_with_what_they_did(bad_server, demo_db):
    bad_server.mode = "huge"
    local = StationSyncStore(demo_db)
    summary = sync_once(_client(bad_server.url), local)
    assert summary.set_aside == 1
    (item,) = local.attention()
    assert item.type == "pulled.sku" and "less than or equal to 9223372036854775807" in item.reason
    assert local.resolve(item.id, None, "told the office: the weight is typed wrong") is True
    assert local.resolve(item.id, None, "again") is False
    assert local.attention_count() == 0


@pytest.mark.logs_errors
def test_a_change_the_stations_database_refuses_is_set_aside_alone(bad_server, demo_db):
    # Two orders with one waybill number pass the contract; the station's unique waybill does not
    # take the second. The page goes in by parts: only that order waits for a person.
    bad_server.mode = "same_waybill"
    local = StationSyncStore(demo_db)
    summary = sync_once(_client(bad_server.url), local)
    assert (summary.pulled, summary.set_aside) == (3, 1), summary
    assert local.cursor() == "12"
    with demo_db.session() as s:
        kept = set(s.scalars(select(m.Order.order_no).where(m.Order.order_no.in_(["W-1", "W-2", "W-3"]))))
        assert kept == {"W-1", "W-3"}
        assert s.scalar(select(m.Sku.name_zh).where(m.Sku.code == "C1")) == "梨"
    ((kind, key, reason, resolved),) = _aside(demo_db)
    assert (kind, key, resolved) == ("order", "W-2", False)
    assert "database refused" in reason and "waybill" in reason


@pytest.mark.logs_errors
def test_a_broken_later_page_keeps_the_pages_before_it_and_sets_the_change_aside(bad_server, demo_db):
    # The pages after the first are fetched and parsed by a process of their own: what it sets
    # aside comes back with its page, and that process is gone afterwards.
    bad_server.mode = "second_broken"
    local = StationSyncStore(demo_db)
    summary = sync_once(_client(bad_server.url), local)
    assert summary.set_aside == 1
    assert local.cursor() == "9"
    with demo_db.session() as s:
        assert s.scalar(select(m.Sku.name_zh).where(m.Sku.code == "B1")) == "香蕉"
        assert s.scalar(select(m.Sku.name_zh).where(m.Sku.code == "A1")) == "苹果"
    assert [row[:2] for row in _aside(demo_db)] == [("order", "T-1")]
    assert multiprocessing.active_children() == []


def test_the_status_says_offline_then_the_clock_is_off(bad_server, demo_db):
    statuses = []
    local = StationSyncStore(demo_db)
    loop = SyncLoop(lambda: _client(bad_server.url), local, statuses.append, interval_s=30)
    bad_server.mode = "silent"
    loop.run_once()
    assert statuses[-1].state is SyncState.OFFLINE and "took too long" in statuses[-1].reason
    assert 1 <= statuses[-1].next_try_s <= 2  # first backoff: 1–2 s with jitter
    bad_server.mode = "skewed"
    loop.run_once()
    assert statuses[-1].state is SyncState.ONLINE
    assert statuses[-1].reason == "this computer's clock is 60 min ahead"
    assert local.cursor() == "7"


def test_a_batch_with_a_broken_event_is_refused_whole_and_the_rest_goes_next_time(
    seeded, tmp_path, monkeypatch
):
    # The broken events are written on purpose: the contract check the test run does is off here.
    monkeypatch.delenv(STRICT_ENV, raising=False)
    token = seeded.store.add_station("PACK-09")
    data_dir = tmp_path / "st"
    assert sync_cli(data_dir, "--server", seeded.url, "--token", token)[0] == 0
    db = open_station(data_dir)
    sample = demo.sample_orders(db, per_kind=1)["ready"][0]
    pack(db, sample)
    with db.session() as s, s.begin():  # an event written by a buggy older version
        bad = add_event(s, "order.packed", {"order_no": sample["order_no"]}, "PACK-09", None)

    # Straight to the server: the batch is refused as a whole, nothing applied.
    events = StationSyncStore(db).pending_events(10)
    answer = requests.post(
        f"{seeded.url}/api/v1/events",
        data=gzip.compress(json.dumps({"events": events}).encode()),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Encoding": "gzip",
            "Content-Type": "application/json",
        },
        timeout=10,
    )
    assert answer.status_code == 422
    assert [e["id"] for e in answer.json()["errors"]] == [bad]
    assert "pack_id" in answer.json()["errors"][0]["reason"]
    assert seeded.store.event_ids() == []

    code, summary = sync_cli(data_dir)  # the engine sets the broken one aside and sends the rest
    assert code == 0 and summary["pushed"] == 1 and summary["rejected"] == 1
    assert seeded.store.get("order", sample["order_no"])["status"] == "packed"
    with db.session() as s:
        kept = s.get(m.OutboxEvent, bad)
        assert kept.needs_attention and kept.last_error.startswith("refused: order.packed: pack_id")
        assert s.scalar(select(m.OutboxEvent).where(m.OutboxEvent.needs_attention.is_(False))).sent_at
    db.close()


def test_events_signed_with_another_stations_name_are_refused(seeded):
    token = seeded.store.add_station("PACK-10")
    event = {
        "id": "9b2f3c1e-8d7a-4b6c-9e5f-0a1b2c3d4e5f",
        "type": "order.held",
        "station": "PACK-11",
        "operator": None,
        "occurred_at": datetime.now(UTC).isoformat(),
        "payload": {"order_no": "X", "reason": "r", "operator": "P1", "at": datetime.now(UTC).isoformat()},
    }
    answer = requests.post(
        f"{seeded.url}/api/v1/events",
        json={"events": [event]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 422 and "PACK-11" in answer.json()["errors"][0]["reason"]


def test_a_repeated_event_gets_its_first_answer(seeded, tmp_path):
    token = seeded.store.add_station("PACK-12")
    order_no = seeded.store.changes("", 5000)
    order = next(c for c in order_no.changes if c.kind == "order" and c.entity().status == "new")
    now = datetime.now(UTC).isoformat()
    event = {
        "id": "1b2f3c1e-8d7a-4b6c-9e5f-0a1b2c3d4e5f",
        "type": "order.packed",
        "station": "PACK-12",
        "operator": "P0001",
        "occurred_at": now,
        "payload": {"pack_id": "p1", "order_no": order.key, "packed_at": now, "operator": "P0001",
                    "lines": claims.lines_of(order.entity().model_dump())},
    }  # fmt: skip
    headers = {"Authorization": f"Bearer {token}"}
    first = requests.post(
        f"{seeded.url}/api/v1/events", json={"events": [event]}, headers=headers, timeout=10
    )
    again = requests.post(
        f"{seeded.url}/api/v1/events", json={"events": [event, event]}, headers=headers, timeout=10
    )
    assert first.json()["results"][0] == {
        "id": event["id"],
        "outcome": "accepted",
        "reason": "",
        "duplicate": False,
    }
    assert [r["duplicate"] for r in again.json()["results"]] == [True, True]
    assert {r["outcome"] for r in again.json()["results"]} == {"accepted"}
    assert seeded.store.event_ids() == [event["id"]]


def test_an_event_the_server_cannot_store_is_set_aside_and_the_rest_and_the_pull_go_on(
    seeded, tmp_path, monkeypatch
):
    # The broken events are written on purpose: the contract check the test run does is off here.
    monkeypatch.delenv(STRICT_ENV, raising=False)
    token = seeded.store.add_station("PACK-13")
    data_dir = tmp_path / "st"
    assert sync_cli(data_dir, "--server", seeded.url, "--token", token)[0] == 0
    db = open_station(data_dir)
    sample = demo.sample_orders(db, per_kind=1)["ready"][0]
    pack(db, sample)
    with db.session() as s, s.begin():  # values neither database can store: a NaN, a NUL
        customer = s.scalar(select(m.Customer.code).limit(1))
        nan = add_event(
            s,
            "customer.preference",
            {"customer": customer, "field": "note", "value": "x", "weight": float("nan")},
            "PACK-13",
            None,
        )
        nul = add_event(
            s,
            "customer.preference",
            {"customer": customer, "field": "note", "value": "a\x00b"},
            "PACK-13",
            None,
        )
    code, summary = sync_cli(data_dir)
    assert code == 0 and summary["rejected"] == 2 and summary["pushed"] >= 1, summary
    assert seeded.store.get("order", sample["order_no"])["status"] == "packed"
    with db.session() as s:
        for event_id, why in ((nan, "finite"), (nul, "NUL")):
            kept = s.get(m.OutboxEvent, event_id)
            assert kept.needs_attention and why in kept.last_error, kept.last_error
    assert sync_cli(data_dir)[0] == 0  # the next sync is clean: nothing blocks the queue or the pull
    db.close()


def _poison_trigger(server) -> None:
    """A rule of the server's database the contract does not know (a DBA's check): an event whose
    payload value is 'poison' is refused by the database itself, after every check has passed."""
    from sqlalchemy import text

    with server.store.engine.begin() as c:
        if c.dialect.name == "sqlite":
            c.execute(
                text(
                    "CREATE TRIGGER poison BEFORE INSERT ON events"
                    " WHEN json_extract(NEW.payload, '$.value') = 'poison'"
                    " BEGIN SELECT RAISE(ABORT, 'poisoned by a trigger'); END"
                )
            )
        else:
            c.execute(
                text(
                    "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN"
                    " IF NEW.payload->>'value' = 'poison' THEN"
                    " RAISE EXCEPTION 'poisoned by a trigger' USING ERRCODE = 'check_violation'; END IF;"
                    " RETURN NEW; END $$ LANGUAGE plpgsql"
                )
            )
            c.execute(
                text("CREATE TRIGGER poison BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION poison()")
            )


@pytest.mark.logs_errors
def test_an_event_the_servers_database_refuses_after_every_check_is_rejected_alone(seeded, tmp_path):
    token = seeded.store.add_station("PACK-14")
    data_dir = tmp_path / "st"
    assert sync_cli(data_dir, "--server", seeded.url, "--token", token)[0] == 0
    _poison_trigger(seeded)
    db = open_station(data_dir)
    samples = demo.sample_orders(db, per_kind=2)["ready"][:2]
    pack(db, samples[0])
    with db.session() as s, s.begin():
        customer = s.scalar(select(m.Customer.code).limit(1))
        poison = add_event(
            s,
            "customer.preference",
            {"customer": customer, "field": "note", "value": "poison"},
            "PACK-14",
            None,
        )
    pack(db, samples[1])  # queued behind the poisoned event
    code, summary = sync_cli(data_dir)
    assert code == 0 and summary["rejected"] == 1, summary
    for sample in samples:
        assert seeded.store.get("order", sample["order_no"])["status"] == "packed"
    with db.session() as s:
        kept = s.get(m.OutboxEvent, poison)
        assert kept.needs_attention and "could not store this event" in kept.last_error
        assert "poisoned by a trigger" in kept.last_error
        assert (
            s.scalar(select(func.count()).select_from(m.OutboxEvent).where(m.OutboxEvent.sent_at.is_(None)))
            == 0
        )
    assert sync_cli(data_dir)[0] == 0  # and nothing is stuck behind it
    db.close()
