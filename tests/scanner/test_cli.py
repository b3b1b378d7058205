"""`packline-devices` as a technician runs it: simulators on ptys, JSON lines out."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scanner.cli import main
from scanner.model import ReadingState
from scanner.probe import probe
from scanner.scales import PROTOCOLS
from scanner.simulate import ScaleSimulator, ScannerSimulator


def run_cli(*args: str, timeout: float = 30) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "scanner.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_listen_to_a_scale_prints_readings_as_json(tmp_path):
    sim = ScaleSimulator("cas", tmp_path / "s", interval_s=0.05).start()
    sim.set(1234, stable=True)
    try:
        lines = run_cli("listen", "--port", sim.path, "--kind", "scale", "--protocol", "cas", "--count", "3")
    finally:
        sim.stop()
    readings = [line for line in lines if line["kind"] == "reading"]
    assert len(readings) == 3
    assert readings[-1] == {
        "kind": "reading",
        "grams": 1234,
        "stable": True,
        "state": "ok",
        "net": False,
        "zero": False,
        "detail": None,
    }
    assert any(line["kind"] == "status" and line["status"] == "connected" for line in lines)


def test_listen_to_a_scanner_prints_scans_as_json(tmp_path):
    sim = ScannerSimulator(tmp_path / "sc")
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scanner.cli",
            "listen",
            "--port",
            sim.path,
            "--kind",
            "scanner",
            "--count",
            "2",
            "--seconds",
            "20",
        ],
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            assert proc.stdout is not None
            first = json.loads(proc.stdout.readline())
            assert first["kind"] == "status" and first["status"] == "connected"
            sim.scan("6901234567892")
            sim.scan("PL000123")
            out, _ = proc.communicate(timeout=20)
        finally:
            sim.close()
    scans = [json.loads(line) for line in out.splitlines() if line.strip()]
    scans = [s for s in scans if s["kind"] == "scan"]
    assert scans[0]["raw"] == "6901234567892" and scans[0]["gtin"] == "06901234567892"
    assert scans[0]["symbology"] is None
    assert scans[1]["code"] == "PL000123" and scans[1]["gtin"] is None


@pytest.mark.parametrize("protocol", ["mt-sics", "xk3190-a12", "toledo-continuous"])
def test_probe_finds_the_protocol(tmp_path, protocol):
    sim = ScaleSimulator(protocol, tmp_path / "s", interval_s=0.05).start()
    sim.set(2500)
    try:
        found = probe(sim.path, seconds_per_try=0.4)
    finally:
        sim.stop()
    assert found is not None and found["found"]
    assert found["reading"]["grams"] == 2500
    # Protocols whose frames also parse as another's may be reported under that name; the weight
    # must be right either way, and the named protocol must read the simulator's frames.
    assert PROTOCOLS[found["protocol"]]().feed(PROTOCOLS[protocol].encode(2500) * 2)


def test_listen_auto_probes_then_reads(tmp_path):
    sim = ScaleSimulator("nci", tmp_path / "s").start()
    sim.set(800)
    try:
        lines = run_cli("listen", "--port", sim.path, "--kind", "scale", "--protocol", "auto", "--count", "2")
    finally:
        sim.stop()
    assert lines[0]["kind"] == "probe" and lines[0]["found"]
    assert [line["grams"] for line in lines if line["kind"] == "reading"] == [800, 800]


def test_simulate_prints_its_pty_path_first():
    with subprocess.Popen(
        [sys.executable, "-m", "scanner.cli", "simulate", "scale", "--protocol", "mt-sics", "--grams", "450"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        try:
            assert proc.stdout is not None
            path = proc.stdout.readline().strip()
            assert path.startswith("/dev/pts/")
            lines = run_cli(
                "listen", "--port", path, "--kind", "scale", "--protocol", "mt-sics", "--count", "1"
            )
            assert [line["grams"] for line in lines if line["kind"] == "reading"] == [450]
        finally:
            proc.terminate()
            proc.wait(5)


def test_unknown_protocol_is_a_clear_error(capsys):
    assert main(["listen", "--port", "loop://", "--kind", "scale", "--protocol", "nope"]) == 2
    assert "unknown protocol" in capsys.readouterr().err


def test_overload_is_reported_in_the_state_field(tmp_path):
    sim = ScaleSimulator("mt-sics", tmp_path / "s").start()
    sim.set(0, state=ReadingState.OVERLOAD)
    try:
        lines = run_cli(
            "listen", "--port", sim.path, "--kind", "scale", "--protocol", "mt-sics", "--count", "1"
        )
    finally:
        sim.stop()
    (reading,) = [line for line in lines if line["kind"] == "reading"]
    assert reading["state"] == "overload" and reading["grams"] is None and reading["stable"] is None
