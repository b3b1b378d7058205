"""A scan typed by a real X server at scanner speed while the GUI thread is busy is one scan: the
bench's wedge filter on Xvfb, with xdotool as the scanner (keys 15 ms apart, then Enter), the
thread busy for 300 ms at a different point of each burst. Before the filter waited for a moment
the thread had free, 7 of 12 such bursts came apart."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("wedge_probe.py")


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A real X server on a display number it chose itself (never a fixed one)."""
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        pytest.fail("Xvfb and xdotool are part of the test set-up (resources/setup/debian.sh test)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


def test_a_burst_typed_while_the_gui_thread_is_busy_is_one_scan(x_display):
    code = "6931234567890"
    offsets = [0, 10, 30, 60, 90, 120, 150, 180]
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, str(PROBE), code, "300", *map(str, offsets)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(result["trials"]) == len(offsets)
    for offset, trial in zip(offsets, result["trials"], strict=True):
        assert trial == {"scans": [code], "field": ""}, offset
    assert result["waited"] > 0  # the busy moments were real: the filter did wait for them
