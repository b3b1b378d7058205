"""Starting the station where something is wrong: a clear sentence and an exit code, never a
traceback or Qt's plugin noise. Each case runs the real `packline` entry point in a process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def packline(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())", *args]


def environment(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@pytest.mark.parametrize(("language", "words"), [("en", "no display"), ("zh_CN", "显示")])
def test_without_a_display_the_station_says_so_in_its_language_and_exits_2(tmp_path, language, words):
    done = subprocess.run(
        packline("--data-dir", str(tmp_path / "data"), "--lang", language),
        env=environment(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert words in done.stderr.lower() and "DISPLAY=:0" in done.stderr
    assert "xcb" not in done.stderr and "Traceback" not in done.stderr


@pytest.fixture
def read_only_dir(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a read-only folder for root is made with a read-only bind mount, which needs root")
    source, target = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    target.mkdir()
    subprocess.run(["mount", "--bind", str(source), str(target)], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True)
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@pytest.mark.parametrize("command", [[], ["demo-sheet"]])
def test_a_read_only_data_folder_gets_a_sentence_not_a_traceback(read_only_dir, command):
    done = subprocess.run(
        packline("--data-dir", str(read_only_dir), "--lang", "en", *command),
        env=environment(QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert str(read_only_dir) in done.stderr and "Read-only" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_second_station_on_the_same_data_folder_refuses_to_start(tmp_path):
    data = tmp_path / "data"
    env = environment(QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen(
        packline("--data-dir", str(data), "--lang", "en"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    second = None
    try:
        deadline = time.monotonic() + 60
        while not (data / "packline.lock").exists():
            assert first.poll() is None, first.stderr.read().decode()
            assert time.monotonic() < deadline, "the first station never took its lock"
            time.sleep(0.1)
        second = subprocess.Popen(
            packline("--data-dir", str(data), "--lang", "en"),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        # It prints its reason, then shows it in a dialog (which would wait for a person).
        line = ""
        deadline = time.monotonic() + 60
        while "already running" not in line:
            assert time.monotonic() < deadline, "no message from the second station"
            line = second.stderr.readline().decode()
            if not line and second.poll() is not None:
                break
        assert "already running" in line and str(first.pid) in line
    finally:
        for process in (second, first):
            if process is not None:
                process.kill()
                process.wait(10)
                process.stderr.close()
