"""What the station's sync client takes from its environment: the proxy variables (read once, when
the client is made), never a ~/.netrc password in place of the station's token."""

from __future__ import annotations

import json

import pytest

from sync.client import ServerConfig, SyncClient
from tests.sync.servers import LoopbackHTTP, QuietHandler


class RecordingServer:
    """Answers /whoami for any URL and remembers each request line and Authorization header: as a
    proxy it sees absolute URLs (GET http://host/...), as the server itself only paths."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        owner = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                owner.seen.append((self.requestline, self.headers.get("Authorization", "")))
                self.answer_json(json.dumps({"station": "PACK-P"}).encode())

        self.http = LoopbackHTTP(Handler)
        self.url = self.http.url

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def recorder():
    server = RecordingServer()
    yield server
    server.close()


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy",
                 "NO_PROXY", "no_proxy"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    return monkeypatch


def test_a_station_behind_a_proxy_reaches_the_server_through_it(recorder, clean_env):
    clean_env.setenv("HTTP_PROXY", recorder.url)
    # A name that never resolves: only the proxy can answer for it.
    client = SyncClient(ServerConfig("http://sync.packline.invalid:8765", "plt_token"))
    clean_env.delenv("HTTP_PROXY")  # read when the client was made, not per request
    try:
        assert client.whoami() == "PACK-P"
    finally:
        client.close()
    assert recorder.seen == [
        ("GET http://sync.packline.invalid:8765/api/v1/whoami HTTP/1.1", "Bearer plt_token")
    ]


def test_no_proxy_sends_the_station_straight_to_the_server(recorder, clean_env):
    clean_env.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    clean_env.setenv("NO_PROXY", "127.0.0.1")
    client = SyncClient(ServerConfig(recorder.url, "plt_token"))
    try:
        assert client.whoami() == "PACK-P"
    finally:
        client.close()
    assert recorder.seen == [("GET /api/v1/whoami HTTP/1.1", "Bearer plt_token")]


def test_a_netrc_entry_for_the_server_does_not_replace_the_station_token(recorder, clean_env, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login office password hunter2\n")
    netrc.chmod(0o600)
    clean_env.setenv("NETRC", str(netrc))
    client = SyncClient(ServerConfig(recorder.url, "plt_token"))
    try:
        assert client.whoami() == "PACK-P"
    finally:
        client.close()
    assert recorder.seen[0][1] == "Bearer plt_token"
