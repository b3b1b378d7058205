"""Customer segments on the server, over the demo's orders: RFM and lifecycle tags written to the
customers (only the changed ones, the office's tags kept), pulled by stations, used by the rules;
--dry-run writes nothing; the nightly run is claimed by one server process a day."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from app.core.segments import STAGE_TAG, Stage
from app.store import models as m
from sync import protocol as p
from sync.server.app import seconds_until
from tests.sync.stations import open_station, sync_cli
from tests.sync.test_server_cli import server_cli


def test_segments_tag_the_customers_keep_the_offices_tags_and_reach_a_station(seeded, tmp_path):
    store = seeded.store
    customers = store.count(p.Kind.CUSTOMER)
    first = next(c for c in _customers(store) if c.get("tags") == [])
    store.import_documents({"customers": [{**first, "tags": ["vip"]}]})  # the office's own tag
    head = store.head()
    dry = store.run_segments(dry_run=True)
    assert dry.customers == customers and dry.changed > 0 and store.head() == head  # nothing written
    assert sum(dry.stages.values()) <= customers and set(dry.stages) <= {s.value for s in Stage}
    done = store.run_segments()
    assert done.changed == dry.changed and store.head() > head
    tagged = store.get(p.Kind.CUSTOMER, first["code"])
    assert tagged["tags"][0] == "vip" and any(t.startswith(STAGE_TAG) for t in tagged["tags"])
    assert tagged["segment"]["source"] == "segments" and len(tagged["segment"]["rfm"]) == 3
    assert store.run_segments().changed == 0  # nothing changed since: nothing written again

    # A station pulls them like any change; the rules ask customer.tags.
    token = store.add_station("PACK-S")
    assert sync_cli(tmp_path / "PACK-S", "--server", seeded.url, "--token", token)[0] == 0
    db = open_station(tmp_path / "PACK-S")
    with db.session() as s:
        tags = s.scalar(select(m.Customer.tags).where(m.Customer.code == first["code"]))
    assert tags == tagged["tags"]
    db.close()


def test_the_thresholds_change_the_tags_and_a_later_run_takes_its_own_back(seeded):
    store = seeded.store
    store.run_segments()
    mature = [c for c in _customers(store) if STAGE_TAG + "mature" in (c.get("tags") or [])]
    assert mature
    # Everyone a year later: at risk or lost, none mature any more, the run's old tags replaced.
    later = datetime.now(UTC) + timedelta(days=400)
    report = store.run_segments(now=later)
    assert report.stages.get("mature", 0) == 0 and report.stages.get("lost", 0) > 0
    again = store.get(p.Kind.CUSTOMER, mature[0]["code"])
    assert STAGE_TAG + "mature" not in again["tags"] and STAGE_TAG + "lost" in again["tags"]
    assert "lapsed" in again["tags"]


def test_the_cli_dry_run_prints_the_changes_and_refuses_bad_thresholds(tmp_path, demo_document):
    from sync.server.store import open_store

    url = f"sqlite:///{tmp_path / 'server.db'}"
    store = open_store(url)
    assert not store.import_documents(demo_document).errors
    store.engine.dispose()
    done = server_cli("segments", "--dry-run", "--db", url)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["dry_run"] is True and report["changed"] > 0 and report["examples"]
    bad = tmp_path / "t.json"
    bad.write_text('{"recent_days": 400}', encoding="utf-8")
    done = server_cli("segments", "--thresholds", str(bad), "--db", url)
    assert done.returncode == 1 and "recent_days" in done.stderr
    good = tmp_path / "g.json"
    good.write_text('{"recent_days": 7, "frequent_orders": 5}', encoding="utf-8")
    done = server_cli("segments", "--thresholds", str(good), "--db", url)
    assert done.returncode == 0 and json.loads(done.stdout)["dry_run"] is False


def test_the_nightly_run_is_one_server_processes_a_day(server_db):
    from sync.server.store import open_store

    store = open_store(server_db)
    try:
        assert store.claim_segment_run("2026-12-07") is True
        assert store.claim_segment_run("2026-12-07") is False  # another process, the same night
        assert store.claim_segment_run("2026-12-08") is True
    finally:
        store.engine.dispose()
    now = datetime(2026, 12, 7, 1, 0).astimezone()
    assert seconds_until(time(2, 30), now) == 90 * 60
    assert seconds_until(time(0, 30), now) == 23.5 * 3600


def _customers(store) -> list[dict]:
    page = store.changes("", p.MAX_PULL_PAGE)
    out = []
    while True:
        out += [c.data.model_dump(mode="json") for c in page.changes if c.kind is p.Kind.CUSTOMER and c.data]
        if not page.more:
            return out
        page = store.changes(page.cursor, p.MAX_PULL_PAGE)
