"""The README's walk-throughs, run as written: every shell block on a fresh data folder (a fresh
XDG data home, so the default folder is new), each line's exit code checked by `set -e`, and no
traceback anywhere. The two set-up commands are what runs this test, so they are not run again."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
WALKS = [b for b in BLOCKS if not b.startswith("bash resources/setup/")]


def test_the_readme_has_walk_throughs_and_its_two_set_up_commands():
    assert len(BLOCKS) - len(WALKS) == 2 and len(WALKS) >= 3


@pytest.mark.parametrize("block", WALKS, ids=[b.split()[0] + "-" + str(i) for i, b in enumerate(WALKS)])
def test_a_readme_block_runs_as_written(block, tmp_path):
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")  # platformdirs: the default data folder is new
    env["QT_QPA_PLATFORM"] = "offscreen"
    # The README's port is a person's example; a test takes a free one (anything else on the
    # machine may hold 8765).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = str(probe.getsockname()[1])
    block = re.sub(r"\b8765\b", free, block)
    done = subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + block],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    assert "Traceback" not in output, output[-4000:]
