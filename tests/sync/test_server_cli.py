"""`packline-server` as an operator runs it: import a file, register a station, serve with several
worker processes on PostgreSQL, revoke; and a clear refusal for a bad option."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from sync import protocol as p
from sync.client import ServerConfig, SyncClient, SyncError
from tests.sync import claims
from tests.sync.servers import ServerProcess
from tests.sync.stations import ROOT


def server_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sync.server.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_register_serve_with_two_workers_and_revoke(postgres, demo_document, tmp_path):
    url = postgres.new_database()
    source = tmp_path / "shop.json"
    source.write_text(json.dumps(demo_document, ensure_ascii=False), encoding="utf-8")
    done = server_cli("import", str(source), "--db", url)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["orders"] == len(demo_document["orders"]) and not report["errors"]

    done = server_cli("add-station", "PACK-09", "--db", url)
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip().splitlines()[-1]  # the token is the last line, for scripts
    assert token.startswith("plt_")

    server = ServerProcess(url, workers=2, connections=3)
    try:
        client = SyncClient(ServerConfig(server.url, token))
        assert client.whoami() == "PACK-09"
        cursor, pulled = "", 0
        while True:
            page = client.pull(cursor, 2000)
            pulled += len(page["changes"])
            cursor = page["cursor"]
            if not page["more"]:
                break
        assert pulled >= len(demo_document["orders"]) + len(demo_document["customers"])
        order = next(o for o in demo_document["orders"] if o["status"] == "new")
        order_no = order["order_no"]
        now = datetime.now(UTC).isoformat()
        payload = {"pack_id": str(uuid.uuid4()), "order_no": order_no, "packed_at": now, "operator": "P0001",
                   "lines": claims.lines_of(order)}  # fmt: skip
        event = {"id": str(uuid.uuid4()), "type": "order.packed", "station": "PACK-09", "operator": "P0001",
                 "occurred_at": now, "payload": payload}  # fmt: skip
        # Several requests at once go to both workers; each answers from the same database.
        results = [client.push([event]) for _ in range(4)]
        assert results[0][0].outcome == p.Outcome.ACCEPTED and not results[0][0].duplicate
        assert all(r[0].duplicate and r[0].outcome == p.Outcome.ACCEPTED for r in results[1:])
        client.close()
    finally:
        server.stop()

    done = server_cli("revoke-station", "PACK-09", "--db", url)
    assert done.returncode == 0 and "revoked" in done.stdout
    server = ServerProcess(url)
    try:
        client = SyncClient(ServerConfig(server.url, token))
        with pytest.raises(SyncError, match="register it again"):
            client.whoami()
        client.close()
    finally:
        server.stop()


def test_bad_options_are_refused_with_a_reason(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    done = server_cli("serve", "--db", url, "--connections", "0")
    assert done.returncode == 2 and "--connections must be at least 1" in done.stderr
    done = server_cli("revoke-station", "NOBODY", "--db", url)
    assert done.returncode == 1 and "no station named NOBODY" in done.stderr
    bad = tmp_path / "orders.csv"
    bad.write_text("what,ever\n1,2\n", encoding="utf-8")
    done = server_cli("import", str(bad), "--db", url)
    assert done.returncode == 1 and "an orders file needs" in done.stderr


def test_the_access_log_is_off_unless_asked_for(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    token = server_cli("add-station", "PACK-10", "--db", url).stdout.strip().splitlines()[-1]
    lines = {}
    for asked in (False, True):
        log = tmp_path / f"server-{asked}.log"
        server = ServerProcess(url, access_log=asked, log_path=log)
        try:
            client = SyncClient(ServerConfig(server.url, token))
            assert client.whoami() == "PACK-10"
            client.close()
        finally:
            server.stop()
        lines[asked] = log.read_text(encoding="utf-8")
    assert "Uvicorn running" in lines[False]  # the server's own lines are there either way
    assert "GET /api/v1/whoami" not in lines[False]
    assert 'GET /api/v1/whoami HTTP/1.1" 200' in lines[True]


def test_hash_pin_makes_a_supervisors_hash_only_from_a_long_pin_and_the_import_takes_only_strong_ones(
    tmp_path,
):
    from app.core.auth import verify_pin

    def hashed(pin: str, role: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sync.server.cli", "hash-pin", "--role", role],
            cwd=ROOT,
            input=pin + "\n",
            capture_output=True,
            text=True,
            timeout=60,
        )

    short = hashed("9999", "supervisor")
    assert short.returncode == 1 and "at least 8 digits" in short.stderr and not short.stdout
    made = hashed("20261204", "supervisor")
    assert made.returncode == 0, made.stderr
    strong = made.stdout.strip()
    assert verify_pin("20261204", strong) and "20261204" not in strong
    assert strong.startswith("argon2id-ed25519:") and "years of one core" in made.stderr

    db = f"sqlite:///{tmp_path / 'server.db'}"
    # A supervisor's verifier of before (scrypt, a second a guess cheaper by far) cannot sign.
    weak = "scrypt:16384:8:1$c3NzcwAAAAAAAAAAAAAAAA==$ZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGRkZGQ="
    source = tmp_path / "operators.json"
    source.write_text(
        json.dumps(
            {
                "operators": [
                    {"badge_code": "S0100", "name": "周主管", "pin_hash": strong, "role": "supervisor"},
                    {"badge_code": "S0101", "name": "吴主管", "pin_hash": weak, "role": "supervisor"},
                    {"badge_code": "S0102", "name": "郑主管", "pin_hash": "9999", "role": "supervisor"},
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    done = server_cli("import", str(source), "--db", db)
    report = json.loads(done.stdout.splitlines()[-1])
    assert done.returncode == 1 and len(report["errors"]) == 2, report
    assert "operators[1] pin_hash" in report["errors"][0] and "Argon2id" in report["errors"][0]
    assert "operators[2] pin_hash" in report["errors"][1]
    from sync.server.store import open_store

    store = open_store(db)
    try:
        assert store.get(p.Kind.OPERATOR, "S0100")["name"] == "周主管"
        assert store.get(p.Kind.OPERATOR, "S0101") is None and store.get(p.Kind.OPERATOR, "S0102") is None
    finally:
        store.engine.dispose()


def test_packaging_used_by_the_packs_is_summed_per_box(demo_document, tmp_path):
    from sync.server.store import open_store

    url = f"sqlite:///{tmp_path / 'server.db'}"
    store = open_store(url)
    assert not store.import_documents(demo_document).errors
    now = datetime.now(UTC)
    new = [o for o in demo_document["orders"] if o["status"] == "new"][:3]
    orders = [o["order_no"] for o in new]
    lines = {o["order_no"]: claims.lines_of(o) for o in new}
    boxes = [{"box": "PKG-6", "weight_g": 120}, {"box": "PKG-6", "weight_g": 120}, None]
    events = [
        p.Event(id=uuid.uuid4(), type="order.packed", station="PACK-09", operator="P0001", occurred_at=now,
                payload={"pack_id": str(uuid.uuid4()), "order_no": order_no, "packed_at": now.isoformat(),
                         "operator": "P0001", "lines": lines[order_no],
                         **({"packaging": box} if box else {})})
        for order_no, box in zip(orders, boxes, strict=True)
    ]  # fmt: skip
    assert [r.outcome for r in store.push("PACK-09", events)] == [p.Outcome.ACCEPTED] * 3
    store.engine.dispose()
    done = server_cli("packaging", "--db", url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"": {"parcels": 1, "grams": 0}, "PKG-6": {"parcels": 2, "grams": 240}}
    tomorrow = (now + timedelta(days=1)).date().isoformat()
    done = server_cli("packaging", "--db", url, "--since", tomorrow)
    assert json.loads(done.stdout) == {}


def test_waybill_numbers_are_loaded_from_a_file_and_the_stock_printed(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    numbers = tmp_path / "sf.txt"
    numbers.write_text("SF7000000000001\nSF7000000000002\n\nSF7000000000001\n", encoding="utf-8")
    done = server_cli("waybills", "SF", str(numbers), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "2 new waybill number(s) for SF" in done.stderr
    assert json.loads(done.stdout) == {"SF": {"free": 2, "reserved": 0, "used": 0}}
    bad = tmp_path / "bad.txt"
    bad.write_text("SF 7000 0000\n", encoding="utf-8")
    done = server_cli("waybills", "SF", str(bad), "--db", url)
    assert done.returncode == 1 and "is not a waybill number" in done.stderr
    done = server_cli("waybills", "--db", url)  # the stock alone
    assert done.returncode == 0 and json.loads(done.stdout)["SF"]["free"] == 2


def test_serve_without_the_server_packages_says_how_to_install_them(tmp_path):
    """The README's server walk-through on a station installed without the `server` extra: one
    sentence naming the install, exit code 2, no traceback."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    # As if the extra were not installed: importing them fails as a missing package does.
    blocked = "import sys\nsys.modules['fastapi'] = sys.modules['uvicorn'] = None\n"
    (blocker / "sitecustomize.py").write_text(blocked)
    env = {**os.environ, "PYTHONPATH": str(blocker)}
    url = f"sqlite:///{tmp_path / 's.db'}"
    command = [sys.executable, "-m", "sync.server.cli", "serve", "--db", url, "--port", "0"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert "pip install -e '.[server]'" in done.stderr and "fastapi" in done.stderr
    assert "Traceback" not in done.stderr
