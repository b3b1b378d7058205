"""What a station keeps secret: its server token (never needed on a command line, stored where
only the station's user can read it) and a warning when it would travel unencrypted."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from app.cli import _plain_http_elsewhere
from tests.sync.stations import ROOT


def test_the_token_comes_from_the_environment_and_the_database_is_the_users_alone(seeded, tmp_path):
    data = tmp_path / "station"
    token = seeded.store.add_station("PACK-S1")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data), "sync", "--once", "--server", seeded.url],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PACKLINE_TOKEN": token},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["pulled"] > 0
    assert token not in done.stdout + done.stderr
    if os.name == "posix":
        assert stat.S_IMODE((data / "packline.db").stat().st_mode) == 0o600
        assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_a_token_read_from_standard_input(seeded, tmp_path):
    token = seeded.store.add_station("PACK-S2")
    command = ["--data-dir", str(tmp_path), "sync", "--once", "--server", seeded.url, "--token", "-"]
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *command],
        input=token + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        ("http://127.0.0.1:8765", False),
        ("http://localhost:8765", False),
        ("http://[::1]:8765", False),
        ("https://wms.example.com", False),
        ("http://wms.example.com", True),
        ("http://10.0.0.5:8765", True),
    ],
)
def test_plain_http_off_this_machine_is_warned_about(url, warned):
    assert _plain_http_elsewhere(url) is warned
