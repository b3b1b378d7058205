"""Live changes: a station's wait for changes is answered when a change commits, on this server
process or, on PostgreSQL, on another one sharing the database; the station then pulls at once,
long before its next periodic sync."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from app.store import demo
from app.store import models as m
from app.store.sync_local import StationSyncStore
from app.sync_service import make_client
from sync import protocol as p
from sync.client import WATCH_RETRY_CAP_S, ServerConfig, SyncClient, SyncError, SyncLoop, SyncState
from tests.sync.servers import LiveServer, ServerProcess
from tests.sync.stations import open_station, sync_cli
from tests.waiting import wait_until


def test_a_wait_ends_when_a_change_commits_and_otherwise_when_its_time_runs_out(server):
    client = SyncClient(ServerConfig(server.url, server.store.add_station("PACK-L")))
    head = str(server.store.head())

    started = time.monotonic()
    idle = client.wait_for_changes(head, wait_s=0.3)
    assert idle == p.ChangesAhead(head=head, ahead=False) and time.monotonic() - started >= 0.3

    answers: list[p.ChangesAhead | None] = []
    waiting = threading.Thread(target=lambda: answers.append(client.wait_for_changes(head, wait_s=20)))
    waiting.start()
    feed = server.app.state.feed
    wait_until(lambda: feed.waiting == 1)  # held by the server now
    server.store.import_documents({"carriers": [{"code": "SF", "name": "顺丰速运"}]})
    woken = wait_until(lambda: bool(answers), timeout=5)
    waiting.join(5)
    assert answers[0].ahead and int(answers[0].head) > int(head)
    assert woken < 2.0  # answered by the commit, not by the 20-s limit

    behind = client.wait_for_changes("0", wait_s=20)  # a station behind is answered at once
    assert behind.ahead
    with pytest.raises(SyncError):
        client.wait_for_changes("not-a-cursor")
    with pytest.raises(SyncError):
        client.wait_for_changes(str(int(answers[0].head) + 1000))  # ahead of this server
    client.close()


def test_a_cancellation_made_through_one_server_process_reaches_a_station_waiting_on_another(
    postgres, demo_document, tmp_path
):
    """Two server processes behind one PostgreSQL (as behind a load balancer): the station waits on
    the first, the office cancels through the second; LISTEN/NOTIFY carries it across."""
    url = postgres.new_database()
    first, second = ServerProcess(url), ServerProcess(url)
    try:
        office = SyncClient(ServerConfig(second.url, _token(url, "OFFICE", "admin")))
        office_import(office, demo_document)
        data = tmp_path / "PACK-L"
        assert sync_cli(data, "--server", first.url, "--token", _token(url, "PACK-L"))[0] == 0
        db = open_station(data)
        order_no = demo.sample_orders(db, per_kind=1)["ready"][0]["order_no"]
        local = StationSyncStore(db)

        started = time.monotonic()
        client = make_client(db)
        assert client is not None
        page = client.pull(local.cursor(), 100)  # one pull with nothing new: the yardstick
        one_pull = time.monotonic() - started
        assert page["changes"] == []
        client.close()

        statuses: list[str] = []
        loop = SyncLoop(lambda: make_client(db), local, lambda status: statuses.append(status.state), 300.0)
        loop.start().watch()  # the next periodic sync is 5 minutes away: only a live change explains a pull
        try:
            wait_until(lambda: "online" in statuses)
            cancelled = {**next(o for o in demo_document["orders"] if o["order_no"] == order_no)}
            cancelled["status"] = "cancelled"
            started = time.monotonic()
            office_import(office, {"orders": [cancelled]})

            def cancelled_here() -> bool:
                with db.session() as s:
                    return s.scalar(select(m.Order.status).where(m.Order.order_no == order_no)) == "cancelled"

            latency = wait_until(cancelled_here, timeout=10) + 0.0
        finally:
            loop.stop()
            office.close()
            db.close()
        print(
            f"live change reached the station in {latency * 1000:.0f} ms (one pull: {one_pull * 1000:.0f} ms)"
        )
        assert latency < 2.0  # the target; the periodic sync would have taken 300 s
    finally:
        first.stop()
        second.stop()


def _token(url: str, name: str, role: str = "station") -> str:
    from sync.server.store import open_store

    store = open_store(url)
    try:
        return store.add_station(name, role)
    finally:
        store.engine.dispose()


def office_import(client: SyncClient, document: dict) -> None:
    import json

    response = client._request(
        "POST",
        "/import",
        data=json.dumps(document, ensure_ascii=False).encode(),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text


def test_a_stopping_server_ends_the_waits_it_holds_at_once_and_cleanly(tmp_path):
    import psutil

    url = f"sqlite:///{tmp_path / 'server.db'}"
    log = tmp_path / "server.log"
    server = ServerProcess(url, log_path=log)
    client = SyncClient(ServerConfig(server.url, _token(url, "PACK-S")))
    answers: list[object] = []

    def wait() -> None:
        try:
            answers.append(client.wait_for_changes("0", wait_s=25))
        except SyncError as exc:
            answers.append(exc)

    waiting = threading.Thread(target=wait)
    waiting.start()
    process = psutil.Process(server.proc.pid)
    wait_until(
        lambda: any(
            c.status == psutil.CONN_ESTABLISHED and c.laddr.port == server.port
            for c in process.net_connections()
        )
    )
    started = time.monotonic()
    server.stop()  # SIGTERM, as systemd or Ctrl+C
    waiting.join(10)
    assert time.monotonic() - started < 5  # not the 25-s wait, not the grace period
    assert answers == [p.ChangesAhead(head="0", ahead=False)]
    client.close()
    text = log.read_text(errors="replace")
    assert "ERROR" not in text and "Cancel" not in text, text[-2000:]


def test_a_station_is_online_within_seconds_of_its_server_coming_back(server_db, demo_db):
    """After a long outage the loop's own next try may be a minute away: the watcher's probe sees
    the server answer and the loop syncs at once. A try the person asks for (F11) that fails does
    not push the next try further out."""
    server = LiveServer(server_db)
    token, port = server.store.add_station("PACK-B"), server.port
    statuses: list = []
    loop = SyncLoop(
        lambda: SyncClient(ServerConfig(server.url, token)), StationSyncStore(demo_db), statuses.append
    )
    loop.start().watch()
    try:
        wait_until(lambda: loop.status.state is SyncState.ONLINE, timeout=30)
        server.stop()
        loop.backoff.failures = 6  # as after a long outage: the next try 32–64 s out
        loop.wake()  # F11
        wait_until(lambda: loop.status.state is SyncState.OFFLINE, timeout=20)
        assert loop.backoff.failures == 6 and 32 <= loop.status.next_try_s <= 64  # F11 did not climb
        time.sleep(1.0)
        server = LiveServer(server_db, port=port)
        back = wait_until(lambda: loop.status.state is SyncState.ONLINE, timeout=30)
        assert back < WATCH_RETRY_CAP_S + 3, back  # not the loop's 32–64 s
        assert loop.backoff.failures == 0
    finally:
        loop.stop()
        server.stop()


def test_a_sync_says_which_kinds_it_pulled_so_screens_redraw_only_for_theirs(server, demo_db):
    from app.core.changes import Change
    from app.sync_service import pulled

    token = server.store.add_station("PACK-N")
    synced: list = []
    loop = SyncLoop(
        lambda: SyncClient(ServerConfig(server.url, token)),
        StationSyncStore(demo_db),
        lambda status: None,
        300.0,
        on_synced=synced.append,
    )
    loop.run_once()  # whatever the server had: caught up
    loop.run_once()
    assert synced[-1].kinds == set() and pulled(synced[-1]) is None  # nothing new: no screen redraws
    server.store.import_documents({"carriers": [{"code": "ZTO", "name": "中通快递"}]})
    loop.run_once()
    assert synced[-1].kinds == {"carrier"}
    notice = pulled(synced[-1])
    assert notice is not None and notice.changes == {Change.CATALOG}
    assert not notice.touches(Change.WAVES, Change.ORDERS)  # the waves tab leaves it alone
