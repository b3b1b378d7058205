"""The production set-up as deployed: a real nginx, configured by `packline-server nginx-config`,
with TLS in front of two real server processes on one PostgreSQL database. Stations sync through
it; the slow-client attacks (headers and bodies trickled, half-open sockets by the hundred, bodies
over their limit, too many connections from one address) are refused while stations are served."""

from __future__ import annotations

import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sync import protocol as p
from tests.sync import claims
from tests.sync.servers import ServerProcess, free_port

ROOT = Path(__file__).resolve().parents[2]


def _certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "server.pem", directory / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


class Nginx:
    def __init__(self, directory: Path, site: str) -> None:
        self.dir = directory
        for sub in ("logs", "temp"):
            (directory / sub).mkdir(parents=True, exist_ok=True)
        (directory / "site.conf").write_text(site, encoding="utf-8")
        user = "user root root;\n" if os.geteuid() == 0 else ""
        (directory / "nginx.conf").write_text(
            f"{user}worker_processes 1;\npid {directory}/nginx.pid;\nerror_log {directory}/logs/error.log;\n"
            "events { worker_connections 4096; }\n"
            f"http {{\n  access_log off;\n  client_body_temp_path {directory}/temp/body;\n"
            f"  proxy_temp_path {directory}/temp/proxy;\n  include {directory}/site.conf;\n}}\n",
            encoding="utf-8",
        )
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        assert Path(binary).exists(), "nginx is not installed: bash resources/setup/debian.sh test"
        check = subprocess.run([binary, "-t", "-p", str(directory), "-c", str(directory / "nginx.conf")],
                               capture_output=True, text=True, check=False)  # fmt: skip
        assert check.returncode == 0, check.stderr
        self.proc = subprocess.Popen(
            [binary, "-p", str(directory), "-c", str(directory / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        assert self.proc.stderr is not None
        self.proc.stderr.close()


@pytest.fixture
def deployed(postgres, tmp_path, demo_document) -> Iterator[dict]:
    url = postgres.new_database()
    from sync.server.store import open_store

    store = open_store(url)
    assert not store.import_documents(demo_document).errors
    tokens = {name: store.add_station(name) for name in ("NG-1", "NG-2", "NG-3", "NG-4", "NG-5", "NG-6")}
    head = store.head()
    store.engine.dispose()
    servers = [ServerProcess(url) for _ in range(2)]
    cert, key = _certificate(tmp_path)
    port = free_port()
    rendered = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "nginx-config", "--listen", f"127.0.0.1:{port}",
         "--certificate", str(cert), "--certificate-key", str(key), "--per-address", "5",
         "--header-timeout", "2", "--body-timeout", "2",
         *(arg for s in servers for arg in ("--upstream", f"127.0.0.1:{s.port}"))],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    nginx = Nginx(tmp_path / "nginx", rendered.stdout)
    base = f"https://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if requests.get(f"{base}{p.API_PREFIX}/health", verify=str(cert), timeout=2).ok:
                break
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, (
            nginx.proc.stderr.read().decode() if nginx.proc.poll() else "no start"
        )
        time.sleep(0.1)
    try:
        yield {"url": base, "port": port, "cert": str(cert), "tokens": tokens, "head": head}
    finally:
        nginx.stop()
        for server in servers:
            server.stop()


def _tls(port: int, cert: str) -> ssl.SSLSocket:
    context = ssl.create_default_context(cafile=cert)
    raw = socket.create_connection(("127.0.0.1", port), timeout=15)
    return context.wrap_socket(raw, server_hostname="127.0.0.1")


def test_stations_sync_through_nginx_and_slow_clients_are_cut_off(deployed, demo_document):
    base, cert, tokens = deployed["url"], deployed["cert"], deployed["tokens"]
    session = requests.Session()
    session.trust_env = False  # REQUESTS_CA_BUNDLE in the environment would win over session.verify
    session.verify = cert

    def auth(name: str) -> dict[str, str]:
        return claims.headers(tokens[name], **{"Content-Type": "application/json"})

    # Connections at once from one address past its cap: answered 429, the others served.
    statuses: list[int] = []

    def wait(name: str) -> None:
        held = {"cursor": str(deployed["head"]), "wait_s": 4}
        url = f"{base}{p.API_PREFIX}/changes/wait"
        answer = requests.get(url, params=held, headers=auth(name), verify=cert, timeout=30)
        statuses.append(answer.status_code)

    threads = [threading.Thread(target=wait, args=(f"NG-{i % 6 + 1}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 5 + [429] * 3, statuses

    # A station's pull and push, through TLS and both server processes.
    page = session.get(
        f"{base}{p.API_PREFIX}/changes", params={"limit": 500}, headers=auth("NG-1"), timeout=30
    )
    assert page.status_code == 200 and len(page.json()["changes"]) == 500
    order = next(o for o in demo_document["orders"] if o.get("status", "new") == "new" and o.get("lines"))
    pushed = session.post(
        f"{base}{p.API_PREFIX}/events",
        data=json.dumps({"events": [claims.packed("NG-1", order, "pack-ng-1")]}),
        headers=auth("NG-1"),
        timeout=30,
    )
    assert pushed.status_code == 200 and pushed.json()["results"][0]["outcome"] == "accepted", pushed.text

    # Bodies over each endpoint's limit: refused by nginx from their length.
    for path, size in (("/events", 17 << 20), ("/stations/devices", 1 << 20), ("/entities", 2 << 20)):
        answer = session.post(
            f"{base}{p.API_PREFIX}{path}", data=b" " * size, headers=auth("NG-2"), timeout=30
        )
        assert answer.status_code == 413, (path, answer.status_code)

    # Three hundred sockets that never finish their headers, one more that trickles its body.
    hanging = []
    for _ in range(300):
        s = socket.create_connection(("127.0.0.1", deployed["port"]), timeout=15)
        s.sendall(b"\x16\x03\x01")  # a TLS hello begun and never finished
        hanging.append(s)
    trickle = _tls(deployed["port"], cert)
    trickle.sendall(
        f"POST {p.API_PREFIX}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {tokens['NG-3']}\r\n"
        "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{".encode()
    )
    started = time.monotonic()
    for _ in range(5):  # stations are served meanwhile
        health = session.get(f"{base}{p.API_PREFIX}/health", timeout=10)
        assert health.status_code == 200
    with trickle:
        answer = trickle.recv(4096)  # nginx logs a 408 and closes the connection without an answer
    assert answer == b"" or b" 408 " in answer.split(b"\r\n", 1)[0], answer[:200]
    assert time.monotonic() - started < 10
    closed = 0
    for s in hanging:
        try:
            closed += s.recv(100) == b""
        except (ConnectionResetError, TimeoutError):
            closed += 1
        s.close()
    assert closed == len(hanging) and time.monotonic() - started < 20
