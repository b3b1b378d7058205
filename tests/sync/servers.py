"""Real servers for the sync tests: the reference server on loopback (uvicorn in a thread), and a
private PostgreSQL cluster started from the Debian packages (initdb + pg_ctl), torn down after."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(BaseHTTPRequestHandler):
    """A test server's request handler: no log line per request, JSON answers in one call."""

    def log_message(self, *args: object) -> None:
        pass

    def answer_json(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class LoopbackHTTP:
    """A plain `http.server` on 127.0.0.1 in a thread, for test servers that misbehave or record
    on purpose."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class LiveServer:
    """`packline-server` on 127.0.0.1 for as long as the test needs it."""

    def __init__(self, url: str, max_wait_s: float | None = None, port: int | None = None) -> None:
        """`port`: the port of a server stopped before (a server coming back); a free one if None."""
        import uvicorn

        from sync.server.app import create_app
        from sync.server.limits import TimedHttpProtocol
        from sync.server.store import open_store

        self.db_url = url
        self.store = open_store(url)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        limits = {} if max_wait_s is None else {"max_wait_s": max_wait_s}
        self.app = create_app(self.store, **limits)
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            http=TimedHttpProtocol,  # as `packline-server serve` runs it
            log_level="warning",
            access_log=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="uvicorn", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        if self.server.should_exit:
            return
        self.app.state.feed.end_waits()  # as a signal does for `packline-server serve`
        self.server.should_exit = True
        self.thread.join(10)
        self.store.engine.dispose()


# --- PostgreSQL -----------------------------------------------------------------------------------


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresCluster:
    def __init__(self) -> None:
        bindir = _pg_bin()
        if bindir is None:
            pytest.fail("PostgreSQL is missing: apt-get install postgresql (.ci/run does)")
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="packline-pg-"))
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        data = self.dir / "data"
        self._run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.data = data
        self._pg_ctl("start")

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        options += " -c max_connections=200"
        self._run(
            str(self.bindir / "pg_ctl"),
            *("-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60", "-o", options),
            *extra,
            action,
        )

    def restart(self) -> None:
        """Stop (dropping every connection) and start again on the same port with the same data."""
        self._pg_ctl("restart", "-m", "fast")

    def pause(self) -> None:
        """Stop the server (every connection refused) until `resume`."""
        self._pg_ctl("stop", "-m", "fast")

    def resume(self) -> None:
        self._pg_ctl("start")

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self.as_user, *command], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(command[:2])} failed: {done.stderr or done.stdout}")

    def postmaster(self):  # -> psutil.Process: the server process; its backends are its children
        import psutil

        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        return psutil.Process(pid)

    def new_database(self) -> str:
        import psycopg

        name = f"packline_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(
            [*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.dir, ignore_errors=True)


@contextmanager
def live_server(url: str) -> Iterator[LiveServer]:
    server = LiveServer(url)
    try:
        yield server
    finally:
        server.stop()


class ServerProcess:
    """`packline-server serve` as its own process, as deployed: the benchmarks use it so the server's
    work does not share a Python interpreter (and its lock) with the station being measured."""

    def __init__(
        self,
        db_url: str,
        workers: int = 1,
        connections: int | None = None,
        access_log: bool = False,
        log_path: Path | None = None,
    ) -> None:
        import requests

        root = Path(__file__).resolve().parents[2]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "sync.server.cli", "serve", "--db", db_url, "--port", str(self.port)]
        command += ["--workers", str(workers)]
        if connections is not None:
            command += ["--connections", str(connections)]
        if access_log:
            command += ["--access-log"]
        log = open(log_path, "wb") if log_path is not None else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            command,
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
            stdout=log,
            stderr=subprocess.STDOUT if log_path is not None else subprocess.DEVNULL,
        )
        if log_path is not None:
            log.close()  # the server has its own copy of the file
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"packline-server exited at start ({self.proc.returncode})")
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("packline-server did not start within 60 s")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
