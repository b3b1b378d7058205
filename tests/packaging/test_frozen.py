"""The packaged station as users install it: `pyinstaller build.spec`, then the frozen programs
themselves, never the source tree: they start with demo data, pack an order headless, render a
label in PDF, ZPL and TSPL, read a scale over a pseudo-terminal, and open the window."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.frozen


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    assert pyinstaller.exists(), "pyinstaller comes with the dev extras: pip install -e '.[dev]'"
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    folder = work / "dist" / "packline"
    assert (folder / "packline").exists() and (folder / "packline-cli").exists()
    return folder


def frozen(bundle: Path, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(bundle / "packline-cli"), *argv],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=env,
        cwd=bundle.parent,  # nowhere near the source tree
    )


def test_the_frozen_selftest_packs_renders_and_reads_a_scale(bundle):
    assert frozen(bundle, "--version").stdout.strip().startswith("packline ")
    done = frozen(bundle, "selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and all(check["ok"] for check in report["checks"].values()), report


def test_the_frozen_technician_commands_work_on_a_station_folder(bundle, tmp_path):
    data = str(tmp_path / "station")
    sheet = frozen(bundle, "demo-sheet", "--json", "--data-dir", data)
    assert sheet.returncode == 0, sheet.stderr
    order_no = json.loads(sheet.stdout)["ready"][0]["order_no"]
    for fmt, magic in (("pdf", b"%PDF"), ("zpl", b"^XA"), ("tspl", b"SIZE")):
        out = tmp_path / f"label.{fmt}"
        done = frozen(bundle, "print", "label", order_no, "--format", fmt, "-o", str(out), "--data-dir", data)
        assert done.returncode == 0, done.stderr
        assert out.read_bytes().startswith(magic) or magic in out.read_bytes()[:64]
    assert frozen(bundle, "devices", "list").returncode == 0
    seed = tmp_path / "seed.json"
    assert frozen(bundle, "export", "-o", str(seed), "--data-dir", data).returncode == 0
    assert json.loads(seed.read_text(encoding="utf-8"))["orders"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is how a POSIX session ends the station")
def test_the_frozen_station_window_opens_in_chinese_and_closes_cleanly(bundle, tmp_path):
    data = tmp_path / "station"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    window = subprocess.Popen(
        [str(bundle / "packline"), "--data-dir", str(data), "--lang", "zh_CN"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=bundle.parent,
    )
    log = data / "logs" / "packline.log"
    try:
        deadline = time.monotonic() + 90
        while not (log.exists() and "station window shown" in log.read_text(encoding="utf-8")):
            assert window.poll() is None, window.stderr.read().decode(errors="replace")
            assert time.monotonic() < deadline, "the window never opened"
            time.sleep(0.2)
        window.send_signal(signal.SIGTERM)
        assert window.wait(30) == 0
    finally:
        if window.poll() is None:
            window.kill()
            window.wait(10)
        stderr = window.stderr.read().decode(errors="replace")
        window.stderr.close()
    text = log.read_text(encoding="utf-8")
    assert "language zh_CN" in text and "demo data:" in text
    assert "Traceback" not in text + stderr and "translation file" not in text
