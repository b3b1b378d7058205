"""The central server's own guarantees, checked at its store and over HTTP: a pull never skips a
change that commits late, and a database restart costs the stations no failed request."""

from __future__ import annotations

import logging
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests

from sync import protocol as p
from sync.client import ServerConfig, SyncClient, SyncError
from sync.server.db import DB_CONNECTIONS
from sync.server.store import open_store
from tests.sync import claims
from tests.sync.servers import PostgresCluster, live_server
from tests.waiting import wait_until


def _sku(code: str, name: str) -> dict:
    return {"code": code, "name_zh": name, "unit_weight_g": 100}


def _import(store, *skus: dict) -> None:
    report = store.import_documents({"skus": list(skus)})
    assert not report.errors and report.skus == len(skus)


def _packers(store, *badges: str) -> None:
    """Operators the server knows: a pack names one."""
    from app.core.auth import hash_pin

    operators = [{"badge_code": b, "name": b, "pin_hash": hash_pin("1234"), "role": "packer"} for b in badges]
    assert not store.import_documents({"operators": operators}).errors


def _pull(store, cursor: str) -> p.ChangesPage:
    return p.ChangesPage.model_validate_json(store.changes_json(cursor, 100))


def test_a_pull_never_hands_out_a_revision_past_one_still_being_written(postgres):
    store = open_store(postgres.new_database())
    try:
        _import(store, _sku("A", "apple"), _sku("B", "bread"))
        head = store.head()
        with store.writing() as slow:
            # A writer that took its revision first and has not committed yet (a slow push) ...
            store._put_all(slow, {p.Kind.SKU: [("A", _sku("A", "apple v2"))]})
            # ... while another writer commits a later revision.
            _import(store, _sku("B", "bread v2"))
            assert store.head() == head  # a new station's "up to date" waits for A too
            held = _pull(store, str(head))
            # Handing out B now would move the station's cursor past A, which commits below it.
            assert held.changes == [] and held.cursor == str(head)
        page = _pull(store, str(head))
        assert [(c.key, c.entity().name_zh) for c in page.changes] == [("A", "apple v2"), ("B", "bread v2")]
        assert page.cursor == str(head + 2) == str(store.head())
    finally:
        store.engine.dispose()


def test_stations_pulling_while_many_writers_commit_end_with_every_last_change(postgres):
    """Writers commit out of revision order all the time under load; a station pulling meanwhile
    must never be handed out past a change, or its copy of that key stays stale for good."""
    import random
    import threading

    store = open_store(postgres.new_database(), 8)
    try:
        codes = [f"S{i:03d}" for i in range(40)]
        _import(store, *(_sku(code, "v0") for code in codes))
        writing = threading.Event()
        writing.set()

        def writer(seed: int) -> None:
            rng = random.Random(seed)
            for n in range(60):
                with store.writing() as c:
                    keys = rng.sample(codes, 3)
                    store._put_all(c, {p.Kind.SKU: [(k, _sku(k, f"w{seed}-{n}")) for k in keys]})
                    time.sleep(rng.random() / 500)  # commit a little later, as a busy push does

        def station(copy: dict[str, str]) -> None:
            cursor = ""
            while True:
                done = not writing.is_set()  # read before the pull: one more pull after the last write
                page = _pull(store, cursor)
                for change in page.changes:
                    copy[change.key] = change.entity().name_zh
                cursor = page.cursor
                if done and not page.changes:
                    return

        copies: list[dict[str, str]] = [{}, {}]
        stations = [threading.Thread(target=station, args=(copy,)) for copy in copies]
        writers = [threading.Thread(target=writer, args=(seed,)) for seed in range(4)]
        for thread in stations + writers:
            thread.start()
        for thread in writers:
            thread.join(120)
        writing.clear()
        for thread in stations:
            thread.join(120)
        final = {c.key: c.entity().name_zh for c in _pull(store, "").changes}
        assert len(final) == len(codes)
        for copy in copies:
            assert copy == final
    finally:
        store.engine.dispose()


def test_a_writer_that_rolls_back_leaves_no_fence_behind(postgres):
    store = open_store(postgres.new_database())
    try:
        _import(store, _sku("A", "apple"))
        head = store.head()
        try:
            with store.writing() as doomed:
                store._put_all(doomed, {p.Kind.SKU: [("A", _sku("A", "never"))]})
                raise RuntimeError("the push failed halfway")
        except RuntimeError:
            pass
        _import(store, _sku("A", "apple v2"))
        page = _pull(store, str(head))
        assert [c.entity().name_zh for c in page.changes] == ["apple v2"]  # the gap is skipped, not waited on
    finally:
        store.engine.dispose()


def test_a_pull_refuses_to_run_without_a_snapshot_per_statement(postgres):
    """The watermark, then the page with a snapshot taken after it: under REPEATABLE READ (a DBA's
    database-wide default) both would share one snapshot and a late commit could be skipped."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    url = postgres.new_database()
    store = open_store(url)
    try:
        _import(store, _sku("A", "apple"))
        database = url.rsplit("/", 1)[1]
        with psycopg.connect(url.replace("/" + database, "/postgres"), autocommit=True) as admin:
            isolation = "default_transaction_isolation = 'repeatable read'"
            admin.execute(f'ALTER DATABASE "{database}" SET {isolation}')
        store.engine.dispose()  # new sessions take the database's new default
        with pytest.raises(DBAPIError, match="a pull needs READ COMMITTED"):
            store.changes_json("", 10)
    finally:
        store.engine.dispose()


def test_the_migrations_go_down_and_up_again(server_db):
    """The pull's functions (s0003) and the revision sequence (s0002) come and go with their
    migrations, and a store on the re-created schema serves pulls as before."""
    from alembic import command
    from alembic.config import Config

    from sync.server.db import MIGRATIONS

    store = open_store(server_db)
    try:
        _import(store, _sku("A", "apple"))
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "s0001")
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        _import(store, _sku("B", "bread"))
        assert [c.key for c in _pull(store, "").changes] == ["A", "B"]
    finally:
        store.engine.dispose()


def test_a_database_restart_costs_the_stations_no_failed_request(demo_document, caplog):
    cluster = PostgresCluster()  # its own: restarting the shared one would cut other tests off
    try:
        url = cluster.new_database()
        with live_server(url) as server:
            assert not server.store.import_documents(demo_document).errors
            token = server.store.add_station("PACK-R")
            client = SyncClient(ServerConfig(server.url, token))
            orders = [o["order_no"] for o in demo_document["orders"] if o["status"] == "new"][:2]

            def packed(order_no: str) -> dict:
                now = datetime.now(UTC).isoformat()
                order = next(o for o in demo_document["orders"] if o["order_no"] == order_no)
                payload = {
                    "pack_id": str(uuid.uuid4()),
                    "order_no": order_no,
                    "packed_at": now,
                    "operator": "P0001",
                    "lines": claims.lines_of(order),
                }
                return {"id": str(uuid.uuid4()), "type": "order.packed", "station": "PACK-R",
                        "operator": "P0001", "occurred_at": now, "payload": payload}  # fmt: skip

            assert client.push([packed(orders[0])])[0].outcome == p.Outcome.ACCEPTED
            cursor = client.pull("", 5000)["cursor"]
            cluster.restart()  # every pooled connection of the server is dead now
            with caplog.at_level(logging.WARNING, logger="sync.server.app"):
                assert client.push([packed(orders[1])])[0].outcome == p.Outcome.ACCEPTED
                page = client.pull(cursor, 5000)
            assert orders[1] in {c["key"] for c in page["changes"]}
            assert "the database connection was lost" in caplog.text  # the retry, not luck
            client.close()
    finally:
        cluster.stop()


@pytest.mark.logs_errors
def test_a_database_away_for_a_moment_is_waited_for_and_a_longer_absence_is_a_503(demo_document, monkeypatch):
    import threading

    from sync.server import work as server_work

    cluster = PostgresCluster()  # its own: stopping the shared one would cut other tests off
    try:
        url = cluster.new_database()
        with live_server(url) as server:
            assert not server.store.import_documents(demo_document).errors
            token = server.store.add_station("PACK-D")
            client = SyncClient(ServerConfig(server.url, token, read_timeout_s=30))
            cursor = client.pull("", 5000)["cursor"]
            cluster.pause()
            back = threading.Timer(2.0, cluster.resume)  # a restart that takes two seconds
            back.start()
            started = time.monotonic()
            page = client.pull(cursor, 5000)  # asked while the database is down
            back.join()
            assert page["cursor"] == cursor and time.monotonic() - started >= 1.5
            monkeypatch.setattr(server_work, "RECONNECT_WINDOW_S", 1.0)
            cluster.pause()
            try:
                answer = requests.get(
                    f"{server.url}{p.API_PREFIX}/changes",
                    params={"cursor": cursor},
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=30,
                )
                assert answer.status_code == 503, answer.text
                assert answer.headers["Retry-After"] == "5"
                assert "not reachable" in answer.json()["detail"]
                with pytest.raises(SyncError) as caught:
                    client.pull(cursor, 5000)
                assert caught.value.retryable and caught.value.status == 503
            finally:
                cluster.resume()
            assert client.pull(cursor, 5000)["cursor"] == cursor
            client.close()
    finally:
        cluster.stop()


def test_the_server_opens_its_connections_before_the_first_station_asks(server_db):
    with live_server(server_db) as live:
        # Nothing has asked yet: the pool holds every connection the app may use at once, warm.
        assert live.store.engine.pool.checkedin() == DB_CONNECTIONS
        token = live.store.add_station("PACK-30")
        client = SyncClient(ServerConfig(live.url, token))
        assert client.pull("", 10)["cursor"]
        client.close()


def test_a_worker_runs_its_database_slots_worth_of_requests_at_once_and_answers_every_one(server_db):
    """A burst of stations: at most DB_CONNECTIONS requests' database work at once (more would share
    the core and all end late together), the others wait their turn on the event loop."""
    import threading

    with live_server(server_db) as live:
        running, peak, lock = 0, 0, threading.Lock()
        real_changes = live.store.changes_json

        def slow_changes(cursor: str, limit: int) -> bytes:
            nonlocal running, peak
            with lock:
                running += 1
                peak = max(peak, running)
            try:
                time.sleep(0.25)
                return real_changes(cursor, limit)
            finally:
                with lock:
                    running -= 1

        live.store.changes_json = slow_changes  # type: ignore[method-assign]
        stations = 3 * DB_CONNECTIONS
        tokens = [live.store.add_station(f"PACK-5{i}") for i in range(stations)]
        cursors: list[str] = []
        start = threading.Barrier(stations)

        def sync(token: str) -> None:
            client = SyncClient(ServerConfig(live.url, token, read_timeout_s=30))
            try:
                start.wait()
                cursors.append(client.pull("", 10)["cursor"])
            finally:
                client.close()

        threads = [threading.Thread(target=sync, args=(token,)) for token in tokens]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert len(cursors) == stations  # every station answered
        assert peak == DB_CONNECTIONS


def test_a_used_token_stays_cached_and_a_revocation_elsewhere_ends_it(server_db, monkeypatch):
    from sqlalchemy import select, update

    from sync.server import models as m
    from sync.server.services import stations as store_module

    monkeypatch.setattr(store_module, "TOKEN_CACHE_S", 1.0)
    store, elsewhere = open_store(server_db), open_store(server_db)  # two server processes' views
    clock = FakeClock()
    store.clock = clock
    try:
        token = store.add_station("PACK-40")
        assert store.station_for(token) == "PACK-40"
        with elsewhere.transaction() as s:  # long ago, so the next use is recorded
            s.execute(update(m.StationAccount).values(last_seen_at=datetime(2026, 1, 1, tzinfo=UTC)))
        for _ in range(25):  # 2.5 s: over twice the cache's lifetime
            assert store.cached_station(token) == "PACK-40"  # used, then re-checked: still cached
            store.refresh_tokens()
            clock.advance(0.1)
        with elsewhere.transaction() as s:
            seen = s.scalar(select(m.StationAccount.last_seen_at))
        assert seen is not None and seen.replace(tzinfo=UTC) > datetime.now(UTC) - timedelta(seconds=5)

        assert elsewhere.revoke_station("PACK-40")
        store.refresh_tokens()
        assert store.cached_station(token) is None
        assert store.station_for(token) is None

        token = store.add_station("PACK-41")
        assert store.station_for(token) == "PACK-41"
        clock.advance(1.1)  # not refreshed: the cache entry ends after its lifetime, as before
        assert store.cached_station(token) is None
    finally:
        store.engine.dispose()
        elsewhere.engine.dispose()


def test_the_server_re_checks_tokens_in_the_background(server_db, monkeypatch):
    from sync.server import app as app_module
    from sync.server.services import stations as store_module

    monkeypatch.setattr(store_module, "TOKEN_CACHE_S", 1.0)
    monkeypatch.setattr(app_module, "TOKEN_REFRESH_S", 0.1)
    with live_server(server_db) as live:
        token = live.store.add_station("PACK-42")
        asked = []
        station_for = live.store.station_for

        def counted(token: str) -> str | None:
            asked.append(token)
            return station_for(token)

        monkeypatch.setattr(live.store, "station_for", counted)
        clock = FakeClock()
        live.store.clock = clock
        refreshes = []
        refresh = live.store.refresh_tokens
        monkeypatch.setattr(live.store, "refresh_tokens", lambda: (refresh(), refreshes.append(clock())))
        client = SyncClient(ServerConfig(live.url, token))
        for _ in range(8):  # 2.4 s on the cache's clock: over twice its lifetime
            assert client.whoami() == "PACK-42"
            clock.advance(0.3)
            after = clock()
            # a background re-check ran since
            wait_until(lambda after=after: refreshes and refreshes[-1] >= after)
        assert len(asked) == 1  # only the first request looked the token up
        elsewhere = open_store(server_db)
        elsewhere.revoke_station("PACK-42")
        elsewhere.engine.dispose()
        wait_until(lambda: live.store.cached_station(token) is None)  # dropped by the next re-check
        with pytest.raises(SyncError, match="register it again"):
            client.whoami()
        client.close()


def test_rows_written_in_bulk_keep_their_types_and_get_their_defaults(server_db):
    # A batch's rows go to the driver directly (bind processing and Python-side defaults done by
    # the store): every column must read back as the ORM wrote it, on both databases.
    from sqlalchemy import select

    from sync.server import models as m

    store = open_store(server_db)
    try:
        _import(store, _sku("A", "apple"))
        line = {"line_no": 1, "sku": "A", "quantity": 1}
        store.import_documents(
            {"orders": [{"order_no": "T-1", "lines": [line]}], "customers": [{"code": "C1", "name": "张三"}]}
        )
        _packers(store, "P0001")
        before = datetime.now(UTC)
        store.set_preference("C1", "note", '轻放 "易碎"')

        def packed(station: str) -> p.Event:
            payload = {"pack_id": str(uuid.uuid4()), "order_no": "T-1", "packed_at": before.isoformat(),
                       "operator": "P0001", "lines": [{"sku": "A", "quantity": 1}]}  # fmt: skip
            return p.Event(id=uuid.uuid4(), type="order.packed", station=station, operator="P0001",
                           occurred_at=before, payload=payload)  # fmt: skip

        first, second = packed("S1"), packed("S2")
        assert store.push("S1", [first])[0].outcome is p.Outcome.ACCEPTED
        assert store.push("S2", [second])[0].outcome is p.Outcome.CONFLICT
        after = datetime.now(UTC)
        with store.transaction() as s:
            audit = s.scalars(select(m.PreferenceAudit).where(m.PreferenceAudit.customer == "C1")).one()
            conflict = s.scalars(select(m.Conflict)).one()
            record = s.get(m.EventRecord, str(first.id))
        assert (audit.proposed, audit.result, audit.old, audit.event_id) == (
            '轻放 "易碎"',
            '轻放 "易碎"',
            None,
            "",
        )
        assert before <= audit.recorded_at.astimezone(UTC) <= after
        assert (conflict.key, conflict.station, conflict.event_id) == ("T-1", "S2", str(second.id))
        assert before <= conflict.created_at.astimezone(UTC) <= after and conflict.resolved_at is None
        assert record.payload == first.payload and record.outcome == "accepted"
        assert record.occurred_at.astimezone(UTC) == before
    finally:
        store.engine.dispose()


def test_documents_are_stored_and_served_as_compact_utf8_json(server_db):
    # A pull splices each document's stored text into the page as it is: Chinese as \u escapes and
    # json.dumps' ", " and ": " made pages a sixth longer for every station's gunzip and parse.
    from sqlalchemy import Text, cast, select

    from sync.server import models as m

    store = open_store(server_db)
    try:
        store.import_documents({"customers": [{"code": "C1", "name": "张三", "tags": ["vip", "new"]}]})
        with store.reading() as c:
            stored = c.scalar(select(cast(m.Entity.data, Text)).where(m.Entity.key == "C1"))
        assert '"name":"张三"' in stored and '"tags":["vip","new"]' in stored
        assert "\\u" not in stored and ", " not in stored and '": ' not in stored
        page = store.changes_json("", 10).decode()
        assert stored in page
        assert _pull(store, "").changes[0].data.name == "张三"
    finally:
        store.engine.dispose()


def test_a_push_holds_the_documents_it_read_until_it_commits(postgres):
    # Two stations packing the same order at the same moment: the second push waits for the
    # first one's row lock (taken by the push's one first read), then sees the order packed.
    import threading

    from sync.server.batch import Batch

    store = open_store(postgres.new_database())
    try:
        _import(store, _sku("A", "apple"))
        store.import_documents(
            {"orders": [{"order_no": "T-1", "lines": [{"line_no": 1, "sku": "A", "quantity": 1}]}]}
        )
        _packers(store, "P1")
        now = datetime.now(UTC)
        payload = {
            "pack_id": str(uuid.uuid4()),
            "order_no": "T-1",
            "packed_at": now.isoformat(),
            "operator": "P1",
            "lines": [{"sku": "A", "quantity": 1}],
        }
        second = p.Event(id=uuid.uuid4(), type="order.packed", station="S2", operator="P1", occurred_at=now,
                         payload=payload)  # fmt: skip
        answers: list[p.EventResult] = []
        pushed = threading.Event()

        def push_second() -> None:
            answers.extend(store.push("S2", [second]))
            pushed.set()

        with store.writing() as c:
            first = Batch(c, store._put_all)
            assert first.read_first([], {p.Kind.ORDER: ["T-1"]}, []) == {}
            thread = threading.Thread(target=push_second)
            thread.start()
            assert not pushed.wait(1.0), "the second push did not wait for the first one's lock"
            order = first.get(p.Kind.ORDER, "T-1")
            order.update(status="packed", packed_by="S1", pack_id="first")
            first.put(p.Kind.ORDER, "T-1", order)
            first.commit()
        thread.join(10)
        assert [(a.outcome, a.reason) for a in answers] == [
            (p.Outcome.CONFLICT, "order T-1 was already packed at S1")
        ]
    finally:
        store.engine.dispose()


@pytest.mark.parametrize("orders", [3, 480])  # one first read; more keys than SQLite takes in one
def test_a_repeated_batch_gets_its_first_answers_whatever_its_size(server_db, orders):
    store = open_store(server_db)
    try:
        _import(store, _sku("A", "apple"))
        line = {"line_no": 1, "sku": "A", "quantity": 1}
        store.import_documents(
            {
                "orders": [{"order_no": f"T-{i}", "lines": [line], "customer": "C1"} for i in range(orders)],
                "customers": [{"code": "C1", "name": "张三"}],
            }
        )
        _packers(store, "P1")
        now = datetime.now(UTC)

        def event(kind: str, payload: dict) -> p.Event:
            return p.Event(id=uuid.uuid4(), type=kind, station="S1", operator="P1", occurred_at=now,
                           payload=payload)  # fmt: skip

        packs = [
            event(
                "order.packed",
                {
                    "pack_id": str(uuid.uuid4()),
                    "order_no": f"T-{i}",
                    "packed_at": now.isoformat(),
                    "operator": "P1",
                    "lines": [{"sku": "A", "quantity": 1}],
                },
            )
            for i in range(orders)
        ]
        unknown = event("order.packed", {"pack_id": "x", "order_no": "NOPE", "packed_at": now.isoformat(),
                                         "operator": "P1"})  # fmt: skip
        note = event(
            "customer.preference",
            {"customer": "C1", "field": "note", "value": "轻放", "base": None, "order_no": "T-0"},
        )
        first = store.push("S1", [*packs, unknown, note])
        assert [a.outcome for a in first] == [p.Outcome.ACCEPTED] * orders + [
            p.Outcome.REJECTED,
            p.Outcome.ACCEPTED,
        ]
        later = event(
            "customer.preference",
            {"customer": "C1", "field": "note", "value": "易碎", "base": "轻放", "order_no": "T-0"},
        )
        again = store.push("S1", [*packs, unknown, note, later])
        assert [(a.outcome, a.reason, a.duplicate) for a in again[:-1]] == [
            (a.outcome, a.reason, True) for a in first
        ]
        assert (again[-1].outcome, again[-1].duplicate) == (p.Outcome.ACCEPTED, False)
        assert store.get("customer", "C1")["preferences"] == {"note": "易碎"}
        assert {store.get("order", f"T-{i}")["status"] for i in range(orders)} == {"packed"}
    finally:
        store.engine.dispose()


def test_server_timing_names_the_whole_the_wait_for_a_database_slot_and_the_database_work(server_db):
    import requests

    from sync.client import _server_ms

    with live_server(server_db) as live:
        token = live.store.add_station("PACK-T")
        answer = requests.get(
            f"{live.url}/api/v1/changes", headers={"Authorization": f"Bearer {token}"}, timeout=5
        )
        metrics = {}
        for metric in answer.headers["Server-Timing"].split(","):
            name, _, duration = metric.strip().partition(";dur=")
            metrics[name] = float(duration)
        assert set(metrics) == {"app", "queue", "db"}
        assert metrics["queue"] >= 0 and 0 < metrics["db"] <= metrics["app"]
        assert _server_ms(answer.headers["Server-Timing"]) == metrics["app"]
        assert (
            requests.get(f"{live.url}/api/v1/health", timeout=5)
            .headers["Server-Timing"]
            .startswith("app;dur=")
        )
    assert _server_ms("") is None and _server_ms("app;dur=x") is None and _server_ms("db;dur=3") is None


class FakeClock:
    """The token cache's monotonic clock, moved on by the test instead of waited for."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_the_server_models_match_the_migrated_schema(server_db):
    """What the code declares is what the migrations built, on SQLite and PostgreSQL alike."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from sync.server.db import make_server_engine, migrate
    from sync.server.models import Base

    engine = make_server_engine(server_db)
    migrate(engine)
    with engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    engine.dispose()
    assert diff == []
