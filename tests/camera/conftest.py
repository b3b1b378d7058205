"""A real RTSP camera on loopback (tests/camera/rtsp_camera.py under Debian's python3)."""

from __future__ import annotations

import shutil
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.sync.servers import free_port

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"


@dataclass
class Camera:
    """A camera serving at `url`; `frames()` says when each frame number was made (wall time)."""

    port: int
    log: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"rtsp://127.0.0.1:{self.port}/cam"

    def start(self) -> Camera:
        ok = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0')"],
                            capture_output=True, check=False).returncode == 0  # fmt: skip
        if not ok:
            pytest.fail(
                "GStreamer's RTSP server is missing: apt-get install python3-gi gir1.2-gst-rtsp-server-1.0 "
                "gstreamer1.0-plugins-{base,good,ugly,bad} (.ci/run does)"
            )
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(HERE / "rtsp_camera.py"), str(self.port), str(self.log)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line.startswith("READY"), line
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None

    def frames(self) -> dict[int, float]:
        made = {}
        for line in self.log.read_text().splitlines():
            number, wall = line.split()
            made[int(number)] = float(wall)  # a restarted camera counts again: the latest wins
        return made


@pytest.fixture
def camera(tmp_path: Path) -> Iterator[Camera]:
    if shutil.which(SYSTEM_PYTHON) is None:
        pytest.fail("Debian's python3 is missing")
    cam = Camera(free_port(), tmp_path / "frames.log").start()
    yield cam
    cam.stop()
